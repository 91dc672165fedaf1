//! One error type for the pages: a stable code (the library's, or the receipt's status for a
//! transaction the network refused), a message, and a way forward shown under it.

use std::fmt;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Clone, Debug, PartialEq)]
pub struct Error {
    code: String,
    message: String,
}

impl Error {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            message: message.into(),
        }
    }

    pub fn code(&self) -> &str {
        &self.code
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    /// What a person can do about it, when the code says.
    pub fn hint(&self) -> Option<&'static str> {
        Some(match self.code.as_str() {
            "TOKEN_NOT_ASSOCIATED_TO_ACCOUNT" => {
                "the receiver must associate the collection first (FastShoes: Stock → Associate)."
            }
            "INVALID_SIGNATURE" | "KEY_MISMATCH" => {
                "the key does not belong to this account: check the staff key."
            }
            "PROOF_NOT_OWNER" => {
                "the NFT is no longer in your account (sold or sent?): refresh what you can present, then present what you hold."
            }
            "NO_STAFF_KEY" => "enter the organisation's key in the Staff key panel (or use the devnet key).",
            "INSUFFICIENT_ACCOUNT_BALANCE" | "INSUFFICIENT_PAYER_BALANCE" => {
                "fund the account with hbar and try again."
            }
            "TRANSPORT" | "NO_HEALTHY_NODE" | "GRPC_WEB" | "HTTP_STATUS" => {
                "is the network reachable? For the devnet run `cargo xtask demo`; the page's ?grpcweb=, ?mirror= and ?ipfs= settings name other addresses."
            }
            "USER_REJECTED" => "you declined in your wallet: nothing was signed. Click again to retry.",
            "WALLET_NOT_FOUND" => {
                "install the Loyal wallet extension (`cargo xtask wallet` builds it into target/wallet/extension) and reload."
            }
            "WALLET_LOCKED" => "unlock your wallet (its toolbar icon) and try again.",
            "WRONG_NETWORK" => "switch your wallet to this page's network and connect again.",
            "NOT_CONNECTED" => "click Connect wallet first.",
                        "MIRROR_TIMEOUT" => "the mirror is behind the network: try again in a few seconds.",
            "CID_MISMATCH" => "the gateway returned bytes other than the CID names: do not trust this metadata.",
            "NO_IPFS" => "this network has no IPFS node configured: add ?ipfs=URL to the page address.",
            "SENDER_DOES_NOT_OWN_NFT_SERIAL_NO" => "that serial is not held by the sender any more: refresh the collection.",
            "INVALID_INPUT" | "METADATA_INVALID_FIELD" | "METADATA_MISSING_FIELD" => "correct the field named above.",
            _ => return None,
        })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl From<loyal_client::Error> for Error {
    fn from(e: loyal_client::Error) -> Self {
        // A refusal by the network carries its response code: the code people look up.
        match e.status() {
            Some(status) => Self::new(status, format!("{} — {e}", e.code())),
            None => Self::new(e.code(), e.to_string()),
        }
    }
}

impl From<loyal_metadata::Error> for Error {
    fn from(e: loyal_metadata::Error) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

impl From<loyal_core::Error> for Error {
    fn from(e: loyal_core::Error) -> Self {
        Self::new(e.code(), e.to_string())
    }
}

/// A bad form field, named.
pub fn invalid(field: &str, reason: impl fmt::Display) -> Error {
    Error::new("INVALID_INPUT", format!("{field}: {reason}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_refused_transaction_shows_the_network_code_and_a_way_forward() {
        let e: Error = loyal_client::Error::ReceiptStatus {
            status: "TOKEN_NOT_ASSOCIATED_TO_ACCOUNT".into(),
            transaction_id: "0.0.1001@1.2".into(),
        }
        .into();
        assert_eq!(e.code(), "TOKEN_NOT_ASSOCIATED_TO_ACCOUNT");
        assert!(e.message().starts_with("RECEIPT_STATUS"));
        assert!(e.hint().unwrap().contains("associate"));
    }

    #[test]
    fn library_codes_pass_through() {
        let e: Error = loyal_client::Error::CidMismatch { cid: "bafk".into() }.into();
        assert_eq!(e.code(), "CID_MISMATCH");
        assert!(e.hint().is_some());
        let e: Error = loyal_metadata::NftMetadata::from_json(b"{}")
            .unwrap_err()
            .into();
        assert_eq!(e.code(), "METADATA_MISSING_FIELD");
        assert_eq!(Error::new("SOMETHING_ELSE", "x").hint(), None);
        assert_eq!(
            invalid("Serial", "bad").to_string(),
            "INVALID_INPUT: Serial: bad"
        );
    }
}
