//! Hbar amounts as integer tinybars (1 ℏ = 10^8 tℏ). No floats anywhere: decimal strings are
//! parsed digit by digit so "0.1" is exactly 10,000,000 tℏ.

use crate::prelude::*;
use crate::text::{Piece, ZeroPadded};
use crate::{Error, Result};
use core::str::FromStr;

pub const TINYBARS_PER_HBAR: i64 = 100_000_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Hbar(i64);

impl Hbar {
    pub const ZERO: Hbar = Hbar(0);
    pub const MAX: Hbar = Hbar(i64::MAX);

    pub const fn from_tinybars(tinybars: i64) -> Self {
        Hbar(tinybars)
    }

    /// Whole hbars. Saturates rather than wrapping; use `checked_new` to detect overflow.
    pub const fn new(hbars: i64) -> Self {
        Hbar(hbars.saturating_mul(TINYBARS_PER_HBAR))
    }

    pub fn checked_new(hbars: i64) -> Option<Self> {
        hbars.checked_mul(TINYBARS_PER_HBAR).map(Hbar)
    }

    pub const fn to_tinybars(self) -> i64 {
        self.0
    }

    pub fn checked_add(self, other: Hbar) -> Option<Hbar> {
        self.0.checked_add(other.0).map(Hbar)
    }

    pub fn checked_neg(self) -> Option<Hbar> {
        self.0.checked_neg().map(Hbar)
    }
}

/// `1.5 ℏ`, or `150 tℏ` when under one hbar, as the JS SDK prints.
impl Piece for Hbar {
    fn push_to(&self, out: &mut String) {
        let (t, abs) = (self.0, self.0.unsigned_abs());
        let per = TINYBARS_PER_HBAR as u64;
        if abs < per {
            return push_text!(out; t, " tℏ");
        }
        let sign = if t < 0 { "-" } else { "" };
        let (whole, frac) = (abs / per, abs % per);
        if frac == 0 {
            push_text!(out; sign, whole, " ℏ");
        } else {
            let frac = text!(ZeroPadded(frac as i64, 8));
            push_text!(out; sign, whole, '.', frac.trim_end_matches('0'), " ℏ");
        }
    }
}
display_as_text!(Hbar);

impl FromStr for Hbar {
    type Err = Error;

    /// Accepts `"1.5"`, `"1.5 ℏ"`, `"-2 ℏ"` and `"150 tℏ"` (tinybars must be whole).
    fn from_str(input: &str) -> Result<Self> {
        let bad = |reason| Error::InvalidAmount {
            input: input.to_owned(),
            reason,
        };
        let s = input.trim();
        let (number, tiny) = if let Some(n) = s.strip_suffix("tℏ") {
            (n.trim_end(), true)
        } else if let Some(n) = s.strip_suffix('ℏ') {
            (n.trim_end(), false)
        } else {
            (s, false)
        };
        let (negative, digits) = match number.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, number),
        };
        let (whole, frac) = digits.split_once('.').unwrap_or((digits, ""));
        if whole.is_empty() && frac.is_empty() {
            return Err(bad("no digits"));
        }
        if !whole
            .bytes()
            .chain(frac.bytes())
            .all(|b| b.is_ascii_digit())
        {
            return Err(bad("not a decimal number"));
        }
        let scale = if tiny { 0 } else { 8 };
        if frac.len() > scale {
            return Err(bad(if tiny {
                "tinybars must be whole"
            } else {
                "more than 8 decimal places"
            }));
        }
        let mut value: i128 = 0;
        for b in whole
            .bytes()
            .chain(frac.bytes())
            .chain(core::iter::repeat_n(b'0', scale - frac.len()))
        {
            value = value * 10 + (b - b'0') as i128;
            if value > i64::MAX as i128 + 1 {
                return Err(bad("out of range"));
            }
        }
        let value = if negative { -value } else { value };
        i64::try_from(value)
            .map(Hbar)
            .map_err(|_| bad("out of range"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn parses_decimal_strings_exactly() {
        assert_eq!("0.1".parse::<Hbar>().unwrap().to_tinybars(), 10_000_000);
        assert_eq!("1.5 ℏ".parse::<Hbar>().unwrap().to_tinybars(), 150_000_000);
        assert_eq!("-2ℏ".parse::<Hbar>().unwrap(), Hbar::new(-2));
        assert_eq!("150 tℏ".parse::<Hbar>().unwrap(), Hbar::from_tinybars(150));
        assert_eq!(
            "0.00000001".parse::<Hbar>().unwrap(),
            Hbar::from_tinybars(1)
        );
    }

    #[test]
    fn rejects_bad_amounts_with_typed_errors() {
        for bad in [
            "",
            "abc",
            "1.000000001",
            "1.5 tℏ",
            "92233720368.54775808",
            "1e5",
            "--1",
        ] {
            let err = bad.parse::<Hbar>().unwrap_err();
            assert_eq!(err.code(), "INVALID_AMOUNT", "{bad}");
        }
        assert_eq!(
            "-92233720368.54775808".parse::<Hbar>().unwrap(),
            Hbar::from_tinybars(i64::MIN)
        );
    }

    #[test]
    fn display_round_trips() {
        for t in [
            0,
            1,
            99_999_999,
            100_000_000,
            150_000_000,
            -250_000_000,
            i64::MAX,
            i64::MIN + 1,
        ] {
            let h = Hbar::from_tinybars(t);
            assert_eq!(h.to_string().parse::<Hbar>().unwrap(), h, "{h}");
        }
    }
}
