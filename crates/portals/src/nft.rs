//! NFTs as the portals show them: metadata fetched from IPFS and verified against the CID the
//! ledger holds, rendered field by field as text; the image from verified bytes as a `data:`
//! URL in an `<img>` (no script runs in an image, and a data URL opened on its own has no
//! origin of ours); the chain of custody from the mirror's NFT transaction history.

use base64::Engine;
use loyal_client::{IpfsClient, MirrorClient};
use serde_json::Value;
use web_sys::Element;

use crate::dom::{append, clear, el, el_class};
use crate::ledger::Boxed;
use crate::names;
use crate::staff::WebClient;
use crate::{Error, Result};
use loyal_web::{Fetch, Timers};

pub fn mirror(client: &WebClient) -> MirrorClient<'_, Fetch, Timers> {
    MirrorClient::new(
        client.transport(),
        client.runtime(),
        &client.network().mirror_url,
    )
}

pub fn ipfs(client: &WebClient) -> Result<IpfsClient<'_, Fetch>> {
    let n = client.network();
    match (&n.ipfs_api_url, &n.ipfs_gateway_url) {
        (api, Some(gateway)) => Ok(IpfsClient::new(
            client.transport(),
            api.as_deref().unwrap_or_default(),
            gateway,
        )),
        _ => Err(Error::new("NO_IPFS", "no IPFS gateway for this network")),
    }
}

/// Metadata read through its CID: what the ledger says (`uri`) and what IPFS gave back.
pub struct Fetched {
    pub uri: String,
    pub cid: String,
    pub json: Value,
}

/// Follows the NFT's on-ledger metadata (`ipfs://CID[/path]`) to its JSON, every block
/// verified against the CID.
pub fn fetch_metadata<'a>(client: &'a WebClient, on_ledger: &'a [u8]) -> Boxed<'a, Fetched> {
    Box::pin(async move {
        let uri = String::from_utf8_lossy(on_ledger).into_owned();
        let Some(path) = uri.strip_prefix("ipfs://") else {
            return Err(Error::new(
                "NOT_IPFS_METADATA",
                format!("the NFT's metadata is not an ipfs:// URI: {uri:?}"),
            ));
        };
        let bytes = ipfs(client)?.cat_path(&uri).await?;
        let json = serde_json::from_slice(&bytes)
            .map_err(|e| Error::new("METADATA_JSON", format!("not JSON: {e}")))?;
        Ok(Fetched {
            cid: path.split('/').next().unwrap_or_default().to_owned(),
            uri,
            json,
        })
    })
}

/// A JSON value as one line of text (strings as they are).
pub fn text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

pub fn name(json: &Value) -> String {
    text(&json["name"])
}

/// The `trait_type` attribute's value, if any.
pub fn attribute<'a>(json: &'a Value, trait_type: &str) -> Option<&'a Value> {
    json["attributes"]
        .as_array()?
        .iter()
        .find(|a| a["trait_type"].as_str() == Some(trait_type))
        .map(|a| &a["value"])
}

/// Renders the metadata into `container` as a definition list: name, creator, description,
/// every property, every attribute (scores with a meter). Strings only ever become text.
pub fn render_metadata(container: &Element, json: &Value) {
    clear(container);
    let dl = el("dl", "");
    let row = |term: &str, value: String| {
        append(&dl, &el("dt", term));
        append(&dl, &el("dd", &value));
    };
    for field in ["name", "creator", "description"] {
        if !json[field].is_null() {
            row(field, text(&json[field]));
        }
    }
    if let Some(props) = json["properties"].as_object() {
        for (k, v) in props {
            row(k, text(v));
        }
    }
    append(container, &dl);
    if let Some(attrs) = json["attributes"].as_array() {
        let list = el_class("ul", "attributes", "");
        for a in attrs {
            let li = el("li", "");
            let label = text(&a["trait_type"]);
            let value = text(&a["value"]);
            let max = a["max_value"].as_u64();
            append(&li, &el_class("span", "trait", &label));
            let shown = match max {
                Some(m) => format!("{value} / {m}"),
                None => value.clone(),
            };
            append(&li, &el_class("span", "value", &shown));
            if let (Some(v), Some(m)) = (a["value"].as_u64(), max) {
                let meter = el("meter", "");
                meter.set_attribute("min", "0").ok();
                meter.set_attribute("max", &m.to_string()).ok();
                meter.set_attribute("value", &v.to_string()).ok();
                meter.set_attribute("aria-label", &label).ok();
                append(&li, &meter);
            }
            append(&list, &li);
        }
        append(container, &list);
    }
}

const IMAGE_TYPES: &[&str] = &[
    "image/svg+xml",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
];

/// Fetches the metadata's `image` (ipfs:// only: verified) and shows it as an `<img>` in
/// `container`; the alt text is the NFT's name. An image that cannot be had says why.
pub fn render_image<'a>(
    client: &'a WebClient,
    container: &'a Element,
    json: &'a Value,
) -> Boxed<'a, ()> {
    Box::pin(async move {
        clear(container);
        let image = text(&json["image"]);
        let mime = text(&json["type"]);
        let shown = async {
            if !image.starts_with("ipfs://") {
                return Err(Error::new(
                    "IMAGE_NOT_IPFS",
                    format!("image {image:?} is not on IPFS"),
                ));
            }
            if !IMAGE_TYPES.contains(&mime.as_str()) {
                return Err(Error::new(
                    "IMAGE_TYPE",
                    format!("image type {mime:?} is not shown"),
                ));
            }
            let bytes = ipfs(client)?.cat_path(&image).await?;
            Ok(format!(
                "data:{mime};base64,{}",
                base64::engine::general_purpose::STANDARD.encode(bytes)
            ))
        };
        match shown.await {
            Ok(src) => {
                let img = el("img", "");
                img.set_attribute("src", &src).ok();
                img.set_attribute("alt", &name(json)).ok();
                img.set_attribute("width", "320").ok();
                img.set_attribute("height", "240").ok();
                append(container, &img);
            }
            Err(e) => append(
                container,
                &el_class("p", "muted", &format!("No image: {e}")),
            ),
        }
        Ok(())
    })
}

/// `1733180000.123456789` → `2024-12-02 23:33:20 UTC`.
pub fn timestamp(consensus: &str) -> String {
    let secs: f64 = consensus.parse().unwrap_or(0.0);
    let iso = String::from(js_sys::Date::new(&(secs * 1000.0).into()).to_iso_string());
    iso.get(..19)
        .map_or(iso.clone(), |t| format!("{} UTC", t.replace('T', " ")))
}

/// One move of the NFT, oldest first.
pub struct Custody {
    pub when: String,
    pub kind: String,
    pub from: Option<String>,
    pub to: Option<String>,
    pub transaction_id: String,
}

/// The NFT's history from the mirror, oldest first.
pub fn custody<'a>(client: &'a WebClient, token: &'a str, serial: i64) -> Boxed<'a, Vec<Custody>> {
    Box::pin(async move {
        let mut moves = mirror(client)
            .nft_transfers(token, serial, 10)
            .collect()
            .await?;
        moves.reverse();
        Ok(moves
            .into_iter()
            .map(|m| Custody {
                when: timestamp(&m.consensus_timestamp),
                kind: m.kind,
                from: m.sender_account_id,
                to: m.receiver_account_id,
                transaction_id: m.transaction_id,
            })
            .collect())
    })
}

/// The chain of holders (`BestProducer → FastShoes → Alice`) and the table of moves.
pub fn render_custody(chain: &Element, table_id: &str, moves: &[Custody], devnet: bool) {
    clear(chain);
    let mut holders: Vec<String> = Vec::new();
    for m in moves {
        if let Some(to) = &m.to {
            if holders.last() != Some(to) {
                holders.push(to.clone());
            }
        }
    }
    for (i, h) in holders.iter().enumerate() {
        let li = el("li", &names::label(h, devnet));
        if i + 1 == holders.len() {
            li.set_class_name("current");
            li.set_attribute("aria-current", "true").ok();
        }
        append(chain, &li);
    }
    let rows: Vec<Vec<String>> = moves
        .iter()
        .map(|m| {
            vec![
                m.when.clone(),
                m.kind.clone(),
                m.from
                    .as_deref()
                    .map_or("—".into(), |a| names::label(a, devnet)),
                m.to.as_deref()
                    .map_or("—".into(), |a| names::label(a, devnet)),
                m.transaction_id.clone(),
            ]
        })
        .collect();
    crate::dom::fill_table(table_id, &rows, &[]);
}

/// One NFT as a card in `list`: its id, its image and metadata (verified), or why not.
pub fn render_card<'a>(
    client: &'a WebClient,
    list: &'a Element,
    token: &'a str,
    serial: i64,
    metadata: &'a [u8],
    note: &'a str,
) -> Boxed<'a, ()> {
    Box::pin(async move {
        let card = el_class("article", "card", "");
        card.set_attribute("data-nft", &format!("{token}/{serial}"))
            .ok();
        let image = el("div", "");
        let text_side = el("div", "");
        append(&text_side, &el("h3", &format!("{token} #{serial}")));
        if !note.is_empty() {
            append(&text_side, &el_class("p", "muted", note));
        }
        append(&card, &image);
        append(&card, &text_side);
        append(list, &card);
        match fetch_metadata(client, metadata).await {
            Ok(m) => {
                let details = el("div", "");
                render_metadata(&details, &m.json);
                append(
                    &text_side,
                    &el_class("p", "ok", &format!("✓ metadata verified against {}", m.cid)),
                );
                append(&text_side, &details);
                render_image(client, &image, &m.json).await?;
            }
            Err(e) => append(&text_side, &el_class("p", "bad", &format!("✗ {e}"))),
        }
        Ok(())
    })
}

/// The account id typed in `id`, checked.
pub fn account_input(id: &str, label: &str) -> Result<String> {
    let text = crate::dom::input_value(id);
    text.parse::<loyal_core::id::AccountId>()
        .map(|a| a.to_string())
        .map_err(|e| crate::error::invalid(label, e))
}
