//! `cargo xtask demo | test | bench [NAME]` — the project's only entry points.
//! Every command first installs what it needs (idempotently), so a fresh machine works.

mod bench;
mod bench_devnet;
mod bench_journey;
mod bench_proofs;
mod bench_sign;
mod bench_web;
mod demo;
mod imports;
mod install;
mod journey;
mod live;
mod pkg;
mod portals;
mod run;
mod serve;
mod shake_graph;
mod test;
mod wallet;
mod wasm;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("test") => test::run(&args[1..]),
        Some("demo") => demo::run(&args[1..]),
        Some("bench") => bench::run(args.get(1).map(String::as_str)),
        Some("install") => install::all(),
        Some("pkg") => pkg::run(),
        Some("wallet") => wallet::run(),
        _ => {
            eprintln!(
                "usage: cargo xtask <command>\n\n  test          install what is missing, run every test, print `N passed, N failed`\n  demo          run the demo\n  bench [NAME]  run benchmarks (all, or one of: {}), writing target/bench/NAME.json\n  wallet        build the wallet extension into target/wallet/extension/\n  install       only install the toolchain, browser and npm dependencies",
                bench::NAMES.join(", ")
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}
