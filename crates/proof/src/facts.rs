//! What the verification reads from the mirror, as plain values so that several mirrors can be
//! compared: every fact is read from each mirror and must be equal on all of them
//! (`PROOF_MIRROR_DISAGREE` names the first that differs from mirror 0). "Not found" is a
//! value too: one mirror that knows an NFT and another that does not disagree.

use crate::error::{ProofError, Result};
use core::time::Duration;
use loyal_client::{Error as ClientError, MirrorClient, Runtime, Transport};
use loyal_core::id::{AccountId, TokenId};
use loyal_core::time::Timestamp;
use serde_json::Value;
use std::fmt::Debug;

/// `{_type, key}` as the mirror gives it (`None`: the account has no key or is unknown).
#[derive(Clone, Debug, PartialEq)]
pub struct AccountFact {
    pub found: bool,
    pub key: Option<(String, String)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TokenFact {
    pub found: bool,
    pub kind: String,
    pub treasury: Option<String>,
    pub supply_key: Option<(String, String)>,
    pub deleted: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct NftFact {
    pub found: bool,
    pub owner: Option<String>,
    pub deleted: bool,
    /// The NFT's on-ledger metadata (base64, as the mirror gives it).
    pub metadata: String,
}

/// Reads one fact from every mirror and returns it if they all agree.
macro_rules! agreed {
    ($mirrors:expr, $fact:expr, |$m:ident| $read:expr) => {{
        let mut first = None;
        for (i, $m) in $mirrors.iter().enumerate() {
            let value = $read.await?;
            match &first {
                None => first = Some(value),
                Some(f) if *f != value => return Err(disagree($fact, i, f, &value)),
                Some(_) => {}
            }
        }
        first.ok_or_else(|| ProofError::policy("no mirror to read from"))
    }};
}
pub(crate) use agreed;

pub fn disagree(
    fact: impl Into<String>,
    mirror: usize,
    expected: &impl Debug,
    got: &impl Debug,
) -> ProofError {
    ProofError::MirrorDisagree {
        fact: fact.into(),
        mirror,
        expected: format!("{expected:?}"),
        got: format!("{got:?}"),
    }
}

/// `Ok(None)` for a 404: the mirror does not know the entity.
async fn get<T: Transport, R: Runtime>(
    m: &MirrorClient<'_, T, R>,
    path: &str,
) -> Result<Option<Value>> {
    match m.get_json(path).await {
        Ok(v) => Ok(Some(v)),
        Err(ClientError::Http { status: 404, .. }) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

fn key_of(v: &Value) -> Option<(String, String)> {
    Some((
        v.get("_type")?.as_str()?.to_owned(),
        v.get("key")?.as_str()?.to_owned(),
    ))
}

fn text(v: &Value, field: &str) -> Option<String> {
    v.get(field).and_then(Value::as_str).map(str::to_owned)
}

pub async fn account<T: Transport, R: Runtime>(
    m: &MirrorClient<'_, T, R>,
    id: &AccountId,
) -> Result<AccountFact> {
    Ok(
        match get(m, &format!("/api/v1/accounts/{id}?limit=1")).await? {
            None => AccountFact {
                found: false,
                key: None,
            },
            Some(v) => AccountFact {
                found: true,
                key: v.get("key").and_then(key_of),
            },
        },
    )
}

pub async fn token<T: Transport, R: Runtime>(
    m: &MirrorClient<'_, T, R>,
    id: &TokenId,
) -> Result<TokenFact> {
    Ok(match get(m, &format!("/api/v1/tokens/{id}")).await? {
        None => TokenFact {
            found: false,
            kind: String::new(),
            treasury: None,
            supply_key: None,
            deleted: false,
        },
        Some(v) => TokenFact {
            found: true,
            kind: text(&v, "type").unwrap_or_default(),
            treasury: text(&v, "treasury_account_id"),
            supply_key: v.get("supply_key").and_then(key_of),
            deleted: v.get("deleted").and_then(Value::as_bool).unwrap_or(false),
        },
    })
}

pub async fn nft<T: Transport, R: Runtime>(
    m: &MirrorClient<'_, T, R>,
    token: &TokenId,
    serial: u64,
) -> Result<NftFact> {
    Ok(
        match get(m, &format!("/api/v1/tokens/{token}/nfts/{serial}")).await? {
            None => NftFact {
                found: false,
                owner: None,
                deleted: false,
                metadata: String::new(),
            },
            Some(v) => NftFact {
                found: true,
                owner: text(&v, "account_id"),
                deleted: v.get("deleted").and_then(Value::as_bool).unwrap_or(false),
                metadata: text(&v, "metadata").unwrap_or_default(),
            },
        },
    )
}

/// The account's balance of a fungible token now (0 without a relationship).
pub async fn balance<T: Transport, R: Runtime>(
    m: &MirrorClient<'_, T, R>,
    holder: &AccountId,
    token: &TokenId,
) -> Result<u64> {
    let path = format!("/api/v1/accounts/{holder}/tokens?token.id={token}&limit=1");
    let Some(v) = get(m, &path).await? else {
        return Ok(0);
    };
    let rows = v.get("tokens").and_then(Value::as_array);
    let row = rows
        .into_iter()
        .flatten()
        .find(|r| text(r, "token_id").as_deref() == Some(token.to_string().as_str()));
    Ok(row
        .and_then(|r| r.get("balance"))
        .and_then(Value::as_u64)
        .unwrap_or(0))
}

/// The consensus time of the newest transaction the mirror has, if any.
async fn newest<T: Transport, R: Runtime>(m: &MirrorClient<'_, T, R>) -> Result<Option<Timestamp>> {
    let v = m
        .get_json("/api/v1/transactions?limit=1&order=desc")
        .await?;
    let ts = v
        .get("transactions")
        .and_then(|t| t.get(0))
        .and_then(|t| t.get("consensus_timestamp"))
        .and_then(Value::as_str);
    Ok(ts.and_then(parse_consensus))
}

fn parse_consensus(s: &str) -> Option<Timestamp> {
    let (secs, nanos) = s.split_once('.').unwrap_or((s, "0"));
    let digits = |p: &str| !p.is_empty() && p.len() <= 19 && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(secs) || !digits(nanos) || nanos.len() > 9 {
        return None;
    }
    let nanos: i32 = format!("{nanos:0<9}").get(..9)?.parse().ok()?;
    Some(Timestamp::new(secs.parse().ok()?, nanos))
}

/// Waits until the mirror has a transaction at or after `at`, or until `at + max_lag` has
/// passed on the verifier's clock (a quiet network has no newer transaction to show).
pub async fn caught_up<T: Transport, R: Runtime>(
    m: &MirrorClient<'_, T, R>,
    at: Timestamp,
    max_lag: Duration,
) -> Result<()> {
    let deadline = at.as_nanos() + max_lag.as_nanos() as i128;
    let mut wait = Duration::from_millis(50);
    loop {
        let now = m.runtime().now().as_nanos();
        if now >= deadline || newest(m).await?.is_some_and(|t| t >= at) {
            return Ok(());
        }
        let left = Duration::from_nanos((deadline - now).clamp(0, u64::MAX as i128) as u64);
        m.runtime().sleep(wait.min(left)).await;
        wait = (wait * 2).min(Duration::from_millis(500));
    }
}

/// Hex as the mirror writes keys (an optional `0x`), bounded.
pub fn hex_bytes(s: &str) -> Option<Vec<u8>> {
    let s = s.strip_prefix("0x").unwrap_or(s);
    if s.len() % 2 != 0 || s.len() > 4096 {
        return None;
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consensus_timestamps() {
        assert_eq!(
            parse_consensus("1764719100.000000123"),
            Some(Timestamp::new(1_764_719_100, 123))
        );
        assert_eq!(
            parse_consensus("1764719100.5"),
            Some(Timestamp::new(1_764_719_100, 500_000_000))
        );
        assert_eq!(
            parse_consensus("1764719100"),
            Some(Timestamp::new(1_764_719_100, 0))
        );
        assert_eq!(parse_consensus("x.1"), None);
    }
}
