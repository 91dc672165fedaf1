//! `cargo xtask bench [NAME]`: each benchmark prints its figures and writes target/bench/NAME.json.

use crate::run::Result;

pub const NAMES: &[&str] = &[
    "sign", "devnet", "bundle", "browser", "proofs", "wallet", "portals", "journey",
];

pub fn run(name: Option<&str>) -> Result {
    let names: Vec<&str> = match name {
        None => NAMES.to_vec(),
        Some(n) if NAMES.contains(&n) => vec![n],
        Some(n) => {
            return Err(format!(
                "unknown benchmark {n:?}; known: {}",
                NAMES.join(", ")
            ))
        }
    };
    for n in names {
        match n {
            "sign" => crate::bench_sign::run()?,
            "devnet" => crate::bench_devnet::run()?,
            "bundle" => crate::bench_web::bundle()?,
            "browser" => crate::bench_web::browser()?,
            "proofs" => crate::bench_proofs::run()?,
            "wallet" => crate::wallet::bench()?,
            "portals" => crate::portals::bench()?,
            "journey" => crate::bench_journey::run()?,
            _ => unreachable!(),
        }
    }
    Ok(())
}
