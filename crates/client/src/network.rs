//! Which network a client talks to: nodes (account id + gRPC-web base URL), a mirror node and,
//! optionally, IPFS. The devnet is the default; Hedera's public networks are one name away
//! (their web proxies as the official JS SDK lists them), and any mirror's
//! `/api/v1/network/nodes` can supply the node list.

use crate::{Error, Result};
use loyal_core::id::{AccountId, LedgerId};
use serde::Deserialize;

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub account_id: AccountId,
    /// e.g. `http://127.0.0.1:50213` or `https://testnet-node00-00-grpc.hedera.com:443`
    pub url: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Network {
    pub name: String,
    pub ledger_id: Option<LedgerId>,
    pub nodes: Vec<Node>,
    /// Base URL of the mirror REST API, without `/api/v1`.
    pub mirror_url: String,
    /// Kubo RPC base (`/api/v0/add`) and trustless gateway base (`/ipfs/{cid}`).
    pub ipfs_api_url: Option<String>,
    pub ipfs_gateway_url: Option<String>,
}

fn web_nodes(hosts: &[(&str, u64)]) -> Vec<Node> {
    hosts
        .iter()
        .map(|(host, num)| Node {
            account_id: AccountId::new(0, 0, *num),
            url: format!("https://{host}"),
        })
        .collect()
}

impl Network {
    /// The local devnet on its default ports (`cargo xtask demo`).
    pub fn devnet() -> Self {
        Self::local("127.0.0.1", 50213, 5551, 5001)
    }

    /// A devnet on other ports (tests use port 0 and read the real ones).
    pub fn local(host: &str, grpc_web: u16, mirror: u16, ipfs: u16) -> Self {
        Self {
            name: "devnet".into(),
            ledger_id: LedgerId::from_name("devnet"),
            nodes: vec![Node {
                account_id: AccountId::new(0, 0, 3),
                url: format!("http://{host}:{grpc_web}"),
            }],
            mirror_url: format!("http://{host}:{mirror}"),
            ipfs_api_url: Some(format!("http://{host}:{ipfs}")),
            ipfs_gateway_url: Some(format!("http://{host}:{ipfs}")),
        }
    }

    pub fn testnet() -> Self {
        let hosts: Vec<(String, u64)> = (0..7)
            .map(|i| (format!("testnet-node{i:02}-00-grpc.hedera.com:443"), 3 + i))
            .collect();
        Self::public("testnet", &hosts, "https://testnet.mirrornode.hedera.com")
    }

    pub fn previewnet() -> Self {
        let hosts: Vec<(String, u64)> = (0..7)
            .map(|i| {
                (
                    format!("previewnet-node{i:02}-00-grpc.hedera.com:443"),
                    3 + i,
                )
            })
            .collect();
        Self::public(
            "previewnet",
            &hosts,
            "https://previewnet.mirrornode.hedera.com",
        )
    }

    /// A few of mainnet's web proxies; `with_nodes_from_mirror` gives the current full list.
    pub fn mainnet() -> Self {
        let hosts: Vec<(String, u64)> = [
            ("node00.swirldslabs.com:443", 3),
            ("node01-00-grpc.swirlds.com:443", 4),
            ("node03.swirldslabs.com:443", 6),
            ("node04.swirldslabs.com:443", 7),
            ("node05.swirldslabs.com:443", 8),
            ("node06.swirldslabs.com:443", 9),
        ]
        .iter()
        .map(|(h, n)| (h.to_string(), *n))
        .collect();
        Self::public(
            "mainnet",
            &hosts,
            "https://mainnet-public.mirrornode.hedera.com",
        )
    }

    fn public(name: &str, hosts: &[(String, u64)], mirror: &str) -> Self {
        let hosts: Vec<(&str, u64)> = hosts.iter().map(|(h, n)| (h.as_str(), *n)).collect();
        Self {
            name: name.into(),
            ledger_id: LedgerId::from_name(name),
            nodes: web_nodes(&hosts),
            mirror_url: mirror.into(),
            ipfs_api_url: None,
            ipfs_gateway_url: None,
        }
    }

    pub fn from_name(name: &str) -> Result<Self> {
        match name {
            "devnet" | "local" | "local-node" => Ok(Self::devnet()),
            "testnet" => Ok(Self::testnet()),
            "previewnet" => Ok(Self::previewnet()),
            "mainnet" => Ok(Self::mainnet()),
            _ => Err(Error::UnknownNetwork { name: name.into() }),
        }
    }

    pub fn custom(nodes: Vec<Node>, mirror_url: impl Into<String>) -> Self {
        Self {
            name: "custom".into(),
            ledger_id: None,
            nodes,
            mirror_url: mirror_url.into(),
            ipfs_api_url: None,
            ipfs_gateway_url: None,
        }
    }

    pub fn with_ipfs(mut self, api_url: impl Into<String>, gateway_url: impl Into<String>) -> Self {
        self.ipfs_api_url = Some(api_url.into());
        self.ipfs_gateway_url = Some(gateway_url.into());
        self
    }

    pub fn with_nodes(mut self, nodes: Vec<Node>) -> Self {
        self.nodes = nodes;
        self
    }

    /// The node accounts, each once, in order (a node may have several endpoints): what a
    /// transaction is frozen for.
    pub fn node_account_ids(&self) -> Vec<AccountId> {
        let mut ids: Vec<AccountId> = Vec::new();
        for n in &self.nodes {
            if !ids.contains(&n.account_id) {
                ids.push(n.account_id.clone());
            }
        }
        ids
    }

    /// Replaces the node list with the one a mirror's `/api/v1/network/nodes` body gives
    /// (nodes without a `grpc_proxy_endpoint` cannot be reached from a browser and are skipped).
    pub fn with_nodes_from_mirror(self, body: &[u8]) -> Result<Self> {
        let nodes = nodes_from_mirror(body)?;
        Ok(self.with_nodes(nodes))
    }
}

#[derive(Deserialize)]
struct NodesPage {
    nodes: Vec<MirrorNode>,
}

/// An item of the mirror's `/api/v1/network/nodes` (the fields a client needs).
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct MirrorNode {
    pub node_account_id: String,
    pub grpc_proxy_endpoint: Option<Endpoint>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Endpoint {
    pub domain_name: Option<String>,
    pub ip_address_v4: Option<String>,
    pub port: u16,
}

/// The nodes of one `/api/v1/network/nodes` page body.
pub fn nodes_from_mirror(body: &[u8]) -> Result<Vec<Node>> {
    let page: NodesPage = serde_json::from_slice(body).map_err(|e| Error::Decode {
        what: "network/nodes",
        reason: e.to_string(),
    })?;
    reachable_nodes(page.nodes)
}

/// The mirror's nodes a browser can reach: those with a gRPC-web proxy endpoint.
pub fn reachable_nodes(listed: impl IntoIterator<Item = MirrorNode>) -> Result<Vec<Node>> {
    let mut nodes = Vec::new();
    for n in listed {
        let Some(e) = n.grpc_proxy_endpoint else {
            continue;
        };
        let account_id = n.node_account_id.parse::<AccountId>()?;
        let host = e
            .domain_name
            .filter(|d| !d.is_empty())
            .or(e.ip_address_v4.filter(|ip| !ip.is_empty()));
        let Some(host) = host else { continue };
        // Proxies on 443 speak TLS; a local proxy on another port is plain HTTP.
        let scheme = if e.port == 443 { "https" } else { "http" };
        nodes.push(Node {
            account_id,
            url: format!("{scheme}://{host}:{}", e.port),
        });
    }
    Ok(nodes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_mirror_node_lists() {
        assert_eq!(Network::from_name("testnet").unwrap().nodes.len(), 7);
        assert_eq!(
            Network::from_name("nope").unwrap_err().code(),
            "UNKNOWN_NETWORK"
        );
        let body = br#"{"nodes":[
            {"node_account_id":"0.0.3","grpc_proxy_endpoint":{"domain_name":"testnet-node00-00-grpc.hedera.com","ip_address_v4":"","port":443}},
            {"node_account_id":"0.0.4","grpc_proxy_endpoint":null},
            {"node_account_id":"0.0.5","grpc_proxy_endpoint":{"domain_name":"","ip_address_v4":"127.0.0.1","port":50213}}],
            "links":{"next":null}}"#;
        let nodes = nodes_from_mirror(body).unwrap();
        assert_eq!(nodes.len(), 2);
        assert_eq!(
            nodes[0].url,
            "https://testnet-node00-00-grpc.hedera.com:443"
        );
        assert_eq!(nodes[1].url, "http://127.0.0.1:50213");
        assert_eq!(nodes[1].account_id, AccountId::new(0, 0, 5));
    }
}
