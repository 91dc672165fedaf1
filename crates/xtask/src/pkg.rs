//! `cargo xtask pkg`: builds the npm package in pkg/ — two wasm builds of loyal-wasm (profile
//! `wasm`), each through the pinned wasm-bindgen CLI (`--target web`): the whole library
//! (default features) into pkg/dist/, and the small signing build (`--no-default-features
//! --features small-allocator`) into pkg/dist/sign/ — and prints their sizes.

use crate::install;
use crate::run::{cmd, root, status, Result};
use std::path::Path;

/// One wasm build of the package: cargo features, output directory, entry point.
struct Build {
    flags: &'static [&'static str],
    out: &'static str,
    what: &'static str,
}

const BUILDS: [Build; 2] = [
    Build {
        flags: &[],
        out: "pkg/dist",
        what: "@loyal/hedera",
    },
    Build {
        flags: &["--no-default-features", "--features", "small-allocator"],
        out: "pkg/dist/sign",
        what: "@loyal/hedera/sign",
    },
];

pub fn run() -> Result {
    install::rust_target()?;
    install::apt()?;
    install::wasm_bindgen_cli()?;
    for build in &BUILDS {
        one(build)?;
    }
    Ok(())
}

fn one(build: &Build) -> Result {
    let root = root();
    eprintln!("xtask: building loyal-wasm {}", build.flags.join(" "));
    let mut cargo = cmd(
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
    );
    cargo.args(build.flags);
    status(cargo)?;
    let dist = root.join(build.out);
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    // Both builds write this file; each is bound right after it is built.
    let wasm = root.join("target/wasm32-unknown-unknown/wasm/loyal_wasm.wasm");
    status(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--remove-name-section",
            "--remove-producers-section",
            "--out-dir",
            dist.to_str().unwrap(),
            wasm.to_str().unwrap(),
        ],
    ))?;
    // No wasm-opt: Debian's binaryen 108 turns wasm-bindgen 0.2.130's externref table into
    // one the glue cannot initialise ("function-typed object must be null", in Node and
    // Chromium alike), with any feature flags tried. LTO at opt-level "z" does the shrinking.
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    println!(
        "pkg: {} ({} B wasm, {} B JS glue) -> {}",
        build.what,
        size(&dist.join("loyal_wasm_bg.wasm")),
        size(&dist.join("loyal_wasm.js")),
        dist.display()
    );
    Ok(())
}
