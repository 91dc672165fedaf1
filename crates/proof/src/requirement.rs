//! What a verifier requires: a token (an NFT of the collection, or at least an amount of a
//! fungible token), the collection's treasury and supply key when the verifier knows them, and
//! predicates on the NFT's metadata. Workflow definitions embed requirements as JSON:
//!
//! ```json
//! {"token": "0.0.2001", "kind": "nft", "treasury": "0.0.1001", "where": ["position <= 500"]}
//! {"token": "0.0.3001", "kind": "fungible", "min_amount": 2}
//! ```

use crate::error::{ProofError, Result};
use crate::predicate::Predicate;
use crate::presentation::Claim;
use loyal_core::id::{AccountId, TokenId};
use loyal_core::key::PublicKey;
use serde::{Deserialize, Serialize};
use std::fmt;

pub const MAX_PREDICATES: usize = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequirementKind {
    Nft,
    Fungible { min_amount: u64 },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Requirement {
    pub token: TokenId,
    pub kind: RequirementKind,
    /// The collection's treasury as the mirror reports it; `None` accepts any.
    pub treasury: Option<AccountId>,
    pub supply_key: Option<PublicKey>,
    /// All must hold for the NFT's HIP-412 metadata (NFT requirements only).
    pub predicates: Vec<Predicate>,
}

impl Requirement {
    pub fn nft(token: TokenId) -> Self {
        Self {
            token,
            kind: RequirementKind::Nft,
            treasury: None,
            supply_key: None,
            predicates: Vec::new(),
        }
    }

    pub fn fungible(token: TokenId, min_amount: u64) -> Self {
        Self {
            kind: RequirementKind::Fungible { min_amount },
            ..Self::nft(token)
        }
    }

    pub fn with_treasury(mut self, treasury: AccountId) -> Self {
        self.treasury = Some(treasury);
        self
    }

    pub fn with_supply_key(mut self, key: PublicKey) -> Self {
        self.supply_key = Some(key);
        self
    }

    pub fn with_predicate(mut self, predicate: Predicate) -> Self {
        self.predicates.push(predicate);
        self
    }

    /// Parses `text` (e.g. `position <= 500`) into a predicate and adds it.
    pub fn with_where(self, text: &str) -> Result<Self> {
        Ok(self.with_predicate(text.parse()?))
    }

    pub fn validate(&self) -> Result<()> {
        if matches!(self.kind, RequirementKind::Fungible { .. }) && !self.predicates.is_empty() {
            return Err(ProofError::policy(format!(
                "{}: predicates apply to NFT metadata, not fungible tokens",
                self.token
            )));
        }
        if self.predicates.len() > MAX_PREDICATES {
            return Err(ProofError::policy(format!(
                "{}: more than {MAX_PREDICATES} predicates",
                self.token
            )));
        }
        Ok(())
    }

    /// Whether `claim` is of the kind and token this requirement asks for (what the ledger
    /// says about it is checked later).
    pub fn admits(&self, claim: &Claim) -> bool {
        match (self.kind, claim) {
            (RequirementKind::Nft, Claim::Nft { token, .. }) => *token == self.token,
            (
                RequirementKind::Fungible { min_amount },
                Claim::Fungible {
                    token,
                    min_amount: claimed,
                },
            ) => *token == self.token && *claimed >= min_amount,
            _ => false,
        }
    }
}

impl fmt::Display for Requirement {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            RequirementKind::Nft => write!(f, "an NFT of {}", self.token)?,
            RequirementKind::Fungible { min_amount } => {
                write!(f, "at least {min_amount} of {}", self.token)?
            }
        }
        if let Some(t) = &self.treasury {
            write!(f, " (treasury {t})")?;
        }
        for (i, p) in self.predicates.iter().enumerate() {
            write!(f, "{} {p}", if i == 0 { " where" } else { " and" })?;
        }
        Ok(())
    }
}

/// The JSON form, field for field.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    token: String,
    kind: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    min_amount: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    treasury: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    supply_key: Option<String>,
    #[serde(rename = "where", skip_serializing_if = "Vec::is_empty", default)]
    predicates: Vec<Predicate>,
}

impl TryFrom<Wire> for Requirement {
    type Error = ProofError;

    fn try_from(w: Wire) -> Result<Self> {
        let bad = |what: &str, v: &str| ProofError::policy(format!("requirement {what} {v:?}"));
        let token = w.token.parse().map_err(|_| bad("token", &w.token))?;
        let kind = match (w.kind.as_str(), w.min_amount) {
            ("nft", None) => RequirementKind::Nft,
            ("fungible", Some(min_amount)) => RequirementKind::Fungible { min_amount },
            _ => {
                return Err(ProofError::policy(
                    "requirement kind is \"nft\", or \"fungible\" with min_amount",
                ))
            }
        };
        let treasury = w
            .treasury
            .map(|t| t.parse().map_err(|_| bad("treasury", &t)))
            .transpose()?;
        let supply_key = w
            .supply_key
            .map(|k| k.parse().map_err(|_| bad("supply_key", &k)))
            .transpose()?;
        let requirement = Requirement {
            token,
            kind,
            treasury,
            supply_key,
            predicates: w.predicates,
        };
        requirement.validate()?;
        Ok(requirement)
    }
}

impl Serialize for Requirement {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let (kind, min_amount) = match self.kind {
            RequirementKind::Nft => ("nft", None),
            RequirementKind::Fungible { min_amount } => ("fungible", Some(min_amount)),
        };
        Wire {
            token: self.token.to_string(),
            kind: kind.into(),
            min_amount,
            treasury: self.treasury.as_ref().map(ToString::to_string),
            supply_key: self.supply_key.map(|k| k.to_string_der()),
            predicates: self.predicates.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Requirement {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        Wire::deserialize(d)?
            .try_into()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_both_ways() {
        let text = r#"{"token":"0.0.2001","kind":"nft","treasury":"0.0.1001","where":["position <= 500"]}"#;
        let r: Requirement = serde_json::from_str(text).unwrap();
        assert_eq!(r.token, TokenId::new(0, 0, 2001));
        assert_eq!(r.treasury, Some(AccountId::new(0, 0, 1001)));
        assert_eq!(r.predicates.len(), 1);
        assert_eq!(serde_json::to_string(&r).unwrap(), text);
        let f: Requirement =
            serde_json::from_str(r#"{"token":"0.0.3001","kind":"fungible","min_amount":2}"#)
                .unwrap();
        assert_eq!(f.kind, RequirementKind::Fungible { min_amount: 2 });
        for bad in [
            r#"{"token":"0.0.3001","kind":"fungible"}"#,
            r#"{"token":"0.0.3001","kind":"nft","min_amount":2}"#,
            r#"{"token":"0.0.3001","kind":"fungible","min_amount":2,"where":["a == 1"]}"#,
            r#"{"token":"0.0.3001","kind":"nft","wher":["a == 1"]}"#,
            r#"{"token":"x","kind":"nft"}"#,
            r#"{"token":"0.0.1","kind":"nft","where":["position <"]}"#,
        ] {
            assert!(serde_json::from_str::<Requirement>(bad).is_err(), "{bad}");
        }
    }
}
