//! Strings without `core::fmt`: the core's messages and the text forms of its ids, times and
//! amounts are put together from pieces. `format!` links the formatting machinery (argument
//! tables, padding, `{:?}` escaping with its Unicode tables, 128-bit division for the integer
//! printers) into every wasm that builds an error, whether or not anything prints it; a wasm
//! that never calls `Display` now carries none of it. `Display` impls write these strings.

pub use crate::prelude::String;
use crate::prelude::Vec;

/// Something `text!` can append.
pub trait Piece {
    fn push_to(&self, out: &mut String);
}

impl<T: Piece + ?Sized> Piece for &T {
    fn push_to(&self, out: &mut String) {
        (**self).push_to(out)
    }
}

impl Piece for str {
    fn push_to(&self, out: &mut String) {
        out.push_str(self)
    }
}

impl Piece for String {
    fn push_to(&self, out: &mut String) {
        out.push_str(self)
    }
}

impl Piece for char {
    fn push_to(&self, out: &mut String) {
        out.push(*self)
    }
}

/// `n` in `radix` (10 or 16, lowercase), at least `width` digits (zero-padded).
fn push_digits(out: &mut String, mut n: u64, radix: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    while n > 0 || len == 0 {
        digits[len] = b"0123456789abcdef"[(n % radix) as usize];
        n /= radix;
        len += 1;
    }
    for _ in len..width {
        out.push('0');
    }
    out.extend(digits[..len].iter().rev().map(|d| *d as char));
}

/// `n` in decimal, at least `width` digits (zero-padded).
pub fn push_decimal(out: &mut String, n: u64, width: usize) {
    push_digits(out, n, 10, width)
}

/// A number printed at least `.1` characters wide, zero-padded, as `{:09}` prints it (a minus
/// sign counts toward the width).
pub struct ZeroPadded(pub i64, pub usize);

impl Piece for ZeroPadded {
    fn push_to(&self, out: &mut String) {
        let width = if self.0 < 0 {
            out.push('-');
            self.1.saturating_sub(1)
        } else {
            self.1
        };
        push_decimal(out, self.0.unsigned_abs(), width)
    }
}

/// A string in double quotes with `"`, `\` and control characters escaped, for quoting input
/// in messages (what `{:?}` did, without its Unicode tables).
pub struct Quoted<'a>(pub &'a str);

impl Piece for Quoted<'_> {
    fn push_to(&self, out: &mut String) {
        out.push('"');
        for c in self.0.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\r' => out.push_str("\\r"),
                '\t' => out.push_str("\\t"),
                '\0' => out.push_str("\\0"),
                c if c.is_control() => {
                    out.push_str("\\u{");
                    push_digits(out, c as u64, 16, 1);
                    out.push('}');
                }
                c => out.push(c),
            }
        }
        out.push('"');
    }
}

/// `Display` for types that are `Piece`s: one text form, written once.
macro_rules! display_as_text {
    ($($t:ty),* $(,)?) => {$(
        impl core::fmt::Display for $t {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(&text!(self))
            }
        }
    )*};
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                push_decimal(out, *self as u64, 1)
            }
        }
    )*};
}
unsigned!(u8, u16, u32, u64, usize);

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl Piece for $t {
            fn push_to(&self, out: &mut String) {
                if *self < 0 {
                    out.push('-');
                }
                push_decimal(out, self.unsigned_abs() as u64, 1)
            }
        }
    )*};
}
signed!(i8, i16, i32, i64);

/// Sums of amounts: 64-bit division unless the value does not fit an `i64`.
impl Piece for i128 {
    fn push_to(&self, out: &mut String) {
        if let Ok(small) = i64::try_from(*self) {
            return small.push_to(out);
        }
        let mut n = self.unsigned_abs();
        let mut digits = Vec::new();
        while n > 0 {
            digits.push(b'0' + (n % 10) as u8);
            n /= 10;
        }
        if *self < 0 {
            out.push('-');
        }
        out.extend(digits.iter().rev().map(|d| *d as char));
    }
}

/// Pieces appended to a `String`: `push_text!(out; self.shard, '.', self.num)`, what a
/// `Piece` impl writes without a `String` of its own in between.
#[macro_export]
#[doc(hidden)]
macro_rules! push_text {
    ($out:expr; $($piece:expr),* $(,)?) => {{
        let out: &mut $crate::text::String = $out;
        $($crate::text::Piece::push_to(&$piece, out);)*
    }};
}

/// A string put together from pieces (`&str`, `String`, `char`, integers, ids, times):
/// `text!("at most ", MAX, " bytes")`.
#[macro_export]
#[doc(hidden)]
macro_rules! text {
    ($($piece:expr),* $(,)?) => {{
        let mut out = $crate::text::String::new();
        $crate::push_text!(&mut out; $($piece),*);
        out
    }};
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn pieces_print_as_format_does() {
        for n in [0u64, 7, 10, 999, 1_000_000_007, u64::MAX] {
            assert_eq!(text!(n), format!("{n}"));
        }
        for n in [0i64, -1, 42, i64::MIN, i64::MAX] {
            assert_eq!(text!(n), format!("{n}"));
        }
        for n in [0i128, -5, i64::MIN as i128 * 3, i128::MAX, i128::MIN] {
            assert_eq!(text!(n), format!("{n}"));
        }
        assert_eq!(
            text!(i32::MIN, ' ', u8::MAX, "/", String::from("x")),
            format!("{} {}/x", i32::MIN, u8::MAX)
        );
        for (n, w) in [
            (42i64, 9),
            (-5, 9),
            (0, 9),
            (-123_456_789, 9),
            (7, 1),
            (-1_000_000_000, 9),
        ] {
            assert_eq!(text!(super::ZeroPadded(n, w)), format!("{n:0w$}"));
        }
        for s in [
            "0.0.5",
            "a\"b\\c",
            "tab\there\nline\r",
            "\u{0}\u{1b}\u{7f}\u{85}",
            "é✓",
        ] {
            assert_eq!(text!(super::Quoted(s)), format!("{s:?}"), "{s:?}");
        }
    }
}
