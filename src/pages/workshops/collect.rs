//! Collecting answers without a server: paste return links or codes (one or
//! many, or a whole chat message) or drop return files. Each code is added
//! whole or refused with its reason; only the counts show until reveal.

use kbr_core::i18n::{tf, Key};
use kbr_core::invite::workshop::SessionCommand;
use kbr_core::model::RoundId;
use leptos::prelude::*;

use super::file_drop::FileDrop;
use super::outcome::outcome_line;
use crate::components::deferred::Deferred;
use crate::components::outcome_list::OutcomeList;
use crate::state::browser;
use crate::state::ui::use_ui;
use crate::state::workshops::use_workshops;

/// The largest return file read (a return link is a few hundred bytes).
const MAX_RETURN_FILE: u64 = 64 * 1024;

/// Paste box, file drop, the outcome of the last paste and the counts.
#[component]
pub fn CollectPanel(
    /// The session.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let workshops = use_workshops();
    let pasted = RwSignal::new(String::new());
    let scanning = RwSignal::new(false);
    let outcomes = RwSignal::new(Vec::<(bool, String)>::new());
    let add_text = move |text: String| {
        let lang = ui.lang.get_untracked();
        match workshops.apply(id, SessionCommand::Collect(text), lang) {
            Ok((_, list)) => outcomes.set(list.iter().map(|o| outcome_line(o, lang)).collect()),
            Err(e) => outcomes.set(vec![(false, e)]),
        }
    };
    // Each file on its own, so a file without a code is named in a refusal.
    let add_files = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        leptos::task::spawn_local(async move {
            let lang = ui.lang.get_untracked();
            let mut lines = Vec::new();
            for f in files {
                let name = f.name();
                match browser::read_file(f, MAX_RETURN_FILE).await {
                    Ok((text, _)) => match workshops.apply(id, SessionCommand::Collect(text), lang)
                    {
                        Ok((_, list)) => lines.extend(list.iter().map(|o| outcome_line(o, lang))),
                        Err(e) => lines.push((false, e)),
                    },
                    Err(_) => lines.push((
                        false,
                        tf(lang, Key::CollectFileTooLarge, &[("name", &name)]),
                    )),
                }
            }
            outcomes.set(lines);
        });
    };
    let counts = move || {
        let lang = ui.lang.get();
        workshops
            .with(id, |s| {
                let total = tf(
                    lang,
                    Key::CollectCount,
                    &[("n", &s.participants.len().to_string())],
                );
                let per: Vec<String> = s
                    .counts()
                    .iter()
                    .map(|(d, n)| format!("{}: {n}", d.title.get(lang)))
                    .collect();
                (total, per.join(" · "))
            })
            .unwrap_or_default()
    };
    view! {
        <section class="panel collect-panel no-print" aria-labelledby="collect-heading">
            <h2 id="collect-heading">{ui.tr(Key::CollectTitle)}</h2>
            <p class="big-count" aria-live="polite" data-testid="answered-count">
                {move || counts().0}
            </p>
            <p class="muted small" data-testid="answered-per-exercise">
                {move || counts().1}
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="button primary"
                    aria-pressed=move || scanning.get().to_string()
                    on:click=move |_| scanning.update(|s| *s = !*s)
                    data-testid="scan-toggle"
                >
                    {move || ui.t(if scanning.get() { Key::ScanStop } else { Key::ScanStart })}
                </button>
            </div>
            <Show when=move || scanning.get()>
                <Deferred load=move || super::SCANNER_VIEW.call(id) />
            </Show>
            <form
                class="form"
                novalidate
                on:submit=move |ev| {
                    ev.prevent_default();
                    add_text(pasted.get_untracked());
                    pasted.set(String::new());
                }
            >
                <label class="field">
                    <span>{ui.tr(Key::CollectPaste)}</span>
                    <textarea
                        rows="3"
                        data-testid="collect-input"
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))
                    ></textarea>
                </label>
                <FileDrop on_files=add_files />
                <div class="actions">
                    <button type="submit" class="button primary" data-testid="collect-add">
                        {ui.tr(Key::CollectAdd)}
                    </button>
                </div>
            </form>
            <OutcomeList lines=outcomes testid="collect-outcomes" />
        </section>
    }
}
