//! Verification, never trusting the prover. In order:
//!
//! 1. the policy (audience, purpose, validity window; each requirement has a claim of its
//!    kind): no network;
//! 2. the mirror has caught up to the presentation's issued-at (see [`Policy::max_mirror_lag`]);
//! 3. the holder's key as the mirror knows it signed the HIP-820 message (a key list: every
//!    key; a threshold key: its threshold; contract keys are refused);
//! 4. the nonce is consumed (so a signed proof for this verifier is accepted once);
//! 5. for every claim: the token is of the claimed kind; the NFT belongs to the holder now (or
//!    the balance is at least the amount); the NFT's metadata is an `ipfs://` URI whose
//!    content, fetched block by block against its CID, is HIP-412 JSON;
//! 6. each requirement is met by a distinct claim: its collection's treasury and supply key,
//!    and for an NFT its predicates on the metadata. Which claim meets which is a matching
//!    over these facts, so two requirements on one collection with different predicates are
//!    met whatever the claims' order.
//!
//! With several mirrors every fact read in 2, 3 and 5 must be the same on each.

use crate::error::{ProofError, Result};
use crate::facts::{self, agreed, disagree, hex_bytes, TokenFact};
use crate::holder_key::{holder_key, signers};
use crate::nonce::NonceStore;
use crate::policy::{matching, Policy};
use crate::presentation::{Claim, Presentation};
use crate::requirement::{Requirement, RequirementKind};
use crate::signed::SignedPresentation;
use base64::Engine;
use loyal_client::{Error as ClientError, IpfsClient, MirrorClient, Runtime, Transport};
use loyal_core::id::{AccountId, TokenId};
use loyal_core::key::PublicKey;
use serde_json::Value;

#[derive(Clone, Debug, PartialEq)]
pub struct Verified {
    pub holder: AccountId,
    /// The key the mirror gave for the holder, which signed the presentation (for a key list
    /// or threshold key, the first of `signers`).
    pub public_key: PublicKey,
    /// Every key of the holder's key that signed (one for a single key).
    pub signers: Vec<PublicKey>,
    /// In the presentation's canonical claim order.
    pub claims: Vec<VerifiedClaim>,
    /// For each of the policy's requirements, in order, the index in `claims` of the claim
    /// that met it (claims meet one requirement each).
    pub met_by: Vec<usize>,
    pub presentation: Presentation,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VerifiedClaim {
    pub token: TokenId,
    /// The NFT's serial; `None` for a fungible claim.
    pub serial: Option<u64>,
    /// 1 for an NFT; for a fungible claim the balance the holder has now.
    pub amount: u64,
    pub metadata_uri: Option<String>,
    /// The NFT's HIP-412 metadata (`null` for a fungible claim).
    pub metadata: Value,
}

pub async fn verify<T: Transport, R: Runtime, N: NonceStore + ?Sized>(
    signed: &SignedPresentation,
    policy: &Policy,
    nonces: &mut N,
    mirrors: &[MirrorClient<'_, T, R>],
    ipfs: &IpfsClient<'_, T>,
) -> Result<Verified> {
    let p = &signed.presentation;
    p.validate()?;
    if mirrors.is_empty() {
        return Err(ProofError::policy("no mirror to verify against"));
    }
    policy.check(p)?;
    let claims = p.sorted_claims();

    // issued-at is whole seconds: a transfer later in that second may precede the signing.
    let signed_by = p.issued_at.plus_nanos(1_000_000_000);
    // Zero trusts the mirror to be current (a local devnet without lag): no read, no wait.
    if !policy.max_mirror_lag.is_zero() {
        for m in mirrors {
            facts::caught_up(m, signed_by, policy.max_mirror_lag).await?;
        }
    }
    let key = holder_key(mirrors, &p.holder).await?;
    let signers = signers(signed, &key, &p.holder)?;
    if !nonces.consume(&p.nonce) {
        return Err(ProofError::Replayed {
            nonce: p.nonce.clone(),
        });
    }

    let mut verified = Vec::with_capacity(claims.len());
    let mut collections = Vec::with_capacity(claims.len());
    for claim in &claims {
        let (v, collection) = verify_claim(&p.holder, claim, mirrors, ipfs).await?;
        verified.push(v);
        collections.push(collection);
    }
    let met_by = meet(policy, &claims, &verified, &collections)?;
    Ok(Verified {
        holder: p.holder.clone(),
        public_key: signers[0],
        signers,
        claims: verified,
        met_by,
        presentation: p.clone(),
    })
}

/// Which claim meets which requirement, from the facts read: a requirement no claim can meet
/// is refused with what its first candidate lacks (`PROOF_PREDICATE`, `PROOF_WRONG_COLLECTION`),
/// or `PROOF_CLAIM_MISSING` when its candidates meet it but are all needed elsewhere.
fn meet(
    policy: &Policy,
    claims: &[Claim],
    verified: &[VerifiedClaim],
    collections: &[TokenFact],
) -> Result<Vec<usize>> {
    let mut verdicts: Vec<Vec<Option<Result<()>>>> = policy
        .requirements
        .iter()
        .map(|r| {
            (0..claims.len())
                .map(|c| {
                    r.admits(&claims[c])
                        .then(|| meets(r, &verified[c], &collections[c]))
                })
                .collect()
        })
        .collect();
    let fits: Vec<Vec<bool>> = verdicts
        .iter()
        .map(|row| row.iter().map(|v| matches!(v, Some(Ok(())))).collect())
        .collect();
    matching(policy.requirements.len(), claims.len(), |r, c| fits[r][c]).map_err(|r| {
        verdicts[r]
            .iter_mut()
            .find_map(|v| match v.take() {
                Some(Err(e)) => Some(e),
                _ => None,
            })
            .unwrap_or_else(|| ProofError::ClaimMissing {
                requirement: policy.requirements[r].to_string(),
            })
    })
}

/// Whether a verified claim meets `r`: its collection's treasury and supply key, and for an
/// NFT requirement the predicates on its metadata.
fn meets(r: &Requirement, claim: &VerifiedClaim, info: &TokenFact) -> Result<()> {
    let token = claim.token;
    let wrong = |field: &'static str, expected: String, got: String| ProofError::WrongCollection {
        token,
        field,
        expected,
        got,
    };
    if let Some(t) = &r.treasury {
        let got = info.treasury.clone().unwrap_or_else(|| "none".into());
        if got != t.to_string() {
            return Err(wrong("treasury", t.to_string(), got));
        }
    }
    if let Some(k) = &r.supply_key {
        let got = info.supply_key.as_ref().and_then(|(_, hex)| hex_bytes(hex));
        if got.as_deref() != Some(k.to_bytes_raw().as_slice()) {
            let shown = info
                .supply_key
                .clone()
                .map(|(_, hex)| hex)
                .unwrap_or_else(|| "none".into());
            return Err(wrong("supply_key", k.to_string_raw(), shown));
        }
    }
    if let (RequirementKind::Nft, Some(serial)) = (r.kind, claim.serial) {
        for predicate in &r.predicates {
            predicate
                .eval(&claim.metadata)
                .map_err(|got| ProofError::Predicate {
                    token,
                    serial,
                    predicate: predicate.to_string(),
                    got,
                })?;
        }
    }
    Ok(())
}

/// One claim against the ledger: its collection's kind, the holder's ownership now, and for an
/// NFT its metadata; with the collection's facts the requirements are checked against.
async fn verify_claim<T: Transport, R: Runtime>(
    holder: &AccountId,
    claim: &Claim,
    mirrors: &[MirrorClient<'_, T, R>],
    ipfs: &IpfsClient<'_, T>,
) -> Result<(VerifiedClaim, TokenFact)> {
    let token = claim.token();
    let info = agreed!(mirrors, format!("token {token}"), |m| facts::token(
        m, &token
    ))?;
    let wrong = |field: &'static str, expected: String, got: String| ProofError::WrongCollection {
        token,
        field,
        expected,
        got,
    };
    if !info.found {
        return Err(wrong("token", "a token".into(), "not found".into()));
    }
    let expected_kind = match claim {
        Claim::Nft { .. } => "NON_FUNGIBLE_UNIQUE",
        Claim::Fungible { .. } => "FUNGIBLE_COMMON",
    };
    if info.kind != expected_kind {
        return Err(wrong("type", expected_kind.into(), info.kind));
    }
    if info.deleted {
        return Err(wrong("deleted", "false".into(), "true".into()));
    }
    let verified = match *claim {
        Claim::Fungible { min_amount, .. } => {
            let amount = agreed!(
                mirrors,
                format!("the balance of {holder} in {token}"),
                |m| { facts::balance(m, holder, &token) }
            )?;
            if amount < min_amount {
                return Err(ProofError::NotOwner {
                    token,
                    serial: None,
                    expected: format!("at least {min_amount}"),
                    got: amount.to_string(),
                });
            }
            VerifiedClaim {
                token,
                serial: None,
                amount,
                metadata_uri: None,
                metadata: Value::Null,
            }
        }
        Claim::Nft { serial, .. } => {
            let nft = agreed!(mirrors, format!("NFT {token}/{serial}"), |m| facts::nft(
                m, &token, serial
            ))?;
            let owner = match (&nft.owner, nft.found && !nft.deleted) {
                (Some(o), true) => o.clone(),
                _ => "nobody (no such NFT)".into(),
            };
            if owner != holder.to_string() {
                return Err(ProofError::NotOwner {
                    token,
                    serial: Some(serial),
                    expected: holder.to_string(),
                    got: owner,
                });
            }
            let (uri, metadata) = nft_metadata(token, serial, &nft.metadata, ipfs).await?;
            VerifiedClaim {
                token,
                serial: Some(serial),
                amount: 1,
                metadata_uri: Some(uri),
                metadata,
            }
        }
    };
    Ok((verified, info))
}

/// The NFT's `ipfs://` metadata, every block checked against the CID, validated as HIP-412.
async fn nft_metadata<T: Transport>(
    token: TokenId,
    serial: u64,
    on_ledger_b64: &str,
    ipfs: &IpfsClient<'_, T>,
) -> Result<(String, Value)> {
    let fail = |uri: &str, reason: String| ProofError::Metadata {
        token,
        serial,
        uri: uri.to_owned(),
        reason,
    };
    let raw = base64::engine::general_purpose::STANDARD
        .decode(on_ledger_b64)
        .map_err(|_| fail(on_ledger_b64, "the mirror's metadata is not base64".into()))?;
    let uri = String::from_utf8(raw).map_err(|_| fail(on_ledger_b64, "not a UTF-8 URI".into()))?;
    if !uri.starts_with("ipfs://") {
        return Err(fail(
            &uri,
            "not an ipfs:// URI: nothing to check the content against".into(),
        ));
    }
    let bytes = ipfs.cat_path(&uri).await.map_err(|e| match e {
        ClientError::CidMismatch { .. }
        | ClientError::InvalidCid { .. }
        | ClientError::Decode { .. }
        | ClientError::Http { status: 404, .. } => fail(&uri, format!("{} ({e})", e.code())),
        other => ProofError::Network(other),
    })?;
    loyal_metadata::NftMetadata::from_json(&bytes)
        .map_err(|e| fail(&uri, format!("not HIP-412: {e}")))?;
    let json = serde_json::from_slice(&bytes).map_err(|e| fail(&uri, e.to_string()))?;
    Ok((uri, json))
}
