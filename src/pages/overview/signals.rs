//! What the overview says beyond each client's status: the silence alarm,
//! the indexation review and prepared moments per client, and the agenda of
//! prepared moments across clients (today, the coming week, and those still
//! to look back on).

use kbr_core::account::summary::{Headline, AGENDA_DAYS};
use kbr_core::i18n::{format_date, tf, Key};
use kbr_core::model::{order, ClientId};
use kbr_core::route::{ClientTab, Route};
use leptos::prelude::*;

use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Small badges on a client's row.
#[component]
pub fn SignalBadges(
    /// The client.
    id: ClientId,
    /// Its figures.
    head: Headline,
) -> impl IntoView {
    let ui = use_ui();
    let ledger = Route::Client {
        id: id.clone(),
        tab: ClientTab::Ledger,
    }
    .to_hash();
    let moments = Route::Client {
        id,
        tab: ClientTab::Moments,
    }
    .to_hash();
    let (silence, indexation, planned) = (
        head.silence.is_some(),
        head.indexation.is_some(),
        head.planned,
    );
    view! {
        {silence
            .then(|| {
                view! {
                    <a class="badge amber" href=ledger.clone() data-testid="row-silence">
                        {ui.tr(Key::SilenceBadge)}
                    </a>
                }
            })}
        {indexation
            .then(|| {
                view! {
                    <a class="badge blue" href=ledger.clone() data-testid="row-indexation">
                        {ui.tr(Key::IndexationBadge)}
                    </a>
                }
            })}
        {(planned > 0)
            .then(|| {
                view! {
                    <a class="badge start" href=moments data-testid="row-planned">
                        {move || tf(
                            ui.lang.get(),
                            Key::PlannedShort,
                            &[("n", &planned.to_string())],
                        )}
                    </a>
                }
            })}
    }
}

/// Prepared moments of every client, by day.
#[component]
pub fn Agenda() -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let today = store.today();
    let items = Memo::new(move |_| {
        let mut all: Vec<(chrono::NaiveDate, ClientId, String, String, String)> = Vec::new();
        store.map_digests(|d| {
            if d.client.archived {
                return;
            }
            for m in d.agenda(today, AGENDA_DAYS) {
                let kind = m.kind.code().to_string();
                all.push((
                    m.date,
                    d.client.id.clone(),
                    d.client.name.clone(),
                    m.description.clone(),
                    kind,
                ));
            }
        });
        order::sort_by(&mut all, |x, y| x.0.cmp(&y.0).then(x.2.cmp(&y.2)));
        all
    });
    let rows = move || {
        let lang = ui.lang.get();
        items
            .get()
            .into_iter()
            .map(|(date, id, name, description, kind)| {
                let when = if date < today {
                    tf(
                        lang,
                        Key::AgendaLookBack,
                        &[("date", &format_date(date, lang))],
                    )
                } else if date == today {
                    ui.t(Key::AgendaToday).to_string()
                } else {
                    format_date(date, lang)
                };
                let kind =
                    kbr_core::model::MomentKind::from_code(&kind).map_or("", |k| k.label(lang));
                let href = Route::Client {
                    id,
                    tab: ClientTab::Moments,
                }
                .to_hash();
                view! {
                    <li data-testid="agenda-item">
                        <strong>{when}</strong>
                        " · "
                        <a href=href class="user-text">
                            {name}
                        </a>
                        " · "
                        {kind}
                        ": "
                        <span class="user-text">{description}</span>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || !items.with(Vec::is_empty)>
            <section class="panel agenda" data-testid="agenda">
                <h2>{ui.tr(Key::AgendaTitle)}</h2>
                <ul class="compact">{rows}</ul>
            </section>
        </Show>
    }
}
