//! The workflow definition: JSON in, typed value out, every error naming its field.

use crate::template;
use crate::{Error, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Format version this crate reads and writes.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workflow {
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// `organisation.name`, lower case, unique across the ecosystem.
    pub id: String,
    pub version: u32,
    /// The organisation that runs it with its own key (a key of the deployment's
    /// `organisations`).
    pub organisation: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub trigger: Trigger,
    /// Rows of the deployment's tables bound by key (`order` ← `orders[input.code]`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub lookup: BTreeMap<String, Lookup>,
    /// Ownership proofs the request must carry, by name (`proof.twin.…` in templates).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proofs: Vec<ProofRequirement>,
    /// A staff action over a CSV input: one grant per row that passes `where`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub each: Option<Each>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<Action>,
    pub limit: Limit,
    #[serde(default)]
    pub outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Trigger {
    /// A request message on the organisation's HCS inbox topic.
    Inbox {
        /// What the proof must be made for (the presentation's audience purpose).
        purpose: String,
        #[serde(default)]
        inputs: BTreeMap<String, Input>,
    },
    /// A staff member's action on the organisation's own page or agent.
    Staff {
        #[serde(default)]
        inputs: BTreeMap<String, Input>,
    },
}

impl Trigger {
    pub fn inputs(&self) -> &BTreeMap<String, Input> {
        match self {
            Trigger::Inbox { inputs, .. } | Trigger::Staff { inputs } => inputs,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    #[serde(rename = "type")]
    pub kind: InputType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// For `csv`: the header row's columns, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
    /// For `csv`: columns whose values are integers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub integer_columns: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputType {
    String,
    Integer,
    Date,
    Account,
    Csv,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lookup {
    /// A table of the organisation in the deployment.
    pub table: String,
    /// Template of the key (`{{input.code}}`).
    pub key: String,
}

/// A loyal-proof `Requirement` with a name and symbolic ids (`$tokens.twin`), bound at run
/// time; `where` holds the proof crate's predicates on HIP-412 attributes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProofRequirement {
    pub name: String,
    pub token: String,
    pub kind: ProofKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treasury: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supply_key: Option<String>,
    /// For fungible claims: the least balance.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_amount: Option<u64>,
    #[serde(rename = "where", default, skip_serializing_if = "Vec::is_empty")]
    pub predicates: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProofKind {
    Nft,
    Fungible,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Each {
    /// The `csv` input whose rows are iterated (`row.<column>` in templates).
    pub input: String,
    /// Column predicates (`position <= 500`); rows failing one are skipped.
    #[serde(rename = "where", default, skip_serializing_if = "Vec::is_empty")]
    pub predicates: Vec<String>,
    /// Template of the account each row's grant goes to (`{{row.account}}`).
    pub account: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Action {
    /// Mints one NFT whose HIP-412 metadata (a template; `properties.ttf` is added from the
    /// token's classification) is uploaded to IPFS; binds `minted.serial` and `minted.uri`.
    Mint { token: String, metadata: Value },
    /// Moves an NFT the organisation holds to `to` (CryptoTransfer).
    Transfer {
        token: String,
        serial: Value,
        to: String,
    },
    /// HIP-904 airdrop of an NFT (`serial`) or fungible `amount`: delivered at once if the
    /// receiver can take it, else pending until claimed.
    Airdrop {
        token: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        serial: Option<Value>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        amount: Option<Value>,
        to: String,
    },
    /// Moves `amount` (smallest units) of a fungible token from the organisation to `to`.
    FungibleTransfer {
        token: String,
        amount: Value,
        to: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    pub once_per: OncePer,
    /// Templates whose values make the redemption key (with the workflow id and `once_per`).
    pub key: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OncePer {
    Nft,
    NftPair,
    Account,
    Code,
}

impl OncePer {
    pub fn as_str(self) -> &'static str {
        match self {
            OncePer::Nft => "nft",
            OncePer::NftPair => "nft_pair",
            OncePer::Account => "account",
            OncePer::Code => "code",
        }
    }
    /// The fewest key parts: a pair names two NFTs; further parts scope the key (the event
    /// of "once per account per event").
    fn min_parts(self) -> usize {
        match self {
            OncePer::NftPair => 2,
            _ => 1,
        }
    }
}

/// What the outcome record carries besides the request, status and transactions.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Outcome {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fields: BTreeMap<String, Value>,
}

impl Workflow {
    /// Parses and checks a definition; the error names the first bad field by its JSON path.
    pub fn from_json(bytes: &[u8]) -> Result<Self> {
        let de = &mut serde_json::Deserializer::from_slice(bytes);
        let workflow: Workflow = serde_path_to_error::deserialize(de).map_err(|e| {
            let field = e.path().to_string();
            let inner = e.into_inner();
            let reason = inner.to_string();
            match missing_field(&reason) {
                Some(name) if field == "." => Error::MissingField { field: name },
                Some(name) => Error::MissingField {
                    field: format!("{field}.{name}"),
                },
                None => Error::invalid(field, reason),
            }
        })?;
        workflow.check()?;
        Ok(workflow)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a workflow always serializes")
    }

    /// What serde cannot say: ids, names and templates that fit together.
    pub fn check(&self) -> Result<()> {
        if self.version != VERSION {
            return Err(Error::invalid(
                "version",
                format!("this runner reads version {VERSION}"),
            ));
        }
        check_name("id", &self.id, true)?;
        if self.organisation.trim().is_empty() {
            return Err(Error::invalid("organisation", "empty"));
        }
        let inputs = self.trigger.inputs();
        for (name, input) in inputs {
            check_name(&format!("trigger.inputs.{name}"), name, false)?;
            if input.kind == InputType::Csv && input.columns.is_empty() {
                return Err(Error::MissingField {
                    field: format!("trigger.inputs.{name}.columns"),
                });
            }
            for c in &input.integer_columns {
                if !input.columns.contains(c) {
                    return Err(Error::invalid(
                        format!("trigger.inputs.{name}.integer_columns"),
                        format!("{c:?} is not a column"),
                    ));
                }
            }
        }
        if matches!(self.trigger, Trigger::Staff { .. }) && !self.proofs.is_empty() {
            return Err(Error::invalid(
                "proofs",
                "a staff action carries no customer proof (use an inbox trigger)",
            ));
        }
        let mut scope = Scope::default();
        scope
            .roots
            .extend(["request", "input", "org"].map(String::from));
        for (name, lookup) in &self.lookup {
            check_name(&format!("lookup.{name}"), name, false)?;
            scope.check(
                &format!("lookup.{name}.key"),
                &Value::from(lookup.key.clone()),
            )?;
        }
        scope.roots.extend(self.lookup.keys().cloned());
        let mut names = Vec::new();
        for (i, p) in self.proofs.iter().enumerate() {
            let at = format!("proofs[{i}]");
            check_name(&format!("{at}.name"), &p.name, false)?;
            if names.contains(&p.name) {
                return Err(Error::invalid(format!("{at}.name"), "used twice"));
            }
            names.push(p.name.clone());
            check_symbol(&format!("{at}.token"), &p.token, "tokens")?;
            if let Some(t) = &p.treasury {
                check_symbol(&format!("{at}.treasury"), t, "accounts")?;
            }
            for (j, w) in p.predicates.iter().enumerate() {
                w.parse::<loyal_proof::Predicate>()
                    .map_err(|e| Error::invalid(format!("{at}.where[{j}]"), e.to_string()))?;
            }
            if p.kind == ProofKind::Nft && p.min_amount.is_some() {
                return Err(Error::invalid(
                    format!("{at}.min_amount"),
                    "an NFT claim has no amount",
                ));
            }
        }
        if !names.is_empty() {
            scope.roots.insert("proof".into());
        }
        if let Some(each) = &self.each {
            match inputs.get(&each.input) {
                Some(i) if i.kind == InputType::Csv => {
                    for (j, w) in each.predicates.iter().enumerate() {
                        let f = w.parse::<loyal_proof::Predicate>().map_err(|e| {
                            Error::invalid(format!("each.where[{j}]"), e.to_string())
                        })?;
                        let column = f.path.join(".");
                        if !i.columns.contains(&column) {
                            return Err(Error::invalid(
                                format!("each.where[{j}]"),
                                format!("{column:?} is not a column of {}", each.input),
                            ));
                        }
                    }
                }
                _ => {
                    return Err(Error::invalid(
                        "each.input",
                        format!("{:?} is not a csv input of the trigger", each.input),
                    ))
                }
            }
            scope.roots.insert("row".into());
            scope.check("each.account", &Value::from(each.account.clone()))?;
        }
        // A grant's ids are its claim's time + 1, 2, … ns, claims of one message 100 ns apart.
        if self.actions.len() > crate::messages::CLAIM_STRIDE {
            return Err(Error::invalid(
                "actions",
                format!("at most {} actions", crate::messages::CLAIM_STRIDE),
            ));
        }
        for (i, action) in self.actions.iter().enumerate() {
            let at = format!("actions[{i}]");
            let (token, to) = match action {
                Action::Mint { token, metadata } => {
                    scope.check(&format!("{at}.metadata"), metadata)?;
                    for field in ["name", "image", "type"] {
                        if metadata.get(field).is_none() {
                            return Err(Error::MissingField {
                                field: format!("{at}.metadata.{field}"),
                            });
                        }
                    }
                    (token, None)
                }
                Action::Transfer { token, serial, to } => {
                    quantity(&format!("{at}.serial"), serial)?;
                    scope.check(&format!("{at}.serial"), serial)?;
                    (token, Some(to))
                }
                Action::Airdrop {
                    token,
                    serial,
                    amount,
                    to,
                } => {
                    match (serial, amount) {
                        (Some(v), None) => {
                            quantity(&format!("{at}.serial"), v)?;
                            scope.check(&format!("{at}.serial"), v)?
                        }
                        (None, Some(v)) => {
                            quantity(&format!("{at}.amount"), v)?;
                            scope.check(&format!("{at}.amount"), v)?
                        }
                        _ => {
                            return Err(Error::invalid(
                                at,
                                "an airdrop moves a serial or an amount (one of them)",
                            ))
                        }
                    }
                    (token, Some(to))
                }
                Action::FungibleTransfer { token, amount, to } => {
                    quantity(&format!("{at}.amount"), amount)?;
                    scope.check(&format!("{at}.amount"), amount)?;
                    (token, Some(to))
                }
            };
            check_symbol(&format!("{at}.token"), token, "tokens")?;
            if let Some(to) = to {
                scope.check(&format!("{at}.to"), &Value::from(to.clone()))?;
            }
            if matches!(action, Action::Mint { .. }) {
                scope.roots.insert("minted".into());
            }
        }
        let min = self.limit.once_per.min_parts();
        if self.limit.key.len() < min {
            return Err(Error::invalid(
                "limit.key",
                format!(
                    "once_per {} takes at least {min} key part(s)",
                    self.limit.once_per.as_str()
                ),
            ));
        }
        for (i, k) in self.limit.key.iter().enumerate() {
            scope.check(&format!("limit.key[{i}]"), &Value::from(k.clone()))?;
        }
        scope.roots.insert("grant".into());
        for (name, v) in &self.outcome.fields {
            scope.check(&format!("outcome.fields.{name}"), v)?;
        }
        Ok(())
    }

    pub fn is_staff(&self) -> bool {
        matches!(self.trigger, Trigger::Staff { .. })
    }
}

/// A serial or amount: a whole number from 1, or a template that gives one at run time.
fn quantity(field: &str, v: &Value) -> Result<()> {
    let ok = match v {
        Value::Number(n) => n.as_u64().is_some_and(|n| n >= 1),
        Value::String(s) => s.contains("{{"),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{v}: a whole number from 1, or a {{{{template}}}}"),
        ))
    }
}

/// serde's "missing field `x`" message, as the field's name.
fn missing_field(reason: &str) -> Option<String> {
    let rest = reason.strip_prefix("missing field `")?;
    Some(rest.split('`').next()?.to_owned())
}

fn check_name(field: &str, name: &str, dotted: bool) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name.chars().all(|c| {
            c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || c == '-'
                || c == '_'
                || (dotted && c == '.')
        });
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            field,
            format!("{name:?}: lower-case letters, digits, - and _ (at most 64)"),
        ))
    }
}

/// A token or account reference: `$tokens.name` (bound by the deployment) or a literal id.
fn check_symbol(field: &str, value: &str, table: &str) -> Result<()> {
    if let Some(rest) = value.strip_prefix('$') {
        let ok = rest
            .strip_prefix(table)
            .and_then(|r| r.strip_prefix('.'))
            .is_some_and(|n| !n.is_empty());
        let org_account = table == "accounts" && rest == "org.account";
        if !ok && !org_account {
            return Err(Error::invalid(
                field,
                format!("{value:?}: expected ${table}.<name> or an entity id"),
            ));
        }
        return Ok(());
    }
    value
        .parse::<loyal_core::id::EntityId>()
        .map(|_| ())
        .map_err(|e| Error::invalid(field, format!("{value:?}: {e}")))
}

/// The template roots bound at a point of the workflow.
#[derive(Default)]
struct Scope {
    roots: std::collections::BTreeSet<String>,
}

impl Scope {
    fn check(&self, field: &str, value: &Value) -> Result<()> {
        for name in template::references(value) {
            let root = name.split('.').next().unwrap_or_default();
            if !self.roots.contains(root) {
                return Err(Error::Unbound {
                    field: field.to_owned(),
                    name,
                });
            }
        }
        Ok(())
    }
}
