//! The client in view: a page that shows one client provides it once as
//! context, and every piece below reads it from there.

use kbr_core::account::summary::Summary;
use kbr_core::model::{Account, ClientId};
use leptos::prelude::*;

/// The client a page shows, provided once by the client page: every tab
/// reads it from context instead of looking the client up again.
#[derive(Clone)]
pub struct ClientCtx {
    /// The client's id.
    pub id: ClientId,
    /// The account, read-only; changes go through the store's dispatch.
    pub account: Signal<Account>,
    /// Everything the page shows, computed once per change.
    pub summary: Memo<Summary>,
}

/// The [`ClientCtx`] of the page.
pub fn use_client() -> ClientCtx {
    expect_context::<ClientCtx>()
}
