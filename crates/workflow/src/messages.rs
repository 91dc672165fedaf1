//! The JSON messages of the inbox and outcomes topics (`"v": 1`), one topic message each
//! (a request over 1,024 bytes may come in chunks; records always fit one), except a staff
//! action's wave of claims or outcomes, several to a message (`batch`, below).
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
//! A staff action's wave packs its claims (at most 9) or outcomes into one-chunk batches,
//! folded in the order listed; the *k*-th claim of a batch (from 0) grants under ids
//! *k* · 100 ns after a claim of its own would:
//!
//! ```json
//! {"v":1,"type":"batch","records":[{"type":"claim","workflow":"supermarathon.results",
//!  "request":"results-2026-11-29#1","key":"account:9c…","account":"0.0.5001"},{"type":"claim",…}]}
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
    /// A staff action's claims or outcomes, several in one topic message (a wave's: fewer
    /// messages to send), folded in the order listed; only claims and outcomes count in it.
    /// The *k*-th claim of a batch grants under ids `k · CLAIM_STRIDE` ns after a claim of its
    /// own would (crate docs); only the first `BATCH_CLAIMS` claims of a batch count.
    Batch {
        records: Vec<Message>,
    },
}

/// Claims a batch may carry: with grant ids `CLAIM_STRIDE` ns apart, every id of a batch's
/// grants stays within 1,000 ns of its consensus time, the least gap Hedera's platform leaves
/// between two transactions, so no two claims' grants share an id.
pub const BATCH_CLAIMS: usize = 9;

/// Nanoseconds between the grant ids of consecutive claims in a batch: a workflow has at most
/// this many actions.
pub const CLAIM_STRIDE: usize = 100;

/// One topic chunk (Hedera's limit per chunk).
const CHUNK: usize = 1024;

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

    /// `records` (claims and outcomes) in as few topic messages of one chunk each as fit, in
    /// order: records packed into batches of at most `BATCH_CLAIMS` claims, a record alone
    /// in its message sent as itself (shortened as `to_single_chunk` does).
    pub fn pack(records: &[Message]) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        let mut batch: Vec<Message> = Vec::new();
        let flush = |batch: &mut Vec<Message>, out: &mut Vec<Vec<u8>>| match batch.len() {
            0 => {}
            1 => out.push(batch.remove(0).to_single_chunk()),
            _ => out.push(
                Message::Batch {
                    records: std::mem::take(batch),
                }
                .to_bytes(),
            ),
        };
        for record in records {
            let claims = |b: &[Message]| {
                b.iter()
                    .filter(|m| matches!(m, Message::Claim { .. }))
                    .count()
            };
            let mut with = batch.clone();
            with.push(record.clone());
            let fits = claims(&with) <= BATCH_CLAIMS
                && Message::Batch { records: with }.to_bytes().len() <= CHUNK;
            if !fits {
                flush(&mut batch, &mut out);
            }
            batch.push(record.clone());
        }
        flush(&mut batch, &mut out);
        out
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

    /// A wave's 50 claims and 50 outcomes in as few one-chunk messages as hold them: each
    /// message within a chunk and at most `BATCH_CLAIMS` claims, every record once and in order.
    #[test]
    fn a_wave_packs_into_few_one_chunk_messages() {
        let claim = |i: usize| Message::Claim {
            workflow: "supermarathon.results".into(),
            request: format!("results-2026-11-29#{i}"),
            key: format!("account:{i:032x}"),
            account: format!("0.0.{}", 5000 + i),
            proofs: Default::default(),
        };
        let outcome = |i: usize| Message::Outcome {
            workflow: "supermarathon.results".into(),
            request: format!("results-2026-11-29#{i}"),
            account: format!("0.0.{}", 5000 + i),
            status: Status::Granted,
            claim: Some(1000 + i as u64),
            key: Some(format!("account:{i:032x}")),
            code: None,
            reason: None,
            released: false,
            transactions: vec![
                format!("0.0.1003@1796282638.1698{i:05}"),
                format!("0.0.1003@1796282638.1699{i:05}"),
            ],
            fields: BTreeMap::from([
                (
                    "accomplishment".to_owned(),
                    Value::from(format!("0.0.2002#{i}")),
                ),
                (
                    "metadata".to_owned(),
                    Value::from(
                        "ipfs://bafkreifqbz6ggplitkto7y7wkri7wnk57wi22yjnwnlosivbfifelmkpvq",
                    ),
                ),
                ("position".to_owned(), Value::from(i)),
            ]),
        };
        for records in [
            (1..=50).map(claim).collect::<Vec<_>>(),
            (1..=50).map(outcome).collect(),
            (1..=20).flat_map(|i| [claim(i), outcome(i)]).collect(),
        ] {
            let packed = Message::pack(&records);
            let mut unpacked = Vec::new();
            for bytes in &packed {
                assert!(bytes.len() <= 1024, "{}", bytes.len());
                match Message::from_bytes(bytes).unwrap() {
                    Message::Batch { records } => {
                        let claims = records
                            .iter()
                            .filter(|m| matches!(m, Message::Claim { .. }));
                        assert!(claims.count() <= BATCH_CLAIMS);
                        unpacked.extend(records);
                    }
                    one => unpacked.push(one),
                }
            }
            assert_eq!(unpacked, records);
            assert!(
                packed.len() * 2 <= records.len(),
                "{} messages",
                packed.len()
            );
        }
        // A record alone is sent as itself.
        assert_eq!(Message::pack(&[claim(1)]), vec![claim(1).to_bytes()]);
        assert!(Message::pack(&[]).is_empty());
    }

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
