//! `cargo xtask bench proofs`: token-ownership proofs verified per second in headless Chromium
//! (one page, one thread) with the mirror's answers cached — the `lp1.` text decoded, the policy
//! checked, the HIP-820 signature verified against the holder's key — for ED25519 and ECDSA,
//! 100 proofs by 100 holders with a key each, by loyal-proof as wasm (profile `wasm-fast` with
//! the base-point tables, and `wasm` without, as pkg/ ships it; in the fast build also with
//! ed25519-dalek's `verify_strict` as before `loyal_proof::ed25519`, and with every key parsed
//! from the mirror's hex again) and, as the anchor in the same page and run, by
//! @hashgraph/sdk verifying the same signatures. Writes target/bench/proofs.json.

use crate::bench_sign::number;
use crate::install;
use crate::run::{cmd, output, root, status, Result};

pub fn run() -> Result {
    install::rust_target()?;
    install::apt()?;
    install::wasm_bindgen_cli()?;
    install::npm("tests/bench")?;
    let root = root();
    let web = root.join("target/bench/proofs-web");
    std::fs::create_dir_all(&web).map_err(|e| e.to_string())?;
    eprintln!("xtask: building the proof kernels (wasm-fast, wasm)");
    let kernels: [(&str, &str, &str); 2] = [
        ("wasm-fast", "bench-kernel,precomputed-tables", "fast"),
        ("wasm", "bench-kernel", "shipped"),
    ];
    for (profile, features, dir) in kernels {
        crate::wasm::build_and_bind(
            "loyal-proof",
            profile,
            &["--features", features],
            &web.join(dir),
        )?;
    }
    let bench = root.join("tests/bench");
    std::fs::copy(bench.join("proofs.html"), web.join("index.html")).map_err(|e| e.to_string())?;
    let mut esbuild = cmd(
        bench.join("node_modules/.bin/esbuild").to_str().unwrap(),
        &[
            "sdk-proofs.mjs",
            "--bundle",
            "--minify",
            "--format=esm",
            "--platform=browser",
            "--define:global=globalThis",
            "--alias:@hashgraph/sdk=./node_modules/@hashgraph/sdk/lib/browser.js",
        ],
    );
    esbuild
        .arg(format!("--outfile={}", web.join("sdk-proofs.js").display()))
        .current_dir(&bench);
    status(esbuild)?;

    eprintln!("xtask: Chromium run (loyal-proof wasm and @hashgraph/sdk in one page)");
    let mut node = cmd("node", &["sign.mjs", web.to_str().unwrap(), "12000"]);
    node.current_dir(&bench);
    let page = output(node).ok_or(
        "the proofs benchmark failed (run `node tests/bench/sign.mjs target/bench/proofs-web` to see why)",
    )?;
    let browser = page
        .split("\"browser\":\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap_or("?")
        .to_owned();
    println!("proofs: verified per second in headless Chromium, mirror answers cached");
    println!(
        "        (lp1. text decoded, policy checked, HIP-820 signature against the holder's key)"
    );
    let mut json = String::from("{\n  \"name\": \"proofs\",\n  \"unit\": \"proofs_per_sec\",\n");
    for alg in ["ed25519", "ecdsa"] {
        let fast = number(&page, &format!("{alg}_wasm_per_sec"))?;
        let dalek = number(&page, &format!("{alg}_dalek_strict_per_sec"))?;
        let fresh = number(&page, &format!("{alg}_fresh_keys_per_sec"))?;
        let twice = number(&page, &format!("{alg}_first_two_uses_per_sec"))?;
        let shipped = number(&page, &format!("{alg}_shipped_per_sec"))?;
        let sdk = number(&page, &format!("{alg}_sdk_per_sec"))?;
        let decode = number(&page, &format!("{alg}_decode_per_sec"))?;
        let label = alg.to_uppercase();
        println!(
            "  {label:<8} loyal-proof, wasm-fast   {fast:>10.0} /s   ({:.1} x the SDK)",
            fast / sdk
        );
        println!(
            "  {label:<8} ..., fresh keys          {fresh:>10.0} /s   ({:.1} x the SDK; keys parsed from hex too)",
            fresh / sdk
        );
        if alg == "ed25519" {
            println!(
                "  {label:<8} ..., a key's first 2 uses {:>8.1} µs a proof (decoded once, verified twice: the 2nd builds the key's comb)",
                1e6 / twice
            );
        }
        println!(
            "  {label:<8} ..., dalek verify_strict {dalek:>10.0} /s   ({:.1} x the SDK; the path before loyal_proof::ed25519)",
            dalek / sdk
        );
        println!(
            "  {label:<8} loyal-proof, as shipped  {shipped:>10.0} /s   ({:.1} x the SDK)",
            shipped / sdk
        );
        println!("  {label:<8} @hashgraph/sdk (anchor)  {sdk:>10.1} /s   (same page, same run)");
        println!(
            "  {label:<8} (fast: decode + policy {:.1} µs of the {:.1} µs a proof takes)",
            1e6 / decode,
            1e6 / fast
        );
        json.push_str(&format!(
            "  \"{alg}_dalek_strict_per_sec\": {dalek:.1},\n  \"{alg}_fresh_keys_per_sec\": {fresh:.1},\n  \"{alg}_first_two_uses_us\": {:.1},\n",
            1e6 / twice
        ));
        json.push_str(&format!(
            "  \"{alg}_wasm_per_sec\": {fast:.1},\n  \"{alg}_shipped_per_sec\": {shipped:.1},\n  \"{alg}_sdk_per_sec\": {sdk:.1},\n  \"{alg}_ratio_wasm_over_sdk\": {:.2},\n  \"{alg}_ratio_shipped_over_sdk\": {:.2},\n  \"{alg}_decode_and_policy_us\": {:.2},\n",
            fast / sdk,
            shipped / sdk,
            1e6 / decode
        ));
    }
    let ed = number(&page, "ed25519_wasm_per_sec")?;
    let ed_ratio = ed / number(&page, "ed25519_sdk_per_sec")?;
    println!(
        "  targets: >= 10,000 ED25519 proofs/s ({}), >= 20 x the SDK ({})",
        if ed >= 10_000.0 { "met" } else { "NOT met" },
        if ed_ratio >= 20.0 { "met" } else { "NOT met" }
    );
    json.push_str(&format!(
        "  \"target_ed25519_per_sec\": 10000,\n  \"target_ratio\": 20,\n  \"chromium\": \"{browser}\"\n}}\n"
    ));
    let out = root.join("target/bench/proofs.json");
    std::fs::write(&out, json).map_err(|e| e.to_string())?;
    println!("  wrote {}", out.display());
    Ok(())
}
