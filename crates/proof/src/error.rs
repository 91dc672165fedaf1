//! Every refusal names what failed; `code()` is the stable string the JS binding puts on its
//! `Error`s.

use loyal_core::id::{AccountId, TokenId};
use loyal_core::time::Timestamp;
use std::fmt;

pub type Result<T, E = ProofError> = std::result::Result<T, E>;

#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ProofError {
    /// Not the canonical encoding (text form, message or signature map).
    Decode { reason: String },
    /// A format version this library does not know.
    Version { got: String },
    /// No signature by the account's key (as the mirror knows it) over the HIP-820 message.
    BadSignature { holder: AccountId, reason: String },
    /// The holder does not own the NFT now, or holds less than the amount claimed.
    NotOwner {
        token: TokenId,
        serial: Option<u64>,
        expected: String,
        got: String,
    },
    /// The presentation was made for another verifier (`field` is `audience` or `purpose`).
    WrongAudience {
        field: &'static str,
        expected: String,
        got: String,
    },
    Expired {
        expires_at: Timestamp,
        now: Timestamp,
    },
    /// Issued later than the verifier's clock allows (beyond the skew).
    NotYetValid {
        issued_at: Timestamp,
        now: Timestamp,
    },
    /// The nonce was not issued by this verifier, has expired, or was used already.
    Replayed { nonce: String },
    /// A predicate of a requirement is false for the NFT's metadata.
    Predicate {
        token: TokenId,
        serial: u64,
        predicate: String,
        got: Option<serde_json::Value>,
    },
    /// The token is not the collection the requirement expects (`field`: type, treasury,
    /// supply_key, deleted).
    WrongCollection {
        token: TokenId,
        field: &'static str,
        expected: String,
        got: String,
    },
    /// The NFT's metadata could not be fetched by its CID, does not match it, or is not HIP-412.
    Metadata {
        token: TokenId,
        serial: u64,
        uri: String,
        reason: String,
    },
    /// No claim of the presentation meets this requirement.
    ClaimMissing { requirement: String },
    /// The account's key is one no message signature can satisfy here (a contract key, a key
    /// type this library does not know, no key, or a list of more than 64 keys).
    UnsupportedKey { holder: AccountId, key_type: String },
    /// Two mirrors disagree about a fact the verification uses.
    MirrorDisagree {
        fact: String,
        mirror: usize,
        expected: String,
        got: String,
    },
    /// A requirement, predicate or policy that does not parse or cannot be evaluated.
    Policy { reason: String },
    /// The mirror or IPFS could not be read.
    Network(loyal_client::Error),
}

impl ProofError {
    pub fn code(&self) -> &'static str {
        match self {
            ProofError::Decode { .. } => "PROOF_DECODE",
            ProofError::Version { .. } => "PROOF_VERSION",
            ProofError::BadSignature { .. } => "PROOF_BAD_SIGNATURE",
            ProofError::NotOwner { .. } => "PROOF_NOT_OWNER",
            ProofError::WrongAudience { .. } => "PROOF_WRONG_AUDIENCE",
            ProofError::Expired { .. } => "PROOF_EXPIRED",
            ProofError::NotYetValid { .. } => "PROOF_NOT_YET_VALID",
            ProofError::Replayed { .. } => "PROOF_REPLAYED",
            ProofError::Predicate { .. } => "PROOF_PREDICATE",
            ProofError::WrongCollection { .. } => "PROOF_WRONG_COLLECTION",
            ProofError::Metadata { .. } => "PROOF_METADATA",
            ProofError::ClaimMissing { .. } => "PROOF_CLAIM_MISSING",
            ProofError::UnsupportedKey { .. } => "PROOF_UNSUPPORTED_KEY",
            ProofError::MirrorDisagree { .. } => "PROOF_MIRROR_DISAGREE",
            ProofError::Policy { .. } => "PROOF_POLICY",
            ProofError::Network(_) => "PROOF_NETWORK",
        }
    }

    pub(crate) fn decode(reason: impl Into<String>) -> Self {
        ProofError::Decode {
            reason: reason.into(),
        }
    }

    pub(crate) fn policy(reason: impl Into<String>) -> Self {
        ProofError::Policy {
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ProofError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProofError::Decode { reason } => write!(f, "not a canonical proof: {reason}"),
            ProofError::Version { got } => write!(f, "unknown proof version {got:?}"),
            ProofError::BadSignature { holder, reason } => {
                write!(f, "the proof is not signed by {holder}'s key: {reason}")
            }
            ProofError::NotOwner {
                token,
                serial,
                expected,
                got,
            } => match serial {
                Some(s) => write!(f, "NFT {token}/{s} belongs to {got}, not {expected}"),
                None => write!(f, "{token}: balance {got}, the proof claims {expected}"),
            },
            ProofError::WrongAudience {
                field,
                expected,
                got,
            } => write!(
                f,
                "the proof's {field} is {got:?}, this verifier is {expected:?}"
            ),
            ProofError::Expired { expires_at, now } => {
                write!(f, "the proof expired at {expires_at} (now {now})")
            }
            ProofError::NotYetValid { issued_at, now } => {
                write!(
                    f,
                    "the proof is issued at {issued_at}, in the future (now {now})"
                )
            }
            ProofError::Replayed { nonce } => {
                write!(
                    f,
                    "nonce {nonce:?} was not issued here, has expired or was used"
                )
            }
            ProofError::Predicate {
                token,
                serial,
                predicate,
                got,
            } => match got {
                Some(v) => write!(f, "{token}/{serial}: `{predicate}` is false (value {v})"),
                None => write!(f, "{token}/{serial}: `{predicate}`: no such attribute"),
            },
            ProofError::WrongCollection {
                token,
                field,
                expected,
                got,
            } => write!(
                f,
                "{token} is not the expected collection: {field} is {got}, expected {expected}"
            ),
            ProofError::Metadata {
                token,
                serial,
                uri,
                reason,
            } => write!(f, "{token}/{serial} metadata {uri:?}: {reason}"),
            ProofError::ClaimMissing { requirement } => {
                write!(f, "no claim meets the requirement {requirement}")
            }
            ProofError::UnsupportedKey { holder, key_type } => write!(
                f,
                "{holder} has a {key_type} key: proofs are signed by ED25519 or ECDSA keys (alone, in key lists or threshold keys)"
            ),
            ProofError::MirrorDisagree {
                fact,
                mirror,
                expected,
                got,
            } => write!(
                f,
                "mirror {mirror} says {fact} is {got}, mirror 0 says {expected}"
            ),
            ProofError::Policy { reason } => write!(f, "invalid policy: {reason}"),
            ProofError::Network(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ProofError {}

impl From<loyal_client::Error> for ProofError {
    fn from(e: loyal_client::Error) -> Self {
        ProofError::Network(e)
    }
}
