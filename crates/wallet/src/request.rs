//! Requests from pages (`provider.request({ method, params })`), parsed and checked for shape
//! before anything else looks at them. Method names and params are HIP-820's; `hedera_connect`,
//! `hedera_disconnect` and `hedera_accounts` are the provider's own.

use crate::b64::B64;
use crate::json::Value;
use crate::{Error, Result};
use loyal_core::id::{AccountId, EntityId};

/// The longest message `hedera_signMessage` accepts (a proof, not a document).
pub const MAX_MESSAGE_CHARS: usize = 4096;
/// Larger than any list of signed transactions for a handful of nodes.
pub const MAX_BYTES: usize = 64 * 1024;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signer {
    /// HIP-30 network name (`devnet`, `testnet`, `mainnet`).
    pub network: String,
    pub account: AccountId,
}

impl Signer {
    pub fn hip30(&self) -> String {
        format!("hedera:{}:{}", self.network, self.account)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Request {
    Connect {
        network: Option<String>,
    },
    Disconnect,
    Accounts,
    GetNodeAddresses,
    ExecuteTransaction {
        transaction_list: Vec<u8>,
    },
    SignMessage {
        signer: Signer,
        message: String,
    },
    SignAndExecuteQuery {
        signer: Signer,
        query: Vec<u8>,
    },
    SignAndExecuteTransaction {
        signer: Signer,
        transaction_list: Vec<u8>,
    },
    SignTransaction {
        signer: Signer,
        transaction_body: Vec<u8>,
    },
}

impl Request {
    /// Parses `{ method, params }` as a page sent it.
    pub fn parse(method: &str, params: &Value) -> Result<Self> {
        let params = match params {
            Value::Null => &Value::Object(crate::json::Map::default()),
            Value::Object(_) => params,
            _ => {
                return Err(Error::InvalidParams {
                    field: "params",
                    reason: "must be an object".into(),
                })
            }
        };
        Ok(match method {
            "hedera_connect" => Request::Connect {
                network: optional_str(params, "network")?,
            },
            "hedera_disconnect" => Request::Disconnect,
            "hedera_accounts" => Request::Accounts,
            "hedera_getNodeAddresses" => Request::GetNodeAddresses,
            "hedera_executeTransaction" => Request::ExecuteTransaction {
                transaction_list: bytes(params, "transactionList")?,
            },
            "hedera_signMessage" => {
                let message = string(params, "message")?;
                if message.chars().count() > MAX_MESSAGE_CHARS {
                    return Err(Error::InvalidParams {
                        field: "message",
                        reason: format!("longer than {MAX_MESSAGE_CHARS} characters"),
                    });
                }
                Request::SignMessage {
                    signer: signer(params)?,
                    message,
                }
            }
            "hedera_signAndExecuteQuery" => Request::SignAndExecuteQuery {
                signer: signer(params)?,
                query: bytes(params, "query")?,
            },
            "hedera_signAndExecuteTransaction" => Request::SignAndExecuteTransaction {
                signer: signer(params)?,
                transaction_list: bytes(params, "transactionList")?,
            },
            "hedera_signTransaction" => Request::SignTransaction {
                signer: signer(params)?,
                transaction_body: bytes(params, "transactionBody")?,
            },
            other => {
                return Err(Error::UnsupportedMethod {
                    method: other.chars().take(64).collect(),
                })
            }
        })
    }

    pub fn signer(&self) -> Option<&Signer> {
        match self {
            Request::SignMessage { signer, .. }
            | Request::SignAndExecuteQuery { signer, .. }
            | Request::SignAndExecuteTransaction { signer, .. }
            | Request::SignTransaction { signer, .. } => Some(signer),
            _ => None,
        }
    }
}

fn string(params: &Value, field: &'static str) -> Result<String> {
    match params.get(field) {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(_) => Err(Error::InvalidParams {
            field,
            reason: "must be a string".into(),
        }),
        None => Err(Error::InvalidParams {
            field,
            reason: "is required".into(),
        }),
    }
}

fn optional_str(params: &Value, field: &'static str) -> Result<Option<String>> {
    match params.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => string(params, field).map(Some),
    }
}

fn bytes(params: &Value, field: &'static str) -> Result<Vec<u8>> {
    let s = string(params, field)?;
    if s.len() > MAX_BYTES * 4 / 3 + 4 {
        return Err(Error::InvalidParams {
            field,
            reason: format!("more than {MAX_BYTES} bytes"),
        });
    }
    B64.decode(s.trim()).map_err(|_| Error::InvalidParams {
        field,
        reason: "is not base64".into(),
    })
}

fn signer(params: &Value) -> Result<Signer> {
    let s = string(params, "signerAccountId")?;
    let (ledger, id) = EntityId::from_hip30(&s).map_err(|e| Error::InvalidParams {
        field: "signerAccountId",
        reason: format!("expected hedera:<network>:0.0.n ({})", e.message()),
    })?;
    Ok(Signer {
        network: ledger.name().unwrap_or("").into(),
        account: AccountId::new(id.shard, id.realm, id.num),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::json_test as json;

    #[test]
    fn hip820_shapes_parse() {
        let r = Request::parse(
            "hedera_signMessage",
            &json!({ "signerAccountId": "hedera:devnet:0.0.1005", "message": "hi" }),
        )
        .unwrap();
        let signer = r.signer().unwrap();
        assert_eq!(signer.hip30(), "hedera:devnet:0.0.1005");
        let r = Request::parse(
            "hedera_signAndExecuteTransaction",
            &json!({ "signerAccountId": "hedera:testnet:0.0.12345", "transactionList": "AAEC" }),
        )
        .unwrap();
        assert_eq!(
            r,
            Request::SignAndExecuteTransaction {
                signer: Signer {
                    network: "testnet".into(),
                    account: AccountId::new(0, 0, 12345)
                },
                transaction_list: vec![0, 1, 2],
            }
        );
        assert_eq!(
            Request::parse("hedera_getNodeAddresses", &Value::Null).unwrap(),
            Request::GetNodeAddresses
        );
    }

    #[test]
    fn bad_shapes_are_refused_with_the_field_named() {
        let cases = [
            (
                "hedera_signMessage",
                json!({ "message": "hi" }),
                "signerAccountId",
            ),
            (
                "hedera_signMessage",
                json!({ "signerAccountId": "0.0.1005", "message": "hi" }),
                "signerAccountId",
            ),
            (
                "hedera_signMessage",
                json!({ "signerAccountId": "hedera:moon:0.0.1005", "message": "hi" }),
                "signerAccountId",
            ),
            (
                "hedera_signMessage",
                json!({ "signerAccountId": "hedera:devnet:0.0.1005", "message": 7 }),
                "message",
            ),
            (
                "hedera_signMessage",
                json!({ "signerAccountId": "hedera:devnet:0.0.1005", "message": "x".repeat(5000) }),
                "message",
            ),
            (
                "hedera_signTransaction",
                json!({ "signerAccountId": "hedera:devnet:0.0.1005", "transactionBody": "%%%" }),
                "transactionBody",
            ),
            (
                "hedera_signAndExecuteTransaction",
                json!({ "signerAccountId": "hedera:devnet:0.0.1005" }),
                "transactionList",
            ),
            ("hedera_connect", json!({ "network": 3 }), "network"),
            ("hedera_connect", json!([1]), "params"),
        ];
        for (method, params, field) in cases {
            match Request::parse(method, &params) {
                Err(Error::InvalidParams { field: f, .. }) => {
                    assert_eq!(f, field, "{method} {params}")
                }
                other => panic!("{method} {params}: {other:?}"),
            }
        }
        let err = Request::parse("eth_sendTransaction", &Value::Null).unwrap_err();
        assert_eq!((err.code(), err.rpc_code()), ("UNSUPPORTED_METHOD", 4200));
    }
}
