//! Errors cross into JS as real `Error` objects with a stable `code` (the Rust error's
//! `code()`) and a `details` object; never as strings.

use wasm_bindgen::JsValue;

pub type JsResult<T> = Result<T, JsValue>;

/// A JS `Error` with `code` and, when given, `details` (plain data, JSON-shaped).
pub fn js_error(code: &str, message: &str, details: Option<serde_json::Value>) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("LoyalError");
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    if let Some(d) = details {
        use serde::Serialize;
        if let Ok(v) = d.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
            let _ = js_sys::Reflect::set(&error, &"details".into(), &v);
        }
    }
    error.into()
}

pub fn core(e: loyal_core::Error) -> JsValue {
    js_error(e.code(), &e.to_string(), None)
}

pub fn client(e: loyal_client::Error) -> JsValue {
    let details = e.status().map(|s| serde_json::json!({ "status": s }));
    js_error(e.code(), &e.to_string(), details)
}

pub fn metadata(e: loyal_metadata::Error) -> JsValue {
    let field = match &e {
        loyal_metadata::Error::MissingField { field }
        | loyal_metadata::Error::InvalidField { field, .. } => {
            Some(serde_json::json!({ "field": field }))
        }
        _ => None,
    };
    js_error(e.code(), &e.to_string(), field)
}

pub fn invalid(field: &str, reason: impl std::fmt::Display) -> JsValue {
    js_error(
        "INVALID_ARGUMENT",
        &format!("{field}: {reason}"),
        Some(serde_json::json!({ "field": field })),
    )
}
