//! `cargo xtask demo --journey`: what Alice's steps need before she takes them, seeded by
//! `loyal-agent seed` once the agents are up (the race's other finishers on the ledger, the
//! results file for SuperMarathon's staff page, an order code for her receipt), and the steps.

use crate::run::Result;
use serde_json::Value;
use std::path::Path;

/// The finishers ahead of Alice: she is 250th.
const FINISHERS: &str = "249";

/// Runs the seed; its `seeded` report.
pub fn seed(agent: &Path, deployment: &Path, demo: &Path) -> Result<Value> {
    let results = demo.join("results.csv");
    let out = std::process::Command::new(agent)
        .args(["seed", "--finishers", FINISHERS, "--deployment"])
        .arg(deployment)
        .arg("--out")
        .arg(&results)
        .output()
        .map_err(|e| format!("cannot run loyal-agent seed: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let seeded = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .find(|l| l["event"] == "seeded");
    match seeded {
        Some(s) if out.status.success() => Ok(s),
        _ => Err(format!("loyal-agent seed failed ({}): {text}", out.status)),
    }
}

/// Alice's steps, with the seeded order code and results file.
pub fn steps(seeded: &Value, addr: &str, agent: &Path, deployment: &Path) -> String {
    let s = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
    // The staff pages read the deployment with its lookup tables, as the demo serves it.
    let page = |dir: &str| {
        let file = if dir.ends_with("/staff") {
            "deployment.staff.json"
        } else {
            "deployment.json"
        };
        format!("http://{addr}/{dir}/?deployment=/{file}")
    };
    let order = match seeded["order"]["code"].as_str() {
        Some(code) => format!(
            "redeem order code {code} (twin #{})",
            seeded["order"]["twin_serial"]
        ),
        None => "(every shipped twin is redeemed: start without --state for new ones)".into(),
    };
    let race = &seeded["race"];
    let results = s(&seeded["results"]);
    format!(
        "\nJourney seeded: {} other finishers on the ledger ({} new, {}–{}); Alice {} is {}th, Bob {} is {}th.\n\
         In the wallet, import the devnet's genesis accounts (Alice and Bob), then as Alice:\n\
         \x20 1. FastShoes {}: connect, {order}, then join the challenge.\n\
         \x20 2. SuperMarathon staff {}: Use the devnet key; event \"{}\", date {}; paste {results} ({} rows) into Results; Publish.\n\
         \x20    The results workflow runs in the page (a worker loaded on Publish): a line per row (airdropped, or refused with its code), then a summary.\n\
         \x20    The same action from a shell (same request id: it resumes, nothing is granted twice): {} staff --org SuperMarathon --deployment {} --workflow supermarathon.results --request results-{} --input \"event={}\" --input date={} --input-file results={results}\n\
         \x20 3. SuperMarathon {}: connect and claim the accomplishment waiting for you.\n\
         \x20 4. StillWater {}: connect, present the twin and the accomplishment (two tickets), send one to Bob.\n\
         \x20 5. The venue gate {}: Use the devnet key (admissions are recorded with StillWater's key); type its code as \"Gate code\" on\n\
         \x20    Alice's StillWater page, \"Make my ticket proof\", paste the proof at the gate: admitted once.",
        seeded["finishers"],
        seeded["created"],
        s(&seeded["first"]),
        s(&seeded["last"]),
        s(&seeded["alice"]["account"]),
        seeded["alice"]["position"],
        s(&seeded["bob"]["account"]),
        seeded["bob"]["position"],
        page("fastshoes"),
        page("supermarathon/staff"),
        s(&race["event"]),
        s(&race["date"]),
        seeded["rows"],
        agent.display(),
        deployment.display(),
        s(&race["date"]),
        s(&race["event"]),
        s(&race["date"]),
        page("supermarathon"),
        page("stillwater"),
        page("stillwater/gate"),
    )
}
