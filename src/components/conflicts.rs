//! The question shown when this tab and another one changed the same thing
//! differently: per conflict both values side by side and a choice, then
//! one save. Nothing is dropped without the user choosing.

use kbr_core::account::ledger::category_label;
use kbr_core::catalogue;
use kbr_core::i18n::{format_date, tf, Key, Lang};
use kbr_core::model::{dates, Account, Direction, EntryId, MomentId, Party, ResponseId};
use kbr_core::questionnaires::definitions;
use kbr_core::storage::merge::{value_text, Conflict, Record, Side};
use leptos::prelude::*;
use serde_json::Value;

use crate::components::export_button::ExportButton;
use crate::state::store::{use_store, PendingMerge};
use crate::state::ui::use_ui;

/// Every pending merge, as a panel with its questions.
#[component]
pub fn ConflictPanel() -> impl IntoView {
    let store = use_store();
    view! {
        <div class="banners">
            <For
                each=move || store.pending()
                key=|p| (p.id.clone(), p.theirs.clone(), p.conflicts.len())
                let:pending
            >
                <MergeQuestion pending=pending />
            </For>
        </div>
    }
}

/// The questions of one client's merge.
#[component]
fn MergeQuestion(
    /// The merge waiting for choices.
    pending: PendingMerge,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let choices = RwSignal::new(vec![Side::Mine; pending.conflicts.len()]);
    let name = pending.merged.client.name.clone();
    let deleted = pending.theirs_account.is_none();
    let unreadable = pending.unreadable;
    let team = pending.team;
    let merged = std::sync::Arc::new(pending.merged.clone());
    let rows = pending
        .conflicts
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, c)| {
            let what = {
                let (merged, c) = (merged.clone(), c.clone());
                move || describe(&merged, &c, ui.lang.get())
            };
            let pick = move |side| choices.update(|v| v[i] = side);
            let shown = move |v: Option<&Value>| show_value(c.field.as_deref(), v, ui.lang.get());
            let (mine, theirs) = (shown(c.mine.as_ref()), shown(c.theirs.as_ref()));
            let group = format!("conflict-{}-{i}", pending.id);
            view! {
                <fieldset class="conflict" data-testid="conflict">
                    <legend>{what}</legend>
                    <label class="check">
                        <input
                            type="radio"
                            name=group.clone()
                            data-testid="conflict-mine"
                            prop:checked=move || choices.with(|v| v[i] == Side::Mine)
                            on:change=move |_| pick(Side::Mine)
                        />
                        <span>
                            {ui.tr(if team { Key::ConflictShown } else { Key::ConflictHere })}": "
                            <strong class="user-text">{mine.clone()}</strong>
                        </span>
                    </label>
                    <label class="check">
                        <input
                            type="radio"
                            name=group
                            data-testid="conflict-theirs"
                            prop:checked=move || choices.with(|v| v[i] == Side::Theirs)
                            on:change=move |_| pick(Side::Theirs)
                        />
                        <span>
                            {ui.tr(if team { Key::ConflictOther } else { Key::ConflictThere })}": "
                            <strong class="user-text">{theirs.clone()}</strong>
                        </span>
                    </label>
                </fieldset>
            }
        })
        .collect_view();
    let id = pending.id.clone();
    let id2 = StoredValue::new(pending.id.clone());
    view! {
        <section class="banner warning" role="alert" data-testid="banner-conflict">
            <p class="user-text">
                {move || tf(
                    ui.lang.get(),
                    if unreadable {
                        Key::BannerStoredUnreadable
                    } else if deleted {
                        Key::BannerDeletedThere
                    } else if team {
                        Key::BannerConflictTeam
                    } else {
                        Key::BannerConflict
                    },
                    &[("client", &name)],
                )}
            </p>
            {rows}
            <div class="actions">
                <button
                    type="button"
                    class="button small primary"
                    data-testid="conflict-save"
                    on:click=move |_| store.resolve(&id, &choices.get_untracked())
                >
                    {move || {
                        ui.t(
                            if unreadable {
                                Key::SaveAgain
                            } else if deleted {
                                Key::ConflictKeep
                            } else {
                                Key::ConflictSave
                            },
                        )
                    }}
                </button>
                <Show
                    when=move || !unreadable
                    fallback=|| view! { <ExportButton testid="conflict-export" /> }
                >
                    // Two tabs: one may take the other's version whole. A
                    // team's two changes have no "other side" to take.
                    <Show when=move || !team>
                        <button
                            type="button"
                            class="button small"
                            data-testid="conflict-theirs-all"
                            on:click=move |_| store.take_theirs(&id2.get_value())
                        >
                            {move || {
                                ui.t(
                                    if deleted { Key::ConflictDelete } else { Key::ConflictTheirs },
                                )
                            }}
                        </button>
                    </Show>
                </Show>
            </div>
        </section>
    }
}

/// "Boeking 12-03-2026 · Fout in factuur: notitie": which record and field.
fn describe(account: &Account, c: &Conflict, lang: Lang) -> String {
    let record = match &c.record {
        Record::Client => Key::ConflictClient.text(lang).to_string(),
        Record::Category(id) => tf(lang, Key::ConflictCategory, &[("label", id)]),
        Record::Entry(id) => match account.entry(EntryId(*id)) {
            Some(e) => tf(
                lang,
                Key::ConflictEntry,
                &[
                    ("date", &format_date(e.date, lang)),
                    ("category", &category_label(account, e.category, lang)),
                ],
            ),
            None => Key::ConflictDeletedRecord.text(lang).to_string(),
        },
        Record::Moment(id) => match account.moment(MomentId(*id)) {
            Some(m) => tf(
                lang,
                Key::ConflictMoment,
                &[
                    ("date", &format_date(m.date, lang)),
                    ("what", &m.description),
                ],
            ),
            None => Key::ConflictDeletedRecord.text(lang).to_string(),
        },
        Record::Assessment(id) => match account.assessment(ResponseId(*id)) {
            Some(r) => {
                let title = definitions::find(&r.definition)
                    .map_or(r.definition.as_str(), |d| d.title.get(lang));
                tf(
                    lang,
                    Key::ConflictAssessment,
                    &[("date", &format_date(r.date, lang)), ("what", title)],
                )
            }
            None => Key::ConflictDeletedRecord.text(lang).to_string(),
        },
        Record::StockTake(_) => Key::TabStockTake.text(lang).to_string(),
    };
    match c.field.as_deref() {
        Some(f) => format!("{record}: {}", field_label(f, lang)),
        None => record,
    }
}

fn field_label(field: &str, lang: Lang) -> String {
    let key = match field {
        "name" => Key::FieldName,
        "organisation" => Key::FieldOrganisation,
        "account_manager" => Key::FieldAccountManager,
        "sponsor" => Key::FieldSponsor,
        "notes" => Key::FieldNotes,
        "start_date" => Key::FieldStartDate,
        "period" => Key::PeriodLength,
        "thresholds" => Key::TabSettings,
        "archived" => Key::ArchivedBadge,
        "note" => Key::FieldNote,
        "who" => Key::FieldWho,
        "weight" => Key::Weight,
        "date" => Key::Date,
        "kind" => Key::Category,
        "repairs" => Key::RepairsLabel,
        "description" => Key::FieldDescription,
        "label" => Key::FieldLabel,
        "reflection" => Key::Reflection,
        "actions" => Key::AgreedActions,
        _ => return field.to_string(),
    };
    key.text(lang).to_string()
}

/// A value as the user knows it: dates in their format, deleted as such.
fn show_value(field: Option<&str>, value: Option<&Value>, lang: Lang) -> String {
    match (field, value) {
        (_, None) => Key::ConflictDeletedValue.text(lang).to_string(),
        (Some("date" | "start_date"), Some(Value::String(s))) => dates::parse_input(s)
            .map(|d| format_date(d, lang))
            .unwrap_or_else(|| s.clone()),
        (None, Some(_)) => Key::ConflictChangedValue.text(lang).to_string(),
        (Some("kind"), Some(Value::Object(m))) => {
            let text = |k: &str| m.get(k).and_then(Value::as_str).unwrap_or_default();
            let party = Party::from_code(text("party")).map_or("", |p| p.label(lang));
            let direction = Direction::from_code(text("direction")).map_or("", |d| d.label(lang));
            let category = catalogue::builtin(text("category"))
                .map_or(text("category"), |b| lang.pick(b.nl, b.en));
            format!("{party} · {direction} · {category}")
        }
        (_, Some(v)) => {
            let text = value_text(Some(v)).unwrap_or_default();
            kbr_core::i18n::shorten(&text, 200)
        }
    }
}
