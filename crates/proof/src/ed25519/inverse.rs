//! Inversion mod p = 2^255 - 19 by Bernstein and Yang's divsteps ("Fast constant-time gcd
//! computation and modular inversion", 2019) in the variable-time form of libsecp256k1's
//! `modinv32_var`: batches of 30 divsteps on the low bits as one 2x2 matrix, applied to
//! (f, g) and to (d, e) mod p in signed 30-bit limbs — 32-bit words and i64 products, what
//! wasm has natively. Several times faster there than `Fe::invert`'s 265 multiplications.
//!
//! [`invert`] checks its answer (`z · z^-1 = 1`, one multiplication) and falls back to
//! `Fe::invert` otherwise: a mistake here could cost speed, never a wrong result.

use super::field::{add, mul, Fe};

const M30: i64 = (1 << 30) - 1;
/// p in signed 30-bit limbs: 2^30 - 19, then 2^30 - 1 seven times, then 2^15 - 1.
const P: [i64; 9] = [
    (1 << 30) - 19,
    M30,
    M30,
    M30,
    M30,
    M30,
    M30,
    M30,
    (1 << 15) - 1,
];
/// p^-1 mod 2^30.
const P_INV30: i64 = {
    // Newton's iteration from p (right mod 2^3), doubling the correct bits each time.
    let p = P[0];
    let mut x = p;
    let mut i = 0;
    while i < 4 {
        x = x.wrapping_mul(2i64.wrapping_sub(p.wrapping_mul(x))) & M30;
        i += 1;
    }
    x
};

/// z^-1 (0 for 0).
pub fn invert(z: &Fe) -> Fe {
    if let Some(inv) = divsteps_inverse(z) {
        if super::field::eq(&mul(&inv, z), &Fe::ONE) {
            return inv;
        }
    }
    z.invert()
}

/// The 2x2 matrix of a batch: [f', g'] · 2^30 = [[u, v], [q, r]] · [f, g].
struct Matrix {
    u: i64,
    v: i64,
    q: i64,
    r: i64,
}

fn divsteps_inverse(z: &Fe) -> Option<Fe> {
    let bytes = z.to_bytes();
    let mut words = [0u64; 5];
    for (i, w) in words.iter_mut().take(4).enumerate() {
        *w = u64::from_le_bytes(core::array::from_fn(|j| bytes[8 * i + j]));
    }
    let mut f = P;
    let mut g: [i64; 9] = core::array::from_fn(|i| {
        let (k, s) = (30 * i / 64, 30 * i % 64);
        let hi = if s > 34 { words[k + 1] << (64 - s) } else { 0 };
        ((words[k] >> s | hi) & M30 as u64) as i64
    });
    let (mut d, mut e) = ([0i64; 9], {
        let mut one = [0i64; 9];
        one[0] = 1;
        one
    });
    let mut eta: i32 = -1;
    // 724 divsteps always suffice for 256-bit inputs; the variable-time form needs fewer.
    for _ in 0..25 {
        let (next, t) = divsteps_30(eta, f[0] as u32, g[0] as u32);
        eta = next;
        update_de(&mut d, &mut e, &t);
        update_fg(&mut f, &mut g, &t);
        if g.iter().all(|&x| x == 0) {
            // f = ±1 (p is prime, z ≠ 0), d = f·z^-1 up to the sign: d·f is the inverse.
            return Some(to_fe(&d, f[8] < 0));
        }
    }
    None
}

/// 30 divsteps on the low bits of f (odd) and g, as a matrix; returns the new eta.
fn divsteps_30(mut eta: i32, f0: u32, g0: u32) -> (i32, Matrix) {
    let (mut u, mut v, mut q, mut r) = (1u32, 0u32, 0u32, 1u32);
    let (mut f, mut g) = (f0, g0);
    let mut i = 30u32;
    loop {
        // Zeros of g up to i at once: each halves g (kept as u, v doubling instead).
        let zeros = (g | (u32::MAX << i)).trailing_zeros();
        g >>= zeros;
        u <<= zeros;
        v <<= zeros;
        eta -= zeros as i32;
        i -= zeros;
        if i == 0 {
            break;
        }
        if eta < 0 {
            eta = -eta;
            (f, g) = (g, f.wrapping_neg());
            (u, q) = (q, u.wrapping_neg());
            (v, r) = (r, v.wrapping_neg());
        }
        // Cancel the low min(eta + 1, i) bits of g with a multiple of f (f odd).
        let limit = (eta as u32 + 1).min(i);
        let mask = u32::MAX >> (32 - limit);
        let mut f_inv = f;
        for _ in 0..4 {
            f_inv = f_inv.wrapping_mul(2u32.wrapping_sub(f.wrapping_mul(f_inv)));
        }
        let w = g.wrapping_mul(f_inv).wrapping_neg() & mask;
        g = g.wrapping_add(f.wrapping_mul(w));
        q = q.wrapping_add(u.wrapping_mul(w));
        r = r.wrapping_add(v.wrapping_mul(w));
    }
    (
        eta,
        Matrix {
            u: u as i32 as i64,
            v: v as i32 as i64,
            q: q as i32 as i64,
            r: r as i32 as i64,
        },
    )
}

/// (f, g) ← ((u·f + v·g) / 2^30, (q·f + r·g) / 2^30), exact.
fn update_fg(f: &mut [i64; 9], g: &mut [i64; 9], t: &Matrix) {
    let mut cf = t.u * f[0] + t.v * g[0];
    let mut cg = t.q * f[0] + t.r * g[0];
    cf >>= 30;
    cg >>= 30;
    for i in 1..9 {
        cf += t.u * f[i] + t.v * g[i];
        cg += t.q * f[i] + t.r * g[i];
        f[i - 1] = cf & M30;
        g[i - 1] = cg & M30;
        cf >>= 30;
        cg >>= 30;
    }
    f[8] = cf;
    g[8] = cg;
}

/// (d, e) ← ((u·d + v·e) / 2^30, (q·d + r·e) / 2^30) mod p, kept in (-2p, p): a multiple of
/// p added to each makes its low 30 bits zero.
fn update_de(d: &mut [i64; 9], e: &mut [i64; 9], t: &Matrix) {
    let (sd, se) = (d[8] >> 63, e[8] >> 63);
    let mut md = (t.u & sd) + (t.v & se);
    let mut me = (t.q & sd) + (t.r & se);
    let mut cd = t.u * d[0] + t.v * e[0];
    let mut ce = t.q * d[0] + t.r * e[0];
    md -= (P_INV30.wrapping_mul(cd) + md) & M30;
    me -= (P_INV30.wrapping_mul(ce) + me) & M30;
    cd += P[0] * md;
    ce += P[0] * me;
    cd >>= 30;
    ce >>= 30;
    for i in 1..9 {
        cd += t.u * d[i] + t.v * e[i] + P[i] * md;
        ce += t.q * d[i] + t.r * e[i] + P[i] * me;
        d[i - 1] = cd & M30;
        e[i - 1] = ce & M30;
        cd >>= 30;
        ce >>= 30;
    }
    d[8] = cd;
    e[8] = ce;
}

/// The field element of d (signed limbs, in (-2p, p)), negated when `negative`.
fn to_fe(d: &[i64; 9], negative: bool) -> Fe {
    // d + 2p is in (0, 3p): its limbs carried to 30 bits each, the top one small.
    let mut limbs = [0i64; 9];
    let mut carry = 0i64;
    for i in 0..9 {
        let v = d[i] + 2 * P[i] + carry;
        limbs[i] = v & M30;
        carry = v >> 30;
    }
    limbs[8] += carry << 30;
    // Value = low 255 bits + hi·2^255, and 2^255 ≡ 19.
    let mut words = [0u64; 5];
    for (i, &limb) in limbs.iter().enumerate() {
        let (k, s, v) = (30 * i / 64, 30 * i % 64, limb as u64);
        words[k] |= v << s;
        if s > 34 {
            words[k + 1] |= v >> (64 - s);
        }
    }
    let mut bytes = [0u8; 32];
    for (i, w) in words.iter().take(4).enumerate() {
        bytes[8 * i..8 * i + 8].copy_from_slice(&w.to_le_bytes());
    }
    let hi = (words[3] >> 63) | (words[4] << 1);
    let mut small = [0u8; 32];
    small[..8].copy_from_slice(&(hi * 19).to_le_bytes());
    let x = add(&Fe::from_bytes(&bytes), &Fe::from_bytes(&small)).carry();
    if negative {
        x.neg()
    } else {
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inverts_without_falling_back() {
        assert_eq!((P[0] * P_INV30) & M30, 1);
        let mut seed = 0x0123_4567_89ab_cdefu64;
        for i in 0..3000 {
            let mut b = [0u8; 32];
            for chunk in b.chunks_mut(8) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                chunk.copy_from_slice(&seed.to_le_bytes());
            }
            match i {
                0 => b = [0; 32],
                1 => b = [0xff; 32],
                2 => {
                    b = [0; 32];
                    b[0] = 1;
                }
                3 => {
                    b = [0xff; 32];
                    b[0] = 0xec; // p - 1
                    b[31] = 0x7f;
                }
                _ => {}
            }
            let z = Fe::from_bytes(&b);
            if z.is_zero() {
                assert!(invert(&z).is_zero());
                continue;
            }
            let inv = divsteps_inverse(&z).expect("terminates");
            assert!(super::super::field::eq(&inv, &z.invert()), "{b:02x?}");
        }
    }
}
