//! HIP-412 metadata from JS objects: validated, serialized with a stable field order (so the
//! same metadata always has the same CID).

use crate::error::{js_error, metadata, JsResult};
use crate::prelude::*;
use wasm_bindgen::prelude::*;

/// Validates a HIP-412 object and returns its canonical JSON bytes (`format` defaults to
/// `HIP412@2.0.0`).
#[wasm_bindgen(js_name = encodeMetadata)]
pub fn encode_metadata(value: JsValue) -> JsResult<Vec<u8>> {
    let mut json: serde_json::Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| js_error("METADATA_JSON", &e.to_string(), &[]))?;
    if let Some(obj) = json.as_object_mut() {
        obj.entry("format").or_insert(loyal_metadata::FORMAT.into());
    }
    let bytes =
        serde_json::to_vec(&json).map_err(|e| js_error("METADATA_JSON", &e.to_string(), &[]))?;
    let parsed = loyal_metadata::NftMetadata::from_json(&bytes).map_err(metadata)?;
    Ok(parsed.to_json_bytes())
}

/// Parses and validates HIP-412 JSON bytes into a plain object.
#[wasm_bindgen(js_name = decodeMetadata)]
pub fn decode_metadata(bytes: &[u8]) -> JsResult<JsValue> {
    let parsed = loyal_metadata::NftMetadata::from_json(bytes).map_err(metadata)?;
    parsed
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_error("METADATA_JSON", &e.to_string(), &[]))
}

use serde::Serialize;
