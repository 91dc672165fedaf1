//! One error type for the wallet. `code()` is the stable string the connector and tests see;
//! `rpc_code()` is the EIP-1193 / HIP-820 number a page's provider rejects with.

use std::fmt;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The passphrase does not open the vault (the vault is untouched).
    BadPassphrase,
    /// The vault's bytes were changed: its authentication tag does not verify.
    VaultCorrupt { reason: String },
    /// A vault written by a newer wallet (or not a vault at all).
    VaultVersion { found: u64 },
    /// Creating a vault where one exists (it would be overwritten).
    VaultExists,
    /// No vault yet: create or import one first.
    NoVault,
    /// The vault is locked: unlock it first.
    Locked,
    /// Passphrases shorter than this are refused at creation.
    WeakPassphrase { min: usize },
    /// The origin is not connected to the wallet (or not to this account).
    Unauthorized { origin: String },
    /// The signer or payer is not an account this origin connected.
    WrongAccount { expected: String, found: String },
    /// The request names another network than the wallet's.
    WrongNetwork { wallet: String, requested: String },
    /// A method the wallet does not offer.
    UnsupportedMethod { method: String },
    /// Params of the wrong shape (the field is named).
    InvalidParams { field: &'static str, reason: String },
    /// Transaction bytes that do not decode, or entries that differ in more than their node.
    Undecodable { reason: String },
    /// Query bytes that do not decode, or a kind of query the wallet cannot show and route.
    UndecodableQuery { reason: String },
    /// The user rejected the request (or closed the approval window).
    UserRejected,
    /// The approval was for other bytes than the request's (its digest differs).
    NotShown,
    /// An account entry the vault cannot hold (duplicate, bad id).
    InvalidAccount { reason: String },
    /// Keys, ids and other core errors.
    Core(loyal_core::Error),
    /// The network refused or could not be reached (set by the wasm layer).
    Network { code: String, message: String },
}

impl Error {
    pub fn code(&self) -> &'static str {
        match self {
            Error::BadPassphrase => "WALLET_BAD_PASSPHRASE",
            Error::VaultCorrupt { .. } => "WALLET_VAULT_CORRUPT",
            Error::VaultVersion { .. } => "WALLET_VAULT_VERSION",
            Error::VaultExists => "WALLET_VAULT_EXISTS",
            Error::NoVault => "WALLET_NO_VAULT",
            Error::Locked => "WALLET_LOCKED",
            Error::WeakPassphrase { .. } => "WALLET_WEAK_PASSPHRASE",
            Error::Unauthorized { .. } => "UNAUTHORIZED",
            Error::WrongAccount { .. } => "WRONG_ACCOUNT",
            Error::WrongNetwork { .. } => "WRONG_NETWORK",
            Error::UnsupportedMethod { .. } => "UNSUPPORTED_METHOD",
            Error::InvalidParams { .. } => "INVALID_PARAMS",
            Error::Undecodable { .. } => "UNDECODABLE_TRANSACTION",
            Error::UndecodableQuery { .. } => "UNDECODABLE_QUERY",
            Error::UserRejected => "USER_REJECTED",
            Error::NotShown => "NOT_SHOWN",
            Error::InvalidAccount { .. } => "INVALID_ACCOUNT",
            Error::Core(e) => e.code(),
            Error::Network { .. } => "NETWORK",
        }
    }

    /// EIP-1193's numbers where one fits (4001 rejected, 4100 unauthorized, 4200 unsupported,
    /// 4900 disconnected — a locked wallet is one), JSON-RPC's -32602 for bad params, and
    /// HIP-820's 9000 for what the network answered.
    pub fn rpc_code(&self) -> i32 {
        match self {
            Error::UserRejected => 4001,
            Error::Unauthorized { .. } | Error::WrongAccount { .. } => 4100,
            Error::UnsupportedMethod { .. } => 4200,
            Error::Locked | Error::NoVault => 4900,
            Error::WrongNetwork { .. } => 4901,
            Error::Network { .. } => 9000,
            Error::NotShown => -32603,
            _ => -32602,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::BadPassphrase => {
                f.write_str("wrong passphrase: the vault was not opened (and is unchanged)")
            }
            Error::VaultCorrupt { reason } => {
                write!(f, "the vault was altered and is refused: {reason}")
            }
            Error::VaultVersion { found } => write!(
                f,
                "vault format version {found} is not one this wallet reads"
            ),
            Error::VaultExists => f.write_str("a vault exists already; it is never overwritten"),
            Error::NoVault => f.write_str("no vault yet: create one in the wallet's popup"),
            Error::Locked => f.write_str("the wallet is locked: unlock it first"),
            Error::WeakPassphrase { min } => {
                write!(f, "the passphrase must have at least {min} characters")
            }
            Error::Unauthorized { origin } => write!(f, "{origin} is not connected to this wallet"),
            Error::WrongAccount { expected, found } => {
                write!(f, "{found} is not the connected account {expected}")
            }
            Error::WrongNetwork { wallet, requested } => write!(
                f,
                "the wallet is on {wallet}, the request is for {requested}"
            ),
            Error::UnsupportedMethod { method } => write!(f, "unsupported method {method:?}"),
            Error::InvalidParams { field, reason } => write!(f, "invalid params.{field}: {reason}"),
            Error::Undecodable { reason } => {
                write!(f, "refused: the transaction cannot be shown ({reason})")
            }
            Error::UndecodableQuery { reason } => {
                write!(f, "refused: the query cannot be shown ({reason})")
            }
            Error::UserRejected => f.write_str("the user rejected the request"),
            Error::NotShown => {
                f.write_str("the approval was for other bytes than these: nothing was signed")
            }
            Error::InvalidAccount { reason } => write!(f, "invalid account: {reason}"),
            Error::Core(e) => f.write_str(&e.message()),
            Error::Network { message, .. } => f.write_str(message),
        }
    }
}

impl std::error::Error for Error {}

impl From<loyal_core::Error> for Error {
    fn from(e: loyal_core::Error) -> Self {
        Error::Core(e)
    }
}
