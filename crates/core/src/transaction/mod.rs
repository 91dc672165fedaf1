//! Transactions: one builder per type over a shared body, frozen into a [`Transaction`] that is
//! signed, serialized and decoded exactly as the official SDKs do.
//!
//! ```
//! # use loyal_core::{transaction::*, id::*, time::Timestamp, transaction_id::TransactionId, hbar::Hbar, key::PrivateKey};
//! let operator = PrivateKey::from_bytes_ed25519(&[1; 32]).unwrap();
//! let payer = TransactionId::new(AccountId::new(0, 0, 1001), Timestamp::new(1_700_000_000, 0));
//! let mut tx = TokenMintTransaction::new()
//!     .with_token_id(TokenId::new(0, 0, 5005))
//!     .with_metadata([b"ipfs://bafy...".to_vec()])
//!     .with_transaction_id(payer)
//!     .with_node_account_ids([AccountId::new(0, 0, 3)])
//!     .with_max_transaction_fee(Hbar::new(20))
//!     .freeze()
//!     .unwrap();
//! tx.sign(&operator);
//! let bytes = tx.to_bytes();
//! assert_eq!(Transaction::from_bytes(&bytes).unwrap().to_bytes(), bytes);
//! ```
//!
//! Builders validate at [`Builder::freeze`]: memo length, balanced transfers, airdrop limits,
//! size limits and required fields are typed errors before anything reaches a network.

mod builder;
mod consensus;
mod crypto;
mod frozen;
mod order;
mod schedule;
mod token_create;
mod token_ops;
mod wire;

pub use builder::{Builder, DataField, TransactionData, MAX_MEMO_BYTES, MAX_TRANSACTION_BYTES};
pub use consensus::{TopicCreate, TopicMessageSubmit, CHUNK_SIZE};
pub use crypto::{AccountCreate, Transfer};
pub use frozen::{sign_bytes, SignedEntry, Transaction};
pub use schedule::{ScheduleCreate, ScheduleSign};
pub use token_create::{CustomFee, FeeKind, TokenCreate, TokenSupplyType, TokenType};
pub use token_ops::*;

pub type AccountCreateTransaction = Builder<AccountCreate>;
pub type TransferTransaction = Builder<Transfer>;
pub type TokenCreateTransaction = Builder<TokenCreate>;
pub type TokenAssociateTransaction = Builder<TokenAssociate>;
pub type TokenDissociateTransaction = Builder<TokenDissociate>;
pub type TokenMintTransaction = Builder<TokenMint>;
pub type TokenBurnTransaction = Builder<TokenBurn>;
pub type TokenWipeTransaction = Builder<TokenWipe>;
pub type TokenFreezeTransaction = Builder<TokenFreeze>;
pub type TokenUnfreezeTransaction = Builder<TokenUnfreeze>;
pub type TokenGrantKycTransaction = Builder<TokenGrantKyc>;
pub type TokenRevokeKycTransaction = Builder<TokenRevokeKyc>;
pub type TokenPauseTransaction = Builder<TokenPause>;
pub type TokenUnpauseTransaction = Builder<TokenUnpause>;
pub type TokenUpdateNftsTransaction = Builder<TokenUpdateNfts>;
pub type TokenAirdropTransaction = Builder<TokenAirdrop>;
pub type TokenClaimAirdropTransaction = Builder<TokenClaimAirdrop>;
pub type TokenCancelAirdropTransaction = Builder<TokenCancelAirdrop>;
pub type TokenRejectTransaction = Builder<TokenReject>;
pub type TopicCreateTransaction = Builder<TopicCreate>;
pub type TopicMessageSubmitTransaction = Builder<TopicMessageSubmit>;
pub type ScheduleCreateTransaction = Builder<ScheduleCreate>;
pub type ScheduleSignTransaction = Builder<ScheduleSign>;

#[cfg(test)]
mod tests;
