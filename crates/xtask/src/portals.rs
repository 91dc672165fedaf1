//! The static portals: built by Trunk (Trunk.toml: offline, pinned wasm-bindgen) into
//! target/www, served by `serve`.

use crate::install;
use crate::run::{cmd, root, status, Result};

/// The pages Trunk builds, one run each (Trunk builds one HTML target per run): the source
/// under `www/` and the directory under `target/www/` (also its URL path).
pub const PAGES: &[(&str, &str)] = &[
    ("www/console/index.html", "console"),
    ("www/portals/bestproducer/index.html", "bestproducer"),
    ("www/portals/fastshoes/index.html", "fastshoes"),
    // After its parent: Trunk empties a page's directory when it builds it.
    ("www/portals/fastshoes/staff/index.html", "fastshoes/staff"),
    (
        "www/portals/fastshoes/provenance/index.html",
        "fastshoes/provenance",
    ),
    ("www/portals/supermarathon/index.html", "supermarathon"),
    (
        "www/portals/supermarathon/staff/index.html",
        "supermarathon/staff",
    ),
    ("www/portals/stillwater/index.html", "stillwater"),
    (
        "www/portals/stillwater/staff/index.html",
        "stillwater/staff",
    ),
    ("www/portals/stillwater/gate/index.html", "stillwater/gate"),
];

/// Builds every page into `target/www/<dir>/` and the landing page linking them into
/// `target/www/index.html`.
pub fn build() -> Result {
    install::rust_target()?;
    install::wasm_bindgen_cli()?;
    install::trunk()?;
    let www = root().join("target/www");
    for (html, dir) in PAGES {
        eprintln!("xtask: building {dir} with Trunk");
        build_page(html, dir)?;
    }
    std::fs::create_dir_all(&www).map_err(|e| e.to_string())?;
    for file in ["index.html", "portals.css"] {
        std::fs::copy(root().join("www").join(file), www.join(file))
            .map_err(|e| format!("cannot copy www/{file}: {e}"))?;
    }
    Ok(())
}

fn build_page(html: &str, dir: &str) -> Result {
    let dist = format!("target/www/{dir}");
    let public_url = format!("/{dir}/");
    let mut trunk = cmd(
        "trunk",
        &["build", html, "--dist", &dist, "--public-url", &public_url],
    );
    // Trunk finds wasm-bindgen on PATH when its version matches the pin.
    if let Some(home) = std::env::var_os("HOME") {
        let cargo_bin = std::path::Path::new(&home).join(".cargo/bin");
        let path = std::env::var_os("PATH").unwrap_or_default();
        let mut paths: Vec<_> = std::env::split_paths(&path).collect();
        paths.insert(0, cargo_bin);
        trunk.env(
            "PATH",
            std::env::join_paths(paths).map_err(|e| e.to_string())?,
        );
    }
    status(trunk)
}

/// `cargo xtask bench portals`: every page's cold time to interactive (median of 5, headless
/// Chromium, a devnet of its own on free ports) and transfer size (gzip), against the static
/// landing page as the anchor; target/bench/portals.json.
pub fn bench() -> Result {
    build()?;
    let devnet = crate::live::devnet_binary()?;
    let addr = crate::serve::spawn(root().join("target/www"), "127.0.0.1:0")
        .map_err(|e| format!("cannot serve the portals: {e}"))?;
    let out = root().join("target/bench/portals.json");
    let _ = std::fs::create_dir_all(out.parent().unwrap());
    let mut node = cmd("node", &["tti.mjs", &format!("http://{addr}")]);
    node.arg(&devnet)
        .arg(&out)
        .current_dir(root().join("tests/portals"));
    status(node)
}
