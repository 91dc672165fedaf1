//! The accounts every devnet starts with: the operator 0.0.2 and the journey's organisations and
//! customers, with deterministic, documented keys (printed at start, like anvil's accounts).
//! Each private key is derived as SHA-256("loyal-devnet/" + name): published test keys, never
//! to be used on a real network.

use loyal_core::hbar::Hbar;
use loyal_core::key::PrivateKey;
use sha2::{Digest, Sha256};

pub struct GenesisAccount {
    pub num: u64,
    pub name: &'static str,
    pub key: PrivateKey,
    pub balance: Hbar,
}

/// (num, name, ECDSA?, whole hbars)
const ACCOUNTS: &[(u64, &str, bool, i64)] = &[
    (2, "operator", false, 50_000_000),
    (1001, "BestProducer", false, 10_000),
    (1002, "FastShoes", false, 10_000),
    (1003, "SuperMarathon", false, 10_000),
    (1004, "StillWater", false, 10_000),
    (1005, "Alice", false, 1_000),
    (1006, "Bob", true, 1_000),
];

/// Fees are paid to this account, as on Hedera (it holds the operator's key).
pub const FEE_COLLECTOR: u64 = 98;

/// The first number handed to accounts and tokens created on the devnet.
pub const FIRST_FREE_NUM: u64 = 2001;

pub fn key_for(name: &str, ecdsa: bool) -> PrivateKey {
    let seed: [u8; 32] = Sha256::digest(format!("loyal-devnet/{name}")).into();
    if ecdsa {
        PrivateKey::from_bytes_ecdsa(&seed).expect("a SHA-256 output is a valid secp256k1 scalar")
    } else {
        PrivateKey::from_bytes_ed25519(&seed).expect("32 bytes")
    }
}

pub fn accounts() -> Vec<GenesisAccount> {
    ACCOUNTS
        .iter()
        .map(|&(num, name, ecdsa, hbars)| GenesisAccount {
            num,
            name,
            key: key_for(name, ecdsa),
            balance: Hbar::new(hbars),
        })
        .collect()
}
