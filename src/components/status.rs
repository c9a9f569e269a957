//! Status badges and small formatters shared by the overview and client page.

use kbr_core::account::status::{Staleness, Status};
use kbr_core::i18n::{format_points_lang, format_tenths, Key, Lang};
use leptos::prelude::*;

use crate::state::ui::use_ui;

/// The corridor colour class of a status (text always accompanies it).
pub fn status_class(status: Status) -> &'static str {
    match status {
        Status::StructurallyRed => "badge red strong",
        Status::TemporarilyRed => "badge red",
        Status::StructurallySurplus => "badge blue strong",
        Status::TemporarilySurplus => "badge blue",
        Status::Healthy => "badge green",
        Status::Starting => "badge start",
        Status::NoData => "badge grey",
    }
}

/// A status in colour and words, with a symbol so colour is never the only
/// cue. A status that changes on the page is drawn again
/// (`{move || view! { <StatusBadge status=… /> }}`): a plain value keeps
/// the overview's rows free of a signal per badge.
#[component]
pub fn StatusBadge(
    /// The status to show.
    status: Status,
) -> impl IntoView {
    let ui = use_ui();
    let symbol = match status {
        Status::StructurallyRed => "▼▼",
        Status::TemporarilyRed => "▼",
        Status::StructurallySurplus => "▲▲",
        Status::TemporarilySurplus => "▲",
        Status::Healthy => "●",
        Status::Starting => "◐",
        Status::NoData => "○",
    };
    view! {
        <span class=status_class(status) data-testid="status-badge" data-status=status.code()>
            <span aria-hidden="true">{symbol}</span>
            " "
            {move || status.label(ui.lang.get())}
        </span>
    }
}

/// The stock-take reminder as a badge (nothing while it is not due).
#[component]
pub fn ReminderBadge(
    /// How overdue the stock-take is.
    staleness: Staleness,
) -> impl IntoView {
    let ui = use_ui();
    let red = staleness == Staleness::Red;
    (staleness != Staleness::Ok).then(|| {
        view! {
            <span class=if red { "badge red" } else { "badge amber" } data-testid="reminder-badge">
                <span aria-hidden="true">"⏰ "</span>
                {ui.tr(if red { Key::ReminderRed } else { Key::ReminderAmber })}
            </span>
        }
    })
}

/// A saldo with sign and the language's grouping.
pub fn saldo_text(value: i64, lang: Lang) -> String {
    format_points_lang(value, true, lang)
}

/// Deposits : withdrawals ("3,2 : 1"), or "—" when nothing was withdrawn.
pub fn ratio_text(tenths: Option<i64>, lang: Lang) -> String {
    match tenths {
        Some(t) => format!("{} : 1", format_tenths(t, lang)),
        None => "—".to_string(),
    }
}
