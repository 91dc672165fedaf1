//! Token-ownership proofs (`loyal-proof`) for JS: presentations built from a spec, signed by a
//! key (or by a wallet: `SignedPresentation.fromParts` takes its HIP-820 answer), the `lp1.`
//! text form, a nonce store, and verification against the client's mirror (plus any others,
//! which must agree) and IPFS. Refusals are `LoyalError`s with the `PROOF_*` codes.

use crate::error::{client, invalid, js_error, JsResult};
use crate::ids::parse_id;
use crate::keys::PrivateKey;
use crate::net::{to_js, Client};
use crate::read::Obj;
use core::cell::RefCell;
use core::time::Duration;
use js_sys::{Array, Date, Function, Object, Reflect, Uint8Array};
use loyal_client as lc;
use loyal_core::proto::Message;
use loyal_core::time::Timestamp;
use loyal_proof as lp;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A presentation: what the holder signs. `message` is the exact text a wallet shows and signs.
#[wasm_bindgen]
pub struct Presentation(lp::Presentation);

/// A presentation with its signature map.
#[wasm_bindgen]
pub struct SignedPresentation(lp::SignedPresentation);

/// Nonces a verifier issues, each accepted once (in memory; `ttlMs` default 10 min).
#[wasm_bindgen]
pub struct NonceStore(RefCell<lp::MemoryNonceStore>);

fn set(obj: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &key.into(), &value);
}

fn date(t: Timestamp) -> JsValue {
    Date::new(&JsValue::from_f64(t.seconds as f64 * 1000.0)).into()
}

fn now() -> Timestamp {
    Timestamp::from_unix_nanos(loyal_web::now_nanos())
}

/// A `Date` or milliseconds since the epoch.
fn instant(o: &Obj<'_>, field: &str) -> JsResult<Option<Timestamp>> {
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

fn millis(o: &Obj<'_>, field: &str) -> JsResult<Option<Duration>> {
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

fn claims_to_js(claims: &[lp::Claim]) -> Array {
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

/// `{ holder, audience, purpose, nonce, issuedAt?, expiresAt?, claims: [{ token, serial } |
/// { token, minAmount }] }`; `issuedAt` defaults to now, `expiresAt` to five minutes later.
#[wasm_bindgen(js_name = createPresentation)]
pub fn create_presentation(spec: JsValue) -> JsResult<Presentation> {
    let o = Obj::new("spec", &spec)?;
    let holder = parse_id("holder", &o.get("holder")?.unwrap_or(JsValue::UNDEFINED))?;
    let issued_at = instant(&o, "issuedAt")?.unwrap_or_else(now);
    let expires_at =
        instant(&o, "expiresAt")?.unwrap_or(Timestamp::new(issued_at.seconds + 300, 0));
    let claims = o.objects("claims", |c| {
        let token = parse_id(
            &c.path("token"),
            &c.get("token")?.unwrap_or(JsValue::UNDEFINED),
        )?;
        match (c.uint("serial")?, c.uint("minAmount")?) {
            (Some(serial), None) => Ok(lp::Claim::Nft { token, serial }),
            (None, Some(min_amount)) => Ok(lp::Claim::Fungible { token, min_amount }),
            _ => Err(invalid(
                "claims",
                "each claim has a serial (NFT) or a minAmount (fungible)",
            )),
        }
    })?;
    let mut p = lp::Presentation::new(holder)
        .with_audience(o.req_string("audience")?)
        .with_purpose(o.req_string("purpose")?)
        .with_nonce(o.req_string("nonce")?)
        .with_issued_at(issued_at)
        .with_expires_at(expires_at);
    p.claims = claims;
    p.validate().map_err(proof_error)?;
    Ok(Presentation(p))
}

#[wasm_bindgen]
impl Presentation {
    /// The canonical `loyal-proof/1` text: what the wallet shows and signs (HIP-820).
    #[wasm_bindgen(getter)]
    pub fn message(&self) -> String {
        self.0.message()
    }

    /// Parses the canonical text (anything else throws `PROOF_DECODE` / `PROOF_VERSION`).
    #[wasm_bindgen(js_name = fromMessage)]
    pub fn from_message(message: &str) -> JsResult<Presentation> {
        lp::Presentation::parse(message)
            .map(Presentation)
            .map_err(proof_error)
    }

    /// `{ holder, audience, purpose, nonce, issuedAt, expiresAt, claims }` (claims in
    /// canonical order).
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        let p = &self.0;
        let o = Object::new();
        set(&o, "holder", p.holder.to_string().into());
        set(&o, "audience", p.audience.clone().into());
        set(&o, "purpose", p.purpose.clone().into());
        set(&o, "nonce", p.nonce.clone().into());
        set(&o, "issuedAt", date(p.issued_at));
        set(&o, "expiresAt", date(p.expires_at));
        set(&o, "claims", claims_to_js(&p.sorted_claims()).into());
        o.into()
    }
}

/// Signs the presentation's message with `key` as a HIP-820 message.
#[wasm_bindgen(js_name = signPresentation)]
pub fn sign_presentation(
    key: &PrivateKey,
    presentation: &Presentation,
) -> JsResult<SignedPresentation> {
    lp::SignedPresentation::sign(presentation.0.clone(), &key.0)
        .map(SignedPresentation)
        .map_err(proof_error)
}

#[wasm_bindgen]
impl SignedPresentation {
    /// The `lp1.` text form (for a QR code or a link); strict: anything else throws.
    #[wasm_bindgen(js_name = fromText)]
    pub fn from_text(text: &str) -> JsResult<SignedPresentation> {
        lp::SignedPresentation::from_text(text)
            .map(SignedPresentation)
            .map_err(proof_error)
    }

    /// A wallet's answer to `hedera_signMessage(presentation.message)`: the message and the
    /// SignatureMap bytes (base64-decode HIP-820's `signatureMap`).
    #[wasm_bindgen(js_name = fromParts)]
    pub fn from_parts(message: &str, signature_map: &[u8]) -> JsResult<SignedPresentation> {
        let map = loyal_core::proto::SignatureMap::decode(signature_map).map_err(|_| {
            proof_error(lp::ProofError::Decode {
                reason: "not a SignatureMap protobuf".into(),
            })
        })?;
        lp::SignedPresentation::from_parts(message, map)
            .map(SignedPresentation)
            .map_err(proof_error)
    }

    #[wasm_bindgen(js_name = toText)]
    pub fn to_text(&self) -> String {
        self.0.to_text()
    }

    #[wasm_bindgen(getter)]
    pub fn message(&self) -> String {
        self.0.message()
    }

    #[wasm_bindgen(getter, js_name = signatureMap)]
    pub fn signature_map(&self) -> Uint8Array {
        Uint8Array::from(self.0.signature_map.encode_to_vec().as_slice())
    }

    #[wasm_bindgen(getter)]
    pub fn presentation(&self) -> Presentation {
        Presentation(self.0.presentation.clone())
    }
}

#[wasm_bindgen]
impl NonceStore {
    /// `{ ttlMs?, capacity? }`: how long a nonce stays valid (default 600 000) and how many may
    /// be outstanding (default 100 000, the oldest dropped first). A factory, not a
    /// constructor: the package's glue keeps classes constructor-free so unused ones shake out.
    pub fn create(options: JsValue) -> JsResult<NonceStore> {
        let mut store = lp::MemoryNonceStore::new(now, |buf| {
            rand_core::RngCore::fill_bytes(&mut loyal_web::WebRng, buf)
        });
        if !options.is_undefined() && !options.is_null() {
            let o = Obj::new("options", &options)?;
            if let Some(ttl) = millis(&o, "ttlMs")? {
                store = store.with_ttl(ttl);
            }
            if let Some(capacity) = o.uint("capacity")? {
                store = store.with_capacity(capacity.min(u32::MAX as u64) as usize);
            }
        }
        Ok(NonceStore(RefCell::new(store)))
    }

    /// A fresh nonce for a presentation to carry.
    pub fn issue(&self) -> String {
        lp::NonceStore::issue(&mut *self.0.borrow_mut())
    }

    /// `true` once for a nonce issued here and not expired.
    pub fn consume(&self, nonce: &str) -> bool {
        lp::NonceStore::consume(&mut *self.0.borrow_mut(), nonce)
    }

    #[wasm_bindgen(getter)]
    pub fn outstanding(&self) -> u32 {
        self.0.borrow().outstanding() as u32
    }
}

/// Any object with `consume(nonce) => boolean` (a `NonceStore`, or the app's own, e.g. one
/// that records redemptions): a throw or a non-`true` answer refuses.
struct JsNonces(JsValue);

impl lp::NonceStore for JsNonces {
    fn issue(&mut self) -> String {
        self.call("issue").as_string().unwrap_or_default()
    }

    fn consume(&mut self, nonce: &str) -> bool {
        let f = Reflect::get(&self.0, &"consume".into()).ok();
        f.and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call1(&self.0, &nonce.into()).ok())
            .and_then(|v| v.as_bool())
            .unwrap_or(false)
    }
}

impl JsNonces {
    fn call(&self, method: &str) -> JsValue {
        Reflect::get(&self.0, &method.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call0(&self.0).ok())
            .unwrap_or(JsValue::UNDEFINED)
    }
}

/// `{ audience, purpose, now?, maxSkewMs?, maxAgeMs?, maxMirrorLagMs?, requirements?,
/// mirrors? }`; requirements in their JSON form (`{ token, kind: "nft" | "fungible",
/// min_amount?, treasury?, supply_key?, where?: ["position <= 500"] }`).
fn policy_from_js(policy: &JsValue) -> JsResult<(lp::Policy, Vec<String>)> {
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

fn verified_to_js(v: &lp::Verified) -> JsValue {
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

/// Verifies a proof (its `lp1.` text or a `SignedPresentation`) against the client's mirror
/// (and `policy.mirrors`, which must all agree) and IPFS; `nonces` is a `NonceStore` (or any
/// object with `consume(nonce) => boolean`). Resolves to `{ holder, publicKey, claims: [{
/// token, serial, amount, metadataUri, metadata }], nonce, issuedAt, expiresAt, message }`;
/// rejects with a `PROOF_*` code.
#[wasm_bindgen(js_name = verifyPresentation)]
pub async fn verify_presentation(
    client: &Client,
    proof: JsValue,
    policy: JsValue,
    nonces: JsValue,
) -> JsResult<JsValue> {
    let text = match proof.as_string() {
        Some(t) => t,
        None => {
            let to_text = Reflect::get(&proof, &"toText".into())
                .ok()
                .and_then(|f| f.dyn_into::<Function>().ok())
                .ok_or_else(|| {
                    invalid("proof", "expected the lp1. text or a SignedPresentation")
                })?;
            to_text
                .call0(&proof)?
                .as_string()
                .ok_or_else(|| invalid("proof", "toText() gave no string"))?
        }
    };
    let signed = lp::SignedPresentation::from_text(&text).map_err(proof_error)?;
    let (policy, extra) = policy_from_js(&policy)?;
    if !nonces.is_object() {
        return Err(invalid(
            "nonces",
            "expected a NonceStore (or an object with consume(nonce))",
        ));
    }
    let net = client.inner.network();
    let (transport, runtime) = (client.inner.transport(), client.inner.runtime());
    let mirrors: Vec<_> = core::iter::once(net.mirror_url.as_str())
        .chain(extra.iter().map(String::as_str))
        .map(|url| lc::MirrorClient::new(transport, runtime, url))
        .collect();
    let gateway = net.ipfs_gateway_url.as_deref().ok_or_else(|| {
        js_error(
            "NO_IPFS",
            "this network has no IPFS gateway (Client.forNetwork({ ipfsApiUrl, ipfsGatewayUrl }))",
            &[],
        )
    })?;
    let ipfs = lc::IpfsClient::new(
        transport,
        net.ipfs_api_url.as_deref().unwrap_or(gateway),
        gateway,
    );
    let mut nonces = JsNonces(nonces);
    let verified = lp::verify(&signed, &policy, &mut nonces, &mirrors, &ipfs)
        .await
        .map_err(proof_error)?;
    Ok(verified_to_js(&verified))
}
