//! Keys: generated from `crypto.getRandomValues`, parsed from every string form the JS SDK
//! accepts, printed as DER or raw hex. Private key material never leaves as a string unless
//! asked for.

use crate::error::{core, JsResult};
use crate::prelude::*;
use loyal_core::key;
use loyal_web::WebRng;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct PrivateKey(pub(crate) key::PrivateKey);

#[wasm_bindgen]
pub struct PublicKey(pub(crate) key::PublicKey);

#[wasm_bindgen]
impl PrivateKey {
    #[wasm_bindgen(js_name = generateEd25519)]
    pub fn generate_ed25519() -> PrivateKey {
        PrivateKey(key::PrivateKey::generate_ed25519(&mut WebRng))
    }

    #[wasm_bindgen(js_name = generateECDSA)]
    pub fn generate_ecdsa() -> JsResult<PrivateKey> {
        key::PrivateKey::generate_ecdsa(&mut WebRng)
            .map(PrivateKey)
            .map_err(core)
    }

    /// DER hex, or raw hex (32 bytes is read as ED25519, like the SDK's `fromString`).
    #[wasm_bindgen(js_name = fromString)]
    pub fn from_string(s: &str) -> JsResult<PrivateKey> {
        s.parse().map(PrivateKey).map_err(core)
    }

    #[wasm_bindgen(js_name = fromStringDer)]
    pub fn from_string_der(s: &str) -> JsResult<PrivateKey> {
        key::PrivateKey::from_str_der(s)
            .map(PrivateKey)
            .map_err(core)
    }

    #[wasm_bindgen(js_name = fromStringEd25519)]
    pub fn from_string_ed25519(s: &str) -> JsResult<PrivateKey> {
        key::PrivateKey::from_str_ed25519(s)
            .map(PrivateKey)
            .map_err(core)
    }

    #[wasm_bindgen(js_name = fromStringECDSA)]
    pub fn from_string_ecdsa(s: &str) -> JsResult<PrivateKey> {
        key::PrivateKey::from_str_ecdsa(s)
            .map(PrivateKey)
            .map_err(core)
    }

    #[wasm_bindgen(getter, js_name = publicKey)]
    pub fn public_key(&self) -> PublicKey {
        PublicKey(self.0.public_key())
    }

    /// "ED25519" or "ECDSA_SECP256K1".
    #[wasm_bindgen(getter)]
    pub fn algorithm(&self) -> String {
        algorithm(&self.0.public_key())
    }

    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        self.0.sign(message)
    }

    #[wasm_bindgen(js_name = toStringDer)]
    pub fn to_string_der(&self) -> String {
        self.0.to_string_der().to_string()
    }

    #[wasm_bindgen(js_name = toStringRaw)]
    pub fn to_string_raw(&self) -> String {
        self.0.to_string_raw().to_string()
    }

    /// Never the key itself: printing a key object by accident must not leak it.
    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_js(&self) -> String {
        text!(
            "PrivateKey(",
            self.algorithm(),
            ", public ",
            self.0.public_key().to_string_raw(),
            ")"
        )
    }
}

fn algorithm(k: &key::PublicKey) -> String {
    match k.algorithm() {
        key::KeyAlgorithm::Ed25519 => "ED25519".into(),
        key::KeyAlgorithm::EcdsaSecp256k1 => "ECDSA_SECP256K1".into(),
    }
}

#[wasm_bindgen]
impl PublicKey {
    #[wasm_bindgen(js_name = fromString)]
    pub fn from_string(s: &str) -> JsResult<PublicKey> {
        s.parse().map(PublicKey).map_err(core)
    }

    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> JsResult<PublicKey> {
        key::PublicKey::from_bytes(bytes)
            .map(PublicKey)
            .map_err(core)
    }

    #[wasm_bindgen(getter)]
    pub fn algorithm(&self) -> String {
        algorithm(&self.0)
    }

    /// True when `signature` is this key's signature of `message` (strict ED25519; ECDSA over
    /// keccak256, low-S).
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        self.0.verify(message, signature).is_ok()
    }

    #[wasm_bindgen(js_name = toStringDer)]
    pub fn to_string_der(&self) -> String {
        self.0.to_string_der()
    }

    #[wasm_bindgen(js_name = toStringRaw)]
    pub fn to_string_raw(&self) -> String {
        self.0.to_string_raw()
    }

    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_js(&self) -> String {
        self.0.to_string_der()
    }

    #[wasm_bindgen(js_name = toBytesRaw)]
    pub fn to_bytes_raw(&self) -> Vec<u8> {
        self.0.to_bytes_raw()
    }
}

/// A key given to a builder: a PublicKey object or any string form.
pub fn parse_public(field: &str, s: &str) -> JsResult<key::PublicKey> {
    crate::error::parse_in(field, s)
}
