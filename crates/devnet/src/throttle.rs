//! A token bucket per node: past the configured transactions per second, precheck answers
//! BUSY, as Hedera's throttles do, so clients' back-off paths can be exercised for real.

pub struct Throttle {
    per_second: f64,
    tokens: f64,
    last: i128,
}

impl Throttle {
    /// Bursts of up to one second's worth are allowed.
    pub fn new(per_second: u32) -> Self {
        Self {
            per_second: per_second as f64,
            tokens: per_second as f64,
            last: 0,
        }
    }

    /// Takes one transaction's token at `now` (ns), or says the node is busy.
    pub fn admit(&mut self, now: i128) -> bool {
        if self.last != 0 {
            let elapsed = (now - self.last).max(0) as f64 / 1e9;
            self.tokens = (self.tokens + elapsed * self.per_second).min(self.per_second);
        }
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Throttle;

    #[test]
    fn admits_the_rate_and_refills() {
        let mut t = Throttle::new(10);
        let start = 1_000_000_000_000i128;
        let admitted = (0..20).filter(|_| t.admit(start)).count();
        assert_eq!(admitted, 10);
        assert!(!t.admit(start + 50_000_000));
        assert!(t.admit(start + 100_000_000));
    }
}
