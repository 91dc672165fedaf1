//! The body every transaction shares, and the trait each transaction type implements.

use super::frozen::Transaction;
use crate::prelude::*;
use crate::{
    hbar::Hbar, id::AccountId, proto, time::Duration, transaction_id::TransactionId, Error, Result,
};
use prost::Message as _;

/// Memos longer than this are rejected by the network (MEMO_TOO_LONG).
pub const MAX_MEMO_BYTES: usize = 100;
/// The network's limit for one signed transaction (TRANSACTION_OVERSIZE).
pub const MAX_TRANSACTION_BYTES: usize = 6144;
/// What the SDKs use when no valid duration is set.
pub const DEFAULT_VALID_DURATION: Duration = Duration::from_secs(120);

/// One transaction type: its body data, defaults and validation.
pub trait TransactionData: Clone {
    /// The SDK's default max fee for this type, so unconfigured transactions match it.
    fn default_max_fee(&self) -> Hbar;

    /// Checks that need no network: required fields, limits, consistency.
    fn validate(&self) -> Result<()>;

    /// The body data, one per chunk; only topic messages have more than one chunk.
    fn chunks(&self, initial_id: &TransactionId) -> Result<Vec<DataField>>;

    /// The same data inside a ScheduleCreate, for types the network can schedule.
    fn to_schedulable(&self) -> Result<proto::schedulable_transaction_body::Data>;

    /// Chunked types need a distinct transaction id per chunk.
    fn chunk_count(&self) -> usize {
        1
    }
}

/// A transaction under construction. Setters consume and return the builder (`with_x`).
#[derive(Clone, Debug)]
pub struct Builder<D> {
    pub(crate) transaction_id: Option<TransactionId>,
    pub(crate) node_account_ids: Vec<AccountId>,
    pub(crate) max_transaction_fee: Option<Hbar>,
    pub(crate) valid_duration: Duration,
    pub(crate) memo: String,
    pub(crate) data: D,
}

impl<D: TransactionData + Default> Builder<D> {
    pub fn new() -> Self {
        Self::from_data(D::default())
    }
}

impl<D: TransactionData + Default> Default for Builder<D> {
    fn default() -> Self {
        Self::new()
    }
}

impl<D: TransactionData> Builder<D> {
    pub fn from_data(data: D) -> Self {
        Self {
            transaction_id: None,
            node_account_ids: Vec::new(),
            max_transaction_fee: None,
            valid_duration: DEFAULT_VALID_DURATION,
            memo: String::new(),
            data,
        }
    }

    pub fn with_transaction_id(mut self, id: TransactionId) -> Self {
        self.transaction_id = Some(id);
        self
    }

    pub fn with_node_account_ids(mut self, ids: impl IntoIterator<Item = AccountId>) -> Self {
        self.node_account_ids = ids.into_iter().collect();
        self
    }

    pub fn with_max_transaction_fee(mut self, fee: Hbar) -> Self {
        self.max_transaction_fee = Some(fee);
        self
    }

    pub fn with_transaction_valid_duration(mut self, duration: Duration) -> Self {
        self.valid_duration = duration;
        self
    }

    pub fn with_memo(mut self, memo: impl Into<String>) -> Self {
        self.memo = memo.into();
        self
    }

    pub fn transaction_id(&self) -> Option<&TransactionId> {
        self.transaction_id.as_ref()
    }

    pub fn node_account_ids(&self) -> &[AccountId] {
        &self.node_account_ids
    }

    pub fn data(&self) -> &D {
        &self.data
    }

    pub fn max_transaction_fee(&self) -> Hbar {
        self.max_transaction_fee
            .unwrap_or_else(|| self.data.default_max_fee())
    }

    pub(crate) fn map_data(mut self, f: impl FnOnce(&mut D)) -> Self {
        f(&mut self.data);
        self
    }

    /// Fixes the body: one per chunk per node, in chunk-major order as the SDK lists them.
    /// Only the type's own validation and chunking are generic; the shared work is not, so
    /// each transaction type adds little code to a wasm build.
    pub fn freeze(&self) -> Result<Transaction> {
        let frame = Frame {
            transaction_id: self.transaction_id.as_ref(),
            node_account_ids: &self.node_account_ids,
            fee: self.max_transaction_fee(),
            valid_duration: self.valid_duration,
            memo: &self.memo,
        };
        let initial_id = frame.validate()?;
        self.data.validate()?;
        frame.freeze(initial_id, self.data.chunks(initial_id)?)
    }

    /// The schedulable form of this transaction, for [`super::ScheduleCreate`].
    pub fn to_schedulable_body(&self) -> Result<proto::SchedulableTransactionBody> {
        validate_memo(&self.memo)?;
        self.data.validate()?;
        Ok(schedulable_body(
            &self.memo,
            self.max_transaction_fee(),
            self.data.to_schedulable()?,
        ))
    }
}

/// Not generic, like [`Frame`]: one copy for every schedulable type.
fn schedulable_body(
    memo: &str,
    fee: Hbar,
    data: proto::schedulable_transaction_body::Data,
) -> proto::SchedulableTransactionBody {
    proto::SchedulableTransactionBody {
        transaction_fee: Some(fee.to_tinybars() as u64),
        memo: Some(memo.to_owned()),
        data: Some(data),
        ..Default::default()
    }
}

/// One chunk's `data` field of a TransactionBody (key, length, the type's body message),
/// encoded by the type that owns it rather than through `proto::transaction_body::Data`, whose
/// encoder matches every case: an app that builds only TokenMints links only their encoder.
/// Appended to the shared fields (`proto::TransactionBodyHeader`) it yields the bytes prost
/// writes for the whole body, as `data` is the last field a transaction sets.
#[derive(Clone, Debug)]
pub struct DataField(Vec<u8>);

impl DataField {
    /// `tag` is the case's field number, from `proto::transaction_body::tag`.
    pub fn new(tag: u32, body: &impl prost::Message) -> Self {
        let mut bytes = Vec::with_capacity(body.encoded_len() + 8);
        prost::encoding::message::encode(tag, body, &mut bytes);
        Self(bytes)
    }
}

/// The shared part of a builder, borrowed for the non-generic half of `freeze`.
struct Frame<'a> {
    transaction_id: Option<&'a TransactionId>,
    node_account_ids: &'a [AccountId],
    fee: Hbar,
    valid_duration: Duration,
    memo: &'a str,
}

impl<'a> Frame<'a> {
    fn validate(&self) -> Result<&'a TransactionId> {
        let id = self.transaction_id.ok_or(Error::MissingField {
            field: "transaction_id",
        })?;
        if self.node_account_ids.is_empty() {
            return Err(Error::MissingField {
                field: "node_account_ids",
            });
        }
        validate_memo(self.memo)?;
        if !(1..=180).contains(&self.valid_duration.seconds) {
            return Err(Error::InvalidField {
                field: "transaction_valid_duration",
                reason: text!(self.valid_duration.seconds, " s is outside 1..=180 s"),
            });
        }
        if self.fee.to_tinybars() < 0 {
            return Err(Error::InvalidField {
                field: "max_transaction_fee",
                reason: "negative".into(),
            });
        }
        Ok(id)
    }

    fn freeze(&self, initial_id: &TransactionId, chunks: Vec<DataField>) -> Result<Transaction> {
        let mut entries = Vec::with_capacity(chunks.len() * self.node_account_ids.len());
        for (i, data) in chunks.into_iter().enumerate() {
            // Chunk n's id is the initial valid start plus n nanoseconds, as the SDK does.
            let id = TransactionId {
                valid_start: initial_id.valid_start.plus_nanos(i as i64),
                ..initial_id.clone()
            };
            for node in self.node_account_ids {
                let shared = proto::TransactionBodyHeader {
                    transaction_id: Some(id.to_proto()),
                    node_account_id: Some(node.to_proto()),
                    transaction_fee: Some(self.fee.to_tinybars() as u64),
                    transaction_valid_duration: Some(self.valid_duration.to_proto()),
                    memo: Some(self.memo.to_owned()),
                    generate_record: None,
                };
                let mut body = Vec::with_capacity(shared.encoded_len() + data.0.len());
                shared.encode_raw(&mut body);
                body.extend_from_slice(&data.0);
                entries.push((body, id.clone(), node.clone()));
            }
        }
        let tx = Transaction::from_bodies(entries);
        tx.check_size()?;
        Ok(tx)
    }
}

pub(crate) fn validate_memo(memo: &str) -> Result<()> {
    if memo.len() > MAX_MEMO_BYTES {
        return Err(Error::MemoTooLong {
            len: memo.len(),
            max: MAX_MEMO_BYTES,
        });
    }
    if memo.bytes().any(|b| b == 0) {
        return Err(Error::InvalidField {
            field: "transaction_memo",
            reason: "contains a NUL byte".into(),
        });
    }
    Ok(())
}

pub(crate) fn not_schedulable(what: &'static str) -> Error {
    Error::InvalidField {
        field: "scheduled_transaction",
        reason: text!(what, " cannot be scheduled"),
    }
}
