//! The devnet's genesis accounts by name, for showing "BestProducer" instead of 0.0.1001 and
//! for the staff panels' "devnet key" button. Their keys are the devnet's published test keys,
//! SHA-256("loyal-devnet/" + name): never for a real network.

use loyal_core::key::PrivateKey;

pub const BEST_PRODUCER: u64 = 1001;
pub const FAST_SHOES: u64 = 1002;
pub const SUPER_MARATHON: u64 = 1003;
pub const STILL_WATER: u64 = 1004;
pub const ALICE: u64 = 1005;
pub const BOB: u64 = 1006;

pub const NAMES: &[(u64, &str)] = &[
    (2, "operator"),
    (98, "fee collection"),
    (BEST_PRODUCER, "BestProducer"),
    (FAST_SHOES, "FastShoes"),
    (SUPER_MARATHON, "SuperMarathon"),
    (STILL_WATER, "StillWater"),
    (ALICE, "Alice"),
    (BOB, "Bob"),
];

/// "0.0.1001 (BestProducer)" on the devnet, the id alone otherwise.
pub fn label(account: &str, devnet: bool) -> String {
    let num = account
        .strip_prefix("0.0.")
        .and_then(|n| n.parse::<u64>().ok());
    match num.and_then(|n| NAMES.iter().find(|(k, _)| *k == n)) {
        Some((_, name)) if devnet => format!("{account} ({name})"),
        _ => account.to_owned(),
    }
}

/// A genesis account's published key (ED25519 for all but Bob, whose account is ECDSA).
pub fn devnet_key(name: &str) -> PrivateKey {
    use sha2::Digest;
    let seed: [u8; 32] = sha2::Sha256::digest(format!("loyal-devnet/{name}")).into();
    if name == "Bob" {
        PrivateKey::from_bytes_ecdsa(&seed).expect("32 bytes")
    } else {
        PrivateKey::from_bytes_ed25519(&seed).expect("32 bytes")
    }
}
