//! What the approval window shows: a transaction decoded by the core, in words and numbers a
//! person can check (type, payer, amounts in ℏ and token units, token ids and serials, fee,
//! memo, node, valid start). Bytes that do not decode, or a list whose entries differ in more
//! than their node (HIP-820 asks wallets to check this), are refused here, before any prompt.

use crate::{Error, Result};
use loyal_core::hbar::Hbar;
use loyal_core::id::{AccountId, ScheduleId, TokenId, TopicId};
use loyal_core::proto::{self, transaction_body::Data};
use loyal_core::transaction::Transaction;
use loyal_core::transaction_id::TransactionId;
use prost::Message as _;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The HAPI name, e.g. `CryptoTransfer`.
    pub kind: &'static str,
    /// In words, e.g. `Transfer`.
    pub title: &'static str,
    pub transaction_id: String,
    pub payer: String,
    /// UTC, ISO 8601 to the second.
    pub valid_start: String,
    pub valid_seconds: i64,
    pub nodes: Vec<String>,
    pub max_fee: String,
    pub memo: String,
    /// The type's own content, one labelled row each.
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub label: String,
    pub value: String,
    /// A fungible amount whose decimals the bytes do not state: the token and the amount in
    /// its smallest unit, for [`Summary::with_token_units`].
    #[serde(skip)]
    pub units_of: Option<(String, i64)>,
}

impl Summary {
    /// The tokens whose amounts are still in their smallest unit (the service worker asks the
    /// mirror for their decimals and symbols).
    pub fn tokens_without_decimals(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        for (token, _) in self.rows.iter().filter_map(|r| r.units_of.as_ref()) {
            if !ids.contains(token) {
                ids.push(token.clone());
            }
        }
        ids
    }

    /// Shows `token`'s amounts in its units, as the mirror describes it (`1.5 TIX`).
    pub fn with_token_units(&mut self, token: &str, decimals: u32, symbol: &str) {
        for row in &mut self.rows {
            if let Some((id, amount)) = &row.units_of {
                if id == token {
                    row.value = format!("{} {symbol}", token_units(*amount, Some(decimals)))
                        .trim_end()
                        .to_owned();
                    row.units_of = None;
                }
            }
        }
    }
}

/// A decoded `TransactionList` (what `toBytes()` writes) and its summary.
pub fn of_list(bytes: &[u8]) -> Result<(Transaction, Summary, TransactionId)> {
    let tx = Transaction::from_bytes(bytes).map_err(undecodable)?;
    let first = tx.body().map_err(undecodable)?;
    let intent = without_node(&first);
    for entry in &tx.entries()[1..] {
        if without_node(&entry.body().map_err(undecodable)?) != intent {
            return Err(Error::Undecodable {
                reason: "the list's transactions differ in more than their node".into(),
            });
        }
    }
    let nodes = tx
        .node_account_ids()
        .iter()
        .map(ToString::to_string)
        .collect();
    let (summary, id) = of_body_decoded(&first, nodes)?;
    Ok((tx, summary, id))
}

/// A single `TransactionBody` (what `hedera_signTransaction` carries) and its summary.
pub fn of_body(bytes: &[u8]) -> Result<(proto::TransactionBody, Summary, TransactionId)> {
    let body = proto::TransactionBody::decode(bytes).map_err(|e| Error::Undecodable {
        reason: format!("not a TransactionBody: {e}"),
    })?;
    let node = body
        .node_account_id
        .as_ref()
        .map(AccountId::from_proto)
        .transpose()
        .map_err(undecodable)?
        .ok_or_else(|| Error::Undecodable {
            reason: "no node account id".into(),
        })?;
    let (summary, id) = of_body_decoded(&body, vec![node.to_string()])?;
    Ok((body, summary, id))
}

fn without_node(body: &proto::TransactionBody) -> proto::TransactionBody {
    proto::TransactionBody {
        node_account_id: None,
        ..body.clone()
    }
}

fn undecodable(e: loyal_core::Error) -> Error {
    Error::Undecodable {
        reason: e.message(),
    }
}

fn of_body_decoded(
    body: &proto::TransactionBody,
    nodes: Vec<String>,
) -> Result<(Summary, TransactionId)> {
    let id = body
        .transaction_id
        .as_ref()
        .ok_or_else(|| Error::Undecodable {
            reason: "no transaction id".into(),
        })
        .and_then(|p| TransactionId::from_proto(p).map_err(undecodable))?;
    let data = body.data.as_ref().ok_or_else(|| Error::Undecodable {
        reason: "no transaction type (an empty body)".into(),
    })?;
    let (kind, title) = names(data);
    let summary = Summary {
        kind,
        title,
        transaction_id: id.to_string(),
        payer: id.account_id.to_string(),
        valid_start: iso8601(id.valid_start.seconds),
        valid_seconds: body
            .transaction_valid_duration
            .map(|d| d.seconds())
            .unwrap_or(0),
        nodes,
        max_fee: Hbar::from_tinybars(body.transaction_fee.unwrap_or(0) as i64).to_string(),
        memo: body.memo.clone().unwrap_or_default(),
        rows: rows(data)?,
    };
    Ok((summary, id))
}

fn names(data: &Data) -> (&'static str, &'static str) {
    match data {
        Data::CryptoCreateAccount(_) => ("CryptoCreate", "Create an account"),
        Data::CryptoTransfer(_) => ("CryptoTransfer", "Transfer"),
        Data::ConsensusCreateTopic(_) => ("ConsensusCreateTopic", "Create a topic"),
        Data::ConsensusSubmitMessage(_) => ("ConsensusSubmitMessage", "Submit a topic message"),
        Data::TokenCreation(_) => ("TokenCreate", "Create a token"),
        Data::TokenFreeze(_) => ("TokenFreeze", "Freeze an account's token"),
        Data::TokenUnfreeze(_) => ("TokenUnfreeze", "Unfreeze an account's token"),
        Data::TokenGrantKyc(_) => ("TokenGrantKyc", "Grant KYC"),
        Data::TokenRevokeKyc(_) => ("TokenRevokeKyc", "Revoke KYC"),
        Data::TokenDeletion(_) => ("TokenDelete", "Delete a token"),
        Data::TokenMint(_) => ("TokenMint", "Mint tokens"),
        Data::TokenBurn(_) => ("TokenBurn", "Burn tokens"),
        Data::TokenWipe(_) => ("TokenWipe", "Wipe tokens from an account"),
        Data::TokenAssociate(_) => ("TokenAssociate", "Associate tokens"),
        Data::TokenDissociate(_) => ("TokenDissociate", "Dissociate tokens"),
        Data::ScheduleCreate(_) => ("ScheduleCreate", "Schedule a transaction"),
        Data::ScheduleDelete(_) => ("ScheduleDelete", "Delete a schedule"),
        Data::ScheduleSign(_) => ("ScheduleSign", "Sign a scheduled transaction"),
        Data::TokenPause(_) => ("TokenPause", "Pause a token"),
        Data::TokenUnpause(_) => ("TokenUnpause", "Unpause a token"),
        Data::TokenUpdateNfts(_) => ("TokenUpdateNfts", "Update NFT metadata"),
        Data::TokenReject(_) => ("TokenReject", "Reject tokens"),
        Data::TokenAirdrop(_) => ("TokenAirdrop", "Airdrop"),
        Data::TokenCancelAirdrop(_) => ("TokenCancelAirdrop", "Cancel airdrops"),
        Data::TokenClaimAirdrop(_) => ("TokenClaimAirdrop", "Claim airdrops"),
    }
}

fn row(label: impl Into<String>, value: impl Into<String>) -> Row {
    Row {
        label: label.into(),
        value: value.into(),
        units_of: None,
    }
}

fn account(p: &Option<proto::AccountId>) -> Result<String> {
    match p {
        Some(a) => Ok(AccountId::from_proto(a).map_err(undecodable)?.to_string()),
        None => Ok("(none)".into()),
    }
}

fn token(p: &Option<proto::TokenId>) -> Result<String> {
    match p {
        Some(t) => Ok(TokenId::from_proto(t).map_err(undecodable)?.to_string()),
        None => Err(Error::Undecodable {
            reason: "a token id is missing".into(),
        }),
    }
}

/// A token amount in its units: with the decimals the body states (`expected_decimals`),
/// else in the token's smallest unit, said so.
pub fn token_units(amount: i64, decimals: Option<u32>) -> String {
    match decimals {
        Some(d) if d > 0 && d <= 18 => {
            let abs = amount.unsigned_abs() as u128;
            let scale = 10u128.pow(d);
            let frac = format!("{:0width$}", abs % scale, width = d as usize);
            let frac = frac.trim_end_matches('0');
            let sign = if amount < 0 { "-" } else { "" };
            if frac.is_empty() {
                format!("{sign}{}", abs / scale)
            } else {
                format!("{sign}{}.{frac}", abs / scale)
            }
        }
        Some(_) => amount.to_string(),
        None => format!("{amount} (smallest unit)"),
    }
}

fn transfer_rows(
    hbar: Option<&proto::TransferList>,
    tokens: &[proto::TokenTransferList],
) -> Result<Vec<Row>> {
    let mut out = Vec::new();
    for aa in hbar
        .map(|l| l.account_amounts.as_slice())
        .unwrap_or_default()
    {
        let amount = Hbar::from_tinybars(aa.amount.unwrap_or(0));
        let approved = if aa.is_approval == Some(true) {
            " (approved allowance)"
        } else {
            ""
        };
        out.push(row(
            format!("ℏ {}", account(&aa.account_id)?),
            format!("{amount}{approved}"),
        ));
    }
    for list in tokens {
        let id = token(&list.token)?;
        let decimals = list.expected_decimals.map(|d| d.value());
        for aa in &list.transfers {
            let amount = aa.amount.unwrap_or(0);
            let mut r = row(
                format!("Token {id} {}", account(&aa.account_id)?),
                token_units(amount, decimals),
            );
            if decimals.is_none() {
                r.units_of = Some((id.clone(), amount));
            }
            out.push(r);
        }
        for nft in &list.nft_transfers {
            out.push(row(
                format!("NFT {id} #{}", nft.serial_number.unwrap_or(0)),
                format!(
                    "{} → {}",
                    account(&nft.sender_account_id)?,
                    account(&nft.receiver_account_id)?
                ),
            ));
        }
    }
    Ok(out)
}

fn text_or_hex(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) if !s.chars().any(|c| c.is_control() && c != '\n') => s.to_owned(),
        _ => format!(
            "0x{}",
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        ),
    }
}

fn tokens_list(tokens: &[proto::TokenId]) -> Result<String> {
    let ids: Result<Vec<String>> = tokens.iter().map(|t| token(&Some(*t))).collect();
    Ok(ids?.join(", "))
}

fn pending(list: &[proto::PendingAirdropId]) -> Result<Vec<Row>> {
    use proto::pending_airdrop_id::TokenReference as R;
    list.iter()
        .map(|p| {
            let what = match &p.token_reference {
                Some(R::FungibleTokenType(t)) => format!("token {}", token(&Some(*t))?),
                Some(R::NonFungibleToken(n)) => format!(
                    "NFT {} #{}",
                    token(&n.token_id)?,
                    n.serial_number.unwrap_or(0)
                ),
                None => "(no token)".into(),
            };
            Ok(row(
                what,
                format!("{} → {}", account(&p.sender_id)?, account(&p.receiver_id)?),
            ))
        })
        .collect()
}

fn rows(data: &Data) -> Result<Vec<Row>> {
    Ok(match data {
        Data::CryptoTransfer(t) => transfer_rows(t.transfers.as_ref(), &t.token_transfers)?,
        Data::TokenAirdrop(t) => transfer_rows(None, &t.token_transfers)?,
        Data::CryptoCreateAccount(c) => vec![row(
            "Initial balance",
            Hbar::from_tinybars(c.initial_balance.unwrap_or(0) as i64).to_string(),
        )],
        Data::TokenAssociate(a) => vec![
            row("Account", account(&a.account)?),
            row("Tokens", tokens_list(&a.tokens)?),
        ],
        Data::TokenDissociate(a) => vec![
            row("Account", account(&a.account)?),
            row("Tokens", tokens_list(&a.tokens)?),
        ],
        Data::TokenMint(m) => {
            let mut r = vec![row("Token", token(&m.token)?)];
            if m.metadata.is_empty() {
                r.push(row(
                    "Amount",
                    token_units(m.amount.unwrap_or(0) as i64, None),
                ));
            }
            for (i, md) in m.metadata.iter().enumerate() {
                r.push(row(format!("NFT {} metadata", i + 1), text_or_hex(md)));
            }
            r
        }
        Data::TokenBurn(b) => {
            let mut r = vec![row("Token", token(&b.token)?)];
            if b.serial_numbers.is_empty() {
                r.push(row(
                    "Amount",
                    token_units(b.amount.unwrap_or(0) as i64, None),
                ));
            } else {
                let serials: Vec<String> =
                    b.serial_numbers.iter().map(|s| format!("#{s}")).collect();
                r.push(row("Serials", serials.join(", ")));
            }
            r
        }
        Data::TokenWipe(w) => vec![
            row("Token", token(&w.token)?),
            row("Account", account(&w.account)?),
            row("Amount", token_units(w.amount.unwrap_or(0) as i64, None)),
        ],
        Data::TokenClaimAirdrop(c) => pending(&c.pending_airdrops)?,
        Data::TokenCancelAirdrop(c) => pending(&c.pending_airdrops)?,
        Data::TokenReject(r) => {
            use proto::token_reference::TokenIdentifier as I;
            let mut out = vec![row("Owner", account(&r.owner)?)];
            for reference in &r.rejections {
                out.push(match &reference.token_identifier {
                    Some(I::FungibleToken(t)) => row("Token", token(&Some(*t))?),
                    Some(I::Nft(n)) => row(
                        "NFT",
                        format!("{} #{}", token(&n.token_id)?, n.serial_number.unwrap_or(0)),
                    ),
                    None => row("Token", "(none)"),
                });
            }
            out
        }
        Data::ConsensusSubmitMessage(m) => {
            let topic = m
                .topic_id
                .as_ref()
                .map(|t| TopicId::from_proto(t).map(|t| t.to_string()))
                .transpose()
                .map_err(undecodable)?
                .unwrap_or_default();
            vec![
                row("Topic", topic),
                row(
                    "Message",
                    text_or_hex(m.message.as_deref().unwrap_or_default()),
                ),
            ]
        }
        Data::TokenCreation(c) => vec![
            row("Name", c.name.clone().unwrap_or_default()),
            row("Symbol", c.symbol.clone().unwrap_or_default()),
            row("Treasury", account(&c.treasury)?),
            row(
                "Initial supply",
                token_units(c.initial_supply.unwrap_or(0) as i64, c.decimals),
            ),
        ],
        Data::ScheduleSign(s) => vec![row("Schedule", schedule(&s.schedule_id)?)],
        Data::ScheduleDelete(s) => vec![row("Schedule", schedule(&s.schedule_id)?)],
        _ => Vec::new(),
    })
}

fn schedule(p: &Option<proto::ScheduleId>) -> Result<String> {
    p.as_ref()
        .map(|s| ScheduleId::from_proto(s).map(|s| s.to_string()))
        .transpose()
        .map_err(undecodable)
        .map(Option::unwrap_or_default)
}

/// `2026-12-02T23:45:00Z` from Unix seconds (proleptic Gregorian, UTC).
pub fn iso8601(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let secs = seconds.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

#[cfg(test)]
pub(crate) mod tests;
