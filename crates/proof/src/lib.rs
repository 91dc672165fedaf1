//! Token-ownership proofs.
//!
//! A holder presents tokens she owns to a verifier: a [`Presentation`] (holder, claims,
//! audience, purpose, the verifier's nonce, issued-at, expiry) whose canonical text
//! ([`Presentation::message`], format `loyal-proof/1`, documented in [`presentation`]) is
//! signed as a HIP-820 message, so any HIP-820 wallet can sign it and its approval window shows
//! exactly what is signed. [`SignedPresentation::to_text`] is a compact base64url form for QR
//! codes and links.
//!
//! The verifier ([`verify`]) trusts nothing the prover says beyond the claims themselves: the
//! account's key, the ownership of every claimed token, the collection (type, treasury, supply
//! key) and the NFT's HIP-412 metadata are read from the mirror and IPFS (every block checked
//! against its CID), optionally from several mirrors that must agree; the nonce is accepted
//! once. Every refusal is a [`ProofError`] with a stable `code()`.
//!
//! ED25519 signatures are checked by [`ed25519`]: the same decision as ed25519-dalek's
//! `verify_strict` (RFC 8032 with canonical `s` and `R`, small-order keys and `R` refused, the
//! cofactorless equation), proven in that module and tested against it; in wasm in about two
//! thirds of its time (half the doublings). With the `key-cache` feature (as `@loyal/hedera` is
//! built), verification keeps an [`ed25519::PreparedKey`] per key ([`key_cache`]; a verifier
//! caching more of the mirror's answers can hold its own and call
//! [`SignedPresentation::verify_signature_prepared`]): from a key's second verification on, wasm
//! checks it by the key's comb, in about a third of `verify_strict`'s time (15 KB a key, at most
//! [`ed25519::MAX_COMBS`] keys' combs alive).
//! There is no batch verification: a batch's random linear combination cannot see a torsion
//! component of `R` that a key holder put there on purpose (they cancel with probability ≥ 1/8),
//! so it would accept proofs `verify_strict` refuses unless each `R` is checked to be in the
//! prime-order subgroup, which costs about as much as verifying it.

#[cfg(all(target_arch = "wasm32", feature = "bench-kernel"))]
mod bench_kernel;
pub mod ed25519;
mod error;
mod facts;
mod holder_key;
pub mod key_cache;
mod nonce;
mod policy;
mod predicate;
pub mod presentation;
mod requirement;
mod signed;
pub mod timefmt;
mod verify;

pub use error::{ProofError, Result};
pub use nonce::{MemoryNonceStore, NonceStore};
pub use policy::Policy;
pub use predicate::{Op, Predicate};
pub use presentation::{Claim, Presentation};
pub use requirement::{Requirement, RequirementKind};
pub use signed::SignedPresentation;
pub use verify::{verify, Verified, VerifiedClaim};
