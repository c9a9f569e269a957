//! Tests of every kind of command: apply, refusal, inverse, batch.

use super::*;
use crate::demo;
use crate::model::dates::test_dates::{d, today};
use crate::model::ClientId;
use crate::questionnaires::definitions::interaction;
use crate::questionnaires::moments::{booking_draft, ActionState, EXTRA_CATEGORY};
use crate::storage::check::validate_account;

fn draft(party: Party, direction: Direction, category: &str, weight: u8) -> EntryDraft {
    EntryDraft {
        date: d(2026, 11, 1),
        party,
        direction,
        category: CategoryId::new(category),
        weight,
        who: String::new(),
        note: String::new(),
        repairs: None,
    }
}

fn empty() -> Account {
    Account::new(Client::new(ClientId::from_random(9), "X"))
}

/// Applies, then checks that the inverse restores the account exactly
/// (tombstones aside) and that redoing gives the changed account back.
fn round_trip(account: &mut Account, command: Command) -> Inverse {
    let before = account.clone();
    let inverse = apply(account, command, today()).expect("command applies");
    let after = account.clone();
    let mut undone = account.clone();
    let redo = apply(&mut undone, inverse.clone(), today()).expect("inverse applies");
    let strip = |a: &Account| {
        let mut a = a.clone();
        a.tombstones.clear();
        a
    };
    assert_eq!(strip(&undone), strip(&before), "undo restores");
    let mut redone = undone;
    apply(&mut redone, redo, today()).expect("redo applies");
    assert_eq!(strip(&redone), strip(&after), "redo repeats");
    inverse
}

#[test]
fn every_entry_command_has_an_exact_inverse() {
    let mut a = demo::example(today(), 1);
    let id = EntryId(1 << 33);
    round_trip(
        &mut a,
        Command::AddEntry {
            id,
            draft: draft(Party::Supplier, Direction::Deposit, "sd-delivered", 3),
        },
    );
    let mut edited = draft(Party::Supplier, Direction::Deposit, "sd-listened", 5);
    edited.note = "beter".into();
    round_trip(&mut a, Command::EditEntry { id, draft: edited });
    let target = a.entries.iter().find_map(|e| e.repairs).unwrap();
    round_trip(&mut a, Command::RemoveEntry { id: target });
    round_trip(&mut a, Command::SetArchived(true));
    round_trip(
        &mut a,
        Command::AddOwnCategory {
            id: CategoryId::new("own-77"),
            party: Party::Client,
            direction: Direction::Deposit,
            label: "Taart".into(),
        },
    );
    round_trip(
        &mut a,
        Command::RenameOwnCategory {
            id: CategoryId::new("own-77"),
            label: "Gebak".into(),
        },
    );
    assert_eq!(validate_account(&a), vec![]);
}

#[test]
fn an_own_category_is_renamed_and_its_entries_keep_it() {
    let mut a = demo::example(today(), 1);
    let id = CategoryId::new("own-5");
    apply(
        &mut a,
        Command::AddOwnCategory {
            id,
            party: Party::Supplier,
            direction: Direction::Deposit,
            label: "Lunch".into(),
        },
        today(),
    )
    .unwrap();
    apply(
        &mut a,
        Command::AddEntry {
            id: EntryId(1 << 40),
            draft: draft(Party::Supplier, Direction::Deposit, "own-5", 2),
        },
        today(),
    )
    .unwrap();
    let inverse = apply(
        &mut a,
        Command::RenameOwnCategory {
            id,
            label: "  Werklunch ".into(),
        },
        today(),
    )
    .unwrap();
    assert_eq!(
        inverse,
        Command::RenameOwnCategory {
            id,
            label: "Lunch".into()
        }
    );
    let own = a.own_categories.iter().find(|c| c.id == id).unwrap();
    assert_eq!(own.label, "Werklunch", "trimmed");
    assert_eq!(a.entry(EntryId(1 << 40)).unwrap().category, id);
    // An empty label and an unknown category are refused; nothing changes.
    let before = a.clone();
    let empty = apply(
        &mut a,
        Command::RenameOwnCategory {
            id,
            label: " ".into(),
        },
        today(),
    );
    assert!(matches!(empty, Err(CommandError::Text(_))), "{empty:?}");
    let unknown = apply(
        &mut a,
        Command::RenameOwnCategory {
            id: CategoryId::new("own-404"),
            label: "X".into(),
        },
        today(),
    );
    assert_eq!(unknown, Err(CommandError::NotFound));
    assert_eq!(a, before);
}

#[test]
fn a_failed_command_changes_nothing() {
    let mut a = demo::example(today(), 1);
    let before = a.clone();
    let bad = apply(
        &mut a,
        Command::AddEntry {
            id: EntryId(1 << 33),
            draft: draft(Party::Client, Direction::Deposit, "sd-delivered", 3),
        },
        today(),
    );
    assert!(matches!(bad, Err(CommandError::Entry(_))));
    assert_eq!(
        apply(
            &mut a,
            Command::RemoveEntry {
                id: EntryId(999_999)
            },
            today()
        ),
        Err(CommandError::NotFound)
    );
    let batch = Command::Batch(vec![
        Command::SetArchived(true),
        Command::RemoveMoment {
            id: MomentId(999_999),
        },
    ]);
    assert_eq!(apply(&mut a, batch, today()), Err(CommandError::NotFound));
    assert_eq!(a, before, "the batch rolled back its first step");
}

#[test]
fn removing_buries_and_restoring_unburies() {
    let mut a = demo::example(today(), 1);
    let id = a.entries[0].id;
    let inverse = apply(&mut a, Command::RemoveEntry { id }, today()).unwrap();
    assert!(a.is_buried(TombstoneKind::Entry, id.0));
    apply(&mut a, inverse, today()).unwrap();
    assert!(!a.is_buried(TombstoneKind::Entry, id.0));
}

#[test]
fn an_edit_may_not_break_a_repair_that_points_at_it() {
    let mut a = empty();
    let w = EntryId(1);
    apply(
        &mut a,
        Command::AddEntry {
            id: w,
            draft: draft(
                Party::Supplier,
                Direction::Withdrawal,
                "sw-invoice-error",
                2,
            ),
        },
        today(),
    )
    .unwrap();
    let mut fix = draft(Party::Supplier, Direction::Deposit, "sd-responsibility", 2);
    fix.repairs = Some(w);
    apply(
        &mut a,
        Command::AddEntry {
            id: EntryId(2),
            draft: fix,
        },
        today(),
    )
    .unwrap();
    let turned = draft(Party::Supplier, Direction::Deposit, "sd-delivered", 2);
    assert_eq!(
        apply(
            &mut a,
            Command::EditEntry {
                id: w,
                draft: turned
            },
            today()
        ),
        Err(CommandError::HasRepairs)
    );
    round_trip(
        &mut a,
        Command::LinkRepair {
            deposit: EntryId(2),
            repairs: None,
        },
    );
}

#[test]
fn plan_complete_and_book_an_action_with_undo() {
    let mut a = empty();
    a.client.account_manager = "Sanne".into();
    let mut answers = Answers::new();
    answers.insert(
        interaction::EXTRA.into(),
        crate::model::Answer::Text("Bloemetje".into()),
    );
    let m = MomentId(1);
    apply(
        &mut a,
        Command::LogMoment {
            id: m,
            draft: MomentDraft {
                date: Some(d(2026, 11, 1)),
                description: "Belletje".into(),
                answers,
                ..Default::default()
            },
        },
        today(),
    )
    .unwrap();
    assert!(matches!(
        apply(
            &mut a,
            Command::PlanAction {
                moment: m,
                due: None
            },
            today()
        ),
        Err(CommandError::Moment(_))
    ));
    round_trip(
        &mut a,
        Command::PlanAction {
            moment: m,
            due: Some(d(2026, 11, 30)),
        },
    );
    // Not done yet: nothing to book.
    let booking = booking_draft(&a, m).unwrap();
    assert!(apply(
        &mut a,
        Command::BookAction {
            moment: m,
            entry: EntryId(5),
            draft: booking.clone()
        },
        today()
    )
    .is_err());
    round_trip(
        &mut a,
        Command::CompleteAction {
            moment: m,
            on: d(2026, 11, 20),
        },
    );
    let booking = booking_draft(&a, m).unwrap();
    assert_eq!(booking.date, d(2026, 11, 20));
    assert_eq!(booking.category.as_str(), EXTRA_CATEGORY);
    assert_eq!(booking.who, "Sanne");
    let mut wrong = booking.clone();
    wrong.party = Party::Client; // ignored: a booked extra is always ours
    round_trip(
        &mut a,
        Command::BookAction {
            moment: m,
            entry: EntryId(5),
            draft: wrong,
        },
    );
    let e = a.entry(EntryId(5)).unwrap();
    assert_eq!(
        (e.party, e.direction),
        (Party::Supplier, Direction::Deposit)
    );
    assert_eq!(
        a.moments[0].action_state(today()),
        Some(ActionState::Booked)
    );
    // Booking twice is refused; the booked extra stays our deposit.
    assert!(apply(
        &mut a,
        Command::BookAction {
            moment: m,
            entry: EntryId(6),
            draft: booking
        },
        today()
    )
    .is_err());
    let to_client = draft(Party::Client, Direction::Deposit, "cd-paid-on-time", 2);
    assert_eq!(
        apply(
            &mut a,
            Command::EditEntry {
                id: EntryId(5),
                draft: to_client
            },
            today()
        ),
        Err(CommandError::BookedExtra)
    );
    assert_eq!(validate_account(&a), vec![]);
}

#[test]
fn assessments_stock_takes_and_settings_round_trip() {
    let mut a = demo::example(today(), 1);
    let mut answers = Answers::new();
    answers.insert("serving-success".into(), crate::model::Answer::Scale(4));
    round_trip(
        &mut a,
        Command::AddAssessment {
            id: ResponseId(1 << 40),
            definition: definitions::HOSTMANSHIP_ID.into(),
            date: Some(today()),
            answers,
            round: None,
            group: None,
        },
    );
    let first = a.assessments[0].id;
    round_trip(&mut a, Command::RemoveAssessment { id: first });
    round_trip(
        &mut a,
        Command::TakeStock {
            id: StockTakeId(1 << 40),
            date: today(),
            reflection: "Goed bezig".into(),
            actions: String::new(),
        },
    );
    let mut t = Thresholds {
        credit: 4,
        ..Default::default()
    };
    round_trip(
        &mut a,
        Command::ChangeSettings {
            period: PeriodLength::Week,
            thresholds: t,
        },
    );
    t.credit = -1;
    assert!(matches!(
        apply(
            &mut a,
            Command::ChangeSettings {
                period: PeriodLength::Week,
                thresholds: t
            },
            today()
        ),
        Err(CommandError::Client(_))
    ));
    let mut details = ClientDraft::from(&a.client);
    details.name = "Nieuwe naam".into();
    round_trip(&mut a, Command::EditClient(details));
    assert_eq!(validate_account(&a), vec![]);
}

#[test]
fn round_commands_have_exact_inverses_and_a_contact_answering_twice_replaces() {
    use crate::model::{Answer, ClientReturn, RoundId};
    let mut a = demo::example(today(), 1);
    let id = RoundId(0xABCDEF);
    round_trip(
        &mut a,
        Command::CreateRound {
            id,
            lang: Lang::En,
            sender: "  Jansen ICT ".into(),
            register: Register::Informal,
        },
    );
    assert_eq!(a.round(id).map(|r| r.sender.as_str()), Some("Jansen ICT"));
    assert_eq!(
        apply(
            &mut a.clone(),
            Command::CreateRound {
                id,
                lang: Lang::Nl,
                sender: String::new(),
                register: Register::Formal,
            },
            today()
        ),
        Err(CommandError::IdInUse)
    );
    let answer = |participant, v| {
        Box::new(ClientReturn {
            participant,
            name: String::new(),
            received: today(),
            version: 1,
            answers: [("cv-dialogue-listens".to_string(), Answer::Scale(v))].into(),
            booked: None,
        })
    };
    round_trip(
        &mut a,
        Command::AddClientReturn {
            round: id,
            answer: answer(7, 2),
        },
    );
    round_trip(
        &mut a,
        Command::AddClientReturn {
            round: id,
            answer: answer(7, 4),
        },
    );
    round_trip(
        &mut a,
        Command::AddClientReturn {
            round: id,
            answer: answer(8, 5),
        },
    );
    let r = a.round(id).unwrap();
    assert_eq!(r.returns.len(), 2);
    assert_eq!(
        r.answer_of(7).unwrap().answers["cv-dialogue-listens"],
        Answer::Scale(4)
    );
    let bad = Box::new(ClientReturn {
        answers: [("cv-dialogue-listens".to_string(), Answer::Scale(9))].into(),
        ..*answer(9, 1)
    });
    assert!(apply(
        &mut a,
        Command::AddClientReturn {
            round: id,
            answer: bad
        },
        today()
    )
    .is_err());
    round_trip(
        &mut a,
        Command::SkipOwnAssessment {
            round: id,
            skip: true,
        },
    );
    let entry = a.entries[0].id;
    round_trip(
        &mut a,
        Command::MarkReturnBooked {
            round: id,
            participant: 8,
            entry: Some(entry),
        },
    );
    round_trip(
        &mut a,
        Command::AddAssessment {
            id: ResponseId(1 << 41),
            definition: definitions::HOSTMANSHIP_ID.into(),
            date: Some(today()),
            answers: [("dialogue-listen".to_string(), Answer::Scale(3))].into(),
            round: Some(id),
            group: None,
        },
    );
    assert!(crate::invite::rounds::own_response(&a, id).is_some());
    round_trip(&mut a, Command::RemoveRound { id });
    assert!(a.is_buried(TombstoneKind::Round, id.0));
    assert_eq!(
        apply(
            &mut a,
            Command::SkipOwnAssessment {
                round: id,
                skip: true
            },
            today()
        ),
        Err(CommandError::NotFound)
    );
}

#[test]
fn prepare_then_look_back_and_follow_up_a_late_payment_with_a_bonding_call() {
    use crate::account::debtors::{bonding_call, stats};
    use crate::model::{Cause, Dispute, DisputeId, MomentKind};
    use crate::questionnaires::moments::{after_draft, PrepareDraft};
    let mut a = demo::example(today(), 1);
    let id = MomentId(1 << 40);
    let prepare = PrepareDraft {
        date: today().succ_opt(),
        kind: MomentKind::Delivery,
        description: "Oplevering fase 2".into(),
        expectation: "Alles werkt op de testomgeving".into(),
        treatment: "Eerlijk horen wat nog niet af is".into(),
        extra: "Korte handleiding voor de key users".into(),
        source: None,
    };
    round_trip(
        &mut a,
        Command::PrepareMoment {
            id,
            draft: prepare.clone(),
        },
    );
    let m = a.moment(id).unwrap().clone();
    assert!(m.planned && m.answers.is_empty());
    // The extra is an action due on the day of the moment.
    assert_eq!(
        m.action.as_ref().map(|x| (x.text.as_str(), x.due)),
        Some(("Korte handleiding voor de key users", m.date))
    );
    // Preparing it further (as for a moment imported from the calendar)
    // keeps its id and source; the action follows the extra.
    let mut more = crate::questionnaires::moments::prepare_draft_of(&m);
    more.extra = "Handleiding en een kort filmpje".into();
    round_trip(&mut a, Command::EditPrepared { id, draft: more });
    let m = a.moment(id).unwrap().clone();
    assert_eq!(
        m.action.as_ref().map(|x| x.text.as_str()),
        Some("Handleiding en een kort filmpje")
    );
    assert_eq!(
        m.prepared.as_ref().map(|p| p.treatment.as_str()),
        Some("Eerlijk horen wat nog niet af is")
    );
    // After: the outcome against what was prepared; the extra stands in question 3.
    let mut draft = after_draft(&m);
    assert_eq!(
        draft.answers[interaction::EXTRA],
        crate::model::Answer::Text("Handleiding en een kort filmpje".into())
    );
    draft.answers.insert(
        interaction::OUTCOME.into(),
        crate::model::Answer::Choice(interaction::EXCEEDED.into()),
    );
    round_trip(&mut a, Command::HoldMoment { id, draft });
    let held = a.moment(id).unwrap();
    assert!(!held.planned);
    // Once held, the preparation stays as it was.
    let late_edit = Command::EditPrepared {
        id,
        draft: crate::questionnaires::moments::prepare_draft_of(held),
    };
    assert_eq!(
        apply(&mut a.clone(), late_edit, today()),
        Err(CommandError::Moment(vec![MomentError::NotPlanned]))
    );
    let held = a.moment(id).unwrap();
    assert_eq!(
        held.prepared.as_ref().map(|p| p.expectation.as_str()),
        Some("Alles werkt op de testomgeving")
    );
    assert_eq!(
        held.outcome(),
        Some(crate::questionnaires::moments::Outcome::Promoter)
    );

    // A late payment, caused by dissatisfaction about a delivery error of ours.
    let late = EntryId(1 << 41);
    let ours = a
        .entries
        .iter()
        .find(|e| e.party == Party::Supplier && e.direction == Direction::Withdrawal)
        .unwrap()
        .id;
    apply(
        &mut a,
        Command::AddEntry {
            id: late,
            draft: EntryDraft {
                date: today(),
                party: Party::Client,
                direction: Direction::Withdrawal,
                category: CategoryId::new("cw-paid-late"),
                weight: 2,
                who: String::new(),
                note: String::new(),
                repairs: None,
            },
        },
        today(),
    )
    .unwrap();
    let call = MomentId(1 << 42);
    let dispute = Dispute {
        id: DisputeId(7),
        entry: late,
        cause: Cause::Dissatisfied,
        ours: Some(ours),
        bonding: Some(call),
        solved: None,
        closed: None,
        ambassador: false,
    };
    // The call must exist first: in one batch, prepared, then followed up.
    assert!(apply(
        &mut a.clone(),
        Command::OpenDispute(Box::new(dispute.clone())),
        today()
    )
    .is_err());
    round_trip(
        &mut a,
        Command::Batch(vec![
            Command::PrepareMoment {
                id: call,
                draft: bonding_call(today(), Lang::Nl),
            },
            Command::OpenDispute(Box::new(dispute)),
        ]),
    );
    round_trip(
        &mut a,
        Command::SetDisputeOutcome {
            id: DisputeId(7),
            solved: Some(true),
            ambassador: false,
        },
    );
    assert_eq!(a.dispute(DisputeId(7)).unwrap().closed, Some(today()));
    round_trip(
        &mut a,
        Command::SetDisputeOutcome {
            id: DisputeId(7),
            solved: Some(true),
            ambassador: true,
        },
    );
    assert_eq!(stats(&a).ambassadors, 1);
    // Deleting the late payment takes its follow-up along; undo brings both back.
    let inverse = round_trip(&mut a, Command::RemoveEntry { id: late });
    assert!(matches!(inverse, Command::RestoreEntry(_)));
    // Deleting the call unlinks it; undo links it again.
    round_trip(&mut a, Command::RemoveMoment { id: call });
    assert_eq!(validate_account(&a), vec![]);
}
