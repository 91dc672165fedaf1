//! The shipped definitions against the JSON Schema (Python's `jsonschema`, pinned in
//! tests/mirror) and the Rust parser; bad definitions refused by both, the parser's errors
//! naming the field.

use loyal_workflow::{Workflow, JOURNEY};
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Each document's first schema error (`None`: valid).
fn schema_errors(docs: &[(String, Value)]) -> serde_json::Map<String, Value> {
    // LOYAL_SCHEMA_PYTHON: another interpreter with the same pinned jsonschema.
    let python = std::env::var_os("LOYAL_SCHEMA_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../../tests/mirror/.venv/bin/python"));
    assert!(
        python.exists(),
        "{} missing: run `cargo xtask install` (it creates tests/mirror/.venv)",
        python.display()
    );
    let request = json!({
        "schema": root().join("schema/workflow.schema.json"),
        "documents": docs.iter().cloned().collect::<serde_json::Map<_, _>>(),
    });
    let mut child = Command::new(python)
        .arg(root().join("schema/validate.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(request.to_string().as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "validate.py failed");
    serde_json::from_slice(&out.stdout).unwrap()
}

fn shipped() -> Vec<(String, Value)> {
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(root().join("workflows")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        docs.push((
            name,
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap(),
        ));
    }
    docs.sort_by(|a, b| a.0.cmp(&b.0));
    docs
}

#[test]
fn every_shipped_definition_is_valid_for_the_schema_and_the_parser() {
    let docs = shipped();
    assert_eq!(docs.len(), 4, "the journey's four workflows");
    for (name, verdict) in schema_errors(&docs) {
        assert!(verdict.is_null(), "{name}: {verdict}");
    }
    for (name, doc) in &docs {
        let w = Workflow::from_json(doc.to_string().as_bytes())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(format!("{}.json", w.id), *name);
        // What the crate embeds is what is on disk.
        let embedded = JOURNEY.iter().find(|(id, _)| *id == w.id).unwrap().1;
        assert_eq!(serde_json::from_str::<Value>(embedded).unwrap(), *doc);
        // Serialization round-trips.
        assert_eq!(Workflow::from_json(w.to_json().as_bytes()).unwrap(), w);
    }
}

/// A shipped definition with one change.
fn variant(file: &str, change: impl FnOnce(&mut Value)) -> Value {
    let mut doc = shipped().into_iter().find(|(n, _)| n == file).unwrap().1;
    change(&mut doc);
    doc
}

#[test]
fn bad_definitions_are_refused_by_schema_and_parser_naming_the_field() {
    let tickets = "stillwater.tickets.json";
    let results = "supermarathon.results.json";
    // (case, document, parser error code, field the parser names, refused by the schema too)
    let cases: Vec<(&str, Value, &str, &str, bool)> = vec![
        (
            "missing limit",
            variant(tickets, |d| {
                d.as_object_mut().unwrap().remove("limit");
            }),
            "WORKFLOW_MISSING_FIELD",
            "limit",
            true,
        ),
        (
            "missing action token",
            variant(tickets, |d| {
                d["actions"][0].as_object_mut().unwrap().remove("token");
            }),
            "WORKFLOW_MISSING_FIELD",
            "actions[0]",
            true,
        ),
        (
            "unknown action",
            variant(tickets, |d| d["actions"][0]["type"] = json!("burn")),
            "WORKFLOW_INVALID_FIELD",
            "actions[0]",
            true,
        ),
        (
            "unknown field",
            variant(tickets, |d| d["actions"][0]["memo"] = json!("x")),
            "WORKFLOW_INVALID_FIELD",
            "actions[0]",
            true,
        ),
        (
            "bad token symbol",
            variant(tickets, |d| d["proofs"][0]["token"] = json!("$twin")),
            "WORKFLOW_INVALID_FIELD",
            "proofs[0].token",
            true,
        ),
        (
            "bad predicate",
            variant(tickets, |d| d["proofs"][1]["where"] = json!(["position"])),
            "WORKFLOW_INVALID_FIELD",
            "proofs[1].where[0]",
            true,
        ),
        (
            "pair with one part",
            variant(tickets, |d| {
                d["limit"]["key"] = json!(["{{proof.twin.nft}}"])
            }),
            "WORKFLOW_INVALID_FIELD",
            "limit.key",
            true,
        ),
        (
            "once_per unknown",
            variant(tickets, |d| d["limit"]["once_per"] = json!("day")),
            "WORKFLOW_INVALID_FIELD",
            "limit.once_per",
            true,
        ),
        (
            "version 2",
            variant(tickets, |d| d["version"] = json!(2)),
            "WORKFLOW_INVALID_FIELD",
            "version",
            true,
        ),
        (
            "amount negative",
            variant(tickets, |d| d["actions"][0]["amount"] = json!(-2)),
            "WORKFLOW_INVALID_FIELD",
            "actions[0]",
            true,
        ),
        (
            "csv without columns",
            variant(results, |d| {
                d["trigger"]["inputs"]["results"]
                    .as_object_mut()
                    .unwrap()
                    .remove("columns");
            }),
            "WORKFLOW_MISSING_FIELD",
            "trigger.inputs.results.columns",
            true,
        ),
        (
            "airdrop of nothing",
            variant(results, |d| {
                d["actions"][1].as_object_mut().unwrap().remove("serial");
            }),
            "WORKFLOW_INVALID_FIELD",
            "actions[1]",
            true,
        ),
        (
            "more actions than a claim's ids",
            variant(tickets, |d| {
                let one = d["actions"][0].clone();
                d["actions"] = Value::Array(vec![one; 101]);
            }),
            "WORKFLOW_INVALID_FIELD",
            "actions",
            true,
        ),
        // What only the parser can see: names that nothing binds.
        (
            "unbound template",
            variant(tickets, |d| {
                d["actions"][0]["to"] = json!("{{customer.account}}")
            }),
            "WORKFLOW_UNBOUND",
            "actions[0].to",
            false,
        ),
        (
            "minted before a mint",
            variant(tickets, |d| {
                d["outcome"]["fields"]["nft"] = json!("{{minted.nft}}")
            }),
            "WORKFLOW_UNBOUND",
            "outcome.fields.nft",
            false,
        ),
        (
            "where on a missing column",
            variant(results, |d| d["each"]["where"] = json!(["rank <= 5"])),
            "WORKFLOW_INVALID_FIELD",
            "each.where[0]",
            false,
        ),
        (
            "proof on a staff action",
            variant(results, |d| {
                d["proofs"] = json!([{"name": "x", "token": "0.0.5", "kind": "nft"}])
            }),
            "WORKFLOW_INVALID_FIELD",
            "proofs",
            false,
        ),
    ];
    let docs: Vec<(String, Value)> = cases
        .iter()
        .map(|(n, d, ..)| (n.to_string(), d.clone()))
        .collect();
    let verdicts = schema_errors(&docs);
    for (name, doc, code, field, schema_refuses) in &cases {
        let err = Workflow::from_json(doc.to_string().as_bytes()).expect_err(name);
        assert_eq!(err.code(), *code, "{name}: {err}");
        assert!(
            err.to_string().starts_with(field),
            "{name}: {err:?} should name {field}"
        );
        if *schema_refuses {
            assert!(!verdicts[*name].is_null(), "{name}: the schema accepted it");
        }
    }
    // Not JSON at all.
    assert_eq!(
        Workflow::from_json(b"{").unwrap_err().code(),
        "WORKFLOW_INVALID_FIELD"
    );
}
