//! `cargo xtask pkg`: builds the npm package in pkg/ — two wasm builds of loyal-wasm, each
//! through the pinned wasm-bindgen CLI (`--target web`): the whole library (profile `wasm`,
//! default features) into pkg/dist/, and the small signing build (profile `wasm-sign`,
//! `--no-default-features`) into pkg/dist/sign/ — and prints their sizes.

use crate::install;
use crate::run::{cmd, root, status, Result};
use std::path::Path;

/// One wasm build of the package: cargo profile, extra cargo flags, output directory.
struct Build {
    profile: &'static str,
    flags: &'static [&'static str],
    out: &'static str,
    what: &'static str,
}

const BUILDS: [Build; 2] = [
    Build {
        profile: "wasm",
        flags: &[],
        out: "pkg/dist",
        what: "@loyal/hedera",
    },
    Build {
        profile: "wasm-sign",
        flags: &["--no-default-features"],
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
    eprintln!(
        "xtask: building loyal-wasm (profile {} {})",
        build.profile,
        build.flags.join(" ")
    );
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
            build.profile,
        ],
    );
    cargo.args(build.flags);
    status(cargo)?;
    let dist = root.join(build.out);
    std::fs::create_dir_all(&dist).map_err(|e| e.to_string())?;
    let wasm = root.join(format!(
        "target/wasm32-unknown-unknown/{}/loyal_wasm.wasm",
        build.profile
    ));
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
