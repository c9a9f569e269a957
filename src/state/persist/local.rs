//! The only code that touches `localStorage`.
//!
//! Encoding, migrations, merges and error classification are pure
//! (`kbr_core::storage`); this layer only moves strings in and out, holds
//! the cross-tab lock around a read-check-write, and reports failures as
//! values: no call here panics on missing or broken storage.
//!
//! Values are read as JavaScript strings first. A value that is not valid
//! text (a lone UTF-16 surrogate) would change when turned into a Rust
//! string, so it is never decoded: it is copied aside as the same
//! JavaScript string, the copy is verified, and only then is the original
//! removed.

use kbr_core::account::digest::Digest;
use kbr_core::i18n::{fold_case, Lang};
use kbr_core::invite::workshop::{self, session_key, Session, SessionDecodeError, SESSION_PREFIX};
use kbr_core::model::{order, Account, ClientId, RoundId};
use kbr_core::storage::codec::{
    self, classify_failure, client_key, peek, quarantine_key, DecodeError, Meta, StorageFailure,
    CLIENT_PREFIX, META_KEY, QUARANTINE_PREFIX, SCHEMA,
};
use kbr_core::storage::glance;
use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const LANG_KEY: &str = "kbr:lang";

#[wasm_bindgen]
extern "C" {
    /// `Storage`, seen with JavaScript values instead of Rust strings.
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;

    /// `Storage.getItem` returning the JavaScript value itself, so a value
    /// that is not valid UTF-16 text is seen as it is.
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_js(this: &RawStorage, key: &str) -> Result<JsValue, JsValue>;

    /// `Storage.setItem` with a JavaScript value, copied byte for byte.
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &RawStorage, key: &str, value: &JsValue) -> Result<(), JsValue>;

    /// `TextEncoder`, handed the JavaScript string itself: the browser
    /// writes its UTF-8 natively. Passed as a Rust string instead, the
    /// glue copies it one character at a time in JavaScript, which was the
    /// largest single cost of opening a store of 50 clients.
    #[wasm_bindgen(js_name = TextEncoder)]
    type Utf8Encoder;

    #[wasm_bindgen(constructor, js_class = "TextEncoder")]
    fn new() -> Utf8Encoder;

    #[wasm_bindgen(method, js_class = "TextEncoder", js_name = encode)]
    fn encode_value(this: &Utf8Encoder, text: &JsValue) -> js_sys::Uint8Array;

    /// The Web Locks API (`navigator.locks`), not yet stable in web-sys.
    type LockManager;

    #[wasm_bindgen(method, js_name = request)]
    fn request(this: &LockManager, name: &str, callback: &js_sys::Function) -> js_sys::Promise;
}

/// A failed storage call, classified.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageFault {
    /// Quota, disabled, or other.
    pub kind: StorageFailure,
    /// The browser's own words, for the curious.
    pub detail: String,
}

fn fault(err: JsValue) -> StorageFault {
    let (name, code, message) = match err.dyn_ref::<web_sys::DomException>() {
        Some(e) => (e.name(), e.code(), e.message()),
        None => match err.dyn_ref::<js_sys::Error>() {
            Some(e) => (String::from(e.name()), 0, String::from(e.message())),
            // A thrown value that is no Error: its text if it is one.
            None => (String::new(), 0, err.as_string().unwrap_or_default()),
        },
    };
    StorageFault {
        kind: classify_failure(&name, code),
        detail: format!("{name} {message}").trim().to_string(),
    }
}

fn storage() -> Result<web_sys::Storage, StorageFault> {
    let window = web_sys::window().ok_or_else(|| StorageFault {
        kind: StorageFailure::Disabled,
        detail: "no window".into(),
    })?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err(StorageFault {
            kind: StorageFailure::Disabled,
            detail: "localStorage is not available".into(),
        }),
        Err(e) => Err(fault(e)),
    }
}

/// A stored value as read.
#[derive(Clone, Debug)]
pub enum Raw {
    /// Valid text.
    Text(String),
    /// Not valid text: kept as the JavaScript value, never decoded.
    Malformed(JsValue),
}

/// Reads `key`: `None` when there is no such key.
pub fn read(key: &str) -> Result<Option<Raw>, StorageFault> {
    let value = raw_storage()?.get_item_js(key).map_err(fault)?;
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    if !value.is_string() {
        return Ok(Some(Raw::Malformed(value)));
    }
    let text = match TEXT.with(|t| t.well_formed(&value)) {
        // Not valid UTF-16 (a lone surrogate): kept as it is.
        Some(false) => None,
        Some(true) => {
            String::from_utf8(TEXT.with(|t| t.encoder.encode_value(&value)).to_vec()).ok()
        }
        // An older browser: the conversion replaces what is not valid
        // UTF-16, so then the value differs from its round trip.
        None => value
            .as_string()
            .filter(|text| JsValue::from_str(text) == value),
    };
    Ok(Some(text.map_or(Raw::Malformed(value), Raw::Text)))
}

/// What [`read`] needs of the browser for every record, looked up once.
struct TextTools {
    encoder: Utf8Encoder,
    /// `String.prototype.isWellFormed`; `None` in a browser without it.
    is_well_formed: Option<js_sys::Function>,
}

impl TextTools {
    fn new() -> TextTools {
        // Looked up on `String.prototype`: `Reflect.get` refuses a primitive.
        let get = |target: &JsValue, name: &str| {
            js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()
        };
        let is_well_formed = get(&js_sys::global(), "String")
            .and_then(|string| get(&string, "prototype"))
            .and_then(|prototype| get(&prototype, "isWellFormed"))
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
        TextTools {
            encoder: Utf8Encoder::new(),
            is_well_formed,
        }
    }

    /// Whether a string value has no lone surrogates; `None` when the
    /// browser cannot say.
    fn well_formed(&self, value: &JsValue) -> Option<bool> {
        self.is_well_formed.as_ref()?.call0(value).ok()?.as_bool()
    }
}

thread_local! {
    static TEXT: TextTools = TextTools::new();
}

fn raw_storage() -> Result<RawStorage, StorageFault> {
    storage().map(|s| s.unchecked_into::<RawStorage>())
}

fn get(key: &str) -> Result<Option<String>, StorageFault> {
    storage()?.get_item(key).map_err(fault)
}

fn set(key: &str, value: &str) -> Result<(), StorageFault> {
    storage()?.set_item(key, value).map_err(fault)
}

/// Whether `key` is certainly not stored (readable storage without it).
pub fn is_gone(key: &str) -> bool {
    matches!(get(key), Ok(None))
}

/// Whether `key` is among the keys storage lists (whatever reading it gives).
fn is_listed(key: &str) -> bool {
    storage().is_ok_and(|s| {
        let n = s.length().unwrap_or(0);
        (0..n).any(|i| s.key(i).ok().flatten().as_deref() == Some(key))
    })
}

fn remove(key: &str) -> Result<(), StorageFault> {
    storage()?.remove_item(key).map_err(fault)
}

fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, StorageFault> {
    let s = storage()?;
    let n = s.length().map_err(fault)?;
    let mut keys = Vec::new();
    for i in 0..n {
        // A key that cannot be listed means storage cannot be read as a
        // whole: say so rather than show fewer clients.
        if let Some(k) = s.key(i).map_err(fault)? {
            if k.starts_with(prefix) {
                keys.push(k);
            }
        }
    }
    order::sort_by(&mut keys, |a, b| a.cmp(b));
    Ok(keys)
}

/// Copies the value under `key` aside exactly (as a JavaScript string),
/// checks the copy, and only then removes the original. Returns where the
/// value is now: the quarantine key, or `key` itself when moving failed.
fn quarantine(key: &str, value: &JsValue, now_millis: u64) -> String {
    let q = quarantine_key(key, now_millis);
    let moved = raw_storage().ok().is_some_and(|s| {
        s.set_item_js(&q, value).is_ok()
            && s.get_item_js(&q).is_ok_and(|copy| &copy == value)
            && remove(key).is_ok()
    });
    if moved {
        q
    } else {
        key.to_string()
    }
}

/// Sets the stored text `raw` of `key` aside (see [`quarantine`]) because
/// it cannot be read for `reason`.
pub fn set_aside(key: &str, raw: &str, reason: DecodeError, now_millis: u64) -> Quarantined {
    let value = JsValue::from_str(raw);
    Quarantined {
        key: quarantine(key, &value, now_millis),
        original: key.to_string(),
        length: value
            .dyn_ref::<js_sys::JsString>()
            .map_or(0, |s| s.length()),
        raw: value,
        reason: Some(reason),
    }
}

/// Unreadable data moved aside, never deleted without the user.
#[derive(Clone, Debug)]
pub struct Quarantined {
    /// Where the raw data is now (the quarantine key, or the original key
    /// when moving it failed).
    pub key: String,
    /// Where it was found.
    pub original: String,
    /// The raw value, offered as a download.
    pub raw: JsValue,
    /// Its length in UTF-16 units.
    pub length: u32,
    /// Why it could not be read; `None` for a record set aside at an
    /// earlier start (the recovery page reads it again to say why).
    pub reason: Option<DecodeError>,
}

/// A client record as read at start-up, with what a later save needs to
/// know about it.
#[derive(Clone, Debug)]
pub struct LoadedClient {
    /// What the overview shows of it.
    pub digest: Digest,
    /// The stored version's token.
    pub writer: String,
    /// Its raw text: the account when first needed, and the base of the
    /// next merge.
    pub raw: String,
    /// The account, when the record had to be read whole (an older
    /// format): such a record is saved again in the current one.
    pub account: Option<Account>,
}

/// What was found in storage at start-up.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// Readable accounts, sorted by name.
    pub clients: Vec<LoadedClient>,
    /// Unreadable records, moved aside.
    pub quarantined: Vec<Quarantined>,
    /// Keys written by a newer version: the app opens read-only.
    pub newer: Vec<String>,
    /// Client keys that were listed but could not be read: they are left
    /// alone, and the user is told.
    pub unreadable: Vec<String>,
    /// Export bookkeeping.
    pub meta: Meta,
    /// Storage could not be used at all.
    pub fault: Option<StorageFault>,
    /// Records without a digest of this version (older formats, changed
    /// by hand, broken): `(key, text)`, to be read whole by [`read_whole`]
    /// before the app starts.
    pub whole: Vec<(String, String)>,
}

impl Loaded {
    /// Whether some records must be read whole before the app can show
    /// them (the code for that loads with the rest of the app).
    pub fn needs_whole_read(&self) -> bool {
        !self.whole.is_empty()
    }
}

/// Reads everything, like the start does: digests first, and the records
/// without one read whole (migrating old records in memory; they are saved
/// in the current format once the app runs) and quarantining unreadable
/// ones, including a record stored under another client's key.
pub fn load(now_millis: u64) -> Loaded {
    let mut loaded = load_digests(now_millis);
    read_whole(&mut loaded, now_millis);
    loaded
}

/// What the first screen reads on its own: every digest. Records that
/// need reading whole are left in [`Loaded::whole`].
fn load_digests(now_millis: u64) -> Loaded {
    let mut loader = Loader::new(now_millis);
    while loader.step(usize::MAX) {}
    loader.finish()
}

/// Reads the records of [`Loaded::whole`] whole: decoded and migrated,
/// or quarantined when they cannot be read; a record of a newer app
/// version puts the app in read-only mode.
pub fn read_whole(loaded: &mut Loaded, now_millis: u64) {
    for (key, raw) in std::mem::take(&mut loaded.whole) {
        let reason = match codec::decode_at(&key, &raw) {
            Ok(stored) => {
                loaded.clients.push(LoadedClient {
                    digest: Digest::of(&stored.account).compact(),
                    writer: stored.writer,
                    raw,
                    account: Some(stored.account),
                });
                continue;
            }
            Err(DecodeError::NewerSchema(_)) => {
                loaded.newer.push(key);
                continue;
            }
            Err(reason) => reason,
        };
        loaded
            .quarantined
            .push(set_aside(&key, &raw, reason, now_millis));
    }
    sort_by_name(loaded);
}

fn sort_by_name(loaded: &mut Loaded) {
    order::sort_by_cached_key(&mut loaded.clients, |c| fold_case(&c.digest.client.name));
}

/// Why the record `raw` set aside at an earlier start cannot be read.
pub fn reason_of(raw: &JsValue) -> DecodeError {
    match raw.as_string() {
        Some(text) => codec::decode(&text)
            .err()
            .unwrap_or(DecodeError::NotEnvelope),
        None => DecodeError::BadText,
    }
}

/// What the start hands the app when nothing was preloaded (the browser
/// tests mount the app directly): the digests; a record that would need
/// reading whole is reported unreadable, never shown half.
pub fn load_start(now_millis: u64) -> Loaded {
    let mut loaded = load_digests(now_millis);
    let whole = std::mem::take(&mut loaded.whole);
    loaded
        .unreadable
        .extend(whole.into_iter().map(|(key, _)| key));
    loaded
}

/// Records read per task by [`preload`]: a few milliseconds on a slow
/// phone, under the 50 ms a task may take before it blocks the page.
const PRELOAD_SLICE: usize = 4;

/// [`load`], a slice of records per task with the browser free in between,
/// before the app mounts (`main.rs`): a store of 50 clients read in one go
/// was one long task at start. A client another tab writes meanwhile is
/// read again at the end, so what the app starts with is current; [`take_preloaded`]
/// hands the result to the store.
pub async fn preload(now_millis: u64) {
    let changed: Rc<RefCell<Vec<String>>> = Rc::default();
    let seen = changed.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
            if let Some(key) = ev.key() {
                seen.borrow_mut().push(key);
            }
        });
    let window = web_sys::window();
    if let Some(w) = &window {
        let _ = w.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    }
    let mut loader = Loader::new(now_millis);
    while loader.step(PRELOAD_SLICE) {
        next_task().await;
    }
    if let Some(w) = &window {
        let _ = w.remove_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    }
    let changed = std::mem::take(&mut *changed.borrow_mut());
    loader.reread(&changed);
    PRELOADED.with(|p| *p.borrow_mut() = Some(loader.finish()));
}

/// Reads the preloaded records that have no digest whole (see
/// [`read_whole`]); the start calls it, through the code that loads with
/// the rest of the app, when [`Loaded::needs_whole_read`].
pub fn read_whole_preloaded(now_millis: u64) {
    PRELOADED.with(|p| {
        if let Some(loaded) = p.borrow_mut().as_mut() {
            read_whole(loaded, now_millis);
        }
    });
}

/// Whether the preloaded store has records to read whole.
pub fn preloaded_needs_whole_read() -> bool {
    PRELOADED.with(|p| p.borrow().as_ref().is_some_and(Loaded::needs_whole_read))
}

/// What [`preload`] read, once; `None` when nothing was preloaded (the
/// browser tests mount the app directly).
pub fn take_preloaded() -> Option<Loaded> {
    PRELOADED.with(|p| p.borrow_mut().take())
}

thread_local! {
    static PRELOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// Resolves in a later task (`setTimeout` 0), so the browser can paint and
/// handle input in between.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        // Without a timer (no window) it resolves at once: never hang.
        let later = web_sys::window()
            .map(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0));
        if !matches!(later, Some(Ok(_))) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Reading the store record by record: [`load`] runs every step at once,
/// [`preload`] a slice per task.
struct Loader {
    loaded: Loaded,
    keys: Vec<String>,
    next: usize,
    now_millis: u64,
}

impl Loader {
    fn new(now_millis: u64) -> Loader {
        let mut loaded = Loaded::default();
        let keys = keys_with_prefix(CLIENT_PREFIX).unwrap_or_else(|f| {
            loaded.fault = Some(f);
            Vec::new()
        });
        Loader {
            loaded,
            keys,
            next: 0,
            now_millis,
        }
    }

    /// Reads up to `n` more client records; `false` when all are read.
    fn step(&mut self, n: usize) -> bool {
        let end = self.keys.len().min(self.next.saturating_add(n));
        for i in self.next..end {
            let key = self.keys[i].clone();
            self.read_client(key);
        }
        self.next = end;
        self.next < self.keys.len()
    }

    /// Reads `keys` again (written by another tab while preloading): what
    /// was read of them before is replaced by what is stored now.
    fn reread(&mut self, keys: &[String]) {
        let mut keys: Vec<&String> = keys
            .iter()
            .filter(|k| k.starts_with(CLIENT_PREFIX))
            .collect();
        order::sort_by(&mut keys, |a, b| a.cmp(b));
        keys.dedup();
        for key in keys {
            let l = &mut self.loaded;
            l.clients
                .retain(|c| &client_key(&c.digest.client.id) != key);
            l.whole.retain(|(k, _)| k != key);
            l.newer.retain(|k| k != key);
            l.unreadable.retain(|k| k != key);
            l.quarantined.retain(|q| &q.original != key);
            // Deleted by the other tab: nothing to read.
            if !is_gone(key) {
                self.read_client(key.clone());
            }
        }
    }

    fn read_client(&mut self, key: String) {
        let loaded = &mut self.loaded;
        let raw = match read(&key) {
            Ok(Some(Raw::Text(raw))) => raw,
            Ok(Some(Raw::Malformed(value))) => {
                let length = value
                    .dyn_ref::<js_sys::JsString>()
                    .map_or(0, |s| s.length());
                loaded.quarantined.push(Quarantined {
                    key: quarantine(&key, &value, self.now_millis),
                    original: key,
                    raw: value,
                    length,
                    reason: Some(DecodeError::BadText),
                });
                return;
            }
            Ok(None) | Err(_) => {
                loaded.unreadable.push(key);
                return;
            }
        };
        match glance::read(&raw) {
            Ok(g) if g.schema > SCHEMA => loaded.newer.push(key),
            Ok(g) if client_key(&g.digest.client.id) == key => {
                loaded.clients.push(LoadedClient {
                    digest: g.digest,
                    writer: g.writer,
                    raw,
                    account: None,
                });
            }
            // No digest of this version, or one that does not belong:
            // the record is read whole before the app starts.
            _ => loaded.whole.push((key, raw)),
        }
    }

    /// The quarantine shelf, the bookkeeping, and the clients by name.
    fn finish(self) -> Loaded {
        let mut loaded = self.loaded;
        if loaded.fault.is_some() {
            return loaded;
        }
        if let Ok(keys) = keys_with_prefix(QUARANTINE_PREFIX) {
            for key in keys {
                if loaded.quarantined.iter().any(|q| q.key == key) {
                    continue;
                }
                let (raw, reason) = match read(&key) {
                    Ok(Some(Raw::Text(t))) => (JsValue::from_str(&t), None),
                    Ok(Some(Raw::Malformed(v))) => (v, Some(DecodeError::BadText)),
                    _ => continue,
                };
                let original = key
                    .strip_prefix(QUARANTINE_PREFIX)
                    .and_then(|rest| rest.split_once(':'))
                    .map(|(_, k)| k.to_string())
                    .unwrap_or_default();
                let length = raw.dyn_ref::<js_sys::JsString>().map_or(0, |s| s.length());
                loaded.quarantined.push(Quarantined {
                    key,
                    original,
                    raw,
                    length,
                    reason,
                });
            }
        }
        loaded.meta = get(META_KEY)
            .ok()
            .flatten()
            .map(|raw| Meta::read(&raw))
            .unwrap_or_default();
        sort_by_name(&mut loaded);
        loaded
    }
}

/// Runs `f` holding the cross-tab lock `name` (the Web Locks API), so a
/// read-check-write in `f` is atomic across tabs. Where the API is
/// missing, `f` runs at once; the writer tokens in every record still let
/// the tabs notice a race afterwards and merge (see `docs/ARCHITECTURE.md`).
pub async fn locked<R: 'static>(name: &str, f: impl FnOnce() -> R + 'static) -> R {
    let locks = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("locks")).ok())
        .filter(|l| !l.is_undefined() && !l.is_null())
        .map(|l| l.unchecked_into::<LockManager>());
    let Some(locks) = locks else {
        return f();
    };
    let slot: std::rc::Rc<std::cell::RefCell<Option<R>>> = Default::default();
    let f_cell = std::rc::Rc::new(std::cell::RefCell::new(Some(f)));
    let (out, job) = (slot.clone(), f_cell.clone());
    let callback = Closure::once_into_js(move |_lock: JsValue| {
        let f = job.borrow_mut().take();
        if let Some(f) = f {
            *out.borrow_mut() = Some(f());
        }
    });
    let promise = locks.request(name, callback.unchecked_ref());
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    let done = slot.borrow_mut().take();
    let pending = f_cell.borrow_mut().take();
    match (done, pending) {
        (Some(r), _) => r,
        // A rejected lock request (a sandboxed frame) never ran `f`.
        (None, Some(f)) => f(),
        (None, None) => unreachable!("the lock callback takes `f` and fills the slot"),
    }
}

/// Waits until this tab holds the Web Lock `name` and keeps it until the
/// returned function is called (or the tab closes): one tab of the
/// browser does a job, and the next one takes over when it closes.
/// Without the Web Locks API every tab holds it (`None` to call).
pub async fn hold(name: &str) -> Option<js_sys::Function> {
    let locks = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("locks")).ok())
        .filter(|l| !l.is_undefined() && !l.is_null())
        .map(|l| l.unchecked_into::<LockManager>())?;
    let release: std::rc::Rc<std::cell::RefCell<Option<js_sys::Function>>> = Default::default();
    let granted = std::rc::Rc::new(std::cell::RefCell::new(None::<js_sys::Function>));
    let got = js_sys::Promise::new(&mut |resolve, _| *granted.borrow_mut() = Some(resolve));
    let (out, tell) = (release.clone(), granted.clone());
    let callback = Closure::once_into_js(move |_lock: JsValue| {
        // Held while this promise is pending: until `release` is called.
        let held = js_sys::Promise::new(&mut |resolve, _| *out.borrow_mut() = Some(resolve));
        if let Some(tell) = tell.borrow_mut().take() {
            let _ = tell.call0(&JsValue::UNDEFINED);
        }
        held
    });
    let _ = locks.request(name, callback.unchecked_ref());
    let _ = wasm_bindgen_futures::JsFuture::from(got).await;
    let r = release.borrow_mut().take();
    r
}

/// What a guarded write found.
#[derive(Clone, Debug)]
pub enum Write {
    /// Written at revision `rev` as version `w`; `raw` is what was written.
    Written {
        /// The new revision.
        rev: u64,
        /// The new version's token.
        w: String,
        /// The text written.
        raw: String,
    },
    /// The stored version is not the one this tab started from: another
    /// tab wrote meanwhile. `raw` is what is stored now (empty: deleted).
    Diverged {
        /// The stored text.
        raw: String,
    },
    /// The stored record is of a newer app version: nothing was written.
    Newer,
    /// The record is listed in storage, but the browser returns nothing for
    /// it: not deleted, unreadable. Nothing was written.
    Unreadable,
    /// The browser refused.
    Fault(StorageFault),
}

/// Writes `account` if the stored record is still version `base` (empty:
/// not stored yet), as version `w` with parent `base`. Call inside
/// [`locked`] so the check and the write are one step across tabs.
pub fn write_if_unchanged(account: &Account, base: &str, w: &str) -> Write {
    let key = client_key(&account.client.id);
    let current = match read(&key) {
        Ok(c) => c,
        Err(f) => return Write::Fault(f),
    };
    let rev = match current {
        None if base.is_empty() => 0,
        // Listed, but nothing comes back: the browser cannot read it, and no
        // other tab deleted it (a deletion also takes it off the list).
        None if is_listed(&key) => return Write::Unreadable,
        None => return Write::Diverged { raw: String::new() },
        Some(Raw::Malformed(_)) => return Write::Diverged { raw: String::new() },
        Some(Raw::Text(raw)) => match peek(&raw) {
            Ok((schema, _, _)) if schema > SCHEMA => return Write::Newer,
            Ok((_, rev, stored_w)) if stored_w == base && !base.is_empty() => rev,
            _ => return Write::Diverged { raw },
        },
    };
    write_version(&key, account, rev + 1, w, base)
}

/// Writes an imported `account` over whatever is stored, unless the stored
/// record is of a newer app version. Call inside [`locked`].
pub fn write_over(account: &Account, w: &str) -> Write {
    let key = client_key(&account.client.id);
    let (rev, parent) = match read(&key) {
        Ok(Some(Raw::Text(raw))) => match peek(&raw) {
            Ok((schema, _, _)) if schema > SCHEMA => return Write::Newer,
            Ok((_, rev, stored_w)) => (rev, stored_w),
            Err(_) => (0, String::new()),
        },
        Ok(_) => (0, String::new()),
        Err(f) => return Write::Fault(f),
    };
    write_version(&key, account, rev + 1, w, &parent)
}

/// Writes `account` under `key` as version `w` (revision `rev`) made from
/// `parent`.
fn write_version(key: &str, account: &Account, rev: u64, w: &str, parent: &str) -> Write {
    let raw = codec::encode_versioned(account, rev, w, parent);
    match set(key, &raw) {
        Ok(()) => Write::Written {
            rev,
            w: w.to_string(),
            raw,
        },
        Err(f) => Write::Fault(f),
    }
}

/// The keys of records written by a newer app version, as stored now.
pub fn newer_keys() -> Vec<String> {
    keys_with_prefix(CLIENT_PREFIX)
        .unwrap_or_default()
        .into_iter()
        .filter(|k| {
            get(k)
                .ok()
                .flatten()
                .and_then(|raw| peek(&raw).ok())
                .is_some_and(|(schema, _, _)| schema > SCHEMA)
        })
        .collect()
}

/// Removes a client's record, unless it is of a newer app version.
pub fn delete_client(id: &ClientId) -> Result<(), StorageFault> {
    let key = client_key(id);
    let newer = get(&key)
        .ok()
        .flatten()
        .and_then(|raw| peek(&raw).ok())
        .is_some_and(|(schema, _, _)| schema > SCHEMA);
    if newer {
        return Ok(());
    }
    remove(&key)
}

/// Removes a quarantined record (only on the user's explicit request).
pub fn delete_quarantined(key: &str) -> Result<(), StorageFault> {
    remove(key)
}

/// Saves the export bookkeeping.
pub fn save_meta(meta: &Meta) -> Result<(), StorageFault> {
    set(META_KEY, &serde_json::to_string(meta).unwrap_or_default())
}

/// The remembered language, if any and readable.
pub fn load_lang() -> Option<Lang> {
    get(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|raw| Lang::from_code(&raw))
}

/// Remembers the language choice.
pub fn save_lang(lang: Lang) -> Result<(), StorageFault> {
    set(LANG_KEY, lang.code())
}

/// Asks the browser to protect our storage from eviction; `None` when the
/// browser has no such API.
pub async fn request_persist() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let already = wasm_bindgen_futures::JsFuture::from(storage.persisted().ok()?)
        .await
        .ok()?
        .as_bool()?;
    if already {
        return Some(true);
    }
    wasm_bindgen_futures::JsFuture::from(storage.persist().ok()?)
        .await
        .ok()?
        .as_bool()
}

// ---- workshop sessions and participant drafts ----

/// What was found of the trainer's workshop sessions at start-up.
#[derive(Clone, Debug, Default)]
pub struct LoadedSessions {
    /// Readable sessions, newest first.
    pub sessions: Vec<Session>,
    /// Unreadable ones, moved aside like unreadable clients.
    pub quarantined: Vec<Quarantined>,
    /// Keys written by a newer app version: left alone.
    pub newer: Vec<String>,
}

fn session_decode_reason(e: SessionDecodeError) -> DecodeError {
    match e {
        SessionDecodeError::Newer(n) => DecodeError::NewerSchema(n),
        SessionDecodeError::Invalid(d) => DecodeError::Invalid(d),
    }
}

/// Reads every stored session; unreadable ones are quarantined.
pub fn load_sessions(now_millis: u64) -> LoadedSessions {
    let mut loaded = LoadedSessions::default();
    for key in keys_with_prefix(SESSION_PREFIX).unwrap_or_default() {
        let (raw, reason) = match read(&key) {
            Ok(Some(Raw::Text(raw))) => match workshop::decode(&raw) {
                Ok(s) if session_key(s.id) == key => {
                    loaded.sessions.push(s);
                    continue;
                }
                Ok(_) => (JsValue::from_str(&raw), DecodeError::NotEnvelope),
                Err(SessionDecodeError::Newer(_)) => {
                    loaded.newer.push(key);
                    continue;
                }
                Err(e) => (JsValue::from_str(&raw), session_decode_reason(e)),
            },
            Ok(Some(Raw::Malformed(v))) => (v, DecodeError::BadText),
            _ => continue,
        };
        let length = raw.dyn_ref::<js_sys::JsString>().map_or(0, |s| s.length());
        loaded.quarantined.push(Quarantined {
            key: quarantine(&key, &raw, now_millis),
            original: key,
            raw,
            length,
            reason: Some(reason),
        });
    }
    // Newest first.
    order::sort_by_key(&mut loaded.sessions, |s| {
        (-order::day(s.created), u64::MAX - s.id.0)
    });
    loaded
}

/// The stored version of session `key`, if readable (another tab's write).
pub fn read_session(key: &str) -> Option<Session> {
    match read(key) {
        Ok(Some(Raw::Text(raw))) => workshop::decode(&raw).ok(),
        _ => None,
    }
}

/// Why a session was not saved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionSaveError {
    /// Stored by a newer app version: left alone.
    Newer,
    /// The browser refused.
    Fault(StorageFault),
}

/// Saves `session` merged with what another tab stored meanwhile (no
/// participant is lost), and returns what was written. Call inside
/// [`locked`] so the read and the write are one step across tabs.
pub fn save_session(session: &Session) -> Result<Session, SessionSaveError> {
    let key = session_key(session.id);
    let merged = match read(&key).map_err(SessionSaveError::Fault)? {
        Some(Raw::Text(raw)) => match workshop::decode(&raw) {
            Ok(stored) => workshop::merge(session, &stored),
            Err(SessionDecodeError::Newer(_)) => return Err(SessionSaveError::Newer),
            Err(_) => session.clone(),
        },
        _ => session.clone(),
    };
    set(&key, &workshop::encode(&merged)).map_err(SessionSaveError::Fault)?;
    Ok(merged)
}

/// Removes a session.
pub fn delete_session(id: RoundId) -> Result<(), StorageFault> {
    remove(&session_key(id))
}

/// A small text value (a participant's draft), if stored and readable.
pub fn load_text(key: &str) -> Option<String> {
    get(key).ok().flatten()
}

/// Stores a small text value.
pub fn save_text(key: &str, value: &str) -> Result<(), StorageFault> {
    set(key, value)
}

/// Removes a small text value.
pub fn remove_text(key: &str) -> Result<(), StorageFault> {
    remove(key)
}

/// The length of a stored text (0 when there is none): what it takes of
/// the quota, in UTF-16 units as the browser counts.
pub fn text_len(key: &str) -> usize {
    get(key)
        .ok()
        .flatten()
        .map_or(0, |t| t.encode_utf16().count())
}

/// Calls `on_change(key, new value)` whenever another tab writes or
/// removes a key starting with `prefix`, as long as the app runs.
pub fn watch_keys(prefix: &'static str, on_change: impl Fn(String, Option<String>) + 'static) {
    let handle = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
        if let Some(key) = ev.key().filter(|k| k.starts_with(prefix)) {
            on_change(key, ev.new_value());
        }
    });
    leptos::prelude::on_cleanup(move || handle.remove());
}

/// The browser's `localStorage`, as a [`Persistence`](super::Persistence):
/// the backend every tab uses.
#[derive(Clone, Copy, Debug, Default)]
pub struct BrowserStorage;

impl super::Persistence for BrowserStorage {
    fn load(self, now_millis: u64) -> Loaded {
        take_preloaded().unwrap_or_else(|| load_start(now_millis))
    }

    fn locked<R: 'static>(
        self,
        id: &ClientId,
        f: impl FnOnce() -> R + 'static,
    ) -> impl std::future::Future<Output = R> {
        let name = client_key(id);
        async move { locked(&name, f).await }
    }

    fn save(self, account: &Account, base: &str, token: &str) -> Write {
        write_if_unchanged(account, base, token)
    }

    fn save_over(self, account: &Account, token: &str) -> Write {
        write_over(account, token)
    }

    fn delete(self, id: &ClientId) -> Result<(), StorageFault> {
        delete_client(id)
    }

    fn is_gone(self, id: &ClientId) -> bool {
        is_gone(&client_key(id))
    }

    fn watch(self, on_change: impl Fn(super::OtherWrite) + 'static) {
        // The `storage` event reaches every other tab of this origin.
        let handle = leptos::prelude::window_event_listener(leptos::ev::storage, move |ev| {
            match ev.key() {
                Some(key) => {
                    if let Some(id) = codec::client_of_key(&key) {
                        on_change(super::OtherWrite::Client(id, ev.new_value()));
                    }
                }
                // No key: another tab cleared the whole storage.
                None => on_change(super::OtherWrite::Cleared),
            }
        });
        leptos::prelude::on_cleanup(move || handle.remove());
    }
}
