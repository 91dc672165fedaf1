//! transaction_receipt.proto, transaction_record.proto, exchange_rate.proto.
#[allow(unused_imports)]
use crate::prelude::*;
use crate::*;

#[derive(Clone, PartialEq, prost::Message)]
pub struct ExchangeRate {
    #[prost(int32, tag = "1")]
    pub hbar_equiv: i32,
    #[prost(int32, tag = "2")]
    pub cent_equiv: i32,
    #[prost(message, optional, tag = "3")]
    pub expiration_time: Option<TimestampSeconds>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct ExchangeRateSet {
    #[prost(message, optional, tag = "1")]
    pub current_rate: Option<ExchangeRate>,
    #[prost(message, optional, tag = "2")]
    pub next_rate: Option<ExchangeRate>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionReceipt {
    #[prost(enumeration = "ResponseCodeEnum", tag = "1")]
    pub status: i32,
    #[prost(message, optional, tag = "2")]
    pub account_id: Option<AccountId>,
    #[prost(message, optional, tag = "3")]
    pub file_id: Option<FileId>,
    #[prost(message, optional, tag = "4")]
    pub contract_id: Option<ContractId>,
    #[prost(message, optional, tag = "5")]
    pub exchange_rate: Option<ExchangeRateSet>,
    #[prost(message, optional, tag = "6")]
    pub topic_id: Option<TopicId>,
    #[prost(uint64, tag = "7")]
    pub topic_sequence_number: u64,
    #[prost(bytes = "vec", tag = "8")]
    pub topic_running_hash: Vec<u8>,
    #[prost(uint64, tag = "9")]
    pub topic_running_hash_version: u64,
    #[prost(message, optional, tag = "10")]
    pub token_id: Option<TokenId>,
    #[prost(uint64, tag = "11")]
    pub new_total_supply: u64,
    #[prost(message, optional, tag = "12")]
    pub schedule_id: Option<ScheduleId>,
    #[prost(message, optional, tag = "13")]
    pub scheduled_transaction_id: Option<TransactionId>,
    #[prost(int64, repeated, tag = "14")]
    pub serial_numbers: Vec<i64>,
    #[prost(uint64, tag = "15")]
    pub node_id: u64,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct PendingAirdropRecord {
    #[prost(message, optional, tag = "1")]
    pub pending_airdrop_id: Option<PendingAirdropId>,
    #[prost(message, optional, tag = "2")]
    pub pending_airdrop_value: Option<PendingAirdropValue>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionRecord {
    #[prost(message, optional, tag = "1")]
    pub receipt: Option<TransactionReceipt>,
    #[prost(bytes = "vec", tag = "2")]
    pub transaction_hash: Vec<u8>,
    #[prost(message, optional, tag = "3")]
    pub consensus_timestamp: Option<Timestamp>,
    #[prost(message, optional, tag = "4")]
    pub transaction_id: Option<TransactionId>,
    #[prost(string, tag = "5")]
    pub memo: String,
    #[prost(uint64, tag = "6")]
    pub transaction_fee: u64,
    #[prost(message, optional, tag = "10")]
    pub transfer_list: Option<TransferList>,
    #[prost(message, repeated, tag = "11")]
    pub token_transfer_lists: Vec<TokenTransferList>,
    #[prost(message, optional, tag = "12")]
    pub schedule_ref: Option<ScheduleId>,
    #[prost(message, repeated, tag = "13")]
    pub assessed_custom_fees: Vec<AssessedCustomFee>,
    #[prost(message, repeated, tag = "14")]
    pub automatic_token_associations: Vec<TokenAssociation>,
    #[prost(message, optional, tag = "15")]
    pub parent_consensus_timestamp: Option<Timestamp>,
    #[prost(bytes = "vec", tag = "16")]
    pub alias: Vec<u8>,
    #[prost(bytes = "vec", tag = "17")]
    pub ethereum_hash: Vec<u8>,
    #[prost(message, repeated, tag = "18")]
    pub paid_staking_rewards: Vec<AccountAmount>,
    #[prost(bytes = "vec", tag = "21")]
    pub evm_address: Vec<u8>,
    #[prost(message, repeated, tag = "22")]
    pub new_pending_airdrops: Vec<PendingAirdropRecord>,
}
