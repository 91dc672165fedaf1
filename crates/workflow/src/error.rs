//! One error type for definitions, deployments and runs; every variant has a stable `code()`.

use std::fmt;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// A definition or deployment that is not JSON, or not of the expected shape; `field`
    /// is the JSON path of the first bad value (`actions[1].token`).
    InvalidField { field: String, reason: String },
    /// A required field left out (`field` is its JSON path).
    MissingField { field: String },
    /// A `{{name}}` or `$tokens.name` that nothing binds (`field` is where it appears).
    Unbound { field: String, name: String },
    /// A staff or inbox input that does not match the trigger's declaration.
    InvalidInput { input: String, reason: String },
    /// No workflow with this id in the runner.
    UnknownWorkflow { id: String },
    /// A lookup (an order code, …) with no row for the key.
    NotFound { table: String, key: String },
    /// The request's proof did not verify (`code` is the proof error's code).
    Proof { code: String, reason: String },
    /// The redemption key is held or granted by another request.
    AlreadyRedeemed { key: String },
    /// The network refused a transaction (precheck or receipt status `status`): asking
    /// again gives the same answer.
    Refused { status: String, reason: String },
    /// The network, mirror or IPFS failed (`code` is the client error's code).
    Client { code: String, reason: String },
    /// HIP-412 metadata a mint template produced is not valid.
    Metadata { reason: String },
    /// A message on an inbox or outcomes topic that is not one of ours.
    BadMessage { reason: String },
    /// The run was stopped at a named step (tests of crash recovery).
    Stopped { step: String },
}

impl Error {
    pub fn code(&self) -> &'static str {
        match self {
            Error::InvalidField { .. } => "WORKFLOW_INVALID_FIELD",
            Error::MissingField { .. } => "WORKFLOW_MISSING_FIELD",
            Error::Unbound { .. } => "WORKFLOW_UNBOUND",
            Error::InvalidInput { .. } => "WORKFLOW_INVALID_INPUT",
            Error::UnknownWorkflow { .. } => "WORKFLOW_UNKNOWN",
            Error::NotFound { .. } => "WORKFLOW_NOT_FOUND",
            Error::Proof { .. } => "WORKFLOW_PROOF",
            Error::AlreadyRedeemed { .. } => "ALREADY_REDEEMED",
            Error::Refused { .. } => "WORKFLOW_REFUSED",
            Error::Client { .. } => "WORKFLOW_CLIENT",
            Error::Metadata { .. } => "WORKFLOW_METADATA",
            Error::BadMessage { .. } => "WORKFLOW_BAD_MESSAGE",
            Error::Stopped { .. } => "WORKFLOW_STOPPED",
        }
    }

    /// The most specific code: a proof's own code, the client's code, or `code()`.
    pub fn detail_code(&self) -> String {
        match self {
            Error::Proof { code, .. } | Error::Client { code, .. } => code.clone(),
            Error::Refused { status, .. } => status.clone(),
            e => e.code().to_owned(),
        }
    }

    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::InvalidField {
            field: field.into(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidField { field, reason } => write!(f, "{field}: {reason}"),
            Error::MissingField { field } => write!(f, "{field}: required"),
            Error::Unbound { field, name } => write!(f, "{field}: nothing binds {name}"),
            Error::InvalidInput { input, reason } => write!(f, "input {input}: {reason}"),
            Error::UnknownWorkflow { id } => write!(f, "no workflow {id:?}"),
            Error::NotFound { table, key } => write!(f, "{table} has no entry {key:?}"),
            Error::Proof { code, reason } => write!(f, "proof refused ({code}): {reason}"),
            Error::AlreadyRedeemed { key } => write!(f, "already redeemed (key {key})"),
            Error::Client { code, reason } => write!(f, "{code}: {reason}"),
            Error::Refused { reason, .. } => write!(f, "{reason}"),
            Error::Metadata { reason } => write!(f, "HIP-412 metadata: {reason}"),
            Error::BadMessage { reason } => write!(f, "not a workflow message: {reason}"),
            Error::Stopped { step } => write!(f, "stopped at step {step}"),
        }
    }
}

impl std::error::Error for Error {}

impl From<loyal_client::Error> for Error {
    fn from(e: loyal_client::Error) -> Self {
        if let Some(status) = e.status() {
            return Error::Refused {
                status: status.to_owned(),
                reason: e.to_string(),
            };
        }
        Error::Client {
            code: e.status().unwrap_or(e.code()).to_owned(),
            reason: e.to_string(),
        }
    }
}

impl From<loyal_core::Error> for Error {
    fn from(e: loyal_core::Error) -> Self {
        Error::Client {
            code: e.code().to_owned(),
            reason: e.to_string(),
        }
    }
}
