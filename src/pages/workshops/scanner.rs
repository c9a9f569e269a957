//! Scanning return codes with the camera: participants walk past and hold
//! up their phone. Each new code is added as a pasted one would be, with
//! a visible and audible confirmation and the count; a refused code says
//! why and the scan goes on. Loaded with its QR decoder when the trainer
//! starts scanning.

use std::rc::Rc;
use std::time::Duration;

use kbr_core::i18n::Key;
use kbr_core::invite::scan::{read_qr, Seen};
use kbr_core::invite::workshop::SessionCommand;
use kbr_core::model::RoundId;
use leptos::html;
use leptos::prelude::*;

use super::outcome::outcome_line;
use super::scan_status::{Confirmation, ScanStatus};
use crate::state::camera::{self, CameraError};
use crate::state::{browser, ui::use_ui, workshops::use_workshops};

crate::chunk! {
    /// The scanner's entry point: in a chunk of its own with the QR
    /// decoder, loaded when the trainer presses "Scannen".
    pub static SCANNER_VIEW = fn scanner_view(id: RoundId) -> AnyView {
        view! { <Scanner id=id /> }.into_any()
    }
}

/// How often a frame is read where the browser cannot say when a new one
/// arrives; also the most time one read may keep the next waiting.
const EVERY: Duration = Duration::from_millis(80);

/// The live camera view, with the count and the last confirmation.
#[component]
fn Scanner(
    /// The session the codes are added to.
    id: RoundId,
) -> impl IntoView {
    let ui = use_ui();
    let workshops = use_workshops();
    let video = NodeRef::<html::Video>::new();
    let failed = RwSignal::new(None::<CameraError>);
    let last = RwSignal::new(None::<Confirmation>);
    let stream = StoredValue::new_local(None::<web_sys::MediaStream>);
    let frames = StoredValue::new_local(None::<camera::FrameLoop>);
    let seen = StoredValue::new_local(Seen::default());
    // Each code read: added as if pasted, confirmed on screen and by a tone.
    // `captured` is when the camera took the frame: the time to the painted
    // confirmation counts from there.
    let handle = move |texts: Vec<String>, captured: f64| {
        let now = camera::now_ms();
        for text in texts {
            if seen.try_update_value(|s| s.is_news(&text, now)) != Some(true) {
                continue;
            }
            let lang = ui.lang.get_untracked();
            let lines = match workshops.apply(id, SessionCommand::Collect(text), lang) {
                Ok((_, outcomes)) => outcomes.iter().map(|o| outcome_line(o, lang)).collect(),
                Err(e) => vec![(false, e)],
            };
            for (ok, line) in lines {
                camera::beep(ok);
                last.update(|l| *l = Some(Confirmation::next(l.as_ref(), ok, line)));
                browser::after_paint(move || browser::measure_since("kbr-scan", captured));
            }
        }
    };
    let read = reader(video, handle);
    // The camera opens once its view is on the page.
    video.on_load(move |v| {
        leptos::task::spawn_local(async move {
            match camera::open().await {
                Ok(s) => {
                    // Stopped while the camera was being opened: give it back.
                    if stream.try_set_value(Some(s.clone())).is_some() {
                        camera::stop(&s);
                        return;
                    }
                    camera::show(&v, &s).await;
                    let each = camera::each_frame(&v, EVERY, read);
                    if let Some(Some(each)) = frames.try_set_value(Some(each)) {
                        each.stop();
                    }
                }
                Err(e) => {
                    failed.try_set(Some(e));
                }
            }
        });
    });
    on_cleanup(move || {
        if let Some(f) = frames.try_update_value(Option::take).flatten() {
            f.stop();
        }
        if let Some(Some(s)) = stream.try_get_value() {
            camera::stop(&s);
        }
    });
    view! {
        <div class="scanner" data-testid="scanner">
            <Show
                when=move || failed.get().is_none()
                fallback=move || view! { <CameraProblem failed=failed /> }
            >
                <video
                    node_ref=video
                    class="scanner-video"
                    prop:muted=true
                    autoplay=true
                    playsinline=true
                    aria-label=ui.tr(Key::ScanVideo)
                ></video>
            </Show>
            <ScanStatus id=id last=last />
        </div>
    }
}

/// Reads one frame of `video` and hands the codes in it to `handle`: with
/// the browser's own reader where it has one, else ours on a grabbed
/// frame. A slow machine skips frames rather than falling behind.
fn reader(
    video: NodeRef<html::Video>,
    handle: impl Fn(Vec<String>, f64) + Copy + 'static,
) -> impl Fn(f64) + Copy + 'static {
    let native = StoredValue::new_local(camera::NativeReader::new().map(Rc::new));
    let canvas = StoredValue::new_local(
        document()
            .create_element("canvas")
            .ok()
            .and_then(|c| wasm_bindgen::JsCast::dyn_into(c).ok()),
    );
    let busy_until = StoredValue::new(0.0f64);
    move |captured: f64| {
        let start = camera::now_ms();
        if start < busy_until.get_value() {
            return;
        }
        let Some(v) = video.get_untracked() else {
            return;
        };
        if let Some(Some(reader)) = native.try_get_value() {
            busy_until.set_value(f64::INFINITY);
            leptos::task::spawn_local(async move {
                let texts = reader.read(&v).await;
                busy_until.try_set_value(0.0);
                handle(texts, captured);
            });
            return;
        }
        let Some(Some(c)) = canvas.try_get_value() else {
            return;
        };
        let Some((w, h, grey)) = camera::grab(&v, &c) else {
            return;
        };
        let texts = read_qr(w, h, &grey);
        let took = camera::now_ms() - start;
        busy_until.set_value(start + took.min(EVERY.as_secs_f64() * 1000.0));
        handle(texts, captured);
    }
}

/// Why the camera cannot be used, in one sentence that says pasting works.
#[component]
fn CameraProblem(
    /// What went wrong.
    failed: RwSignal<Option<CameraError>>,
) -> impl IntoView {
    let ui = use_ui();
    let text = move || {
        failed.get().map(|e| {
            ui.t(match e {
                CameraError::Refused => Key::CameraRefused,
                CameraError::Absent => Key::CameraAbsent,
                CameraError::Busy => Key::CameraBusy,
                CameraError::Unsupported => Key::CameraUnsupported,
            })
        })
    };
    view! {
        <p class="errors" role="alert" data-testid="camera-problem">
            {text}
        </p>
    }
}
