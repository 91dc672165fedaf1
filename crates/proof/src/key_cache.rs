//! Holders' ED25519 keys prepared once per process, for verifiers that meet the same holders
//! again (feature `key-cache`, as `@loyal/hedera` is built): a key's second verification builds
//! its comb, and later ones are checked by it (see [`crate::ed25519`]).
//!
//! Keyed by the key's 32 bytes, which are all a [`PreparedKey`] is made from, so an entry is
//! never stale: the key itself is still read from the mirror at every verification, and a
//! rotated key is simply another entry. At most [`CAPACITY`] keys are kept, the oldest dropped
//! first (its comb's memory freed with it), so the cache stays within
//! `CAPACITY × (COMB_BYTES + a few KB)`.
//!
//! Without the feature, verification prepares every key afresh: pages that verify one proof
//! per person (the venue gate) do not link the combs.

use crate::ed25519::{self, PreparedKey};
use ed25519_dalek::VerifyingKey;
use loyal_core::key::PublicKey;
use loyal_core::proto::SignatureMap;
use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};

/// Keys kept: as many as may have a comb at once.
pub const CAPACITY: usize = ed25519::MAX_COMBS;

#[derive(Default)]
struct Cache {
    keys: BTreeMap<[u8; 32], Arc<PreparedKey>>,
    /// Insertion order, for dropping the oldest.
    order: VecDeque<[u8; 32]>,
}

impl Cache {
    fn get_or_prepare(&mut self, key: &VerifyingKey, capacity: usize) -> Arc<PreparedKey> {
        let bytes = *key.as_bytes();
        if let Some(found) = self.keys.get(&bytes) {
            return found.clone();
        }
        while self.keys.len() >= capacity.max(1) {
            let Some(oldest) = self.order.pop_front() else {
                break;
            };
            self.keys.remove(&oldest);
        }
        let prepared = Arc::new(PreparedKey::new(key));
        self.keys.insert(bytes, prepared.clone());
        self.order.push_back(bytes);
        prepared
    }
}

fn cache() -> &'static Mutex<Cache> {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    CACHE.get_or_init(Default::default)
}

/// `key`'s prepared form from the process's cache (made and kept if new).
pub fn prepared(key: &VerifyingKey) -> Arc<PreparedKey> {
    // A poisoned lock only means a panic elsewhere mid-insert; the map is still whole.
    let mut cache = cache().lock().unwrap_or_else(|e| e.into_inner());
    cache.get_or_prepare(key, CAPACITY)
}

/// HIP-820: as [`ed25519::verify_message`], with an ED25519 key taken from the cache when the
/// `key-cache` feature is on.
pub fn verify_message(
    key: &PublicKey,
    message: &str,
    sig_map: &SignatureMap,
) -> loyal_core::Result<()> {
    match key {
        PublicKey::Ed25519(ed) if cfg!(feature = "key-cache") => {
            prepared(ed).verify_message(message, sig_map)
        }
        _ => ed25519::verify_message(key, message, sig_map),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::SigningKey;

    fn key(seed: u8) -> VerifyingKey {
        SigningKey::from_bytes(&[seed; 32]).verifying_key()
    }

    #[test]
    fn a_key_is_prepared_once_and_the_oldest_leave_first() {
        let mut cache = Cache::default();
        let first = cache.get_or_prepare(&key(1), 3);
        assert!(Arc::ptr_eq(&first, &cache.get_or_prepare(&key(1), 3)));
        cache.get_or_prepare(&key(2), 3);
        cache.get_or_prepare(&key(3), 3);
        cache.get_or_prepare(&key(4), 3);
        assert_eq!(cache.keys.len(), 3);
        assert!(!cache.keys.contains_key(key(1).as_bytes()));
        assert!(!Arc::ptr_eq(&first, &cache.get_or_prepare(&key(1), 3)));
        assert!(!cache.keys.contains_key(key(2).as_bytes()));
        assert_eq!(cache.order.len(), cache.keys.len());
    }

    #[test]
    fn the_cached_way_decides_as_the_uncached() {
        let sk = SigningKey::from_bytes(&[7; 32]);
        let public = PublicKey::Ed25519(sk.verifying_key());
        let other = PublicKey::Ed25519(key(8));
        let message = "loyal-proof/1 test";
        let map = loyal_core::message::sign_message(
            &loyal_core::key::PrivateKey::from_bytes_ed25519(&[7; 32]).unwrap(),
            message,
        );
        // Three times: a key's first use, the one that builds its comb (wasm32), and after.
        for _ in 0..3 {
            assert!(verify_message(&public, message, &map).is_ok());
            assert!(prepared(&sk.verifying_key())
                .verify_message(message, &map)
                .is_ok());
            assert!(verify_message(&public, "another message", &map).is_err());
            assert!(verify_message(&other, message, &map).is_err());
        }
    }
}
