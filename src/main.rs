//! Entry point of the browser app: only mounts [`klantbankrekening::App`].

fn main() {
    leptos::mount::mount_to_body(klantbankrekening::App);
}
