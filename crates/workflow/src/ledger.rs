//! The outcomes topic folded in sequence order: who holds each redemption key and how each
//! request ended. Pure: the same messages give every runner the same answer.

use crate::messages::{Message, Status};
use loyal_core::time::Timestamp;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// How long a grant's deterministic transaction ids can execute by default (the longest valid
/// duration Hedera accepts): a renewal claim must come after it.
pub const GRANT_WINDOW_SECS: u64 = 180;

#[derive(Clone, Debug, PartialEq)]
pub struct Claim {
    pub sequence: u64,
    pub consensus: Timestamp,
    pub workflow: String,
    pub request: String,
    pub key: String,
    pub account: String,
    pub proofs: serde_json::Map<String, Value>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeRecord {
    pub sequence: u64,
    pub status: Status,
    pub claim: Option<u64>,
    pub code: Option<String>,
    pub reason: Option<String>,
    pub transactions: Vec<String>,
    pub fields: BTreeMap<String, Value>,
    pub account: String,
    pub workflow: String,
}

#[derive(Clone, Debug)]
pub struct Ledger {
    /// The grant window every runner of the organisation uses (its deployment's).
    window_nanos: i128,
    holders: HashMap<String, Claim>,
    outcomes: HashMap<String, OutcomeRecord>,
    /// The last sequence number folded in.
    pub last_sequence: u64,
    /// Messages that were not ours (skipped).
    pub foreign: u64,
}

impl Default for Ledger {
    fn default() -> Self {
        Self::with_window(GRANT_WINDOW_SECS)
    }
}

impl Ledger {
    pub fn with_window(secs: u64) -> Self {
        Self {
            window_nanos: i128::from(secs) * 1_000_000_000,
            holders: HashMap::new(),
            outcomes: HashMap::new(),
            last_sequence: 0,
            foreign: 0,
        }
    }

    pub fn window_nanos(&self) -> i128 {
        self.window_nanos
    }

    /// Folds one topic message (in sequence order; earlier or repeated ones are ignored).
    pub fn apply(&mut self, sequence: u64, consensus: Timestamp, bytes: &[u8]) {
        if sequence <= self.last_sequence {
            return;
        }
        self.last_sequence = sequence;
        match Message::from_bytes(bytes) {
            Ok(Message::Claim {
                workflow,
                request,
                key,
                account,
                proofs,
            }) => {
                let claim = Claim {
                    sequence,
                    consensus,
                    workflow,
                    request,
                    key: key.clone(),
                    account,
                    proofs,
                };
                match self.holders.get(&key) {
                    None => {
                        self.holders.insert(key, claim);
                    }
                    // A renewal: same request, unsettled, past the old grant window.
                    Some(h)
                        if h.request == claim.request
                            && !self.outcomes.contains_key(&h.request)
                            && consensus.as_nanos()
                                > h.consensus.as_nanos() + self.window_nanos =>
                    {
                        self.holders.insert(key, claim);
                    }
                    Some(_) => {}
                }
            }
            Ok(Message::Outcome {
                workflow,
                request,
                account,
                status,
                claim,
                key,
                code,
                reason,
                released,
                transactions,
                fields,
            }) => {
                if self.outcomes.contains_key(&request) {
                    return;
                }
                if let (true, Some(key), Some(seq)) = (released, &key, claim) {
                    if self.holders.get(key).is_some_and(|h| h.sequence == seq) {
                        self.holders.remove(key);
                    }
                }
                self.outcomes.insert(
                    request,
                    OutcomeRecord {
                        sequence,
                        status,
                        claim,
                        code,
                        reason,
                        transactions,
                        fields,
                        account,
                        workflow,
                    },
                );
            }
            // A gate's record: the runner's books are claims and outcomes only.
            Ok(Message::Admission { .. }) => {}
            Ok(Message::Request(_)) | Err(_) => self.foreign += 1,
        }
    }

    pub fn holder(&self, key: &str) -> Option<&Claim> {
        self.holders.get(key)
    }

    /// The claim of `request` that holds a key, if any.
    pub fn claim_of(&self, request: &str) -> Option<&Claim> {
        self.holders.values().find(|c| c.request == request)
    }

    pub fn outcome(&self, request: &str) -> Option<&OutcomeRecord> {
        self.outcomes.get(request)
    }

    pub fn outcomes(&self) -> impl Iterator<Item = (&String, &OutcomeRecord)> {
        self.outcomes.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn claim(request: &str, key: &str) -> Vec<u8> {
        Message::Claim {
            workflow: "w".into(),
            request: request.into(),
            key: key.into(),
            account: "0.0.1005".into(),
            proofs: Default::default(),
        }
        .to_bytes()
    }

    fn outcome(request: &str, key: &str, claim: u64, status: Status, released: bool) -> Vec<u8> {
        Message::Outcome {
            workflow: "w".into(),
            request: request.into(),
            account: "0.0.1005".into(),
            status,
            claim: Some(claim),
            key: Some(key.into()),
            code: None,
            reason: None,
            released,
            transactions: vec![],
            fields: Default::default(),
        }
        .to_bytes()
    }

    fn at(s: i64) -> Timestamp {
        Timestamp::new(s, 0)
    }

    #[test]
    fn first_claim_holds_and_a_release_frees_the_key() {
        let mut l = Ledger::default();
        l.apply(1, at(10), &claim("a", "k"));
        l.apply(2, at(11), &claim("b", "k"));
        assert_eq!(l.holder("k").unwrap().request, "a");
        // A refusal that releases the key lets the next claim hold it.
        l.apply(3, at(12), &outcome("a", "k", 1, Status::Refused, true));
        assert!(l.holder("k").is_none());
        l.apply(4, at(13), &claim("b", "k"));
        assert_eq!(l.holder("k").unwrap().sequence, 4);
        // A duplicate outcome, or one for a claim that does not hold, changes nothing.
        l.apply(5, at(14), &outcome("b", "k", 4, Status::Granted, false));
        l.apply(6, at(15), &outcome("b", "k", 4, Status::Refused, true));
        assert_eq!(l.outcome("b").unwrap().status, Status::Granted);
        assert_eq!(l.holder("k").unwrap().sequence, 4);
        // Replayed sequence numbers are ignored; foreign messages are counted.
        l.apply(6, at(16), &claim("c", "x"));
        assert!(l.holder("x").is_none());
        l.apply(7, at(16), b"hello");
        assert_eq!(l.foreign, 1);
    }

    #[test]
    fn a_renewal_holds_only_after_the_grant_window() {
        let mut l = Ledger::default();
        l.apply(1, at(100), &claim("a", "k"));
        l.apply(2, at(200), &claim("a", "k"));
        assert_eq!(l.holder("k").unwrap().sequence, 1);
        l.apply(3, at(281), &claim("a", "k"));
        assert_eq!(l.holder("k").unwrap().sequence, 3);
        l.apply(4, at(600), &claim("z", "k"));
        assert_eq!(l.holder("k").unwrap().request, "a");
    }
}
