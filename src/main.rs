//! Entry point of the browser app: puts its split points in chunks of
//! their own, reads the store ([`klantbankrekening::start`]), then mounts
//! [`klantbankrekening::App`].

use kbr_core::model::RoundId;
use kbr_core::route::Route;
use klantbankrekening::pages::{calendar, workshops};
use klantbankrekening::routes;
use leptos::prelude::AnyView;

klantbankrekening::split_chunks! {
    work: routes::WORK = routes::work, fn(routes::Later) -> AnyView;
    workshop_page: workshops::WORKSHOP_PAGE = workshops::workshop_page, fn(Route) -> AnyView;
    calendar: calendar::CALENDAR = calendar::calendar, fn(calendar::CalendarTask) -> calendar::CalendarOut;
    scanner_view: workshops::SCANNER_VIEW = workshops::scanner_view, fn(RoundId) -> AnyView;
}

fn main() {
    split_chunks();
    // The wasm is loaded and runs: the render figures count from here,
    // reading the store included.
    klantbankrekening::state::browser::mark("kbr-start");
    wasm_bindgen_futures::spawn_local(async {
        klantbankrekening::start(klantbankrekening::state::browser::now_millis()).await;
        leptos::mount::mount_to_body(klantbankrekening::App);
    });
}
