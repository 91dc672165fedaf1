//! Splits the `sign` kernel's time into signing and everything else (native).
use std::time::Instant;
fn main() {
    let key = loyal_bench::key();
    let n = 20000;
    let t = Instant::now();
    for i in 0..n {
        std::hint::black_box(loyal_bench::mint(&key, i));
    }
    let full = t.elapsed().as_secs_f64() / n as f64 * 1e6;
    let msg = vec![7u8; 120];
    let t = Instant::now();
    for _ in 0..n {
        std::hint::black_box(key.sign(std::hint::black_box(&msg)));
    }
    let sign = t.elapsed().as_secs_f64() / n as f64 * 1e6;
    println!(
        "full {full:.2} us, sign {sign:.2} us, rest {:.2} us",
        full - sign
    );
}
