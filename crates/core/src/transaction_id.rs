//! Transaction ids: payer account + valid start (+ scheduled flag, + nonce for child transactions).

use crate::parse;
use crate::prelude::*;
use crate::text::{Piece, ZeroPadded};
use crate::{id::AccountId, proto, time::Timestamp, Error, Result};
use core::str::FromStr;

const VALID_START_BACKDATE_NANOS: i64 = 5_000_000_000;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TransactionId {
    pub account_id: AccountId,
    pub valid_start: Timestamp,
    pub scheduled: bool,
    pub nonce: i32,
}

impl TransactionId {
    pub fn new(account_id: AccountId, valid_start: Timestamp) -> Self {
        Self {
            account_id,
            valid_start,
            scheduled: false,
            nonce: 0,
        }
    }

    /// A new id paid by `account_id` at `now`, backdated by 5 s as the SDKs do (3–8 s): a
    /// clock a little ahead of the network's still gives a valid start that is not in the
    /// future (INVALID_TRANSACTION_START). Ids are unique as far as `now` is.
    pub fn generate(account_id: AccountId, now: Timestamp) -> Self {
        Self::new(account_id, now.plus_nanos(-VALID_START_BACKDATE_NANOS))
    }

    pub fn with_scheduled(mut self, scheduled: bool) -> Self {
        self.scheduled = scheduled;
        self
    }

    pub fn with_nonce(mut self, nonce: i32) -> Self {
        self.nonce = nonce;
        self
    }

    /// The mirror node's path form: `0.0.n-secs-nanos`.
    pub fn to_mirror_string(&self) -> String {
        let nanos = ZeroPadded(self.valid_start.nanos as i64, 9);
        text!(self.account_id, '-', self.valid_start.seconds, '-', nanos)
    }

    pub fn to_proto(&self) -> proto::TransactionId {
        proto::TransactionId {
            transaction_valid_start: Some(self.valid_start.to_proto()),
            account_id: Some(self.account_id.to_proto()),
            // The SDK always writes `scheduled` and writes `nonce` only when it is set.
            scheduled: Some(self.scheduled),
            nonce: (self.nonce != 0).then_some(self.nonce),
        }
    }

    pub fn from_proto(p: &proto::TransactionId) -> Result<Self> {
        let missing = |what: &str| Error::Decode {
            message: "TransactionID",
            reason: text!("missing ", what),
        };
        let account = p.account_id.as_ref().ok_or_else(|| missing("account id"))?;
        let start = p
            .transaction_valid_start
            .as_ref()
            .ok_or_else(|| missing("valid start"))?;
        Ok(Self {
            account_id: AccountId::from_proto(account)?,
            valid_start: Timestamp::from_proto(start),
            scheduled: p.scheduled(),
            nonce: p.nonce(),
        })
    }
}

/// The SDK form: `0.0.n@secs.nanos[?scheduled][/nonce]`.
impl Piece for TransactionId {
    fn push_to(&self, out: &mut String) {
        push_text!(out; self.account_id, '@', self.valid_start);
        if self.scheduled {
            out.push_str("?scheduled");
        }
        if self.nonce != 0 {
            push_text!(out; '/', self.nonce);
        }
    }
}
display_as_text!(TransactionId);

impl FromStr for TransactionId {
    type Err = Error;

    /// Accepts both the SDK form and the mirror form.
    fn from_str(input: &str) -> Result<Self> {
        let bad = |reason| Error::InvalidTransactionId {
            input: input.to_owned(),
            reason,
        };
        let digits = |s: &str, what| -> Result<i64> {
            parse::decimal(s)
                .filter(|_| s.len() <= 19)
                .and_then(|n| i64::try_from(n).ok())
                .ok_or_else(|| bad(what))
        };
        let nanos = |s: &str| -> Result<i32> {
            if s.len() > 9 {
                return Err(bad("nanoseconds have at most 9 digits"));
            }
            // SDK strings pad nanos to 9 digits; a shorter value is the plain integer count.
            Ok(digits(s, "bad nanoseconds")? as i32)
        };
        let (account, seconds, nano_part, rest) =
            if let Some((account, rest)) = parse::split_first(input, b'@') {
                let end = rest
                    .bytes()
                    .position(|b| b == b'?' || b == b'/')
                    .unwrap_or(rest.len());
                let (time, rest) = (
                    rest.get(..end).unwrap_or(rest),
                    rest.get(end..).unwrap_or(""),
                );
                let (s, n) = parse::split_first(time, b'.')
                    .ok_or_else(|| bad("expected secs.nanos after @"))?;
                (account, s, n, rest)
            } else {
                match parse::split_last(input, b'-')
                    .and_then(|(head, n)| Some((parse::split_last(head, b'-')?, n)))
                {
                    Some(((a, s), n)) => (a, s, n, ""),
                    None => return Err(bad("expected 0.0.n@secs.nanos or 0.0.n-secs-nanos")),
                }
            };
        let account_id: AccountId = account.parse().map_err(|_| bad("bad payer account id"))?;
        let mut id = TransactionId::new(
            account_id,
            Timestamp::new(digits(seconds, "bad seconds")?, nanos(nano_part)?),
        );
        let mut rest = rest;
        if let Some(r) = rest.strip_prefix("?scheduled") {
            id.scheduled = true;
            rest = r;
        }
        if let Some(n) = rest.strip_prefix('/') {
            id.nonce =
                i32::try_from(digits(n, "bad nonce")?).map_err(|_| bad("nonce out of range"))?;
            rest = "";
        }
        if !rest.is_empty() {
            return Err(bad("unexpected trailing characters"));
        }
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn sdk_and_mirror_forms() {
        let id = TransactionId::new(
            AccountId::new(0, 0, 1001),
            Timestamp::new(1_700_000_000, 12),
        );
        assert_eq!(id.to_string(), "0.0.1001@1700000000.000000012");
        assert_eq!(id.to_mirror_string(), "0.0.1001-1700000000-000000012");
        assert_eq!(id.to_string().parse::<TransactionId>().unwrap(), id);
        assert_eq!(id.to_mirror_string().parse::<TransactionId>().unwrap(), id);
        let child = id.clone().with_scheduled(true).with_nonce(3);
        assert_eq!(
            child.to_string(),
            "0.0.1001@1700000000.000000012?scheduled/3"
        );
        assert_eq!(child.to_string().parse::<TransactionId>().unwrap(), child);
        assert_eq!(TransactionId::from_proto(&child.to_proto()).unwrap(), child);
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "",
            "0.0.1",
            "0.0.1@",
            "0.0.1@1.",
            "0.0.1@1.1234567890",
            "x@1.2",
            "0.0.1-1",
            "0.0.1@1.2?x",
        ] {
            assert_eq!(
                bad.parse::<TransactionId>().unwrap_err().code(),
                "INVALID_TRANSACTION_ID",
                "{bad}"
            );
        }
    }
}
