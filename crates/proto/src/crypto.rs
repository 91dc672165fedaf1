//! crypto_create.proto, crypto_transfer.proto.
#[allow(unused_imports)]
use crate::prelude::*;
use crate::{AccountId, Duration, Key, RealmId, ShardId, TokenTransferList, TransferList};

#[derive(Clone, PartialEq, prost::Message)]
pub struct CryptoCreateTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub key: Option<Key>,
    #[prost(uint64, optional, tag = "2")]
    pub initial_balance: Option<u64>,
    #[prost(message, optional, tag = "3")]
    pub proxy_account_id: Option<AccountId>,
    #[prost(uint64, optional, tag = "6")]
    pub send_record_threshold: Option<u64>,
    #[prost(uint64, optional, tag = "7")]
    pub receive_record_threshold: Option<u64>,
    #[prost(bool, optional, tag = "8")]
    pub receiver_sig_required: Option<bool>,
    #[prost(message, optional, tag = "9")]
    pub auto_renew_period: Option<Duration>,
    #[prost(message, optional, tag = "10")]
    pub shard_id: Option<ShardId>,
    #[prost(message, optional, tag = "11")]
    pub realm_id: Option<RealmId>,
    #[prost(message, optional, tag = "12")]
    pub new_realm_admin_key: Option<Key>,
    #[prost(string, optional, tag = "13")]
    pub memo: Option<String>,
    #[prost(int32, optional, tag = "14")]
    pub max_automatic_token_associations: Option<i32>,
    #[prost(oneof = "crypto_create_transaction_body::StakedId", tags = "15, 16")]
    pub staked_id: Option<crypto_create_transaction_body::StakedId>,
    #[prost(bool, optional, tag = "17")]
    pub decline_reward: Option<bool>,
    #[prost(bytes = "vec", optional, tag = "18")]
    pub alias: Option<Vec<u8>>,
}
pub mod crypto_create_transaction_body {
    #[allow(unused_imports)]
    use crate::prelude::*;
    #[derive(Clone, PartialEq, prost::Oneof)]
    pub enum StakedId {
        #[prost(message, tag = "15")]
        StakedAccountId(super::AccountId),
        #[prost(int64, tag = "16")]
        StakedNodeId(i64),
    }
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct CryptoTransferTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub transfers: Option<TransferList>,
    #[prost(message, repeated, tag = "2")]
    pub token_transfers: Vec<TokenTransferList>,
}
