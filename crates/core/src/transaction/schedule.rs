//! Scheduled transactions: wrap any schedulable builder, then collect signatures with
//! ScheduleSign until the inner transaction's keys are satisfied and it executes.

use super::builder::{validate_memo, Builder, DataField, TransactionData};
use crate::prelude::*;
use crate::{
    hbar::Hbar, id::AccountId, id::ScheduleId, key::Key, proto, time::Timestamp,
    transaction_id::TransactionId, Error, Result,
};
use proto::schedulable_transaction_body::Data as SData;
use proto::transaction_body::tag;

#[derive(Clone, Debug, Default)]
pub struct ScheduleCreate {
    pub scheduled: Option<proto::SchedulableTransactionBody>,
    pub schedule_memo: Option<String>,
    pub admin_key: Option<Key>,
    pub payer_account_id: Option<AccountId>,
    pub expiration_time: Option<Timestamp>,
    pub wait_for_expiry: Option<bool>,
}

impl Builder<ScheduleCreate> {
    /// Schedules `inner`; its own memo and max fee travel with it, its payer/nodes don't.
    pub fn with_scheduled_transaction<D: TransactionData>(
        self,
        inner: &Builder<D>,
    ) -> Result<Self> {
        let body = inner.to_schedulable_body()?;
        Ok(self.map_data(|d| d.scheduled = Some(body)))
    }
    pub fn with_schedule_memo(self, memo: impl Into<String>) -> Self {
        self.map_data(|d| d.schedule_memo = Some(memo.into()))
    }
    pub fn with_admin_key(self, key: impl Into<Key>) -> Self {
        self.map_data(|d| d.admin_key = Some(key.into()))
    }
    pub fn with_payer_account_id(self, payer: AccountId) -> Self {
        self.map_data(|d| d.payer_account_id = Some(payer))
    }
    pub fn with_expiration_time(self, at: Timestamp) -> Self {
        self.map_data(|d| d.expiration_time = Some(at))
    }
    pub fn with_wait_for_expiry(self, wait: bool) -> Self {
        self.map_data(|d| d.wait_for_expiry = Some(wait))
    }
}

impl ScheduleCreate {
    fn body(&self) -> proto::ScheduleCreateTransactionBody {
        proto::ScheduleCreateTransactionBody {
            scheduled_transaction_body: self.scheduled.clone(),
            memo: self.schedule_memo.clone(),
            admin_key: self.admin_key.as_ref().map(Key::to_proto),
            payer_account_id: self.payer_account_id.as_ref().map(AccountId::to_proto),
            expiration_time: self.expiration_time.map(|t| t.to_proto()),
            wait_for_expiry: self.wait_for_expiry,
        }
    }
}

impl TransactionData for ScheduleCreate {
    fn default_max_fee(&self) -> Hbar {
        Hbar::new(5)
    }
    fn validate(&self) -> Result<()> {
        if self.scheduled.is_none() {
            return Err(Error::MissingField {
                field: "scheduled_transaction",
            });
        }
        validate_memo(self.schedule_memo.as_deref().unwrap_or(""))
    }
    fn chunks(&self, _: &TransactionId) -> Result<Vec<DataField>> {
        Ok(vec![DataField::new(tag::ScheduleCreate, &self.body())])
    }
    fn to_schedulable(&self) -> Result<SData> {
        Err(super::builder::not_schedulable("ScheduleCreate"))
    }
}

#[derive(Clone, Debug, Default)]
pub struct ScheduleSign {
    pub schedule_id: Option<ScheduleId>,
}

impl Builder<ScheduleSign> {
    pub fn with_schedule_id(self, id: ScheduleId) -> Self {
        self.map_data(|d| d.schedule_id = Some(id))
    }
}

impl TransactionData for ScheduleSign {
    fn default_max_fee(&self) -> Hbar {
        Hbar::new(5)
    }
    fn validate(&self) -> Result<()> {
        self.schedule_id.map(drop).ok_or(Error::MissingField {
            field: "schedule_id",
        })
    }
    fn chunks(&self, _: &TransactionId) -> Result<Vec<DataField>> {
        let body = proto::ScheduleSignTransactionBody {
            schedule_id: self.schedule_id.map(|s| s.to_proto()),
        };
        Ok(vec![DataField::new(tag::ScheduleSign, &body)])
    }
    fn to_schedulable(&self) -> Result<SData> {
        Err(super::builder::not_schedulable("ScheduleSign"))
    }
}
