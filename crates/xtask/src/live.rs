//! A devnet for the suites that need one on its default ports (the browser library's Chromium
//! tests, the npm package's README example, the console page): the debug binary the native
//! tests already built, stopped when the guard drops.

use crate::run::{cmd, spawn_ready, status, Output, Result};
use std::process::Child;

pub struct LiveDevnet(Child);

/// The debug devnet binary, built at most once per xtask run: hedera-proto's build script
/// reruns on every cargo invocation (it watches files it rewrites), so each `cargo build` of the
/// devnet recompiles it and the devnet even when nothing changed.
pub fn devnet_binary() -> Result<std::path::PathBuf> {
    static BUILT: std::sync::OnceLock<Result<std::path::PathBuf>> = std::sync::OnceLock::new();
    BUILT
        .get_or_init(|| {
            status(cmd(
                "cargo",
                &["build", "-q", "-p", "loyal-devnet", "--bin", "loyal-devnet"],
            ))?;
            Ok(crate::run::cargo_target().join("debug/loyal-devnet"))
        })
        .clone()
}

/// The directory of the release devnet and agents (what the demo and `bench journey` run),
/// rebuilt only when a source under `crates/` or the manifests is newer than them: a plain
/// `cargo build` recompiles both for minutes each time (hedera-proto's build script).
pub fn release_binaries() -> Result<std::path::PathBuf> {
    let bin = crate::run::cargo_target().join("release");
    let binaries = [bin.join("loyal-devnet"), bin.join("loyal-agent")];
    let root = crate::run::root();
    let sources = ["crates", "Cargo.lock", "Cargo.toml"].map(|p| root.join(p));
    if crate::run::newer_than(&binaries, &sources) {
        eprintln!("xtask: the release devnet and agents are newer than every source: not rebuilt");
    } else {
        status(cmd(
            "cargo",
            &[
                "build",
                "--quiet",
                "--release",
                "-p",
                "loyal-devnet",
                "-p",
                "loyal-agent",
            ],
        ))?;
    }
    Ok(bin)
}

impl LiveDevnet {
    pub fn start() -> Result<Self> {
        let child = spawn_ready(
            &mut cmd(devnet_binary()?.to_str().unwrap(), &["--ephemeral"]),
            "devnet",
            |line| line.starts_with("Ready in"),
            Output::Quiet,
        )
        .map_err(|e| format!("{e} (is a demo already on ports 50211/50213/5551/5001?)"))?;
        eprintln!("xtask: devnet up on its default ports");
        Ok(LiveDevnet(child))
    }
}

impl Drop for LiveDevnet {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
