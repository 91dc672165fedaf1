//! The outcomes topic folded in sequence order: who holds each redemption key and how each
//! request ended. Pure: the same messages give every runner the same answer.

use crate::messages::{Message, Status, BATCH_CLAIMS};
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
    /// Its place among the claims of its topic message (0 for a claim of its own; a batch's
    /// k-th claim grants under ids offset by k · `CLAIM_STRIDE` ns).
    pub index: usize,
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
            // A batch's records in the order listed, its claims numbered.
            Ok(Message::Batch { records }) => {
                let mut claims = 0;
                for record in records {
                    match record {
                        Message::Claim { .. } if claims < BATCH_CLAIMS => {
                            self.record(sequence, consensus, claims, record);
                            claims += 1;
                        }
                        Message::Outcome { .. } => self.record(sequence, consensus, 0, record),
                        _ => self.foreign += 1,
                    }
                }
            }
            Ok(Message::Request(_)) | Err(_) => self.foreign += 1,
            Ok(message) => self.record(sequence, consensus, 0, message),
        }
    }

    /// One claim (the `index`-th of its message) or outcome.
    fn record(&mut self, sequence: u64, consensus: Timestamp, index: usize, message: Message) {
        match message {
            Message::Claim {
                workflow,
                request,
                key,
                account,
                proofs,
            } => {
                let claim = Claim {
                    sequence,
                    consensus,
                    index,
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
            Message::Outcome {
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
            } => {
                if self.outcomes.contains_key(&request) {
                    return;
                }
                // A key has one holder: its key and message name the claim released.
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
            Message::Admission { .. } => {}
            Message::Request(_) | Message::Batch { .. } => self.foreign += 1,
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

    fn batch(records: &[&[u8]]) -> Vec<u8> {
        let records = records
            .iter()
            .map(|b| Message::from_bytes(b).unwrap())
            .collect();
        Message::Batch { records }.to_bytes()
    }

    #[test]
    fn a_batch_folds_in_the_order_listed_and_numbers_its_claims() {
        let mut l = Ledger::default();
        l.apply(1, at(10), &claim("x", "kx"));
        let claims = batch(&[
            &claim("a", "k1"),
            &claim("b", "k2"),
            &claim("c", "k1"),
            &claim("d", "kx"),
        ]);
        l.apply(2, at(11), &claims);
        let (a, b) = (l.holder("k1").unwrap(), l.holder("k2").unwrap());
        assert_eq!((a.request.as_str(), a.sequence, a.index), ("a", 2, 0));
        assert_eq!((b.request.as_str(), b.sequence, b.index), ("b", 2, 1));
        // Later in the batch, or after a claim of its own: the key is held already.
        assert_eq!(l.holder("kx").unwrap().request, "x");
        assert_eq!(l.holder("kx").unwrap().index, 0);
        let outcomes = batch(&[
            &outcome("a", "k1", 2, Status::Refused, true),
            &outcome("b", "k2", 2, Status::Granted, false),
            &outcome("a", "k1", 2, Status::Granted, false),
        ]);
        l.apply(3, at(12), &outcomes);
        assert!(l.holder("k1").is_none(), "released");
        assert_eq!(
            l.outcome("a").unwrap().status,
            Status::Refused,
            "the first outcome"
        );
        assert_eq!(l.outcome("b").unwrap().status, Status::Granted);
        assert_eq!(l.holder("k2").unwrap().request, "b");
        // Only the first BATCH_CLAIMS claims of a batch count; nothing else in a batch does.
        let keys: Vec<String> = (0..=BATCH_CLAIMS).map(|i| format!("m{i}")).collect();
        let many: Vec<Vec<u8>> = keys.iter().map(|k| claim(k, k)).collect();
        let mut listed: Vec<&[u8]> = many.iter().map(Vec::as_slice).collect();
        let admission = Message::Admission {
            token: "0.0.9".into(),
            holder: "0.0.1005".into(),
            nonce: "n".into(),
            tickets: 1,
        }
        .to_bytes();
        listed.push(&admission);
        let foreign = l.foreign;
        l.apply(4, at(13), &batch(&listed));
        assert_eq!(
            l.holder(&keys[BATCH_CLAIMS - 1]).unwrap().index,
            BATCH_CLAIMS - 1
        );
        assert!(l.holder(&keys[BATCH_CLAIMS]).is_none());
        assert_eq!(l.foreign, foreign + 2);
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
