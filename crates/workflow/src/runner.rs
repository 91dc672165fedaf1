//! The runner: an organisation's workflows executed with its own key, exactly once per
//! redemption key (the rule is in the crate docs).

use crate::definition::{InputType, ProofKind, Trigger, Workflow};
use crate::ledger::{Claim, Ledger};
use crate::messages::{InboxRequest, Message, Status};
use crate::topics::{submit, TopicReader, Whole};
use crate::ttf::Classification;
use crate::{template, Deployment, Error, Result};
use core::time::Duration;
use loyal_client::{Client, IpfsClient, MirrorClient, Runtime, Transport};
use loyal_core::id::AccountId;
use loyal_core::key::PrivateKey;
use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// Called at each named step (`claimed`; `action-1`, `action-2`, … after each transaction
/// of a grant; `granted`) with the request id; `true` stops the run there
/// (`Error::Stopped`). The agent's crash tests pause at a step and are killed.
pub type StepHook = Box<dyn Fn(&str, &str) -> bool>;

/// How one request (or one row of a staff action) ended.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitReport {
    pub workflow: String,
    pub request: String,
    pub account: String,
    pub status: Status,
    pub code: Option<String>,
    pub reason: Option<String>,
    pub transactions: Vec<String>,
    pub fields: BTreeMap<String, Value>,
    /// Settled before this call (by another instance or an earlier run).
    pub settled_before: bool,
    /// `false` for rows a staff action's `where` left out: nothing is recorded for them.
    pub recorded: bool,
}

/// What a grant did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Grant {
    pub transactions: Vec<String>,
}

pub struct Runner<'c, T, R> {
    pub(crate) client: &'c Client<T, R>,
    pub(crate) deployment: Deployment,
    pub(crate) org: String,
    pub(crate) account: AccountId,
    pub(crate) key: PrivateKey,
    pub(crate) workflows: BTreeMap<String, Workflow>,
    pub(crate) ledger: Ledger,
    outcomes_reader: TopicReader,
    inbox_reader: TopicReader,
    /// Inbox messages read and not yet run to an outcome.
    inbox_queue: std::collections::VecDeque<Whole>,
    hook: Option<StepHook>,
    pub(crate) ttf: core::cell::RefCell<BTreeMap<String, Classification>>,
    pub(crate) mirror_timeout: Duration,
}

/// Asks `attempt` until it answers, soon at first and then less often (the devnet's mirror
/// shows a record as soon as its receipt says so; Hedera's, seconds later), or fails with
/// `MIRROR_TIMEOUT` saying `missing()` once `timeout` has passed.
pub(crate) async fn poll_mirror<R: Runtime, V>(
    runtime: &R,
    timeout: Duration,
    mut attempt: impl AsyncFnMut() -> Result<Option<V>>,
    missing: impl FnOnce() -> String,
) -> Result<V> {
    let deadline = runtime.now().as_nanos() + timeout.as_nanos() as i128;
    let mut wait = Duration::from_millis(10);
    loop {
        if let Some(answer) = attempt().await? {
            return Ok(answer);
        }
        if runtime.now().as_nanos() > deadline {
            return Err(Error::Client {
                code: "MIRROR_TIMEOUT".into(),
                reason: missing(),
            });
        }
        runtime.sleep(wait).await;
        wait = (wait * 2).min(Duration::from_millis(500));
    }
}

impl<'c, T: Transport, R: Runtime> Runner<'c, T, R> {
    /// A runner for `org` of `deployment`, signing with `key` (the organisation's).
    pub fn new(
        client: &'c Client<T, R>,
        deployment: Deployment,
        org: &str,
        key: PrivateKey,
    ) -> Result<Self> {
        let account = deployment.account(org)?;
        let window = deployment.organisation(org)?.grant_window_secs;
        if !(15..=180).contains(&window) {
            return Err(Error::invalid(
                format!("deployment organisations.{org}.grant_window_secs"),
                "a transaction's valid duration: 15 to 180 seconds",
            ));
        }
        Ok(Self {
            client,
            deployment,
            org: org.to_owned(),
            account,
            key,
            workflows: BTreeMap::new(),
            ledger: Ledger::with_window(window),
            outcomes_reader: TopicReader::default(),
            inbox_reader: TopicReader::default(),
            inbox_queue: Default::default(),
            hook: None,
            ttf: Default::default(),
            mirror_timeout: Duration::from_secs(60),
        })
    }

    pub fn with_workflow(mut self, workflow: Workflow) -> Result<Self> {
        workflow.check()?;
        if workflow.organisation != self.org {
            return Err(Error::invalid(
                "organisation",
                format!(
                    "{} is {}'s workflow, this runner is {}'s",
                    workflow.id, workflow.organisation, self.org
                ),
            ));
        }
        self.workflows.insert(workflow.id.clone(), workflow);
        Ok(self)
    }

    /// The journey's shipped workflows that belong to this organisation.
    pub fn with_journey(mut self) -> Result<Self> {
        for (_, json) in crate::JOURNEY {
            let w = Workflow::from_json(json.as_bytes())?;
            if w.organisation == self.org {
                self = self.with_workflow(w)?;
            }
        }
        Ok(self)
    }

    pub fn with_hook(mut self, hook: StepHook) -> Self {
        self.hook = Some(hook);
        self
    }

    /// How long to wait for the mirror to show our own topic messages (default 60 s).
    pub fn with_mirror_timeout(mut self, timeout: Duration) -> Self {
        self.mirror_timeout = timeout;
        self
    }

    pub fn workflows(&self) -> impl Iterator<Item = &Workflow> {
        self.workflows.values()
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    pub(crate) fn mirror(&self) -> MirrorClient<'c, T, R> {
        MirrorClient::new(
            self.client.transport(),
            self.client.runtime(),
            &self.client.network().mirror_url,
        )
    }

    pub(crate) fn ipfs(&self) -> Result<IpfsClient<'c, T>> {
        let net = self.client.network();
        match (&net.ipfs_api_url, &net.ipfs_gateway_url) {
            (Some(api), Some(gw)) => Ok(IpfsClient::new(self.client.transport(), api, gw)),
            _ => Err(Error::Unbound {
                field: "network".into(),
                name: "ipfs_api / ipfs_gateway".into(),
            }),
        }
    }

    fn outcomes_topic(&self) -> Result<String> {
        Ok(self
            .deployment
            .organisation(&self.org)?
            .outcomes_topic
            .clone())
    }

    /// Folds the outcomes topic's new messages into the ledger.
    pub async fn sync(&mut self) -> Result<()> {
        let topic = self.outcomes_topic()?;
        let mirror = self.mirror();
        let org = self.account.to_string();
        for m in self.outcomes_reader.read(&mirror, &topic).await? {
            // Only the organisation's own records count, whatever the topic's submit key
            // (setup gives it the organisation's key): others cannot claim or settle.
            let bytes: &[u8] = if m.payer == org { &m.bytes } else { b"" };
            self.ledger.apply(m.sequence, m.consensus, bytes);
        }
        Ok(())
    }

    /// Records a message on the outcomes topic and waits until the ledger has folded it in.
    async fn record(&mut self, message: Message) -> Result<()> {
        self.record_all(vec![message]).await
    }

    /// A wave's claims or outcomes, packed into as few topic messages as fit (`Message::pack`),
    /// sent side by side without their receipts (two round trips a message fewer), then
    /// awaited on the mirror, which shows them only once they reached consensus: a claim's key
    /// held (by it, or by a claim that came first), an outcome's request settled. A message
    /// refused at consensus never shows: the wait ends in `MIRROR_TIMEOUT`, as for any record
    /// the mirror does not show, and its rows stay where they were (unclaimed, or claimed and
    /// resumed by the next run).
    pub(crate) async fn record_wave(&mut self, messages: Vec<Message>) -> Result<()> {
        let topic = self.outcomes_topic()?;
        let sends = Message::pack(&messages)
            .into_iter()
            .map(|bytes| crate::topics::send(self.client, &self.account, &self.key, &topic, bytes))
            .collect();
        for sent in crate::join::join_all(sends).await {
            sent?;
        }
        self.sync_until(
            |r| {
                messages.iter().all(|m| match m {
                    Message::Claim { key, .. } => r.ledger.holder(key).is_some(),
                    Message::Outcome { request, .. } => r.ledger.outcome(request).is_some(),
                    _ => true,
                })
            },
            || format!("the mirror did not show this wave's records on {topic}"),
        )
        .await
    }

    /// Reads the outcomes topic until `done`, or fails with `MIRROR_TIMEOUT` after the
    /// runner's mirror timeout ([`poll_mirror`]).
    async fn sync_until(
        &mut self,
        done: impl Fn(&Self) -> bool,
        missing: impl FnOnce() -> String,
    ) -> Result<()> {
        let (client, timeout) = (self.client, self.mirror_timeout);
        let attempt = async || {
            self.sync().await?;
            Ok(done(self).then_some(()))
        };
        poll_mirror(client.runtime(), timeout, attempt, missing).await
    }

    /// Records `messages` side by side (the topic orders them by consensus, not as given) and
    /// waits until the ledger has folded in every one. If one fails, the others may still be
    /// on the topic: the next sync folds them in, as it would after a crash.
    pub(crate) async fn record_all(&mut self, messages: Vec<Message>) -> Result<()> {
        let topic = self.outcomes_topic()?;
        let submits = messages
            .into_iter()
            .map(|m| {
                submit(
                    self.client,
                    &self.account,
                    &self.key,
                    &topic,
                    m.to_single_chunk(),
                )
            })
            .collect();
        let mut last = 0;
        for seq in crate::join::join_all(submits).await {
            last = last.max(seq?);
        }
        self.sync_until(
            |r| r.outcomes_reader.after >= last,
            || format!("the mirror did not show message {last} of {topic}"),
        )
        .await
    }

    pub(crate) fn step(&self, step: &str, request: &str) -> Result<()> {
        if self.hook.as_ref().is_some_and(|h| h(step, request)) {
            return Err(Error::Stopped { step: step.into() });
        }
        Ok(())
    }

    /// Processes every inbox request not yet settled, oldest first. A network error stops
    /// the pass (the request is taken up again by the next one).
    pub async fn poll_inbox(&mut self) -> Result<Vec<UnitReport>> {
        let inbox = self.deployment.organisation(&self.org)?.inbox_topic.clone();
        let mirror = self.mirror();
        let new = self.inbox_reader.read(&mirror, &inbox).await?;
        self.inbox_queue.extend(new);
        let mut reports = Vec::new();
        while let Some(m) = self.inbox_queue.front() {
            if let Ok(Message::Request(request)) = Message::from_bytes(&m.bytes) {
                // A request whose ids could not even be written in an outcome is not answered.
                match request.check() {
                    Ok(()) => reports.push(self.run_request(&request, true).await?),
                    Err(e) => reports.push(unrecorded(
                        &request.workflow,
                        &request.request,
                        &request.account,
                        e.code(),
                        &e.to_string(),
                    )),
                }
            }
            self.inbox_queue.pop_front();
        }
        Ok(reports)
    }

    /// Runs one inbox request to its outcome (or returns the outcome it already has).
    pub async fn handle_request(&mut self, req: &InboxRequest) -> Result<UnitReport> {
        self.run_request(req, false).await
    }

    /// `from_mirror`: the request was read from this runner's mirror, which lists topic
    /// messages only once it has everything before them — so it already shows every transfer
    /// made before the proof was signed (the proof was signed before the request was sent),
    /// and the proof check need not wait for the mirror to pass the proof's issued-at.
    async fn run_request(&mut self, req: &InboxRequest, from_mirror: bool) -> Result<UnitReport> {
        self.sync().await?;
        if let Some(report) = self.settled(&req.request, &req.workflow, &req.account) {
            return Ok(report);
        }
        let Some(w) = self.workflows.get(&req.workflow).cloned() else {
            let e = Error::UnknownWorkflow {
                id: req.workflow.clone(),
            };
            return self
                .refuse(&req.workflow, &req.request, &req.account, None, &e)
                .await;
        };
        let Trigger::Inbox { purpose, .. } = &w.trigger else {
            let e = Error::invalid("trigger", format!("{} is a staff action", w.id));
            return self
                .refuse(&w.id, &req.request, &req.account, None, &e)
                .await;
        };
        let mut ctx = match self.base_context(&w, &req.request, &req.account, &req.inputs) {
            Ok(ctx) => ctx,
            Err(e) => {
                return self
                    .refuse(&w.id, &req.request, &req.account, None, &e)
                    .await
            }
        };
        if let Some(claim) = self.ledger.claim_of(&req.request).cloned() {
            // Verified before it was claimed: the claim carries what the grant needs.
            self.restore_proofs(&mut ctx, &claim).await?;
            return self.resume(&w, claim, ctx).await;
        }
        let proofs = match self.verify_proofs(&w, purpose, req, from_mirror).await {
            Ok(p) => p,
            Err(e @ Error::Client { .. }) => return Err(e),
            Err(e) => {
                return self
                    .refuse(&w.id, &req.request, &req.account, None, &e)
                    .await
            }
        };
        ctx["proof"] = Value::Object(proofs);
        self.unit(&w, &req.request, &req.account, ctx).await
    }

    pub(crate) fn settled(
        &self,
        request: &str,
        workflow: &str,
        account: &str,
    ) -> Option<UnitReport> {
        let o = self.ledger.outcome(request)?;
        Some(UnitReport {
            workflow: if o.workflow.is_empty() {
                workflow.into()
            } else {
                o.workflow.clone()
            },
            request: request.into(),
            account: if o.account.is_empty() {
                account.into()
            } else {
                o.account.clone()
            },
            status: o.status,
            code: o.code.clone(),
            reason: o.reason.clone(),
            transactions: o.transactions.clone(),
            fields: o.fields.clone(),
            settled_before: true,
            recorded: true,
        })
    }

    /// `request`, `input`, `org` and the lookups, with the inputs checked.
    pub(crate) fn base_context(
        &self,
        w: &Workflow,
        request: &str,
        account: &str,
        inputs: &BTreeMap<String, Value>,
    ) -> Result<Value> {
        account
            .parse::<AccountId>()
            .map_err(|e| Error::InvalidInput {
                input: "account".into(),
                reason: e.to_string(),
            })?;
        let declared = w.trigger.inputs();
        for name in inputs.keys() {
            if !declared.contains_key(name) {
                return Err(Error::InvalidInput {
                    input: name.clone(),
                    reason: "not an input of this workflow".into(),
                });
            }
        }
        let mut input = Map::new();
        for (name, decl) in declared {
            let v = inputs.get(name).ok_or_else(|| Error::InvalidInput {
                input: name.clone(),
                reason: "required".into(),
            })?;
            input.insert(name.clone(), check_input(name, decl.kind, v)?);
        }
        let mut ctx = json!({
            "request": {"id": request, "account": account, "workflow": w.id},
            "input": input,
            "org": {"name": self.org, "account": self.account.to_string()},
        });
        let org = self.deployment.organisation(&self.org)?;
        for (name, lookup) in &w.lookup {
            let key = template::text(&lookup.key, &ctx, &format!("lookup.{name}.key"))?;
            let row = org
                .tables
                .get(&lookup.table)
                .and_then(|t| t.get(&key))
                .ok_or_else(|| Error::NotFound {
                    table: lookup.table.clone(),
                    key: key.clone(),
                })?;
            ctx[name.as_str()] = row.clone();
        }
        Ok(ctx)
    }

    /// The redemption key: `once_per` and the key parts, hashed (a purchase code must not
    /// appear on a public topic).
    pub(crate) fn redemption_key(&self, w: &Workflow, ctx: &Value) -> Result<String> {
        let mut h = Sha256::new();
        h.update(w.id.as_bytes());
        for (i, part) in w.limit.key.iter().enumerate() {
            h.update(b"\n");
            h.update(template::text(part, ctx, &format!("limit.key[{i}]"))?.as_bytes());
        }
        Ok(format!(
            "{}:{}",
            w.limit.once_per.as_str(),
            hex::encode(&h.finalize()[..16])
        ))
    }

    /// Claim, grant, record (the unit has no claim yet).
    pub(crate) async fn unit(
        &mut self,
        w: &Workflow,
        id: &str,
        account: &str,
        ctx: Value,
    ) -> Result<UnitReport> {
        let key = match self.redemption_key(w, &ctx) {
            Ok(k) => k,
            Err(e) => return self.refuse(&w.id, id, account, None, &e).await,
        };
        if self.ledger.holder(&key).is_some_and(|h| h.request != id) {
            let e = Error::AlreadyRedeemed { key: key.clone() };
            return self.refuse(&w.id, id, account, Some(&key), &e).await;
        }
        if self.ledger.holder(&key).is_none() {
            let proofs = ctx
                .get("proof")
                .and_then(Value::as_object)
                .map(|m| {
                    m.iter()
                        .map(|(k, v)| {
                            let mut v = v.clone();
                            if let Some(o) = v.as_object_mut() {
                                o.remove("metadata");
                            }
                            (k.clone(), v)
                        })
                        .collect()
                })
                .unwrap_or_default();
            self.record(Message::Claim {
                workflow: w.id.clone(),
                request: id.into(),
                key: key.clone(),
                account: account.into(),
                proofs,
            })
            .await?;
        }
        let holder = self.ledger.holder(&key).cloned();
        match holder {
            Some(claim) if claim.request == id => {
                self.step("claimed", id)?;
                self.grant_and_record(w, claim, ctx).await
            }
            _ => {
                let e = Error::AlreadyRedeemed { key: key.clone() };
                self.refuse(&w.id, id, account, Some(&key), &e).await
            }
        }
    }

    /// Continues a claimed request, if what is asked now is what was claimed: another
    /// message reusing the request id, or a staff action run again with other rows, must
    /// not redirect the grant.
    pub(crate) async fn resume(
        &mut self,
        w: &Workflow,
        claim: Claim,
        ctx: Value,
    ) -> Result<UnitReport> {
        let account = ctx["request"]["account"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        let same = account == claim.account
            && self.redemption_key(w, &ctx).ok().as_deref() == Some(claim.key.as_str());
        if !same {
            return Ok(unrecorded(
                &w.id,
                &claim.request,
                &account,
                "WORKFLOW_REQUEST_CHANGED",
                &format!(
                    "request {} was claimed for {} with other inputs",
                    claim.request, claim.account
                ),
            ));
        }
        self.grant_and_record(w, claim, ctx).await
    }

    pub(crate) async fn grant_and_record(
        &mut self,
        w: &Workflow,
        claim: Claim,
        mut ctx: Value,
    ) -> Result<UnitReport> {
        if self.window_closing(&claim) {
            return self.after_window(w, claim, ctx).await;
        }
        let result = self.grant(w, &claim, &mut ctx).await;
        let outcome = self.grant_outcome(w, &claim, &mut ctx, result)?;
        self.record(outcome).await?;
        Ok(self.first_outcome(&claim.request, &w.id, &claim.account))
    }

    /// Whether too little of the claim's grant window is left for its transactions to reach
    /// consensus inside it.
    pub(crate) fn window_closing(&self, claim: &Claim) -> bool {
        let now = self.client.runtime().now().as_nanos();
        let window = self.ledger.window_nanos();
        now > claim.consensus.as_nanos() + window - (window / 3).min(10_000_000_000)
    }

    /// The outcome to record for a claim's grant, or the error that leaves the claim to be
    /// resumed (a network error, a stop, or a refusal for the valid window alone).
    pub(crate) fn grant_outcome(
        &self,
        w: &Workflow,
        claim: &Claim,
        ctx: &mut Value,
        result: std::result::Result<Grant, (usize, Error)>,
    ) -> Result<Message> {
        match result {
            Ok(grant) => {
                self.step("granted", &claim.request)?;
                granted(w, claim, ctx, grant.transactions)
            }
            Err((_, e @ (Error::Client { .. } | Error::Stopped { .. }))) => Err(e),
            // Refused for its valid window alone (this runner's clock): another instance may
            // have executed the same id. Retried; past the window the mirror decides.
            Err((_, Error::Refused { status, reason }))
                if status == "TRANSACTION_EXPIRED" || status == "INVALID_TRANSACTION_START" =>
            {
                Err(Error::Client {
                    code: status,
                    reason,
                })
            }
            // Nothing was granted if the first transaction did not execute: the key is free.
            Err((executed, e)) => Ok(refused_claimed(w, claim, &e, executed == 0)),
        }
    }

    async fn record_granted(
        &mut self,
        w: &Workflow,
        claim: &Claim,
        mut ctx: Value,
        transactions: Vec<String>,
    ) -> Result<UnitReport> {
        self.record(granted(w, claim, &mut ctx, transactions)?)
            .await?;
        Ok(self.first_outcome(&claim.request, &w.id, &claim.account))
    }

    /// The claim's grant window is (nearly) over. Once it has passed its transaction ids can
    /// no longer execute; a renewal claim posted after it is on the mirror only after
    /// everything before it, so the mirror then says for good which of them did.
    async fn after_window(&mut self, w: &Workflow, claim: Claim, ctx: Value) -> Result<UnitReport> {
        let closes = claim.consensus.as_nanos() + self.ledger.window_nanos();
        let wait = closes + 1_000_000_000 - self.client.runtime().now().as_nanos();
        if wait > 0 {
            self.client
                .runtime()
                .sleep(Duration::from_nanos(wait as u64))
                .await;
        }
        self.record(Message::Claim {
            workflow: w.id.clone(),
            request: claim.request.clone(),
            key: claim.key.clone(),
            account: claim.account.clone(),
            proofs: claim.proofs.clone(),
        })
        .await?;
        let renewed =
            match self.ledger.holder(&claim.key).cloned() {
                Some(r) if r.request == claim.request && r.sequence != claim.sequence => r,
                _ => return Err(Error::Client {
                    code: "GRANT_WINDOW".into(),
                    reason:
                        "the renewal did not hold (consensus before the window closed); retrying"
                            .into(),
                }),
            };
        let mirror = self.mirror();
        let mut done = Vec::new();
        for i in 0..w.actions.len() {
            let id = crate::grant::transaction_id(&self.account, &claim, i);
            match mirror.transaction(&id).await {
                Ok(list) if list.iter().any(|t| t.result == "SUCCESS" && t.nonce == 0) => {
                    done.push(id.to_string())
                }
                Ok(_) | Err(loyal_client::Error::Http { status: 404, .. }) => {}
                Err(e) => return Err(e.into()),
            }
        }
        if !w.actions.is_empty() && done.len() == w.actions.len() {
            return self.record_granted(w, &claim, ctx, done).await;
        }
        if done.is_empty() {
            return Box::pin(self.grant_and_record(w, renewed, ctx)).await;
        }
        // Actions run in order: the first `done` executed under the old ids. What they bound
        // is read back; the rest run under the renewal's ids.
        let mut ctx = ctx;
        for (i, id) in done.iter().enumerate() {
            let id: loyal_core::transaction_id::TransactionId =
                id.parse().map_err(|e: loyal_core::Error| Error::Client {
                    code: "DECODE".into(),
                    reason: e.to_string(),
                })?;
            self.rebind(&w.actions[i], &format!("actions[{i}]"), &id, &mut ctx)
                .await?;
        }
        let rest = match self.grant_from(w, &renewed, &mut ctx, done.len()).await {
            Ok(g) => g,
            Err((_, e @ (Error::Client { .. } | Error::Stopped { .. }))) => return Err(e),
            // Part of the grant executed: the key stays held.
            Err((_, e)) => return self.refuse_claimed(w, &renewed, &e, false).await,
        };
        self.step("granted", &renewed.request)?;
        done.extend(rest.transactions);
        self.record_granted(w, &renewed, ctx, done).await
    }

    /// The report of the outcome just recorded (the first one of the request, which may be
    /// another instance's).
    pub(crate) fn first_outcome(&self, request: &str, workflow: &str, account: &str) -> UnitReport {
        match self.settled(request, workflow, account) {
            Some(mut r) => {
                r.settled_before = false;
                r
            }
            // Not reachable with records of one chunk; said rather than assumed.
            None => unrecorded(
                workflow,
                request,
                account,
                "WORKFLOW_BAD_MESSAGE",
                "the outcome was not read back",
            ),
        }
    }

    async fn refuse_claimed(
        &mut self,
        w: &Workflow,
        claim: &Claim,
        e: &Error,
        released: bool,
    ) -> Result<UnitReport> {
        self.record(refused_claimed(w, claim, e, released)).await?;
        Ok(self.first_outcome(&claim.request, &w.id, &claim.account))
    }

    async fn refuse(
        &mut self,
        workflow: &str,
        request: &str,
        account: &str,
        key: Option<&str>,
        e: &Error,
    ) -> Result<UnitReport> {
        self.record(refusal(workflow, request, account, key, e))
            .await?;
        Ok(self.first_outcome(request, workflow, account))
    }

    /// The request's proof verified against the workflow's requirements; by requirement
    /// name: `token`, `serial`, `nft` (`token#serial`), `amount`, `metadata_uri`, `metadata`.
    async fn verify_proofs(
        &self,
        w: &Workflow,
        purpose: &str,
        req: &InboxRequest,
        from_mirror: bool,
    ) -> Result<Map<String, Value>> {
        if w.proofs.is_empty() {
            return Ok(Map::new());
        }
        let proof_error = |e: loyal_proof::ProofError| Error::Proof {
            code: e.code().into(),
            reason: e.to_string(),
        };
        let text = req.proof.as_deref().ok_or_else(|| Error::Proof {
            code: "PROOF_MISSING".into(),
            reason: "the request carries no proof".into(),
        })?;
        let signed = loyal_proof::SignedPresentation::from_text(text).map_err(proof_error)?;
        if signed.presentation.holder.to_string() != req.account {
            return Err(Error::Proof {
                code: "PROOF_NOT_OWNER".into(),
                reason: format!(
                    "the proof is {}'s, the request is for {}",
                    signed.presentation.holder, req.account
                ),
            });
        }
        let mut requirements = Vec::new();
        for (i, p) in w.proofs.iter().enumerate() {
            let at = format!("proofs[{i}]");
            let mut json = json!({
                "token": self.deployment.bind(&self.org, &p.token, &format!("{at}.token"))?,
                "kind": match p.kind { ProofKind::Nft => "nft", ProofKind::Fungible => "fungible" },
            });
            if let Some(t) = &p.treasury {
                json["treasury"] = Value::from(self.deployment.bind(
                    &self.org,
                    t,
                    &format!("{at}.treasury"),
                )?);
            }
            if let Some(k) = &p.supply_key {
                json["supply_key"] = Value::from(k.clone());
            }
            if let Some(a) = p.min_amount {
                json["min_amount"] = Value::from(a);
            }
            if !p.predicates.is_empty() {
                json["where"] = Value::from(p.predicates.clone());
            }
            let r: loyal_proof::Requirement =
                serde_json::from_value(json).map_err(|e| Error::invalid(at, e.to_string()))?;
            requirements.push(r);
        }
        let audience = self.deployment.organisation(&self.org)?.audience();
        let policy = loyal_proof::Policy::new(audience, purpose, self.client.runtime().now())
            .with_requirements(requirements.clone());
        let policy = if from_mirror {
            policy.with_max_mirror_lag(Duration::ZERO)
        } else {
            policy
        };
        // The request id is the nonce: a proof made for one request serves no other, and
        // the outcomes topic settles a request once.
        let mut nonce = RequestNonce {
            expected: req.request.clone(),
            used: false,
        };
        let mirrors = [self.mirror()];
        let ipfs = self.ipfs()?;
        let verified = loyal_proof::verify(&signed, &policy, &mut nonce, &mirrors, &ipfs)
            .await
            .map_err(|e| match e {
                loyal_proof::ProofError::Network(n) => Error::from(n),
                e => proof_error(e),
            })?;
        let mut used = vec![false; verified.claims.len()];
        let mut out = Map::new();
        for (p, r) in w.proofs.iter().zip(&requirements) {
            let i = (0..verified.claims.len())
                .find(|&i| {
                    !used[i]
                        && verified.claims[i].token == r.token
                        && (verified.claims[i].serial.is_some() == (p.kind == ProofKind::Nft))
                })
                .ok_or_else(|| Error::Proof {
                    code: "PROOF_CLAIM_MISSING".into(),
                    reason: format!("no claim for {}", p.name),
                })?;
            used[i] = true;
            let c = &verified.claims[i];
            out.insert(
                p.name.clone(),
                json!({
                    "token": c.token.to_string(),
                    "serial": c.serial,
                    "nft": c.serial.map(|s| format!("{}#{s}", c.token)),
                    "amount": c.amount,
                    "metadata_uri": c.metadata_uri,
                    "metadata": c.metadata,
                }),
            );
        }
        Ok(out)
    }

    /// A claim's proofs back in the context, metadata fetched again by its CID (the same
    /// bytes the verification read: content addressing).
    async fn restore_proofs(&self, ctx: &mut Value, claim: &Claim) -> Result<()> {
        let mut proofs = claim.proofs.clone();
        for v in proofs.values_mut() {
            if let Some(uri) = v.get("metadata_uri").and_then(Value::as_str) {
                let bytes = self.ipfs()?.cat_path(uri).await?;
                v["metadata"] = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
            }
        }
        ctx["proof"] = Value::Object(proofs);
        Ok(())
    }
}

/// The outcome of a granted claim: the workflow's outcome fields rendered with the grant's
/// transactions in `ctx`.
pub(crate) fn granted(
    w: &Workflow,
    claim: &Claim,
    ctx: &mut Value,
    transactions: Vec<String>,
) -> Result<Message> {
    ctx["grant"] = json!({"transactions": transactions});
    let mut fields = BTreeMap::new();
    for (name, t) in &w.outcome.fields {
        fields.insert(
            name.clone(),
            template::render(t, ctx, &format!("outcome.fields.{name}"))?,
        );
    }
    Ok(Message::Outcome {
        workflow: w.id.clone(),
        request: claim.request.clone(),
        account: claim.account.clone(),
        status: Status::Granted,
        claim: Some(claim.sequence),
        key: Some(claim.key.clone()),
        code: None,
        reason: None,
        released: false,
        transactions,
        fields,
    })
}

/// The outcome of a claim whose grant the network refused; `released` frees its key.
pub(crate) fn refused_claimed(w: &Workflow, claim: &Claim, e: &Error, released: bool) -> Message {
    Message::Outcome {
        workflow: w.id.clone(),
        request: claim.request.clone(),
        account: claim.account.clone(),
        status: Status::Refused,
        claim: Some(claim.sequence),
        key: Some(claim.key.clone()),
        code: Some(e.detail_code()),
        reason: Some(e.to_string()),
        released,
        transactions: vec![],
        fields: BTreeMap::new(),
    }
}

/// The outcome of a request refused before anything was claimed for it.
pub(crate) fn refusal(
    workflow: &str,
    request: &str,
    account: &str,
    key: Option<&str>,
    e: &Error,
) -> Message {
    Message::Outcome {
        workflow: workflow.into(),
        request: request.into(),
        account: account.into(),
        status: Status::Refused,
        claim: None,
        key: key.map(String::from),
        code: Some(e.detail_code()),
        reason: Some(e.to_string()),
        released: false,
        transactions: vec![],
        fields: BTreeMap::new(),
    }
}

pub(crate) fn unrecorded(
    workflow: &str,
    request: &str,
    account: &str,
    code: &str,
    reason: &str,
) -> UnitReport {
    let short = |s: &str| s.chars().take(80).collect::<String>();
    UnitReport {
        workflow: short(workflow),
        request: short(request),
        account: short(account),
        status: Status::Refused,
        code: Some(code.into()),
        reason: Some(reason.into()),
        transactions: vec![],
        fields: BTreeMap::new(),
        settled_before: false,
        recorded: false,
    }
}

fn check_input(name: &str, kind: InputType, v: &Value) -> Result<Value> {
    let bad = |reason: &str| Error::InvalidInput {
        input: name.into(),
        reason: reason.into(),
    };
    match kind {
        InputType::String | InputType::Csv => {
            let s = v.as_str().ok_or_else(|| bad("expected a string"))?;
            if s.trim().is_empty() {
                return Err(bad("empty"));
            }
            Ok(Value::from(s.trim()))
        }
        InputType::Integer => v
            .as_i64()
            .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            .map(Value::from)
            .ok_or_else(|| bad("expected an integer")),
        InputType::Date => {
            let s = v.as_str().ok_or_else(|| bad("expected a date"))?;
            let b = s.as_bytes();
            let ok = b.len() == 10
                && b[4] == b'-'
                && b[7] == b'-'
                && b.iter()
                    .enumerate()
                    .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
            if ok {
                Ok(Value::from(s))
            } else {
                Err(bad("expected YYYY-MM-DD"))
            }
        }
        InputType::Account => {
            let s = v.as_str().ok_or_else(|| bad("expected an account id"))?;
            s.parse::<AccountId>().map_err(|e| bad(&e.to_string()))?;
            Ok(Value::from(s))
        }
    }
}

/// The one nonce an inbox request's proof may carry: the request id.
struct RequestNonce {
    expected: String,
    used: bool,
}

impl loyal_proof::NonceStore for RequestNonce {
    fn issue(&mut self) -> String {
        self.expected.clone()
    }
    fn consume(&mut self, nonce: &str) -> bool {
        let ok = !self.used && nonce == self.expected;
        self.used |= ok;
        ok
    }
}
