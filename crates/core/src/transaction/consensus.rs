//! HCS: topic creation and message submission (chunked above 1,024 bytes, as the SDK does).

use super::builder::{validate_memo, Builder, DataField, TransactionData};
use super::crypto::DEFAULT_AUTO_RENEW_PERIOD;
use crate::prelude::*;
use crate::{
    hbar::Hbar, id::AccountId, id::TopicId, key::Key, proto, time::Duration,
    transaction_id::TransactionId, Error, Result,
};
use proto::schedulable_transaction_body::Data as SData;
use proto::transaction_body::tag;

/// Largest message a single ConsensusSubmitMessage carries; longer ones are chunked.
pub const CHUNK_SIZE: usize = 1024;
/// The SDK's default cap on chunks per message.
pub const DEFAULT_MAX_CHUNKS: usize = 20;

#[derive(Clone, Debug)]
pub struct TopicCreate {
    pub topic_memo: Option<String>,
    pub admin_key: Option<Key>,
    pub submit_key: Option<Key>,
    pub auto_renew_period: Duration,
    pub auto_renew_account: Option<AccountId>,
}

impl Default for TopicCreate {
    fn default() -> Self {
        Self {
            topic_memo: None,
            admin_key: None,
            submit_key: None,
            auto_renew_period: DEFAULT_AUTO_RENEW_PERIOD,
            auto_renew_account: None,
        }
    }
}

impl Builder<TopicCreate> {
    pub fn with_topic_memo(self, memo: impl Into<String>) -> Self {
        self.map_data(|d| d.topic_memo = Some(memo.into()))
    }
    pub fn with_admin_key(self, key: impl Into<Key>) -> Self {
        self.map_data(|d| d.admin_key = Some(key.into()))
    }
    pub fn with_submit_key(self, key: impl Into<Key>) -> Self {
        self.map_data(|d| d.submit_key = Some(key.into()))
    }
    pub fn with_auto_renew_period(self, period: Duration) -> Self {
        self.map_data(|d| d.auto_renew_period = period)
    }
    pub fn with_auto_renew_account(self, account: AccountId) -> Self {
        self.map_data(|d| d.auto_renew_account = Some(account))
    }
}

impl TopicCreate {
    /// `payer` fills in the auto-renew account when none is set, as the SDK does at freeze.
    fn body(&self, payer: Option<&AccountId>) -> proto::ConsensusCreateTopicTransactionBody {
        proto::ConsensusCreateTopicTransactionBody {
            memo: self.topic_memo.clone(),
            admin_key: self.admin_key.as_ref().map(Key::to_proto),
            submit_key: self.submit_key.as_ref().map(Key::to_proto),
            auto_renew_period: Some(self.auto_renew_period.to_proto()),
            auto_renew_account: self
                .auto_renew_account
                .as_ref()
                .or(payer)
                .map(AccountId::to_proto),
            ..Default::default()
        }
    }
}

impl TransactionData for TopicCreate {
    fn default_max_fee(&self) -> Hbar {
        Hbar::new(25)
    }
    fn validate(&self) -> Result<()> {
        validate_memo(self.topic_memo.as_deref().unwrap_or(""))
    }
    fn chunks(&self, id: &TransactionId) -> Result<Vec<DataField>> {
        Ok(vec![DataField::new(
            tag::ConsensusCreateTopic,
            &self.body(Some(&id.account_id)),
        )])
    }
    fn to_schedulable(&self) -> Result<SData> {
        Ok(SData::ConsensusCreateTopic(self.body(None)))
    }
}

#[derive(Clone, Debug)]
pub struct TopicMessageSubmit {
    pub topic_id: Option<TopicId>,
    pub message: Vec<u8>,
    pub max_chunks: usize,
    pub chunk_size: usize,
}

impl Default for TopicMessageSubmit {
    fn default() -> Self {
        Self {
            topic_id: None,
            message: Vec::new(),
            max_chunks: DEFAULT_MAX_CHUNKS,
            chunk_size: CHUNK_SIZE,
        }
    }
}

impl Builder<TopicMessageSubmit> {
    pub fn with_topic_id(self, topic: TopicId) -> Self {
        self.map_data(|d| d.topic_id = Some(topic))
    }
    pub fn with_message(self, message: impl Into<Vec<u8>>) -> Self {
        self.map_data(|d| d.message = message.into())
    }
    pub fn with_max_chunks(self, max: usize) -> Self {
        self.map_data(|d| d.max_chunks = max)
    }
    pub fn with_chunk_size(self, size: usize) -> Self {
        self.map_data(|d| d.chunk_size = size)
    }
}

impl TopicMessageSubmit {
    fn body(
        &self,
        part: &[u8],
        chunk: Option<(&TransactionId, usize, usize)>,
    ) -> proto::ConsensusSubmitMessageTransactionBody {
        proto::ConsensusSubmitMessageTransactionBody {
            topic_id: self.topic_id.as_ref().map(TopicId::to_proto),
            message: Some(part.to_vec()),
            chunk_info: chunk.map(
                |(initial, total, number)| proto::ConsensusMessageChunkInfo {
                    initial_transaction_id: Some(initial.to_proto()),
                    total: Some(total as i32),
                    number: Some(number as i32),
                },
            ),
        }
    }
}

impl TransactionData for TopicMessageSubmit {
    fn default_max_fee(&self) -> Hbar {
        Hbar::new(2)
    }

    fn validate(&self) -> Result<()> {
        if self.topic_id.is_none() {
            return Err(Error::MissingField { field: "topic_id" });
        }
        if self.message.is_empty() {
            return Err(Error::MissingField { field: "message" });
        }
        if self.chunk_size == 0 || self.chunk_size > CHUNK_SIZE {
            return Err(Error::InvalidField {
                field: "chunk_size",
                reason: text!("must be 1..=", CHUNK_SIZE),
            });
        }
        if self.chunk_count() > self.max_chunks {
            return Err(Error::InvalidField {
                field: "message",
                reason: text!(
                    self.message.len(),
                    " bytes need ",
                    self.chunk_count(),
                    " chunks, more than the maximum of ",
                    self.max_chunks
                ),
            });
        }
        Ok(())
    }

    fn chunk_count(&self) -> usize {
        self.message.len().div_ceil(self.chunk_size.max(1)).max(1)
    }

    /// Every chunk, even a lone one, names the first chunk's id, its number and the total,
    /// exactly as the SDK writes it.
    fn chunks(&self, initial_id: &TransactionId) -> Result<Vec<DataField>> {
        let total = self.chunk_count();
        Ok(self
            .message
            .chunks(self.chunk_size)
            .enumerate()
            .map(|(i, part)| {
                let body = self.body(part, Some((initial_id, total, i + 1)));
                DataField::new(tag::ConsensusSubmitMessage, &body)
            })
            .collect())
    }

    fn to_schedulable(&self) -> Result<SData> {
        if self.chunk_count() > 1 {
            return Err(Error::InvalidField {
                field: "message",
                reason: "a scheduled message must fit one chunk".into(),
            });
        }
        Ok(SData::ConsensusSubmitMessage(
            self.body(&self.message, None),
        ))
    }
}
