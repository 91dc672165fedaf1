//! What the wallet keeps in the clear (`chrome.storage.local` under `settings`): the network,
//! endpoint overrides, the public side of each account, which sites are connected to which
//! accounts, the idle time before auto-lock, and the test mode. Nothing here is secret.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const NETWORKS: &[&str] = &["devnet", "testnet", "mainnet"];
pub const DEFAULT_IDLE_MINUTES: u32 = 15;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Settings {
    /// `devnet` (the default), `testnet` or `mainnet`.
    pub network: String,
    /// Mirror and gRPC-web URLs per network, where they are not the network's own.
    pub endpoints: BTreeMap<String, Endpoints>,
    /// The public side of the vault's accounts (the popup shows them while locked).
    pub accounts: Vec<PublicAccount>,
    /// Origin → the HIP-30 account ids (`hedera:devnet:0.0.1005`) it may use.
    pub connections: BTreeMap<String, Vec<String>>,
    pub idle_minutes: u32,
    /// Test mode: approval requests are confirmed without showing the window. Only the
    /// extension's own pages can change it; the popup labels it; off by default.
    pub auto_approve: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            network: "devnet".into(),
            endpoints: BTreeMap::new(),
            accounts: Vec::new(),
            connections: BTreeMap::new(),
            idle_minutes: DEFAULT_IDLE_MINUTES,
            auto_approve: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoints {
    /// Base URL of the mirror REST API, without `/api/v1`.
    pub mirror: String,
    /// gRPC-web base URL of node `0.0.3`.
    pub grpc_web: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicAccount {
    pub network: String,
    pub account_id: String,
    pub label: String,
    /// DER hex, as the mirror's `key` is compared with it.
    pub public_key: String,
    /// `ED25519` or `ECDSA_SECP256K1`.
    pub algorithm: String,
}

impl PublicAccount {
    /// `hedera:<network>:0.0.n` (HIP-30, without checksum).
    pub fn hip30(&self) -> String {
        format!("hedera:{}:{}", self.network, self.account_id)
    }
}

impl Settings {
    pub fn from_json(json: Option<&str>) -> Self {
        json.and_then(|j| serde_json::from_str(j).ok())
            .unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The accounts on the current network.
    pub fn network_accounts(&self) -> impl Iterator<Item = &PublicAccount> {
        self.accounts.iter().filter(|a| a.network == self.network)
    }

    /// The accounts `origin` connected, on the current network.
    pub fn connected(&self, origin: &str) -> Vec<&PublicAccount> {
        let Some(ids) = self.connections.get(origin) else {
            return Vec::new();
        };
        self.network_accounts()
            .filter(|a| ids.contains(&a.hip30()))
            .collect()
    }
}
