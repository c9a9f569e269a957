//! Reusable view pieces. Each displays values it is given or reads from
//! context; none holds domain rules.

pub mod banners;
pub mod category_select;
pub mod chart;
pub mod client_form;
pub mod conflicts;
pub mod downloads;
pub mod entry_form;
pub mod errors;
pub mod header;
pub mod lang_picker;
pub mod ledger_table;
pub mod link_share;
pub mod qr;
pub mod question;
pub mod radar;
pub mod status;
pub mod weakest;
pub mod weight_picker;
