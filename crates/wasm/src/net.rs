//! The client: a network (devnet by default, Hedera's by name, or custom), an operator, and
//! the mirror and IPFS clients of that network, over `fetch`.

use crate::error::{client, invalid, js_error, parse_in, JsResult};
use crate::ids::parse_id;
use crate::keys::PrivateKey;
use crate::prelude::*;
use crate::tx::Transaction;
use js_sys::{Object, Reflect, Uint8Array};
use loyal_client as lc;
use loyal_core::id::AccountId;
use loyal_core::transaction_id::TransactionId;
use loyal_web::{Fetch, Timers};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub struct Client {
    pub(crate) inner: lc::Client<Fetch, Timers>,
    operator: Option<(AccountId, loyal_core::key::PrivateKey)>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NodeConfig {
    account_id: String,
    url: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct NetworkConfig {
    nodes: Vec<NodeConfig>,
    mirror_url: String,
    ipfs_api_url: Option<String>,
    ipfs_gateway_url: Option<String>,
}

fn set(obj: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(obj, &key.into(), &value);
}

pub fn receipt_to_js(r: &lc::Receipt) -> JsValue {
    let out = Object::new();
    let id = |v: Option<String>| v.map(JsValue::from).unwrap_or(JsValue::NULL);
    set(&out, "status", r.status.as_str_name().into());
    set(&out, "transactionId", r.transaction_id.to_string().into());
    set(
        &out,
        "accountId",
        id(r.account_id.as_ref().map(|a| a.to_string())),
    );
    set(&out, "tokenId", id(r.token_id.map(|t| t.to_string())));
    set(&out, "topicId", id(r.topic_id.map(|t| t.to_string())));
    set(&out, "scheduleId", id(r.schedule_id.map(|t| t.to_string())));
    set(
        &out,
        "scheduledTransactionId",
        id(r.scheduled_transaction_id.as_ref().map(|t| t.to_string())),
    );
    let serials: js_sys::Array = r
        .serial_numbers
        .iter()
        .map(|s| JsValue::from(*s as f64))
        .collect();
    set(&out, "serials", serials.into());
    set(
        &out,
        "totalSupply",
        js_sys::BigInt::from(r.total_supply).into(),
    );
    set(
        &out,
        "topicSequenceNumber",
        js_sys::BigInt::from(r.topic_sequence_number).into(),
    );
    out.into()
}

/// Mirror JSON as JS values. An integer beyond 2^53 (a token's supply or a balance in its
/// smallest unit often is) becomes a `bigint`, which holds it exactly; a JS number would round
/// it. Smaller integers stay numbers, as in the mirror's JSON.
pub fn to_js(v: &serde_json::Value) -> JsValue {
    use serde_json::Value as V;
    const SAFE: u64 = (1 << 53) - 1;
    match v {
        V::Null => JsValue::NULL,
        V::Bool(b) => JsValue::from_bool(*b),
        V::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) if u > SAFE => js_sys::BigInt::from(u).into(),
            (_, Some(i)) if i.unsigned_abs() > SAFE => js_sys::BigInt::from(i).into(),
            _ => JsValue::from_f64(n.as_f64().unwrap_or(f64::NAN)),
        },
        V::String(s) => JsValue::from_str(s),
        V::Array(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
        V::Object(fields) => {
            let out = js_sys::Object::new();
            for (k, v) in fields {
                let _ = js_sys::Reflect::set(&out, &JsValue::from_str(k), &to_js(v));
            }
            out.into()
        }
    }
}

impl Client {
    fn with_network(network: lc::Network) -> Client {
        Client {
            inner: lc::Client::new(network, Fetch, Timers),
            operator: None,
        }
    }

    /// Transaction id (operator, now) and the network's nodes, for a builder that left them out.
    pub fn fill(&self) -> Option<(TransactionId, Vec<AccountId>)> {
        let (payer, _) = self.operator.as_ref()?;
        let nodes = self.inner.network().node_account_ids();
        Some((self.inner.new_transaction_id(payer.clone()), nodes))
    }

    pub fn sign_as_operator(&self, tx: &mut loyal_core::transaction::Transaction) {
        if let Some((_, key)) = &self.operator {
            tx.sign(key);
        }
    }

    fn mirror(&self) -> lc::MirrorClient<'_, Fetch, Timers> {
        lc::MirrorClient::new(
            self.inner.transport(),
            self.inner.runtime(),
            &self.inner.network().mirror_url,
        )
    }

    fn ipfs(&self) -> JsResult<lc::IpfsClient<'_, Fetch>> {
        let n = self.inner.network();
        match (&n.ipfs_api_url, &n.ipfs_gateway_url) {
            (Some(api), Some(gateway)) => Ok(lc::IpfsClient::new(self.inner.transport(), api, gateway)),
            _ => Err(js_error("NO_IPFS", "this network has no IPFS endpoints (Client.forNetwork({ ipfsApiUrl, ipfsGatewayUrl }))", &[])),
        }
    }
}

#[wasm_bindgen]
impl Client {
    /// "devnet" (default ports), "testnet", "previewnet" or "mainnet".
    #[wasm_bindgen(js_name = forName)]
    pub fn for_name(name: &str) -> JsResult<Client> {
        lc::Network::from_name(name)
            .map(Client::with_network)
            .map_err(client)
    }

    /// A devnet on other ports (e.g. one started with `--grpc-web-port 0`). Ports are taken
    /// as numbers and checked: an integer parameter would wrap 70000 to 4464 (or 1.5 to 1)
    /// without a word.
    #[wasm_bindgen(js_name = forDevnet)]
    pub fn for_devnet(
        host: &str,
        grpc_web_port: f64,
        mirror_port: f64,
        ipfs_port: f64,
    ) -> JsResult<Client> {
        let port = |field: &str, p: f64| {
            Some(p)
                .filter(|p| p.fract() == 0.0 && (1.0..=65535.0).contains(p))
                .map(|p| p as u16)
                .ok_or_else(|| invalid(field, "a port, 1 to 65535"))
        };
        Ok(Client::with_network(lc::Network::local(
            host,
            port("grpcWebPort", grpc_web_port)?,
            port("mirrorPort", mirror_port)?,
            port("ipfsPort", ipfs_port)?,
        )))
    }

    /// `{ nodes: [{ accountId, url }], mirrorUrl, ipfsApiUrl?, ipfsGatewayUrl? }`
    #[wasm_bindgen(js_name = forNetwork)]
    pub fn for_network(config: JsValue) -> JsResult<Client> {
        let c: NetworkConfig = serde_wasm_bindgen::from_value(config)
            .map_err(|e| invalid("network", &e.to_string()))?;
        let nodes = c
            .nodes
            .into_iter()
            .map(|n| {
                Ok(lc::Node {
                    account_id: parse_in("nodes.accountId", &n.account_id)?,
                    url: n.url,
                })
            })
            .collect::<JsResult<Vec<_>>>()?;
        let mut network = lc::Network::custom(nodes, c.mirror_url);
        if let (Some(api), Some(gw)) = (c.ipfs_api_url, c.ipfs_gateway_url) {
            network = network.with_ipfs(api, gw);
        }
        Ok(Client::with_network(network))
    }

    /// Replaces the node list with the mirror's `/api/v1/network/nodes` (gRPC-web proxies).
    #[wasm_bindgen(js_name = updateNodesFromMirror)]
    pub async fn update_nodes_from_mirror(&mut self) -> JsResult<()> {
        // Every page: the mirror lists 25 nodes a page by default, mainnet has more.
        let listed = self
            .mirror()
            .network_nodes(20)
            .collect()
            .await
            .map_err(client)?;
        let nodes = lc::reachable_nodes(listed).map_err(client)?;
        let network = self.inner.network().clone().with_nodes(nodes);
        // The operator and the retry settings stay.
        self.update(|c| c.with_network(network));
        Ok(())
    }

    /// How many times a transaction is sent (to the next node each time) before
    /// NO_HEALTHY_NODE; default 10, at least 1.
    #[wasm_bindgen(js_name = setMaxAttempts)]
    pub fn set_max_attempts(&mut self, attempts: u32) {
        self.update(|c| c.with_max_attempts(attempts));
    }

    /// How long one request to one node may take before the next is tried; default 10 000 ms.
    #[wasm_bindgen(js_name = setRequestTimeout)]
    pub fn set_request_timeout(&mut self, ms: u32) {
        self.update(|c| c.with_request_timeout(core::time::Duration::from_millis(ms.into())));
    }

    #[wasm_bindgen(js_name = setOperator)]
    pub fn set_operator(&mut self, account_id: &JsValue, key: &PrivateKey) -> JsResult<()> {
        let account: AccountId = parse_id("accountId", account_id)?;
        self.set_operator_inner(account, key.0.clone());
        Ok(())
    }

    #[wasm_bindgen(getter, js_name = operatorAccountId)]
    pub fn operator_account_id(&self) -> Option<String> {
        self.operator.as_ref().map(|(a, _)| a.to_string())
    }

    #[wasm_bindgen(getter, js_name = mirrorUrl)]
    pub fn mirror_url(&self) -> String {
        self.inner.network().mirror_url.clone()
    }

    /// What `freezeWith(client)` fills into a builder that left them open: `{ transactionId,
    /// nodeAccountIds }` (the operator, now; the network's nodes), `undefined` without an
    /// operator. The builder then freezes through its own type's export, so a page that uses
    /// the client still links only the builders it uses.
    pub fn frame(&self) -> JsResult<JsValue> {
        let Some((id, nodes)) = self.fill() else {
            return Ok(JsValue::UNDEFINED);
        };
        let frame = js_sys::Object::new();
        let nodes: js_sys::Array = nodes.iter().map(|n| JsValue::from(n.to_string())).collect();
        js_sys::Reflect::set(&frame, &"transactionId".into(), &id.to_string().into())?;
        js_sys::Reflect::set(&frame, &"nodeAccountIds".into(), &nodes)?;
        Ok(frame.into())
    }

    /// Waits for a receipt by transaction id (`0.0.2@1700000000.000000001`).
    #[wasm_bindgen(js_name = getReceipt)]
    pub async fn get_receipt(&self, transaction_id: JsValue) -> JsResult<JsValue> {
        let id: TransactionId = parse_id("transactionId", &transaction_id)?;
        let r = self.inner.receipt(&id, None).await.map_err(client)?;
        Ok(receipt_to_js(&r))
    }

    /// Any mirror path (`/api/v1/...`), as the mirror's JSON; retries 429 and 5xx.
    #[wasm_bindgen(js_name = mirrorGet)]
    pub async fn mirror_get(&self, path: &str) -> JsResult<JsValue> {
        Ok(to_js(&self.mirror().get_json(path).await.map_err(client)?))
    }

    /// Every item of a paged mirror listing (`field` e.g. "nfts"), following `links.next` up
    /// to `max_pages` pages.
    #[wasm_bindgen(js_name = mirrorAll)]
    pub async fn mirror_all(&self, path: &str, field: &str, max_pages: u32) -> JsResult<JsValue> {
        let field: &'static str = match field {
            "nfts" => "nfts",
            "tokens" => "tokens",
            "transactions" => "transactions",
            "messages" => "messages",
            "accounts" => "accounts",
            "balances" => "balances",
            "airdrops" => "airdrops",
            _ => {
                return Err(invalid(
                    "field",
                    "nfts, tokens, transactions, messages, accounts, balances or airdrops",
                ))
            }
        };
        let mirror = self.mirror();
        let mut pages =
            mirror.pages::<serde_json::Value>(path.to_owned(), field, max_pages as usize);
        let mut items = Vec::new();
        while let Some(page) = pages.next_page().await.map_err(client)? {
            items.extend(page);
        }
        // The array says whether `maxPages` cut the listing short (the mirror had more).
        let out = to_js(&serde_json::Value::Array(items));
        let _ = js_sys::Reflect::set(&out, &"truncated".into(), &pages.truncated().into());
        Ok(out)
    }

    /// Resolves once the mirror lists the transaction (mirror lag is seconds on Hedera).
    #[wasm_bindgen(js_name = waitForMirror)]
    pub async fn wait_for_mirror(
        &self,
        transaction_id: JsValue,
        timeout_ms: u32,
    ) -> JsResult<JsValue> {
        let id: TransactionId = parse_id("transactionId", &transaction_id)?;
        let t = self
            .mirror()
            .wait_for_transaction(&id, core::time::Duration::from_millis(timeout_ms as u64))
            .await
            .map_err(client)?;
        let out = Object::new();
        set(&out, "consensusTimestamp", t.consensus_timestamp.into());
        set(&out, "result", t.result.into());
        set(&out, "name", t.name.into());
        Ok(out.into())
    }

    /// Uploads to IPFS; resolves to the CID (checked against the one computed here).
    #[wasm_bindgen(js_name = ipfsAdd)]
    pub async fn ipfs_add(&self, bytes: &[u8], name: Option<String>) -> JsResult<String> {
        let cid = self
            .ipfs()?
            .add(name.as_deref().unwrap_or("file"), bytes)
            .await
            .map_err(client)?;
        Ok(cid.to_string())
    }

    /// Fetches a CID, `ipfs://CID` or `ipfs://CID/path/in/a/directory` through the gateway,
    /// every block verified; a mismatch rejects with `CID_MISMATCH`, a bad CID with
    /// `INVALID_CID`.
    #[wasm_bindgen(js_name = ipfsCat)]
    pub async fn ipfs_cat(&self, cid: &str) -> JsResult<Uint8Array> {
        let bytes = self.ipfs()?.cat_path(cid).await.map_err(client)?;
        Ok(Uint8Array::from(bytes.as_slice()))
    }
}

impl Client {
    /// Applies one of the core client's `with_` settings in place.
    fn update(&mut self, f: impl FnOnce(lc::Client<Fetch, Timers>) -> lc::Client<Fetch, Timers>) {
        let placeholder = lc::Client::new(self.inner.network().clone(), Fetch, Timers);
        let inner = core::mem::replace(&mut self.inner, placeholder);
        self.inner = f(inner);
    }

    fn set_operator_inner(&mut self, account: AccountId, key: loyal_core::key::PrivateKey) {
        self.operator = Some((account, key));
    }

    /// Freezes a spec of any type, filling in transaction id and nodes from this client (Rust
    /// callers; JS builders use `frame` and their own type's export).
    pub fn freeze(&self, spec: JsValue) -> JsResult<Transaction> {
        crate::spec::freeze_any(&spec, &|| self.fill()).map(Transaction)
    }
}

/// Network methods of a frozen transaction (the signing-only build has none).
#[wasm_bindgen]
impl Transaction {
    /// Signs with the client's operator (if not yet), submits with failover and waits for
    /// the receipt. Resolves to the receipt; rejects with `PRECHECK`, `RECEIPT_STATUS` (and
    /// `details.status`), `NO_HEALTHY_NODE`, `RECEIPT_TIMEOUT`, …
    pub async fn execute(&mut self, client: &Client) -> JsResult<JsValue> {
        client.sign_as_operator(&mut self.0);
        let receipt = client
            .inner
            .execute(&self.0)
            .await
            .map_err(crate::error::client)?;
        Ok(crate::net::receipt_to_js(&receipt))
    }

    /// Submits without waiting; resolves to `{ transactionId, nodeId, hash }`.
    pub async fn submit(&mut self, client: &Client) -> JsResult<JsValue> {
        client.sign_as_operator(&mut self.0);
        let s = client
            .inner
            .submit(&self.0)
            .await
            .map_err(crate::error::client)?;
        let out = js_sys::Object::new();
        let set = |k: &str, v: JsValue| js_sys::Reflect::set(&out, &k.into(), &v).map(|_| ());
        set("transactionId", s.transaction_id.to_string().into())?;
        set("nodeId", s.node.to_string().into())?;
        set("hash", Uint8Array::from(s.hash.as_slice()).into())?;
        Ok(out.into())
    }
}
