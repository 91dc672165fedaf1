//! Errors cross into JS as real `Error` objects with a stable `code` (the Rust error's
//! `code()`) and a `details` object (always present; the variant's fields, camelCase), never
//! as strings.

use crate::prelude::*;
use wasm_bindgen::JsValue;

pub type JsResult<T> = Result<T, JsValue>;

/// A JS `Error` named `LoyalError` with `code` and `details`.
pub fn js_error(code: &str, message: &str, details: &[(&str, JsValue)]) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("LoyalError");
    let d = js_sys::Object::new();
    for (k, v) in details {
        let _ = js_sys::Reflect::set(&d, &(*k).into(), v);
    }
    let _ = js_sys::Reflect::set(&error, &"code".into(), &code.into());
    let _ = js_sys::Reflect::set(&error, &"details".into(), &d);
    error.into()
}

fn s(v: &str) -> JsValue {
    v.into()
}

fn n(v: impl Into<f64>) -> JsValue {
    JsValue::from_f64(v.into())
}

pub fn core(e: loyal_core::Error) -> JsValue {
    js_error(e.code(), &core_message(&e), &core_details(&e))
}

/// The core's message, with a field named as JS callers set it (as in `details.field`).
fn core_message(e: &loyal_core::Error) -> String {
    use loyal_core::Error as E;
    match e {
        E::InvalidField { field, reason } => text!("invalid ", &js_field(field), ": ", reason),
        E::MissingField { field } => text!(&js_field(field), " is required"),
        _ => e.message(),
    }
}

fn core_details(e: &loyal_core::Error) -> Vec<(&'static str, JsValue)> {
    use loyal_core::Error as E;
    match e {
        E::InvalidEntityId { input, reason }
        | E::InvalidTransactionId { input, reason }
        | E::InvalidAmount { input, reason } => vec![("input", s(input)), ("reason", s(reason))],
        E::ChecksumMismatch {
            id,
            expected,
            actual,
        } => vec![
            ("id", s(id)),
            ("expected", s(expected)),
            ("actual", s(actual)),
        ],
        E::InvalidKey { reason }
        | E::InvalidSignature { reason }
        | E::UnbalancedTransfer { reason }
        | E::Signer { reason } => vec![("reason", s(reason))],
        E::Unsupported { what } => vec![("what", s(what))],
        E::MemoTooLong { len, max } => vec![("length", n(*len as f64)), ("max", n(*max as f64))],
        E::InvalidField { field, reason } => {
            vec![("field", s(&js_field(field))), ("reason", s(reason))]
        }
        E::MissingField { field } => vec![("field", s(&js_field(field)))],
        E::TransactionTooLarge { size, max } => {
            vec![("size", n(*size as f64)), ("max", n(*max as f64))]
        }
        E::Decode { message, reason } => vec![("what", s(message)), ("reason", s(reason))],
        _ => vec![],
    }
}

/// The core names builder fields as the SDK's setters do, in Rust's case
/// (`treasury_account_id`); JS callers see the names they set (`treasuryAccountId`), as every
/// other `details.field` is.
fn js_field(field: &str) -> String {
    let mut out = String::with_capacity(field.len());
    let mut upper = false;
    for c in field.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(feature = "network")]
pub fn client(e: loyal_client::Error) -> JsValue {
    use loyal_client::Error as E;
    let e = match e {
        E::Core(inner) => return core(inner),
        other => other,
    };
    let details = match &e {
        E::Transport { url, reason } => vec![("url", s(url)), ("reason", s(reason))],
        E::GrpcWeb { reason } => vec![("reason", s(reason))],
        E::GrpcStatus { status, message } => {
            vec![("grpcStatus", n(*status)), ("reason", s(message))]
        }
        E::Precheck {
            status,
            transaction_id,
        }
        | E::ReceiptStatus {
            status,
            transaction_id,
        } => vec![("status", s(status)), ("transactionId", s(transaction_id))],
        E::ReceiptTimeout { transaction_id } | E::MirrorTimeout { transaction_id } => {
            vec![("transactionId", s(transaction_id))]
        }
        E::NoHealthyNode {
            attempts,
            last,
            transaction_id,
        } => vec![
            ("attempts", n(*attempts)),
            ("reason", s(last)),
            ("transactionId", s(transaction_id)),
        ],
        E::CidMismatch { cid } => vec![("cid", s(cid))],
        E::InvalidCid { input } => vec![("input", s(input))],
        E::Http { url, status, body } => vec![
            ("url", s(url)),
            ("httpStatus", n(*status)),
            ("reason", s(body)),
        ],
        E::Decode { what, reason } => vec![("what", s(what)), ("reason", s(reason))],
        E::UnknownNetwork { name } => vec![("input", s(name))],
        _ => vec![],
    };
    js_error(e.code(), &e.to_string(), &details)
}

#[cfg(feature = "network")]
pub fn metadata(e: loyal_metadata::Error) -> JsValue {
    use loyal_metadata::Error as E;
    let details = match &e {
        E::MissingField { field } => vec![("field", s(field))],
        E::InvalidField { field, reason } => vec![("field", s(field)), ("reason", s(reason))],
        E::Json { reason } => vec![("reason", s(reason))],
        _ => vec![],
    };
    js_error(e.code(), &e.to_string(), &details)
}

/// A bad argument to a binding function (`details.field` names it). Messages are put
/// together without `core::fmt` (see `loyal_core::text`).
pub fn invalid(field: &str, reason: &str) -> JsValue {
    js_error(
        "INVALID_ARGUMENT",
        &text!(field, ": ", reason),
        &[("field", s(field)), ("reason", s(reason))],
    )
}

/// A core error about the value given for `field`: the core's code, its details and `field`.
pub fn core_in(field: &str, e: loyal_core::Error) -> JsValue {
    let mut details = core_details(&e);
    details.push(("field", s(field)));
    js_error(e.code(), &text!(field, ": ", &core_message(&e)), &details)
}

/// `s` parsed as a core type (an id, a key); a refusal keeps the core's code and names `field`.
pub fn parse_in<T: core::str::FromStr<Err = loyal_core::Error>>(
    field: &str,
    s: &str,
) -> JsResult<T> {
    s.parse().map_err(|e| core_in(field, e))
}

/// A required value that was not given (`details.field` names it).
pub fn missing(field: &str) -> JsValue {
    js_error(
        "MISSING_FIELD",
        &text!(field, " is required"),
        &[("field", s(field))],
    )
}
