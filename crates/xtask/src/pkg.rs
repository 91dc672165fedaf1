//! `cargo xtask pkg`: builds the npm package in pkg/ — the `wasm` profile build of
//! loyal-wasm and the pinned wasm-bindgen CLI (`--target web`) — into pkg/dist/, and prints
//! the sizes.

use crate::install;
use crate::run::{cmd, root, status, Result};

pub fn run() -> Result {
    install::rust_target()?;
    install::apt()?;
    install::wasm_bindgen_cli()?;
    let root = root();
    eprintln!("xtask: building loyal-wasm (profile wasm)");
    status(cmd(
        "cargo",
        &[
            "build",
            "-q",
            "-p",
            "loyal-wasm",
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            "wasm",
        ],
    ))?;
    let dist = root.join("pkg/dist");
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    let wasm = root.join("target/wasm32-unknown-unknown/wasm/loyal_wasm.wasm");
    status(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--out-dir",
            dist.to_str().unwrap(),
            wasm.to_str().unwrap(),
        ],
    ))?;
    // No wasm-opt: Debian's binaryen 108 turns wasm-bindgen 0.2.130's externref table into
    // one the glue cannot initialise ("function-typed object must be null", in Node and
    // Chromium alike), with any feature flags tried. LTO at opt-level "z" does the shrinking.
    let bg = dist.join("loyal_wasm_bg.wasm");
    let size = |p: &std::path::Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    println!(
        "pkg: @loyal/hedera ({} B wasm, {} B JS glue) -> {}",
        size(&bg),
        size(&dist.join("loyal_wasm.js")),
        dist.display()
    );
    Ok(())
}
