//! Ids as SDK-style classes. Builders take ids as strings (`String(id)`), so these exist for
//! parsing with a coded error up front, checksums, and `TransactionId.generate`.

use crate::error::{core, invalid, JsResult};
use crate::prelude::*;
use loyal_core::id::{self, LedgerId};
use loyal_core::time::Timestamp;
use loyal_core::transaction_id;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

fn ledger(network: &str) -> JsResult<LedgerId> {
    LedgerId::from_name(network)
        .ok_or_else(|| invalid("network", "expected mainnet, testnet, previewnet or devnet"))
}

/// An entity id class: parse (with or without a checksum for a network), its numbers,
/// printing with a checksum, equality. `$parts` reads shard, realm and num off the core id.
macro_rules! entity_id_class {
    ($(#[$doc:meta])* $name:ident, $core:ty, |$id:ident| $parts:expr) => {
        $(#[$doc])*
        #[wasm_bindgen]
        pub struct $name(pub(crate) $core);

        #[wasm_bindgen]
        impl $name {
            #[wasm_bindgen(js_name = fromString)]
            pub fn from_string(s: &str) -> JsResult<$name> {
                s.parse().map($name).map_err(core)
            }

            /// Like `fromString`, and a checksum, if present, must be the one for `network`.
            #[wasm_bindgen(js_name = fromStringForNetwork)]
            pub fn from_string_for_network(s: &str, network: &str) -> JsResult<$name> {
                <$core>::parse_for_ledger(s, &ledger(network)?)
                    .map($name)
                    .map_err(core)
            }

            #[wasm_bindgen(getter)]
            pub fn shard(&self) -> u64 {
                let $id = &self.0;
                $parts.0
            }

            #[wasm_bindgen(getter)]
            pub fn realm(&self) -> u64 {
                let $id = &self.0;
                $parts.1
            }

            #[wasm_bindgen(getter)]
            pub fn num(&self) -> u64 {
                let $id = &self.0;
                $parts.2
            }

            #[wasm_bindgen(js_name = toString)]
            pub fn to_string_js(&self) -> String {
                text!(self.0)
            }

            /// HIP-15 form for `network`: `0.0.1001-abcde`.
            #[wasm_bindgen(js_name = toStringWithChecksum)]
            pub fn to_string_with_checksum(&self, network: &str) -> JsResult<String> {
                Ok(self.0.to_string_with_checksum(&ledger(network)?))
            }

            pub fn equals(&self, other: &$name) -> bool {
                self.0 == other.0
            }
        }
    };
}

entity_id_class!(
    /// `0.0.1001`, `0.0.1001-abcde` (checked by `fromStringForNetwork`), or `0.0.<40 hex>` (an
    /// EVM address alias).
    AccountId,
    id::AccountId,
    |a| (a.shard, a.realm, a.num)
);

entity_id_class!(TokenId, id::TokenId, |t| (t.0.shard, t.0.realm, t.0.num));

#[wasm_bindgen]
impl TokenId {
    /// The NFT id string `token/serial`, as `addNftTransfer` takes it; `serial` is a number
    /// or a bigint.
    pub fn nft(&self, serial: &JsValue) -> JsResult<String> {
        let serial = crate::read::uint(serial)
            .ok_or_else(|| invalid("serial", "expected a non-negative integer"))?;
        Ok(text!(id::NftId::new(self.0, serial)))
    }
}

#[wasm_bindgen]
pub struct TransactionId(pub(crate) transaction_id::TransactionId);

#[wasm_bindgen]
impl TransactionId {
    /// The SDK form `0.0.1001@1700000000.000000001` or the mirror form
    /// `0.0.1001-1700000000-000000001`.
    #[wasm_bindgen(js_name = fromString)]
    pub fn from_string(s: &str) -> JsResult<TransactionId> {
        s.parse().map(TransactionId).map_err(core)
    }

    /// A new id paid by `accountId`, valid from 5 s ago, as the SDKs' (strictly increasing
    /// within this page; across pages the nanoseconds within the millisecond are random).
    pub fn generate(account_id: &JsValue) -> JsResult<TransactionId> {
        let payer: id::AccountId = parse_id("accountId", account_id)?;
        let now = Timestamp::from_unix_nanos(loyal_web::now_nanos());
        Ok(TransactionId(transaction_id::TransactionId::generate(
            payer, now,
        )))
    }

    #[wasm_bindgen(getter, js_name = accountId)]
    pub fn account_id(&self) -> AccountId {
        AccountId(self.0.account_id.clone())
    }

    /// Seconds and nanoseconds since the Unix epoch, `"1700000000.000000001"`.
    #[wasm_bindgen(getter, js_name = validStart)]
    pub fn valid_start(&self) -> String {
        self.0.valid_start.to_mirror_string()
    }

    #[wasm_bindgen(getter)]
    pub fn scheduled(&self) -> bool {
        self.0.scheduled
    }

    #[wasm_bindgen(js_name = toString)]
    pub fn to_string_js(&self) -> String {
        text!(self.0)
    }

    /// The mirror node's path form, `0.0.1001-1700000000-000000001`.
    #[wasm_bindgen(js_name = toMirrorString)]
    pub fn to_mirror_string(&self) -> String {
        self.0.to_mirror_string()
    }

    pub fn equals(&self, other: &TransactionId) -> bool {
        self.0 == other.0
    }
}

/// An id given as a string or as an id object, parsed as a core id.
pub fn parse_id<T: core::str::FromStr<Err = loyal_core::Error>>(
    field: &str,
    v: &JsValue,
) -> JsResult<T> {
    crate::error::parse_in(field, &id_text(field, v)?)
}

/// An id given as a string or as an id object (its `toString` is the id).
fn id_text(field: &str, v: &JsValue) -> JsResult<String> {
    if let Some(s) = v.as_string() {
        return Ok(s);
    }
    if v.is_object() {
        return Ok(v.unchecked_ref::<js_sys::Object>().to_string().into());
    }
    if v.is_undefined() || v.is_null() {
        return Err(crate::error::missing(field));
    }
    Err(invalid(field, "expected an id string or an id object"))
}
