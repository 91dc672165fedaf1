//! The static portals: built by Trunk (Trunk.toml: offline, pinned wasm-bindgen) into
//! target/www, served by `serve`.

use crate::install;
use crate::run::{cmd, root, status, Result};

pub fn build() -> Result {
    install::rust_target()?;
    install::wasm_bindgen_cli()?;
    install::trunk()?;
    eprintln!("xtask: building the portals with Trunk");
    let mut trunk = cmd("trunk", &["build"]);
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
    status(trunk)?;
    let _ = root();
    Ok(())
}
