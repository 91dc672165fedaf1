//! One wasm artefact: a crate's cdylib built for wasm32-unknown-unknown with a cargo profile
//! and flags, bound by the pinned wasm-bindgen CLI (`--target web`) into a directory. Used by
//! `cargo xtask pkg` and the benchmarks, so every wasm they measure is made the same way.

use crate::run::{cmd, status, Result};
use std::path::Path;

pub fn build_and_bind(package: &str, profile: &str, flags: &[&str], out: &Path) -> Result {
    let mut cargo = cmd(
        "cargo",
        &[
            "build",
            "-q",
            "-p",
            package,
            "--lib",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            profile,
        ],
    );
    cargo.args(flags);
    status(cargo)?;
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    // Later builds with other flags overwrite this file: it is bound right away.
    let wasm = crate::run::cargo_target().join(format!(
        "wasm32-unknown-unknown/{profile}/{}.wasm",
        package.replace('-', "_")
    ));
    // No wasm-opt: Debian's binaryen 108 turns wasm-bindgen 0.2.130's externref table into
    // one the glue cannot initialise ("function-typed object must be null"), and run before
    // wasm-bindgen it makes the gzip bigger. LTO at opt-level "z" does the shrinking.
    status(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--remove-name-section",
            "--remove-producers-section",
            "--out-dir",
            out.to_str().unwrap(),
            wasm.to_str().unwrap(),
        ],
    ))
}
