//! The wallet's errors as JS `Error`s, for both wasm surfaces (the service worker's and the
//! approval page's): `code` (the wallet's) and `rpcCode` (EIP-1193's).

use crate::Error;
use wasm_bindgen::JsValue;

pub fn error(e: &Error) -> JsValue {
    let error = js_sys::Error::new(&e.to_string());
    error.set_name("WalletError");
    let _ = js_sys::Reflect::set(&error, &"code".into(), &e.code().into());
    let _ = js_sys::Reflect::set(&error, &"rpcCode".into(), &e.rpc_code().into());
    if let Error::Network { code, .. } = e {
        let _ = js_sys::Reflect::set(&error, &"data".into(), &code.as_str().into());
    }
    error.into()
}
