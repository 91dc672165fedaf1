//! Nonces: the verifier issues one per request and accepts each once, so a proof cannot be
//! replayed to the same verifier (another verifier refuses it for its audience).

use core::time::Duration;
use loyal_core::time::Timestamp;
use std::collections::{BTreeMap, VecDeque};

pub trait NonceStore {
    /// A fresh nonce for the presentation to carry.
    fn issue(&mut self) -> String;
    /// `true` once for a nonce this store issued and that has not expired; `false` after.
    fn consume(&mut self, nonce: &str) -> bool;
}

type Clock = Box<dyn Fn() -> Timestamp>;
type Fill = Box<dyn FnMut(&mut [u8])>;

/// Nonces in memory: 128 random bits each, valid for `ttl` (default 10 min), at most
/// `capacity` outstanding (default 100,000; the oldest are dropped first).
pub struct MemoryNonceStore {
    clock: Clock,
    fill: Fill,
    ttl: Duration,
    capacity: usize,
    live: BTreeMap<String, Timestamp>,
    order: VecDeque<String>,
}

impl MemoryNonceStore {
    /// `clock` gives the time, `fill_random` fills a buffer from a cryptographic source.
    pub fn new(
        clock: impl Fn() -> Timestamp + 'static,
        fill_random: impl FnMut(&mut [u8]) + 'static,
    ) -> Self {
        Self {
            clock: Box::new(clock),
            fill: Box::new(fill_random),
            ttl: Duration::from_secs(600),
            capacity: 100_000,
            live: BTreeMap::new(),
            order: VecDeque::new(),
        }
    }

    /// The system clock and the operating system's randomness.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn system() -> Self {
        use rand_core::RngCore;
        Self::new(
            || {
                let d = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default();
                Timestamp::new(d.as_secs() as i64, d.subsec_nanos() as i32)
            },
            |buf| rand_core::OsRng.fill_bytes(buf),
        )
    }

    pub fn with_ttl(mut self, ttl: Duration) -> Self {
        self.ttl = ttl;
        self
    }

    pub fn with_capacity(mut self, capacity: usize) -> Self {
        self.capacity = capacity.max(1);
        self
    }

    /// Nonces issued and not yet consumed or dropped.
    pub fn outstanding(&self) -> usize {
        self.live.len()
    }

    fn expire(&mut self, now: Timestamp) {
        while let Some(oldest) = self.order.front() {
            match self.live.get(oldest) {
                Some(until) if *until > now && self.live.len() <= self.capacity => break,
                _ => {
                    let oldest = self.order.pop_front().expect("front exists");
                    self.live.remove(&oldest);
                }
            }
        }
    }
}

impl NonceStore for MemoryNonceStore {
    fn issue(&mut self) -> String {
        use base64::Engine;
        let mut bytes = [0u8; 16];
        (self.fill)(&mut bytes);
        let nonce = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
        let now = (self.clock)();
        let until = now.plus_nanos(self.ttl.as_nanos().min(i64::MAX as u128) as i64);
        self.live.insert(nonce.clone(), until);
        self.order.push_back(nonce.clone());
        self.expire(now);
        nonce
    }

    fn consume(&mut self, nonce: &str) -> bool {
        let now = (self.clock)();
        self.expire(now);
        // Consumed nonces stay in `order` until they reach its front; `expire` skips them.
        self.live.remove(nonce).is_some_and(|until| until > now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;
    use std::rc::Rc;

    #[test]
    fn once_each_until_expiry_and_within_capacity() {
        let now = Rc::new(Cell::new(1_000i64));
        let clock = now.clone();
        let mut counter = 0u8;
        let mut store = MemoryNonceStore::new(
            move || Timestamp::new(clock.get(), 0),
            move |buf| {
                counter += 1;
                buf.fill(counter)
            },
        )
        .with_ttl(Duration::from_secs(60))
        .with_capacity(2);
        let a = store.issue();
        assert_eq!(a.len(), 22);
        assert!(store.consume(&a));
        assert!(!store.consume(&a), "accepted once");
        assert!(!store.consume("never-issued-nonce"));
        let b = store.issue();
        now.set(1_061);
        assert!(!store.consume(&b), "expired");
        let (c, d, e) = (store.issue(), store.issue(), store.issue());
        assert_eq!(store.outstanding(), 2);
        assert!(!store.consume(&c), "dropped past capacity");
        assert!(store.consume(&d) && store.consume(&e));
    }
}
