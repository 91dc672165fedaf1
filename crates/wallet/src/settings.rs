//! What the wallet keeps in the clear (`chrome.storage.local` under `settings`): the network,
//! endpoint overrides, the public side of each account, which sites are connected to which
//! accounts, the idle time before auto-lock, and the test mode. Nothing here is secret.

use crate::json::{object, take_object, take_string, Map, Value};
use crate::obj;
use std::collections::BTreeMap;

pub const NETWORKS: &[&str] = &["devnet", "testnet", "mainnet"];
pub const DEFAULT_IDLE_MINUTES: u32 = 15;

#[derive(Clone, Debug, PartialEq, Eq)]
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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Endpoints {
    /// Base URL of the mirror REST API, without `/api/v1`.
    pub mirror: String,
    /// gRPC-web base URL of node `0.0.3`.
    pub grpc_web: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
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

impl From<&PublicAccount> for Value {
    fn from(a: &PublicAccount) -> Value {
        obj! {
            "network": &a.network,
            "accountId": &a.account_id,
            "label": &a.label,
            "publicKey": &a.public_key,
            "algorithm": &a.algorithm,
        }
    }
}

impl Settings {
    /// What `to_json` wrote. Missing or ill-typed fields take their defaults, and entries that
    /// are not well formed are dropped (the accounts index is rebuilt from the vault on unlock).
    pub fn from_json(json: Option<&str>) -> Self {
        let mut settings = Self::default();
        let Some(mut map) = json.and_then(|j| object(j.as_bytes())) else {
            return settings;
        };
        if let Some(network) = take_string(&mut map, "network") {
            settings.network = network;
        }
        for (network, v) in take_object(&mut map, "endpoints").unwrap_or_default() {
            let Value::Object(mut e) = v else { continue };
            if let (Some(mirror), Some(grpc_web)) = (
                take_string(&mut e, "mirror"),
                take_string(&mut e, "grpcWeb"),
            ) {
                settings
                    .endpoints
                    .insert(network, Endpoints { mirror, grpc_web });
            }
        }
        if let Some(Value::Array(accounts)) = map.remove("accounts") {
            settings.accounts = accounts
                .into_iter()
                .filter_map(|a| {
                    let Value::Object(mut a) = a else { return None };
                    Some(PublicAccount {
                        network: take_string(&mut a, "network")?,
                        account_id: take_string(&mut a, "accountId")?,
                        label: take_string(&mut a, "label")?,
                        public_key: take_string(&mut a, "publicKey")?,
                        algorithm: take_string(&mut a, "algorithm")?,
                    })
                })
                .collect();
        }
        for (origin, ids) in take_object(&mut map, "connections").unwrap_or_default() {
            let Value::Array(ids) = ids else { continue };
            let ids: Vec<String> = ids
                .into_iter()
                .filter_map(|i| match i {
                    Value::String(s) => Some(s),
                    _ => None,
                })
                .collect();
            if !ids.is_empty() {
                settings.connections.insert(origin, ids);
            }
        }
        if let Some(m) = map.get("idleMinutes").and_then(Value::as_u64) {
            settings.idle_minutes = u32::try_from(m).unwrap_or(u32::MAX);
        }
        if let Some(on) = map.get("autoApprove").and_then(Value::as_bool) {
            settings.auto_approve = on;
        }
        settings
    }

    pub fn to_json(&self) -> String {
        let endpoints: Map = self
            .endpoints
            .iter()
            .map(|(n, e)| {
                let e = obj! { "mirror": &e.mirror, "grpcWeb": &e.grpc_web };
                (n.clone(), e)
            })
            .collect();
        obj! {
            "network": &self.network,
            "endpoints": endpoints,
            "accounts": self.accounts.iter().map(Value::from).collect::<Vec<_>>(),
            "connections": self.connections_value(),
            "idleMinutes": self.idle_minutes,
            "autoApprove": self.auto_approve,
        }
        .to_string()
    }

    /// Origin → its HIP-30 account ids, as the popup reads them.
    pub fn connections_value(&self) -> Value {
        let map: Map = self
            .connections
            .iter()
            .map(|(o, ids)| {
                (
                    o.clone(),
                    Value::from(ids.iter().map(Value::from).collect::<Vec<_>>()),
                )
            })
            .collect();
        Value::Object(map)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_round_trips_and_ill_typed_ones_take_defaults() {
        let mut s = Settings {
            network: "testnet".into(),
            idle_minutes: 7,
            auto_approve: true,
            ..Settings::default()
        };
        s.endpoints.insert(
            "devnet".into(),
            Endpoints {
                mirror: "http://127.0.0.1:1".into(),
                grpc_web: "http://127.0.0.1:2".into(),
            },
        );
        s.accounts.push(PublicAccount {
            network: "testnet".into(),
            account_id: "0.0.7".into(),
            label: "Seven".into(),
            public_key: "302a".into(),
            algorithm: "ED25519".into(),
        });
        s.connections.insert(
            "https://a.example".into(),
            vec!["hedera:testnet:0.0.7".into()],
        );
        assert_eq!(Settings::from_json(Some(&s.to_json())), s);
        let odd = r#"{"network":3,"idleMinutes":"x","accounts":[{"network":"devnet"}],"autoApprove":true}"#;
        let read = Settings::from_json(Some(odd));
        assert_eq!(
            (
                read.network.as_str(),
                read.idle_minutes,
                read.accounts.len(),
                read.auto_approve
            ),
            ("devnet", DEFAULT_IDLE_MINUTES, 0, true)
        );
        assert_eq!(Settings::from_json(Some("[1]")), Settings::default());
        assert_eq!(Settings::from_json(None), Settings::default());
    }
}
