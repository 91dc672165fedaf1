//! One error type for the clients; every variant has a stable `code()` (what the wasm binding
//! puts on the JS `Error`).

use std::fmt;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Error {
    /// The request never got an HTTP answer (connection refused, DNS, CORS, aborted).
    Transport { url: String, reason: String },
    /// An HTTP answer that is not a well-formed gRPC-web response.
    GrpcWeb { reason: String },
    /// A gRPC status other than OK (e.g. UNAVAILABLE, UNIMPLEMENTED).
    GrpcStatus { status: u32, message: String },
    /// The node refused the transaction at precheck (`status` is the ResponseCode name).
    Precheck {
        status: String,
        transaction_id: String,
    },
    /// The transaction reached consensus and failed.
    ReceiptStatus {
        status: String,
        transaction_id: String,
    },
    /// No final receipt before the timeout.
    ReceiptTimeout { transaction_id: String },
    /// The mirror had not listed the transaction before the timeout (mirror lag: seconds on
    /// Hedera).
    MirrorTimeout { transaction_id: String },
    /// Every node failed (transport errors or BUSY) for all attempts. An attempt may still
    /// have reached a node: the receipt of `transaction_id` tells (retrying with a new id
    /// could pay twice).
    NoHealthyNode {
        attempts: u32,
        last: String,
        transaction_id: String,
    },
    /// Content from IPFS that does not hash to the CID asked for.
    CidMismatch { cid: String },
    /// A CID string that does not parse.
    InvalidCid { input: String },
    /// A mirror or IPFS HTTP answer with an error status.
    Http {
        url: String,
        status: u16,
        body: String,
    },
    /// JSON or protobuf that does not decode as expected.
    Decode { what: &'static str, reason: String },
    /// An error from the core (bad key, invalid builder value, ...).
    Core(loyal_core::Error),
    /// A network name that is not devnet, testnet, mainnet or previewnet.
    UnknownNetwork { name: String },
}

impl Error {
    pub fn code(&self) -> &'static str {
        match self {
            Error::Transport { .. } => "TRANSPORT",
            Error::GrpcWeb { .. } => "GRPC_WEB",
            Error::GrpcStatus { .. } => "GRPC_STATUS",
            Error::Precheck { .. } => "PRECHECK",
            Error::ReceiptStatus { .. } => "RECEIPT_STATUS",
            Error::ReceiptTimeout { .. } => "RECEIPT_TIMEOUT",
            Error::MirrorTimeout { .. } => "MIRROR_TIMEOUT",
            Error::NoHealthyNode { .. } => "NO_HEALTHY_NODE",
            Error::CidMismatch { .. } => "CID_MISMATCH",
            Error::InvalidCid { .. } => "INVALID_CID",
            Error::Http { .. } => "HTTP_STATUS",
            Error::Decode { .. } => "DECODE",
            Error::Core(e) => e.code(),
            Error::UnknownNetwork { .. } => "UNKNOWN_NETWORK",
        }
    }

    /// An HTTP answer with an error status; the start of its body says why.
    pub fn http(url: impl Into<String>, response: &crate::HttpResponse) -> Self {
        Error::Http {
            url: url.into(),
            status: response.status,
            body: String::from_utf8_lossy(&response.body)
                .chars()
                .take(300)
                .collect(),
        }
    }

    /// The ResponseCode name for precheck and receipt failures (e.g. `INSUFFICIENT_PAYER_BALANCE`).
    pub fn status(&self) -> Option<&str> {
        match self {
            Error::Precheck { status, .. } | Error::ReceiptStatus { status, .. } => Some(status),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Transport { url, reason } => write!(f, "cannot reach {url}: {reason}"),
            Error::GrpcWeb { reason } => write!(f, "bad gRPC-web response: {reason}"),
            Error::GrpcStatus { status, message } => write!(f, "gRPC status {status}: {message}"),
            Error::Precheck {
                status,
                transaction_id,
            } => {
                write!(
                    f,
                    "transaction {transaction_id} refused at precheck: {status}"
                )
            }
            Error::ReceiptStatus {
                status,
                transaction_id,
            } => {
                write!(f, "transaction {transaction_id} failed: {status}")
            }
            Error::MirrorTimeout { transaction_id } => {
                write!(
                    f,
                    "the mirror had not seen {transaction_id} before the timeout"
                )
            }
            Error::ReceiptTimeout { transaction_id } => {
                write!(f, "no receipt for {transaction_id} before the timeout")
            }
            Error::NoHealthyNode {
                attempts,
                last,
                transaction_id,
            } => {
                write!(
                    f,
                    "no node took {transaction_id} in {attempts} attempts (last: {last})"
                )
            }
            Error::CidMismatch { cid } => write!(f, "content does not match its CID {cid}"),
            Error::InvalidCid { input } => write!(f, "not a CID: {input:?}"),
            Error::Http { url, status, body } => write!(f, "{url} answered {status}: {body}"),
            Error::Decode { what, reason } => write!(f, "cannot decode {what}: {reason}"),
            Error::Core(e) => write!(f, "{e}"),
            Error::UnknownNetwork { name } => write!(
                f,
                "unknown network {name:?} (devnet, testnet, mainnet or previewnet)"
            ),
        }
    }
}

impl std::error::Error for Error {}

impl From<loyal_core::Error> for Error {
    fn from(e: loyal_core::Error) -> Self {
        Error::Core(e)
    }
}
