//! The customer's wallet as the portals use it: the HIP-820 provider a wallet extension puts on
//! the page (`window.hedera`, or the first one announced on `hedera:announceProvider`). The
//! page builds and freezes a transaction paid by the customer's account; the wallet shows it,
//! signs it and executes it. The portals never see a customer's key.

use js_sys::{Function, Object, Promise, Reflect, JSON};
use loyal_core::id::AccountId;
use loyal_core::transaction::{Builder, TransactionData};
use serde_json::{json, Value};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::staff::WebClient;
use crate::{dom, Error, Result};

pub struct Wallet {
    provider: JsValue,
    /// `hedera:<network>:0.0.x`, as HIP-820 names a signer.
    signer: String,
    pub account: AccountId,
}

fn provider() -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"hedera".into())
        .ok()
        .filter(|p| p.is_object())
}

/// A wallet's refusal, by the codes HIP-820 / EIP-1193 use (4001: the person said no).
fn refusal(e: JsValue) -> Error {
    let field = |name: &str| Reflect::get(&e, &name.into()).ok();
    let message = field("message")
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the wallet refused".into());
    let rpc = field("code").and_then(|c| c.as_f64());
    let named = field("data")
        .and_then(|d| Reflect::get(&d, &"code".into()).ok())
        .and_then(|c| c.as_string());
    let code = match (rpc, named) {
        (Some(4001.0), _) => "USER_REJECTED".to_owned(),
        (_, Some(named)) => named,
        (Some(c), None) => format!("WALLET_{c}"),
        (None, None) => "WALLET_ERROR".to_owned(),
    };
    Error::new(code, message)
}

async fn call(provider: &JsValue, method: &str, params: Value) -> Result<Value> {
    let request: Function = Reflect::get(provider, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| Error::new("WALLET_NOT_FOUND", "the wallet has no request()"))?;
    let arg = Object::new();
    let params = JSON::parse(&params.to_string()).unwrap_or(JsValue::NULL);
    Reflect::set(&arg, &"method".into(), &method.into()).ok();
    Reflect::set(&arg, &"params".into(), &params).ok();
    let promise: Promise = request
        .call1(provider, &arg)
        .map_err(refusal)?
        .dyn_into()
        .map_err(|_| Error::new("WALLET_ERROR", "request() returned no promise"))?;
    let answer = JsFuture::from(promise).await.map_err(refusal)?;
    let text = JSON::stringify(&answer)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "null".into());
    serde_json::from_str(&text).map_err(|e| Error::new("WALLET_ERROR", format!("bad answer: {e}")))
}

impl Wallet {
    /// Asks the wallet to connect this site for `network` (`devnet`, `testnet`, …) and takes
    /// the first account it grants.
    pub async fn connect(network: &str) -> Result<Wallet> {
        let provider = provider()
            .ok_or_else(|| Error::new("WALLET_NOT_FOUND", "no wallet extension on this page"))?;
        dom::busy("Waiting for the wallet to connect this site…");
        let answer = call(&provider, "hedera_connect", json!({ "network": network })).await?;
        let first = answer["accounts"]
            .get(0)
            .cloned()
            .ok_or_else(|| Error::new("NO_ACCOUNT", "the wallet granted no account"))?;
        let signer = first["accountId"]
            .as_str()
            .or_else(|| first.as_str())
            .unwrap_or_default()
            .to_owned();
        let (net, account) = match signer
            .strip_prefix("hedera:")
            .and_then(|r| r.split_once(':'))
        {
            Some((net, account)) => (net.to_owned(), account.to_owned()),
            None => (network.to_owned(), signer.clone()),
        };
        if net != network {
            return Err(Error::new(
                "WRONG_NETWORK",
                format!("the wallet is on {net}, this page on {network}"),
            ));
        }
        let account: AccountId = account
            .parse()
            .map_err(|e| Error::new("WALLET_ERROR", format!("account {account:?}: {e}")))?;
        Ok(Wallet {
            provider,
            signer: format!("hedera:{network}:{account}"),
            account,
        })
    }

    /// Freezes `builder` paid by the customer and has the wallet sign and execute it; waits
    /// for the mirror to list it. Returns the transaction id.
    pub async fn execute<D: TransactionData>(
        &self,
        client: &WebClient,
        builder: Builder<D>,
        what: &str,
    ) -> Result<String> {
        use base64::Engine;
        let builder = builder.with_transaction_id(client.new_transaction_id(self.account.clone()));
        let tx = client.prepare(builder)?;
        dom::busy(&format!("Approve in your wallet: {what}…"));
        let list = base64::engine::general_purpose::STANDARD.encode(tx.to_bytes());
        call(
            &self.provider,
            "hedera_signAndExecuteTransaction",
            json!({ "signerAccountId": self.signer, "transactionList": list }),
        )
        .await?;
        dom::busy("Waiting for the mirror…");
        crate::ledger::wait(client, tx.transaction_id()).await?;
        Ok(tx.transaction_id().to_string())
    }

    /// Has the wallet sign `message` (HIP-820 `hedera_signMessage`); returns its answer
    /// (`signatureMap`, base64).
    pub async fn sign_message(&self, message: &str) -> Result<Value> {
        dom::busy("Approve in your wallet: sign the message…");
        call(
            &self.provider,
            "hedera_signMessage",
            json!({ "signerAccountId": self.signer, "message": message }),
        )
        .await
    }
}

/// The connected wallet of a page (one per page; a page may not have one yet).
#[derive(Default)]
pub struct Slot(std::cell::RefCell<Option<std::rc::Rc<Wallet>>>);

impl Slot {
    pub fn get(&self) -> Result<std::rc::Rc<Wallet>> {
        self.0
            .borrow()
            .clone()
            .ok_or_else(|| Error::new("NOT_CONNECTED", "connect your wallet first"))
    }

    pub fn set(&self, wallet: Wallet) -> std::rc::Rc<Wallet> {
        let w = std::rc::Rc::new(wallet);
        *self.0.borrow_mut() = Some(w.clone());
        w
    }

    /// Connects the wallet for `network`, keeps it, and says who is connected in
    /// `#wallet-state` (by name on the devnet).
    pub async fn connect(&self, network: &str, devnet: bool) -> Result<std::rc::Rc<Wallet>> {
        let wallet = Wallet::connect(network).await?;
        let account = wallet.account.to_string();
        dom::set_text(
            "wallet-state",
            &format!("Connected: {}", crate::names::label(&account, devnet)),
        );
        Ok(self.set(wallet))
    }
}
