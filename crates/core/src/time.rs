//! Consensus-time values. Hedera timestamps are seconds + nanos since the Unix epoch;
//! durations on the wire are whole seconds.

use crate::prelude::*;
use crate::proto;
use crate::text::{Piece, ZeroPadded};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Timestamp {
    pub seconds: i64,
    pub nanos: i32,
}

impl Timestamp {
    pub const fn new(seconds: i64, nanos: i32) -> Self {
        Self { seconds, nanos }
    }

    pub fn from_nanos(total: i128) -> Self {
        let seconds = total.div_euclid(1_000_000_000) as i64;
        let nanos = total.rem_euclid(1_000_000_000) as i32;
        Self { seconds, nanos }
    }

    /// Nanoseconds since the epoch as a clock gives them, in 64-bit arithmetic (`i128`
    /// division is a libcall in wasm).
    pub fn from_unix_nanos(total: u64) -> Self {
        Self {
            seconds: (total / 1_000_000_000) as i64,
            nanos: (total % 1_000_000_000) as i32,
        }
    }

    pub fn as_nanos(&self) -> i128 {
        self.seconds as i128 * 1_000_000_000 + self.nanos as i128
    }

    /// In 64-bit arithmetic (`i128` division is a libcall in wasm): the sum of the two nano
    /// parts stays within ±2·10⁹.
    pub fn plus_nanos(&self, nanos: i64) -> Self {
        const NANOS: i64 = 1_000_000_000;
        let sum = self.nanos as i64 + nanos % NANOS;
        Self {
            seconds: self.seconds + nanos / NANOS + sum.div_euclid(NANOS),
            nanos: sum.rem_euclid(NANOS) as i32,
        }
    }

    pub fn to_proto(&self) -> proto::Timestamp {
        proto::Timestamp {
            seconds: Some(self.seconds),
            nanos: Some(self.nanos),
        }
    }

    pub fn from_proto(p: &proto::Timestamp) -> Self {
        Self {
            seconds: p.seconds(),
            nanos: p.nanos(),
        }
    }

    /// The mirror node's `seconds.nnnnnnnnn` form (what `Display` prints).
    pub fn to_mirror_string(&self) -> String {
        self.to_string()
    }
}

impl Piece for Timestamp {
    fn push_to(&self, out: &mut String) {
        let nanos = ZeroPadded(self.nanos as i64, 9);
        push_text!(out; self.seconds, '.', nanos);
    }
}
display_as_text!(Timestamp);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Duration {
    pub seconds: i64,
}

impl Duration {
    pub const fn from_secs(seconds: i64) -> Self {
        Self { seconds }
    }

    pub fn to_proto(&self) -> proto::Duration {
        proto::Duration {
            seconds: Some(self.seconds),
        }
    }

    pub fn from_proto(p: &proto::Duration) -> Self {
        Self {
            seconds: p.seconds(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn nanos_round_trip_and_negative_values_normalise() {
        let t = Timestamp::new(1_700_000_000, 5);
        assert_eq!(Timestamp::from_nanos(t.as_nanos()), t);
        assert_eq!(Timestamp::from_nanos(-1), Timestamp::new(-1, 999_999_999));
        assert_eq!(t.plus_nanos(999_999_995), Timestamp::new(1_700_000_001, 0));
        for n in [0u64, 999_999_999, 1_700_000_000_123_456_789, u64::MAX] {
            assert_eq!(
                Timestamp::from_unix_nanos(n),
                Timestamp::from_nanos(n as i128)
            );
        }
        for (start, add) in [
            ((5, 10), -20),
            ((5, 999_999_999), 3_500_000_001),
            ((0, 0), -1),
            ((7, 3), i64::MIN / 4),
        ] {
            let start = Timestamp::new(start.0, start.1);
            assert_eq!(
                start.plus_nanos(add),
                Timestamp::from_nanos(start.as_nanos() + add as i128)
            );
        }
        assert_eq!(t.to_mirror_string(), "1700000000.000000005");
    }
}
