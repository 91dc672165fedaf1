//! A deployment: which network, which organisation holds which account, key and topics, and
//! what the symbolic names of the definitions (`$tokens.twin`) stand for. `setup` writes one
//! for a devnet; the same file format points the agents and portals at testnet.

use crate::{Error, Result};
use loyal_client::{Network, Node};
use loyal_core::id::AccountId;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deployment {
    pub network: NetworkConfig,
    pub organisations: BTreeMap<String, Organisation>,
    /// `$tokens.<name>` → token id.
    #[serde(default)]
    pub tokens: BTreeMap<String, String>,
    /// `$accounts.<name>` → account id (organisations are there by their name as well).
    #[serde(default)]
    pub accounts: BTreeMap<String, String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkConfig {
    pub name: String,
    /// Node account id → gRPC-web base URL.
    pub nodes: BTreeMap<String, String>,
    /// Mirror REST base URL (without `/api/v1`).
    pub mirror: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipfs_api: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ipfs_gateway: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    pub account: String,
    /// The private key (DER hex or raw hex). Leave it out of files that are shared: the
    /// agent also reads `key_env` (an environment variable) or `key_file`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_env: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_file: Option<String>,
    /// Where customers' requests arrive.
    pub inbox_topic: String,
    /// Where claims and outcomes are recorded (only the organisation's key may submit).
    pub outcomes_topic: String,
    /// What proofs for this organisation's inbox must name as their audience (default
    /// `hcs://<inbox_topic>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// How long a claim's grant transactions can execute (their valid duration, 15–180 s;
    /// default 180): every runner of the organisation must use the same.
    #[serde(default = "default_window", skip_serializing_if = "is_default_window")]
    pub grant_window_secs: u64,
    /// Lookup tables of the definitions (`orders`: code → row).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub tables: BTreeMap<String, BTreeMap<String, Value>>,
}

fn default_window() -> u64 {
    crate::ledger::GRANT_WINDOW_SECS
}

fn is_default_window(secs: &u64) -> bool {
    *secs == crate::ledger::GRANT_WINDOW_SECS
}

impl Organisation {
    pub fn audience(&self) -> String {
        self.audience
            .clone()
            .unwrap_or_else(|| format!("hcs://{}", self.inbox_topic))
    }
}

impl Deployment {
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        let de = &mut serde_json::Deserializer::from_slice(bytes);
        serde_path_to_error::deserialize(de).map_err(|e| {
            Error::invalid(
                format!("deployment {}", e.path()),
                e.into_inner().to_string(),
            )
        })
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a deployment always serializes")
    }

    pub fn organisation(&self, name: &str) -> Result<&Organisation> {
        self.organisations.get(name).ok_or_else(|| Error::Unbound {
            field: "organisation".into(),
            name: name.to_owned(),
        })
    }

    /// `loyal-client`'s network for these URLs.
    pub fn client_network(&self) -> Result<Network> {
        let mut nodes = Vec::new();
        for (account, url) in &self.network.nodes {
            nodes.push(Node {
                account_id: account.parse().map_err(|e| {
                    Error::invalid(
                        format!("deployment network.nodes.{account}"),
                        format!("{e}"),
                    )
                })?,
                url: url.clone(),
            });
        }
        let mut net = Network::custom(nodes, self.network.mirror.clone());
        net.name = self.network.name.clone();
        net.ledger_id = loyal_core::id::LedgerId::from_name(&self.network.name);
        if let (Some(api), Some(gw)) = (&self.network.ipfs_api, &self.network.ipfs_gateway) {
            net = net.with_ipfs(api.clone(), gw.clone());
        }
        Ok(net)
    }

    /// What `$tokens.x`, `$accounts.x`, `$topics.x` and `$org.account` stand for, for the
    /// workflows of `org`; a literal id stands for itself.
    pub fn bind(&self, org: &str, symbol: &str, field: &str) -> Result<String> {
        let unbound = || Error::Unbound {
            field: field.to_owned(),
            name: symbol.to_owned(),
        };
        let Some(rest) = symbol.strip_prefix('$') else {
            return Ok(symbol.to_owned());
        };
        if rest == "org.account" {
            return Ok(self.organisation(org)?.account.clone());
        }
        let (table, name) = rest.split_once('.').ok_or_else(unbound)?;
        match table {
            "tokens" => self.tokens.get(name).cloned(),
            "accounts" => self
                .accounts
                .get(name)
                .cloned()
                .or_else(|| self.organisations.get(name).map(|o| o.account.clone())),
            _ => None,
        }
        .ok_or_else(unbound)
    }

    pub fn account(&self, org: &str) -> Result<AccountId> {
        let o = self.organisation(org)?;
        o.account.parse().map_err(|e| {
            Error::invalid(
                format!("deployment organisations.{org}.account"),
                format!("{e}"),
            )
        })
    }
}
