//! One error type for the core. Every variant has a stable `code()` string: it is what the
//! wasm binding puts on the JS `Error` it throws, so codes never change once published.

use crate::prelude::*;
use crate::text::Quoted;
use core::fmt;

/// `Result<T, E = Error>` as in alloy: the crate's error unless said otherwise.
pub type Result<T, E = Error> = core::result::Result<T, E>;

#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// An entity id (`0.0.n`, with or without checksum, or HIP-30 form) that does not parse.
    InvalidEntityId {
        input: String,
        reason: &'static str,
    },
    /// A HIP-15 checksum that does not match the id on the named ledger.
    ChecksumMismatch {
        id: String,
        expected: String,
        actual: String,
    },
    /// A transaction id that does not parse in SDK (`0.0.n@s.n`) or mirror (`0.0.n-s-n`) form.
    InvalidTransactionId {
        input: String,
        reason: &'static str,
    },
    /// A key (private or public) that does not parse or is not on its curve.
    InvalidKey {
        reason: String,
    },
    /// A signature that does not verify, or has the wrong length or encoding.
    InvalidSignature {
        reason: String,
    },
    /// An amount that does not fit or does not parse.
    InvalidAmount {
        input: String,
        reason: &'static str,
    },
    /// Memo over 100 bytes (UTF-8) or containing a NUL byte.
    MemoTooLong {
        len: usize,
        max: usize,
    },
    /// A builder value outside what the network accepts (the field is named).
    InvalidField {
        field: &'static str,
        reason: String,
    },
    /// A required builder field was never set.
    MissingField {
        field: &'static str,
    },
    /// Transfers that do not sum to zero, or otherwise cannot be valid.
    UnbalancedTransfer {
        reason: String,
    },
    /// Signed transaction over the network's 6,144-byte limit.
    TransactionTooLarge {
        size: usize,
        max: usize,
    },
    /// A transaction was changed after it was frozen, or signed before it was frozen.
    NotFrozen,
    AlreadyFrozen,
    /// Bytes that are not a valid protobuf of the expected message.
    Decode {
        message: &'static str,
        reason: String,
    },
    /// The external signer (e.g. a wallet) failed or refused.
    Signer {
        reason: String,
    },
    /// Something this build leaves out (a cargo feature that is off).
    Unsupported {
        what: &'static str,
    },
}

impl Error {
    /// Stable machine-readable code, e.g. `"INVALID_ENTITY_ID"`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidEntityId { .. } => "INVALID_ENTITY_ID",
            Error::ChecksumMismatch { .. } => "CHECKSUM_MISMATCH",
            Error::InvalidTransactionId { .. } => "INVALID_TRANSACTION_ID",
            Error::InvalidKey { .. } => "INVALID_KEY",
            Error::InvalidSignature { .. } => "INVALID_SIGNATURE",
            Error::InvalidAmount { .. } => "INVALID_AMOUNT",
            Error::MemoTooLong { .. } => "MEMO_TOO_LONG",
            Error::InvalidField { .. } => "INVALID_FIELD",
            Error::MissingField { .. } => "MISSING_FIELD",
            Error::UnbalancedTransfer { .. } => "UNBALANCED_TRANSFER",
            Error::TransactionTooLarge { .. } => "TRANSACTION_TOO_LARGE",
            Error::NotFrozen => "NOT_FROZEN",
            Error::AlreadyFrozen => "ALREADY_FROZEN",
            Error::Decode { .. } => "DECODE",
            Error::Signer { .. } => "SIGNER",
            Error::Unsupported { .. } => "UNSUPPORTED",
        }
    }
}

impl Error {
    /// The human-readable message (what `Display` prints), made without `core::fmt`.
    pub fn message(&self) -> String {
        match self {
            Error::InvalidEntityId { input, reason } => {
                text!("invalid entity id ", Quoted(input), ": ", reason)
            }
            Error::ChecksumMismatch {
                id,
                expected,
                actual,
            } => text!(
                "checksum mismatch for ",
                id,
                ": expected ",
                expected,
                ", got ",
                actual
            ),
            Error::InvalidTransactionId { input, reason } => {
                text!("invalid transaction id ", Quoted(input), ": ", reason)
            }
            Error::InvalidKey { reason } => text!("invalid key: ", reason),
            Error::InvalidSignature { reason } => text!("invalid signature: ", reason),
            Error::InvalidAmount { input, reason } => {
                text!("invalid amount ", Quoted(input), ": ", reason)
            }
            Error::MemoTooLong { len, max } => {
                text!("memo is ", len, " bytes, at most ", max, " allowed")
            }
            Error::InvalidField { field, reason } => text!("invalid ", field, ": ", reason),
            Error::MissingField { field } => text!(field, " is required"),
            Error::UnbalancedTransfer { reason } => text!("transfer does not balance: ", reason),
            Error::TransactionTooLarge { size, max } => {
                text!("transaction is ", size, " bytes, at most ", max, " allowed")
            }
            Error::NotFrozen => "transaction must be frozen first".into(),
            Error::AlreadyFrozen => "transaction is frozen and can no longer change".into(),
            Error::Decode { message, reason } => text!("cannot decode ", message, ": ", reason),
            Error::Signer { reason } => text!("signer failed: ", reason),
            Error::Unsupported { what } => text!("not in this build: ", what),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl core::error::Error for Error {}
