//! Creates the journey on a network with the organisations' keys — the twin collection
//! (BestProducer, twins shipped to FastShoes with an order code each), the accomplishment
//! collection (SuperMarathon), the concert ticket (StillWater, fungible, whole units), an
//! inbox and an outcomes topic per organisation that runs workflows — and returns the
//! [`Deployment`] describing it. Every token's HIP-412 metadata carries its TTF
//! classification, read back from the mirror.

use crate::deployment::{Deployment, NetworkConfig, Organisation};
use crate::topics::execute;
use crate::ttf::{classify, TokenInfo};
use crate::{Error, Result};
use core::time::Duration;
use loyal_client::{Client, IpfsClient, MirrorClient, Runtime, Transport};
use loyal_core::id::{AccountId, NftId, TokenId};
use loyal_core::key::PrivateKey;
use loyal_core::transaction::*;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The organisations that run workflows (an inbox and an outcomes topic each).
pub const RUNNERS: [&str; 3] = ["FastShoes", "SuperMarathon", "StillWater"];
/// Every organisation setup acts for.
pub const ORGANISATIONS: [&str; 4] = ["BestProducer", "FastShoes", "SuperMarathon", "StillWater"];

pub struct SetupConfig {
    pub network: NetworkConfig,
    /// Account and key of each of [`ORGANISATIONS`].
    pub keys: BTreeMap<String, (AccountId, PrivateKey)>,
    /// Customer accounts to name in the deployment (`$accounts.Alice`).
    pub accounts: BTreeMap<String, String>,
    /// Twins minted and shipped to FastShoes (each with an order code).
    pub twins: u32,
    /// Secret the order codes are derived from.
    pub seed: [u8; 32],
    /// Write the organisations' keys into the deployment (devnet only: its keys are public).
    pub include_keys: bool,
}

const TWIN_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 32"><path d="M4 24h40l14-6v6H4z" fill="#1e6091"/><text x="4" y="14" font-size="8">BestProducer</text></svg>"##;
const MEDAL_SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="18" r="10" fill="#d4a017"/><path d="M10 0h4l2 8 2-8h4l-4 10h-4z" fill="#b22"/></svg>"##;

/// The order code of a twin: unguessable without the seed.
pub fn order_code(seed: &[u8; 32], serial: u64) -> String {
    let mut h = Sha256::new();
    h.update(seed);
    h.update(serial.to_be_bytes());
    format!("FS-{serial:04}-{}", hex::encode_upper(&h.finalize()[..4]))
}

pub async fn setup<T: Transport, R: Runtime>(
    client: &Client<T, R>,
    config: &SetupConfig,
) -> Result<Deployment> {
    let key = |org: &str| {
        config.keys.get(org).cloned().ok_or_else(|| Error::Unbound {
            field: "setup keys".into(),
            name: org.to_owned(),
        })
    };
    let (bp, bp_key) = key("BestProducer")?;
    let (fs, fs_key) = key("FastShoes")?;
    let (sm, sm_key) = key("SuperMarathon")?;
    let (sw, sw_key) = key("StillWater")?;
    let net = client.network();
    let (api, gw) = net
        .ipfs_api_url
        .clone()
        .zip(net.ipfs_gateway_url.clone())
        .ok_or_else(|| Error::Unbound {
            field: "network".into(),
            name: "ipfs".into(),
        })?;
    let ipfs = IpfsClient::new(client.transport(), &api, &gw);
    let mirror = MirrorClient::new(client.transport(), client.runtime(), &net.mirror_url);
    let twin_image = format!(
        "ipfs://{}",
        ipfs.add("twin.svg", TWIN_SVG.as_bytes()).await?
    );
    let medal_image = format!(
        "ipfs://{}",
        ipfs.add("medal.svg", MEDAL_SVG.as_bytes()).await?
    );

    let nft_collection = |name: &str, symbol: &str, treasury: &AccountId, key: &PrivateKey| {
        TokenCreateTransaction::new()
            .with_name(name)
            .with_symbol(symbol)
            .with_token_type(TokenType::NonFungibleUnique)
            .with_supply_type(TokenSupplyType::Infinite)
            .with_decimals(0)
            .with_initial_supply(0)
            .with_treasury(treasury.clone())
            .with_supply_key(key.public_key())
    };
    let twin = create_token(
        client,
        &ipfs,
        &mirror,
        (&bp, &bp_key),
        nft_collection("BestProducer Digital Twin", "TWIN", &bp, &bp_key),
    )
    .await?;
    let medal = create_token(
        client,
        &ipfs,
        &mirror,
        (&sm, &sm_key),
        nft_collection("SuperMarathon Accomplishment", "FINISH", &sm, &sm_key),
    )
    .await?;
    let ticket = create_token(
        client,
        &ipfs,
        &mirror,
        (&sw, &sw_key),
        TokenCreateTransaction::new()
            .with_name("StillWater Concert Ticket")
            .with_symbol("SWT")
            .with_token_type(TokenType::FungibleCommon)
            .with_decimals(0)
            .with_initial_supply(1000)
            .with_supply_type(TokenSupplyType::Finite)
            .with_max_supply(1000)
            .with_treasury(sw.clone())
            .with_supply_key(sw_key.public_key()),
    )
    .await?;

    // The twins: HIP-412 metadata on IPFS with the collection's TTF classification.
    let ttf = classification(&mirror, client, &twin).await?;
    let mut uris = Vec::new();
    for serial in 1..=u64::from(config.twins) {
        let doc = json!({
            "name": format!("FastRunner 3 twin #{serial}"),
            "creator": "BestProducer",
            "description": "Digital twin of one manufactured pair of FastRunner 3 shoes.",
            "image": twin_image,
            "type": "image/svg+xml",
            "properties": {
                "manufacturer": "BestProducer",
                "product": {"model": "FastRunner 3", "size": 36 + (serial % 10), "batch": format!("B-2026-{:03}", 1 + serial / 100)},
                "factory": "Porto, Portugal",
                "manufactured": "2026-10-15",
                "scores": {"sustainability": 82, "workers": 91},
                "ttf": {"formula": ttf.formula, "visual": ttf.visual, "text": ttf.text},
            },
            "attributes": [
                {"trait_type": "sustainability", "value": 82, "display_type": "percentage", "max_value": 100},
                {"trait_type": "workers", "value": 91, "display_type": "percentage", "max_value": 100},
            ],
        });
        let meta =
            loyal_metadata::NftMetadata::from_json(doc.to_string().as_bytes()).map_err(|e| {
                Error::Metadata {
                    reason: e.to_string(),
                }
            })?;
        let cid = ipfs.add("metadata.json", &meta.to_json_bytes()).await?;
        uris.push(format!("ipfs://{cid}").into_bytes());
    }
    let mut serials = Vec::new();
    for batch in uris.chunks(10) {
        let r = execute(
            client,
            &bp,
            &bp_key,
            TokenMintTransaction::new()
                .with_token_id(twin)
                .with_metadata(batch.to_vec()),
        )
        .await?;
        serials.extend(r.serial_numbers);
    }
    // Shipped: FastShoes takes the twins (associated first), each sold with an order code.
    execute(
        client,
        &fs,
        &fs_key,
        TokenAssociateTransaction::new()
            .with_account_id(fs.clone())
            .with_token_ids([twin]),
    )
    .await?;
    let mut orders = BTreeMap::new();
    for batch in serials.chunks(10) {
        let mut tx = TransferTransaction::new();
        for s in batch {
            tx = tx.with_nft_transfer(NftId::new(twin, *s as u64), bp.clone(), fs.clone());
            orders.insert(order_code(&config.seed, *s as u64), json!({"serial": s}));
        }
        execute(client, &bp, &bp_key, tx).await?;
    }

    let mut organisations = BTreeMap::new();
    for (name, (account, key)) in [
        ("FastShoes", (&fs, &fs_key)),
        ("SuperMarathon", (&sm, &sm_key)),
        ("StillWater", (&sw, &sw_key)),
    ] {
        let inbox = topic(client, account, key, &format!("loyal inbox {name}"), None).await?;
        let outcomes = topic(
            client,
            account,
            key,
            &format!("loyal outcomes {name}"),
            Some(key),
        )
        .await?;
        let mut tables: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
        match name {
            "FastShoes" => {
                tables.insert("orders".into(), orders.clone());
            }
            "SuperMarathon" => {
                tables.insert(
                    "assets".into(),
                    BTreeMap::from([(
                        "medal".to_owned(),
                        json!({"uri": medal_image, "type": "image/svg+xml"}),
                    )]),
                );
            }
            _ => {}
        }
        organisations.insert(
            name.to_owned(),
            Organisation {
                account: account.to_string(),
                key: config.include_keys.then(|| key.to_string_der().to_string()),
                key_env: Some(format!("LOYAL_{}_KEY", name.to_uppercase())),
                key_file: None,
                inbox_topic: inbox,
                outcomes_topic: outcomes,
                audience: None,
                grant_window_secs: crate::ledger::GRANT_WINDOW_SECS,
                tables,
            },
        );
    }
    let mut accounts = config.accounts.clone();
    accounts.insert("BestProducer".into(), bp.to_string());
    Ok(Deployment {
        network: config.network.clone(),
        organisations,
        tokens: BTreeMap::from([
            ("twin".to_owned(), twin.to_string()),
            ("accomplishment".to_owned(), medal.to_string()),
            ("ticket".to_owned(), ticket.to_string()),
        ]),
        accounts,
    })
}

/// What the mirror will say of a token `create` makes: its TTF classification is known
/// before it exists.
pub fn planned(create: &TokenCreate) -> TokenInfo {
    let key = |k: &Option<loyal_core::key::Key>| k.as_ref().map(|_| json!({"_type": "planned"}));
    let finite = create.supply_type == Some(TokenSupplyType::Finite);
    TokenInfo {
        token_id: String::new(),
        name: create.name.clone(),
        symbol: create.symbol.clone(),
        kind: match create.token_type {
            Some(TokenType::NonFungibleUnique) => "NON_FUNGIBLE_UNIQUE",
            _ => "FUNGIBLE_COMMON",
        }
        .into(),
        decimals: u64::from(create.decimals.unwrap_or(0)),
        supply_type: if finite { "FINITE" } else { "INFINITE" }.into(),
        max_supply: if finite {
            create.max_supply.unwrap_or(0).max(0) as u64
        } else {
            0
        },
        total_supply: create.initial_supply.unwrap_or(0),
        treasury_account_id: create.treasury.as_ref().map(|a| a.to_string()),
        admin_key: key(&create.admin_key),
        supply_key: key(&create.supply_key),
        freeze_key: key(&create.freeze_key),
        wipe_key: key(&create.wipe_key),
        kyc_key: key(&create.kyc_key),
        pause_key: key(&create.pause_key),
        metadata_key: key(&create.metadata_key),
        fee_schedule_key: key(&create.fee_schedule_key),
        custom_fees: None,
    }
}

/// Creates a token whose HIP-646 metadata (`ipfs://…`, JSON on IPFS) carries its TTF
/// classification, and checks the mirror classifies the created token the same.
async fn create_token<T: Transport, R: Runtime>(
    client: &Client<T, R>,
    ipfs: &IpfsClient<'_, T>,
    mirror: &MirrorClient<'_, T, R>,
    (payer, key): (&AccountId, &PrivateKey),
    create: TokenCreateTransaction,
) -> Result<TokenId> {
    let ttf = classify(&planned(create.data()));
    let doc = json!({
        "name": create.data().name,
        "symbol": create.data().symbol,
        "ttf": {"formula": ttf.formula, "visual": ttf.visual, "text": ttf.text},
    });
    let cid = ipfs.add("token.json", doc.to_string().as_bytes()).await?;
    let uri = loyal_metadata::metadata_uri(&cid.to_string()).map_err(|e| Error::Metadata {
        reason: e.to_string(),
    })?;
    let token =
        created(execute(client, payer, key, create.with_metadata(uri.into_bytes())).await?)?;
    let seen = classification(mirror, client, &token).await?;
    if seen.formula != ttf.formula {
        return Err(Error::Client {
            code: "TTF_MISMATCH".into(),
            reason: format!(
                "{token}: planned {}, the mirror says {}",
                ttf.formula, seen.formula
            ),
        });
    }
    Ok(token)
}

fn created(r: loyal_client::Receipt) -> Result<TokenId> {
    r.token_id.ok_or_else(|| Error::Client {
        code: "DECODE".into(),
        reason: "no token id in the receipt".into(),
    })
}

async fn topic<T: Transport, R: Runtime>(
    client: &Client<T, R>,
    payer: &AccountId,
    key: &PrivateKey,
    memo: &str,
    submit_key: Option<&PrivateKey>,
) -> Result<String> {
    let mut tx = TopicCreateTransaction::new().with_topic_memo(memo);
    if let Some(k) = submit_key {
        tx = tx.with_submit_key(k.public_key());
    }
    let r = execute(client, payer, key, tx).await?;
    // Ready when the mirror knows it: agents read topics from the mirror.
    let mirror = MirrorClient::new(
        client.transport(),
        client.runtime(),
        &client.network().mirror_url,
    );
    mirror
        .wait_for_transaction(&r.transaction_id, Duration::from_secs(60))
        .await?;
    r.topic_id
        .map(|t| t.to_string())
        .ok_or_else(|| Error::Client {
            code: "DECODE".into(),
            reason: "no topic id in the receipt".into(),
        })
}

/// The token's classification once the mirror knows it.
pub async fn classification<T: Transport, R: Runtime>(
    mirror: &MirrorClient<'_, T, R>,
    client: &Client<T, R>,
    token: &TokenId,
) -> Result<crate::Classification> {
    let path = format!("/api/v1/tokens/{token}");
    let mut wait = Duration::from_millis(50);
    for _ in 0..40 {
        match mirror.get_json(&path).await {
            Ok(json) => {
                let info: TokenInfo = serde_json::from_value(json).map_err(|e| Error::Client {
                    code: "DECODE".into(),
                    reason: format!("token {token}: {e}"),
                })?;
                return Ok(classify(&info));
            }
            Err(loyal_client::Error::Http { status: 404, .. }) => {}
            Err(e) => return Err(e.into()),
        }
        client.runtime().sleep(wait).await;
        wait = (wait * 2).min(Duration::from_secs(2));
    }
    Err(Error::Client {
        code: "MIRROR_TIMEOUT".into(),
        reason: format!("the mirror does not know {token}"),
    })
}

/// The devnet's published key of a genesis account: SHA-256("loyal-devnet/" + name) as an
/// ED25519 seed (the organisations are ED25519). Never for a real network.
pub fn devnet_key(name: &str) -> Result<PrivateKey> {
    let seed: [u8; 32] = Sha256::digest(format!("loyal-devnet/{name}")).into();
    Ok(PrivateKey::from_bytes_ed25519(&seed)?)
}

/// The devnet's organisations (accounts 0.0.1001–1004) and customers (Alice 0.0.1005, Bob
/// 0.0.1006), with their published keys: what `cargo xtask demo` sets up.
pub fn devnet_config(network: NetworkConfig, twins: u32, seed: [u8; 32]) -> Result<SetupConfig> {
    let mut keys = BTreeMap::new();
    for (i, name) in ORGANISATIONS.iter().enumerate() {
        keys.insert(
            name.to_string(),
            (AccountId::new(0, 0, 1001 + i as u64), devnet_key(name)?),
        );
    }
    Ok(SetupConfig {
        network,
        keys,
        accounts: BTreeMap::from([
            ("Alice".to_owned(), "0.0.1005".to_owned()),
            ("Bob".to_owned(), "0.0.1006".to_owned()),
        ]),
        twins,
        seed,
        include_keys: true,
    })
}
