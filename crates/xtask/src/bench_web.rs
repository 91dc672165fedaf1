//! `cargo xtask bench bundle` and `cargo xtask bench browser`: the same minimal app (build,
//! sign and serialize one TokenMint: tests/bench/app-ours.mjs, app-sdk.mjs) bundled by esbuild
//! (minified) with pkg/ — its signing build `@loyal/hedera/sign` ("sign") and the whole
//! library ("full") with the builder classes, the signing build with the functions over bytes
//! (app-ours-fn.mjs: "sign_fn"), each also with `@loyal/hedera/shake`'s plugin ("…_shaken":
//! the wasm cut to what the bundle uses) — and with @hashgraph/sdk; bytes raw and gzip (-9), JS plus wasm, and
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

/// One bundled app: its name (file and JSON key), the package it stands for, its entry file,
/// what `@loyal/hedera` resolves to (none for the SDK), the wasm it loads, and whether the
/// build runs `@loyal/hedera/shake`'s plugin (which writes that wasm, shaken, next to the app).
struct App {
    name: &'static str,
    package: &'static str,
    entry: &'static str,
    ours: Option<&'static str>,
    wasm: Option<&'static str>,
    shake: bool,
}

const APPS: [App; 7] = [
    App {
        name: "sign",
        package: "@loyal/hedera/sign",
        entry: "app-ours.mjs",
        ours: Some("../../pkg/sign.js"),
        wasm: Some("dist/sign/loyal_wasm_bg.wasm"),
        shake: false,
    },
    App {
        name: "sign_shaken",
        package: "@loyal/hedera/sign + /shake",
        entry: "app-ours.mjs",
        ours: Some("../../pkg/sign.js"),
        wasm: Some("dist/sign/loyal_wasm_bg.wasm"),
        shake: true,
    },
    App {
        name: "sign_fn",
        package: "@loyal/hedera/sign, functions",
        entry: "app-ours-fn.mjs",
        ours: Some("../../pkg/sign.js"),
        wasm: Some("dist/sign/loyal_wasm_bg.wasm"),
        shake: false,
    },
    App {
        name: "sign_fn_shaken",
        package: "@loyal/hedera/sign, functions + /shake",
        entry: "app-ours-fn.mjs",
        ours: Some("../../pkg/sign.js"),
        wasm: Some("dist/sign/loyal_wasm_bg.wasm"),
        shake: true,
    },
    App {
        name: "full",
        package: "@loyal/hedera",
        entry: "app-ours.mjs",
        ours: Some("../../pkg/index.js"),
        wasm: Some("dist/loyal_wasm_bg.wasm"),
        shake: false,
    },
    App {
        name: "full_shaken",
        package: "@loyal/hedera + /shake",
        entry: "app-ours.mjs",
        ours: Some("../../pkg/index.js"),
        wasm: Some("dist/loyal_wasm_bg.wasm"),
        shake: true,
    },
    App {
        name: "sdk",
        package: "@hashgraph/sdk (anchor, same run)",
        entry: "app-sdk.mjs",
        ours: None,
        wasm: None,
        shake: false,
    },
];

/// Bundles the apps into target/bench/apps with their pages; returns the directory.
fn bundle_apps() -> Result<PathBuf> {
    install::npm("tests/bench")?;
    crate::pkg::run()?;
    let root = root();
    let bench = root.join("tests/bench");
    let out = root.join("target/bench/apps");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    for App {
        name: app,
        entry,
        ours,
        wasm,
        shake,
        ..
    } in APPS
    {
        // Each app in its own directory: its bundle loads its wasm from next to itself
        // (import.meta.url), and a shaken app's wasm is its own.
        let dir = out.join(app);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let mut esbuild = cmd("node", &["bundle.mjs", entry]);
        esbuild.arg(dir.join(format!("{app}.js")));
        if let Some(ours) = ours {
            esbuild.arg(format!("--alias={ours}"));
        }
        if shake {
            esbuild.arg("--shake");
        }
        esbuild.current_dir(&bench);
        status(esbuild)?;
        let page = format!(
            "<!doctype html><meta charset=utf-8><title>{app}</title><script type=module src=\"{app}.js\"></script>\n"
        );
        std::fs::write(dir.join(format!("{app}.html")), page).map_err(|e| e.to_string())?;
        if let (Some(wasm), false) = (wasm, shake) {
            let to = dir.join(wasm);
            std::fs::create_dir_all(to.parent().unwrap()).map_err(|e| e.to_string())?;
            std::fs::copy(root.join("pkg").join(wasm), &to).map_err(|e| e.to_string())?;
        }
    }
    Ok(out)
}

/// Floors for reading the app sizes: the wasm (bound by wasm-bindgen, profile `wasm`, linked as
/// the signing build is) of a crates/bench kernel that only signs with ed25519-dalek, and of the
/// same app as app-ours.mjs written in Rust over loyal-core (`mintApp`: string inputs parsed and
/// checked, one signed TokenMint out) — what a Trunk page that only mints links.
/// Returns (name, wasm gzip bytes, glue gzip bytes).
fn floors() -> Result<Vec<(&'static str, u64, u64)>> {
    let root = root();
    let mut out = Vec::new();
    for (name, features) in [
        ("ED25519 signing alone", &["--features", "floor"][..]),
        ("the same app in Rust", &["--features", "shipped"][..]),
    ] {
        let dir = root.join("target/bench/floor");
        let mut flags = vec!["--no-default-features"];
        flags.extend_from_slice(features);
        crate::wasm::build_and_bind("loyal-bench", "wasm", &flags, &dir)?;
        out.push((
            name,
            gzip_len(&dir.join("loyal_bench_bg.wasm"))?,
            gzip_len(&dir.join("loyal_bench.js"))?,
        ));
    }
    Ok(out)
}

/// Raw and gzip bytes of an app: its bundle plus its wasm.
fn app_size(out: &Path, app: &str, wasm: Option<&str>) -> Result<(u64, u64, u64, u64)> {
    let out = &out.join(app);
    let js = out.join(format!("{app}.js"));
    let (wasm_raw, wasm_gz) = match wasm {
        Some(w) => (len(&out.join(w)), gzip_len(&out.join(w))?),
        None => (0, 0),
    };
    let js_gz = gzip_len(&js)?;
    Ok((len(&js), wasm_raw, len(&js) + wasm_raw, js_gz + wasm_gz))
}

pub fn bundle() -> Result {
    let out = bundle_apps()?;
    let mut sizes = Vec::new();
    for app in &APPS {
        sizes.push((app, app_size(&out, app.name, app.wasm)?));
    }
    let of = |name: &str| {
        sizes
            .iter()
            .find(|(app, _)| app.name == name)
            .map(|(_, s)| *s)
    };
    let (_, _, sdk_raw, sdk_gz) = of("sdk").expect("the SDK app is bundled");
    println!("bundle: build + sign + serialize one TokenMint, esbuild --minify");
    for (app, (js, wasm, raw, gz)) in &sizes {
        let name = app.package;
        println!(
            "  {name:<40} JS {js:>9} B + wasm {wasm:>8} B = {raw:>9} B raw, {gz:>8} B gzip  ({:.3} of the SDK gzip)",
            *gz as f64 / sdk_gz as f64
        );
    }
    let (_, _, sign_raw, sign_gz) = of("sign").expect("the sign app is bundled");
    let (_, _, shaken_raw, shaken_gz) = of("sign_shaken").expect("the shaken app is bundled");
    let (_, _, fn_raw, fn_gz) = of("sign_fn_shaken").expect("the shaken functions app is bundled");
    println!(
        "  sign / SDK: {:.3} raw, {:.3} gzip; shaken / SDK: {:.3} raw, {:.3} gzip; SDK / shaken: {:.1}x gzip",
        sign_raw as f64 / sdk_raw as f64,
        sign_gz as f64 / sdk_gz as f64,
        shaken_raw as f64 / sdk_raw as f64,
        shaken_gz as f64 / sdk_gz as f64,
        sdk_gz as f64 / shaken_gz as f64,
    );
    println!(
        "  functions, shaken / SDK: {:.3} raw, {:.3} gzip; SDK / functions, shaken: {:.1}x gzip",
        fn_raw as f64 / sdk_raw as f64,
        fn_gz as f64 / sdk_gz as f64,
        sdk_gz as f64 / fn_gz as f64,
    );
    // The target is read on the smallest app pkg/ makes.
    let best = sizes
        .iter()
        .filter(|(app, _)| app.ours.is_some())
        .map(|(_, (.., gz))| *gz)
        .min()
        .expect("apps with pkg/ are bundled");
    println!(
        "  smallest app with pkg/: {best} B gzip (target: <= 30,000 B gzip: {})",
        if best <= 30_000 { "met" } else { "not met" }
    );
    println!("  floors (wasm gzip + unminified glue gzip, profile wasm):");
    let floors = floors()?;
    for (name, wasm, glue) in &floors {
        println!("    {name:<34} {wasm:>8} B + {glue:>6} B");
    }
    // The second floor is the whole app in Rust: it links one builder, where a prebuilt npm
    // wasm carries every builder and its whole API, which no bundler can shake out.
    let rust_app = floors[1].1 + floors[1].2;
    println!(
        "    = the app in Rust: {rust_app} B gzip (<= 30,000 B: {})",
        if rust_app <= 30_000 { "yes" } else { "no" }
    );
    let mut json = String::from("{\n  \"name\": \"bundle\",\n");
    json += &format!(
        "  \"floor_ed25519_wasm_gzip_bytes\": {},\n  \"floor_rust_mint_wasm_gzip_bytes\": {},\n  \"rust_app_gzip_bytes\": {rust_app},\n  \"rust_app_target_met\": {},\n",
        floors[0].1,
        floors[1].1,
        rust_app <= 30_000
    );
    for (app, (js, wasm, raw, gz)) in &sizes {
        let app = app.name;
        json += &format!(
            "  \"{app}\": {{ \"js_bytes\": {js}, \"wasm_bytes\": {wasm}, \"raw_bytes\": {raw}, \"gzip_bytes\": {gz}, \"ratio_gzip_vs_sdk\": {:.4} }},\n",
            *gz as f64 / sdk_gz as f64
        );
    }
    json += &format!(
        "  \"smallest_app_gzip_bytes\": {best},\n  \"target_gzip_bytes\": 30000,\n  \"target_met\": {}\n}}\n",
        best <= 30_000
    );
    write("bundle", &json)
}

pub fn browser() -> Result {
    let out = bundle_apps()?;
    let mut node = cmd("node", &["first-signed.mjs", out.to_str().unwrap(), "7"]);
    node.current_dir(root().join("tests/bench"));
    let page = output(node).ok_or("the first-signed benchmark failed (run node tests/bench/first-signed.mjs target/bench/apps)")?;
    let (sign, shaken, fn_shaken, full, sdk) = (
        number(&page, "sign_ms")?,
        number(&page, "sign_shaken_ms")?,
        number(&page, "sign_fn_shaken_ms")?,
        number(&page, "full_ms")?,
        number(&page, "sdk_ms")?,
    );
    println!("browser: navigation start to first signed TokenMint, headless Chromium, median of 7 fresh contexts");
    for (name, ms) in [
        ("@loyal/hedera/sign", sign),
        ("@loyal/hedera/sign + /shake", shaken),
        ("functions + /shake", fn_shaken),
        ("@loyal/hedera", full),
    ] {
        println!("  {name:<28} {ms:>8.1} ms  (SDK / this: {:.2}x)", sdk / ms);
    }
    println!(
        "  {:<28} {sdk:>8.1} ms  (anchor, same run)",
        "@hashgraph/sdk"
    );
    let json = format!(
        "{{\n  \"name\": \"browser\",\n  \"sign_first_signed_ms\": {sign:.2},\n  \"sign_shaken_first_signed_ms\": {shaken:.2},\n  \"sign_fn_shaken_first_signed_ms\": {fn_shaken:.2},\n  \"full_first_signed_ms\": {full:.2},\n  \"sdk_first_signed_ms\": {sdk:.2},\n  \"ratio_sdk_over_sign\": {:.3},\n  \"ratio_sdk_over_sign_shaken\": {:.3},\n  \"ratio_sdk_over_sign_fn_shaken\": {:.3},\n  \"ratio_sdk_over_full\": {:.3},\n  \"runs\": {page}\n}}\n",
        sdk / sign,
        sdk / shaken,
        sdk / fn_shaken,
        sdk / full
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
