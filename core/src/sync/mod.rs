//! Team sync: one client account kept by a whole team over the CouchDB
//! replication protocol. This is the pure part; the browser's replicator
//! speaks HTTP with these pieces.
//!
//! - [`canon`]: the canonical JSON text of a document and its hash, so two
//!   devices that write the same thing write the same revision.
//! - [`rev`]: revision ids (`<generation>-<hash>`) and CouchDB's choice of
//!   the winning revision.
//! - [`doc`]: the account as documents: one for the client's details and
//!   settings, one per record, keyed by the records' stable ids, so two
//!   people booking at once never touch the same document.
//! - [`tree`]: a database of revision trees with the operations
//!   replication uses (`_changes`, `_revs_diff`, `_bulk_get`, `_bulk_docs`
//!   with `new_edits=false`, `_local` checkpoints) and one replication
//!   step by the protocol's rules; the model of the browser's sync state
//!   and, in tests, of the server.
//! - [`team`]: the account in and out of such a database: local changes as
//!   new revisions, conflicting revisions resolved the same way on every
//!   device (the field-by-field three-way merge of [`crate::storage::merge`]),
//!   the account read back with bad documents quarantined.
//! - [`replicator`]: a pull or a push as a state machine that names the
//!   next HTTP request and takes its answer (retries with a growing pause,
//!   `_bulk_get` with its fallback, checkpoints, sign-in and membership
//!   stops); the browser only fetches and waits.
//! - [`wire`]: the protocol's JSON (documents with `_revisions`,
//!   `_changes` with opaque sequences, `_revs_diff`, `_bulk_get` and its
//!   `open_revs` fallback, `_bulk_docs`, checkpoints), read with checks.
//!
//! The rules are written in `docs/DOMAIN.md` ("Team sync").

pub mod canon;
pub mod doc;
pub mod replicator;
pub mod rev;
pub mod setup;
pub mod team;
pub mod tree;
pub mod wire;
