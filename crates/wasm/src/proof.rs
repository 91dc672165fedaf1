//! Token-ownership proofs (`loyal-proof`) for JS: presentations built from a spec, signed by a
//! key (or by a wallet: `SignedPresentation.fromParts` takes its HIP-820 answer), the `lp1.`
//! text form, a nonce store, and verification against the client's mirror (plus any others,
//! which must agree) and IPFS. Refusals are `LoyalError`s with the `PROOF_*` codes.

mod convert;
mod nonces;

use crate::error::{invalid, js_error, JsResult};
use crate::ids::parse_id;
use crate::keys::PrivateKey;
use crate::net::Client;
use crate::read::Obj;
use convert::{claims_to_js, date, instant, now, policy_from_js, set, verified_to_js};
use core::cell::RefCell;
use js_sys::{Function, Object, Reflect, Uint8Array};
use loyal_client as lc;
use loyal_core::proto::Message;
use loyal_core::time::Timestamp;
use loyal_proof as lp;
use nonces::JsNonces;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub use convert::proof_error;

/// A presentation: what the holder signs. `message` is the exact text a wallet shows and signs.
#[wasm_bindgen]
pub struct Presentation(lp::Presentation);

/// A presentation with its signature map.
#[wasm_bindgen]
pub struct SignedPresentation(lp::SignedPresentation);

/// Nonces a verifier issues, each accepted once (in memory; `ttlMs` default 10 min).
#[wasm_bindgen]
pub struct NonceStore(RefCell<lp::MemoryNonceStore>);
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
