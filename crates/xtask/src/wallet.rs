//! `cargo xtask wallet`: the unpacked Manifest V3 extension in `target/wallet/extension/`
//! (load it from chrome://extensions → "Load unpacked"): the service worker's wasm
//! (`crates/wallet`, `--profile wasm`, bound with wasm-bindgen `--target web`, which a module
//! service worker imports), the approval page's wasm in `display/` (the same crate with
//! `--no-default-features --features display`: decoding for display, no key), and the static
//! files in `crates/wallet/extension/`.

use crate::run::{root, Result};
use std::path::PathBuf;

pub fn dir() -> PathBuf {
    root().join("target/wallet/extension")
}

/// Builds the extension; returns its directory.
pub fn build() -> Result<PathBuf> {
    let out = dir();
    let _ = std::fs::remove_dir_all(&out);
    crate::wasm::build_and_bind("loyal-wallet", "wasm", &[], &out)?;
    crate::wasm::build_and_bind(
        "loyal-wallet",
        "wasm",
        &["--no-default-features", "--features", "display"],
        &out.join("display"),
    )?;
    let src = root().join("crates/wallet/extension");
    for entry in std::fs::read_dir(&src).map_err(|e| format!("{}: {e}", src.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        std::fs::copy(entry.path(), out.join(entry.file_name()))
            .map_err(|e| format!("{}: {e}", entry.path().display()))?;
    }
    Ok(out)
}

pub fn run() -> Result {
    let out = build()?;
    let size = |path: &str| {
        std::fs::metadata(out.join(path))
            .map(|m| m.len())
            .map_err(|e| format!("{path}: {e}"))
    };
    println!(
        "Wallet extension (unpacked): {}  (service worker wasm {} B, approval page wasm {} B)",
        out.display(),
        size("loyal_wallet_bg.wasm")?,
        size("display/loyal_wallet_bg.wasm")?
    );
    println!("{}", how_to_load(&out));
    Ok(())
}

pub fn how_to_load(out: &std::path::Path) -> String {
    format!(
        "Load it: chrome://extensions → Developer mode → Load unpacked → {}\n  then open its popup: create a passphrase, \"Import the devnet's genesis accounts\" (devnet is the default network).",
        out.display()
    )
}

/// The extension's suites for `cargo xtask test`, each `(step, ok, output)`: the Playwright
/// journey and the connector in pkg/, each against a devnet of its own on port 0 (the debug
/// binary the native tests built).
pub fn suites() -> Vec<(String, bool, String)> {
    eprintln!(
        "\nxtask: === the wallet extension in Chromium (Playwright, its own devnet on port 0) ==="
    );
    let ext = match build() {
        Ok(dir) => dir,
        Err(e) => return vec![("wallet extension build".into(), false, e)],
    };
    let devnet = match crate::live::devnet_binary() {
        Ok(path) => path,
        Err(e) => return vec![("devnet build".into(), false, e)],
    };
    let shots = root().join("target/wallet/screenshots");
    let mut node = crate::run::cmd("node", &["journey.mjs"]);
    node.arg(&ext)
        .arg(&devnet)
        .arg(&shots)
        .current_dir(root().join("tests/wallet"));
    let (ok, out) = crate::run::tee(node);
    eprintln!("xtask: approval window screenshots: {}", shots.display());
    let mut steps = vec![("wallet extension journey (Playwright)".into(), ok, out)];
    // The connector imports pkg/ as built by `cargo xtask pkg` (the live suites build it first).
    let mut node = crate::run::cmd("node", &["connector.mjs"]);
    node.arg(&ext)
        .arg(&devnet)
        .arg(root())
        .current_dir(root().join("tests/wallet"));
    let (ok, out) = crate::run::tee(node);
    steps.push((
        "wallet connector in @loyal/hedera (Playwright)".into(),
        ok,
        out,
    ));
    steps
}

/// `cargo xtask bench wallet`: tests/wallet/bench.mjs against the freshly built extension and
/// a devnet on port 0; prints the figures and writes target/bench/wallet.json.
pub fn bench() -> Result {
    crate::install::npm("tests/wallet")?;
    let ext = build()?;
    let devnet = crate::live::devnet_binary()?;
    let out = root().join("target/bench/wallet.json");
    std::fs::create_dir_all(out.parent().unwrap()).map_err(|e| e.to_string())?;
    let mut node = crate::run::cmd("node", &["bench.mjs"]);
    node.arg(&ext)
        .arg(&devnet)
        .arg(&out)
        .current_dir(root().join("tests/wallet"));
    crate::run::status(node)?;
    println!("  wrote {}", out.display());
    Ok(())
}
