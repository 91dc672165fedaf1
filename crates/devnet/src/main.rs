//! `loyal-devnet [flags]` (see `usage`): starts the devnet and prints its accounts, like anvil.

use loyal_devnet::{genesis, spawn, DevnetConfig};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let mut config = DevnetConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--ephemeral" {
            config.state_dir = None;
            continue;
        }
        if arg == "--state" {
            match args.next() {
                Some(dir) => config.state_dir = Some(dir.into()),
                None => return usage(),
            }
            continue;
        }
        let value = args.next().and_then(|v| v.parse::<u32>().ok());
        let port = value.and_then(|v| u16::try_from(v).ok());
        match (arg.as_str(), value, port) {
            ("--grpc-port", _, Some(port)) => config.grpc_port = port,
            ("--grpc-web-port", _, Some(port)) => config.grpc_web_port = port,
            ("--ipfs-port", _, Some(port)) => config.ipfs_port = port,
            ("--mirror-port", _, Some(port)) => config.mirror_port = port,
            ("--mirror-lag-ms", Some(ms), _) => {
                config.mirror_lag = std::time::Duration::from_millis(ms as u64)
            }
            ("--throttle-tps", Some(tps), _) if tps > 0 => config.throttle_tps = Some(tps),
            _ => return usage(),
        }
    }
    let started = std::time::Instant::now();
    let config_state = config.state_dir.clone();
    let devnet = match spawn(config).await {
        Ok(d) => d,
        Err(e) => {
            eprintln!("loyal-devnet: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    println!("Accounts (deterministic test keys: never use them on a real network)");
    for a in genesis::accounts() {
        println!(
            "  0.0.{:<5} {:<14} {:>14}  {}",
            a.num,
            a.name,
            a.balance.to_string(),
            a.key.to_string_der().as_str()
        );
    }
    let ready_ms = started.elapsed().as_secs_f64() * 1e3;
    println!("Listening on {} (gRPC, node 0.0.3)", devnet.grpc_addr());
    println!(
        "Listening on {} (gRPC-web, node 0.0.3)",
        devnet.grpc_web_addr()
    );
    println!(
        "Listening on {} (IPFS: POST /api/v0/add, GET /ipfs/{{cid}})",
        devnet.ipfs_addr()
    );
    println!(
        "Listening on {} (mirror REST: /api/v1/...)",
        devnet.mirror_addr()
    );
    match &config_state {
        Some(dir) => println!("State in {} (journal replayed)", dir.display()),
        None => println!("State in memory (--ephemeral)"),
    }
    println!("Ready in {ready_ms:.1} ms");
    let _ = tokio::signal::ctrl_c().await;
    devnet.shutdown().await;
    std::process::ExitCode::SUCCESS
}

fn usage() -> std::process::ExitCode {
    eprintln!(
        "usage: loyal-devnet [--grpc-port PORT] [--grpc-web-port PORT] [--ipfs-port PORT] [--mirror-port PORT]\n                    [--mirror-lag-ms MS] [--throttle-tps TPS] [--state DIR | --ephemeral]\n  ports: 0 = any free port; defaults 50211, 50213, 5001, 5551\n  --mirror-lag-ms MS  delay before a transaction shows on the mirror (default 0)\n  --throttle-tps TPS  answer BUSY past TPS transactions per second (default: no throttle)\n  --state DIR keeps the ledger and IPFS blocks across restarts (default: --ephemeral, in memory)"
    );
    std::process::ExitCode::from(2)
}
