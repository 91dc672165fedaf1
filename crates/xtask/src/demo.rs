//! `cargo xtask demo`: for now it builds, signs and prints a HIP-412 NFT mint with the core
//! (the devnet and portals join as they land).

use crate::run::{cmd, status, Result};

pub fn run(_args: &[String]) -> Result {
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
    ))
}
