//! `cargo xtask bench devnet`: the devnet binary as users run it — cold start-to-ready,
//! resident memory, sustained TPS over loopback gRPC with concurrent clients (crypto transfers,
//! then NFT mints), submit-to-receipt latency and lost transactions — measured by
//! crates/bench/src/bin/devnet_load.rs. Writes target/bench/devnet.json.

use crate::bench_sign::number;
use crate::run::{cmd, output, root, status, Result};

pub fn run() -> Result {
    eprintln!("xtask: building the devnet and the load generator (release)");
    status(cmd(
        "cargo",
        &[
            "build",
            "--release",
            "-q",
            "-p",
            "loyal-devnet",
            "--bin",
            "loyal-devnet",
            "-p",
            "loyal-bench",
            "--bin",
            "devnet_load",
        ],
    ))?;
    let root = root();
    let devnet = crate::run::cargo_target().join("release/loyal-devnet");
    let load = output(cmd(
        crate::run::cargo_target()
            .join("release/devnet_load")
            .to_str()
            .unwrap(),
        &[devnet.to_str().unwrap()],
    ))
    .ok_or("the devnet load generator failed")?;
    let load = load.trim();
    let mint = load
        .split("\"nft_mint\":")
        .nth(1)
        .ok_or("no nft_mint phase")?;
    let transfer = load
        .split("\"crypto_transfer\":")
        .nth(1)
        .ok_or("no crypto_transfer phase")?;
    let ready = number(load, "ready_ms_median")?;
    let rss = number(load, "rss_peak_mib")?;
    let (t_tps, t_p50, t_p99, t_lost) = (
        number(transfer, "tps")?,
        number(transfer, "p50_ms")?,
        number(transfer, "p99_ms")?,
        number(transfer, "lost")?,
    );
    let (m_tps, m_p50, m_p99, m_lost) = (
        number(mint, "tps")?,
        number(mint, "p50_ms")?,
        number(mint, "p99_ms")?,
        number(mint, "lost")?,
    );
    let clients = number(load, "clients")?;
    println!("devnet: the release binary on loopback, {clients} concurrent gRPC clients");
    println!("  start to ready (median of 5)  {ready:>9.1} ms    (target < 1000 ms)");
    println!("  resident memory, peak         {rss:>9.1} MiB   (target < 100 MiB)");
    println!("  crypto transfers              {t_tps:>9.0} TPS   p50 {t_p50:.2} ms  p99 {t_p99:.2} ms  lost {t_lost}");
    println!("  NFT mints                     {m_tps:>9.0} TPS   p50 {m_p50:.2} ms  p99 {m_p99:.2} ms  lost {m_lost}");
    println!("  targets: >= 2000 TPS, p99 < 50 ms, 0 lost");
    println!(
        "  ratios to target: ready {:.0}x under, memory {:.1}x under, transfer TPS {:.1}x, mint TPS {:.1}x",
        1000.0 / ready.max(0.001),
        100.0 / rss.max(0.001),
        t_tps / 2000.0,
        m_tps / 2000.0
    );
    let json = format!(
        "{{\n  \"name\": \"devnet\",\n  \"load\": {load},\n  \"targets\": {{\"ready_ms\": 1000, \"rss_mib\": 100, \"tps\": 2000, \"p99_ms\": 50, \"lost\": 0}},\n  \"ratio_transfer_tps_over_target\": {:.2},\n  \"ratio_mint_tps_over_target\": {:.2}\n}}\n",
        t_tps / 2000.0,
        m_tps / 2000.0
    );
    let out = root.join("target/bench/devnet.json");
    std::fs::create_dir_all(out.parent().unwrap()).map_err(|e| e.to_string())?;
    std::fs::write(&out, json).map_err(|e| e.to_string())?;
    println!("  wrote {}", out.display());
    Ok(())
}
