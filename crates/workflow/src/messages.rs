//! The JSON messages of the inbox and outcomes topics (`"v": 1`), one topic message each
//! (a request over 1,024 bytes may come in chunks; records always fit one).
//!
//! On an organisation's inbox, from a customer (anyone may submit):
//!
//! ```json
//! {"v":1,"type":"request","workflow":"stillwater.tickets","request":"5f0c6e1a-7d1b-4a59-9f6e-2c1d8e3b4a71",
//!  "account":"0.0.1005","proof":"lp1.…"}
//! {"v":1,"type":"request","workflow":"fastshoes.redeem-twin","request":"…","account":"0.0.1005",
//!  "inputs":{"code":"FS-0001-9A3F00C2"}}
//! ```
//!
//! The proof is a `loyal-proof` presentation in its text form, made by the request's
//! account for audience `hcs://<inbox topic>` (the deployment's `audience`), the workflow's
//! `purpose`, and the request id as its nonce.
//!
//! On its outcomes topic, from the organisation only (the topic's submit key):
//!
//! ```json
//! {"v":1,"type":"claim","workflow":"stillwater.tickets","request":"…","key":"nft_pair:3f…",
//!  "account":"0.0.1005","proofs":{"twin":{"token":"0.0.2001","serial":1,"nft":"0.0.2001#1",…}}}
//! {"v":1,"type":"outcome","workflow":"stillwater.tickets","request":"…","account":"0.0.1005",
//!  "status":"granted","claim":12,"key":"nft_pair:3f…","transactions":["0.0.1004@1764720000.000000001"],
//!  "fields":{"tickets":2,"twin":"0.0.2001#1","accomplishment":"0.0.2002#1"}}
//! {"v":1,"type":"outcome","workflow":"stillwater.tickets","request":"…","account":"0.0.1005",
//!  "status":"refused","code":"ALREADY_REDEEMED","reason":"…"}
//! ```
//!
//! And from a venue gate (StillWater's staff, with the organisation's key), one entry through
//! any of its gates, answering the gate's code `nonce` (see [`crate::admissions`]):
//!
//! ```json
//! {"v":1,"type":"admission","token":"0.0.2003","holder":"0.0.1005","nonce":"b5c1…","tickets":1}
//! ```

use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// A customer's request on an organisation's inbox topic.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InboxRequest {
    pub workflow: String,
    /// Chosen by the customer, unique (a UUID); the first request with an id counts. With a
    /// proof it is also the proof's nonce: 16 to 64 of `A-Z a-z 0-9 - _`.
    pub request: String,
    /// Where the grant goes; a proof must be signed by this account's key.
    pub account: String,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inputs: BTreeMap<String, Value>,
    /// The `SignedPresentation` in its text form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proof: Option<String>,
}

impl InboxRequest {
    /// Ids short and plain enough to be answered in an outcome record: request 1 to 64 of
    /// `A-Z a-z 0-9 - _ .`, workflow and account at most 64 characters.
    pub fn check(&self) -> Result<()> {
        let plain = |s: &str| {
            !s.is_empty()
                && s.len() <= 64
                && s.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        };
        if !plain(&self.request) {
            return Err(Error::InvalidInput {
                input: "request".into(),
                reason: "1 to 64 of A-Z a-z 0-9 - _ .".into(),
            });
        }
        for (name, v) in [("workflow", &self.workflow), ("account", &self.account)] {
            if v.len() > 64 {
                return Err(Error::InvalidInput {
                    input: name.into(),
                    reason: "longer than 64 characters".into(),
                });
            }
        }
        Ok(())
    }
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
    /// A ticket holder at a gate: `holder`, proven to hold `tickets` of `token`, answered the
    /// gate's code `nonce`. Whether it is an entry is decided by [`crate::admissions::entry`].
    Admission {
        token: String,
        holder: String,
        nonce: String,
        tickets: u64,
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

    /// The bytes, in one topic chunk (1,024 bytes): an outcome's reason is shortened, and
    /// its fields left out if they alone are too long (a runner waits for its own records
    /// by their one sequence number).
    pub fn to_single_chunk(&self) -> Vec<u8> {
        const CHUNK: usize = 1024;
        let bytes = self.to_bytes();
        if bytes.len() <= CHUNK {
            return bytes;
        }
        let mut m = self.clone();
        let over = bytes.len() - CHUNK;
        if let Message::Outcome {
            reason: Some(r), ..
        } = &mut m
        {
            let keep = r.len().saturating_sub(over + 3);
            let cut = (0..=keep)
                .rev()
                .find(|i| r.is_char_boundary(*i))
                .unwrap_or(0);
            r.truncate(cut);
            r.push('…');
        }
        if m.to_bytes().len() > CHUNK {
            if let Message::Outcome { fields, reason, .. } = &mut m {
                fields.clear();
                *reason = Some("(fields too long for one message: left out)".into());
            }
        }
        m.to_bytes()
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

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn records_fit_one_topic_chunk() {
        let outcome = |reason: String, field: String| Message::Outcome {
            workflow: "w".into(),
            request: "r".into(),
            account: "0.0.1005".into(),
            status: Status::Refused,
            claim: None,
            key: None,
            code: Some("PROOF_PREDICATE".into()),
            reason: Some(reason),
            released: false,
            transactions: vec![],
            fields: BTreeMap::from([("f".to_owned(), Value::from(field))]),
        };
        let long = outcome("é".repeat(2000), "x".into());
        let bytes = long.to_single_chunk();
        assert!(bytes.len() <= 1024);
        let Message::Outcome { reason, code, .. } = Message::from_bytes(&bytes).unwrap() else {
            panic!("an outcome")
        };
        assert!(reason.unwrap().ends_with('…'));
        assert_eq!(code.as_deref(), Some("PROOF_PREDICATE"));
        let fat = outcome("short".into(), "y".repeat(3000));
        assert!(fat.to_single_chunk().len() <= 1024);
        let small = outcome("ok".into(), "z".into());
        assert_eq!(small.to_single_chunk(), small.to_bytes());
        assert_eq!(Message::from_bytes(&small.to_bytes()).unwrap(), small);
        assert_eq!(
            Message::from_bytes(b"{\"v\":2,\"type\":\"claim\"}")
                .unwrap_err()
                .code(),
            "WORKFLOW_BAD_MESSAGE"
        );
    }
}
