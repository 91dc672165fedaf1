//! consensus_create_topic.proto, consensus_submit_message.proto.
#[allow(unused_imports)]
use crate::prelude::*;
use crate::{AccountId, Duration, FixedCustomFee, Key, TopicId, TransactionId};

#[derive(Clone, PartialEq, prost::Message)]
pub struct ConsensusCreateTopicTransactionBody {
    #[prost(string, optional, tag = "1")]
    pub memo: Option<String>,
    #[prost(message, optional, tag = "2")]
    pub admin_key: Option<Key>,
    #[prost(message, optional, tag = "3")]
    pub submit_key: Option<Key>,
    #[prost(message, optional, tag = "6")]
    pub auto_renew_period: Option<Duration>,
    #[prost(message, optional, tag = "7")]
    pub auto_renew_account: Option<AccountId>,
    #[prost(message, optional, tag = "8")]
    pub fee_schedule_key: Option<Key>,
    #[prost(message, repeated, tag = "9")]
    pub fee_exempt_key_list: Vec<Key>,
    #[prost(message, repeated, tag = "10")]
    pub custom_fees: Vec<FixedCustomFee>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct ConsensusMessageChunkInfo {
    #[prost(message, optional, tag = "1")]
    pub initial_transaction_id: Option<TransactionId>,
    #[prost(int32, optional, tag = "2")]
    pub total: Option<i32>,
    #[prost(int32, optional, tag = "3")]
    pub number: Option<i32>,
}

#[derive(Clone, PartialEq, prost::Message)]
pub struct ConsensusSubmitMessageTransactionBody {
    #[prost(message, optional, tag = "1")]
    pub topic_id: Option<TopicId>,
    #[prost(bytes = "vec", optional, tag = "2")]
    pub message: Option<Vec<u8>>,
    #[prost(message, optional, tag = "3")]
    pub chunk_info: Option<ConsensusMessageChunkInfo>,
}
