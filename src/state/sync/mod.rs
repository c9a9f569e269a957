//! Team sync in the browser: the replicator ([`engine`], one per
//! browser), its requests ([`http`]) and what the team settings do
//! ([`connect`]). Loads with the rest of the app, never in the first
//! download; the link the first screen needs is `state::team`.

pub mod connect;
pub mod engine;
pub mod http;
