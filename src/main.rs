//! Entry point of the browser app: reads the store
//! ([`klantbankrekening::start`]), then mounts [`klantbankrekening::App`].

fn main() {
    // The wasm is loaded and runs: the render figures count from here,
    // reading the store included.
    klantbankrekening::state::browser::mark("kbr-start");
    wasm_bindgen_futures::spawn_local(async {
        klantbankrekening::start(klantbankrekening::state::browser::now_millis()).await;
        leptos::mount::mount_to_body(klantbankrekening::App);
    });
}
