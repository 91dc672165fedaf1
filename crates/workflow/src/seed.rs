//! What the journey needs beyond [`setup`](crate::setup) before a person can walk Alice's
//! steps on a devnet: the race's other finishers as real accounts, the results file the
//! SuperMarathon staff paste (the columns `supermarathon.results` declares), and the order
//! code of a twin FastShoes still holds. Running it again creates nothing twice: the
//! finishers already on the ledger are found on the mirror by their key and memo.

use crate::topics::execute;
use crate::{Deployment, Error, Result, Workflow};
use loyal_client::mirror::Account;
use loyal_client::{Client, MirrorClient, Runtime, Transport};
use loyal_core::hbar::Hbar;
use loyal_core::id::AccountId;
use loyal_core::key::PrivateKey;
use loyal_core::transaction::AccountCreateTransaction;
use std::collections::BTreeMap;
use std::time::Duration;

/// The memo of a finisher's account, before its position: how a second run recognises it.
const FINISHER_MEMO: &str = "loyal demo finisher #";

pub fn finisher_memo(position: u32) -> String {
    format!("{FINISHER_MEMO}{position}")
}

/// The key every demo finisher shares — published like the devnet's genesis keys, never for
/// a real network — so that one mirror query by key lists them all.
pub fn finisher_key() -> Result<PrivateKey> {
    crate::setup::devnet_key("finisher")
}

/// A plausible finishing time for `position` (slower further down, never a tie).
pub fn race_time(position: u32) -> String {
    let secs = 2 * 3600 + 8 * 60 + 13 + u64::from(position) * 12 + u64::from(position * 7) % 11;
    format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
}

/// The accounts of the finishers in positions 1..=`count`, created (with `payer`'s key
/// paying) for the positions the ledger does not have yet. Returned in position order, with
/// how many were created now.
pub async fn finishers<T: Transport, R: Runtime>(
    client: &Client<T, R>,
    payer: &AccountId,
    payer_key: &PrivateKey,
    count: u32,
) -> Result<(Vec<AccountId>, u32)> {
    let key = finisher_key()?;
    let mirror = MirrorClient::new(
        client.transport(),
        client.runtime(),
        &client.network().mirror_url,
    );
    let mut known = existing(&mirror, &key).await?;
    let mut created = 0;
    let mut last = None;
    for position in 1..=count {
        if known.contains_key(&position) {
            continue;
        }
        let receipt = execute(
            client,
            payer,
            payer_key,
            AccountCreateTransaction::new()
                .with_key(key.public_key())
                .with_initial_balance(Hbar::new(5))
                // Their accomplishments land at once; only Alice's waits to be claimed.
                .with_max_automatic_token_associations(-1)
                .with_account_memo(finisher_memo(position)),
        )
        .await?;
        let account = receipt.account_id.ok_or_else(|| Error::Client {
            code: "DECODE".into(),
            reason: "no account id in the receipt".into(),
        })?;
        last = Some(receipt.transaction_id);
        known.insert(position, account);
        created += 1;
    }
    // The results workflow and the pages look the accounts up on the mirror.
    if let Some(id) = last {
        mirror
            .wait_for_transaction(&id, Duration::from_secs(60))
            .await?;
    }
    // A run with fewer finishers than an earlier one uses the first of them.
    Ok((
        known.range(1..=count).map(|(_, a)| a.clone()).collect(),
        created,
    ))
}

/// The finishers already on the ledger, by position (the first account of a position if a
/// crashed run left two).
async fn existing<T: Transport, R: Runtime>(
    mirror: &MirrorClient<'_, T, R>,
    key: &PrivateKey,
) -> Result<BTreeMap<u32, AccountId>> {
    let path = format!(
        "/api/v1/accounts?account.publickey={}&limit=100&order=asc",
        key.public_key().to_string_raw()
    );
    let accounts: Vec<Account> = mirror.pages(path, "accounts", usize::MAX).collect().await?;
    let mut out = BTreeMap::new();
    for a in accounts {
        let position = a
            .memo
            .as_deref()
            .and_then(|m| m.strip_prefix(FINISHER_MEMO))
            .and_then(|p| p.parse::<u32>().ok());
        if let (Some(position), Ok(id)) = (position, a.account.parse::<AccountId>()) {
            out.entry(position).or_insert(id);
        }
    }
    Ok(out)
}

/// The results file for `results` (a staff workflow with a csv input, like
/// `supermarathon.results`): its declared columns as the header, then one row per
/// `(account, position)` with [`race_time`] for a `time` column; checked to read back as the
/// workflow reads it.
pub fn results_csv(results: &Workflow, rows: &[(String, u32)]) -> Result<String> {
    let each = results
        .each
        .as_ref()
        .ok_or_else(|| Error::invalid("each", format!("{} has no rows", results.id)))?;
    let columns = &results.trigger.inputs()[&each.input].columns;
    let mut text = columns.join(",");
    for (account, position) in rows {
        let fields = columns
            .iter()
            .map(|c| match c.as_str() {
                "account" => Ok(account.clone()),
                "position" => Ok(position.to_string()),
                "time" => Ok(race_time(*position)),
                other => Err(Error::invalid(
                    "columns",
                    format!("no value for a {other:?} column"),
                )),
            })
            .collect::<Result<Vec<_>>>()?;
        text.push('\n');
        text.push_str(&fields.join(","));
    }
    text.push('\n');
    results.rows(&text)?;
    Ok(text)
}

/// An order code whose twin FastShoes still holds (the mirror says so): one for Alice's
/// receipt. `None` once every shipped twin is redeemed.
pub async fn open_order<T: Transport, R: Runtime>(
    client: &Client<T, R>,
    deployment: &Deployment,
) -> Result<Option<(String, u64)>> {
    let shop = deployment.organisation("FastShoes")?;
    let twin = deployment.bind("FastShoes", "$tokens.twin", "tokens")?;
    let mirror = MirrorClient::new(
        client.transport(),
        client.runtime(),
        &client.network().mirror_url,
    );
    let mut orders: Vec<(u64, &String)> = shop
        .tables
        .get("orders")
        .into_iter()
        .flatten()
        .filter_map(|(code, row)| Some((row["serial"].as_u64()?, code)))
        .collect();
    orders.sort();
    for (serial, code) in orders {
        let nft = mirror.nft(&twin, serial as i64).await?;
        if nft.account_id.as_deref() == Some(shop.account.as_str()) {
            return Ok(Some((code.clone(), serial)));
        }
    }
    Ok(None)
}
