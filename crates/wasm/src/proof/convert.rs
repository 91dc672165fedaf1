//! Values across the boundary for proofs: dates, durations, the policy object, what
//! verification resolves to, and `ProofError` as a coded `LoyalError`.

use crate::error::{client, invalid, js_error, JsResult};
use crate::net::to_js;
use crate::read::Obj;
use core::time::Duration;
use js_sys::{Array, Date, Object, Reflect};
use loyal_core::time::Timestamp;
use loyal_proof as lp;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub(super) fn set(obj: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &key.into(), &value);
}

pub(super) fn date(t: Timestamp) -> JsValue {
    Date::new(&JsValue::from_f64(t.seconds as f64 * 1000.0)).into()
}

pub(super) fn now() -> Timestamp {
    Timestamp::from_unix_nanos(loyal_web::now_nanos())
}

/// A `Date` or milliseconds since the epoch.
pub(super) fn instant(o: &Obj<'_>, field: &str) -> JsResult<Option<Timestamp>> {
    let Some(v) = o.get(field)? else {
        return Ok(None);
    };
    let ms = match v.dyn_ref::<Date>() {
        Some(d) => d.get_time(),
        None => v.as_f64().unwrap_or(f64::NAN),
    };
    if !ms.is_finite() || !(0.0..=253_402_300_799_000.0).contains(&ms) {
        return Err(invalid(
            &o.path(field),
            "expected a Date or milliseconds since 1970",
        ));
    }
    Ok(Some(Timestamp::from_unix_nanos(ms as u64 * 1_000_000)))
}

pub(super) fn millis(o: &Obj<'_>, field: &str) -> JsResult<Option<Duration>> {
    Ok(o.uint(field)?.map(Duration::from_millis))
}

pub fn proof_error(e: lp::ProofError) -> JsValue {
    use lp::ProofError as E;
    let s = |v: &str| JsValue::from_str(v);
    let token = |t: &loyal_core::id::TokenId| JsValue::from_str(&t.to_string());
    let serial = |v: Option<u64>| {
        v.map(|n| JsValue::from_f64(n as f64))
            .unwrap_or(JsValue::NULL)
    };
    let details: Vec<(&str, JsValue)> = match &e {
        E::Decode { reason } | E::Policy { reason } => vec![("reason", s(reason))],
        E::Version { got } => vec![("got", s(got))],
        E::BadSignature { holder, reason } => {
            vec![("holder", s(&holder.to_string())), ("reason", s(reason))]
        }
        E::NotOwner {
            token: t,
            serial: n,
            expected,
            got,
        } => vec![
            ("token", token(t)),
            ("serial", serial(*n)),
            ("expected", s(expected)),
            ("got", s(got)),
        ],
        E::WrongAudience {
            field,
            expected,
            got,
        } => {
            vec![
                ("field", s(field)),
                ("expected", s(expected)),
                ("got", s(got)),
            ]
        }
        E::Expired { expires_at, now } => {
            vec![("expiresAt", date(*expires_at)), ("now", date(*now))]
        }
        E::NotYetValid { issued_at, now } => {
            vec![("issuedAt", date(*issued_at)), ("now", date(*now))]
        }
        E::Replayed { nonce } => vec![("nonce", s(nonce))],
        E::Predicate {
            token: t,
            serial: n,
            predicate,
            got,
        } => vec![
            ("token", token(t)),
            ("serial", serial(Some(*n))),
            ("predicate", s(predicate)),
            ("got", got.as_ref().map(to_js).unwrap_or(JsValue::NULL)),
        ],
        E::WrongCollection {
            token: t,
            field,
            expected,
            got,
        } => vec![
            ("token", token(t)),
            ("field", s(field)),
            ("expected", s(expected)),
            ("got", s(got)),
        ],
        E::Metadata {
            token: t,
            serial: n,
            uri,
            reason,
        } => vec![
            ("token", token(t)),
            ("serial", serial(Some(*n))),
            ("uri", s(uri)),
            ("reason", s(reason)),
        ],
        E::ClaimMissing { requirement } => vec![("requirement", s(requirement))],
        E::UnsupportedKey { holder, key_type } => {
            vec![("holder", s(&holder.to_string())), ("keyType", s(key_type))]
        }
        E::MirrorDisagree {
            fact,
            mirror,
            expected,
            got,
        } => vec![
            ("fact", s(fact)),
            ("mirror", JsValue::from_f64(*mirror as f64)),
            ("expected", s(expected)),
            ("got", s(got)),
        ],
        // The client's own error, with its code, as the cause.
        E::Network(inner) => vec![
            ("cause", client(inner.clone())),
            ("reason", s(&inner.to_string())),
        ],
        _ => vec![],
    };
    js_error(e.code(), &e.to_string(), &details)
}

pub(super) fn claims_to_js(claims: &[lp::Claim]) -> Array {
    claims
        .iter()
        .map(|c| {
            let o = Object::new();
            set(&o, "token", c.token().to_string().into());
            match c {
                lp::Claim::Nft { serial, .. } => {
                    set(&o, "serial", JsValue::from_f64(*serial as f64))
                }
                lp::Claim::Fungible { min_amount, .. } => {
                    set(&o, "minAmount", js_sys::BigInt::from(*min_amount).into())
                }
            }
            JsValue::from(o)
        })
        .collect()
}

/// `{ audience, purpose, now?, maxSkewMs?, maxAgeMs?, maxMirrorLagMs?, requirements?,
/// mirrors? }`; requirements in their JSON form (`{ token, kind: "nft" | "fungible",
/// min_amount?, treasury?, supply_key?, where?: ["position <= 500"] }`).
pub(super) fn policy_from_js(policy: &JsValue) -> JsResult<(lp::Policy, Vec<String>)> {
    let o = Obj::new("policy", policy)?;
    let mut p = lp::Policy::new(
        o.req_string("audience")?,
        o.req_string("purpose")?,
        instant(&o, "now")?.unwrap_or_else(now),
    );
    if let Some(d) = millis(&o, "maxSkewMs")? {
        p = p.with_max_skew(d);
    }
    if let Some(d) = millis(&o, "maxAgeMs")? {
        p = p.with_max_age(d);
    }
    if let Some(d) = millis(&o, "maxMirrorLagMs")? {
        p = p.with_max_mirror_lag(d);
    }
    if let Some(reqs) = o.get("requirements")? {
        let json: serde_json::Value = serde_wasm_bindgen::from_value(reqs)
            .map_err(|e| invalid("policy.requirements", &e.to_string()))?;
        let reqs: Vec<lp::Requirement> = serde_json::from_value(json).map_err(|e| {
            proof_error(lp::ProofError::Policy {
                reason: e.to_string(),
            })
        })?;
        p = p.with_requirements(reqs);
    }
    let mirrors = o.list("mirrors", JsValue::as_string)?;
    Ok((p, mirrors))
}

pub(super) fn verified_to_js(v: &lp::Verified) -> JsValue {
    let o = Object::new();
    set(&o, "holder", v.holder.to_string().into());
    set(&o, "publicKey", v.public_key.to_string_der().into());
    let signers: Array = v
        .signers
        .iter()
        .map(|k| JsValue::from(k.to_string_der()))
        .collect();
    set(&o, "signers", signers.into());
    set(&o, "nonce", v.presentation.nonce.clone().into());
    set(&o, "issuedAt", date(v.presentation.issued_at));
    set(&o, "expiresAt", date(v.presentation.expires_at));
    set(&o, "message", v.presentation.message().into());
    let claims: Array = v
        .claims
        .iter()
        .map(|c| {
            let co = Object::new();
            set(&co, "token", c.token.to_string().into());
            set(
                &co,
                "serial",
                c.serial
                    .map(|s| JsValue::from_f64(s as f64))
                    .unwrap_or(JsValue::NULL),
            );
            set(&co, "amount", js_sys::BigInt::from(c.amount).into());
            set(
                &co,
                "metadataUri",
                c.metadata_uri
                    .clone()
                    .map(JsValue::from)
                    .unwrap_or(JsValue::NULL),
            );
            set(&co, "metadata", to_js(&c.metadata));
            JsValue::from(co)
        })
        .collect();
    set(&o, "claims", claims.into());
    let met_by: Array = v
        .met_by
        .iter()
        .map(|&i| JsValue::from_f64(i as f64))
        .collect();
    set(&o, "metBy", met_by.into());
    o.into()
}
