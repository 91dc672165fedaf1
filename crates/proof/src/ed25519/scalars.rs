//! The short scalars of the check: for the challenge k, integers u and v of about 128 bits
//! with u ≡ v·k (mod 8l) and v odd (Euclid's algorithm on (8l, k) stopped half-way, as in
//! Pornin, "Optimized Lattice Basis Reduction In Dimension 2, and Fast Schnorr and EdDSA
//! Signature Verification", 2020); and their width-w non-adjacent forms.

use curve25519_dalek::scalar::Scalar;

/// Little-endian 64-bit limbs.
pub type U256 = [u64; 4];

/// 8l = 2^255 + 8·27742317777372353535851937790883648493.
pub const EIGHT_L: U256 = [
    0xc09318d2e7ae9f68,
    0xa6f7cef517bce6b2,
    0,
    0x8000000000000000,
];

/// u ≡ v·k (mod 8l) with v > 0 odd; u is `u_abs` (at most ~2^131), negative when `u_neg`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Short {
    pub u_abs: U256,
    pub u_neg: bool,
    pub v: u128,
}

impl Short {
    /// Whether u ≡ v·k holds mod l (by Scalar arithmetic) and mod 8 (low bits), so mod 8l;
    /// checked on every use, so an error here could only cost speed, never a wrong answer.
    pub fn holds(&self, k: &Scalar) -> bool {
        let mut bytes = [0u8; 32];
        for (i, limb) in self.u_abs.iter().enumerate() {
            bytes[8 * i..8 * i + 8].copy_from_slice(&limb.to_le_bytes());
        }
        let u = Scalar::from_bytes_mod_order(bytes);
        let u = if self.u_neg { -u } else { u };
        let k_low = (k.as_bytes()[0] & 7) as i128;
        let u_low = (self.u_abs[0] & 7) as i128;
        let u_low = if self.u_neg { -u_low } else { u_low };
        self.v % 2 == 1
            && u == Scalar::from(self.v) * k
            && (u_low - (self.v & 7) as i128 * k_low).rem_euclid(8) == 0
    }
}

fn bits(a: &U256) -> u32 {
    (0..4)
        .rev()
        .find(|&i| a[i] != 0)
        .map_or(0, |i| 64 * i as u32 + 64 - a[i].leading_zeros())
}

fn shl(a: &U256, s: u32) -> U256 {
    let (limbs, s) = ((s / 64) as usize, s % 64);
    let mut out = [0u64; 4];
    for i in (limbs..4).rev() {
        let lo = a[i - limbs] << s;
        let carry = if s > 0 && i > limbs {
            a[i - limbs - 1] >> (64 - s)
        } else {
            0
        };
        out[i] = lo | carry;
    }
    out
}

fn ge(a: &U256, b: &U256) -> bool {
    for i in (0..4).rev() {
        if a[i] != b[i] {
            return a[i] > b[i];
        }
    }
    true
}

fn sub_assign(a: &mut U256, b: &U256) {
    let mut borrow = false;
    for i in 0..4 {
        let (d, b1) = a[i].overflowing_sub(b[i]);
        let (d, b2) = d.overflowing_sub(borrow as u64);
        a[i] = d;
        borrow = b1 || b2;
    }
}

/// (r0, t0) ← (r0 mod r1, t0 - (r0 div r1)·t1), by shifted subtraction; None if t overflows.
fn remainder(r0: &mut U256, t0: &mut i128, r1: &U256, t1: i128) -> Option<()> {
    let b1 = bits(r1);
    while ge(r0, r1) {
        let mut s = bits(r0) - b1;
        let mut shifted = shl(r1, s);
        if !ge(r0, &shifted) {
            s -= 1;
            shifted = shl(r1, s);
        }
        sub_assign(r0, &shifted);
        // t1·2^s must fit: |t1| < 2^(127 - s).
        if s >= 127 || t1.unsigned_abs() >> (127 - s) != 0 {
            return None;
        }
        *t0 = t0.checked_sub(t1 << s)?;
    }
    Some(())
}

/// None in the rare cases the remainders shrink unevenly and a coefficient outgrows i128:
/// the caller then checks the plain way.
pub fn short(k: &[u8; 32]) -> Option<Short> {
    let mut k_limbs = [0u64; 4];
    for (i, limb) in k_limbs.iter_mut().enumerate() {
        *limb = u64::from_le_bytes(k[8 * i..8 * i + 8].try_into().ok()?);
    }
    // Invariant: r_i ≡ t_i·k (mod 8l).
    let (mut r0, mut t0, mut r1, mut t1) = (EIGHT_L, 0i128, k_limbs, 1i128);
    while bits(&r1) > 128 {
        remainder(&mut r0, &mut t0, &r1, t1)?;
        core::mem::swap(&mut r0, &mut r1);
        core::mem::swap(&mut t0, &mut t1);
    }
    // Consecutive coefficients are coprime: if t1 is even, t0 is odd; its remainder r0 is a
    // few bits over 128, and t0 is smaller than t1.
    let (r, t) = if t1 % 2 == 0 { (r0, t0) } else { (r1, t1) };
    if bits(&r) > 192 {
        return None;
    }
    // (r, t) and (-r, -t) satisfy the same congruence: keep v positive.
    Some(Short {
        u_abs: r,
        u_neg: t < 0,
        v: t.unsigned_abs(),
    })
}

/// The width-`w` NAF of `n` (digits odd, |d| < 2^(w-1), any w consecutive ones with at
/// most one nonzero), least significant first.
/// `n` must be below 2^254 (a carry may put the last digit at bit 254, the array has 256).
pub fn naf(n: &U256, w: u32) -> [i8; 256] {
    let mut out = [0i8; 256];
    let mut k = *n;
    let mut pos = 0usize;
    let (width, half) = (1i64 << w, 1i64 << (w - 1));
    while k != [0; 4] {
        let tz = (0..4)
            .find(|&i| k[i] != 0)
            .map_or(0, |i| 64 * i as u32 + k[i].trailing_zeros());
        shr(&mut k, tz);
        pos += tz as usize;
        let mut d = (k[0] & (width as u64 - 1)) as i64;
        if d >= half {
            d -= width;
        }
        out[pos] = d as i8;
        if d > 0 {
            sub_small(&mut k, d as u64);
        } else {
            add_small(&mut k, (-d) as u64);
        }
    }
    out
}

/// As 128-bit halves of NAF input.
pub fn limbs(n: u128) -> U256 {
    [n as u64, (n >> 64) as u64, 0, 0]
}

fn shr(k: &mut U256, s: u32) {
    for _ in 0..s / 64 {
        *k = [k[1], k[2], k[3], 0];
    }
    let s = s % 64;
    if s > 0 {
        for i in 0..3 {
            k[i] = (k[i] >> s) | (k[i + 1] << (64 - s));
        }
        k[3] >>= s;
    }
}

fn sub_small(k: &mut U256, d: u64) {
    let (v, mut borrow) = k[0].overflowing_sub(d);
    k[0] = v;
    for limb in &mut k[1..] {
        let (v, b) = limb.overflowing_sub(borrow as u64);
        *limb = v;
        borrow = b;
    }
}

fn add_small(k: &mut U256, d: u64) {
    let (v, mut carry) = k[0].overflowing_add(d);
    k[0] = v;
    for limb in &mut k[1..] {
        let (v, c) = limb.overflowing_add(carry as u64);
        *limb = v;
        carry = c;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_l() {
        let l = Scalar::ZERO - Scalar::ONE; // l - 1
        let mut l_bytes = l.to_bytes();
        l_bytes[0] += 1;
        let mut l_limbs = [0u64; 4];
        for i in 0..4 {
            l_limbs[i] = u64::from_le_bytes(l_bytes[8 * i..8 * i + 8].try_into().unwrap());
        }
        assert_eq!(shl(&l_limbs, 3), EIGHT_L);
    }

    #[test]
    fn short_vectors_satisfy_the_congruence_and_are_short() {
        let (mut longest, mut total) = (0, 0);
        for i in 0..2000u64 {
            let mut wide = [0u8; 64];
            wide[..8].copy_from_slice(&i.to_le_bytes());
            wide[8..16].copy_from_slice(&i.wrapping_mul(0x9e37_79b9_7f4a_7c15).to_le_bytes());
            wide[40..48].copy_from_slice(&(i ^ 0xdead_beef).to_le_bytes());
            let k = Scalar::from_bytes_mod_order_wide(&wide);
            let s = short(&k.to_bytes()).expect("reduces");
            assert!(s.holds(&k), "{i}");
            assert_eq!(s.v % 2, 1);
            let len = bits(&s.u_abs).max(128 - s.v.leading_zeros());
            longest = longest.max(len);
            total += len;
        }
        // About half the 253 bits of k, so about half the doublings.
        assert!(
            total / 2000 <= 130 && longest <= 160,
            "{} bits on average, {longest} at most",
            total / 2000
        );
        for k in [Scalar::ZERO, Scalar::ONE, -Scalar::ONE, Scalar::from(2u8)] {
            // l - 1 = 8·(l - 1) mod 8l leaves no short odd pair: None, and the caller checks
            // the plain way.
            if let Some(s) = short(&k.to_bytes()) {
                assert!(s.holds(&k) && s.v % 2 == 1);
            }
        }
    }

    #[test]
    fn naf_digits_sum_to_the_number() {
        for (i, n) in [
            0u128,
            1,
            2,
            15,
            16,
            31,
            u128::MAX,
            u128::MAX - 7,
            1 << 127,
            0x1234_5678_9abc_def0_0fed_cba9_8765_4321,
        ]
        .into_iter()
        .enumerate()
        {
            for w in [5u32, 8] {
                let d = naf(&limbs(n), w);
                let mut sum = Scalar::ZERO;
                let mut pow = Scalar::ONE;
                for &digit in &d {
                    let m = Scalar::from(digit.unsigned_abs() as u64);
                    sum += if digit < 0 { -m * pow } else { m * pow };
                    pow += pow;
                }
                assert_eq!(sum, Scalar::from(n), "{i} w={w}");
                assert!(
                    d.iter()
                        .all(|&x| x == 0
                            || (x % 2 != 0 && (x.unsigned_abs() as i64) < (1 << (w - 1))))
                );
                for win in d.windows(w as usize) {
                    assert!(win.iter().filter(|&&x| x != 0).count() <= 1);
                }
            }
        }
    }
}
