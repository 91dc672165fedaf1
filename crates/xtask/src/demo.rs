//! `cargo xtask demo`: prints a signed BestProducer NFT mint made by the core, builds the
//! portals and serves them on http://127.0.0.1:8080/, then runs the devnet in the foreground
//! (Ctrl-C stops both).

use crate::run::{cmd, root, status, Result};

pub fn run(args: &[String]) -> Result {
    crate::install::all()?;
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
    crate::portals::build()?;
    let addr = crate::serve::spawn(root().join("target/www"), "127.0.0.1:8080")
        .map_err(|e| format!("cannot serve the portals on 127.0.0.1:8080: {e}"))?;
    println!("Portals (the devnet below must keep its default ports):");
    println!("  landing page     http://{addr}/");
    for (_, dir) in crate::portals::PAGES {
        println!("  {dir:<17} http://{addr}/{dir}/");
    }
    let wallet = crate::wallet::build()?;
    println!("Wallet extension (unpacked): {}", wallet.display());
    println!("  {}", crate::wallet::how_to_load(&wallet));
    let mut devnet = cmd(
        "cargo",
        &["run", "--quiet", "--release", "-p", "loyal-devnet", "--"],
    );
    devnet.args(args);
    status(devnet)
}
