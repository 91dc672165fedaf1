//! A wave's grants, action by action: every holding row's *i*-th transaction (its fixed id,
//! `grant::transaction_id`) is submitted side by side, then all of them are confirmed together
//! on the mirror, before any row's next action. A mint's metadata goes to IPFS in one request
//! for the wave. Per row nothing changes from `Runner::grant`: the same ids, the actions in
//! order, each one only after the one before it executed, what a mint bound read from the
//! ledger. Only the round trips are shared.
//!
//! The mirror's record of a transaction says what its receipt says: the mirror lists every
//! transaction that reached consensus with its result (a failed one too), in consensus order,
//! and a transaction reaches consensus no earlier than its valid start. So the organisation's
//! transactions of the action's type from the wave's earliest valid start on hold every one of
//! the wave's, and the first record of an id in that order is the one its receipt reports (a
//! duplicate of it, from a racing runner, comes later and changed nothing). A mint's serial is
//! its record's NFT transfer. A transaction the mirror never shows (dropped before consensus)
//! ends the wait in `MIRROR_TIMEOUT`, as an unanswered receipt ends in `RECEIPT_TIMEOUT`: its
//! row stays claimed, to be resumed.

use crate::definition::{Action, Workflow};
use crate::grant::{metadata_uri, minted_serial, transaction_id, Prepared};
use crate::join::join_all;
use crate::ledger::Claim;
use crate::runner::{poll_mirror, Grant, Runner};
use crate::{Error, Result};
use core::cell::Cell;
use loyal_client::{Runtime, Transport};
use loyal_core::transaction_id::TransactionId;
use serde_json::Value;

/// One row of a wave being granted.
struct Row {
    claim: Claim,
    ctx: Value,
    grant: Grant,
    /// How many actions executed, and why the next did not.
    failed: Option<(usize, Error)>,
}

/// What the mirror's first record of a transaction id says.
struct Executed {
    result: String,
    /// The serial an NFT transfer of the mint's token in it names.
    serial: Option<u64>,
}

/// The mirror's `transactiontype` of an action's transaction.
fn mirror_type(action: &Action) -> &'static str {
    match action {
        Action::Mint { .. } => "TOKENMINT",
        Action::Airdrop { .. } => "TOKENAIRDROP",
        Action::Transfer { .. } | Action::FungibleTransfer { .. } => "CRYPTOTRANSFER",
    }
}

impl<T: Transport, R: Runtime> Runner<'_, T, R> {
    /// Grants every claim of a wave (each with its context); what `grant` would return for
    /// each, in the order given.
    pub(crate) async fn grant_wave(
        &self,
        w: &Workflow,
        claims: Vec<(Claim, Value)>,
    ) -> Vec<(Claim, Value, std::result::Result<Grant, (usize, Error)>)> {
        let mut rows: Vec<Row> = claims
            .into_iter()
            .map(|(claim, ctx)| Row {
                claim,
                ctx,
                grant: Grant::default(),
                failed: None,
            })
            .collect();
        for (i, action) in w.actions.iter().enumerate() {
            let at = format!("actions[{i}]");
            let live: Vec<usize> = (0..rows.len())
                .filter(|&r| rows[r].failed.is_none())
                .collect();
            if live.is_empty() {
                break;
            }
            let mut uris = self.metadata_uris(action, i, &mut rows, &live).await;
            let mut prepared: Vec<(usize, Prepared)> = Vec::new();
            for &r in &live {
                if rows[r].failed.is_some() {
                    continue;
                }
                let row = &rows[r];
                let id = transaction_id(&self.account, &row.claim, i);
                match self.prepare(w, &row.claim, action, &at, id, &row.ctx, uris[r].take()) {
                    Ok(p) => prepared.push((r, p)),
                    Err(e) => rows[r].failed = Some((i, e)),
                }
            }
            let submits = prepared
                .iter()
                .map(|(_, p)| self.client.submit(&p.tx))
                .collect();
            let submitted = join_all(submits).await;
            let mut sent = Vec::new();
            for ((r, p), submitted) in prepared.into_iter().zip(submitted) {
                match submitted {
                    Ok(_) => sent.push((r, p)),
                    Err(e) => rows[r].failed = Some((i, e.into())),
                }
            }
            if sent.is_empty() {
                continue;
            }
            let ids: Vec<TransactionId> = sent.iter().map(|(_, p)| p.id.clone()).collect();
            let token = sent[0].1.mints().map(ToString::to_string);
            let executed = match self
                .executed(mirror_type(action), &ids, token.as_deref())
                .await
            {
                Ok(executed) => executed,
                Err(e) => {
                    for (r, _) in sent {
                        rows[r].failed = Some((i, e.clone()));
                    }
                    continue;
                }
            };
            for ((r, p), done) in sent.into_iter().zip(executed) {
                let row = &mut rows[r];
                if done.result != "SUCCESS" {
                    let refused = loyal_client::Error::ReceiptStatus {
                        status: done.result,
                        transaction_id: p.id.to_string(),
                    };
                    row.failed = Some((i, refused.into()));
                    continue;
                }
                if p.mints().is_some() && done.serial.is_none() {
                    // Left claimed: resumed, the same id's receipt names the serial.
                    row.failed = Some((
                        i,
                        Error::Client {
                            code: "DECODE".into(),
                            reason: format!("the mirror's record of mint {} names no serial", p.id),
                        },
                    ));
                    continue;
                }
                p.bind(done.serial, &mut row.ctx);
                row.grant.transactions.push(p.id.to_string());
                if let Err(e) = self.step(&format!("action-{}", i + 1), &row.claim.request) {
                    row.failed = Some((i + 1, e));
                }
            }
        }
        rows.into_iter()
            .map(|row| {
                let result = match row.failed {
                    Some(failed) => Err(failed),
                    None => Ok(row.grant),
                };
                (row.claim, row.ctx, result)
            })
            .collect()
    }

    /// For a mint: each live row's metadata URI, the wave's files uploaded in one request
    /// (a row whose metadata cannot be made, or all of them if the upload fails, fails here).
    async fn metadata_uris(
        &self,
        action: &Action,
        i: usize,
        rows: &mut [Row],
        live: &[usize],
    ) -> Vec<Option<String>> {
        let mut uris = vec![None; rows.len()];
        let Action::Mint { token, metadata } = action else {
            return uris;
        };
        let at = &format!("actions[{i}]");
        let token = match self.token(token, at) {
            Ok(t) => t,
            Err(e) => {
                for &r in live {
                    rows[r].failed = Some((i, e.clone()));
                }
                return uris;
            }
        };
        let mut files = Vec::new();
        let mut whose = Vec::new();
        for &r in live {
            match self.mint_metadata(&token, metadata, at, &rows[r].ctx).await {
                Ok(bytes) => {
                    files.push(bytes);
                    whose.push(r);
                }
                Err(e) => rows[r].failed = Some((i, e)),
            }
        }
        let names: Vec<String> = (1..=files.len())
            .map(|n| format!("metadata-{n}.json"))
            .collect();
        let named: Vec<(&str, &[u8])> = names
            .iter()
            .map(String::as_str)
            .zip(files.iter().map(Vec::as_slice))
            .collect();
        let added = match self.ipfs() {
            Ok(ipfs) => ipfs.add_all(&named).await.map_err(Error::from),
            Err(e) => Err(e),
        };
        let uploaded =
            added.and_then(|cids| cids.iter().map(metadata_uri).collect::<Result<Vec<_>>>());
        match uploaded {
            Ok(list) => {
                for (r, uri) in whose.into_iter().zip(list) {
                    uris[r] = Some(uri);
                }
            }
            Err(e) => {
                for r in whose {
                    rows[r].failed = Some((i, e.clone()));
                }
            }
        }
        uris
    }

    /// The mirror's first record of each of `ids` (the organisation's, of `kind`), polled until
    /// it shows them all or the runner's mirror timeout passes (`MIRROR_TIMEOUT`). `token`: a
    /// mint's, whose serial its record names.
    async fn executed(
        &self,
        kind: &str,
        ids: &[TransactionId],
        token: Option<&str>,
    ) -> Result<Vec<Executed>> {
        let from = ids
            .iter()
            .map(|id| id.valid_start)
            .min_by_key(|t| t.as_nanos())
            .map(|t| t.to_mirror_string())
            .unwrap_or_default();
        let path = format!(
            "/api/v1/transactions?account.id={}&transactiontype={kind}&timestamp=gte:{from}&order=asc&limit=100",
            self.account
        );
        let wanted: Vec<String> = ids.iter().map(TransactionId::to_mirror_string).collect();
        let missing = Cell::new(wanted.len());
        let attempt = async || {
            let mirror = self.mirror();
            let records: Vec<Value> = mirror
                .pages(path.clone(), "transactions", usize::MAX)
                .collect()
                .await?;
            let mut found: Vec<Option<Executed>> = wanted.iter().map(|_| None).collect();
            // In consensus order: the first record of an id is the one its receipt reports.
            for t in &records {
                let own = t["nonce"].as_i64() == Some(0) && t["scheduled"] != true;
                let Some(at) = wanted
                    .iter()
                    .position(|w| t["transaction_id"] == w.as_str())
                else {
                    continue;
                };
                if !own || found[at].is_some() {
                    continue;
                }
                let serial = token.and_then(|token| minted_serial(t, token));
                found[at] = Some(Executed {
                    result: t["result"].as_str().unwrap_or_default().to_owned(),
                    serial,
                });
            }
            missing.set(found.iter().filter(|f| f.is_none()).count());
            Ok(found.into_iter().collect::<Option<Vec<_>>>())
        };
        poll_mirror(self.client.runtime(), self.mirror_timeout, attempt, || {
            format!(
                "the mirror did not show {} of this wave's {} {kind} transactions",
                missing.get(),
                ids.len()
            )
        })
        .await
    }
}
