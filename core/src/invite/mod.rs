//! Invites and return codes: how a workshop participant or a client contact
//! gets a questionnaire and sends the answers back without any server.

pub mod code;
pub mod flow;
pub mod projector;
pub mod qr;
pub mod rounds;
pub mod scan;
pub mod workshop;
