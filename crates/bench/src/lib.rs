//! The `sign` kernel: build + freeze + sign (ED25519) + serialize one NFT TokenMint, the same
//! work the JS SDK does in the anchor measurement.
//!
//! With `shipped` (the shipped configuration, and the size floors) the wasm is linked like the
//! signing build of pkg/: `no_std`, lol_alloc, a trapping panic, compact SHA-2.

#![cfg_attr(all(target_arch = "wasm32", feature = "shipped"), no_std)]
extern crate alloc;

use alloc::vec::Vec;

use loyal_core::{
    hbar::Hbar,
    id::{AccountId, TokenId},
    key::PrivateKey,
    time::Timestamp,
    transaction::TokenMintTransaction,
    transaction_id::TransactionId,
};

pub const METADATA: &[u8] = b"ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";

pub fn key() -> PrivateKey {
    PrivateKey::from_bytes_ed25519(&[7; 32]).unwrap_or_else(|_| unreachable!("a 32-byte seed"))
}

/// One transaction; `i` varies the valid start so no two bodies are equal.
pub fn mint(key: &PrivateKey, i: u32) -> Vec<u8> {
    let id = TransactionId::new(
        AccountId::new(0, 0, 1001),
        Timestamp::new(1_700_000_000, i as i32),
    );
    let mut tx = TokenMintTransaction::new()
        .with_token_id(TokenId::new(0, 0, 5005))
        .with_metadata([METADATA.to_vec()])
        .with_transaction_id(id)
        .with_node_account_ids([AccountId::new(0, 0, 3)])
        .with_max_transaction_fee(Hbar::new(20))
        .freeze()
        // Not `expect`: it would link the Debug formatting of every error the core can make
        // into a kernel whose only error is a bug (the size floor counts what minting needs).
        .unwrap_or_else(|_| unreachable!("a valid mint"));
    tx.sign(key);
    tx.to_bytes()
}

/// The bundle benchmark's app (tests/bench/app-ours.mjs) written in Rust, as a Trunk page
/// would: every input a string, parsed and checked by the core, one signed TokenMint out.
pub fn mint_app(
    key: &str,
    token_id: &str,
    metadata: &str,
    transaction_id: &str,
    node: &str,
    max_fee_tinybars: i64,
) -> loyal_core::Result<Vec<u8>> {
    let key = PrivateKey::from_str_ed25519(key)?;
    let mut tx = TokenMintTransaction::new()
        .with_token_id(token_id.parse()?)
        .with_metadata([metadata.as_bytes().to_vec()])
        .with_transaction_id(transaction_id.parse()?)
        .with_node_account_ids([node.parse()?])
        .with_max_transaction_fee(Hbar::from_tinybars(max_fee_tinybars))
        .freeze()?;
    tx.sign(&key);
    Ok(tx.to_bytes())
}

/// Runs `n` mints and returns the total bytes produced (so nothing is optimized away).
pub fn run(n: u32) -> usize {
    let key = key();
    (0..n).map(|i| mint(&key, i).len()).sum()
}

#[cfg(all(target_arch = "wasm32", feature = "shipped"))]
loyal_wasm_runtime::no_std_runtime!();

#[cfg(all(target_arch = "wasm32", not(feature = "floor")))]
mod web {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(js_name = signMints)]
    pub fn sign_mints(n: u32) -> u32 {
        super::run(n) as u32
    }

    /// `mint_app`; empty bytes if an input is refused (the size floor links no error glue).
    #[wasm_bindgen(js_name = mintApp)]
    pub fn mint_app(
        key: &str,
        token_id: &str,
        metadata: &str,
        transaction_id: &str,
        node: &str,
        max_fee_tinybars: i64,
    ) -> alloc::vec::Vec<u8> {
        super::mint_app(
            key,
            token_id,
            metadata,
            transaction_id,
            node,
            max_fee_tinybars,
        )
        .unwrap_or_default()
    }
}

/// What any wasm that signs with ed25519-dalek must carry: the floor the bundle sizes are
/// read against.
#[cfg(all(target_arch = "wasm32", feature = "floor"))]
mod floor {
    use alloc::vec::Vec;
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(js_name = ed25519Sign)]
    pub fn ed25519_sign(seed: &[u8], message: &[u8]) -> Vec<u8> {
        // No panicking path (a panic would link formatting): a short seed signs as zeros.
        let key: [u8; 32] = seed.try_into().unwrap_or([0; 32]);
        // As loyal-core signs: `Signer::sign` would `expect` an error that cannot happen and
        // link its Debug formatting.
        let signing = ed25519_dalek::SigningKey::from_bytes(&key);
        let expanded = ed25519_dalek::hazmat::ExpandedSecretKey::from(&key);
        ed25519_dalek::hazmat::raw_sign::<sha2::Sha512>(
            &expanded,
            message,
            &signing.verifying_key(),
        )
        .to_bytes()
        .to_vec()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_rust_app_makes_the_kernels_transaction() {
        let app = super::mint_app(
            &"07".repeat(32),
            "0.0.5005",
            core::str::from_utf8(super::METADATA).unwrap(),
            "0.0.1001@1700000000.000000000",
            "0.0.3",
            2_000_000_000,
        );
        assert_eq!(app.unwrap(), super::mint(&super::key(), 0));
        assert!(super::mint_app("07", "0.0.5005", "", "0.0.1001@1.0", "0.0.3", 1).is_err());
    }
}
