//! Entry point of the participant page (`p/`): only mounts
//! [`klantbankrekening::participant::ParticipantApp`].

fn main() {
    leptos::mount::mount_to_body(klantbankrekening::participant::ParticipantApp);
}
