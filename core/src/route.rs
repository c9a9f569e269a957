//! Hash-based routes.
//!
//! The app is served from any static host and any subpath, so navigation must
//! not need the server to know our routes: everything after `#` is ours.

use crate::model::{ClientId, RoundId};

/// A screen of the app, as addressed by the URL fragment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The clients overview (also the empty state when there are none).
    Overview,
    /// One client's page, with the tab that is open on it.
    Client {
        /// The client's id.
        id: ClientId,
        /// The open section.
        tab: ClientTab,
    },
    /// One self-assessment questionnaire of a client: fill in, scores,
    /// radar, history and comparison.
    Assessment {
        /// The client's id.
        id: ClientId,
        /// The questionnaire definition's id.
        definition: String,
    },
    /// Backup, import, exports, storage status and demo data.
    Data,
    /// Unreadable data that was moved aside, offered for download.
    Recovery,
    /// A one-page printable handout of one client.
    Handout(ClientId),
    /// The guide: the idea in plain words, with links to where the app does it.
    Guide,
    /// The trainer's workshop sessions, and a new one.
    Workshops,
    /// One workshop session: invite, collecting, reveal.
    Workshop(RoundId),
    /// One session's results full screen, for a projector.
    Projector(RoundId),
    /// A blank printable worksheet of one questionnaire, for rooms
    /// without phones.
    Worksheet(String),
    /// A return link opened in the app: the answers are offered to the
    /// session or client-invite round they belong to.
    Return(String),
    /// An invite link opened in the app rather than the participant page:
    /// sent on to the participant page.
    Invite(String),
    /// Anything we do not recognise; shown as "page not found" with a way home.
    NotFound,
}

/// The sections of a client page. Each has its own URL so a reload or a
/// shared link lands on the same section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClientTab {
    /// Headline, chart, quick entry and the ledger.
    Ledger,
    /// Breakdowns by category and by person.
    Breakdown,
    /// Stock-takes (balans opmaken).
    StockTake,
    /// Interaction moments with the three questions and their actions.
    Moments,
    /// The self-assessments (hostmanship, integrity, quick scan, …).
    Assessments,
    /// The client's own scorecard by invite, and the trust gap.
    ClientView,
    /// Period length and thresholds.
    Settings,
}

impl ClientTab {
    /// Every tab, in the order the client page shows them.
    pub const ALL: [ClientTab; 7] = [
        ClientTab::Ledger,
        ClientTab::Breakdown,
        ClientTab::StockTake,
        ClientTab::Moments,
        ClientTab::Assessments,
        ClientTab::ClientView,
        ClientTab::Settings,
    ];

    /// A short name of the tab (`ledger`, `stocktake`, `clientview`, …),
    /// for test ids.
    pub fn name(self) -> &'static str {
        match self {
            ClientTab::Ledger => "ledger",
            ClientTab::Breakdown => "breakdown",
            ClientTab::StockTake => "stocktake",
            ClientTab::Moments => "moments",
            ClientTab::Assessments => "assessments",
            ClientTab::ClientView => "clientview",
            ClientTab::Settings => "settings",
        }
    }

    fn slug(self) -> &'static str {
        match self {
            ClientTab::Ledger => "",
            ClientTab::Breakdown => "breakdown",
            ClientTab::StockTake => "stock-take",
            ClientTab::Moments => "moments",
            ClientTab::Assessments => "assessments",
            ClientTab::ClientView => "client-view",
            ClientTab::Settings => "settings",
        }
    }

    fn from_slug(slug: &str) -> Option<ClientTab> {
        ClientTab::ALL.into_iter().find(|t| t.slug() == slug)
    }
}

impl Route {
    /// Whether `other` is the same page: the sections of one client (its
    /// tabs and questionnaires) are one page, so a notice and its undo
    /// stay while the user moves between them, and go with the client.
    pub fn same_page(&self, other: &Route) -> bool {
        let client = |r: &Route| match r {
            Route::Client { id, .. } | Route::Assessment { id, .. } => Some(id.clone()),
            _ => None,
        };
        match (client(self), client(other)) {
            (Some(a), Some(b)) => a == b,
            _ => self == other,
        }
    }

    /// Parses a `location.hash` value (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.trim_end_matches('/');
        let mut parts = path.split('/');
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(""), None, None, None) => Route::Overview,
            (Some("data"), None, None, None) => Route::Data,
            (Some("recovery"), None, None, None) => Route::Recovery,
            (Some("workshops"), None, None, None) => Route::Workshops,
            (Some("guide"), None, None, None) => Route::Guide,
            (Some("workshop"), Some(id), None, None) => {
                RoundId::parse(id).map_or(Route::NotFound, Route::Workshop)
            }
            (Some("workshop"), Some(id), Some("projector"), None) => {
                RoundId::parse(id).map_or(Route::NotFound, Route::Projector)
            }
            (Some("worksheet"), Some(d), None, None) if is_valid_id(d) => {
                Route::Worksheet(d.to_string())
            }
            (Some("r"), Some(code), None, None) if is_code(code) => Route::Return(code.to_string()),
            (Some("i"), Some(code), None, None) if is_code(code) => Route::Invite(code.to_string()),
            (Some("client"), Some(id), Some("handout"), None) => {
                ClientId::parse(id).map_or(Route::NotFound, Route::Handout)
            }
            (Some("client"), Some(id), tab, None) => {
                match (ClientId::parse(id), ClientTab::from_slug(tab.unwrap_or(""))) {
                    (Some(id), Some(tab)) => Route::Client { id, tab },
                    _ => Route::NotFound,
                }
            }
            (Some("client"), Some(id), Some("assessments"), Some(definition))
                if is_valid_id(definition) && parts.next().is_none() =>
            {
                match ClientId::parse(id) {
                    Some(id) => Route::Assessment {
                        id,
                        definition: definition.to_string(),
                    },
                    None => Route::NotFound,
                }
            }
            _ => Route::NotFound,
        }
    }

    /// The fragment (starting with `#`) that leads to this route.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Overview | Route::NotFound => "#/".to_string(),
            Route::Data => "#/data".to_string(),
            Route::Recovery => "#/recovery".to_string(),
            Route::Client { id, tab } => match tab.slug() {
                "" => format!("#/client/{id}"),
                slug => format!("#/client/{id}/{slug}"),
            },
            Route::Assessment { id, definition } => {
                format!("#/client/{id}/assessments/{definition}")
            }
            Route::Handout(id) => format!("#/client/{id}/handout"),
            Route::Guide => "#/guide".to_string(),
            Route::Workshops => "#/workshops".to_string(),
            Route::Workshop(id) => format!("#/workshop/{}", id.slug()),
            Route::Projector(id) => format!("#/workshop/{}/projector", id.slug()),
            Route::Worksheet(d) => format!("#/worksheet/{d}"),
            Route::Return(code) => format!("#/r/{code}"),
            Route::Invite(code) => format!("#/i/{code}"),
        }
    }
}

/// Definition ids follow the client-id rule; anything else in a URL is
/// treated as not found rather than passed on to lookups.
/// Base64url text of a sane length: what an invite or return code can be.
fn is_code(text: &str) -> bool {
    (8..=4000).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn is_valid_id(id: &str) -> bool {
    ClientId::parse(id).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_overview_variants() {
        for h in ["", "#", "#/", "#//"] {
            assert_eq!(Route::parse(h), Route::Overview, "{h:?}");
        }
    }

    #[test]
    fn round_trips_every_client_tab() {
        for tab in ClientTab::ALL {
            let r = Route::Client {
                id: ClientId::new_unchecked("c-abc123"),
                tab,
            };
            assert_eq!(Route::parse(&r.to_hash()), r);
        }
    }

    #[test]
    fn round_trips_data_and_recovery() {
        for r in [
            Route::Data,
            Route::Recovery,
            Route::Overview,
            Route::Assessment {
                id: ClientId::new_unchecked("c-1"),
                definition: "hostmanship".into(),
            },
            Route::Handout(ClientId::new_unchecked("c-1")),
            Route::Guide,
            Route::Workshops,
            Route::Workshop(RoundId(123_456)),
            Route::Projector(RoundId(123_456)),
            Route::Worksheet("quick-scan".into()),
            Route::Return("AbC-_12345678".into()),
            Route::Invite("AbC-_12345678".into()),
        ] {
            assert_eq!(Route::parse(&r.to_hash()), r);
        }
    }

    #[test]
    fn one_clients_sections_are_one_page() {
        let tab = |id: &str, tab| Route::Client {
            id: ClientId::new_unchecked(id),
            tab,
        };
        let assessment = Route::Assessment {
            id: ClientId::new_unchecked("c-1"),
            definition: "hostmanship".into(),
        };
        assert!(tab("c-1", ClientTab::Ledger).same_page(&tab("c-1", ClientTab::Moments)));
        assert!(tab("c-1", ClientTab::Ledger).same_page(&assessment));
        assert!(!tab("c-1", ClientTab::Ledger).same_page(&tab("c-2", ClientTab::Ledger)));
        assert!(!tab("c-1", ClientTab::Ledger).same_page(&Route::Guide));
        assert!(!Route::Workshops.same_page(&Route::Workshop(RoundId(7))));
        assert!(Route::Guide.same_page(&Route::Guide));
    }

    #[test]
    fn rejects_unknown_and_hostile_paths() {
        assert_eq!(Route::parse("#/nope"), Route::NotFound);
        assert_eq!(Route::parse("#/client/"), Route::NotFound);
        assert_eq!(Route::parse("#/client/a b"), Route::NotFound);
        assert_eq!(Route::parse("#/client/x/unknown"), Route::NotFound);
        assert_eq!(Route::parse("#/client/x/settings/more"), Route::NotFound);
        assert_eq!(Route::parse("#/client/<script>"), Route::NotFound);
        assert_eq!(Route::parse("#/client/x/assessments/a/b"), Route::NotFound);
        assert_eq!(Route::parse("#/client/x/assessments/a b"), Route::NotFound);
        assert_eq!(Route::parse("#/workshop/0"), Route::NotFound);
        assert_eq!(Route::parse("#/workshop/ABC"), Route::NotFound);
        assert_eq!(Route::parse("#/workshop/0/projector"), Route::NotFound);
        assert_eq!(Route::parse("#/workshop/2r/slides"), Route::NotFound);
        assert_eq!(Route::parse("#/r/short"), Route::NotFound);
        assert_eq!(Route::parse("#/r/has+plus/sign"), Route::NotFound);
        assert_eq!(
            Route::parse("#/i/<script>alert(1)</script>"),
            Route::NotFound
        );
    }
}
