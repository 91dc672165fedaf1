//! InterWork Alliance Token Taxonomy Framework (TTF) classification of a Hedera token,
//! derived from what the mirror says about it — never from what its issuer claims.
//!
//! Base: `τN` (tooling `tN`) for a non-fungible collection, `τF` (`tF`) for a fungible token;
//! unit whole / fractional / singleton. Behaviours, by their TTF symbols: `~d` whole
//! (indivisible) or `d` divisible (decimals > 0), `s` singleton (a finite supply of one), `t`
//! transferable (every Hedera token; a KYC or freeze key can still stop an account), `m`
//! mintable (a supply key and supply left), `b` burnable (a supply key), `r` roles (a key
//! holder controls supply), `p` pausable (a pause key), `c` compliant (a KYC key). Hedera
//! abilities with no TTF behaviour (freeze, wipe, metadata update, fees) are listed by name.
//! The formula is the TTF grammar's `[base{behaviours}]`.

use serde::{Deserialize, Serialize};

/// The fields of the mirror's `/api/v1/tokens/{id}` that the classification reads.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
pub struct TokenInfo {
    pub token_id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub symbol: String,
    /// `FUNGIBLE_COMMON` or `NON_FUNGIBLE_UNIQUE`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The mirror gives a string.
    #[serde(default, deserialize_with = "number_text")]
    pub decimals: u64,
    /// `FINITE` or `INFINITE`.
    #[serde(default)]
    pub supply_type: String,
    #[serde(default, deserialize_with = "number_text")]
    pub max_supply: u64,
    #[serde(default, deserialize_with = "number_text")]
    pub total_supply: u64,
    #[serde(default)]
    pub treasury_account_id: Option<String>,
    #[serde(default)]
    pub admin_key: Option<serde_json::Value>,
    #[serde(default)]
    pub supply_key: Option<serde_json::Value>,
    #[serde(default)]
    pub freeze_key: Option<serde_json::Value>,
    #[serde(default)]
    pub wipe_key: Option<serde_json::Value>,
    #[serde(default)]
    pub kyc_key: Option<serde_json::Value>,
    #[serde(default)]
    pub pause_key: Option<serde_json::Value>,
    #[serde(default)]
    pub metadata_key: Option<serde_json::Value>,
    #[serde(default)]
    pub fee_schedule_key: Option<serde_json::Value>,
    #[serde(default)]
    pub custom_fees: Option<serde_json::Value>,
}

fn number_text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(0),
        Some(serde_json::Value::Number(n)) => n
            .as_u64()
            .ok_or_else(|| serde::de::Error::custom("not a whole number")),
        Some(serde_json::Value::String(s)) => s.parse().map_err(serde::de::Error::custom),
        Some(_) => Err(serde::de::Error::custom("not a number")),
    }
}

fn has(key: &Option<serde_json::Value>) -> bool {
    key.as_ref().is_some_and(|k| !k.is_null())
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Classification {
    /// `tN` or `tF` (tooling form).
    pub base: String,
    /// `whole`, `fractional` or `singleton`.
    pub unit: String,
    /// TTF behaviour symbols, in formula order.
    pub behaviours: Vec<String>,
    /// Hedera abilities the TTF has no behaviour for.
    pub hedera: Vec<String>,
    /// The tooling formula, e.g. `[tN{~d,t,m,b,r}]`.
    pub formula: String,
    /// The visual formula, e.g. `[τN{~d,t,m,b,r}]`.
    pub visual: String,
    /// One sentence for people.
    pub text: String,
}

/// The classification of the token the mirror's `/api/v1/tokens/{id}` answer describes.
pub fn from_mirror_json(token: &serde_json::Value) -> Result<Classification, serde_json::Error> {
    TokenInfo::deserialize(token).map(|t| classify(&t))
}

pub fn classify(t: &TokenInfo) -> Classification {
    let nft = t.kind == "NON_FUNGIBLE_UNIQUE";
    let finite = t.supply_type == "FINITE";
    let singleton = finite && t.max_supply == 1;
    let mut b: Vec<&str> = Vec::new();
    let mut words: Vec<&str> = Vec::new();
    if t.decimals > 0 {
        b.push("d");
        words.push("divisible");
    } else {
        b.push("~d");
        words.push("whole");
    }
    if singleton {
        b.push("s");
        words.push("singleton");
    }
    b.push("t");
    words.push("transferable");
    let supply = has(&t.supply_key);
    if supply && !(finite && t.total_supply >= t.max_supply) {
        b.push("m");
        words.push("mintable");
    }
    if supply {
        b.push("b");
        words.push("burnable");
        b.push("r");
    }
    if has(&t.pause_key) {
        b.push("p");
        words.push("pausable");
    }
    if has(&t.kyc_key) {
        b.push("c");
        words.push("KYC-gated");
    }
    let mut hedera = Vec::new();
    for (key, name) in [
        (&t.freeze_key, "freezable"),
        (&t.wipe_key, "wipeable"),
        (&t.metadata_key, "metadata-updatable"),
        (&t.admin_key, "admin-updatable"),
        (&t.fee_schedule_key, "fee-schedule-updatable"),
    ] {
        if has(key) {
            hedera.push(name.to_owned());
        }
    }
    if t.custom_fees.as_ref().is_some_and(|f| {
        ["fixed_fees", "fractional_fees", "royalty_fees"]
            .iter()
            .any(|k| f[*k].as_array().is_some_and(|a| !a.is_empty()))
    }) {
        hedera.push("custom-fees".into());
    }
    let (base, greek, kind) = if nft {
        ("tN", "τN", "non-fungible")
    } else {
        ("tF", "τF", "fungible")
    };
    let unit = if singleton {
        "singleton"
    } else if t.decimals > 0 {
        "fractional"
    } else {
        "whole"
    };
    let list = b.join(",");
    let supply_text = if finite {
        format!("finite supply of {}", t.max_supply)
    } else {
        "infinite supply".to_owned()
    };
    let mut text = format!(
        "{} {kind} token ({}), {supply_text}",
        capitalise(&words.join(", ")),
        t.symbol
    );
    if !hedera.is_empty() {
        text.push_str(&format!("; Hedera: {}", hedera.join(", ")));
    }
    Classification {
        base: base.into(),
        unit: unit.into(),
        behaviours: b.iter().map(|s| s.to_string()).collect(),
        hedera,
        formula: format!("[{base}{{{list}}}]"),
        visual: format!("[{greek}{{{list}}}]"),
        text,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn info(v: serde_json::Value) -> TokenInfo {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn nft_collection_with_a_supply_key() {
        let c = classify(&info(json!({
            "token_id": "0.0.2001", "symbol": "TWIN", "type": "NON_FUNGIBLE_UNIQUE",
            "decimals": "0", "supply_type": "INFINITE", "max_supply": "0", "total_supply": "3",
            "supply_key": {"_type": "ED25519", "key": "ab"}, "freeze_key": null
        })));
        assert_eq!(c.formula, "[tN{~d,t,m,b,r}]");
        assert_eq!(c.visual, "[τN{~d,t,m,b,r}]");
        assert_eq!(c.unit, "whole");
        assert!(c.hedera.is_empty());
    }

    #[test]
    fn fungible_whole_and_fractional_and_singleton() {
        let ticket = classify(&info(json!({
            "token_id": "0.0.3", "symbol": "TIX", "type": "FUNGIBLE_COMMON", "decimals": "0",
            "supply_type": "FINITE", "max_supply": "1000", "total_supply": "1000",
            "pause_key": {"_type": "ED25519", "key": "ab"}, "wipe_key": {"_type": "ED25519", "key": "ab"},
            "supply_key": {"_type": "ED25519", "key": "ab"}
        })));
        // Fully minted: no longer mintable.
        assert_eq!(ticket.formula, "[tF{~d,t,b,r,p}]");
        assert_eq!(ticket.hedera, ["wipeable"]);
        assert!(ticket.text.starts_with("Whole, transferable, burnable, pausable fungible token (TIX), finite supply of 1000"), "{}", ticket.text);
        let coin = classify(&info(
            json!({"token_id": "0.0.4", "type": "FUNGIBLE_COMMON", "decimals": 8}),
        ));
        assert_eq!(
            (coin.formula.as_str(), coin.unit.as_str()),
            ("[tF{d,t}]", "fractional")
        );
        let one = classify(&info(
            json!({"token_id": "0.0.5", "type": "NON_FUNGIBLE_UNIQUE",
            "supply_type": "FINITE", "max_supply": "1", "total_supply": "1"}),
        ));
        assert_eq!(
            (one.formula.as_str(), one.unit.as_str()),
            ("[tN{~d,s,t}]", "singleton")
        );
    }
}
