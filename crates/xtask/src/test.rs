//! `cargo xtask test`: installs what is missing, runs every suite (native Rust, the official JS
//! SDK as a peer, headless Chromium), and ends with one `N passed, N failed` line.

use crate::install;
use crate::run::{cmd, tee, Result};
use std::time::Instant;

/// The crates whose tests also run in Chromium, with the cargo flags of each run: the signing
/// build's features (as `cargo xtask pkg` makes it: ED25519 only, no decoders) are tested as
/// well as the whole, with `std` added because wasm-bindgen-test links it (the shipped
/// signing wasm is `no_std`; tests/pkg/sign.mjs runs that very file).
const BROWSER_RUNS: &[(&str, &[&str])] = &[
    ("loyal-core", &["--lib", "--tests"]),
    ("loyal-core", &["--lib", "--no-default-features"]),
    ("loyal-ipfs", &["--lib", "--tests"]),
    ("loyal-metadata", &["--lib", "--tests"]),
    // The workflow runner the staff pages run (its library tests; the devnet ones are native).
    ("loyal-workflow", &["--lib"]),
    ("loyal-wasm", &["--test", "browser"]),
    (
        "loyal-wasm",
        &[
            "--test",
            "browser",
            "--no-default-features",
            "--features",
            "std",
        ],
    ),
];

#[derive(Default)]
struct Tally {
    passed: u64,
    failed: u64,
    broken_steps: Vec<String>,
}

impl Tally {
    /// Adds every `test result: … N passed; M failed` line; a failed step that reported no
    /// failing test still counts as one failure, so a build error can never look green.
    fn record(&mut self, step: &str, ok: bool, output: &str) {
        let (mut passed, mut failed) = (0, 0);
        for line in output.lines().filter(|l| l.contains("test result:")) {
            passed += count_before(line, " passed");
            failed += count_before(line, " failed");
        }
        self.passed += passed;
        self.failed += failed;
        if !ok && failed == 0 {
            self.failed += 1;
            self.broken_steps.push(step.to_owned());
        }
        eprintln!(
            "xtask: step `{step}`: {passed} passed, {failed} failed{}",
            if ok { "" } else { " (step failed)" }
        );
    }
}

fn count_before(line: &str, label: &str) -> u64 {
    line.find(label)
        .and_then(|end| line[..end].rsplit(|c: char| !c.is_ascii_digit()).next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

pub fn run(args: &[String]) -> Result {
    let started = Instant::now();
    let scratch = scratch_space();
    let mut tally = Tally::default();
    if let Err(e) = install::all() {
        tally.record("install", false, &e);
        return finish(tally, started);
    }
    let filter: Vec<&str> = args.iter().map(String::as_str).collect();

    eprintln!("\nxtask: === native tests (cargo test --workspace) ===");
    let mut native = cmd("cargo", &["test", "--workspace", "--no-fail-fast"]);
    native.args(&filter);
    let (ok, out) = tee(native);
    tally.record("native", ok, &out);

    // Each crate's tests run in Chromium with its own webdriver.json (the runner reads it from
    // the crate directory).
    for (krate, args) in BROWSER_RUNS {
        let flags = args.join(" ");
        eprintln!(
            "\nxtask: === {krate} tests in headless Chromium (wasm-bindgen-test, {flags}) ==="
        );
        let mut wasm = cmd(
            "cargo",
            &[
                "test",
                "-p",
                krate,
                "--target",
                "wasm32-unknown-unknown",
                "--no-fail-fast",
            ],
        );
        wasm.args(*args);
        wasm.env("CHROMEDRIVER", "/usr/bin/chromedriver")
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
        wasm.args(&filter);
        let (ok, out) = tee(wasm);
        tally.record(&format!("{krate} in Chromium ({flags})"), ok, &out);
    }

    live_suites(&mut tally, &filter);
    for (step, ok, out) in crate::wallet::suites() {
        tally.record(&step, ok, &out);
    }
    let _ = std::fs::remove_dir_all(&scratch);
    finish(tally, started)
}

/// Keeps a run's disk use bounded (CI has run out of it): no incremental caches, which a whole
/// run over six configurations only fills (set `CARGO_INCREMENTAL` to keep them), and one
/// temporary directory for everything the run starts, removed at its end. Chromedriver leaves a
/// browser profile of 10–30 MB in the temporary directory per session it serves.
fn scratch_space() -> std::path::PathBuf {
    let scratch = crate::run::root().join("target/test-tmp");
    let _ = std::fs::remove_dir_all(&scratch);
    let _ = std::fs::create_dir_all(&scratch);
    // Set before any thread or child process starts, so every command inherits both.
    std::env::set_var("TMPDIR", &scratch);
    if std::env::var_os("CARGO_INCREMENTAL").is_none() {
        std::env::set_var("CARGO_INCREMENTAL", "0");
    }
    scratch
}

/// Token-ownership proofs through pkg/ (tests/proof): in Node and in a Chromium page, against
/// a devnet of their own on free ports.
fn proofs(tally: &mut Tally) {
    let root = crate::run::root();
    let devnet = crate::run::cargo_target().join("debug/loyal-devnet");
    let mut node = cmd("node", &["proof.mjs"]);
    node.arg(root.join("pkg"))
        .arg(&devnet)
        .current_dir(root.join("tests/proof"));
    let (ok, out) = tee(node);
    tally.record("proofs through the npm package (Node, Chromium)", ok, &out);
}

/// The journey's workflows from Node (tests/workflow): `loyal-agent setup` and one agent per
/// organisation on a devnet of their own, Alice's requests and proofs through pkg/.
fn workflows(tally: &mut Tally) {
    let root = crate::run::root();
    let bin = crate::run::cargo_target().join("debug");
    let mut node = cmd("node", &["journey.mjs"]);
    node.arg(root.join("pkg"))
        .arg(bin.join("loyal-devnet"))
        .arg(bin.join("loyal-agent"))
        .current_dir(root.join("tests/workflow"));
    let (ok, out) = tee(node);
    tally.record("workflows run by loyal-agent, requests from Node", ok, &out);
}

/// The suites that drive a running devnet on its default ports, as a user's page would.
fn live_suites(tally: &mut Tally, filter: &[&str]) {
    eprintln!(
        "\nxtask: === against a live devnet: the npm package and the wasm binding in Chromium ==="
    );
    if let Err(e) = crate::pkg::run() {
        tally.record("pkg build", false, &e);
        return;
    }
    let devnet = match crate::live::LiveDevnet::start() {
        Ok(d) => d,
        Err(e) => {
            tally.record("live devnet", false, &e);
            return;
        }
    };
    let mut wasm = cmd(
        "cargo",
        &[
            "test",
            "-p",
            "loyal-wasm",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "devnet",
            "--no-fail-fast",
        ],
    );
    wasm.env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        .args(filter);
    let (ok, out) = tee(wasm);
    tally.record("loyal-wasm against the devnet in Chromium", ok, &out);

    // The workflow runner in a page: setup, results, redeem and tickets over fetch.
    let mut runner = cmd(
        "cargo",
        &[
            "test",
            "-p",
            "loyal-workflow",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser_runner",
            "--no-fail-fast",
        ],
    );
    runner
        .env("CHROMEDRIVER", "/usr/bin/chromedriver")
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
        // Built for this devnet's default ports, not one named in the caller's environment.
        .env_remove("LOYAL_DEVNET_GRPC_WEB")
        .env_remove("LOYAL_DEVNET_MIRROR")
        .env_remove("LOYAL_DEVNET_IPFS")
        .args(filter);
    let (ok, out) = tee(runner);
    tally.record(
        "loyal-workflow runner against the devnet in Chromium",
        ok,
        &out,
    );

    let mut node = cmd("node", &["run.mjs"]);
    node.current_dir(crate::run::root().join("tests/pkg"));
    let (ok, out) = tee(node);
    tally.record("npm package (pack, install, README example, tsc)", ok, &out);
    proofs(tally);
    workflows(tally);

    let mut page = cmd("node", &["pkg-page.mjs"]);
    page.arg(crate::run::root().join("pkg"))
        .current_dir(crate::run::root().join("tests/console"));
    let (ok, out) = tee(page);
    tally.record("npm package unbundled in a page (Chromium)", ok, &out);

    let mut vite = cmd("node", &["vite-shake.mjs"]);
    vite.arg(crate::run::root().join("pkg"))
        .current_dir(crate::run::root().join("tests/console"));
    let (ok, out) = tee(vite);
    tally.record(
        "npm package in a Vite build, wasm shaken (Chromium)",
        ok,
        &out,
    );

    match crate::portals::build() {
        Ok(()) => {
            let root = crate::run::root();
            match crate::serve::spawn(root.join("target/www"), "127.0.0.1:0") {
                Ok(addr) => {
                    let shot = root.join("target/console/console.png");
                    let _ = std::fs::create_dir_all(shot.parent().unwrap());
                    let mut node =
                        cmd("node", &["console.mjs", &format!("http://{addr}/console/")]);
                    node.arg(&shot).current_dir(root.join("tests/console"));
                    let (ok, out) = tee(node);
                    tally.record("network console page (Playwright)", ok, &out);
                    eprintln!("xtask: console screenshot: {}", shot.display());
                    portals(tally, &format!("http://{addr}"));
                }
                Err(e) => tally.record("serve portals", false, &e.to_string()),
            }
        }
        Err(e) => tally.record("portals build (Trunk)", false, &e),
    }
    drop(devnet);
}

/// The brand portals (tests/portals), each script against a devnet of its own on free ports.
fn portals(tally: &mut Tally, base: &str) {
    let root = crate::run::root();
    let devnet = crate::run::cargo_target().join("debug/loyal-devnet");
    let shots = root.join("target/portals");
    for (script, step) in [
        ("portals.mjs", "brand portals (Playwright)"),
        (
            "xss.mjs",
            "portals: hostile metadata on every page (Playwright)",
        ),
    ] {
        let mut node = cmd("node", &[script, base]);
        node.arg(&devnet)
            .arg(&shots)
            .current_dir(root.join("tests/portals"));
        let (ok, out) = tee(node);
        tally.record(step, ok, &out);
    }
    eprintln!("xtask: portal screenshots: {}", shots.display());

    // Alice's journey with the real wallet extension (built by the wallet suites before).
    let extension = crate::wallet::dir();
    let built = if extension.join("loyal_wallet_bg.wasm").exists() {
        Ok(extension)
    } else {
        crate::wallet::build()
    };
    match built {
        Ok(extension) => {
            let journey = root.join("target/journey");
            // loyal-agent as the native tests built it (crates/agent has integration tests).
            let agent = crate::run::cargo_target().join("debug/loyal-agent");
            let mut node = cmd("node", &["journey.mjs", base]);
            node.arg(&extension)
                .arg(&devnet)
                .arg(&agent)
                .arg(&journey)
                .current_dir(root.join("tests/portals"));
            let (ok, out) = tee(node);
            tally.record(
                "portals: the journey with the wallet extension (Playwright)",
                ok,
                &out,
            );
            eprintln!("xtask: journey screenshots: {}", journey.display());
        }
        Err(e) => tally.record("wallet extension build", false, &e),
    }
}

fn finish(tally: Tally, started: Instant) -> Result {
    eprintln!(
        "xtask: test run took {:.0} s",
        started.elapsed().as_secs_f64()
    );
    if !tally.broken_steps.is_empty() {
        eprintln!(
            "xtask: steps that failed outright: {}",
            tally.broken_steps.join(", ")
        );
    }
    println!("{} passed, {} failed", tally.passed, tally.failed);
    if tally.failed == 0 {
        Ok(())
    } else {
        Err(format!("{} test(s) failed", tally.failed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_cargo_and_wasm_bindgen_summaries() {
        let mut t = Tally::default();
        t.record("a", true, "test result: ok. 18 passed; 0 failed; 0 ignored\nnoise\ntest result: FAILED. 3 passed; 2 failed; 0 ignored");
        assert_eq!((t.passed, t.failed), (21, 2));
        t.record("b", false, "error[E0308]: mismatched types");
        assert_eq!((t.passed, t.failed), (21, 3));
        assert_eq!(t.broken_steps, vec!["b"]);
    }
}
