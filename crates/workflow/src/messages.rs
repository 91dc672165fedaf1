//! The JSON messages of the inbox and outcomes topics (`"v": 1`).

use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// A customer's request on an organisation's inbox topic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InboxRequest {
    pub workflow: String,
    /// Chosen by the customer, unique (a UUID); the first request with an id counts.
    pub request: String,
    /// Where the grant goes; a proof must be signed by this account's key.
    pub account: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inputs: BTreeMap<String, Value>,
    /// The `SignedPresentation` in its text form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Granted,
    Refused,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Message {
    Request(InboxRequest),
    /// "I am about to grant `request` under `key`": the first claim of a key holds it.
    Claim {
        workflow: String,
        request: String,
        key: String,
        account: String,
        /// The verified proofs the grant uses (`token`, `serial`, `nft`, `amount`,
        /// `metadata_uri`): a resuming runner takes them from here, not from a new check.
        #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
        proofs: serde_json::Map<String, Value>,
    },
    /// The result of a request; the first outcome of a request settles it.
    Outcome {
        workflow: String,
        request: String,
        account: String,
        status: Status,
        /// The holding claim's sequence number (none when refused before claiming).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        claim: Option<u64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        key: Option<String>,
        /// Refusal code (`ALREADY_REDEEMED`, `PROOF_NOT_OWNER`, `TOKEN_NOT_ASSOCIATED_TO_ACCOUNT`…).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        code: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// The key is free again: nothing was granted under the claim.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        released: bool,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        transactions: Vec<String>,
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        fields: BTreeMap<String, Value>,
    },
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    v: u32,
    #[serde(flatten)]
    message: Message,
}

impl Message {
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(&Envelope {
            v: 1,
            message: self.clone(),
        })
        .expect("messages always serialize")
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let e: Envelope = serde_json::from_slice(bytes).map_err(|e| Error::BadMessage {
            reason: e.to_string(),
        })?;
        if e.v != 1 {
            return Err(Error::BadMessage {
                reason: format!("version {}", e.v),
            });
        }
        Ok(e.message)
    }
}
