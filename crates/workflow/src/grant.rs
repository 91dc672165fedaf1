//! Executing a claim's actions with deterministic transaction ids (see the crate docs): a
//! second runner executing the same claim submits the same ids, and the network executes
//! each once.

use crate::definition::{Action, Workflow};
use crate::ledger::Claim;
use crate::messages::CLAIM_STRIDE;
use crate::runner::{Grant, Runner};
use crate::ttf::{classify, TokenInfo};
use crate::{template, Error, Result};
use loyal_client::{Runtime, Transport};
use loyal_core::id::{AccountId, NftId, TokenId};
use loyal_core::time::Duration;
use loyal_core::transaction::{
    Builder, TokenAirdropTransaction, TokenMintTransaction, Transaction, TransactionData,
    TransferTransaction,
};
use loyal_core::transaction_id::TransactionId;
use serde_json::{json, Value};

/// The id of the `index`-th (0-based) transaction of `claim`'s grant: its consensus time plus
/// `index + 1` ns, plus `CLAIM_STRIDE` ns for each claim before it in its message.
pub fn transaction_id(payer: &AccountId, claim: &Claim, index: usize) -> TransactionId {
    let offset = claim.index * CLAIM_STRIDE + index + 1;
    TransactionId::new(payer.clone(), claim.consensus.plus_nanos(offset as i64))
}

/// An action's signed transaction, and what it binds once executed: a mint, its token and
/// metadata URI (the serial comes from the ledger: the receipt, or the mirror's record).
pub(crate) struct Prepared {
    pub(crate) id: TransactionId,
    pub(crate) tx: Transaction,
    minted: Option<(TokenId, String)>,
}

impl Prepared {
    /// The token a mint mints (what its record's NFT transfer names).
    pub(crate) fn mints(&self) -> Option<&TokenId> {
        self.minted.as_ref().map(|(token, _)| token)
    }

    /// What the executed action binds in `ctx`: a mint's `minted` (`serial` as the ledger
    /// numbered it).
    pub(crate) fn bind(&self, serial: Option<u64>, ctx: &mut Value) {
        if let Some((token, uri)) = &self.minted {
            let serial = serial.unwrap_or_default();
            ctx["minted"] = json!({
                "token": token.to_string(),
                "serial": serial,
                "nft": format!("{token}#{serial}"),
                "metadata_uri": uri,
            });
        }
    }
}

/// The serial of `token` a mirror transaction record's NFT transfers name: what a mint bound.
pub(crate) fn minted_serial(record: &Value, token: &str) -> Option<u64> {
    record["nft_transfers"]
        .as_array()?
        .iter()
        .find(|m| m["token_id"] == token)
        .and_then(|m| m["serial_number"].as_u64())
}

/// `ipfs://<cid>`, as a mint's metadata names it.
pub(crate) fn metadata_uri(cid: &impl core::fmt::Display) -> Result<String> {
    loyal_metadata::metadata_uri(&cid.to_string()).map_err(|e| Error::Metadata {
        reason: e.to_string(),
    })
}

impl<T: Transport, R: Runtime> Runner<'_, T, R> {
    /// Runs the actions in order; on failure, how many executed and why. Takes `&self`: a
    /// staff action's rows are granted side by side (`staff.rs`).
    pub(crate) async fn grant(
        &self,
        w: &Workflow,
        claim: &Claim,
        ctx: &mut Value,
    ) -> std::result::Result<Grant, (usize, Error)> {
        self.grant_from(w, claim, ctx, 0).await
    }

    /// Runs actions `start..` with `claim`'s ids; after each, the step `action-<n>` (1-based).
    pub(crate) async fn grant_from(
        &self,
        w: &Workflow,
        claim: &Claim,
        ctx: &mut Value,
        start: usize,
    ) -> std::result::Result<Grant, (usize, Error)> {
        let mut grant = Grant::default();
        for (i, action) in w.actions.iter().enumerate().skip(start) {
            let id = transaction_id(&self.account, claim, i);
            let at = format!("actions[{i}]");
            self.action(w, claim, action, &at, id.clone(), ctx)
                .await
                .map_err(|e| (i, e))?;
            grant.transactions.push(id.to_string());
            self.step(&format!("action-{}", i + 1), &claim.request)
                .map_err(|e| (i + 1, e))?;
        }
        Ok(grant)
    }

    /// What an action executed under `id` (before a crash) bound: a mint's `minted`, read
    /// back from the mirror.
    pub(crate) async fn rebind(
        &self,
        action: &Action,
        at: &str,
        id: &TransactionId,
        ctx: &mut Value,
    ) -> Result<()> {
        let Action::Mint { token, .. } = action else {
            return Ok(());
        };
        let token = self.token(token, at)?;
        let mirror = self.mirror();
        let tx = mirror
            .get_json(&format!("/api/v1/transactions/{}", id.to_mirror_string()))
            .await?;
        let token_id = token.to_string();
        let serial = tx["transactions"]
            .as_array()
            .into_iter()
            .flatten()
            .find_map(|t| minted_serial(t, &token_id))
            .ok_or_else(|| Error::Client {
                code: "DECODE".into(),
                reason: format!("no serial minted by {id}"),
            })?;
        let nft = mirror.nft(&token.to_string(), serial as i64).await?;
        ctx["minted"] = json!({
            "token": token.to_string(),
            "serial": serial,
            "nft": format!("{token}#{serial}"),
            "metadata_uri": String::from_utf8_lossy(&nft.metadata),
        });
        Ok(())
    }

    async fn action(
        &self,
        w: &Workflow,
        claim: &Claim,
        action: &Action,
        at: &str,
        id: TransactionId,
        ctx: &mut Value,
    ) -> Result<()> {
        let uri = match action {
            Action::Mint { token, metadata } => {
                let token = self.token(token, at)?;
                let bytes = self.mint_metadata(&token, metadata, at, ctx).await?;
                let cid = self.ipfs()?.add("metadata.json", &bytes).await?;
                Some(metadata_uri(&cid)?)
            }
            _ => None,
        };
        let prepared = self.prepare(w, claim, action, at, id, ctx, uri)?;
        let receipt = self.client.execute(&prepared.tx).await?;
        let serial = receipt.serial_numbers.first().map(|s| *s as u64);
        prepared.bind(serial, ctx);
        Ok(())
    }

    /// A mint's HIP-412 metadata rendered for `ctx`, with the token's TTF classification:
    /// parsed and re-serialized, so validated and the same bytes (same CID) whichever runner
    /// mints.
    pub(crate) async fn mint_metadata(
        &self,
        token: &TokenId,
        metadata: &Value,
        at: &str,
        ctx: &Value,
    ) -> Result<Vec<u8>> {
        let ttf = self.classification(token).await?;
        let mut doc = template::render(metadata, ctx, &format!("{at}.metadata"))?;
        let props = doc
            .as_object_mut()
            .ok_or_else(|| Error::Metadata {
                reason: "not an object".into(),
            })?
            .entry("properties")
            .or_insert_with(|| json!({}));
        if let Some(p) = props.as_object_mut() {
            p.insert(
                "ttf".into(),
                json!({"formula": ttf.formula, "visual": ttf.visual, "text": ttf.text}),
            );
        }
        let bytes = serde_json::to_vec(&doc).map_err(|e| Error::Metadata {
            reason: e.to_string(),
        })?;
        let meta = loyal_metadata::NftMetadata::from_json(&bytes).map_err(|e| Error::Metadata {
            reason: e.to_string(),
        })?;
        Ok(meta.to_json_bytes())
    }

    /// The signed transaction of `action` under `id` (a mint's metadata at `uri`).
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn prepare(
        &self,
        w: &Workflow,
        claim: &Claim,
        action: &Action,
        at: &str,
        id: TransactionId,
        ctx: &Value,
        uri: Option<String>,
    ) -> Result<Prepared> {
        let org = self.account.clone();
        let memo: String = format!("loyal {} {}", w.id, claim.request)
            .chars()
            .take(100)
            .collect();
        let (tx, minted) = match action {
            Action::Mint { token, .. } => {
                let token = self.token(token, at)?;
                let uri = uri.ok_or_else(|| Error::Metadata {
                    reason: format!("{at}: no metadata uploaded"),
                })?;
                let tx = self.signed(
                    &id,
                    &memo,
                    TokenMintTransaction::new()
                        .with_token_id(token)
                        .with_metadata([uri.clone().into_bytes()]),
                )?;
                (tx, Some((token, uri)))
            }
            Action::Transfer { token, serial, to } => {
                let token = self.token(token, at)?;
                let serial = number(serial, ctx, at, "serial")?;
                let to = recipient(to, ctx, at)?;
                let tx = self.signed(
                    &id,
                    &memo,
                    TransferTransaction::new().with_nft_transfer(
                        NftId::new(token, serial),
                        org,
                        to,
                    ),
                )?;
                (tx, None)
            }
            Action::Airdrop {
                token,
                serial,
                amount,
                to,
            } => {
                let token = self.token(token, at)?;
                let to = recipient(to, ctx, at)?;
                let mut tx = TokenAirdropTransaction::new();
                if let Some(serial) = serial {
                    let serial = number(serial, ctx, at, "serial")?;
                    tx = tx.with_nft_transfer(NftId::new(token, serial), org, to);
                } else if let Some(amount) = amount {
                    let amount = number(amount, ctx, at, "amount")? as i64;
                    tx = tx
                        .with_token_transfer(token, org, -amount)
                        .with_token_transfer(token, to, amount);
                }
                (self.signed(&id, &memo, tx)?, None)
            }
            Action::FungibleTransfer { token, amount, to } => {
                let token = self.token(token, at)?;
                let amount = number(amount, ctx, at, "amount")? as i64;
                let to = recipient(to, ctx, at)?;
                let tx = self.signed(
                    &id,
                    &memo,
                    TransferTransaction::new()
                        .with_token_transfer(token, org, -amount)
                        .with_token_transfer(token, to, amount),
                )?;
                (tx, None)
            }
        };
        Ok(Prepared { id, tx, minted })
    }

    /// Frozen under `id` for the grant window, signed with the organisation's key.
    fn signed<D: TransactionData>(
        &self,
        id: &TransactionId,
        memo: &str,
        builder: Builder<D>,
    ) -> Result<Transaction> {
        let builder = builder
            .with_transaction_id(id.clone())
            .with_transaction_valid_duration(Duration::from_secs(
                (self.ledger().window_nanos() / 1_000_000_000) as i64,
            ))
            .with_memo(memo);
        let mut tx = self.client.prepare(builder)?;
        tx.sign(&self.key);
        Ok(tx)
    }

    pub(crate) fn token(&self, symbol: &str, at: &str) -> Result<TokenId> {
        let id = self
            .deployment
            .bind(&self.org, symbol, &format!("{at}.token"))?;
        id.parse()
            .map_err(|e| Error::invalid(format!("{at}.token"), format!("{id:?}: {e}")))
    }

    /// The token's TTF classification from the mirror (once per token per runner; rows
    /// granted side by side may each ask before the first answer is cached).
    pub(crate) async fn classification(&self, token: &TokenId) -> Result<crate::Classification> {
        let key = token.to_string();
        if let Some(c) = self.ttf.borrow().get(&key) {
            return Ok(c.clone());
        }
        let json = self
            .mirror()
            .get_json(&format!("/api/v1/tokens/{key}"))
            .await?;
        let info: TokenInfo = serde_json::from_value(json).map_err(|e| Error::Client {
            code: "DECODE".into(),
            reason: format!("token {key}: {e}"),
        })?;
        let c = classify(&info);
        self.ttf.borrow_mut().insert(key, c.clone());
        Ok(c)
    }
}

/// A serial or amount, rendered from the request: a whole number from 1 that fits an `i64`
/// (what the ledger takes). `name` is its field in action `at`, for the error.
fn number(v: &Value, ctx: &Value, at: &str, name: &str) -> Result<u64> {
    let field = format!("{at}.{name}");
    let v = template::render(v, ctx, &field)?;
    v.as_u64()
        .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
        .filter(|n| (1..=i64::MAX as u64).contains(n))
        .ok_or_else(|| Error::InvalidInput {
            input: field,
            reason: format!("{v} is not a whole number"),
        })
}

/// The account action `at`'s `to`, rendered from the request, names.
fn recipient(to: &str, ctx: &Value, at: &str) -> Result<AccountId> {
    let field = format!("{at}.to");
    let s = template::text(to, ctx, &field)?;
    s.parse().map_err(|e| Error::InvalidInput {
        input: field,
        reason: format!("{s:?}: {e}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// The grant ids of a batch's claims (`CLAIM_STRIDE` ns apart, at most `CLAIM_STRIDE`
    /// actions each) are all distinct and within the 1,000 ns after their message's consensus
    /// time, before the next transaction's; a claim of its own keeps time + 1, 2, … ns.
    #[test]
    fn batched_claims_grant_ids_are_distinct_and_within_their_consensus_gap() {
        let payer = AccountId::new(0, 0, 1003);
        let at = loyal_core::time::Timestamp::new(1_796_282_638, 999_999_500);
        let claim = |index| Claim {
            sequence: 7,
            consensus: at,
            index,
            workflow: "w".into(),
            request: format!("r{index}"),
            key: format!("k{index}"),
            account: "0.0.1005".into(),
            proofs: Default::default(),
        };
        assert_eq!(
            transaction_id(&payer, &claim(0), 1).valid_start,
            at.plus_nanos(2)
        );
        let mut seen = std::collections::BTreeSet::new();
        for k in 0..crate::messages::BATCH_CLAIMS {
            for i in 0..CLAIM_STRIDE {
                let start = transaction_id(&payer, &claim(k), i).valid_start;
                let after = start.as_nanos() - at.as_nanos();
                assert!((1..1000).contains(&after), "claim {k} action {i}: {after}");
                assert!(
                    seen.insert(start.as_nanos()),
                    "claim {k} action {i} repeats an id"
                );
            }
        }
    }
}
