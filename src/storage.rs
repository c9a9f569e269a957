//! The only code that touches `localStorage`.
//!
//! Encoding, migrations and error classification are pure (`kbr_core::codec`);
//! this layer only moves strings in and out and reports failures as values:
//! no call here panics on missing or broken storage.

use kbr_core::codec::{
    self, classify_failure, client_key, quarantine_key, DecodeError, Meta, StorageFailure,
    CLIENT_PREFIX, META_KEY, QUARANTINE_PREFIX,
};
use kbr_core::i18n::Lang;
use kbr_core::model::Account;
use wasm_bindgen::{JsCast, JsValue};

const LANG_KEY: &str = "kbr:lang";

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
            None => (String::new(), 0, format!("{err:?}")),
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

fn get(key: &str) -> Result<Option<String>, StorageFault> {
    storage()?.get_item(key).map_err(fault)
}

fn set(key: &str, value: &str) -> Result<(), StorageFault> {
    storage()?.set_item(key, value).map_err(fault)
}

fn remove(key: &str) -> Result<(), StorageFault> {
    storage()?.remove_item(key).map_err(fault)
}

fn keys_with_prefix(prefix: &str) -> Result<Vec<String>, StorageFault> {
    let s = storage()?;
    let n = s.length().map_err(fault)?;
    let mut keys: Vec<String> = (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect();
    keys.sort();
    Ok(keys)
}

/// Unreadable data moved aside, never deleted without the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quarantined {
    /// Where the raw data is now (the quarantine key, or the original key
    /// when moving it failed).
    pub key: String,
    /// Where it was found.
    pub original: String,
    /// The raw text, offered as a download.
    pub raw: String,
    /// Why it could not be read.
    pub reason: DecodeError,
}

/// What was found in storage at start-up.
#[derive(Clone, Debug, Default)]
pub struct Loaded {
    /// Readable accounts with their revisions, sorted by name.
    pub accounts: Vec<(Account, u64)>,
    /// Unreadable records, moved aside.
    pub quarantined: Vec<Quarantined>,
    /// Keys written by a newer version: the app opens read-only.
    pub newer: Vec<String>,
    /// Export bookkeeping.
    pub meta: Meta,
    /// Storage could not be used at all.
    pub fault: Option<StorageFault>,
}

/// Reads everything, migrating old records in memory (they are written in the
/// current schema on their next change) and quarantining unreadable ones.
pub fn load(now_millis: u64) -> Loaded {
    let mut loaded = Loaded::default();
    let keys = match keys_with_prefix(CLIENT_PREFIX) {
        Ok(k) => k,
        Err(f) => {
            loaded.fault = Some(f);
            return loaded;
        }
    };
    for key in keys {
        let Ok(Some(raw)) = get(&key) else { continue };
        match codec::decode(&raw) {
            Ok(stored) => loaded.accounts.push((stored.account, stored.rev)),
            Err(DecodeError::NewerSchema(_)) => loaded.newer.push(key),
            Err(reason) => {
                let q = quarantine_key(&key, now_millis);
                // Move only when the copy is safely written.
                let moved = set(&q, &raw).is_ok() && remove(&key).is_ok();
                loaded.quarantined.push(Quarantined {
                    key: if moved { q } else { key.clone() },
                    original: key,
                    raw,
                    reason,
                });
            }
        }
    }
    if let Ok(keys) = keys_with_prefix(QUARANTINE_PREFIX) {
        for key in keys {
            if loaded.quarantined.iter().any(|q| q.key == key) {
                continue;
            }
            if let Ok(Some(raw)) = get(&key) {
                let reason = codec::decode(&raw)
                    .err()
                    .unwrap_or(DecodeError::NotEnvelope);
                let original = key
                    .strip_prefix(QUARANTINE_PREFIX)
                    .and_then(|rest| rest.split_once(':'))
                    .map(|(_, k)| k.to_string())
                    .unwrap_or_default();
                loaded.quarantined.push(Quarantined {
                    key,
                    original,
                    raw,
                    reason,
                });
            }
        }
    }
    loaded.meta = get(META_KEY)
        .ok()
        .flatten()
        .and_then(|raw| serde_json::from_str(&raw).ok())
        .unwrap_or_default();
    loaded
        .accounts
        .sort_by_key(|a| a.0.client.name.to_lowercase());
    loaded
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab wrote this client since we read it.
    Conflict,
    /// The browser refused the write.
    Fault(StorageFault),
}

fn stored_rev(key: &str) -> Result<Option<u64>, StorageFault> {
    #[derive(serde::Deserialize)]
    struct RevOnly {
        rev: u64,
    }
    Ok(get(key)?.map(|raw| serde_json::from_str::<RevOnly>(&raw).map_or(u64::MAX, |r| r.rev)))
}

/// Writes `account` if storage still holds revision `base` (0: not stored
/// yet); returns the new revision. Never overwrites another tab's write.
pub fn save_account(account: &Account, base: u64) -> Result<u64, SaveError> {
    let key = client_key(account.client.id.as_str());
    let current = stored_rev(&key).map_err(SaveError::Fault)?.unwrap_or(0);
    if current != base {
        return Err(SaveError::Conflict);
    }
    let rev = base + 1;
    set(&key, &codec::encode(account, rev)).map_err(SaveError::Fault)?;
    Ok(rev)
}

/// Writes `account` over whatever is stored (after the user chose so in a
/// conflict), returning the new revision.
pub fn force_save_account(account: &Account) -> Result<u64, SaveError> {
    let key = client_key(account.client.id.as_str());
    let current = stored_rev(&key).map_err(SaveError::Fault)?.unwrap_or(0);
    let rev = if current == u64::MAX { 1 } else { current + 1 };
    set(&key, &codec::encode(account, rev)).map_err(SaveError::Fault)?;
    Ok(rev)
}

/// Reads one client as stored now (after another tab changed it).
pub fn read_account(id: &str) -> Option<(Account, u64)> {
    let raw = get(&client_key(id)).ok()??;
    codec::decode(&raw).ok().map(|s| (s.account, s.rev))
}

/// Removes a client's record.
pub fn delete_account(id: &str) -> Result<(), StorageFault> {
    remove(&client_key(id))
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

/// True when `key` is one of ours that holds a client.
pub fn client_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(CLIENT_PREFIX)
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
