//! Entry point of the participant page (`p/`): puts its end screen in a
//! chunk of its own, then mounts
//! [`klantbankrekening::pages::participant::ParticipantApp`].

use klantbankrekening::pages::participant;
use leptos::prelude::AnyView;

klantbankrekening::split_chunks! {
    done_screen: participant::DONE_SCREEN = participant::done_screen, fn(bool) -> AnyView;
}

fn main() {
    split_chunks();
    leptos::mount::mount_to_body(participant::ParticipantApp);
}
