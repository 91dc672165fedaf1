//! `cargo xtask bench sign`: build+sign+serialize an NFT TokenMint, in transactions per second,
//! for the core natively, the core as wasm in headless Chromium — the fast kernel (profile
//! `wasm-fast`, base-point tables) and the configuration pkg/ ships (profile `wasm`, no
//! tables) — and the official JS SDK in the same page of the same run (the anchor). Writes
//! target/bench/sign.json.

use crate::install;
use crate::run::{cmd, output, root, status, Result};

pub fn run() -> Result {
    install::rust_target()?;
    install::apt()?;
    install::wasm_bindgen_cli()?;
    install::npm("tests/bench")?;
    let root = root();
    let web = root.join("target/bench/web");
    std::fs::create_dir_all(web.join("pkg")).map_err(|e| e.to_string())?;

    eprintln!("xtask: building the native and wasm kernels");
    status(cmd(
        "cargo",
        &[
            "build",
            "--release",
            "-q",
            "-p",
            "loyal-bench",
            "--bin",
            "sign_native",
        ],
    ))?;
    // (profile, cargo flags, directory the page imports it from)
    let kernels: [(&str, &[&str], &str); 2] = [
        ("wasm-fast", &[], "pkg"),
        (
            "wasm",
            &["--no-default-features", "--features", "shipped"],
            "pkg-shipped",
        ),
    ];
    for (profile, flags, dir) in kernels {
        crate::wasm::build_and_bind("loyal-bench", profile, flags, &web.join(dir))?;
    }
    let bench = root.join("tests/bench");
    std::fs::copy(bench.join("index.html"), web.join("index.html")).map_err(|e| e.to_string())?;
    let mut esbuild = cmd(
        bench.join("node_modules/.bin/esbuild").to_str().unwrap(),
        &[
            "sdk-sign.mjs",
            "--bundle",
            "--minify",
            "--format=esm",
            "--platform=browser",
            "--define:global=globalThis",
            // The SDK's `exports` map has no browser condition; its browser entry is this file.
            "--alias:@hashgraph/sdk=./node_modules/@hashgraph/sdk/lib/browser.js",
        ],
    );
    esbuild
        .arg(format!("--outfile={}", web.join("sdk.js").display()))
        .current_dir(&bench);
    status(esbuild)?;

    eprintln!("xtask: native run");
    let native = output(cmd(
        crate::run::cargo_target()
            .join("release/sign_native")
            .to_str()
            .unwrap(),
        &[],
    ))
    .ok_or("the native sign benchmark failed")?;
    let native_rate = number(&native, "tx_per_sec")?;

    eprintln!("xtask: Chromium run (core wasm and @hashgraph/sdk in one page)");
    let mut node = cmd("node", &["sign.mjs", web.to_str().unwrap(), "6000"]);
    node.current_dir(&bench);
    let page = output(node).ok_or("the browser sign benchmark failed (run `node tests/bench/sign.mjs target/bench/web` to see why)")?;
    let wasm_rate = number(&page, "wasm_tx_per_sec")?;
    let shipped_rate = number(&page, "shipped_tx_per_sec")?;
    let sdk_rate = number(&page, "sdk_tx_per_sec")?;
    let browser = page
        .split("\"browser\":\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("?");

    let ratio = wasm_rate / sdk_rate;
    println!("sign: build + sign (ED25519) + serialize one NFT TokenMint");
    println!("  core, native             {native_rate:>12.0} tx/s");
    println!(
        "  core, wasm in Chromium   {wasm_rate:>12.0} tx/s   (fast kernel: tables, crypto at -O3)"
    );
    println!(
        "  core, wasm as pkg/ ships {shipped_rate:>12.0} tx/s   (no tables, opt-level z; {:.1} x the SDK)",
        shipped_rate / sdk_rate
    );
    println!("  @hashgraph/sdk, Chromium {sdk_rate:>12.1} tx/s   (anchor, same page, same run)");
    println!("  wasm / SDK               {ratio:>12.1} x   (target >= 100 x)");
    let json = format!(
        "{{\n  \"name\": \"sign\",\n  \"unit\": \"tx_per_sec\",\n  \"native_tx_per_sec\": {native_rate:.1},\n  \"wasm_chromium_tx_per_sec\": {wasm_rate:.1},\n  \"wasm_shipped_chromium_tx_per_sec\": {shipped_rate:.1},\n  \"ratio_shipped_over_sdk\": {:.2},\n  \"sdk_chromium_tx_per_sec\": {sdk_rate:.2},\n  \"ratio_wasm_over_sdk\": {ratio:.2},\n  \"ratio_native_over_sdk\": {:.2},\n  \"target_ratio\": 100,\n  \"chromium\": \"{browser}\"\n}}\n",
        shipped_rate / sdk_rate,
        native_rate / sdk_rate
    );
    let out = root.join("target/bench/sign.json");
    std::fs::write(&out, json).map_err(|e| e.to_string())?;
    println!("  wrote {}", out.display());
    Ok(())
}

pub fn number(json: &str, key: &str) -> Result<f64> {
    json.split(&format!("\"{key}\":"))
        .nth(1)
        .and_then(|rest| rest.trim_start().split([',', '}']).next())
        .and_then(|n| n.trim().parse().ok())
        .ok_or_else(|| format!("no {key} in {json}"))
}
