//! A receipt with typed ids, as an application reads it.

use crate::{Error, Result};
use loyal_core::id::{AccountId, ScheduleId, TokenId, TopicId};
use loyal_core::proto::{self, ResponseCodeEnum as Code};
use loyal_core::transaction_id::TransactionId;

#[derive(Clone, Debug, PartialEq)]
pub struct Receipt {
    pub transaction_id: TransactionId,
    pub status: Code,
    pub account_id: Option<AccountId>,
    pub token_id: Option<TokenId>,
    pub topic_id: Option<TopicId>,
    pub schedule_id: Option<ScheduleId>,
    pub scheduled_transaction_id: Option<TransactionId>,
    pub serial_numbers: Vec<i64>,
    pub total_supply: u64,
    pub topic_sequence_number: u64,
    pub topic_running_hash: Vec<u8>,
}

impl Receipt {
    pub fn from_proto(
        transaction_id: TransactionId,
        r: &proto::TransactionReceipt,
    ) -> Result<Self> {
        let decode = |e: loyal_core::Error| Error::Core(e);
        Ok(Self {
            transaction_id,
            status: Code::try_from(r.status).unwrap_or(Code::Unknown),
            account_id: r
                .account_id
                .as_ref()
                .map(AccountId::from_proto)
                .transpose()
                .map_err(decode)?,
            token_id: r
                .token_id
                .as_ref()
                .map(TokenId::from_proto)
                .transpose()
                .map_err(decode)?,
            topic_id: r
                .topic_id
                .as_ref()
                .map(TopicId::from_proto)
                .transpose()
                .map_err(decode)?,
            schedule_id: r
                .schedule_id
                .as_ref()
                .map(ScheduleId::from_proto)
                .transpose()
                .map_err(decode)?,
            scheduled_transaction_id: r
                .scheduled_transaction_id
                .as_ref()
                .map(TransactionId::from_proto)
                .transpose()
                .map_err(decode)?,
            serial_numbers: r.serial_numbers.clone(),
            total_supply: r.new_total_supply,
            topic_sequence_number: r.topic_sequence_number,
            topic_running_hash: r.topic_running_hash.clone(),
        })
    }
}
