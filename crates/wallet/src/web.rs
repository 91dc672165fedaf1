//! The wasm-bindgen surface the service worker's JS calls: one `WalletCore` holding the
//! [`Wallet`], JSON strings in and out, errors as JS `Error`s with `code` (the wallet's) and
//! `rpcCode` (EIP-1193's). The network (mirror reads, gRPC-web submit) is reached here, through
//! loyal-client over loyal-web's `fetch`.

use crate::b64::B64;
use crate::json::Value;
use crate::obj;
use crate::query::PageQuery;
use crate::request::Request;
use crate::settings::{Endpoints, Settings};
use crate::vault::VaultFile;
use crate::wallet::{Checked, Signed, Wallet};
use crate::Error;
use loyal_client::{grpc_web, Client, MirrorClient, Network, Node};
use loyal_core::id::AccountId;
use loyal_core::proto::ResponseCodeEnum;
use loyal_core::time::Timestamp;
use loyal_core::transaction::Transaction;
use loyal_web::{Fetch, Timers, WebRng};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use zeroize::Zeroizing;

type JsResult<T> = Result<T, JsValue>;

fn err(e: Error) -> JsValue {
    crate::js::error(&e)
}

fn net(e: loyal_client::Error) -> Error {
    Error::Network {
        code: match &e {
            loyal_client::Error::Precheck { status, .. }
            | loyal_client::Error::ReceiptStatus { status, .. } => status.clone(),
            _ => e.code().into(),
        },
        message: e.to_string(),
    }
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

fn parse(method: &str, params: &str) -> Result<Request, Error> {
    let params = crate::json::parse(params.as_bytes()).ok_or(Error::InvalidParams {
        field: "params",
        reason: "not JSON".into(),
    })?;
    Request::parse(method, &params)
}

/// The network the wallet talks to: the user's endpoints for it, else the network's own.
fn network_of(settings: &Settings) -> Result<Network, Error> {
    let name = settings.network.as_str();
    let mut network = Network::from_name(name).map_err(net)?;
    if let Some(Endpoints { mirror, grpc_web }) = settings.endpoints.get(name) {
        network.nodes = vec![Node {
            account_id: AccountId::new(0, 0, 3),
            url: grpc_web.trim_end_matches('/').into(),
        }];
        network.mirror_url = mirror.trim_end_matches('/').into();
    }
    Ok(network)
}

#[wasm_bindgen]
pub struct WalletCore {
    wallet: Rc<RefCell<Wallet>>,
}

#[wasm_bindgen]
impl WalletCore {
    /// From what `chrome.storage.local` holds. A stored vault that does not parse is an error,
    /// never replaced by an empty one.
    #[wasm_bindgen(constructor)]
    pub fn new(settings: Option<String>, vault: Option<String>) -> JsResult<WalletCore> {
        let vault = vault
            .as_deref()
            .map(VaultFile::from_json)
            .transpose()
            .map_err(err)?;
        Ok(WalletCore {
            wallet: Rc::new(RefCell::new(Wallet::new(
                Settings::from_json(settings.as_deref()),
                vault,
            ))),
        })
    }

    /// `{ hasVault, unlocked, network, endpoints, accounts, connections, idleMinutes, autoApprove }`.
    pub fn status(&self) -> String {
        let w = self.wallet.borrow();
        let endpoints = network_of(&w.settings).ok().map(|n| {
            obj! { "mirror": n.mirror_url, "grpcWeb": n.nodes.first().map(|n| n.url.clone()) }
        });
        obj! {
            "hasVault": w.has_vault(),
            "unlocked": w.is_unlocked(),
            "network": &w.settings.network,
            "endpoints": endpoints,
            "accounts": w.settings.network_accounts().map(Value::from).collect::<Vec<_>>(),
            "connections": w.settings.connections_value(),
            "idleMinutes": w.settings.idle_minutes,
            "autoApprove": w.settings.auto_approve,
        }
        .to_string()
    }

    #[wasm_bindgen(js_name = settingsJson)]
    pub fn settings_json(&self) -> String {
        self.wallet.borrow().settings.to_json()
    }

    #[wasm_bindgen(js_name = vaultJson)]
    pub fn vault_json(&self) -> Option<String> {
        self.wallet.borrow().vault_file().map(VaultFile::to_json)
    }

    pub fn create(&self, passphrase: String) -> JsResult<()> {
        let passphrase = Zeroizing::new(passphrase);
        self.wallet
            .borrow_mut()
            .create(&passphrase, now_ms(), &mut WebRng)
            .map_err(err)
    }

    pub fn unlock(&self, passphrase: String) -> JsResult<()> {
        let passphrase = Zeroizing::new(passphrase);
        self.wallet
            .borrow_mut()
            .unlock(&passphrase, now_ms())
            .map_err(err)
    }

    #[wasm_bindgen(js_name = isUnlocked)]
    pub fn is_unlocked(&self) -> bool {
        self.wallet.borrow().is_unlocked()
    }

    pub fn lock(&self) {
        self.wallet.borrow_mut().lock();
    }

    /// Locks if idle too long; true if it just locked.
    pub fn tick(&self) -> bool {
        self.wallet.borrow_mut().lock_if_idle(now_ms())
    }

    pub fn touch(&self) {
        self.wallet.borrow_mut().touch(now_ms());
    }

    #[wasm_bindgen(js_name = addAccount)]
    pub fn add_account(
        &self,
        network: &str,
        account_id: &str,
        label: &str,
        private_key: Option<String>,
        algorithm: Option<String>,
    ) -> JsResult<String> {
        let private_key = private_key.map(Zeroizing::new);
        let account = self
            .wallet
            .borrow_mut()
            .add_account(
                network,
                account_id,
                label,
                private_key.as_ref().map(|k| k.as_str()),
                algorithm.as_deref(),
                &mut WebRng,
            )
            .map_err(err)?;
        Ok(Value::from(&account).to_string())
    }

    #[wasm_bindgen(js_name = importDevnetGenesis)]
    pub fn import_devnet_genesis(&self) -> JsResult<u32> {
        let n = self
            .wallet
            .borrow_mut()
            .import_devnet_genesis(&mut WebRng)
            .map_err(err)?;
        Ok(n as u32)
    }

    #[wasm_bindgen(js_name = removeAccount)]
    pub fn remove_account(&self, network: &str, account_id: &str) -> JsResult<()> {
        self.wallet
            .borrow_mut()
            .remove_account(network, account_id, &mut WebRng)
            .map_err(err)
    }

    #[wasm_bindgen(js_name = setNetwork)]
    pub fn set_network(&self, network: &str) -> JsResult<()> {
        self.wallet.borrow_mut().set_network(network).map_err(err)
    }

    /// Custom mirror and gRPC-web URLs for `network`; empty strings restore its own.
    #[wasm_bindgen(js_name = setEndpoints)]
    pub fn set_endpoints(&self, network: &str, mirror: &str, grpc_web: &str) -> JsResult<()> {
        let mut w = self.wallet.borrow_mut();
        if mirror.is_empty() && grpc_web.is_empty() {
            w.settings.endpoints.remove(network);
            return Ok(());
        }
        for (field, url) in [("mirror", mirror), ("grpcWeb", grpc_web)] {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return Err(err(Error::InvalidParams {
                    field: if field == "mirror" {
                        "mirror"
                    } else {
                        "grpcWeb"
                    },
                    reason: "an http(s) URL".into(),
                }));
            }
        }
        w.settings.endpoints.insert(
            network.into(),
            Endpoints {
                mirror: mirror.into(),
                grpc_web: grpc_web.into(),
            },
        );
        Ok(())
    }

    #[wasm_bindgen(js_name = setAutoApprove)]
    pub fn set_auto_approve(&self, on: bool) {
        self.wallet.borrow_mut().settings.auto_approve = on;
    }

    #[wasm_bindgen(js_name = setIdleMinutes)]
    pub fn set_idle_minutes(&self, minutes: u32) {
        self.wallet.borrow_mut().settings.idle_minutes = minutes.clamp(1, 24 * 60);
    }

    pub fn revoke(&self, origin: &str) -> bool {
        self.wallet.borrow_mut().revoke(origin)
    }

    /// The HIP-30 ids `origin` is connected to (for `accountsChanged`).
    #[wasm_bindgen(js_name = accountsOf)]
    pub fn accounts_of(&self, origin: &str) -> String {
        self.wallet.borrow().accounts_of(origin).to_string()
    }

    /// A page's request: `{"answer": …}` when no one needs to approve it, `{"prompt": …}` for
    /// the approval window; refusals throw.
    pub async fn handle(&self, origin: String, method: String, params: String) -> JsResult<String> {
        let request = parse(&method, &params).map_err(err)?;
        let (checked, network) = {
            let mut w = self.wallet.borrow_mut();
            w.touch(now_ms());
            let checked = w.check(&origin, &request).map_err(err)?;
            if let Request::Disconnect = request {
                w.revoke(&origin);
            }
            (checked, network_of(&w.settings).map_err(err)?)
        };
        let answer = match checked {
            Checked::Prompt(mut p) => {
                if p.bytes.is_some() {
                    p.mirror = Some(network.mirror_url.clone());
                }
                return Ok(obj! { "prompt": Value::from(&*p) }.to_string());
            }
            Checked::Answer(Value::Null) => obj! {
                "nodes": network.node_account_ids().iter().map(ToString::to_string).collect::<Vec<_>>()
            },
            Checked::Answer(v) => v,
            Checked::Relay(tx) => submit(network, tx).await.map_err(err)?,
        };
        Ok(obj! { "answer": answer }.to_string())
    }

    /// The user approved (in the window, or test mode did): connects or signs, and for
    /// `hedera_signAndExecuteTransaction` submits and waits for the receipt. `shown`: for a
    /// transaction, the digest of the bytes the window decoded and showed (`Wallet::sign`).
    pub async fn approve(
        &self,
        origin: String,
        method: String,
        params: String,
        choice: String,
        shown: Option<String>,
    ) -> JsResult<String> {
        let request = parse(&method, &params).map_err(err)?;
        let (signed, network) = {
            let mut w = self.wallet.borrow_mut();
            w.touch(now_ms());
            let signed = if let Request::Connect { .. } = request {
                w.check(&origin, &request).map_err(err)?;
                let choice = crate::json::parse(choice.as_bytes()).unwrap_or_default();
                let accounts: Vec<String> = choice["accounts"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default();
                Signed::Answer(w.connect(&origin, &accounts).map_err(err)?)
            } else {
                w.sign(&origin, &request, shown.as_deref()).map_err(err)?
            };
            (signed, network_of(&w.settings).map_err(err)?)
        };
        let answer = match signed {
            Signed::Answer(v) => v,
            Signed::Execute(tx) => submit(network, tx).await.map_err(err)?,
            Signed::Query(query) => send_query(&self.wallet, &origin, &request, &network, query)
                .await
                .map_err(err)?,
        };
        Ok(answer.to_string())
    }

    /// Hbar and token balances of the current network's accounts, from the mirror.
    pub async fn balances(&self) -> JsResult<String> {
        let (network, ids) = {
            let w = self.wallet.borrow();
            let ids: Vec<String> = w
                .settings
                .network_accounts()
                .map(|a| a.account_id.clone())
                .collect();
            (network_of(&w.settings).map_err(err)?, ids)
        };
        let mirror = MirrorClient::new(&Fetch, &Timers, &network.mirror_url);
        let mut out = Vec::new();
        for id in ids {
            // The JSON as it comes (not the typed `account()`): the popup shows two fields, and
            // the typed models' decoders cost the service worker ~5 KB gzip.
            let answer = mirror.get_body(&format!("/api/v1/accounts/{id}")).await;
            match answer.map(|body| crate::json::parse(&body)) {
                Ok(Some(a)) => out.push(obj! {
                    "accountId": id,
                    "hbar": loyal_core::hbar::Hbar::from_tinybars(a["balance"]["balance"].as_i64().unwrap_or(0)).to_string(),
                    "tokens": a["balance"]["tokens"].as_array().map(|t| t.iter().map(|t| obj! { "tokenId": t["token_id"].clone(), "balance": t["balance"].clone() }).collect::<Vec<_>>()).unwrap_or_default(),
                }),
                Ok(None) => out.push(obj! { "accountId": id, "error": "the mirror's answer is not JSON" }),
                Err(e) => out.push(obj! { "accountId": id, "error": e.to_string() }),
            }
        }
        Ok(Value::Array(out).to_string())
    }
}

/// An approved query to the network's first node: a paid kind asks the price first (with
/// a zero payment, as the SDKs do), then pays it; HIP-820's `{ response }` is the node's
/// `Response`, base64.
async fn send_query(
    wallet: &RefCell<Wallet>,
    origin: &str,
    request: &Request,
    network: &Network,
    query: PageQuery,
) -> Result<Value, Error> {
    let node = network.nodes.first().ok_or_else(|| Error::Network {
        code: "NO_NODE".into(),
        message: "the network has no node to ask".into(),
    })?;
    let call = |bytes: Vec<u8>| async move {
        grpc_web::call(&Fetch, &node.url, query.path, &bytes)
            .await
            .map_err(net)
    };
    let now = || Timestamp::from_unix_nanos((js_sys::Date::now() * 1e6) as u64);
    let bytes = if query.paid {
        let ask = wallet.borrow_mut().paid_query(
            origin,
            request,
            node.account_id.clone(),
            0,
            true,
            now(),
        )?;
        let header = crate::query::response_header(&call(ask).await?)?;
        let precheck = ResponseCodeEnum::try_from(header.node_transaction_precheck_code)
            .unwrap_or(ResponseCodeEnum::Unknown);
        if precheck != ResponseCodeEnum::Ok {
            return Err(Error::Network {
                code: precheck.as_str_name().into(),
                message: format!(
                    "the node refused to price the query: {}",
                    precheck.as_str_name()
                ),
            });
        }
        wallet.borrow_mut().paid_query(
            origin,
            request,
            node.account_id.clone(),
            header.cost,
            false,
            now(),
        )?
    } else {
        query.to_bytes(None, false)
    };
    let response = call(bytes).await?;
    Ok(obj! { "response": B64.encode(response) })
}

/// Submits with failover and waits for the receipt: HIP-820's answer (`nodeId`,
/// `transactionHash`, `transactionId`) plus the receipt's `status`.
async fn submit(network: Network, tx: Transaction) -> Result<Value, Error> {
    let client = Client::new(network, Fetch, Timers);
    let sent = client.submit(&tx).await.map_err(net)?;
    let receipt = client
        .receipt(&sent.transaction_id, Some(sent.node.clone()))
        .await
        .map_err(net)?;
    let status = receipt.status.as_str_name();
    if status != "SUCCESS" {
        return Err(Error::Network {
            code: status.into(),
            message: format!("the transaction {} failed: {status}", sent.transaction_id),
        });
    }
    Ok(obj! {
        "nodeId": sent.node.to_string(),
        "transactionHash": sent.hash.iter().map(|b| format!("{b:02x}")).collect::<String>(),
        "transactionId": sent.transaction_id.to_string(),
        "status": status,
    })
}
