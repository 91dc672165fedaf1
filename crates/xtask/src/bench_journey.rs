//! `cargo xtask bench journey`: Alice's whole journey through the portals with the real wallet
//! extension (tests/portals/journey.mjs: a devnet of its own, `loyal-agent setup` and agents,
//! every step and every negative path, approval windows clicked by Playwright as soon as they
//! open), wall time median of 5; then `bench portals` (each page's cold time to interactive and
//! gzip size against the landing page). Writes target/bench/journey.json.

use crate::run::{cmd, root, status, Result};
use std::time::Instant;

const RUNS: usize = 5;
const TARGET_SECS: f64 = 10.0;

pub fn run() -> Result {
    crate::install::npm("tests/portals")?;
    crate::install::npm("tests/wallet")?;
    crate::portals::build()?;
    let extension = crate::wallet::build()?;
    let devnet = crate::live::devnet_binary()?;
    status(cmd("cargo", &["build", "-q", "-p", "loyal-agent"]))?;
    let agent = crate::run::cargo_target().join("debug/loyal-agent");
    let addr = crate::serve::spawn(root().join("target/www"), "127.0.0.1:0")
        .map_err(|e| format!("cannot serve the portals: {e}"))?;
    let shots = root().join("target/bench/journey-shots");

    let mut secs = Vec::with_capacity(RUNS);
    for i in 0..RUNS {
        let mut node = cmd("node", &["journey.mjs", &format!("http://{addr}")]);
        node.arg(&extension)
            .arg(&devnet)
            .arg(&agent)
            .arg(&shots)
            .current_dir(root().join("tests/portals"))
            .stdout(std::process::Stdio::null());
        let started = Instant::now();
        status(node).map_err(|e| format!("journey run {}: {e}", i + 1))?;
        secs.push(started.elapsed().as_secs_f64());
    }
    secs.sort_by(f64::total_cmp);
    let median = secs[RUNS / 2];
    println!("journey: Alice's whole journey in headless Chromium with the real extension");
    println!("         (devnet start, setup, every step and negative path, approvals clicked)");
    println!(
        "  median {median:.1} s of {RUNS} (min {:.1}, max {:.1}); target < {TARGET_SECS} s: {}",
        secs[0],
        secs[RUNS - 1],
        if median < TARGET_SECS { "met" } else { "NOT met" }
    );

    crate::portals::bench()?;
    let portals = std::fs::read(root().join("target/bench/portals.json"))
        .ok()
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
        .unwrap_or(serde_json::Value::Null);
    let out = root().join("target/bench/journey.json");
    let json = serde_json::json!({
        "journey_seconds": { "median": median, "runs": secs, "target": TARGET_SECS },
        "portals": portals,
    });
    std::fs::write(&out, serde_json::to_vec_pretty(&json).map_err(|e| e.to_string())?)
        .map_err(|e| format!("{}: {e}", out.display()))?;
    println!("  wrote {}", out.display());
    Ok(())
}
