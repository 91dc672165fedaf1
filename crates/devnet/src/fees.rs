//! The devnet's fee schedule: flat fees per transaction type, in tinybars, of the same order as
//! Hedera's USD-pegged fees at a 0.10 USD/ℏ rate. Charged to the payer on every handled
//! transaction, successful or not (as on Hedera, where a failed transaction still pays).

use hedera_proto::services::transaction_body::Data;

pub const TINYBARS_PER_HBAR: u64 = 100_000_000;

pub fn fee_for(data: &Data) -> u64 {
    let cents = match data {
        Data::CryptoCreateAccount(_) => 5.0,
        Data::CryptoTransfer(_) => 0.01,
        Data::TokenCreation(_) => 100.0,
        Data::TokenAssociate(_) => 5.0,
        Data::TokenMint(m) if !m.metadata.is_empty() => 2.0 * m.metadata.len() as f64,
        Data::TokenMint(_) => 0.1,
        _ => 0.1,
    };
    // 1 USD cent at 0.10 USD/ℏ is 0.1 ℏ.
    (cents * 0.1 * TINYBARS_PER_HBAR as f64) as u64
}
