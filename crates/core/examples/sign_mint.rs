//! Builds, signs and prints an NFT mint (used by `cargo xtask demo`).

use loyal_core::{
    hbar::Hbar,
    id::{AccountId, TokenId},
    key::PrivateKey,
    time::Timestamp,
    transaction::{TokenMintTransaction, Transaction},
    transaction_id::TransactionId,
};

fn main() -> Result<(), loyal_core::Error> {
    // A fixed demo key: never use a published key for anything of value.
    let producer = PrivateKey::from_str_ed25519(
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
    )?;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    let id = TransactionId::new(
        AccountId::new(0, 0, 1001),
        Timestamp::new(now.as_secs() as i64, now.subsec_nanos() as i32),
    );
    let mut tx = TokenMintTransaction::new()
        .with_token_id(TokenId::new(0, 0, 5005))
        .with_metadata([
            b"ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy".to_vec(),
        ])
        .with_transaction_id(id)
        .with_node_account_ids([AccountId::new(0, 0, 3)])
        .with_max_transaction_fee(Hbar::new(2))
        .with_memo("BestProducer digital twin")
        .freeze()?;
    tx.sign(&producer);
    let bytes = tx.to_bytes();
    let back = Transaction::from_bytes(&bytes)?;
    println!("BestProducer mints a digital-twin NFT");
    println!("  transaction id : {}", tx.transaction_id());
    println!("  signed by      : {}", producer.public_key());
    println!("  signatures ok  : {}", back.verify_signatures()?.len());
    println!("  hash (SHA-384) : {}", hex::encode(tx.hash()));
    println!("  bytes ({:>4})   : {}", bytes.len(), hex::encode(&bytes));
    Ok(())
}
