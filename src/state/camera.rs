//! The camera and a confirmation tone, for scanning return codes: opening
//! the rear (or default) camera, grabbing a frame as greyscale, stopping
//! it, and a short beep. The reading itself is the core's
//! (`invite::scan`).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, HtmlVideoElement, MediaStream};

/// Why the camera could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CameraError {
    /// The user or the browser's settings refused it.
    Refused,
    /// There is no camera.
    Absent,
    /// Another program holds it.
    Busy,
    /// This browser (or an insecure page) offers no camera.
    Unsupported,
}

/// The widest frame read: a code fills much of the view, and a smaller
/// frame decodes faster.
const MAX_WIDTH: u32 = 640;

/// Opens the rear camera where there is one, else the default one.
pub async fn open() -> Result<MediaStream, CameraError> {
    let devices = web_sys::window()
        .and_then(|w| w.navigator().media_devices().ok())
        .ok_or(CameraError::Unsupported)?;
    let video = js_sys::Object::new();
    let facing = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&facing, &"ideal".into(), &"environment".into());
    let _ = js_sys::Reflect::set(&video, &"facingMode".into(), &facing);
    let constraints = web_sys::MediaStreamConstraints::new();
    constraints.set_video(&video);
    constraints.set_audio(&false.into());
    let asked = devices
        .get_user_media_with_constraints(&constraints)
        .map_err(|_| CameraError::Unsupported)?;
    match JsFuture::from(asked).await {
        Ok(stream) => stream.dyn_into().map_err(|_| CameraError::Unsupported),
        Err(e) => Err(
            match e
                .dyn_ref::<web_sys::DomException>()
                .map(|d| d.name())
                .as_deref()
            {
                Some("NotAllowedError" | "SecurityError") => CameraError::Refused,
                Some("NotFoundError" | "OverconstrainedError") => CameraError::Absent,
                Some("NotReadableError" | "AbortError") => CameraError::Busy,
                _ => CameraError::Unsupported,
            },
        ),
    }
}

/// Plays `stream` in `video` (muted, as a preview); a refused or
/// interrupted start leaves the element as it is.
pub async fn show(video: &HtmlVideoElement, stream: &MediaStream) {
    video.set_muted(true);
    video.set_src_object(Some(stream));
    if let Ok(started) = video.play() {
        let _ = JsFuture::from(started).await;
    }
}

/// Stops every track of `stream`: the camera light goes off.
pub fn stop(stream: &MediaStream) {
    for track in stream.get_tracks().iter() {
        if let Ok(t) = track.dyn_into::<web_sys::MediaStreamTrack>() {
            t.stop();
        }
    }
}

/// The frame `video` shows now, as greyscale (`width`, `height`, pixels);
/// `None` before the first frame.
pub fn grab(
    video: &HtmlVideoElement,
    canvas: &HtmlCanvasElement,
) -> Option<(usize, usize, Vec<u8>)> {
    let (vw, vh) = (video.video_width(), video.video_height());
    if vw == 0 || vh == 0 || video.ready_state() < 2 {
        return None;
    }
    let w = vw.min(MAX_WIDTH);
    let h = vh * w / vw;
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_html_video_element_and_dw_and_dh(
        video,
        0.0,
        0.0,
        f64::from(w),
        f64::from(h),
    )
    .ok()?;
    let data = ctx
        .get_image_data(0.0, 0.0, f64::from(w), f64::from(h))
        .ok()?;
    Some((
        w as usize,
        h as usize,
        kbr_core::invite::scan::grey_of_rgba(&data.data()),
    ))
}

/// A short tone: high for an accepted code, low for a refused one. Quiet
/// where the browser allows no sound.
pub fn beep(accepted: bool) {
    thread_local! {
        static AUDIO: Option<web_sys::AudioContext> = web_sys::AudioContext::new().ok();
    }
    AUDIO.with(|audio| {
        let Some(audio) = audio else { return };
        let (Ok(tone), Ok(gain)) = (audio.create_oscillator(), audio.create_gain()) else {
            return;
        };
        tone.frequency()
            .set_value(if accepted { 880.0 } else { 220.0 });
        gain.gain().set_value(0.15);
        let now = audio.current_time();
        let _ = tone.connect_with_audio_node(&gain);
        let _ = gain.connect_with_audio_node(&audio.destination());
        let _ = tone.start_with_when(now);
        let _ = tone.stop_with_when(now + if accepted { 0.12 } else { 0.3 });
    });
}

/// Stops a frame loop started by [`each_frame`].
pub struct FrameLoop {
    alive: std::rc::Rc<std::cell::Cell<bool>>,
    timer: Option<leptos::prelude::IntervalHandle>,
}

impl FrameLoop {
    /// No more calls.
    pub fn stop(self) {
        self.alive.set(false);
        if let Some(t) = self.timer {
            t.clear();
        }
    }
}

/// Calls `f` with each new frame's capture time (`performance.now()`
/// clock): through `requestVideoFrameCallback` where the browser has it,
/// which gives the time the camera took the frame; else every `every`,
/// with the time of the call.
pub fn each_frame(
    video: &HtmlVideoElement,
    every: std::time::Duration,
    f: impl Fn(f64) + 'static,
) -> FrameLoop {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let alive = Rc::new(Cell::new(true));
    let ask = js_sys::Reflect::get(video, &"requestVideoFrameCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(ask) = ask else {
        let timer = leptos::prelude::set_interval_with_handle(move || f(now_ms()), every).ok();
        return FrameLoop { alive, timer };
    };
    type Callback = Closure<dyn FnMut(f64, wasm_bindgen::JsValue)>;
    let slot: Rc<RefCell<Option<Callback>>> = Rc::new(RefCell::new(None));
    let (video_again, slot_again, alive_again) = (video.clone(), slot.clone(), alive.clone());
    *slot.borrow_mut() = Some(Closure::new(
        move |now: f64, meta: wasm_bindgen::JsValue| {
            if !alive_again.get() {
                // Drops the closure, and with it this loop.
                slot_again.borrow_mut().take();
                return;
            }
            let captured = ["captureTime", "presentationTime"]
                .iter()
                .find_map(|k| js_sys::Reflect::get(&meta, &(*k).into()).ok()?.as_f64())
                .unwrap_or(now);
            f(captured);
            if let Some(cb) = slot_again.borrow().as_ref() {
                let _ = ask.call1(&video_again, cb.as_ref());
            }
        },
    ));
    if let (Some(cb), Ok(first)) = (
        slot.borrow().as_ref(),
        js_sys::Reflect::get(video, &"requestVideoFrameCallback".into()),
    ) {
        if let Ok(first) = first.dyn_into::<js_sys::Function>() {
            let _ = first.call1(video, cb.as_ref());
        }
    }
    FrameLoop { alive, timer: None }
}

/// `performance.now()`, the clock frame times are given in.
pub use super::browser::now_ms;

/// The browser's own QR reader (`BarcodeDetector`), where there is one.
pub struct NativeReader(js_sys::Object);

impl NativeReader {
    /// The reader, when this browser has one that reads QR codes.
    pub fn new() -> Option<NativeReader> {
        let class = js_sys::Reflect::get(&js_sys::global(), &"BarcodeDetector".into()).ok()?;
        let class = class.dyn_into::<js_sys::Function>().ok()?;
        let options = js_sys::Object::new();
        let formats = js_sys::Array::of1(&"qr_code".into());
        js_sys::Reflect::set(&options, &"formats".into(), &formats).ok()?;
        // Throws where QR codes are not among the formats it knows.
        let reader = js_sys::Reflect::construct(&class, &js_sys::Array::of1(&options)).ok()?;
        reader.dyn_into().ok().map(NativeReader)
    }

    /// The texts of the QR codes in the frame `video` shows now.
    pub async fn read(&self, video: &HtmlVideoElement) -> Vec<String> {
        let detect = js_sys::Reflect::get(&self.0, &"detect".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        let Some(found) = detect
            .and_then(|f| f.call1(&self.0, video).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        else {
            return Vec::new();
        };
        let Ok(found) = JsFuture::from(found).await else {
            return Vec::new();
        };
        js_sys::Array::from(&found)
            .iter()
            .filter_map(|code| {
                js_sys::Reflect::get(&code, &"rawValue".into())
                    .ok()?
                    .as_string()
            })
            .collect()
    }
}
