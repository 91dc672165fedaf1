//! A frozen transaction in JS: sign (with a key, or with signatures from a wallet over
//! `bodies()`), serialize, parse, hash, verify, execute.

use crate::error::{core, invalid, parse_in, JsResult};
use crate::keys::{PrivateKey, PublicKey};
use crate::prelude::*;
use crate::spec;
use js_sys::{Array, Uint8Array};
use loyal_core::{key, transaction as t};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Transaction(pub(crate) t::Transaction);

/// Freezes a spec of any type that names its transaction id and nodes (Rust callers and
/// tests; the JS builder classes call their type's own `freeze<Type>` export, see `spec`).
pub fn freeze_spec(spec: JsValue) -> JsResult<Transaction> {
    spec::freeze_any(&spec, &|| None).map(Transaction)
}

/// Signs the bytes of a frozen transaction (a `freeze<Type>` function's, or any SDK's
/// `toBytes()`) with a private key string (as `PrivateKey.fromString` reads it) and returns
/// them signed, in `toBytes()` form. The key comes first, as in `signMessage`. The bodies
/// are not decoded, so an app that freezes and signs this way links no decoder and no
/// `Transaction` class.
#[wasm_bindgen(js_name = signTransaction)]
pub fn sign_transaction(key: JsValue, bytes: &[u8]) -> JsResult<Vec<u8>> {
    let key = key
        .as_string()
        .ok_or_else(|| invalid("key", "expected a private key string or a PrivateKey"))?;
    let key = parse_in::<key::PrivateKey>("key", &key)?;
    t::sign_bytes(bytes, &key).map_err(core)
}

#[wasm_bindgen]
impl Transaction {
    pub fn sign(&mut self, key: &PrivateKey) {
        self.0.sign(&key.0);
    }

    /// The body bytes a signer must sign, one per node the transaction is frozen for.
    pub fn bodies(&self) -> Array {
        self.0
            .entries()
            .iter()
            .map(|e| JsValue::from(Uint8Array::from(e.body_bytes())))
            .collect()
    }

    /// Adds signatures made elsewhere (a wallet), one per `bodies()` entry; each is verified
    /// first, so a wrong signature is an error, never a broken transaction.
    #[wasm_bindgen(js_name = addSignature)]
    pub fn add_signature(&mut self, key: &PublicKey, signatures: Array) -> JsResult<()> {
        let sigs: Vec<Vec<u8>> = signatures
            .iter()
            .map(|s| Uint8Array::new(&s).to_vec())
            .collect();
        self.0
            .add_signature(&key.0, &sigs)
            .map(|_| ())
            .map_err(core)
    }

    /// The public keys (DER hex) whose signatures are present and valid.
    #[wasm_bindgen(js_name = verifySignatures)]
    pub fn verify_signatures(&self) -> JsResult<Vec<String>> {
        let keys = self.0.verify_signatures().map_err(core)?;
        Ok(keys.iter().map(|k| k.to_string_der()).collect())
    }

    /// The SDK's wire form (a TransactionList): `Transaction.fromBytes` of the JS SDK reads it.
    #[wasm_bindgen(js_name = toBytes)]
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.to_bytes()
    }

    #[cfg(feature = "decode")]
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8]) -> JsResult<Transaction> {
        t::Transaction::from_bytes(bytes)
            .map(Transaction)
            .map_err(core)
    }

    /// SHA-384 of the signed bytes for the first node (what the mirror shows as its hash).
    #[wasm_bindgen(getter)]
    pub fn hash(&self) -> Vec<u8> {
        self.0.hash().to_vec()
    }

    /// The SDK's name for `hash`.
    #[wasm_bindgen(js_name = getTransactionHash)]
    pub fn get_transaction_hash(&self) -> Vec<u8> {
        self.hash()
    }

    #[wasm_bindgen(getter, js_name = transactionId)]
    pub fn transaction_id(&self) -> String {
        self.0.transaction_id().to_string()
    }

    #[wasm_bindgen(getter, js_name = nodeAccountIds)]
    pub fn node_account_ids(&self) -> Vec<String> {
        self.0.node_account_ids().iter().map(|a| text!(a)).collect()
    }
}
