//! Return files given to a workshop session: dropped on the zone or chosen
//! with the file button.

use kbr_core::i18n::Key;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::ui::use_ui;

/// The drop zone with its file button; hands the files over as they come.
#[component]
pub fn FileDrop<F>(
    /// Called with the dropped or chosen files.
    on_files: F,
) -> impl IntoView
where
    F: Fn(Option<web_sys::FileList>) + Copy + 'static,
{
    let ui = use_ui();
    let over = RwSignal::new(false);
    view! {
        <div
            class="drop-zone"
            class:over=move || over.get()
            on:dragover=move |ev| {
                ev.prevent_default();
                over.set(true);
            }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                over.set(false);
                on_files(ev.data_transfer().and_then(|d| d.files()));
            }
        >
            <label class="button">
                {ui.tr(Key::CollectFiles)}
                <input
                    type="file"
                    multiple
                    accept=".txt,text/plain"
                    class="visually-hidden"
                    data-testid="collect-files"
                    on:change=move |ev| {
                        let input = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                        on_files(input.as_ref().and_then(|i| i.files()));
                        if let Some(i) = input {
                            i.set_value("");
                        }
                    }
                />
            </label>
            <span class="muted small">{ui.tr(Key::CollectDrop)}</span>
        </div>
    }
}
