//! One wasm artefact: a crate's cdylib built for wasm32-unknown-unknown with a cargo profile
//! and flags, bound by the pinned wasm-bindgen CLI (`--target web`) into a directory. Used by
//! `cargo xtask pkg` and the benchmarks, so every wasm they measure is made the same way.

use crate::run::{cmd, status, Result};
use std::path::Path;

/// What a build leaves besides `<out>/<crate>_bg.wasm` (custom sections stripped): the
/// linked module with the linker's relocations and the bound one with its names, which is
/// what `shake_graph::build` reads.
pub struct Built {
    pub linked: Vec<u8>,
    pub bound: Vec<u8>,
    pub shipped: Vec<u8>,
}

pub fn build_and_bind(package: &str, profile: &str, flags: &[&str], out: &Path) -> Result<Built> {
    // `cargo rustc --crate-type cdylib`: with the manifest's `["cdylib", "rlib"]` the same
    // profile links a bigger wasm (measured: 277,200 B against 228,878 B bound for the signing
    // build) — the rlib is for native tests, not for what ships.
    let mut cargo = cmd(
        "cargo",
        &[
            "rustc",
            "-q",
            "-p",
            package,
            "--lib",
            "--crate-type",
            "cdylib",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            profile,
        ],
    );
    cargo.args(flags);
    // The linker's symbols and relocations for the shake graph; the code is the same bytes.
    cargo.args(["--", "-C", "link-arg=--emit-relocs"]);
    status(cargo)?;
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    // Later builds with other flags overwrite this file: it is read right away.
    let stem = package.replace('-', "_");
    let wasm = crate::run::cargo_target().join(format!("wasm32-unknown-unknown/{profile}/{stem}.wasm"));
    let linked = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    // No wasm-opt: Debian's binaryen 108 turns wasm-bindgen 0.2.130's externref table into
    // one the glue cannot initialise ("function-typed object must be null"), and run before
    // wasm-bindgen it makes the gzip bigger. LTO at opt-level "z" does the shrinking.
    status(cmd(
        "wasm-bindgen",
        &["--target", "web", "--no-typescript", "--no-demangle", "--out-dir", out.to_str().unwrap(), wasm.to_str().unwrap()],
    ))?;
    let path = out.join(format!("{stem}_bg.wasm"));
    let bound = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let shipped = crate::shake_graph::strip_custom(&bound)?;
    std::fs::write(&path, &shipped).map_err(|e| e.to_string())?;
    Ok(Built { linked, bound, shipped })
}
