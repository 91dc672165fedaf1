//! Fixed-base combs: `[s]B - [k]A` for a key A known in advance, with `PARTS` times fewer
//! doublings than a double-and-add chain over k's 253 bits.
//!
//! A scalar's width-w NAF digit at bit j (`d·2^j`) is the digit `d` at position `j % SPAN` of
//! the part `j / SPAN`, whose table holds the odd multiples of `[2^(SPAN·part)]P`:
//! `d·2^j·P = d·2^(j % SPAN)·[2^(SPAN·(j / SPAN))]P`. Summing every part's digits over one
//! chain of `SPAN` doublings gives exactly `Σ d_j·2^j·P`, the integer multiple of P (torsion
//! included: nothing is reduced modulo a group order). The tables are normalized to z = 1 by
//! one inversion, so each addition is a mixed one.

use super::point::{batch_affine, odd_multiples_ext, Affine, Ext, Proj};
use super::scalars::{naf, U256};

/// Parts per scalar; every table has this many rows.
pub const PARTS: usize = 16;
/// Bits per part: the length of the shared doubling chain (the digits of scalars below
/// 2^253 stop at bit 253).
pub const SPAN: usize = 256 / PARTS;
/// NAF width of a key's digits: 2^(w-2) odd multiples a part.
pub const KEY_WIDTH: u32 = 5;
/// NAF width of the base point's digits (a table made once, for every key).
pub const BASE_WIDTH: u32 = 8;

/// The odd multiples 1, 3, ..., 2^(w-1) - 1 of `[2^(SPAN·part)]P` for every part, row after row.
pub struct Comb {
    width: u32,
    table: Box<[Affine]>,
}

impl core::fmt::Debug for Comb {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(
            f,
            "Comb(width {}, {} addends)",
            self.width,
            self.table.len()
        )
    }
}

impl Comb {
    pub fn new(p: &Ext, width: u32) -> Comb {
        let row = 1usize << (width - 2);
        let mut points = Vec::with_capacity(PARTS * row);
        let mut base = *p;
        for part in 0..PARTS {
            if part > 0 {
                // Projective doublings (one multiplication fewer each), extended at the end.
                let mut p = base.proj();
                for _ in 1..SPAN {
                    p = p.double().proj();
                }
                base = p.double().ext();
            }
            odd_multiples_ext(&base, row, &mut points);
        }
        Comb {
            width,
            table: batch_affine(&points).into_boxed_slice(),
        }
    }

    /// The table's size in bytes.
    #[cfg(test)]
    pub fn bytes(&self) -> usize {
        self.table.len() * core::mem::size_of::<Affine>()
    }

    fn row(&self) -> usize {
        1 << (self.width - 2)
    }
}

/// `[s]B - [k]A` from A's comb `a` and B's comb `b`, for scalars below 2^253 (little-endian).
pub fn s_b_minus_k_a(k: &[u8; 32], a: &Comb, s: &[u8; 32], b: &Comb) -> Proj {
    let (k_naf, s_naf) = (naf(&limbs(k), a.width), naf(&limbs(s), b.width));
    let (a_row, b_row) = (a.row(), b.row());
    let mut acc = Proj::IDENTITY;
    for j in (0..SPAN).rev() {
        let mut c = acc.double();
        for part in 0..PARTS {
            let d = k_naf[part * SPAN + j];
            if d != 0 {
                let q = &a.table[part * a_row + (d.unsigned_abs() as usize - 1) / 2];
                c = c.ext().add_affine(q, d > 0);
            }
            let d = s_naf[part * SPAN + j];
            if d != 0 {
                let q = &b.table[part * b_row + (d.unsigned_abs() as usize - 1) / 2];
                c = c.ext().add_affine(q, d < 0);
            }
        }
        acc = c.proj();
    }
    acc
}

fn limbs(bytes: &[u8; 32]) -> U256 {
    core::array::from_fn(|i| u64::from_le_bytes(core::array::from_fn(|j| bytes[8 * i + j])))
}

#[cfg(test)]
mod tests {
    use super::*;
    use curve25519_dalek::constants::ED25519_BASEPOINT_POINT as B;
    use curve25519_dalek::scalar::Scalar;

    #[test]
    fn combs_give_the_integer_multiples() {
        let a_point = B * Scalar::from(0x5eed_u64);
        let a = Comb::new(&Ext::decompress(&a_point.compress().0).unwrap(), 5);
        let b = Comb::new(&Ext::decompress(&B.compress().0).unwrap(), 6);
        assert_eq!(a.bytes(), PARTS * 8 * core::mem::size_of::<Affine>());
        let top = {
            let mut t = [0xffu8; 32];
            t[31] = 0x1f; // 2^253 - 1
            t
        };
        for (k, s) in [
            ([0u8; 32], [0u8; 32]),
            ([1; 32], [2; 32]),
            (top, top),
            (Scalar::from(7u8).to_bytes(), (-Scalar::ONE).to_bytes()),
        ] {
            // k and s may exceed l here: A and B have order l, so dalek's reduced
            // scalars give the same points.
            let want =
                B * Scalar::from_bytes_mod_order(s) - a_point * Scalar::from_bytes_mod_order(k);
            let got = s_b_minus_k_a(&k, &a, &s, &b);
            assert!(got.compresses_to(&want.compress().0), "{k:?} {s:?}");
            let mut wrong = want.compress().0;
            wrong[31] ^= 0x80;
            assert!(!got.compresses_to(&wrong));
        }
    }
}
