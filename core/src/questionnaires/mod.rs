//! Questionnaires as data: the engine that scores any definition, the
//! definitions the app ships, and the rules of interaction moments.

pub mod definitions;
pub mod engine;
pub mod gap;
pub mod group;
pub mod moments;
pub mod restore;
pub mod scan;
