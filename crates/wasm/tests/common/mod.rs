//! What both browser suites read off the values the binding returns and throws.

use js_sys::Reflect;
use wasm_bindgen::{JsCast, JsValue};

pub fn get(v: &JsValue, k: &str) -> JsValue {
    Reflect::get(v, &k.into()).unwrap()
}

/// The error's `code`, after checking it is an `Error` named LoyalError with a details object.
pub fn code(e: &JsValue) -> String {
    assert!(
        e.is_instance_of::<js_sys::Error>(),
        "thrown values are Errors"
    );
    assert_eq!(get(e, "name").as_string().unwrap(), "LoyalError");
    assert!(get(e, "details").is_object(), "details is always an object");
    get(e, "code").as_string().unwrap()
}

#[allow(dead_code)] // used by one of the two suites
pub fn detail(e: &JsValue, k: &str) -> JsValue {
    get(&get(e, "details"), k)
}
