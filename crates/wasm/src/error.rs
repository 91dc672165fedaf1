//! Errors cross into JS as real `Error` objects with a stable `code` (the Rust error's
//! `code()`) and a `details` object; never as strings.

use wasm_bindgen::JsValue;

pub type JsResult<T> = Result<T, JsValue>;

/// A JS `Error` with `code` and, when given, `details` (string fields).
pub fn js_error(code: &str, message: &str, details: &[(&str, &str)]) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("LoyalError");
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    if !details.is_empty() {
        let d = js_sys::Object::new();
        for (k, v) in details {
            let _ = js_sys::Reflect::set(&d, &(*k).into(), &(*v).into());
        }
        let _ = js_sys::Reflect::set(&error, &"details".into(), &d);
    }
    error.into()
}

pub fn core(e: loyal_core::Error) -> JsValue {
    js_error(e.code(), &e.to_string(), &[])
}

#[cfg(feature = "network")]
pub fn client(e: loyal_client::Error) -> JsValue {
    match e.status() {
        Some(status) => js_error(e.code(), &e.to_string(), &[("status", status)]),
        None => js_error(e.code(), &e.to_string(), &[]),
    }
}

#[cfg(feature = "network")]
pub fn metadata(e: loyal_metadata::Error) -> JsValue {
    match &e {
        loyal_metadata::Error::MissingField { field }
        | loyal_metadata::Error::InvalidField { field, .. } => {
            js_error(e.code(), &e.to_string(), &[("field", field)])
        }
        _ => js_error(e.code(), &e.to_string(), &[]),
    }
}

pub fn invalid(field: &str, reason: impl std::fmt::Display) -> JsValue {
    js_error(
        "INVALID_ARGUMENT",
        &format!("{field}: {reason}"),
        &[("field", field)],
    )
}
