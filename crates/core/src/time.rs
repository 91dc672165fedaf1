//! Consensus-time values. Hedera timestamps are seconds + nanos since the Unix epoch;
//! durations on the wire are whole seconds.

use crate::prelude::*;
use crate::proto;
use core::fmt;

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

    pub fn as_nanos(&self) -> i128 {
        self.seconds as i128 * 1_000_000_000 + self.nanos as i128
    }

    pub fn plus_nanos(&self, nanos: i64) -> Self {
        Self::from_nanos(self.as_nanos() + nanos as i128)
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

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:09}", self.seconds, self.nanos)
    }
}

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
        assert_eq!(t.to_mirror_string(), "1700000000.000000005");
    }
}
