//! Native side of `cargo xtask bench sign`: prints `{"tx_per_sec": …, "iterations": …}`.

use std::time::{Duration, Instant};

fn main() {
    let key = loyal_bench::key();
    // Warm up caches and the allocator before timing.
    for i in 0..200 {
        std::hint::black_box(loyal_bench::mint(&key, i));
    }
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < Duration::from_secs(2) {
        for _ in 0..100 {
            std::hint::black_box(loyal_bench::mint(&key, n));
            n += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{{\"tx_per_sec\": {:.1}, \"iterations\": {n}, \"seconds\": {secs:.3}}}",
        n as f64 / secs
    );
}
