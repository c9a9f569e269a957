//! The questionnaires the app ships, as data: the three
//! interaction questions (answered per interaction moment), the six
//! hostmanship principles and the integrity checklist (dated
//! self-assessments). The screens render any [`Definition`]; a new
//! questionnaire is a new constant here, added to [`ALL`].

use super::engine::{text, text_u, AnswerKind, Choice, Definition, Item, Section, Use};
use crate::catalogue::BUILTIN;
use crate::model::{Direction, Party};

/// Id of the interaction questions.
pub const INTERACTION_ID: &str = "interaction";
/// Id of the hostmanship self-assessment.
pub const HOSTMANSHIP_ID: &str = "hostmanship";
/// Id of the integrity checklist.
pub const INTEGRITY_ID: &str = "integrity";
/// Id of the account quick scan.
pub const QUICK_SCAN_ID: &str = "quick-scan";
/// Id of the client's own scorecard (answered through a client invite).
pub const CLIENT_VIEW_ID: &str = "client-view";

/// Item ids of the interaction questions, used by the moment screens.
pub mod interaction {
    /// Question 1: below / as expected / exceeded.
    pub const OUTCOME: &str = "q1-outcome";
    /// Question 1: why.
    pub const OUTCOME_WHY: &str = "q1-why";
    /// Question 2: 1–5.
    pub const TREATMENT: &str = "q2-treatment";
    /// Question 2: why.
    pub const TREATMENT_WHY: &str = "q2-why";
    /// Question 3: the little extra.
    pub const EXTRA: &str = "q3-extra";
    /// Option ids of question 1, worst first.
    pub const BELOW: &str = "below";
    /// As expected.
    pub const AS_EXPECTED: &str = "as-expected";
    /// Exceeded.
    pub const EXCEEDED: &str = "exceeded";
}

const OUTCOMES: &[Choice] = &[
    Choice {
        id: interaction::BELOW,
        label: text("Onder verwachting", "Below expectations"),
        points: 0,
    },
    Choice {
        id: interaction::AS_EXPECTED,
        label: text("Zoals verwacht", "As expected"),
        points: 1,
    },
    Choice {
        id: interaction::EXCEEDED,
        label: text("Verwachting overtroffen", "Exceeded expectations"),
        points: 2,
    },
];

/// The three questions to ask yourself after every interaction moment.
pub const INTERACTION: Definition = Definition {
    id: INTERACTION_ID,
    code: 1,
    version: 1,
    usage: Use::PerMoment,
    title: text("Drie interactievragen", "Three interaction questions"),
    intro: text(
        "Stel jezelf na elk contactmoment deze drie vragen. Alleen een overtroffen verwachting maakt van een klant een ambassadeur; een tevreden klant stapt net zo makkelijk over als een ontevreden klant.",
        "Ask yourself these three questions after every contact. Only exceeded expectations turn a client into an ambassador; a satisfied client leaves as easily as a dissatisfied one.",
    ),
    sections: &[
        Section {
            id: "expectations",
            title: text("Verwachting", "Expectations"),
            description: text(
                "Heb ik aan de verwachting van de klant voldaan, of hem positief verrast?",
                "Did I meet the client's expectations, or surprise them positively?",
            ),
            tip: text(
                "Vraag aan het begin van het volgende contact wat de klant ervan verwacht, en lever net iets meer.",
                "At the start of the next contact, ask what the client expects from it, and deliver a little more.",
            ),
        },
        Section {
            id: "treatment",
            title: text("Behandeling", "Treatment"),
            description: text(
                "Heb ik de klant behandeld zoals ik zelf behandeld zou willen worden?",
                "Did I treat the client the way I would want to be treated?",
            ),
            tip: text(
                "Lees je laatste bericht aan de klant terug alsof je het zelf ontvangt, voordat je het verstuurt.",
                "Before sending, reread your message to the client as if you were the one receiving it.",
            ),
        },
        Section {
            id: "extra",
            title: text("Extra", "Extra"),
            description: text(
                "Welk klein extraatje onderscheidt ons bij dit moment?",
                "What small extra sets us apart at this moment?",
            ),
            tip: text(
                "Plan het extraatje met een echte datum, anders gebeurt het niet.",
                "Plan the extra with a real date, or it will not happen.",
            ),
        },
    ],
    items: &[
        Item {
            id: interaction::OUTCOME,
            section: "expectations",
            text: text(
                "1. Heb ik aan de verwachting van de klant voldaan, of hem positief verrast?",
                "1. Did I meet the client's expectations, or surprise them positively?",
            ),
            kind: AnswerKind::Choice(OUTCOMES),
        },
        Item {
            id: interaction::OUTCOME_WHY,
            section: "expectations",
            text: text("Waarom?", "Why?"),
            kind: AnswerKind::FreeText,
        },
        Item {
            id: interaction::TREATMENT,
            section: "treatment",
            text: text(
                "2. Hoe zou ik zelf in deze situatie behandeld willen worden, en heb ik de klant zo behandeld? (1 = helemaal niet, 5 = volledig)",
                "2. How would I want to be treated in this situation, and did I treat the client that way? (1 = not at all, 5 = completely)",
            ),
            kind: AnswerKind::Scale,
        },
        Item {
            id: interaction::TREATMENT_WHY,
            section: "treatment",
            text: text("Toelichting", "Explanation"),
            kind: AnswerKind::FreeText,
        },
        Item {
            id: interaction::EXTRA,
            section: "extra",
            text: text(
                "3. Welk klein extraatje kan ik aan dit moment toevoegen waarmee we ons onderscheiden?",
                "3. What small extra can I add to this moment that sets us apart?",
            ),
            kind: AnswerKind::FreeText,
        },
    ],
    renames: &[],
};

macro_rules! statement {
    ($id:literal, $section:literal, $nl:literal, $en:literal) => {
        Item {
            id: $id,
            section: $section,
            text: text($nl, $en),
            kind: AnswerKind::Scale,
        }
    };
}

/// The six hostmanship principles as a periodic self-assessment: three
/// statements each, 1 (not true) … 5 (fully true).
pub const HOSTMANSHIP: Definition = Definition {
    id: HOSTMANSHIP_ID,
    code: 2,
    version: 1,
    usage: Use::Assessment,
    title: text("Hostmanship: zes principes", "Hostmanship: six principles"),
    intro: text(
        "Geef bij elke uitspraak aan hoe goed die past bij hoe jij deze klant de afgelopen periode hebt bediend: 1 = helemaal niet waar, 5 = helemaal waar. Sla over wat je niet kunt beoordelen.",
        "For each statement, rate how well it describes how you served this client recently: 1 = not true at all, 5 = completely true. Skip what you cannot judge.",
    ),
    sections: &[
        Section {
            id: "serving",
            title: text("Dienen", "Serving"),
            description: text(
                "Oprecht willen bijdragen aan het succes van de klant.",
                "Sincerely wanting to contribute to the client's success.",
            ),
            tip: text(
                "Vraag de klant in het volgende gesprek wat voor hem dit jaar een succes zou maken, en koppel één van je acties daar zichtbaar aan.",
                "In your next conversation, ask the client what would make this year a success for them, and visibly link one of your actions to it.",
            ),
        },
        Section {
            id: "whole",
            title: text("Het geheel zien", "Seeing the whole"),
            description: text(
                "Jezelf zien door de ogen van de klant, als deel van zijn hele ervaring.",
                "Seeing yourself through the client's eyes, as part of their whole experience.",
            ),
            tip: text(
                "Loop één keer de hele klantreis na: van offerte tot factuur. Noteer drie momenten waarop de klant moet wachten of zoeken, en los er één op.",
                "Walk through the client's whole journey once, from quote to invoice. Note three moments where they wait or search, and fix one.",
            ),
        },
        Section {
            id: "responsibility",
            title: text("Verantwoordelijkheid nemen", "Taking responsibility"),
            description: text(
                "Problemen van de klant oppakken, ongeacht wie ze veroorzaakte.",
                "Picking up the client's problems, whoever caused them.",
            ),
            tip: text(
                "Kies het oudste openstaande probleem van deze klant, word er zelf eigenaar van en meld de klant vóór vrijdag wat je eraan doet.",
                "Take this client's oldest open problem, become its owner yourself, and tell the client before Friday what you are doing about it.",
            ),
        },
        Section {
            id: "consideration",
            title: text("Consideratie hebben", "Having consideration"),
            description: text(
                "Je verplaatsen in de ander en zonder oordeel handelen in zijn belang.",
                "Stepping into the other's shoes and acting in their interest without judgement.",
            ),
            tip: text(
                "Schrijf voor je volgende overleg op hoe de week van je contactpersoon eruitziet en wat hij van jou nodig heeft, en open het gesprek daarmee.",
                "Before your next meeting, write down what your contact's week looks like and what they need from you, and open the conversation with it.",
            ),
        },
        Section {
            id: "dialogue",
            title: text("Dialoog voeren", "Holding a dialogue"),
            description: text(
                "Praten is luisteren: eerst begrijpen, dan begrepen worden.",
                "Talking is listening: understand before being understood.",
            ),
            tip: text(
                "Stel in het volgende gesprek eerst drie open vragen en vat het antwoord samen voordat je zelf iets voorstelt.",
                "In the next conversation, ask three open questions first and summarise the answer before you propose anything.",
            ),
        },
        Section {
            id: "knowledge",
            title: text("Kennis hebben", "Having knowledge"),
            description: text(
                "Vakkundig zijn, nieuwsgierig naar de klant, en toegeven wat je niet weet.",
                "Being skilled, curious about the client, and admitting what you do not know.",
            ),
            tip: text(
                "Plan een uur om het jaarverslag of de laatste nieuwsberichten van de klant te lezen, en noem in het volgende gesprek één ding dat je daarvan leerde.",
                "Book an hour to read the client's annual report or latest news, and mention one thing you learned from it in the next conversation.",
            ),
        },
    ],
    items: &[
        statement!(
            "serving-success",
            "serving",
            "Ik weet wat succes betekent voor deze klant en werk daar aantoonbaar aan.",
            "I know what success means to this client and visibly work towards it."
        ),
        statement!(
            "serving-beyond-contract",
            "serving",
            "Ik help de klant ook als het niet direct iets oplevert voor ons.",
            "I help the client even when it brings us nothing right away."
        ),
        statement!(
            "serving-welcome",
            "serving",
            "De klant voelt zich welkom wanneer hij contact met ons opneemt.",
            "The client feels welcome whenever they contact us."
        ),
        statement!(
            "whole-journey",
            "whole",
            "Ik ken de hele weg die de klant met ons aflegt, niet alleen mijn eigen deel.",
            "I know the client's whole journey with us, not only my own part."
        ),
        statement!(
            "whole-eyes",
            "whole",
            "Ik bekijk onze producten, rapporten en facturen regelmatig door de ogen van de klant.",
            "I regularly look at our products, reports and invoices through the client's eyes."
        ),
        statement!(
            "whole-colleagues",
            "whole",
            "Ik weet wat mijn collega's met deze klant afspreken en zorg dat het één geheel is.",
            "I know what my colleagues agree with this client and make sure it fits together."
        ),
        statement!(
            "responsibility-own",
            "responsibility",
            "Als de klant een probleem heeft, pak ik het op, ook als een ander het veroorzaakte.",
            "When the client has a problem, I pick it up, even if someone else caused it."
        ),
        statement!(
            "responsibility-no-blame",
            "responsibility",
            "Ik verschuil me niet achter het contract, de procedure of een collega.",
            "I do not hide behind the contract, the procedure or a colleague."
        ),
        statement!(
            "responsibility-follow-up",
            "responsibility",
            "Ik laat de klant uit mezelf weten hoe het met zijn probleem staat.",
            "I let the client know how their problem stands without being asked."
        ),
        statement!(
            "consideration-shoes",
            "consideration",
            "Ik verplaats me in de situatie en de druk waaronder mijn contactpersoon werkt.",
            "I put myself in the situation and pressure my contact works under."
        ),
        statement!(
            "consideration-judgement",
            "consideration",
            "Ik oordeel niet over de klant, ook niet als hij lastig is of het mis heeft.",
            "I do not judge the client, even when they are difficult or wrong."
        ),
        statement!(
            "consideration-timing",
            "consideration",
            "Ik kies het moment en de vorm van mijn boodschap zo dat het de klant uitkomt.",
            "I choose the moment and form of my message to suit the client."
        ),
        statement!(
            "dialogue-listen",
            "dialogue",
            "In gesprekken luister ik meer dan ik praat.",
            "In conversations I listen more than I talk."
        ),
        statement!(
            "dialogue-understand",
            "dialogue",
            "Ik vat samen wat de klant bedoelt voordat ik met een oplossing kom.",
            "I summarise what the client means before I offer a solution."
        ),
        statement!(
            "dialogue-unasked",
            "dialogue",
            "Ik beantwoord ook vragen die de klant niet stelt maar wel heeft.",
            "I also answer questions the client has but does not ask."
        ),
        statement!(
            "knowledge-craft",
            "knowledge",
            "Ik ben deskundig in mijn vak en houd die kennis bij.",
            "I am skilled in my field and keep that knowledge up to date."
        ),
        statement!(
            "knowledge-curious",
            "knowledge",
            "Ik ben nieuwsgierig naar de organisatie, de markt en de wensen van de klant.",
            "I am curious about the client's organisation, market and wishes."
        ),
        statement!(
            "knowledge-admit",
            "knowledge",
            "Als ik iets niet weet, zeg ik dat en zoek ik het uit.",
            "When I do not know something, I say so and find out."
        ),
    ],
    renames: &[],
};

const YES_NO: &[Choice] = &[
    Choice {
        id: "yes",
        label: text("Ja", "Yes"),
        points: 1,
    },
    Choice {
        id: "no",
        label: text("Nee", "No"),
        points: 0,
    },
];

macro_rules! check {
    ($id:literal, $nl:literal, $en:literal) => {
        Item {
            id: $id,
            section: "integrity",
            text: text($nl, $en),
            kind: AnswerKind::Choice(YES_NO),
        }
    };
}

/// An integrity checklist for the relationship: does the account rest on
/// honest dealing? Yes / no per point; skip what did not occur.
pub const INTEGRITY: Definition = Definition {
    id: INTEGRITY_ID,
    code: 3,
    version: 3,
    usage: Use::Assessment,
    title: text("Integriteit van de relatie", "Integrity of the relationship"),
    intro: text(
        "Beantwoord elke vraag eerlijk met ja of nee voor de afgelopen periode. Sla over wat niet is voorgekomen. Een 'nee' is geen schande maar een gespreksonderwerp.",
        "Answer each question honestly with yes or no for the recent period. Skip what did not occur. A 'no' is not a disgrace but something to talk about.",
    ),
    sections: &[Section {
        id: "integrity",
        title: text("Integriteit", "Integrity"),
        description: text(
            "Eerlijk zaken doen, ook als het ons iets kost.",
            "Dealing honestly, even when it costs us something.",
        ),
        tip: text(
            "Neem het punt waarop je 'nee' antwoordde mee naar het volgende gesprek met de klant, en benoem het zelf voordat hij het doet.",
            "Take the point you answered 'no' to into your next conversation with the client, and raise it yourself before they do.",
        ),
    }],
    items: &[
        check!(
            "told-wrong",
            "Als de klant het mis had, heb ik dat gezegd, ook als hij dat niet wilde horen.",
            "When the client was wrong, I told them, even when they did not want to hear it."
        ),
        check!(
            "said-no",
            "Werk waar de klant niets aan zou hebben, heb ik afgeraden, ook als hij ervoor wilde betalen.",
            "I advised against work the client would not benefit from, even when they wanted to pay for it."
        ),
        check!(
            "explainable-terms",
            "Al onze prijzen en voorwaarden kan ik de klant recht in de ogen uitleggen.",
            "I can explain all our prices and terms to the client face to face."
        ),
        check!(
            "within-competence",
            "Werk buiten onze deskundigheid heb ik eerlijk afgewezen, en ik heb de klant iemand aanbevolen die het wel kan.",
            "I honestly turned down work outside our competence, and recommended someone who can do it."
        ),
        check!(
            "can-judge",
            "Deze klant kan zelf beoordelen wat hij van ons afneemt: we werken voor organisaties die dat kunnen, niet voor consumenten die het niet kunnen overzien.",
            "This client can judge for themselves what they buy from us: we work for organisations that can, not for consumers who cannot oversee it."
        ),
        check!(
            "business-relationship",
            "Ik behandel deze klant als een zakelijke relatie voor de lange termijn, niet als een consument met wie ik één transactie doe.",
            "I treat this client as a long-term business relationship, not as a consumer for a single transaction."
        ),
        check!(
            "no-selling",
            "Wat de klant afnam, kwam voort uit zijn eigen vraag en ons advies; ik heb niets 'verkocht'.",
            "What the client bought came from their own need and our advice; I did not 'sell' anything."
        ),
        check!(
            "no-hiding",
            "Bij een meningsverschil heb ik samen met de klant een oplossing gezocht in plaats van naar het contract te wijzen.",
            "In a disagreement, I looked for a solution together with the client instead of pointing to the contract."
        ),
        check!(
            "fair-prices",
            "Onze prijzen zijn normaal en gezond voor beide kanten: niet extreem laag om binnen te komen, niet hoger dan de waarde die we leveren.",
            "Our prices are normal and healthy for both sides: not extremely low to get in, not higher than the value we deliver."
        ),
        check!(
            "own-mistakes",
            "Onze eigen fouten heb ik gemeld voordat de klant ze zelf ontdekte.",
            "I reported our own mistakes before the client found them."
        ),
    ],
    renames: &[],
};

/// How often something happened in the last twelve months: the answer of
/// every quick-scan item, its points the count it stands for.
pub const FREQUENCY: &[Choice] = &[
    Choice {
        id: "never",
        label: text("Nooit", "Never"),
        points: 0,
    },
    Choice {
        id: "once",
        label: text("Eén keer", "Once"),
        points: 1,
    },
    Choice {
        id: "few",
        label: text("Een paar keer", "A few times"),
        points: 3,
    },
    Choice {
        id: "often",
        label: text("Vaak", "Often"),
        points: 6,
    },
];

/// The quick scan's section of a category's party and direction.
pub const fn scan_section(party: Party, direction: Direction) -> &'static str {
    match (party, direction) {
        (Party::Supplier, Direction::Deposit) => "sd",
        (Party::Supplier, Direction::Withdrawal) => "sw",
        (Party::Client, Direction::Deposit) => "cd",
        (Party::Client, Direction::Withdrawal) => "cw",
    }
}

/// One quick-scan item per built-in category, its id the category's id,
/// built from the catalogue so the two never drift apart.
const SCAN_ITEMS: [Item; BUILTIN.len()] = {
    let mut out = [Item {
        id: "",
        section: "",
        text: text("", ""),
        kind: AnswerKind::FreeText,
    }; BUILTIN.len()];
    let mut i = 0;
    while i < BUILTIN.len() {
        let b = &BUILTIN[i];
        out[i] = Item {
            id: b.id,
            section: scan_section(b.party, b.direction),
            text: text(b.nl, b.en),
            kind: AnswerKind::Choice(FREQUENCY),
        };
        i += 1;
    }
    out
};

macro_rules! part {
    ($id:literal, $nl:literal, $en:literal, $dnl:literal, $den:literal, $tnl:literal, $ten:literal) => {
        Section {
            id: $id,
            title: text($nl, $en),
            description: text($dnl, $den),
            tip: text($tnl, $ten),
        }
    };
    // A description the client reads, with its "je" form.
    ($id:literal, $nl:literal, $en:literal, $dnl:literal / $dje:literal, $den:literal, $tnl:literal, $ten:literal) => {
        Section {
            id: $id,
            title: text($nl, $en),
            description: text_u($dnl, $dje, $den),
            tip: text($tnl, $ten),
        }
    };
}

/// "Hoe rood sta jij bij je klant?" as an exercise: for every give and take
/// of both parties, how often it happened with this client in the last
/// twelve months. Scored as estimated saldi (`questionnaires::scan`).
pub const QUICK_SCAN: Definition = Definition {
    id: QUICK_SCAN_ID,
    code: 4,
    version: 1,
    usage: Use::Scan,
    title: text("Snelle scan: hoe rood sta je bij deze klant?", "Quick scan: how red are you with this client?"),
    intro: text(
        "Geef voor elke storting en opname aan hoe vaak die het afgelopen jaar bij deze klant voorkwam. De app schat daaruit het saldo van beide partijen; geen boekhouding, wel een eerlijk beeld.",
        "For every deposit and withdrawal, say how often it happened with this client in the past year. The app estimates both parties' saldo from that: not bookkeeping, but an honest picture.",
    ),
    sections: &[
        part!("sd", "Wat wij geven", "What we give", "Onze stortingen: leveren, luisteren, afspraken nakomen.", "Our deposits: delivering, listening, keeping agreements.", "Kies één storting die je de komende maand vaker wilt doen.", "Pick one deposit to make more often next month."),
        part!("sw", "Wat wij nemen", "What we take", "Onze opnames: betaling, commitment vragen, fouten.", "Our withdrawals: payment, asking commitment, errors.", "Kies de opname die het vaakst voorkwam en bedenk hoe je hem voorkomt of goedmaakt.", "Take the withdrawal that happened most and think how to prevent or make good for it."),
        part!("cd", "Wat de klant geeft", "What the client gives", "Stortingen van de klant: op tijd betalen, juiste informatie.", "The client's deposits: paying on time, correct information.", "Laat de klant merken dat je ziet wat hij goed doet.", "Let the client know you see what they do well."),
        part!("cw", "Wat de klant neemt", "What the client takes", "Opnames van de klant: te laat betalen, meerwerk eisen.", "The client's withdrawals: paying late, demanding extra work.", "Bespreek de opname die het vaakst voorkwam met de opdrachtgever.", "Discuss the most frequent withdrawal with the sponsor."),
    ],
    items: &SCAN_ITEMS,
    renames: &[],
};

macro_rules! says {
    ($id:literal, $section:literal, $nl:literal, $en:literal) => {
        Item {
            id: $id,
            section: $section,
            text: text($nl, $en),
            kind: AnswerKind::Scale,
        }
    };
}

/// Item ids of the client's own scorecard.
pub mod client_view {
    /// Did we meet or exceed your expectation at our last contact?
    pub const LAST_CONTACT: &str = "cv-last-contact";
    /// Were you treated as you want to be treated?
    pub const TREATED: &str = "cv-treated";
    /// What would make the difference next time?
    pub const NEXT_TIME: &str = "cv-next-time";
    /// Anything else (optional).
    pub const REMARK: &str = "cv-remark";
}

/// The client's own scorecard: the six hostmanship principles in the
/// client's words (the section ids are hostmanship's, so the two compare
/// per principle), and the interaction questions turned around.
pub const CLIENT_VIEW: Definition = Definition {
    id: CLIENT_VIEW_ID,
    code: 5,
    version: 1,
    usage: Use::ClientView,
    title: text_u("Hoe ervaart u onze samenwerking?", "Hoe ervaar je onze samenwerking?", "How do you experience our cooperation?"),
    intro: text_u(
        "Wij vragen u eerlijk hoe u ons als leverancier ervaart. Het kost een paar minuten; elke vraag mag u overslaan. Uw antwoorden gaan nergens naartoe behalve naar ons: er is geen server, u stuurt ze zelf terug.",
        "Wij vragen je eerlijk hoe je ons als leverancier ervaart. Het kost een paar minuten; elke vraag mag je overslaan. Je antwoorden gaan nergens naartoe behalve naar ons: er is geen server, je stuurt ze zelf terug.",
        "We ask you honestly how you experience us as a supplier. It takes a few minutes; you may skip any question. Your answers go nowhere but to us: there is no server, you send them back yourself.",
    ),
    sections: &[
        part!("serving", "Dienen", "Serving", "Werkt de leverancier aan uw succes?" / "Werkt de leverancier aan jouw succes?", "Does the supplier work for your success?", "Vraag de klant wat succes voor hem betekent.", "Ask the client what success means to them."),
        part!("whole", "Het geheel zien", "Seeing the whole", "Kijkt de leverancier door uw ogen?" / "Kijkt de leverancier door jouw ogen?", "Does the supplier look through your eyes?", "Loop de hele klantreis eens door met de klant.", "Walk the whole client journey with the client."),
        part!("responsibility", "Verantwoordelijkheid nemen", "Taking responsibility", "Lost de leverancier problemen op, wie ze ook veroorzaakte?", "Does the supplier solve problems, whoever caused them?", "Meld problemen zelf, voordat de klant ze ziet.", "Report problems yourself, before the client sees them."),
        part!("consideration", "Consideratie hebben", "Having consideration", "Houdt de leverancier rekening met u?" / "Houdt de leverancier rekening met jou?", "Does the supplier take you into account?", "Vraag naar de situatie van de klant voordat je iets vraagt.", "Ask about the client's situation before asking anything."),
        part!("dialogue", "Dialoog voeren", "Holding a dialogue", "Luistert de leverancier echt?", "Does the supplier really listen?", "Vat samen wat de klant zei voordat je antwoordt.", "Summarise what the client said before you answer."),
        part!("knowledge", "Kennis hebben", "Having knowledge", "Is de leverancier deskundig en eerlijk over wat hij niet weet?", "Is the supplier skilled and honest about what they do not know?", "Zeg wat je niet weet, en zoek het uit.", "Say what you do not know, and find out."),
        part!("contact", "Het laatste contact", "The last contact", "Hoe verliep ons laatste contact?", "How did our last contact go?", "Vraag bij elk contact wat de klant verwacht.", "Ask at every contact what the client expects."),
    ],
    items: &[
        says!("cv-serving-success", "serving", "Mijn leverancier weet wat succes voor ons betekent en werkt daar zichtbaar aan.", "My supplier knows what success means for us and visibly works towards it."),
        says!("cv-serving-beyond", "serving", "Mijn leverancier helpt ons ook als het hem niet direct iets oplevert.", "My supplier helps us even when it brings them nothing right away."),
        says!("cv-whole-eyes", "whole", "Mijn leverancier kijkt door onze ogen naar de hele samenwerking, niet alleen naar zijn eigen deel.", "My supplier looks at the whole cooperation through our eyes, not only at their own part."),
        says!("cv-responsibility-solves", "responsibility", "Als er iets misgaat, lost mijn leverancier het op, wie de oorzaak ook is.", "When something goes wrong, my supplier solves it, whoever caused it."),
        says!("cv-responsibility-reports", "responsibility", "Mijn leverancier meldt problemen zelf, voordat wij ze ontdekken.", "My supplier reports problems themselves, before we find them."),
        says!("cv-consideration", "consideration", "Mijn leverancier houdt rekening met onze situatie en oordeelt niet.", "My supplier takes our situation into account and does not judge."),
        says!("cv-dialogue-listens", "dialogue", "Mijn leverancier luistert goed en begrijpt wat wij echt bedoelen.", "My supplier listens well and understands what we really mean."),
        says!("cv-dialogue-unasked", "dialogue", "Mijn leverancier beantwoordt ook vragen die wij nog niet gesteld hadden.", "My supplier also answers questions we had not asked yet."),
        says!("cv-knowledge-skilled", "knowledge", "Mijn leverancier is deskundig in zijn vak.", "My supplier is skilled in their field."),
        says!("cv-knowledge-honest", "knowledge", "Mijn leverancier zegt het eerlijk als hij iets niet weet.", "My supplier says honestly when they do not know something."),
        Item {
            id: client_view::LAST_CONTACT,
            section: "contact",
            text: text_u("Heeft uw leverancier bij het laatste contact uw verwachting waargemaakt, of overtroffen?", "Heeft je leverancier bij het laatste contact je verwachting waargemaakt, of overtroffen?", "At the last contact, did your supplier meet your expectation, or exceed it?"),
            kind: AnswerKind::Choice(OUTCOMES),
        },
        says!("cv-treated", "contact", "Bij het laatste contact ben ik behandeld zoals ik behandeld wil worden.", "At the last contact I was treated the way I want to be treated."),
        Item {
            id: client_view::NEXT_TIME,
            section: "contact",
            text: text("Wat zou bij het volgende contact het verschil maken?", "What would make the difference at the next contact?"),
            kind: AnswerKind::FreeText,
        },
        Item {
            id: client_view::REMARK,
            section: "contact",
            text: text_u("Wilt u ons nog iets meegeven? (niet verplicht)", "Wil je ons nog iets meegeven? (niet verplicht)", "Anything else you would like to tell us? (optional)"),
            kind: AnswerKind::FreeText,
        },
    ],
    renames: &[],
};

/// Every definition the app knows.
pub const ALL: &[&Definition] = &[
    &INTERACTION,
    &HOSTMANSHIP,
    &INTEGRITY,
    &QUICK_SCAN,
    &CLIENT_VIEW,
];

/// The definition with `id`.
pub fn find(id: &str) -> Option<&'static Definition> {
    ALL.iter().copied().find(|d| d.id == id)
}

/// The definitions offered as dated self-assessments of a client, in
/// display order (the quick scan included).
pub fn assessments() -> impl Iterator<Item = &'static Definition> {
    ALL.iter()
        .copied()
        .filter(|d| matches!(d.usage, Use::Assessment | Use::Scan))
}

/// The definition with code `code` (as used in invite and return codes).
pub fn by_code(code: u8) -> Option<&'static Definition> {
    ALL.iter().copied().find(|d| d.code == code)
}

/// The definitions a workshop can hold: every dated one a participant
/// fills in about their own relationship.
pub fn workshop_exercises() -> impl Iterator<Item = &'static Definition> {
    ALL.iter()
        .copied()
        .filter(|d| matches!(d.usage, Use::Assessment | Use::Scan))
}

#[cfg(test)]
mod tests {
    use super::super::engine::validate_definition;
    use super::*;

    #[test]
    fn every_definition_is_valid_and_ids_are_unique() {
        let mut ids = std::collections::HashSet::new();
        for d in ALL {
            assert_eq!(validate_definition(d), Ok(()), "{}", d.id);
            assert!(ids.insert(d.id), "{}", d.id);
            assert_eq!(find(d.id).map(|f| f.id), Some(d.id));
        }
        assert!(find("nope").is_none());
    }

    #[test]
    fn hostmanship_has_six_principles_of_at_least_two_statements() {
        assert_eq!(HOSTMANSHIP.sections.len(), 6);
        for s in HOSTMANSHIP.sections {
            assert!(HOSTMANSHIP.items_of(s.id).count() >= 2, "{}", s.id);
            assert_ne!(s.tip.nl, s.tip.en);
        }
        // Every principle has its own tip.
        let tips: std::collections::HashSet<_> =
            HOSTMANSHIP.sections.iter().map(|s| s.tip.nl).collect();
        assert_eq!(tips.len(), 6);
    }

    #[test]
    fn interaction_items_the_screens_use_exist() {
        for id in [
            interaction::OUTCOME,
            interaction::OUTCOME_WHY,
            interaction::TREATMENT,
            interaction::TREATMENT_WHY,
            interaction::EXTRA,
        ] {
            assert!(INTERACTION.item(id).is_some(), "{id}");
        }
        let assessments: Vec<_> = assessments().map(|d| d.id).collect();
        assert_eq!(
            assessments,
            vec![HOSTMANSHIP_ID, INTEGRITY_ID, QUICK_SCAN_ID]
        );
    }

    use crate::model::{Answer, Answers};
    use crate::questionnaires::engine::{score, weakest};

    fn all(definition: &Definition, f: impl Fn(&Item) -> Answer) -> Answers {
        definition
            .items
            .iter()
            .map(|i| (i.id.to_string(), f(i)))
            .collect()
    }

    #[test]
    fn hostmanship_scores_principle_means_and_a_total() {
        // Serving 5, dialogue 1 (one statement skipped), everything else 3.
        let answers = all(&HOSTMANSHIP, |i| match i.section {
            "serving" => Answer::Scale(5),
            "dialogue" if i.id == "dialogue-unasked" => Answer::Skip,
            "dialogue" => Answer::Scale(1),
            _ => Answer::Scale(3),
        });
        let s = score(&HOSTMANSHIP, &answers);
        assert_eq!(s.section("serving").unwrap().mean_tenths, Some(50));
        assert_eq!(s.section("dialogue").unwrap().mean_tenths, Some(10));
        assert_eq!(s.section("dialogue").unwrap().answered, 2);
        assert_eq!(s.section("whole").unwrap().mean_tenths, Some(30));
        // (100 + 0 + 4 × 50) / 6 = 50.
        assert_eq!(s.total, Some(50));
        assert_eq!(
            weakest(&HOSTMANSHIP, &s).section().map(|x| x.id),
            Some("dialogue")
        );
        let skipped = all(&HOSTMANSHIP, |_| Answer::Skip);
        let none = score(&HOSTMANSHIP, &skipped);
        assert_eq!((none.total, none.answered, none.skipped), (None, 0, 18));
    }

    #[test]
    fn integrity_scores_the_share_of_yes() {
        let mut answers = all(&INTEGRITY, |_| Answer::Choice("yes".into()));
        answers.insert("said-no".into(), Answer::Choice("no".into()));
        answers.insert("own-mistakes".into(), Answer::Skip);
        let s = score(&INTEGRITY, &answers);
        // Eight of the nine answered are yes: 88.9, rounded.
        assert_eq!(s.total, Some(89));
        assert_eq!(s.section("integrity").unwrap().mean_tenths, None);
        // One section: there is no "weakest", the "no" is what to talk about.
        assert_eq!(weakest(&INTEGRITY, &s).section(), None);
        let attention: Vec<_> =
            crate::questionnaires::engine::attention_items(&INTEGRITY, &answers)
                .iter()
                .map(|i| i.id)
                .collect();
        assert_eq!(attention, vec!["said-no"]);
        assert_eq!(score(&INTEGRITY, &Answers::new()).total, None);
    }

    #[test]
    fn interaction_scores_exceeded_as_best_and_ignores_text() {
        let mut answers = Answers::new();
        answers.insert(
            interaction::OUTCOME.into(),
            Answer::Choice(interaction::EXCEEDED.into()),
        );
        answers.insert(interaction::EXTRA.into(), Answer::Text("taart".into()));
        let s = score(&INTERACTION, &answers);
        assert_eq!(s.section("expectations").unwrap().percent, Some(100));
        assert_eq!(s.section("treatment").unwrap().percent, None);
        assert_eq!(s.section("extra").unwrap().answered, 0);
        assert_eq!(s.total, Some(100));
    }
}
