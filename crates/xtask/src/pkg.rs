//! `cargo xtask pkg`: builds the npm package in pkg/ — two wasm builds of loyal-wasm (profile
//! `wasm`): the whole library (default features) into pkg/dist/, and the small signing build
//! (`--no-default-features`: `no_std`, lol_alloc, a trapping panic handler) into
//! pkg/dist/sign/ — and prints their sizes.

use crate::install;
use crate::run::{root, Result};
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
        eprintln!("xtask: building the wasm of {}", build.what);
        let dist = root().join(build.out);
        crate::wasm::build_and_bind("loyal-wasm", "wasm", build.flags, &dist)?;
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
        println!(
            "pkg: {} ({} B wasm, {} B JS glue) -> {}",
            build.what,
            size(&dist.join("loyal_wasm_bg.wasm")),
            size(&dist.join("loyal_wasm.js")),
            dist.display()
        );
    }
    Ok(())
}
