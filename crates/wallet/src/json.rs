//! Reading the wallet's stored JSON (settings, the vault file, the vault's secrets) through
//! `serde_json::Value` from bytes, the one way page params are read too: derived
//! `Deserialize` visitors for each stored struct, and a second reader instantiation, cost the
//! service worker about 6 KB gzip.

use serde_json::{Map, Value};

/// The JSON object in `bytes`, or `None` if they are not one.
pub fn object(bytes: &[u8]) -> Option<Map<String, Value>> {
    match serde_json::from_slice(bytes).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

/// Takes the string at `field` out of `map` (moved, not copied: secrets leave no copy).
pub fn take_string(map: &mut Map<String, Value>, field: &str) -> Option<String> {
    match map.remove(field)? {
        Value::String(s) => Some(s),
        _ => None,
    }
}

/// The object at `field`, taken out of `map`.
pub fn take_object(map: &mut Map<String, Value>, field: &str) -> Option<Map<String, Value>> {
    match map.remove(field)? {
        Value::Object(o) => Some(o),
        _ => None,
    }
}
