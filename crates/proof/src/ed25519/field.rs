//! Arithmetic mod p = 2^255 - 19 over fiat-crypto's formally verified 32-bit routines (ten
//! limbs of 25.5 bits: products fit wasm's native i64). `Fe` is fiat's "tight" bound (any
//! operation's input), `Lo` its "loose" bound (a sum or difference, fit only for `mul` and
//! `square` or a `carry` back to `Fe`).

use fiat_crypto::curve25519_32::*;

#[derive(Clone, Copy)]
pub struct Fe(pub fiat_25519_tight_field_element);

#[derive(Clone, Copy)]
pub struct Lo(fiat_25519_loose_field_element);

impl core::fmt::Debug for Fe {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Fe({:02x?})", self.to_bytes())
    }
}

impl core::fmt::Debug for Lo {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        self.carry().fmt(f)
    }
}

pub trait AsLoose {
    fn loose(&self) -> Lo;
}

impl AsLoose for Fe {
    fn loose(&self) -> Lo {
        let mut out = fiat_25519_loose_field_element([0; 10]);
        fiat_25519_relax(&mut out, &self.0);
        Lo(out)
    }
}

impl AsLoose for Lo {
    fn loose(&self) -> Lo {
        *self
    }
}

impl Fe {
    pub const ZERO: Fe = Fe(fiat_25519_tight_field_element([0; 10]));
    pub const ONE: Fe = Fe(fiat_25519_tight_field_element([
        1, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]));

    /// The low 255 bits of `bytes` (the top bit is the caller's), reduced mod p.
    pub fn from_bytes(bytes: &[u8; 32]) -> Fe {
        let mut b = *bytes;
        b[31] &= 0x7f;
        let mut out = fiat_25519_tight_field_element([0; 10]);
        fiat_25519_from_bytes(&mut out, &b);
        Fe(out)
    }

    /// The canonical encoding (< p).
    pub fn to_bytes(self) -> [u8; 32] {
        let mut out = [0u8; 32];
        fiat_25519_to_bytes(&mut out, &self.0);
        out
    }

    pub fn is_zero(&self) -> bool {
        self.to_bytes() == [0; 32]
    }

    /// RFC 8032's sign of x: the low bit of its canonical encoding.
    pub fn is_negative(&self) -> bool {
        self.to_bytes()[0] & 1 == 1
    }

    pub fn square(&self) -> Fe {
        square(self)
    }

    fn square_times(&self, n: u32) -> Fe {
        let mut x = *self;
        for _ in 0..n {
            x = x.square();
        }
        x
    }

    /// self^((p - 5) / 8) = self^(2^252 - 3), for square roots.
    pub fn pow_p58(&self) -> Fe {
        let z = self;
        let z2 = z.square();
        let z9 = mul(&z2.square_times(2), z);
        let z11 = mul(&z9, &z2);
        let e5 = mul(&z11.square(), &z9); // 2^5 - 1
        let e10 = mul(&e5.square_times(5), &e5);
        let e20 = mul(&e10.square_times(10), &e10);
        let e40 = mul(&e20.square_times(20), &e20);
        let e50 = mul(&e40.square_times(10), &e10);
        let e100 = mul(&e50.square_times(50), &e50);
        let e200 = mul(&e100.square_times(100), &e100);
        let e250 = mul(&e200.square_times(50), &e50);
        mul(&e250.square_times(2), z)
    }

    /// self^(p - 2) = self^(8·(p - 5)/8 + 3): the inverse (0 for 0).
    pub fn invert(&self) -> Fe {
        mul(&self.pow_p58().square_times(3), &mul(&self.square(), self))
    }

    pub fn neg(&self) -> Fe {
        let mut out = fiat_25519_loose_field_element([0; 10]);
        fiat_25519_opp(&mut out, &self.0);
        Lo(out).carry()
    }
}

impl Lo {
    pub fn carry(&self) -> Fe {
        let mut out = fiat_25519_tight_field_element([0; 10]);
        fiat_25519_carry(&mut out, &self.0);
        Fe(out)
    }
}

pub fn mul(a: &impl AsLoose, b: &impl AsLoose) -> Fe {
    let mut out = fiat_25519_tight_field_element([0; 10]);
    fiat_25519_carry_mul(&mut out, &a.loose().0, &b.loose().0);
    Fe(out)
}

pub fn square(a: &impl AsLoose) -> Fe {
    let mut out = fiat_25519_tight_field_element([0; 10]);
    fiat_25519_carry_square(&mut out, &a.loose().0);
    Fe(out)
}

pub fn add(a: &Fe, b: &Fe) -> Lo {
    let mut out = fiat_25519_loose_field_element([0; 10]);
    fiat_25519_add(&mut out, &a.0, &b.0);
    Lo(out)
}

pub fn sub(a: &Fe, b: &Fe) -> Lo {
    let mut out = fiat_25519_loose_field_element([0; 10]);
    fiat_25519_sub(&mut out, &a.0, &b.0);
    Lo(out)
}

pub fn eq(a: &Fe, b: &Fe) -> bool {
    a.to_bytes() == b.to_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fe(n: u64) -> Fe {
        let mut b = [0u8; 32];
        b[..8].copy_from_slice(&n.to_le_bytes());
        Fe::from_bytes(&b)
    }

    #[test]
    fn arithmetic_and_p58() {
        assert!(eq(&mul(&fe(7), &fe(6)), &fe(42)));
        assert!(eq(&add(&fe(7), &fe(6)).carry(), &fe(13)));
        assert!(eq(&sub(&fe(7), &fe(6)).carry(), &Fe::ONE));
        assert!(eq(&add(&fe(1), &fe(1).neg()).carry(), &Fe::ZERO));
        // p - 1 is -1; (p - 1) + 2 wraps to 1.
        let mut pm1 = [0xffu8; 32];
        pm1[0] = 0xec;
        pm1[31] = 0x7f;
        assert!(eq(&Fe::from_bytes(&pm1), &fe(1).neg()));
        // (x^((p-5)/8))^8 * x^5 = x^p = x.
        let x = fe(0x1234_5678_9abc);
        let r = x.pow_p58().square().square().square();
        let x5 = mul(&x.square().square(), &x);
        assert!(eq(&mul(&r, &x5), &x));
        assert!(eq(&mul(&x, &x.invert()), &Fe::ONE));
        assert!(Fe::ZERO.invert().is_zero());
    }
}
