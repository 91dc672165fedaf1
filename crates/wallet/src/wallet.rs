//! The wallet's decisions, without the browser: who may ask what, what the approval window
//! is given, signing once approved, and when the vault locks. The service worker holds one
//! [`Wallet`]; every page request goes `Request::parse` → [`Wallet::check`] (refusals happen
//! here, before any prompt) → the approval window → [`Wallet::connect`] / [`Wallet::sign`].
//!
//! A transaction's approval window decodes for display the bytes the service worker hands
//! it (`summary`, in the page's own wasm: the service worker links no transaction type's
//! decoder) and answers with their SHA-256. `sign` signs only the bytes of the pending
//! request, never bytes from the page, and only if that digest is theirs: a display path
//! that is buggy or fooled — another request's bytes, a stale window — cannot make the user
//! approve one thing and the wallet sign another; at worst it fails closed.

use crate::b64::B64;
use crate::json::{Map, Value};
use crate::obj;
use crate::query::{self, PageQuery, QuerySummary};
use crate::request::{Request, Signer};
use crate::review;
use crate::settings::{PublicAccount, Settings, NETWORKS};
use crate::vault::{OpenVault, StoredAccount, VaultFile};
use crate::{Error, Result};
use loyal_core::hbar::Hbar;
use loyal_core::id::AccountId;
use loyal_core::key::{KeyAlgorithm, PrivateKey};
use loyal_core::message::sign_message;
use loyal_core::proto;
use loyal_core::time::Timestamp;
use loyal_core::transaction::Transaction;
use loyal_core::transaction::TransferTransaction;
use loyal_core::transaction_id::TransactionId;
use prost::Message as _;
use rand_core::{CryptoRng, RngCore};

/// The devnet's genesis accounts the popup imports in one click (the operator `0.0.2` is left
/// out: it is the network's, not a customer's). Keys are SHA-256("loyal-devnet/" + name).
pub const DEVNET_GENESIS: &[(u64, &str, bool)] = &[
    (1001, "BestProducer", false),
    (1002, "FastShoes", false),
    (1003, "SuperMarathon", false),
    (1004, "StillWater", false),
    (1005, "Alice", false),
    (1006, "Bob", true),
];

pub struct Wallet {
    pub settings: Settings,
    file: Option<VaultFile>,
    open: Option<OpenVault>,
    last_active_ms: u64,
}

/// What a request needs next.
#[derive(Debug, PartialEq)]
pub enum Checked {
    /// Answered at once (no key involved): accounts, node addresses, disconnect.
    Answer(Value),
    /// Needs the user: the approval window shows this.
    Prompt(Box<Prompt>),
    /// An already signed transaction to relay (`hedera_executeTransaction`).
    Relay(Transaction),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    /// `connect`, `message`, `transaction` or `query`.
    pub kind: &'static str,
    pub method: String,
    pub origin: String,
    pub network: String,
    /// The vault is locked: the window asks for the passphrase first.
    pub locked: bool,
    pub signer: Option<String>,
    pub message: Option<String>,
    /// For `transaction`: the exact bytes to show, base64 (a `TransactionList`, or a
    /// `TransactionBody` for `hedera_signTransaction`), decoded by the approval page.
    pub bytes: Option<String>,
    /// SHA-256 of `bytes` (hex), which the approval must carry back ([`review::digest`]).
    pub digest: Option<String>,
    /// For `transaction`: the mirror the approval page asks for tokens' decimals.
    pub mirror: Option<String>,
    pub query: Option<QuerySummary>,
    /// For `connect`: the accounts on this network to choose from.
    pub accounts: Vec<PublicAccount>,
}

/// What the approval window reads; absent fields are left out.
impl From<&Prompt> for Value {
    fn from(p: &Prompt) -> Value {
        let mut map = Map::default();
        map.insert("kind", p.kind);
        map.insert("method", &p.method);
        map.insert("origin", &p.origin);
        map.insert("network", &p.network);
        map.insert("locked", p.locked);
        let optional = [
            ("signer", &p.signer),
            ("message", &p.message),
            ("bytes", &p.bytes),
            ("digest", &p.digest),
            ("mirror", &p.mirror),
        ];
        for (k, v) in optional {
            if let Some(v) = v {
                map.insert(k, v);
            }
        }
        if let Some(q) = &p.query {
            map.insert(
                "query",
                obj! { "kind": q.kind, "title": q.title, "subject": &q.subject, "payment": q.payment.as_ref() },
            );
        }
        if !p.accounts.is_empty() {
            map.insert(
                "accounts",
                p.accounts.iter().map(Value::from).collect::<Vec<_>>(),
            );
        }
        Value::Object(map)
    }
}

/// What an approved request gave.
pub enum Signed {
    Answer(Value),
    /// Signed, to submit (`hedera_signAndExecuteTransaction`).
    Execute(Transaction),
    /// An approved query, to send (paid through [`Wallet::paid_query`] if its kind needs it).
    Query(PageQuery),
}

impl Wallet {
    pub fn new(settings: Settings, vault: Option<VaultFile>) -> Self {
        Self {
            settings,
            file: vault,
            open: None,
            last_active_ms: 0,
        }
    }

    pub fn has_vault(&self) -> bool {
        self.file.is_some()
    }

    pub fn is_unlocked(&self) -> bool {
        self.open.is_some()
    }

    /// The encrypted vault as stored.
    pub fn vault_file(&self) -> Option<&VaultFile> {
        self.file.as_ref()
    }

    pub fn create(
        &mut self,
        passphrase: &str,
        now_ms: u64,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<()> {
        self.create_with_rounds(passphrase, crate::vault::ROUNDS, now_ms, rng)
    }

    /// `create` at another PBKDF2 cost (the unit tests; the file records its own).
    pub fn create_with_rounds(
        &mut self,
        passphrase: &str,
        rounds: u32,
        now_ms: u64,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<()> {
        if self.file.is_some() {
            return Err(Error::VaultExists);
        }
        let open = OpenVault::create_with_rounds(passphrase, rounds, rng)?;
        self.file = Some(open.seal(rng));
        self.open = Some(open);
        self.settings.accounts.clear();
        self.last_active_ms = now_ms;
        Ok(())
    }

    pub fn unlock(&mut self, passphrase: &str, now_ms: u64) -> Result<()> {
        let file = self.file.as_ref().ok_or(Error::NoVault)?;
        self.open = Some(OpenVault::open(file, passphrase)?);
        self.last_active_ms = now_ms;
        Ok(())
    }

    /// Drops the open vault: its keys are wiped (`StoredAccount` and the sealing key zeroize).
    pub fn lock(&mut self) {
        self.open = None;
    }

    /// Records activity (every request and popup action) for the idle timer.
    pub fn touch(&mut self, now_ms: u64) {
        self.last_active_ms = now_ms;
    }

    /// Locks after `idle_minutes` without activity; true if it just locked.
    pub fn lock_if_idle(&mut self, now_ms: u64) -> bool {
        let idle = u64::from(self.settings.idle_minutes) * 60_000;
        if self.open.is_some() && now_ms.saturating_sub(self.last_active_ms) >= idle {
            self.lock();
            return true;
        }
        false
    }

    fn open_mut(&mut self) -> Result<&mut OpenVault> {
        match (&self.file, &mut self.open) {
            (None, _) => Err(Error::NoVault),
            (_, None) => Err(Error::Locked),
            (_, Some(open)) => Ok(open),
        }
    }

    /// Adds an account with `private_key` in any string form the core reads (DER, or raw hex
    /// with `algorithm`), or a new key of `algorithm` when `private_key` is `None`.
    pub fn add_account(
        &mut self,
        network: &str,
        account_id: &str,
        label: &str,
        private_key: Option<&str>,
        algorithm: Option<&str>,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<PublicAccount> {
        if !NETWORKS.contains(&network) {
            return Err(Error::InvalidAccount {
                reason: format!("unknown network {network:?}"),
            });
        }
        let id: AccountId = account_id.trim().parse()?;
        let key = match (private_key, algorithm) {
            (Some(k), Some("ECDSA_SECP256K1")) if !looks_like_der(k) => {
                PrivateKey::from_str_ecdsa(k)?
            }
            (Some(k), Some("ED25519")) if !looks_like_der(k) => PrivateKey::from_str_ed25519(k)?,
            (Some(k), _) => k.trim().parse::<PrivateKey>()?,
            (None, Some("ECDSA_SECP256K1")) => PrivateKey::generate_ecdsa(rng)?,
            (None, _) => PrivateKey::generate_ed25519(rng),
        };
        let open = self.open_mut()?;
        let id = id.to_string();
        if open
            .secrets
            .accounts
            .iter()
            .any(|a| a.network == network && a.account_id == id)
        {
            return Err(Error::InvalidAccount {
                reason: format!("{network} account {id} is in the vault already"),
            });
        }
        // Labels are short (the vault's sealing buffer is sized for about 512 bytes per account).
        let label: String = if label.trim().is_empty() {
            id.clone()
        } else {
            label.trim().chars().take(64).collect()
        };
        open.secrets.accounts.push(StoredAccount {
            network: network.into(),
            account_id: id,
            label,
            private_key: key.to_string_der().to_string(),
        });
        self.reseal(rng);
        Ok(self.settings.accounts.last().cloned().expect("just added"))
    }

    /// The devnet's genesis customers and organisations, in one go (those already present are
    /// skipped).
    pub fn import_devnet_genesis(&mut self, rng: &mut (impl RngCore + CryptoRng)) -> Result<usize> {
        use sha2::Digest as _;
        let mut added = 0;
        for &(num, name, ecdsa) in DEVNET_GENESIS {
            let seed = zeroize::Zeroizing::new(<[u8; 32]>::from(sha2::Sha256::digest(format!(
                "loyal-devnet/{name}"
            ))));
            let key = if ecdsa {
                PrivateKey::from_bytes_ecdsa(&*seed)?
            } else {
                PrivateKey::from_bytes_ed25519(&*seed)?
            };
            let der = key.to_string_der();
            match self.add_account("devnet", &format!("0.0.{num}"), name, Some(&der), None, rng) {
                Ok(_) => added += 1,
                Err(Error::InvalidAccount { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(added)
    }

    pub fn remove_account(
        &mut self,
        network: &str,
        account_id: &str,
        rng: &mut (impl RngCore + CryptoRng),
    ) -> Result<()> {
        let open = self.open_mut()?;
        open.secrets
            .accounts
            .retain(|a| !(a.network == network && a.account_id == account_id));
        let hip30 = format!("hedera:{network}:{account_id}");
        for ids in self.settings.connections.values_mut() {
            ids.retain(|i| *i != hip30);
        }
        self.settings.connections.retain(|_, ids| !ids.is_empty());
        self.reseal(rng);
        Ok(())
    }

    /// Seals the open vault again and refreshes the public index of accounts.
    fn reseal(&mut self, rng: &mut (impl RngCore + CryptoRng)) {
        let Some(open) = &self.open else { return };
        self.file = Some(open.seal(rng));
        self.settings.accounts = open
            .secrets
            .accounts
            .iter()
            .filter_map(|a| {
                let key: PrivateKey = a.private_key.parse().ok()?;
                let public = key.public_key();
                Some(PublicAccount {
                    network: a.network.clone(),
                    account_id: a.account_id.clone(),
                    label: a.label.clone(),
                    public_key: public.to_string_der(),
                    algorithm: algorithm_name(public.algorithm()).into(),
                })
            })
            .collect();
    }

    pub fn set_network(&mut self, network: &str) -> Result<()> {
        if !NETWORKS.contains(&network) {
            return Err(Error::InvalidParams {
                field: "network",
                reason: format!("one of {}", NETWORKS.join(", ")),
            });
        }
        self.settings.network = network.into();
        Ok(())
    }

    /// Forgets `origin`'s connection.
    pub fn revoke(&mut self, origin: &str) -> bool {
        self.settings.connections.remove(origin).is_some()
    }

    /// Decides what `request` from `origin` needs. Every refusal that does not need the user
    /// happens here: unconnected origin, other network, an account the origin did not
    /// connect, a payer that is not the signer, bytes that do not decode.
    pub fn check(&self, origin: &str, request: &Request) -> Result<Checked> {
        let network = self.settings.network.clone();
        let prompt = |kind, method: &str| Prompt {
            kind,
            method: method.into(),
            origin: origin.into(),
            network: network.clone(),
            locked: self.open.is_none(),
            signer: None,
            message: None,
            bytes: None,
            digest: None,
            mirror: None,
            query: None,
            accounts: Vec::new(),
        };
        // Opaque origins ("null": sandboxed frames) and file pages would all share one
        // connection: only web origins may connect.
        if !(origin.starts_with("https://") || origin.starts_with("http://")) {
            return Err(Error::Unauthorized {
                origin: origin.into(),
            });
        }
        if !self.has_vault() {
            return Err(Error::NoVault);
        }
        match request {
            Request::Connect { network: wanted } => {
                if let Some(wanted) = wanted {
                    if *wanted != network {
                        return Err(Error::WrongNetwork {
                            wallet: network,
                            requested: wanted.clone(),
                        });
                    }
                }
                let accounts: Vec<PublicAccount> =
                    self.settings.network_accounts().cloned().collect();
                if accounts.is_empty() {
                    return Err(Error::InvalidAccount {
                        reason: format!("the wallet has no {network} account yet"),
                    });
                }
                Ok(Checked::Prompt(Box::new(Prompt {
                    accounts,
                    ..prompt("connect", "hedera_connect")
                })))
            }
            Request::Disconnect => Ok(Checked::Answer(obj! { "accounts": Vec::<Value>::new() })),
            Request::Accounts => Ok(Checked::Answer(self.accounts_of(origin))),
            Request::GetNodeAddresses => {
                self.connected(origin)?;
                Ok(Checked::Answer(Value::Null))
            }
            Request::ExecuteTransaction { transaction_list } => {
                self.connected(origin)?;
                let (tx, _) = review::list(transaction_list)?;
                Ok(Checked::Relay(tx))
            }
            Request::SignAndExecuteQuery { signer, query } => {
                self.authorize(origin, signer)?;
                let (page_query, mut summary) = PageQuery::decode(query)?;
                if page_query.paid {
                    summary.payment = Some(query::payment_text(&signer.account));
                }
                Ok(Checked::Prompt(Box::new(Prompt {
                    signer: Some(signer.hip30()),
                    query: Some(summary),
                    ..prompt("query", "hedera_signAndExecuteQuery")
                })))
            }
            Request::SignMessage { signer, message } => {
                self.authorize(origin, signer)?;
                Ok(Checked::Prompt(Box::new(Prompt {
                    signer: Some(signer.hip30()),
                    message: Some(message.clone()),
                    ..prompt("message", "hedera_signMessage")
                })))
            }
            Request::SignTransaction {
                signer,
                transaction_body,
            } => {
                self.authorize(origin, signer)?;
                let id = review::body(transaction_body)?;
                payer_is(signer, &id.account_id)?;
                Ok(Checked::Prompt(Box::new(Prompt {
                    signer: Some(signer.hip30()),
                    bytes: Some(B64.encode(transaction_body)),
                    digest: Some(review::digest(transaction_body)),
                    ..prompt("transaction", "hedera_signTransaction")
                })))
            }
            Request::SignAndExecuteTransaction {
                signer,
                transaction_list,
            } => {
                self.authorize(origin, signer)?;
                let (_, id) = review::list(transaction_list)?;
                payer_is(signer, &id.account_id)?;
                Ok(Checked::Prompt(Box::new(Prompt {
                    signer: Some(signer.hip30()),
                    bytes: Some(B64.encode(transaction_list)),
                    digest: Some(review::digest(transaction_list)),
                    ..prompt("transaction", "hedera_signAndExecuteTransaction")
                })))
            }
        }
    }

    /// `{ network, accounts: [{ accountId, publicKey, algorithm }] }` for `origin`.
    pub fn accounts_of(&self, origin: &str) -> Value {
        let accounts: Vec<Value> = self
            .settings
            .connected(origin)
            .into_iter()
            .map(|a| obj! { "accountId": a.hip30(), "publicKey": &a.public_key, "algorithm": &a.algorithm })
            .collect();
        obj! { "network": &self.settings.network, "accounts": accounts }
    }

    fn connected(&self, origin: &str) -> Result<()> {
        if self.settings.connected(origin).is_empty() {
            return Err(Error::Unauthorized {
                origin: origin.into(),
            });
        }
        Ok(())
    }

    /// The network first: a site connected on devnet while the user switched to testnet is
    /// told the network changed, not that it was never connected.
    fn authorize(&self, origin: &str, signer: &Signer) -> Result<()> {
        if signer.network != self.settings.network {
            return Err(Error::WrongNetwork {
                wallet: self.settings.network.clone(),
                requested: signer.network.clone(),
            });
        }
        let connected = self.settings.connected(origin);
        if connected.is_empty() {
            return Err(Error::Unauthorized {
                origin: origin.into(),
            });
        }
        let wanted = signer.hip30();
        if !connected.iter().any(|a| a.hip30() == wanted) {
            return Err(Error::WrongAccount {
                expected: connected
                    .iter()
                    .map(|a| a.hip30())
                    .collect::<Vec<_>>()
                    .join(", "),
                found: wanted,
            });
        }
        Ok(())
    }

    /// After the user approved a connect: `origin` may use `accounts` (HIP-30 ids, each one
    /// of this network's accounts).
    pub fn connect(&mut self, origin: &str, accounts: &[String]) -> Result<Value> {
        let known: Vec<String> = self
            .settings
            .network_accounts()
            .map(PublicAccount::hip30)
            .collect();
        if accounts.is_empty() || accounts.iter().any(|a| !known.contains(a)) {
            return Err(Error::InvalidParams {
                field: "accounts",
                reason: "choose at least one of the wallet's accounts on this network".into(),
            });
        }
        let entry = self.settings.connections.entry(origin.into()).or_default();
        for a in accounts {
            if !entry.contains(a) {
                entry.push(a.clone());
            }
        }
        Ok(self.accounts_of(origin))
    }

    /// After the user approved: signs. The request is checked again (state may have changed
    /// while the window was open). A transaction is signed only if `shown`, the digest the
    /// approval window returned, is that of its bytes (see the module docs).
    pub fn sign(&mut self, origin: &str, request: &Request, shown: Option<&str>) -> Result<Signed> {
        self.check(origin, request)?;
        if let Request::SignTransaction {
            transaction_body: bytes,
            ..
        }
        | Request::SignAndExecuteTransaction {
            transaction_list: bytes,
            ..
        } = request
        {
            if shown != Some(review::digest(bytes).as_str()) {
                return Err(Error::NotShown);
            }
        }
        let signer = request.signer().ok_or(Error::InvalidParams {
            field: "method",
            reason: "not a signing method".into(),
        })?;
        let key = self.key_of(signer)?;
        Ok(match request {
            Request::SignMessage { message, .. } => Signed::Answer(
                obj! { "signatureMap": B64.encode(sign_message(&key, message).encode_to_vec()) },
            ),
            Request::SignTransaction {
                transaction_body, ..
            } => {
                let map = proto::SignatureMap {
                    sig_pair: vec![key.public_key().signature_pair(key.sign(transaction_body))],
                };
                Signed::Answer(obj! { "signatureMap": B64.encode(map.encode_to_vec()) })
            }
            Request::SignAndExecuteTransaction {
                transaction_list, ..
            } => {
                let (mut tx, _) = review::list(transaction_list)?;
                tx.sign(&key);
                Signed::Execute(tx)
            }
            Request::SignAndExecuteQuery { query, .. } => {
                Signed::Query(PageQuery::decode(query)?.0)
            }
            _ => unreachable!("check() allows signing only for signing methods"),
        })
    }

    /// After the user approved a paid query: the query's bytes with a payment of `tinybars`
    /// from the signer to `node`, signed (`cost` asks the node's price instead of the answer).
    /// The request is checked again, as for `sign`.
    pub fn paid_query(
        &mut self,
        origin: &str,
        request: &Request,
        node: AccountId,
        tinybars: u64,
        cost: bool,
        now: Timestamp,
    ) -> Result<Vec<u8>> {
        self.check(origin, request)?;
        let Request::SignAndExecuteQuery { signer, query } = request else {
            return Err(Error::InvalidParams {
                field: "method",
                reason: "not a query".into(),
            });
        };
        if tinybars > query::MAX_QUERY_PAYMENT_TINYBARS {
            return Err(Error::Network {
                code: "MAX_QUERY_PAYMENT_EXCEEDED".into(),
                message: format!(
                    "the node asks {} for this query, more than the {} the wallet pays",
                    Hbar::from_tinybars(tinybars as i64),
                    Hbar::from_tinybars(query::MAX_QUERY_PAYMENT_TINYBARS as i64)
                ),
            });
        }
        let (page_query, _) = PageQuery::decode(query)?;
        let key = self.key_of(signer)?;
        let amount = Hbar::from_tinybars(tinybars as i64);
        let mut payment = TransferTransaction::new()
            .with_hbar_transfer(
                signer.account.clone(),
                Hbar::from_tinybars(-(tinybars as i64)),
            )
            .with_hbar_transfer(node.clone(), amount)
            .with_transaction_id(TransactionId::generate(signer.account.clone(), now))
            .with_node_account_ids([node])
            .with_max_transaction_fee(Hbar::new(1))
            .freeze()?;
        payment.sign(&key);
        let entry = payment.entries().first().ok_or(Error::InvalidParams {
            field: "query",
            reason: "the payment has no entry".into(),
        })?;
        Ok(page_query.to_bytes(Some(entry.to_proto()), cost))
    }

    fn key_of(&mut self, signer: &Signer) -> Result<PrivateKey> {
        let open = self.open_mut()?;
        let id = signer.account.to_string();
        let stored = open
            .secrets
            .accounts
            .iter()
            .find(|a| a.network == signer.network && a.account_id == id)
            .ok_or_else(|| Error::InvalidAccount {
                reason: format!("{} is not in the vault", signer.hip30()),
            })?;
        Ok(stored.private_key.parse()?)
    }
}

fn payer_is(signer: &Signer, payer: &AccountId) -> Result<()> {
    if *payer != signer.account {
        return Err(Error::WrongAccount {
            expected: signer.hip30(),
            found: format!("payer {payer}"),
        });
    }
    Ok(())
}

/// Raw keys are 32 bytes (64 hex digits); anything longer is DER.
fn looks_like_der(k: &str) -> bool {
    k.trim().trim_start_matches("0x").len() > 64
}

pub fn algorithm_name(a: KeyAlgorithm) -> &'static str {
    match a {
        KeyAlgorithm::Ed25519 => "ED25519",
        KeyAlgorithm::EcdsaSecp256k1 => "ECDSA_SECP256K1",
    }
}

#[cfg(test)]
mod tests;
