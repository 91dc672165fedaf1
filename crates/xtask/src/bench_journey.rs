//! `cargo xtask bench journey`: Alice's journey through the portals with the real wallet
//! extension in its test mode (approvals confirmed without a window), five runs of
//! tests/portals/journey.mjs, each against a devnet of its own on free ports with the
//! organisations' agents, both release builds as `cargo xtask demo` runs them. The figure is
//! the journey's machine time: the sum of the journey's steps in order (buy, redeem,
//! provenance, join, results, claim, tickets, Bob), each from its first click or page load to
//! what the page and the mirror show at its end, including the agents' and the staff's work the
//! step waits on; setup (devnet, browser and wallet, the organisations' setup, the 249 other
//! finishers seeded), the negative paths, the gate and screenshots are timed apart
//! (tests/portals/timeline.mjs). The whole script's wall time is reported for context. Then
//! `bench portals` (each page's cold time to interactive and gzip size). Writes
//! target/bench/journey.json.

use crate::run::{cmd, root, Result};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::process::Stdio;

const RUNS: usize = 5;
const TARGET_SECS: f64 = 10.0;

pub fn run() -> Result {
    crate::install::npm("tests/portals")?;
    crate::install::npm("tests/wallet")?;
    crate::portals::build()?;
    let extension = crate::wallet::build()?;
    let bin = crate::live::release_binaries()?;
    let addr = crate::serve::spawn(root().join("target/www"), "127.0.0.1:0")
        .map_err(|e| format!("cannot serve the portals: {e}"))?;
    let shots = root().join("target/bench/journey-shots");

    let mut timings = Vec::with_capacity(RUNS);
    for i in 0..RUNS {
        let mut node = cmd("node", &["journey.mjs", &format!("http://{addr}")]);
        node.arg(&extension)
            .arg(bin.join("loyal-devnet"))
            .arg(bin.join("loyal-agent"))
            .arg(&shots)
            .arg("--test-mode")
            .current_dir(root().join("tests/portals"))
            .stderr(Stdio::inherit());
        let out = node
            .output()
            .map_err(|e| format!("journey run {}: {e}", i + 1))?;
        let text = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            return Err(format!("journey run {} failed:\n{text}", i + 1));
        }
        let timing = text
            .lines()
            .find_map(|l| l.strip_prefix("timing: "))
            .and_then(|l| serde_json::from_str::<Value>(l).ok())
            .ok_or_else(|| format!("journey run {}: no timing line", i + 1))?;
        println!(
            "  run {}: journey {:.2} s (steps {:.2} s apart), whole script {:.1} s",
            i + 1,
            ms(&timing["journey_ms"]) / 1e3,
            ms(&timing["journey_span_ms"]) / 1e3,
            ms(&timing["script_ms"]) / 1e3
        );
        timings.push(timing);
    }

    let median_of = |f: &dyn Fn(&Value) -> f64| {
        let mut v: Vec<f64> = timings.iter().map(f).collect();
        v.sort_by(f64::total_cmp);
        (v[RUNS / 2], v)
    };
    let (journey, journey_runs) = median_of(&|t| ms(&t["journey_ms"]) / 1e3);
    let (span, _) = median_of(&|t| ms(&t["journey_span_ms"]) / 1e3);
    let (script, script_runs) = median_of(&|t| ms(&t["script_ms"]) / 1e3);
    let mut steps = BTreeMap::new();
    let names: Vec<String> = timings[0]["steps"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["name"].as_str().map(str::to_owned))
        .collect();
    println!("journey: Alice's (and Bob's) steps in headless Chromium, the wallet in test mode, release devnet and agents");
    for name in &names {
        let (m, _) = median_of(&|t| {
            t["steps"]
                .as_array()
                .into_iter()
                .flatten()
                .find(|s| s["name"] == name.as_str())
                .map_or(0.0, |s| ms(&s["ms"]))
        });
        println!("  {name:<11} {m:>7.0} ms");
        steps.insert(name.clone(), m);
    }
    let mut kinds = BTreeMap::new();
    for kind in ["setup", "negative", "gate", "record"] {
        let (m, _) = median_of(&|t| ms(&t["kinds"][kind]));
        kinds.insert(kind, m);
    }
    println!(
        "  journey machine time (sum of the steps): median {journey:.2} s of {RUNS} (min {:.2}, max {:.2}); target < {TARGET_SECS} s: {}",
        journey_runs[0],
        journey_runs[RUNS - 1],
        if journey < TARGET_SECS { "met" } else { "NOT met" }
    );
    println!("  from the first step's start to the last step's end: median {span:.2} s");
    println!(
        "  whole script, for context: median {script:.1} s (setup {:.1} s, negative paths {:.1} s, gate {:.1} s, screenshots {:.1} s)",
        kinds["setup"] / 1e3,
        kinds["negative"] / 1e3,
        kinds["gate"] / 1e3,
        kinds["record"] / 1e3
    );

    crate::portals::bench()?;
    let portals = std::fs::read(root().join("target/bench/portals.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<Value>(&b).ok())
        .unwrap_or(Value::Null);
    let out = root().join("target/bench/journey.json");
    let json = json!({
        "journey_seconds": { "median": journey, "runs": journey_runs, "target": TARGET_SECS },
        "journey_span_seconds": span,
        "step_ms_median": steps,
        "script_seconds": { "median": script, "runs": script_runs },
        "apart_ms_median": kinds,
        "runs": timings,
        "portals": portals,
    });
    std::fs::write(
        &out,
        serde_json::to_vec_pretty(&json).map_err(|e| e.to_string())?,
    )
    .map_err(|e| format!("{}: {e}", out.display()))?;
    println!("  wrote {}", out.display());
    Ok(())
}

fn ms(v: &Value) -> f64 {
    v.as_f64().unwrap_or(0.0)
}
