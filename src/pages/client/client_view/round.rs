//! One invite round: the invite to send, the answers pasted back, the blind
//! lock until our own self-assessment of the round exists (or an explicit
//! skip), and then the comparison.

use kbr_core::command::Command;
use kbr_core::i18n::{format_date, tf, Key, Lang};
use kbr_core::invite::code::encode_invite;
use kbr_core::invite::rounds::{invite_of, is_open, message};
use kbr_core::model::{Round, RoundId};
use kbr_core::questionnaires::definitions::HOSTMANSHIP;
use leptos::prelude::*;

use super::answers::ReturnList;
use super::gap::GapView;
use super::paste::PasteAnswers;
use crate::components::lang_picker::{lang_key, register_key};
use crate::components::link_share::LinkShare;
use crate::pages::client::assessments::AssessmentForm;
use crate::state::browser;
use crate::state::client::use_client;
use crate::state::store::use_store;
use crate::state::ui::use_ui;

/// Round `id` of the page's client.
#[component]
pub fn RoundCard(
    /// The round.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let ctx = use_client();
    let account = ctx.account;
    let client = StoredValue::new(ctx.id.clone());
    let round = Memo::new(move |_| account.with(|a| a.round(id).cloned()));
    let open = Memo::new(move |_| account.with(|a| a.round(id).is_some_and(|r| is_open(a, r))));
    let received = move || round.with(|r| r.as_ref().map_or(0, |r| r.returns.len()));
    let link = Signal::derive(move || {
        round.with(|r| {
            r.as_ref()
                .map(|r| browser::invite_link(&encode_invite(&invite_of(r))))
                .unwrap_or_default()
        })
    });
    let text = Signal::derive(move || {
        round.with(|r| {
            r.as_ref()
                .map(|r| message(r, &link.get()))
                .unwrap_or_default()
        })
    });
    let filling = RwSignal::new(false);
    let head = move || {
        let lang = ui.lang.get();
        round
            .get()
            .map(|r| {
                tf(
                    lang,
                    Key::RoundHead,
                    &[
                        ("date", &format_date(r.created, lang)),
                        ("lang", &language_of(&r, lang)),
                        ("n", &r.returns.len().to_string()),
                    ],
                )
            })
            .unwrap_or_default()
    };
    // Whether the answers can be read yet (the blind rule), said on the
    // round itself so a list of rounds shows which wait for what.
    let state = move || match (received() > 0, open.get()) {
        (false, _) => (Key::RoundStateWaiting, "badge"),
        (true, false) => (Key::RoundStateClosed, "badge amber"),
        (true, true) => (Key::RoundStateOpen, "badge green"),
    };
    let remove = move |_| {
        let done = ui.t(Key::RoundRemoved).to_string();
        store.act_or_say(
            &client.get_value(),
            Command::RemoveRound { id },
            done,
            ui.lang.get_untracked(),
        )
    };
    view! {
        <article class="panel round-card" data-testid="round-card">
            <h3>
                {head} " " <span class=move || state().1 data-testid="round-state">
                    {move || ui.t(state().0)}
                </span>
            </h3>
            <InviteDetails link=link text=text open=Signal::derive(move || received() == 0) />
            <PasteAnswers id=id />
            <Show when=move || { received() > 0 && !open.get() }>
                <SealedBox id=id received=Signal::derive(received) filling=filling />
            </Show>
            <Show when=move || filling.get() && !open.get()>
                <AssessmentForm def=&HOSTMANSHIP filling=filling round=id />
            </Show>
            <Show when=move || { received() > 0 && open.get() }>
                <GapView id=id />
                <ReturnList id=id />
            </Show>
            <div class="actions">
                <button
                    type="button"
                    class="button small danger"
                    on:click=remove
                    data-testid="round-remove"
                >
                    {ui.tr(Key::RoundRemove)}
                </button>
            </div>
        </article>
    }
}

/// The invite to send: link, QR code and the ready message.
#[component]
fn InviteDetails(
    /// The invite link.
    link: Signal<String>,
    /// The message with the link.
    text: Signal<String>,
    /// Open while nothing came back yet.
    open: Signal<bool>,
) -> impl IntoView {
    let ui = use_ui();
    let copy_message = move |_| {
        let t = text.get_untracked();
        leptos::task::spawn_local(async move {
            browser::copy_text(&t).await;
        });
    };
    view! {
        <details class="invite-details" open=move || open.get()>
            <summary>{ui.tr(Key::RoundInvite)}</summary>
            <LinkShare
                link=link
                qr_label=Signal::derive(move || ui.t(Key::RoundInviteQr).to_string())
                share_text=text
                testid="round-link"
            />
            <label class="field">
                <span>{ui.tr(Key::RoundMessageLabel)}</span>
                <textarea
                    rows="7"
                    readonly
                    data-testid="round-message"
                    prop:value=move || text.get()
                ></textarea>
            </label>
            <button type="button" class="button" on:click=copy_message data-testid="copy-message">
                {ui.tr(Key::RoundCopyMessage)}
            </button>
        </details>
    }
}

/// Answers received but closed: fill in our own scorecard first, or skip it
/// after a confirmation.
#[component]
fn SealedBox(
    /// The round.
    id: RoundId,
    /// How many answers came back.
    received: Signal<usize>,
    /// Set to open our own scorecard form.
    filling: RwSignal<bool>,
) -> impl IntoView {
    let ui = use_ui();
    let store = use_store();
    let client = StoredValue::new(use_client().id.clone());
    let confirm_skip = RwSignal::new(false);
    let skip = move |_| {
        let done = ui.t(Key::RoundSkipped).to_string();
        let cmd = Command::SkipOwnAssessment {
            round: id,
            skip: true,
        };
        store.act_or_say(&client.get_value(), cmd, done, ui.lang.get_untracked());
        confirm_skip.set(false);
    };
    view! {
        <div class="sealed" role="status" data-testid="round-sealed">
            <p>
                <strong>
                    {move || tf(
                        ui.lang.get(),
                        Key::RoundSealed,
                        &[("n", &received.get().to_string())],
                    )}
                </strong>
            </p>
            <p class="muted">{ui.tr(Key::RoundSealedWhy)}</p>
            <div class="actions">
                <button
                    type="button"
                    class="button primary"
                    on:click=move |_| filling.set(true)
                    data-testid="round-fill-own"
                >
                    {ui.tr(Key::RoundFillOwn)}
                </button>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| confirm_skip.set(true)
                    data-testid="round-skip"
                >
                    {ui.tr(Key::RoundSkip)}
                </button>
            </div>
            <Show when=move || confirm_skip.get()>
                <div class="confirm" role="alertdialog" aria-labelledby="skip-q">
                    <p id="skip-q">{ui.tr(Key::RoundSkipConfirm)}</p>
                    <button
                        type="button"
                        class="button danger"
                        on:click=skip
                        data-testid="round-skip-confirm"
                    >
                        {ui.tr(Key::RoundSkipYes)}
                    </button>
                    <button type="button" class="button" on:click=move |_| confirm_skip.set(false)>
                        {ui.tr(Key::Cancel)}
                    </button>
                </div>
            </Show>
        </div>
    }
}

/// The round's language as the history names it, with the form of
/// address when the client reads Dutch ("Nederlands, je").
fn language_of(round: &Round, ui_lang: Lang) -> String {
    let name = lang_key(round.lang).text(ui_lang);
    match round.lang {
        Lang::Nl => format!("{name}, {}", register_key(round.register).text(ui_lang)),
        Lang::En => name.to_string(),
    }
}
