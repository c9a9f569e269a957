//! Reusable view pieces. Each displays values it is given or reads from
//! context; none holds domain rules.

pub mod header;
