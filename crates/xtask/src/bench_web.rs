//! `cargo xtask bench bundle` and `cargo xtask bench browser`: the same minimal app (build,
//! sign and serialize one TokenMint: tests/bench/app-ours.mjs, app-sdk.mjs) bundled by esbuild
//! (minified) with pkg/ and with @hashgraph/sdk — bytes raw and gzip (-9), JS plus wasm — and
//! the time from navigation start to the first signed transaction in headless Chromium.

use crate::bench_sign::number;
use crate::install;
use crate::run::{cmd, output, root, status, Result};
use std::path::{Path, PathBuf};

fn gzip_len(path: &Path) -> Result<u64> {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("gzip -9 -c '{}' | wc -c", path.display()))
        .output()
        .map_err(|e| e.to_string())?;
    String::from_utf8_lossy(&out.stdout)
        .trim()
        .parse()
        .map_err(|e| format!("gzip: {e}"))
}

fn len(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

/// Bundles both apps into target/bench/apps with their pages; returns the directory.
fn bundle_apps() -> Result<PathBuf> {
    install::npm("tests/bench")?;
    crate::pkg::run()?;
    let root = root();
    let bench = root.join("tests/bench");
    let out = root.join("target/bench/apps");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    for app in ["ours", "sdk"] {
        let mut esbuild = cmd(
            bench.join("node_modules/.bin/esbuild").to_str().unwrap(),
            &[
                &format!("app-{app}.mjs"),
                "--bundle",
                "--minify",
                "--format=esm",
                "--platform=browser",
                "--target=es2022",
                "--log-level=error",
                "--define:global=globalThis",
                "--alias:@hashgraph/sdk=./node_modules/@hashgraph/sdk/lib/browser.js",
            ],
        );
        esbuild
            .arg(format!(
                "--outfile={}",
                out.join(format!("{app}.js")).display()
            ))
            .current_dir(&bench);
        status(esbuild)?;
        let page = format!(
            "<!doctype html><meta charset=utf-8><title>{app}</title><script type=module src=\"{app}.js\"></script>\n"
        );
        std::fs::write(out.join(format!("{app}.html")), page).map_err(|e| e.to_string())?;
    }
    // The bundle loads the wasm from next to itself (import.meta.url).
    std::fs::create_dir_all(out.join("dist")).map_err(|e| e.to_string())?;
    std::fs::copy(
        root.join("pkg/dist/loyal_wasm_bg.wasm"),
        out.join("dist/loyal_wasm_bg.wasm"),
    )
    .map_err(|e| e.to_string())?;
    Ok(out)
}

pub fn bundle() -> Result {
    let out = bundle_apps()?;
    let (ours_js, sdk_js, wasm) = (
        out.join("ours.js"),
        out.join("sdk.js"),
        out.join("dist/loyal_wasm_bg.wasm"),
    );
    let ours_raw = len(&ours_js) + len(&wasm);
    let ours_gz = gzip_len(&ours_js)? + gzip_len(&wasm)?;
    let (sdk_raw, sdk_gz) = (len(&sdk_js), gzip_len(&sdk_js)?);
    println!("bundle: build + sign + serialize one TokenMint, esbuild --minify");
    println!(
        "  @loyal/hedera   JS {:>9} B + wasm {:>9} B = {:>9} B raw, {:>8} B gzip",
        len(&ours_js),
        len(&wasm),
        ours_raw,
        ours_gz
    );
    println!(
        "  @hashgraph/sdk  JS {sdk_raw:>9} B                   = {sdk_raw:>9} B raw, {sdk_gz:>8} B gzip  (anchor, same run)"
    );
    println!(
        "  ours / SDK: {:.2} raw, {:.2} gzip (target: <= 30,000 B gzip for ours)",
        ours_raw as f64 / sdk_raw as f64,
        ours_gz as f64 / sdk_gz as f64
    );
    let json = format!(
        "{{\n  \"name\": \"bundle\",\n  \"ours_js_bytes\": {},\n  \"ours_wasm_bytes\": {},\n  \"ours_raw_bytes\": {ours_raw},\n  \"ours_gzip_bytes\": {ours_gz},\n  \"sdk_raw_bytes\": {sdk_raw},\n  \"sdk_gzip_bytes\": {sdk_gz},\n  \"ratio_raw\": {:.4},\n  \"ratio_gzip\": {:.4},\n  \"target_gzip_bytes\": 30000\n}}\n",
        len(&ours_js),
        len(&wasm),
        ours_raw as f64 / sdk_raw as f64,
        ours_gz as f64 / sdk_gz as f64
    );
    write("bundle", &json)
}

pub fn browser() -> Result {
    let out = bundle_apps()?;
    let mut node = cmd("node", &["first-signed.mjs", out.to_str().unwrap(), "7"]);
    node.current_dir(root().join("tests/bench"));
    let page = output(node).ok_or("the first-signed benchmark failed (run node tests/bench/first-signed.mjs target/bench/apps)")?;
    let (ours, sdk) = (number(&page, "ours_ms")?, number(&page, "sdk_ms")?);
    println!("browser: navigation start to first signed TokenMint, headless Chromium, median of 7 fresh contexts");
    println!("  @loyal/hedera   {ours:>8.1} ms");
    println!("  @hashgraph/sdk  {sdk:>8.1} ms  (anchor, same run)");
    println!("  SDK / ours: {:.2}x", sdk / ours);
    let json = format!(
        "{{\n  \"name\": \"browser\",\n  \"ours_first_signed_ms\": {ours:.2},\n  \"sdk_first_signed_ms\": {sdk:.2},\n  \"ratio_sdk_over_ours\": {:.3},\n  \"runs\": {page}\n}}\n",
        sdk / ours
    );
    write("browser", &json)
}

fn write(name: &str, json: &str) -> Result {
    let path = root().join(format!("target/bench/{name}.json"));
    std::fs::create_dir_all(path.parent().unwrap()).map_err(|e| e.to_string())?;
    std::fs::write(&path, json).map_err(|e| e.to_string())?;
    println!("  wrote {}", path.display());
    Ok(())
}
