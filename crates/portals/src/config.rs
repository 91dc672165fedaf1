//! Which network a portal talks to, from its address: by default the devnet on its default
//! ports on the page's own host; `?network=testnet` (or previewnet, mainnet) a public network;
//! `?grpcweb=URL`, `?mirror=URL`, `?ipfs=URL` (and `?gateway=URL`) override one service each,
//! which is how the tests point the pages at a devnet on free ports. Links marked
//! `data-carry` keep these settings when a person moves between portals.

use loyal_client::{Network, Node};
use loyal_core::id::AccountId;
use wasm_bindgen::JsCast;
use web_sys::UrlSearchParams;

use crate::{Error, Result};

fn search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// One query parameter of the page's address.
pub fn param(name: &str) -> Option<String> {
    UrlSearchParams::new_with_str(&search())
        .ok()?
        .get(name)
        .filter(|v| !v.is_empty())
}

fn http_url(name: &str) -> Result<Option<String>> {
    match param(name) {
        None => Ok(None),
        Some(v) if v.starts_with("http://") || v.starts_with("https://") => {
            Ok(Some(v.trim_end_matches('/').to_owned()))
        }
        Some(v) => Err(Error::new(
            "INVALID_SETTING",
            format!("?{name}={v} is not an http(s) URL"),
        )),
    }
}

/// The network the page's address names.
pub fn network() -> Result<Network> {
    let host = web_sys::window()
        .and_then(|w| w.location().hostname().ok())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "127.0.0.1".into());
    let mut network = match param("network").as_deref() {
        None | Some("devnet") => Network::local(&host, 50213, 5551, 5001),
        Some(name) => Network::from_name(name)?,
    };
    if let Some(url) = http_url("grpcweb")? {
        network.nodes = vec![Node {
            account_id: AccountId::new(0, 0, 3),
            url,
        }];
    }
    if let Some(url) = http_url("mirror")? {
        network.mirror_url = url;
    }
    if let Some(url) = http_url("ipfs")? {
        network.ipfs_api_url = Some(url.clone());
        network.ipfs_gateway_url = Some(url);
    }
    if let Some(url) = http_url("gateway")? {
        network.ipfs_gateway_url = Some(url);
    }
    Ok(network)
}

/// Whether the page runs against the devnet (its published test keys may be offered).
pub fn is_devnet(network: &Network) -> bool {
    network.name == "devnet"
}

/// Adds the page's query string to every `a[data-carry]`.
pub fn carry_links() {
    let query = search();
    if query.is_empty() {
        return;
    }
    let Ok(links) = crate::dom::document().query_selector_all("a[data-carry]") else {
        return;
    };
    for i in 0..links.length() {
        if let Some(a) = links
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            let href = a.get_attribute("href").unwrap_or_default();
            let (path, hash) = href
                .split_once('#')
                .map_or((href.as_str(), ""), |(p, h)| (p, h));
            let hash = if hash.is_empty() {
                String::new()
            } else {
                format!("#{hash}")
            };
            let _ = a.set_attribute("href", &format!("{path}{query}{hash}"));
        }
    }
}

/// A line describing the network, for the page header.
pub fn describe(network: &Network) -> String {
    format!(
        "{}: node {} · mirror {} · IPFS {}",
        network.name,
        network.nodes.first().map_or("—", |n| n.url.as_str()),
        network.mirror_url,
        network.ipfs_gateway_url.as_deref().unwrap_or("none")
    )
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// Remembers a token id of the journey (`twin`, …) for this network's mirror, so the next
/// visit opens it again.
pub fn remember(kind: &str, mirror: &str, value: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(&format!("loyal.{kind}@{mirror}"), value);
    }
}

pub fn remembered(kind: &str, mirror: &str) -> Option<String> {
    storage()?
        .get_item(&format!("loyal.{kind}@{mirror}"))
        .ok()
        .flatten()
}
