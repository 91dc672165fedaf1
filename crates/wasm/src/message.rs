//! HIP-820 message signing (`hedera_signMessage`): the prefixed message signed by a key, the
//! result a protobuf SignatureMap, verified the same way by anyone.

use crate::error::{core, js_error, JsResult};
use crate::keys::{PrivateKey, PublicKey};
use crate::prelude::*;
use loyal_core::proto::Message;
use wasm_bindgen::prelude::*;

/// The SignatureMap bytes for `message`, as a wallet returns them (base64 them for HIP-820).
#[wasm_bindgen(js_name = signMessage)]
pub fn sign_message(key: &PrivateKey, message: &str) -> Vec<u8> {
    loyal_core::message::sign_message(&key.0, message).encode_to_vec()
}

/// Throws `INVALID_SIGNATURE` (or `DECODE`) unless `signature_map` is `key`'s signature of
/// `message`.
#[wasm_bindgen(js_name = verifyMessage)]
pub fn verify_message(key: &PublicKey, message: &str, signature_map: &[u8]) -> JsResult<()> {
    let map = loyal_core::proto::SignatureMap::decode(signature_map)
        .map_err(|_| js_error("DECODE", "not a SignatureMap protobuf", &[]))?;
    loyal_core::message::verify_message(&key.0, message, &map).map_err(core)
}
