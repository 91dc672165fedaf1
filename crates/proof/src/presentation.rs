//! The presentation and its one canonical encoding, `loyal-proof/1`: UTF-8 lines joined by
//! `\n` (no trailing newline), each field once, in this order:
//!
//! ```text
//! loyal-proof/1
//! holder: 0.0.1005
//! audience: http://127.0.0.1:8080
//! purpose: StillWater concert tickets
//! nonce: Qm3hY1vV0pE8nB2kXcZr7w
//! issued-at: 2026-12-02T23:45:00Z
//! expires-at: 2026-12-02T23:50:00Z
//! claim: nft 0.0.2001/42
//! claim: fungible 0.0.3001 >= 2
//! ```
//!
//! - `holder`: the account, `shard.realm.num` (no alias, no checksum);
//! - `audience`: the verifier's origin (`scheme://host[:port]`, printable ASCII, ≤ 200 bytes);
//! - `purpose`: what the proof is for, as the verifier words it (≤ 200 bytes, no control or
//!   invisible formatting characters, no surrounding spaces), shown to the holder;
//! - `nonce`: issued by the verifier, 16 to 64 characters of `A-Z a-z 0-9 - _`;
//! - `issued-at`, `expires-at`: RFC 3339 UTC, whole seconds;
//! - `claim`: 1 to 16 claims, sorted by token, NFTs before the fungible claim of the same token,
//!   serials ascending; no token claimed twice as fungible, no NFT twice.
//!
//! This text is exactly the HIP-820 message: a wallet shows it and signs
//! `"\x19Hedera Signed Message:\n" + length + text`. [`Presentation::parse`] accepts only this
//! form (parsing and re-encoding gives the same bytes); anything else is `PROOF_DECODE`, and a
//! first line `loyal-proof/<other>` is `PROOF_VERSION`.

use crate::error::{ProofError, Result};
use crate::timefmt;
use loyal_core::id::{AccountId, TokenId};
use loyal_core::time::Timestamp;

pub const VERSION_LINE: &str = "loyal-proof/1";
pub const MAX_CLAIMS: usize = 16;
pub const MAX_FIELD_BYTES: usize = 200;
pub const MIN_NONCE_CHARS: usize = 16;
pub const MAX_NONCE_CHARS: usize = 64;
/// Larger than any canonical message can be; longer input is refused before it is split.
pub const MAX_MESSAGE_BYTES: usize = 2048;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Claim {
    Nft {
        token: TokenId,
        serial: u64,
    },
    /// At least `min_amount` of the token, in its smallest unit (as the mirror counts balances).
    Fungible {
        token: TokenId,
        min_amount: u64,
    },
}

impl Claim {
    pub fn token(&self) -> TokenId {
        match self {
            Claim::Nft { token, .. } | Claim::Fungible { token, .. } => *token,
        }
    }

    /// The canonical order; claims with an equal key are duplicates.
    fn key(&self) -> (TokenId, u8, u64) {
        match self {
            Claim::Nft { token, serial } => (*token, 0, *serial),
            Claim::Fungible { token, .. } => (*token, 1, 0),
        }
    }

    fn to_line_value(&self) -> String {
        match self {
            Claim::Nft { token, serial } => format!("nft {token}/{serial}"),
            Claim::Fungible { token, min_amount } => format!("fungible {token} >= {min_amount}"),
        }
    }

    fn parse_line_value(s: &str) -> Result<Self> {
        if let Some(rest) = s.strip_prefix("nft ") {
            let (token, serial) = rest
                .split_once('/')
                .ok_or_else(|| ProofError::decode(format!("claim {s:?}: expected token/serial")))?;
            return Ok(Claim::Nft {
                token: token_id(token)?,
                serial: number(serial, "serial")?,
            });
        }
        if let Some(rest) = s.strip_prefix("fungible ") {
            let (token, amount) = rest.split_once(" >= ").ok_or_else(|| {
                ProofError::decode(format!("claim {s:?}: expected token >= amount"))
            })?;
            return Ok(Claim::Fungible {
                token: token_id(token)?,
                min_amount: number(amount, "amount")?,
            });
        }
        Err(ProofError::decode(format!(
            "claim {s:?}: neither nft nor fungible"
        )))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presentation {
    pub holder: AccountId,
    pub claims: Vec<Claim>,
    /// The verifier's origin, e.g. `http://127.0.0.1:8080`.
    pub audience: String,
    pub purpose: String,
    pub nonce: String,
    /// Whole seconds: the message carries no fraction.
    pub issued_at: Timestamp,
    pub expires_at: Timestamp,
}

impl Presentation {
    pub fn new(holder: AccountId) -> Self {
        Self {
            holder,
            claims: Vec::new(),
            audience: String::new(),
            purpose: String::new(),
            nonce: String::new(),
            issued_at: Timestamp::default(),
            expires_at: Timestamp::default(),
        }
    }

    pub fn with_claim(mut self, claim: Claim) -> Self {
        self.claims.push(claim);
        self
    }

    pub fn with_nft(self, token: TokenId, serial: u64) -> Self {
        self.with_claim(Claim::Nft { token, serial })
    }

    pub fn with_fungible(self, token: TokenId, min_amount: u64) -> Self {
        self.with_claim(Claim::Fungible { token, min_amount })
    }

    pub fn with_audience(mut self, audience: impl Into<String>) -> Self {
        self.audience = audience.into();
        self
    }

    pub fn with_purpose(mut self, purpose: impl Into<String>) -> Self {
        self.purpose = purpose.into();
        self
    }

    pub fn with_nonce(mut self, nonce: impl Into<String>) -> Self {
        self.nonce = nonce.into();
        self
    }

    /// Truncated to whole seconds.
    pub fn with_issued_at(mut self, at: Timestamp) -> Self {
        self.issued_at = Timestamp::new(at.seconds, 0);
        self
    }

    /// Truncated to whole seconds.
    pub fn with_expires_at(mut self, at: Timestamp) -> Self {
        self.expires_at = Timestamp::new(at.seconds, 0);
        self
    }

    /// Checks every field against the format's rules; claims may be in any order here (the
    /// message sorts them).
    pub fn validate(&self) -> Result<()> {
        if self.holder.evm_address.is_some() {
            return Err(ProofError::decode(
                "holder must be shard.realm.num, not an alias",
            ));
        }
        check_audience(&self.audience)?;
        check_purpose(&self.purpose)?;
        check_nonce(&self.nonce)?;
        for (name, t) in [
            ("issued-at", self.issued_at),
            ("expires-at", self.expires_at),
        ] {
            if t.nanos != 0 || timefmt::parse(&timefmt::format(t)) != Some(t) {
                return Err(ProofError::decode(format!("{name} out of range")));
            }
        }
        if self.claims.is_empty() || self.claims.len() > MAX_CLAIMS {
            return Err(ProofError::decode(format!(
                "{} claims (1 to {MAX_CLAIMS})",
                self.claims.len()
            )));
        }
        let mut keys: Vec<_> = self.claims.iter().map(Claim::key).collect();
        keys.sort();
        if keys.windows(2).any(|w| w[0] == w[1]) {
            return Err(ProofError::decode("a token or NFT is claimed twice"));
        }
        Ok(())
    }

    /// The claims in canonical order.
    pub fn sorted_claims(&self) -> Vec<Claim> {
        let mut claims = self.claims.clone();
        claims.sort_by_key(Claim::key);
        claims
    }

    /// The canonical text: what the holder's wallet shows and signs (HIP-820).
    pub fn message(&self) -> String {
        let mut out = String::with_capacity(256);
        out.push_str(VERSION_LINE);
        let mut line = |key: &str, value: &str| {
            out.push('\n');
            out.push_str(key);
            out.push_str(": ");
            out.push_str(value);
        };
        line("holder", &self.holder.to_string());
        line("audience", &self.audience);
        line("purpose", &self.purpose);
        line("nonce", &self.nonce);
        line("issued-at", &timefmt::format(self.issued_at));
        line("expires-at", &timefmt::format(self.expires_at));
        for claim in self.sorted_claims() {
            line("claim", &claim.to_line_value());
        }
        out
    }

    /// The canonical text back; anything that is not exactly what [`message`](Self::message)
    /// writes is refused.
    pub fn parse(message: &str) -> Result<Self> {
        if message.len() > MAX_MESSAGE_BYTES {
            return Err(ProofError::decode(format!(
                "{} bytes (at most {MAX_MESSAGE_BYTES})",
                message.len()
            )));
        }
        let mut lines = message.split('\n');
        let first = lines.next().unwrap_or_default();
        if first != VERSION_LINE {
            let version = first
                .strip_prefix("loyal-proof/")
                .filter(|v| (1..=4).contains(&v.len()) && v.bytes().all(|b| b.is_ascii_digit()));
            return Err(match version {
                Some(v) => ProofError::Version { got: v.to_owned() },
                None => ProofError::decode("the first line is not loyal-proof/1"),
            });
        }
        let mut field = |key: &str| -> Result<&str> {
            let line = lines
                .next()
                .ok_or_else(|| ProofError::decode(format!("missing {key}")))?;
            line.strip_prefix(key)
                .and_then(|l| l.strip_prefix(": "))
                .ok_or_else(|| ProofError::decode(format!("expected {key}, got {line:?}")))
        };
        let holder: AccountId = field("holder")?
            .parse()
            .map_err(|e| ProofError::decode(format!("holder: {e}")))?;
        let audience = field("audience")?.to_owned();
        let purpose = field("purpose")?.to_owned();
        let nonce = field("nonce")?.to_owned();
        let time = |s: &str, key| {
            timefmt::parse(s)
                .ok_or_else(|| ProofError::decode(format!("{key}: not an RFC 3339 UTC instant")))
        };
        let issued_at = time(field("issued-at")?, "issued-at")?;
        let expires_at = time(field("expires-at")?, "expires-at")?;
        let mut claims = Vec::new();
        for line in lines {
            if claims.len() == MAX_CLAIMS {
                return Err(ProofError::decode(format!("more than {MAX_CLAIMS} claims")));
            }
            let value = line
                .strip_prefix("claim: ")
                .ok_or_else(|| ProofError::decode(format!("expected claim, got {line:?}")))?;
            claims.push(Claim::parse_line_value(value)?);
        }
        let parsed = Presentation {
            holder,
            claims,
            audience,
            purpose,
            nonce,
            issued_at,
            expires_at,
        };
        parsed.validate()?;
        if parsed.message() != message {
            return Err(ProofError::decode(
                "not the canonical form (ids, numbers or claim order spelled otherwise)",
            ));
        }
        Ok(parsed)
    }
}

fn token_id(s: &str) -> Result<TokenId> {
    s.parse()
        .map_err(|e| ProofError::decode(format!("token {s:?}: {e}")))
}

fn number(s: &str, what: &str) -> Result<u64> {
    if s.is_empty() || s.len() > 20 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ProofError::decode(format!("{what} {s:?} is not a number")));
    }
    s.parse()
        .map_err(|_| ProofError::decode(format!("{what} {s:?} is out of range")))
}

fn check_audience(a: &str) -> Result<()> {
    let ok = !a.is_empty()
        && a.len() <= MAX_FIELD_BYTES
        && a.bytes().all(|b| b.is_ascii_graphic())
        && a.split_once("://").is_some_and(|(scheme, host)| {
            !scheme.is_empty()
                && scheme.bytes().all(|b| {
                    b.is_ascii_lowercase()
                        || b.is_ascii_digit()
                        || b == b'-'
                        || b == b'+'
                        || b == b'.'
                })
                && !host.is_empty()
                && !host.contains('/')
        });
    if ok {
        Ok(())
    } else {
        Err(ProofError::decode(format!(
            "audience {a:?} is not an origin (scheme://host[:port], printable ASCII, at most {MAX_FIELD_BYTES} bytes)"
        )))
    }
}

/// Characters that change how the text looks without being visible (bidirectional overrides,
/// zero-width joiners, soft hyphens): a wallet's approval window must show what is signed.
fn is_invisible(c: char) -> bool {
    matches!(c as u32,
        0x00AD | 0x061C | 0x180E | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF | 0xFFF9..=0xFFFB)
}

fn check_purpose(p: &str) -> Result<()> {
    let ok = !p.is_empty()
        && p.len() <= MAX_FIELD_BYTES
        && p.trim() == p
        && !p.chars().any(|c| c.is_control() || is_invisible(c));
    if ok {
        Ok(())
    } else {
        Err(ProofError::decode(format!(
            "purpose {p:?}: 1 to {MAX_FIELD_BYTES} bytes of visible text, no surrounding spaces"
        )))
    }
}

fn check_nonce(n: &str) -> Result<()> {
    let ok = (MIN_NONCE_CHARS..=MAX_NONCE_CHARS).contains(&n.len())
        && n.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(ProofError::decode(format!(
            "nonce {n:?}: {MIN_NONCE_CHARS} to {MAX_NONCE_CHARS} characters of A-Z a-z 0-9 - _"
        )))
    }
}

#[cfg(test)]
mod tests;
