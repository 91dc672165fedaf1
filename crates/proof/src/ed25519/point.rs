//! Points of edwards25519 (-x^2 + y^2 = 1 + d x^2 y^2) in the coordinates of Hisil, Wong,
//! Carter and Dawson, "Twisted Edwards Curves Revisited" (2008): extended (X:Y:Z:T) with
//! x = X/Z, y = Y/Z, xy = T/Z; "completed" results of an addition or doubling before their
//! last multiplications; addends cached as (y+x, y-x, 2d·t, z) — with z = 1 for the fixed
//! base-point tables. Variable time: everything here is public.

use super::field::{add, mul, square, sub, AsLoose, Fe, Lo};
use super::hex32;

/// d = -121665/121666.
pub const D: [u8; 32] = hex32("a3785913ca4deb75abd841414d0a700098e879777940c78c73fe6f2bee6c0352");
/// A square root of -1 (2^((p-1)/4)).
pub const SQRT_M1: [u8; 32] =
    hex32("b0a00e4a271beec478e42fad0618432fa7d7fb3d99004d2b0bdfc14f8024832b");

fn d2() -> Fe {
    let d = Fe::from_bytes(&D);
    add(&d, &d).carry()
}

#[derive(Clone, Copy, Debug)]
pub struct Ext {
    x: Fe,
    y: Fe,
    z: Fe,
    t: Fe,
}

#[derive(Clone, Copy, Debug)]
pub struct Proj {
    x: Fe,
    y: Fe,
    z: Fe,
}

/// X = e·f, Y = g·h, Z = f·g, T = e·h.
#[derive(Clone, Copy, Debug)]
pub struct Completed {
    e: Lo,
    f: Lo,
    g: Lo,
    h: Lo,
}

/// An addend: (y+x, y-x, 2d·t) over z; `z: None` means z = 1.
#[derive(Clone, Copy, Debug)]
pub struct Cached {
    ypx: Fe,
    ymx: Fe,
    t2d: Fe,
    z: Option<Fe>,
}

/// An addend with z = 1, for tables normalized once: (y+x, y-x, 2d·t).
#[derive(Clone, Copy, Debug)]
pub struct Affine {
    ypx: Fe,
    ymx: Fe,
    t2d: Fe,
}

impl Ext {
    /// RFC 8032 decoding, refusing what is not the canonical encoding of a curve point
    /// (y >= p, or x = 0 with the sign bit set) — compression's exact inverse.
    pub fn decompress(bytes: &[u8; 32]) -> Option<Ext> {
        let y = Fe::from_bytes(bytes);
        let sign = bytes[31] >> 7 == 1;
        let mut canonical = y.to_bytes();
        canonical[31] |= bytes[31] & 0x80;
        if canonical != *bytes {
            return None;
        }
        // x^2 = u/v with u = y^2 - 1, v = d y^2 + 1; candidate r = u v^3 (u v^7)^((p-5)/8).
        let yy = y.square();
        let u = sub(&yy, &Fe::ONE).carry();
        let v = add(&mul(&yy, &Fe::from_bytes(&D)), &Fe::ONE).carry();
        let v3 = mul(&v.square(), &v);
        let uv7 = mul(&mul(&v3.square(), &v), &u);
        let mut x = mul(&mul(&u, &v3), &uv7.pow_p58());
        let vxx = mul(&v, &x.square());
        if super::field::eq(&vxx, &u) {
        } else if super::field::eq(&vxx, &u.neg()) {
            x = mul(&x, &Fe::from_bytes(&SQRT_M1));
        } else {
            return None;
        }
        if x.is_zero() && sign {
            return None;
        }
        if x.is_negative() != sign {
            x = x.neg();
        }
        Some(Ext {
            x,
            y,
            z: Fe::ONE,
            t: mul(&x, &y),
        })
    }

    pub fn proj(&self) -> Proj {
        Proj {
            x: self.x,
            y: self.y,
            z: self.z,
        }
    }

    pub fn double(&self) -> Ext {
        self.proj().double().ext()
    }

    pub fn cached(&self) -> Cached {
        Cached {
            ypx: add(&self.y, &self.x).carry(),
            ymx: sub(&self.y, &self.x).carry(),
            t2d: mul(&self.t, &d2()),
            z: Some(self.z),
        }
    }

    /// An addend with z = 1 (for tables built once).
    pub fn cached_affine(&self) -> Option<Cached> {
        let one = super::field::eq(&self.z, &Fe::ONE);
        one.then(|| Cached {
            z: None,
            ..self.cached()
        })
    }

    /// self + q (or self - q when `minus`).
    pub fn add(&self, q: &Cached, minus: bool) -> Completed {
        self.add_parts(&q.ypx, &q.ymx, &q.t2d, q.z.as_ref(), minus)
    }

    /// self + q (or self - q when `minus`) for q with z = 1: one multiplication fewer.
    pub fn add_affine(&self, q: &Affine, minus: bool) -> Completed {
        self.add_parts(&q.ypx, &q.ymx, &q.t2d, None, minus)
    }

    fn add_parts(&self, ypx: &Fe, ymx: &Fe, t2d: &Fe, z: Option<&Fe>, minus: bool) -> Completed {
        let (ypx, ymx) = if minus { (ymx, ypx) } else { (ypx, ymx) };
        let a = mul(&sub(&self.y, &self.x), ymx);
        let b = mul(&add(&self.y, &self.x), ypx);
        let c = mul(&self.t, t2d);
        let zz = match z {
            Some(z) => mul(&self.z, z),
            None => self.z,
        };
        let d = add(&zz, &zz).carry();
        let (f, g) = if minus {
            (add(&d, &c), sub(&d, &c))
        } else {
            (sub(&d, &c), add(&d, &c))
        };
        Completed {
            e: sub(&b, &a),
            f,
            g,
            h: add(&b, &a),
        }
    }
}

impl Proj {
    pub const IDENTITY: Proj = Proj {
        x: Fe::ZERO,
        y: Fe::ONE,
        z: Fe::ONE,
    };

    /// dbl-2008-hwcd with a = -1.
    pub fn double(&self) -> Completed {
        let a = self.x.square();
        let b = self.y.square();
        let zz = self.z.square();
        let c = add(&zz, &zz).carry();
        let ab = add(&a, &b).carry();
        let g = sub(&b, &a).carry();
        Completed {
            e: sub(&square(&add(&self.x, &self.y)), &ab),
            f: sub(&g, &c),
            g: g.loose(),
            h: sub(&Fe::ZERO, &ab),
        }
    }

    pub fn is_identity(&self) -> bool {
        self.x.is_zero() && super::field::eq(&self.y, &self.z)
    }

    /// Whether `bytes` is this point's compression (canonical y, then x's sign in the top
    /// bit). Refuses a y that differs by one multiplication before inverting z for x's sign.
    pub fn compresses_to(&self, bytes: &[u8; 32]) -> bool {
        let y = Fe::from_bytes(bytes);
        let mut canonical = y.to_bytes();
        canonical[31] |= bytes[31] & 0x80;
        // z is never 0 (the formulas are complete), so y = Y/Z iff Y = y·Z.
        if canonical != *bytes || !super::field::eq(&mul(&y, &self.z), &self.y) {
            return false;
        }
        let x = mul(&self.x, &super::inverse::invert(&self.z));
        x.is_negative() == (bytes[31] >> 7 == 1)
    }
}

/// The points with z = 1, by one inversion for all (Montgomery's trick: three
/// multiplications a point).
pub fn batch_affine(points: &[Ext]) -> Vec<Affine> {
    let mut prefix = Vec::with_capacity(points.len());
    let mut acc = Fe::ONE;
    for p in points {
        prefix.push(acc);
        acc = mul(&acc, &p.z);
    }
    // acc is z_0···z_(n-1); walking back, inv is 1/(z_0···z_i) before point i.
    let mut inv = super::inverse::invert(&acc);
    let d2 = d2();
    let mut out = Vec::with_capacity(points.len());
    for (p, before) in points.iter().zip(prefix).rev() {
        let zinv = mul(&inv, &before);
        inv = mul(&inv, &p.z);
        let (x, y) = (mul(&p.x, &zinv), mul(&p.y, &zinv));
        out.push(Affine {
            ypx: add(&y, &x).carry(),
            ymx: sub(&y, &x).carry(),
            t2d: mul(&mul(&x, &y), &d2),
        });
    }
    out.reverse();
    out
}

impl Completed {
    pub fn proj(&self) -> Proj {
        Proj {
            x: mul(&self.e, &self.f),
            y: mul(&self.g, &self.h),
            z: mul(&self.f, &self.g),
        }
    }

    pub fn ext(&self) -> Ext {
        Ext {
            x: mul(&self.e, &self.f),
            y: mul(&self.g, &self.h),
            z: mul(&self.f, &self.g),
            t: mul(&self.e, &self.h),
        }
    }
}

/// Odd multiples P, 3P, ..., (2n - 1)P, in extended coordinates.
pub fn odd_multiples_ext(p: &Ext, n: usize, out: &mut Vec<Ext>) {
    let p2 = p.double().cached();
    let mut acc = *p;
    out.push(acc);
    for _ in 1..n {
        acc = acc.add(&p2, false).ext();
        out.push(acc);
    }
}

/// Odd multiples P, 3P, ..., (2^k - 1)P as addends, for width-(k+1) NAF digits.
pub fn odd_multiples<const N: usize>(p: &Ext) -> [Cached; N] {
    let p2 = p.double().cached();
    let mut acc = *p;
    let mut out = [acc.cached(); N];
    for slot in out.iter_mut().skip(1) {
        acc = acc.add(&p2, false).ext();
        *slot = acc.cached();
    }
    out
}

/// Σ digits_i[j] · 2^j · P_i over the tables of odd multiples: `tables[i][(|d| - 1) / 2]`.
pub fn naf_sum(terms: &[(&[i8; 256], &[Cached])]) -> Proj {
    let top = terms
        .iter()
        .filter_map(|(naf, _)| naf.iter().rposition(|&d| d != 0))
        .max();
    let Some(top) = top else {
        return Proj::IDENTITY;
    };
    let mut acc = Proj::IDENTITY;
    for j in (0..=top).rev() {
        let mut c = acc.double();
        for (naf, table) in terms {
            let d = naf[j];
            if d != 0 {
                let q = &table[(d.unsigned_abs() as usize - 1) / 2];
                c = c.ext().add(q, d < 0);
            }
        }
        acc = c.proj();
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;
    use curve25519_dalek::constants::ED25519_BASEPOINT_POINT as B;
    use curve25519_dalek::scalar::Scalar;

    fn compress(p: &Ext) -> [u8; 32] {
        // x/z, y/z by z^(p-2) = z^(8·(p-5)/8 + 3)
        let z = p.z;
        let zinv = mul(
            &z.pow_p58().square().square().square(),
            &mul(&z.square(), &z),
        );
        let x = mul(&p.x, &zinv);
        let mut out = mul(&p.y, &zinv).to_bytes();
        out[31] |= (x.is_negative() as u8) << 7;
        out
    }

    #[test]
    fn constants() {
        let i = Fe::from_bytes(&SQRT_M1);
        assert!(super::super::field::eq(&i.square(), &Fe::ONE.neg()));
        let mut n = [0u8; 32];
        n[..4].copy_from_slice(&121666u32.to_le_bytes());
        let mut m = [0u8; 32];
        m[..4].copy_from_slice(&121665u32.to_le_bytes());
        let dd = mul(&Fe::from_bytes(&D), &Fe::from_bytes(&n));
        assert!(super::super::field::eq(&dd, &Fe::from_bytes(&m).neg()));
    }

    #[test]
    fn decompress_double_add_and_sums_agree_with_dalek() {
        for i in 1..40u64 {
            let p = B * Scalar::from(i * 0x1_0001_0003);
            let q = B * Scalar::from(i + 77);
            let (pe, qe) = (
                Ext::decompress(&p.compress().0).unwrap(),
                Ext::decompress(&q.compress().0).unwrap(),
            );
            assert_eq!(compress(&pe), p.compress().0);
            assert_eq!(compress(&pe.double()), (p + p).compress().0);
            assert_eq!(
                compress(&pe.add(&qe.cached(), false).ext()),
                (p + q).compress().0
            );
            assert_eq!(
                compress(&pe.add(&qe.cached(), true).ext()),
                (p - q).compress().0
            );
            let qa = qe.cached_affine().unwrap();
            assert_eq!(compress(&pe.add(&qa, true).ext()), (p - q).compress().0);
            // 13·P - 5·Q through NAF-like digits at two positions: 13 = 5 + 8·1, i.e.
            // digits d[0] = 5, d[3] = 1 for P and d[0] = -5 for Q.
            let mut dp = [0i8; 256];
            dp[0] = 5;
            dp[3] = 1;
            let mut dq = [0i8; 256];
            dq[0] = -5;
            let tp = odd_multiples::<8>(&pe);
            let tq = odd_multiples::<8>(&qe);
            let sum = naf_sum(&[(&dp, &tp), (&dq, &tq)]);
            let want = p * Scalar::from(13u64) - q * Scalar::from(5u64);
            let got = Ext {
                x: sum.x,
                y: sum.y,
                z: sum.z,
                t: Fe::ZERO,
            };
            assert_eq!(compress(&got), want.compress().0);
            assert!(!sum.is_identity());
            let zero = naf_sum(&[
                (&dp, &tp),
                (
                    &dp,
                    &tp.map(|c| Cached {
                        ypx: c.ymx,
                        ymx: c.ypx,
                        t2d: c.t2d.neg(),
                        ..c
                    }),
                ),
            ]);
            assert!(zero.is_identity());
        }
    }

    #[test]
    fn decompress_refuses_what_dalek_would_not_round_trip() {
        use curve25519_dalek::edwards::CompressedEdwardsY;
        for seed in 0..=255u8 {
            for top in [0u8, 0x80] {
                let mut b = [seed; 32];
                b[31] = (b[31] & 0x7f) | top;
                let theirs = CompressedEdwardsY(b)
                    .decompress()
                    .filter(|p| p.compress().0 == b);
                let ours = Ext::decompress(&b);
                assert_eq!(theirs.is_some(), ours.is_some(), "{b:?}");
            }
        }
        // y = p + 1 (identity, non-canonical) and y = 1 with the sign bit (x = 0).
        let mut p1 = [0xffu8; 32];
        p1[0] = 0xee;
        p1[31] = 0x7f;
        assert!(Ext::decompress(&p1).is_none());
        let mut one = [0u8; 32];
        one[0] = 1;
        assert!(Ext::decompress(&one).is_some());
        one[31] = 0x80;
        assert!(Ext::decompress(&one).is_none());
    }
}
