//! A customer's proof of owning tokens, made in her wallet: the `loyal-proof` presentation
//! (holder, claims, audience, purpose, the verifier's nonce, a five-minute validity) whose
//! canonical message the wallet signs with `hedera_signMessage`, returned in its text form.

use base64::Engine;
use loyal_core::id::TokenId;
use loyal_core::time::Timestamp;
use loyal_proof::{Presentation, SignedPresentation};
use prost::Message as _;

use crate::wallet::Wallet;
use crate::{Error, Result};

/// How long a proof made here stays valid.
pub const VALIDITY_SECS: i64 = 300;

impl From<loyal_proof::ProofError> for Error {
    fn from(e: loyal_proof::ProofError) -> Self {
        Error::new(e.code(), e.to_string())
    }
}

/// Signs, in the wallet, a proof that its account owns each NFT of `nfts`, for `audience`
/// and `purpose`, answering the verifier's `nonce`. Returns the `lp1.` text form.
pub async fn prove(
    wallet: &Wallet,
    nfts: &[(TokenId, u64)],
    audience: &str,
    purpose: &str,
    nonce: &str,
) -> Result<String> {
    prove_holding(wallet, nfts, &[], audience, purpose, nonce).await
}

/// As [`prove`], with fungible claims too (`(token, at least this many)`).
pub async fn prove_holding(
    wallet: &Wallet,
    nfts: &[(TokenId, u64)],
    fungibles: &[(TokenId, u64)],
    audience: &str,
    purpose: &str,
    nonce: &str,
) -> Result<String> {
    let now = (loyal_web::now_nanos() / 1_000_000_000) as i64;
    let mut presentation = Presentation::new(wallet.account.clone())
        .with_audience(audience)
        .with_purpose(purpose)
        .with_nonce(nonce)
        .with_issued_at(Timestamp {
            seconds: now,
            nanos: 0,
        })
        .with_expires_at(Timestamp {
            seconds: now + VALIDITY_SECS,
            nanos: 0,
        });
    for (token, serial) in nfts {
        presentation = presentation.with_nft(*token, *serial);
    }
    for (token, amount) in fungibles {
        presentation = presentation.with_fungible(*token, *amount);
    }
    presentation.validate()?;
    let message = presentation.message();
    let answer = wallet.sign_message(&message).await?;
    let map = answer["signatureMap"]
        .as_str()
        .and_then(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
        .and_then(|bytes| loyal_core::proto::SignatureMap::decode(bytes.as_slice()).ok())
        .ok_or_else(|| Error::new("WALLET_ERROR", "the wallet answered no signature map"))?;
    Ok(SignedPresentation::from_parts(&message, map)?.to_text())
}

/// The audience a gate at `origin` expects: the venue's own origin (an audience is an origin;
/// the purpose, [`GATE_PURPOSE`], tells a gate proof from any other this origin asks for).
pub fn gate_audience(origin: &str) -> String {
    origin.trim_end_matches('/').to_owned()
}

pub const GATE_PURPOSE: &str = "concert-entry";
