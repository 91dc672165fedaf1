//! ED25519 signature verification for verifiers: accepts exactly what ed25519-dalek's
//! `verify_strict` accepts. In wasm32 a key's first verification takes about two thirds of
//! `verify_strict`'s time (half the doublings) and, once the key has a comb (built at its
//! second verification), later ones about a third (a sixteenth of the doublings, no decoding
//! of R); natively `verify_strict`'s own way, less the decompression of R.
//!
//! `verify_strict(A, M, (R, s))` does, in order:
//! 1. refuse `s >= l` (malleability);
//! 2. decompress `R` (refuse bytes that are no curve point);
//! 3. refuse `R` or `A` of small order (in `E[8]`);
//! 4. accept iff `compress(R') == R` with `R' = [s]B - [k]A`, `k = SHA-512(R || A || M) mod l`.
//!
//! [`PreparedKey::verify`] does 1, refuses `A` of small order and `R` among [`SMALL_ORDER`]
//! (the canonical encodings of the eight points of `E[8]`), then decides by one of three
//! checks, each exactly step 4 given the others:
//!
//! - The plain path (native): step 4 as `verify_strict` does it.
//! - The comb (wasm32, a key's second verification on): step 4 itself. `R' = [s]B - [k]A` is
//!   summed from the width-w NAF digits of the integers s and k (below 2^253): the digit at
//!   bit j is taken from the table of `[2^(16·(j / 16))]P` at position `j % 16`, so 16
//!   doublings are shared by all sixteen parts and the sum is exactly the integer multiple
//!   (torsion included: nothing is reduced modulo an order; see `comb`). A's tables are built
//!   from the point ed25519-dalek decodes A's bytes to (re-encoded canonically), k hashes A's
//!   bytes as given, as `verify_strict` does. Then `compress(R') == R` is decided as
//!   compression would: R's y must be canonical and equal `Y/Z` (tested as `Y = y·Z`, z never
//!   being 0 in complete formulas), and the sign bit must be that of the canonical `X/Z`
//!   (`1/Z` by `inverse`'s divsteps, checked by one multiplication before it is used).
//! - The shorter check (wasm32, a key's first verification): decodes `R` refusing anything
//!   but a canonical encoding (compression's exact inverse, `point::Ext::decompress`), and
//!   accepts iff `[v]D = O` for `D = R' - R`, computed as `[v·s mod l]B - [u]A - [v]R` with
//!   `u ≡ v·k (mod 8l)`, `v` odd, `|u|` and `v` near 2^128 (`scalars::short`, Pornin 2020).
//!   - `[v·s mod l]B = [v·s]B` because B has order l; `[u]A = [v·k]A` for any curve point A,
//!     because 8l (the group's exponent) divides `u - v·k`. So the sum is `[v]D`.
//!   - `[v]D = O` iff `D = O`: write `D = P + T` with P of order l or 1 and T in `E[8]`;
//!     `[v]P = O` iff `P = O` since `0 < v < l`, and `[v]T = O` iff `T = O` since v is odd.
//!   - With `R` canonical, `D = O` iff `R' = R` iff `compress(R') == R`; a non-canonical `R`
//!     is refused by both (a compression is canonical).
//!
//!   Where a key's encoding is not canonical, or no short pair is found (k = l - 1, say), it
//!   falls back to the plain path.
//!
//! Steps 2 and 3 for `R`: a compression is always a curve point's canonical encoding, so
//! step 4 refuses whatever step 2 refuses, and bytes equal to `compress(R')` name a small-order
//! point iff they are in the table, which holds every small-order point's canonical encoding;
//! a non-canonical encoding of a small-order point, refused by step 3, is refused by step 4 too.
//!
//! A key's comb ([`COMB_BYTES`], 15 KB) is built at its second verification (about 240 µs in
//! wasm, what four or five verifications by the comb save over the shorter check; a key
//! verified once never pays for it) and shared by the
//! `PreparedKey`'s clones; at most [`MAX_COMBS`] are alive in the process (counted in
//! `COMBS_ALIVE`, released when the last clone drops): beyond, keys go on with the shorter
//! check. B's comb (123 KB) is made once. [`verify_message`] prepares a key for one
//! verification: never a comb, and a binary verifying only through it (`loyal_proof::verify`,
//! the portals) does not link the comb's code.
//!
//! `tests::agrees_with_verify_strict` and `refuses_non_canonical_r_and_s` check every path
//! against ed25519-dalek on the same cases — every small-order and mixed-order `A` and `R`,
//! bit flips, `s + l`, non-canonical `R` and `A` encodings — and `tests/properties.rs` on
//! random keys, messages and edits.

mod comb;
mod field;
mod inverse;
mod point;
mod scalars;

use comb::Comb;
use curve25519_dalek::constants::ED25519_BASEPOINT_POINT as B;
use curve25519_dalek::edwards::EdwardsPoint;
use curve25519_dalek::scalar::Scalar;
use ed25519_dalek::VerifyingKey;
use loyal_core::key::PublicKey;
use loyal_core::proto::{signature_pair::Signature as Sig, SignatureMap};
use point::{naf_sum, odd_multiples, Cached, Ext};
use sha2::{Digest, Sha512};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

/// HIP-820: whether `sig_map` holds a valid signature of `message` by `key` — the same
/// decision and errors as `loyal_core::message::verify_message`, with ED25519 checked by
/// [`PreparedKey`].
pub fn verify_message(
    key: &PublicKey,
    message: &str,
    sig_map: &SignatureMap,
) -> loyal_core::Result<()> {
    match key {
        PublicKey::Ed25519(ed) => {
            // A key prepared for one verification never gets a comb: a binary verifying only
            // this way (the portals) does not even link the comb's code.
            let key = PreparedKey::new(ed);
            key.verify_pairs(message, sig_map, |m, sig| {
                key.check(m, sig, SHORT_CHECK, None)
            })
        }
        _ => loyal_core::message::verify_message(key, message, sig_map),
    }
}

/// The canonical encodings of the eight points of order dividing 8: the identity (y = 1),
/// the point of order 2 (y = -1), the two of order 4 (y = 0) and the four of order 8.
pub const SMALL_ORDER: [[u8; 32]; 8] = [
    hex32("0100000000000000000000000000000000000000000000000000000000000000"),
    hex32("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
    hex32("0000000000000000000000000000000000000000000000000000000000000000"),
    hex32("0000000000000000000000000000000000000000000000000000000000000080"),
    hex32("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
    hex32("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"),
    hex32("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
    hex32("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"),
];

const fn hex32(s: &str) -> [u8; 32] {
    let b = s.as_bytes();
    let mut out = [0u8; 32];
    let mut i = 0;
    while i < 32 {
        out[i] = (nibble(b[2 * i]) << 4) | nibble(b[2 * i + 1]);
        i += 1;
    }
    out
}

const fn nibble(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        _ => panic!("not lowercase hex"),
    }
}

/// A holder's ED25519 key ready for verification, computed once per key (a verifier that
/// caches the mirror's answers caches this): its encoding, whether it is of small order,
/// its odd multiples for the shorter check, `-A` for the plain path, and from its second
/// verification on (wasm32) its comb (`comb::Comb`, [`COMB_BYTES`]; at most [`MAX_COMBS`]
/// alive in the process, shared by a key's clones).
#[derive(Debug)]
pub struct PreparedKey {
    compressed: [u8; 32],
    minus_a: EdwardsPoint,
    small_order: bool,
    multiples: Option<[Cached; 16]>,
    /// Set by the first verification: the second builds the comb.
    used: AtomicBool,
    comb: OnceLock<Arc<KeyComb>>,
}

impl Clone for PreparedKey {
    fn clone(&self) -> Self {
        PreparedKey {
            multiples: self.multiples,
            used: AtomicBool::new(self.used.load(Ordering::Relaxed)),
            comb: self.comb.clone(),
            ..*self
        }
    }
}

/// Keys' combs alive at most in a process: [`MAX_COMBS`] × [`COMB_BYTES`] (15 KB each) of
/// memory. Keys prepared beyond it verify by the shorter check, as on their first use.
pub const MAX_COMBS: usize = 512;
/// A key's comb in bytes: 16 rows of 8 odd multiples, three field elements each.
pub const COMB_BYTES: usize =
    (comb::PARTS << (comb::KEY_WIDTH - 2)) * 3 * core::mem::size_of::<field::Fe>();
static COMBS_ALIVE: AtomicUsize = AtomicUsize::new(0);

/// A key's comb, counted in [`COMBS_ALIVE`] while it lives.
#[derive(Debug)]
struct KeyComb(Comb);

impl Drop for KeyComb {
    fn drop(&mut self) {
        COMBS_ALIVE.fetch_sub(1, Ordering::Relaxed);
    }
}

impl KeyComb {
    /// A's comb if fewer than [`MAX_COMBS`] are alive (A's canonical encoding: a key's bytes
    /// may encode y + p, and A is the point they decode to, as for ed25519-dalek).
    fn new(minus_a: &EdwardsPoint) -> Option<KeyComb> {
        let a = Ext::decompress(&(-minus_a).compress().0)?;
        if COMBS_ALIVE.fetch_add(1, Ordering::Relaxed) >= MAX_COMBS {
            COMBS_ALIVE.fetch_sub(1, Ordering::Relaxed);
            return None;
        }
        Some(KeyComb(Comb::new(&a, comb::KEY_WIDTH)))
    }
}

impl PreparedKey {
    pub fn new(key: &VerifyingKey) -> Self {
        let compressed = *key.as_bytes();
        PreparedKey {
            compressed,
            minus_a: -key.to_edwards(),
            small_order: key.is_weak(),
            multiples: SHORT_CHECK
                .then(|| Ext::decompress(&compressed).map(|a| odd_multiples(&a)))
                .flatten(),
            used: AtomicBool::new(false),
            comb: OnceLock::new(),
        }
    }

    /// The comb, built on the second call (a key verified once never pays for it).
    fn comb(&self) -> Option<&Comb> {
        if let Some(c) = self.comb.get() {
            return Some(&c.0);
        }
        if !self.used.swap(true, Ordering::Relaxed) || self.small_order {
            return None;
        }
        let built = KeyComb::new(&self.minus_a)?;
        Some(&self.comb.get_or_init(|| Arc::new(built)).0)
    }

    /// As [`verify_message`], for a key prepared once (a verifier caching the mirror's answers
    /// per account).
    pub fn verify_message(&self, message: &str, sig_map: &SignatureMap) -> loyal_core::Result<()> {
        self.verify_pairs(message, sig_map, |m, sig| self.verify(m, sig))
    }

    /// HIP-820 over the signature map, each of this key's signatures checked by `verify`.
    fn verify_pairs(
        &self,
        message: &str,
        sig_map: &SignatureMap,
        verify: impl Fn(&[u8], &[u8]) -> bool,
    ) -> loyal_core::Result<()> {
        let signed = loyal_core::message::prefixed_message(message);
        let mut found = false;
        // A pair's prefix selects the key when the key's raw bytes start with it.
        for pair in sig_map
            .sig_pair
            .iter()
            .filter(|p| self.compressed.starts_with(p.pub_key_prefix()))
        {
            found = true;
            // As the core: the bytes are tried whichever field of the pair carries them.
            if let Some(Sig::Ed25519(sig) | Sig::EcdsaSecp256k1(sig)) = &pair.signature {
                if verify(&signed, sig) {
                    return Ok(());
                }
            }
        }
        Err(loyal_core::Error::InvalidSignature {
            reason: if found {
                "the signature for this key does not verify".into()
            } else {
                "the signature map has no signature for this key".into()
            },
        })
    }

    /// Whether `signature` (64 bytes, R || s) is `key`'s over `message`, exactly as
    /// `verify_strict` decides.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        let comb = if COMB_CHECK { self.comb() } else { None };
        self.check(message, signature, SHORT_CHECK, comb)
    }

    /// [`verify`](Self::verify) by the comb on any target (as wasm32 does from a key's second
    /// use), so native tests cover it; the comb built here if `verify` did not.
    #[doc(hidden)]
    pub fn verify_comb_check(&self, message: &[u8], signature: &[u8]) -> bool {
        self.used.store(true, Ordering::Relaxed);
        if self.small_order {
            return self.check(message, signature, false, None);
        }
        match self.comb() {
            Some(comb) => self.check(message, signature, false, Some(comb)),
            None => {
                let a = Ext::decompress(&(-self.minus_a).compress().0);
                let comb = a.map(|a| Comb::new(&a, comb::KEY_WIDTH));
                self.check(message, signature, false, comb.as_ref())
            }
        }
    }

    /// [`verify`](Self::verify) with the shorter check on any target (as wasm32 does), so
    /// native tests cover it; `multiples` made here if `new` did not.
    #[doc(hidden)]
    pub fn verify_short_check(&self, message: &[u8], signature: &[u8]) -> bool {
        let mut key = self.clone();
        if key.multiples.is_none() {
            key.multiples = Ext::decompress(&key.compressed).map(|a| odd_multiples(&a));
        }
        key.check(message, signature, true, None)
    }

    fn check(
        &self,
        message: &[u8],
        signature: &[u8],
        short_check: bool,
        comb: Option<&Comb>,
    ) -> bool {
        let (Some(r), Some(s)) = (
            signature.first_chunk::<32>(),
            signature
                .get(32..)
                .and_then(|s| <&[u8; 32]>::try_from(s).ok()),
        ) else {
            return false;
        };
        let Some(s) = Option::<Scalar>::from(Scalar::from_canonical_bytes(*s)) else {
            return false;
        };
        if self.small_order || SMALL_ORDER.contains(r) {
            return false;
        }
        let k = Scalar::from_hash(
            Sha512::new()
                .chain_update(r)
                .chain_update(self.compressed)
                .chain_update(message),
        );
        if let Some(a) = comb {
            // Step 4 itself: compress([s]B - [k]A) == R.
            return comb::s_b_minus_k_a(k.as_bytes(), a, s.as_bytes(), base_comb())
                .compresses_to(r);
        }
        let short = short_check
            .then(|| scalars::short(k.as_bytes()).filter(|short| short.holds(&k)))
            .flatten();
        let (Some(multiples), Some(short)) = (&self.multiples, short) else {
            #[cfg(test)]
            tests::PLAIN.with(|n| n.set(n.get() + short_check as usize));
            return EdwardsPoint::vartime_double_scalar_mul_basepoint(&k, &self.minus_a, &s)
                .compress()
                .as_bytes()
                == r;
        };
        let Some(big_r) = Ext::decompress(r) else {
            return false;
        };
        let w = (Scalar::from(short.v) * s).to_bytes();
        let half = |b: &[u8]| scalars::limbs(u128::from_le_bytes(b.try_into().unwrap_or_default()));
        // -[u]A - [v]R: the digits of |u| and v, negated as the signs ask.
        // Width 6 for A (its 16 multiples are made once per key), 4 for R (made per proof: 4
        // multiples and a few more additions cost least).
        let minus_u = scalars::naf(&short.u_abs, 6).map(|d| if short.u_neg { d } else { -d });
        let minus_v = scalars::naf(&scalars::limbs(short.v), 4).map(|d| -d);
        let (w_low, w_high) = (
            scalars::naf(&half(&w[..16]), 8),
            scalars::naf(&half(&w[16..]), 8),
        );
        let r_multiples = odd_multiples::<4>(&big_r);
        let [b_low, b_high] = base_tables();
        naf_sum(&[
            (&minus_u, multiples),
            (&minus_v, &r_multiples),
            (&w_low, b_low),
            (&w_high, b_high),
        ])
        .is_identity()
    }
}

/// The shorter check on wasm32, where field arithmetic is 32-bit here and in ed25519-dalek
/// alike; natively ed25519-dalek's 64-bit (or AVX2) arithmetic is faster than it (measured:
/// ~100-150 µs against ~160-300 µs), so the plain path is used there.
const SHORT_CHECK: bool = cfg!(target_arch = "wasm32");

/// The comb check on wasm32 (measured in `cargo xtask bench proofs`).
const COMB_CHECK: bool = cfg!(target_arch = "wasm32");

/// B's comb, for width-8 digits: made once (123 KB).
fn base_comb() -> &'static Comb {
    static COMB: OnceLock<Comb> = OnceLock::new();
    COMB.get_or_init(|| {
        let b = Ext::decompress(&B.compress().0).expect("B decodes");
        Comb::new(&b, comb::BASE_WIDTH)
    })
}

/// Odd multiples (1 to 127) of B and of [2^128]B with z = 1, for width-8 digits: made once.
fn base_tables() -> &'static [[Cached; 64]; 2] {
    static TABLES: OnceLock<Box<[[Cached; 64]; 2]>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut high = [0u8; 32];
        high[16] = 1;
        let bases = [B, B * Scalar::from_bytes_mod_order(high)];
        Box::new(bases.map(|base| {
            let twice = base + base;
            let mut p = base;
            core::array::from_fn(|_| {
                let this = Ext::decompress(&p.compress().0).and_then(|e| e.cached_affine());
                p += twice;
                this.expect("a curve point's compression decodes, with z = 1")
            })
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use curve25519_dalek::constants::ED25519_BASEPOINT_POINT as B;
    use curve25519_dalek::edwards::CompressedEdwardsY;
    use ed25519_dalek::{Signature, Signer, SigningKey};

    /// `[l]P`: the torsion part of `P` times `l mod 8`, so every point of E[8] for some P.
    fn times_l(p: EdwardsPoint) -> EdwardsPoint {
        // l = 2^252 + (l - 2^252); Scalar arithmetic is mod l, so multiply in two halves.
        let two_252 = {
            let mut q = p;
            for _ in 0..252 {
                q = q + q;
            }
            q
        };
        let mut low = [0u8; 32];
        low[..16].copy_from_slice(&0x14def9dea2f79cd65812631a5cf5d3edu128.to_le_bytes());
        two_252 + p * Scalar::from_bytes_mod_order(low)
    }

    /// The eight points of E[8], found from scratch: an order-8 point's multiples.
    fn torsion() -> Vec<EdwardsPoint> {
        for seed in 1u8.. {
            let Some(p) = CompressedEdwardsY([seed; 32]).decompress() else {
                continue;
            };
            let t = times_l(p);
            let multiples: Vec<EdwardsPoint> = (0..8u64).map(|i| t * Scalar::from(i)).collect();
            let mut enc: Vec<[u8; 32]> = multiples.iter().map(|m| m.compress().0).collect();
            enc.sort();
            enc.dedup();
            if enc.len() == 8 {
                return multiples;
            }
        }
        unreachable!()
    }

    #[test]
    fn the_table_is_exactly_the_small_order_points() {
        let mut found: Vec<[u8; 32]> = torsion().iter().map(|t| t.compress().0).collect();
        found.sort();
        let mut table = SMALL_ORDER.to_vec();
        table.sort();
        assert_eq!(found, table);
        for e in SMALL_ORDER {
            let p = CompressedEdwardsY(e).decompress().unwrap();
            assert!(p.is_small_order() && p.compress().0 == e);
        }
    }

    thread_local! {
        /// How many shorter checks fell back to the plain path.
        pub static PLAIN: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    fn strict(key: &VerifyingKey, m: &[u8], sig: &[u8; 64]) -> bool {
        key.verify_strict(m, &Signature::from_bytes(sig)).is_ok()
    }

    /// Every path, which must agree: the plain one, the shorter check (a key's first use in
    /// wasm32), the comb (its next ones), and `verify` (this target's choice).
    fn mine(key: &PreparedKey, m: &[u8], sig: &[u8; 64]) -> bool {
        let plain = key.check(m, sig, false, None);
        assert_eq!(
            plain,
            key.verify_short_check(m, sig),
            "the shorter check disagrees"
        );
        assert_eq!(plain, key.verify_comb_check(m, sig), "the comb disagrees");
        assert_eq!(plain, key.verify(m, sig), "verify disagrees");
        plain
    }

    #[test]
    fn the_comb_is_built_on_the_second_use_within_the_bound() {
        let sk = SigningKey::from_bytes(&[3; 32]);
        let sig = sk.sign(b"m").to_bytes();
        let key = PreparedKey::new(&sk.verifying_key());
        assert!(key.comb().is_none());
        assert!(key.comb().is_some() && key.clone().comb.get().is_some());
        assert!(key.verify_comb_check(b"m", &sig));
        // With MAX_COMBS alive, no more are built: the shorter check goes on (tests running
        // meanwhile build their combs unregistered).
        COMBS_ALIVE.fetch_add(MAX_COMBS, Ordering::Relaxed);
        let other = PreparedKey::new(&sk.verifying_key());
        for _ in 0..3 {
            assert!(other.comb().is_none());
        }
        COMBS_ALIVE.fetch_sub(MAX_COMBS, Ordering::Relaxed);
        assert!(other.comb().is_some());
        assert_eq!(
            COMB_BYTES,
            Comb::new(
                &Ext::decompress(&sk.verifying_key().to_bytes()).unwrap(),
                comb::KEY_WIDTH
            )
            .bytes()
        );
    }

    /// A signature by the discrete log `a` of A's prime part, with nonce point `[r]B + t`: what
    /// a key holder can make on purpose, torsion included.
    fn crafted(a: Scalar, a_bytes: &[u8; 32], r: Scalar, t: EdwardsPoint, m: &[u8]) -> [u8; 64] {
        let big_r = (B * r + t).compress().0;
        let k = Scalar::from_hash(
            Sha512::new()
                .chain_update(big_r)
                .chain_update(a_bytes)
                .chain_update(m),
        );
        let mut sig = [0u8; 64];
        sig[..32].copy_from_slice(&big_r);
        sig[32..].copy_from_slice((r + k * a).as_bytes());
        sig
    }

    #[test]
    fn agrees_with_verify_strict() {
        let m = b"\x19Hedera Signed Message:\n5hello";
        let torsion = torsion();
        let mut accepted = 0;
        let mut cases = 0;
        // Honest keys and signatures, and every bit of them flipped (debug-build curve
        // arithmetic is slow: two keys).
        for seed in 0..2u8 {
            let sk = SigningKey::from_bytes(&[seed; 32]);
            let vk = sk.verifying_key();
            let sig = sk.sign(m).to_bytes();
            let key = PreparedKey::new(&vk);
            let plain = PLAIN.with(|n| n.get());
            assert!(strict(&vk, m, &sig) && mine(&key, m, &sig));
            assert_eq!(PLAIN.with(|n| n.get()), plain, "the short check was used");
            for bit in (seed as usize..512).step_by(2) {
                let mut bad = sig;
                bad[bit / 8] ^= 1 << (bit % 8);
                assert_eq!(strict(&vk, m, &bad), mine(&key, m, &bad), "bit {bit}");
                cases += 1;
            }
        }
        // Keys and nonces with every torsion component (small-order and mixed-order A and R),
        // and R replaced by every small-order encoding.
        let a = Scalar::from(0x1234_5678_9abc_u64);
        let plain = PLAIN.with(|n| n.get());
        for (i, ta) in torsion.iter().enumerate() {
            let a_point = B * a + ta;
            let a_bytes = a_point.compress().0;
            let Ok(vk) = VerifyingKey::from_bytes(&a_bytes) else {
                panic!("every curve point is a key to ed25519-dalek")
            };
            let small_key = VerifyingKey::from_bytes(&ta.compress().0).unwrap();
            let (key, small) = (PreparedKey::new(&vk), PreparedKey::new(&small_key));
            for (j, tr) in torsion.iter().enumerate() {
                for nonce in 1..2u64 {
                    let r = Scalar::from(nonce * 7919 + (i * 8 + j) as u64);
                    let sig = crafted(a, &a_bytes, r, *tr, m);
                    let (s, n) = (strict(&vk, m, &sig), mine(&key, m, &sig));
                    assert_eq!(s, n, "A torsion {i}, R torsion {j}");
                    accepted += s as u32;
                    let mut small_r = sig;
                    small_r[..32].copy_from_slice(&tr.compress().0);
                    assert_eq!(strict(&vk, m, &small_r), mine(&key, m, &small_r));
                    assert!(!mine(&small, m, &sig) && !strict(&small_key, m, &sig));
                    cases += 3;
                }
            }
        }
        // Some crafted mixed-order signatures verify strictly; the rest must be refused by both,
        // by the short check (not the plain path) nearly every time.
        assert!(accepted > 0 && accepted < cases, "{accepted} of {cases}");
        assert!(
            PLAIN.with(|n| n.get()) - plain < 8,
            "the short check was used"
        );
    }

    #[test]
    fn refuses_non_canonical_r_and_s() {
        let m = b"m";
        let sk = SigningKey::from_bytes(&[9; 32]);
        let vk = sk.verifying_key();
        let sig = sk.sign(m).to_bytes();
        let key = PreparedKey::new(&vk);
        // s + l: the same equation, refused for malleability.
        let l = Scalar::ZERO - Scalar::ONE;
        let mut plus_l = sig;
        let mut carry = 0u16;
        let lp1 = {
            let mut b = l.to_bytes();
            b[0] += 1; // l = (l - 1) + 1, no carry: l - 1 ends in 0xec
            b
        };
        for i in 0..32 {
            let v = plus_l[32 + i] as u16 + lp1[i] as u16 + carry;
            plus_l[32 + i] = v as u8;
            carry = v >> 8;
        }
        assert!(!strict(&vk, m, &plus_l) && !mine(&key, m, &plus_l));
        // R with y + p (non-canonical), and the x = 0 points with the sign bit set.
        for y in [1u8, 0, 2] {
            let mut r = [0xffu8; 32];
            r[0] = 0xed + y; // p + y for y < 19
            r[31] = 0x7f;
            let mut bad = sig;
            bad[..32].copy_from_slice(&r);
            assert_eq!(strict(&vk, m, &bad), mine(&key, m, &bad));
            assert!(!mine(&key, m, &bad));
        }
        for mut e in [SMALL_ORDER[0], SMALL_ORDER[1]] {
            e[31] |= 0x80;
            let mut bad = sig;
            bad[..32].copy_from_slice(&e);
            assert!(!strict(&vk, m, &bad) && !mine(&key, m, &bad));
        }
        for bad in [&sig[..63], &[&sig[..], &[0]].concat()] {
            assert!(!key.verify(m, bad) && !key.verify_short_check(m, bad));
            assert!(!key.verify_comb_check(m, bad));
        }
        // Keys encoding y + p (ed25519-dalek takes them, hashing the bytes as given): nobody
        // can sign for them, and every path refuses as verify_strict does.
        for y in 2u8..19 {
            let mut a = [0xffu8; 32];
            a[0] = 0xed + y;
            a[31] = 0x7f;
            let Ok(vk) = VerifyingKey::from_bytes(&a) else {
                continue;
            };
            let key = PreparedKey::new(&vk);
            assert!(!strict(&vk, m, &sig) && !mine(&key, m, &sig), "y = {y}");
        }
    }
}
