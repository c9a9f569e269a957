//! The client in view: a page that shows one client provides it once as
//! context, and every piece below reads it from there.
//!
//! On a large client a change shows in two steps. The headline (both
//! saldi and their status) follows the account at once: the user sees the
//! new saldo in the frame after the click. Everything else the page shows
//! (the ledger, the chart, breakdowns, pickers) follows once that frame has
//! painted: on a client of 10,000 entries those views take longer than a
//! frame to redo, and they must not hold back the figure the user is
//! looking at. Below [`DEFER_FROM`] entries everything follows at once.

use chrono::NaiveDate;
use kbr_core::account::summary::{headline, summarize, Headline, Summary};
use kbr_core::model::{Account, ClientId};
use leptos::prelude::*;

use crate::state::browser;

/// From this many entries on, the views other than the saldo cards follow
/// a change after its paint: below it all of them together take well under
/// a frame (measured: about 30 ms for all views at 10,000 entries).
pub const DEFER_FROM: usize = 2_000;

/// The account of the page's client, read two ways: views that follow it
/// after the paint ([`ShownAccount::with`]) and the few that follow it at
/// once ([`ShownAccount::with_now`]).
#[derive(Clone, Copy)]
pub struct ShownAccount {
    /// The account as stored in memory, changed by every dispatch.
    live: Signal<Account>,
    /// Counts the changes the page has caught up with after a paint.
    shown: ReadSignal<u64>,
}

impl ShownAccount {
    /// Follows `live`: the views that read [`ShownAccount::with`] are
    /// redone once the browser painted a change (several changes in one
    /// turn are caught up with together).
    pub fn follow(live: Signal<Account>) -> ShownAccount {
        let (shown, set_shown) = signal(0u64);
        let pending = StoredValue::new(false);
        // Runs on every change of the account, after the immediate views.
        Effect::new(move |first: Option<()>| {
            live.track();
            if first.is_none() || pending.get_value() {
                return;
            }
            // A small account is redone whole in the same turn: every view
            // then shows the change in the same frame.
            if live.with_untracked(|a| a.entries.len()) < DEFER_FROM {
                set_shown.update(|n| *n += 1);
                return;
            }
            pending.set_value(true);
            browser::after_paint(move || {
                // The page may be gone by now.
                if pending.try_update_value(|p| *p = false).is_some() {
                    set_shown.try_update(|n| *n += 1);
                }
            });
        });
        ShownAccount { live, shown }
    }

    /// `f` of the latest account, tracked so that the caller is redone
    /// after the paint that follows a change.
    pub fn with<R>(&self, f: impl FnOnce(&Account) -> R) -> R {
        self.shown.track();
        self.live.with_untracked(f)
    }

    /// `f` of the latest account, tracked so that the caller is redone in
    /// the same turn as the change: only for what must show at once.
    pub fn with_now<R>(&self, f: impl FnOnce(&Account) -> R) -> R {
        self.live.with(f)
    }

    /// `f` of the latest account, untracked (for handlers).
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Account) -> R) -> R {
        self.live.with_untracked(f)
    }
}

/// The client a page shows, provided once by the client page: every tab
/// reads it from context instead of looking the client up again.
#[derive(Clone)]
pub struct ClientCtx {
    /// The client's id.
    pub id: ClientId,
    /// The account, read-only; changes go through the store's dispatch.
    pub account: ShownAccount,
    /// Both saldi and their status, at once after every change.
    pub headline: Memo<Headline>,
    /// Everything the page shows, computed once per change after its paint.
    pub summary: Memo<Summary>,
}

impl ClientCtx {
    /// The context of client `id`, whose account is `live`, on `today`.
    pub fn new(id: ClientId, live: Signal<Account>, today: NaiveDate) -> ClientCtx {
        let account = ShownAccount::follow(live);
        ClientCtx {
            id,
            account,
            headline: Memo::new(move |_| account.with_now(|a| headline(a, today))),
            summary: Memo::new(move |_| account.with(|a| summarize(a, today))),
        }
    }
}

/// The [`ClientCtx`] of the page.
pub fn use_client() -> ClientCtx {
    expect_context::<ClientCtx>()
}
