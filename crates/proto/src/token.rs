//! token_*.proto: the token service's transaction bodies.
#[allow(unused_imports)]
use crate::prelude::*;
use crate::{
    AccountId, CustomFee, Duration, Key, NftId, PendingAirdropId, Timestamp, TokenId,
    TokenTransferList,
};

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenCreateTransactionBody {
    #[prost(string, optional, tag = "1")]
    pub name: Option<String>,
    #[prost(string, optional, tag = "2")]
    pub symbol: Option<String>,
    #[prost(uint32, optional, tag = "3")]
    pub decimals: Option<u32>,
    #[prost(uint64, optional, tag = "4")]
    pub initial_supply: Option<u64>,
    #[prost(message, optional, tag = "5")]
    pub treasury: Option<AccountId>,
    #[prost(message, optional, tag = "6")]
    pub admin_key: Option<Key>,
    #[prost(message, optional, tag = "7")]
    pub kyc_key: Option<Key>,
    #[prost(message, optional, tag = "8")]
    pub freeze_key: Option<Key>,
    #[prost(message, optional, tag = "9")]
    pub wipe_key: Option<Key>,
    #[prost(message, optional, tag = "10")]
    pub supply_key: Option<Key>,
    #[prost(bool, optional, tag = "11")]
    pub freeze_default: Option<bool>,
    #[prost(message, optional, tag = "13")]
    pub expiry: Option<Timestamp>,
    #[prost(message, optional, tag = "14")]
    pub auto_renew_account: Option<AccountId>,
    #[prost(message, optional, tag = "15")]
    pub auto_renew_period: Option<Duration>,
    #[prost(string, optional, tag = "16")]
    pub memo: Option<String>,
    #[prost(enumeration = "crate::TokenType", optional, tag = "17")]
    pub token_type: Option<i32>,
    #[prost(enumeration = "crate::TokenSupplyType", optional, tag = "18")]
    pub supply_type: Option<i32>,
    #[prost(int64, optional, tag = "19")]
    pub max_supply: Option<i64>,
    #[prost(message, optional, tag = "20")]
    pub fee_schedule_key: Option<Key>,
    #[prost(message, repeated, tag = "21")]
    pub custom_fees: Vec<CustomFee>,
    #[prost(message, optional, tag = "22")]
    pub pause_key: Option<Key>,
    #[prost(bytes = "vec", optional, tag = "23")]
    pub metadata: Option<Vec<u8>>,
    #[prost(message, optional, tag = "24")]
    pub metadata_key: Option<Key>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenAssociateTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub account: Option<AccountId>,
    #[prost(message, repeated, tag = "2")]
    pub tokens: Vec<TokenId>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenDissociateTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub account: Option<AccountId>,
    #[prost(message, repeated, tag = "2")]
    pub tokens: Vec<TokenId>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenMintTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub token: Option<TokenId>,
    #[prost(uint64, optional, tag = "2")]
    pub amount: Option<u64>,
    #[prost(bytes = "vec", repeated, tag = "3")]
    pub metadata: Vec<Vec<u8>>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenBurnTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub token: Option<TokenId>,
    #[prost(uint64, optional, tag = "2")]
    pub amount: Option<u64>,
    #[prost(int64, repeated, tag = "3")]
    pub serial_numbers: Vec<i64>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenWipeAccountTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub token: Option<TokenId>,
    #[prost(message, optional, tag = "2")]
    pub account: Option<AccountId>,
    #[prost(uint64, optional, tag = "3")]
    pub amount: Option<u64>,
    #[prost(int64, repeated, tag = "4")]
    pub serial_numbers: Vec<i64>,
}

/// The token+account shape shared by freeze, unfreeze, grant-KYC and revoke-KYC.
macro_rules! token_account_body {
    ($($name:ident),*) => {$(
        #[derive(Clone, PartialEq, prost::Message)]
        pub struct $name {
            #[prost(message, optional, tag = "1")]
            pub token: Option<TokenId>,
            #[prost(message, optional, tag = "2")]
            pub account: Option<AccountId>,
        }
    )*};
}
token_account_body!(
    TokenFreezeAccountTransactionBody,
    TokenUnfreezeAccountTransactionBody,
    TokenGrantKycTransactionBody,
    TokenRevokeKycTransactionBody
);

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenPauseTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub token: Option<TokenId>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenUnpauseTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub token: Option<TokenId>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenDeleteTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub token: Option<TokenId>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenUpdateNftsTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub token: Option<TokenId>,
    #[prost(int64, repeated, tag = "2")]
    pub serial_numbers: Vec<i64>,
    /// `google.protobuf.BytesValue`: absent means "leave metadata unchanged".
    #[prost(message, optional, tag = "3")]
    pub metadata: Option<crate::BytesValue>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenAirdropTransactionBody {
    #[prost(message, repeated, tag = "1")]
    pub token_transfers: Vec<TokenTransferList>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenClaimAirdropTransactionBody {
    #[prost(message, repeated, tag = "1")]
    pub pending_airdrops: Vec<PendingAirdropId>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenCancelAirdropTransactionBody {
    #[prost(message, repeated, tag = "1")]
    pub pending_airdrops: Vec<PendingAirdropId>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenRejectTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub owner: Option<AccountId>,
    #[prost(message, repeated, tag = "2")]
    pub rejections: Vec<TokenReference>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TokenReference {
    #[prost(oneof = "token_reference::TokenIdentifier", tags = "1, 2")]
    pub token_identifier: Option<token_reference::TokenIdentifier>,
}
pub mod token_reference {
    #[allow(unused_imports)]
    use crate::prelude::*;
    #[derive(Clone, PartialEq, prost::Oneof)]
    pub enum TokenIdentifier {
        #[prost(message, tag = "1")]
        FungibleToken(super::TokenId),
        #[prost(message, tag = "2")]
        Nft(super::NftId),
    }
}
