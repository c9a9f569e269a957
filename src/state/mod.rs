//! The app's state: what every view reads and changes, below all views.
//!
//! - [`store`]: the clients in memory (signals owned by [`store::Store`]),
//!   dispatching core commands, saving, merging with other writers, undo;
//! - [`persist`]: where records are kept, behind one narrow interface
//!   ([`persist::Persistence`]: load, save, watch other writers), with
//!   localStorage as its backend;
//! - [`client`]: the client a page shows ([`client::ClientCtx`]);
//! - [`workshops`]: the trainer's workshop sessions;
//! - [`ui`]: language and route; [`browser`], [`offline`], [`camera`]: the
//!   browser's own services (dates, files, downloads, the service worker,
//!   the camera);
//! - [`work`], [`defer`]: the store's work that loads on first use.
//!
//! Imports only the core (`kbr_core`) and itself; never a component or a
//! page (`tools/layers/tests/layers.rs`).

pub mod browser;
pub mod camera;
pub mod client;
pub mod defer;
pub mod offline;
pub mod persist;
pub mod store;
pub mod sync;
pub mod team;
pub mod ui;
pub mod work;
pub mod workshops;
