//! A devnet for the suites that need one on its default ports (the browser library's Chromium
//! tests, the npm package's README example, the console page): the debug binary the native
//! tests already built, stopped when the guard drops.

use crate::run::{cmd, status, Result};
use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};

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

impl LiveDevnet {
    pub fn start() -> Result<Self> {
        let mut child = cmd(devnet_binary()?.to_str().unwrap(), &["--ephemeral"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the devnet: {e}"))?;
        let stdout = child.stdout.take().expect("piped");
        let mut lines = BufReader::new(stdout).lines();
        for line in lines.by_ref() {
            let line = line.map_err(|e| e.to_string())?;
            if line.starts_with("Ready in") {
                std::thread::spawn(move || lines.for_each(drop));
                eprintln!("xtask: devnet up on its default ports ({line})");
                return Ok(LiveDevnet(child));
            }
        }
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            use std::io::Read;
            let _ = e.read_to_string(&mut err);
        }
        Err(format!(
            "the devnet did not start (is a demo already on ports 50211/50213/5551/5001?): {err}"
        ))
    }
}

impl Drop for LiveDevnet {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}
