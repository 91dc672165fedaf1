//! `loyal-devnet [--grpc-port N] [--grpc-web-port N] [--ipfs-port N]`: starts the devnet and prints its accounts, like anvil.

use loyal_devnet::{genesis, spawn, DevnetConfig};

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let mut config = DevnetConfig::default();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next().map(|v| v.parse::<u16>())) {
            ("--grpc-port", Some(Ok(port))) => config.grpc_port = port,
            ("--grpc-web-port", Some(Ok(port))) => config.grpc_web_port = port,
            ("--ipfs-port", Some(Ok(port))) => config.ipfs_port = port,
            _ => {
                eprintln!("usage: loyal-devnet [--grpc-port PORT] [--grpc-web-port PORT] [--ipfs-port PORT]   (0 = any free port)");
                return std::process::ExitCode::from(2);
            }
        }
    }
    let started = std::time::Instant::now();
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
    println!(
        "Listening on {} (gRPC, node 0.0.3) — ready in {:.1} ms",
        devnet.grpc_addr(),
        started.elapsed().as_secs_f64() * 1e3
    );
    let _ = tokio::signal::ctrl_c().await;
    devnet.shutdown().await;
    std::process::ExitCode::SUCCESS
}
