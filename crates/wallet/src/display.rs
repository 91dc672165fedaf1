//! The approval page's wasm (feature `display`, its own module, loaded only by approve.html):
//! a transaction decoded for display, from the bytes the service worker handed the page. It
//! holds no key and can sign nothing; it returns the digest of exactly the bytes it decoded,
//! which the approval carries back (the service worker signs only bytes with that digest).

use crate::summary::{self, Summary};
use crate::{review, Error};
use loyal_client::MirrorClient;
use loyal_web::{Fetch, Timers};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

/// `{ summary, digest }` for `bytes` as `method` carries them (a `TransactionBody` for
/// `hedera_signTransaction`, else a `TransactionList`), fungible amounts in the token's units
/// from `mirror`. Bytes that do not decode throw `UNDECODABLE_TRANSACTION` (-32602).
#[wasm_bindgen(js_name = describeTransaction)]
pub async fn describe_transaction(
    method: String,
    bytes: Vec<u8>,
    mirror: String,
) -> Result<String, JsValue> {
    let decoded = if method == "hedera_signTransaction" {
        summary::of_body(&bytes).map(|(_, s, _)| s)
    } else {
        summary::of_list(&bytes).map(|(_, s, _)| s)
    };
    let mut summary = decoded.map_err(|e: Error| crate::js::error(&e))?;
    token_units_from_mirror(&mirror, &mut summary).await;
    Ok(json!({ "summary": summary, "digest": review::digest(&bytes) }).to_string())
}

/// Fungible amounts the bytes left in the smallest unit, shown in the token's units (decimals
/// and symbol from the mirror). Display only: if the mirror does not answer, the smallest unit
/// stays, said so.
async fn token_units_from_mirror(mirror_url: &str, summary: &mut Summary) {
    let mirror = MirrorClient::new(&Fetch, &Timers, mirror_url);
    for token in summary.tokens_without_decimals() {
        let Ok(info) = mirror.get_json(&format!("/api/v1/tokens/{token}")).await else {
            continue;
        };
        // The mirror writes decimals as a string ("2"); accept a number too.
        let decimals = match &info["decimals"] {
            Value::String(d) => d.parse().ok(),
            Value::Number(n) => n.as_u64().and_then(|d| u32::try_from(d).ok()),
            _ => None,
        };
        if let Some(decimals) = decimals {
            summary.with_token_units(&token, decimals, info["symbol"].as_str().unwrap_or(""));
        }
    }
}
