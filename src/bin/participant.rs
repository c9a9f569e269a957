//! Entry point of the participant page (`p/`): only mounts
//! [`klantbankrekening::pages::participant::ParticipantApp`].

fn main() {
    leptos::mount::mount_to_body(klantbankrekening::pages::participant::ParticipantApp);
}
