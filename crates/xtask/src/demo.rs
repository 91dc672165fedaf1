//! `cargo xtask demo`: prints a signed BestProducer NFT mint made by the core, then runs the
//! devnet in the foreground (Ctrl-C stops it). Portals join as they land.

use crate::run::{cmd, status, Result};

pub fn run(args: &[String]) -> Result {
    crate::install::rust_target()?;
    status(cmd(
        "cargo",
        &[
            "run",
            "--quiet",
            "-p",
            "loyal-core",
            "--example",
            "sign_mint",
        ],
    ))?;
    println!();
    let mut devnet = cmd(
        "cargo",
        &["run", "--quiet", "--release", "-p", "loyal-devnet", "--"],
    );
    devnet.args(args);
    status(devnet)
}
