//! Staff actions: one grant per CSV row (SuperMarathon's results: hundreds of finishers). Rows
//! run in waves, side by side within a wave, each row under the same rule as an inbox request
//! (crate docs): the wave's claims are recorded together and folded in before any grant, the
//! claims that hold are granted together (each with its own fixed transaction ids), and their
//! outcomes are recorded together. A row is never granted before its claim holds nor settled
//! before its grant; only the interleaving of rows changes, so a crash anywhere leaves each row
//! where the one-by-one order could have left it, and a second run resumes it the same way.

use crate::definition::Workflow;
use crate::ledger::Claim;
use crate::messages::{Message, Status};
use crate::runner::{refusal, unrecorded, Runner, UnitReport};
use crate::{template, Error, Result};
use loyal_client::{Runtime, Transport};
use loyal_core::id::AccountId;
use serde_json::Value;
use std::collections::BTreeMap;

/// Rows per wave: enough to overlap their round trips; few enough that a wave's grants end
/// well inside their claims' grant window on a slow network.
const WAVE: usize = 50;

/// A row to run: its place in the file, request id, account and context.
struct Row {
    index: usize,
    id: String,
    account: String,
    ctx: Value,
}

impl<T: Transport, R: Runtime> Runner<'_, T, R> {
    /// Runs a staff action: one grant per CSV row that passes `each.where` (request ids
    /// `request#1`, `request#2`, … by row), or one grant for the whole action. Running it
    /// again with the same request id resumes it: settled rows are not granted again. The
    /// reports are in row order.
    pub async fn run_staff(
        &mut self,
        workflow: &str,
        request: &str,
        inputs: &BTreeMap<String, Value>,
    ) -> Result<Vec<UnitReport>> {
        let w = self
            .workflows
            .get(workflow)
            .cloned()
            .ok_or_else(|| Error::UnknownWorkflow {
                id: workflow.into(),
            })?;
        if request.is_empty() || request.len() > 56 {
            return Err(Error::InvalidInput {
                input: "request".into(),
                reason: "1 to 56 characters (rows add #n)".into(),
            });
        }
        if !w.is_staff() {
            return Err(Error::invalid(
                "trigger",
                format!("{workflow} is an inbox workflow"),
            ));
        }
        let org_account = self.account.to_string();
        let ctx = self.base_context(&w, request, &org_account, inputs)?;
        self.sync().await?;
        let Some(each) = w.each.clone() else {
            let whole = Row {
                index: 0,
                id: request.into(),
                account: org_account,
                ctx,
            };
            return Ok(self
                .wave(&w, vec![whole])
                .await?
                .into_iter()
                .flatten()
                .collect());
        };
        let text = inputs
            .get(&each.input)
            .and_then(Value::as_str)
            .unwrap_or_default();
        let rows = w.rows(text)?;
        let predicates = each
            .predicates
            .iter()
            .map(|p| p.parse::<loyal_proof::Predicate>())
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| Error::invalid("each.where", e.to_string()))?;
        let mut reports = Vec::new();
        let mut todo = Vec::new();
        for (i, row) in rows.into_iter().enumerate() {
            let id = format!("{request}#{}", i + 1);
            let mut ctx = ctx.clone();
            ctx["row"] = row.clone();
            let account = template::text(&each.account, &ctx, "each.account")?;
            ctx["request"]["account"] = Value::from(account.clone());
            // Checked before anything is claimed or minted for the row.
            if let Err(e) = account.parse::<AccountId>() {
                let reason = format!("row {}: account {account:?}: {e}", i + 1);
                reports.push(Some(unrecorded(
                    &w.id,
                    &id,
                    &account,
                    "WORKFLOW_INVALID_INPUT",
                    &reason,
                )));
                continue;
            }
            if let Some(failed) = predicates.iter().find(|p| p.eval(&row).is_err()) {
                reports.push(Some(UnitReport {
                    workflow: w.id.clone(),
                    request: id,
                    account,
                    status: Status::Refused,
                    code: Some("PREDICATE".into()),
                    reason: Some(format!("row {}: {failed} does not hold", i + 1)),
                    transactions: vec![],
                    fields: BTreeMap::new(),
                    settled_before: false,
                    recorded: false,
                }));
                continue;
            }
            reports.push(None);
            todo.push(Row {
                index: i,
                id,
                account,
                ctx,
            });
        }
        let mut todo = todo.into_iter().peekable();
        while todo.peek().is_some() {
            let wave: Vec<Row> = todo.by_ref().take(WAVE).collect();
            let indices: Vec<usize> = wave.iter().map(|r| r.index).collect();
            for (index, report) in indices.into_iter().zip(self.wave(&w, wave).await?) {
                reports[index] = report;
            }
        }
        Ok(reports.into_iter().flatten().collect())
    }

    /// Runs a wave of rows to their outcomes; their reports in the order given.
    async fn wave(&mut self, w: &Workflow, rows: Vec<Row>) -> Result<Vec<Option<UnitReport>>> {
        let mut reports: Vec<Option<UnitReport>> = rows.iter().map(|_| None).collect();
        // The outcomes to record, and whose they are (place in the wave, request, account).
        let mut outcomes = Vec::new();
        let mut whose = Vec::new();
        let mut claiming = Vec::new();
        for (at, row) in rows.into_iter().enumerate() {
            if let Some(report) = self.settled(&row.id, &w.id, &row.account) {
                reports[at] = Some(report);
            } else if let Some(claim) = self.ledger.claim_of(&row.id).cloned() {
                // An interrupted run's claim: resumed on its own, as an inbox request is.
                reports[at] = Some(self.resume(w, claim, row.ctx).await?);
            } else {
                match self.redemption_key(w, &row.ctx) {
                    Err(e) => {
                        outcomes.push(refusal(&w.id, &row.id, &row.account, None, &e));
                        whose.push((at, row.id, row.account));
                    }
                    Ok(key) if self.ledger.holder(&key).is_some() => {
                        let e = Error::AlreadyRedeemed { key: key.clone() };
                        outcomes.push(refusal(&w.id, &row.id, &row.account, Some(&key), &e));
                        whose.push((at, row.id, row.account));
                    }
                    Ok(key) => claiming.push((at, row, key)),
                }
            }
        }

        // Claim first: every claim of the wave on the topic and folded in before any grant.
        let claims = claiming
            .iter()
            .map(|(_, row, key)| Message::Claim {
                workflow: w.id.clone(),
                request: row.id.clone(),
                key: key.clone(),
                account: row.account.clone(),
                proofs: Default::default(),
            })
            .collect();
        self.record_wave(claims).await?;
        let mut holding: Vec<(usize, Row, Claim)> = Vec::new();
        for (at, row, key) in claiming {
            match self.ledger.holder(&key).cloned() {
                Some(claim) if claim.request == row.id => {
                    self.step("claimed", &row.id)?;
                    holding.push((at, row, claim));
                }
                // Another row (or request) of the same key came first on the topic.
                _ => {
                    let e = Error::AlreadyRedeemed { key: key.clone() };
                    outcomes.push(refusal(&w.id, &row.id, &row.account, Some(&key), &e));
                    whose.push((at, row.id, row.account));
                }
            }
        }

        // Granted together, action by action (`wave.rs`); a claim whose window is closing goes
        // the one-by-one way.
        let (late, now): (Vec<_>, Vec<_>) = holding
            .into_iter()
            .partition(|(_, _, claim)| self.window_closing(claim));
        let (whose_grant, claims): (Vec<_>, Vec<_>) = now
            .into_iter()
            .map(|(at, row, claim)| ((at, row.id, row.account), (claim, row.ctx)))
            .unzip();
        let mut stopped = None;
        let granted = self.grant_wave(w, claims).await;
        for ((at, id, account), (claim, mut ctx, result)) in whose_grant.into_iter().zip(granted) {
            // An error leaves the row's claim to be resumed; the others are still recorded.
            match self.grant_outcome(w, &claim, &mut ctx, result) {
                Ok(outcome) => {
                    outcomes.push(outcome);
                    whose.push((at, id, account));
                }
                Err(e) => {
                    stopped.get_or_insert(e);
                }
            }
        }

        // Outcome last.
        self.record_wave(outcomes).await?;
        if let Some(e) = stopped {
            return Err(e);
        }
        for (at, id, account) in whose {
            reports[at] = Some(self.first_outcome(&id, &w.id, &account));
        }
        for (at, row, claim) in late {
            reports[at] = Some(self.grant_and_record(w, claim, row.ctx).await?);
        }
        Ok(reports)
    }
}
