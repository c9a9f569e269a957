//! Reusable view pieces. Each displays values it is given or reads from
//! context; none holds domain rules.

pub mod banners;
pub mod category_select;
pub mod chart;
pub mod client_form;
pub mod conflicts;
pub mod deferred;
pub mod downloads;
pub mod entry_form;
pub mod errors;
pub mod export_button;
pub mod file_button;
pub mod header;
pub mod lang_picker;
pub mod ledger_table;
pub mod link_share;
pub mod outcome_list;
pub mod problem_banners;
pub mod qr;
pub mod question;
pub mod radar;
pub mod rare;
pub mod status;
pub mod sync_status;
pub mod toast;
pub mod update_notice;
pub mod weakest;
pub mod weight_picker;
