//! One wasm artefact: a crate's cdylib built for wasm32-unknown-unknown with a cargo profile
//! and flags, bound by the pinned wasm-bindgen CLI (`--target web`) into a directory. Used by
//! `cargo xtask pkg` and the benchmarks, so every wasm they measure is made the same way.

use crate::run::{cmd, status, Result};
use std::path::Path;
use wasmparser::{DataKind, Parser, Payload};

/// What a build leaves besides `<out>/<crate>_bg.wasm` (custom sections stripped): the
/// linked module with the linker's relocations and the bound one with its names, which is
/// what `shake_graph::build` reads.
pub struct Built {
    pub linked: Vec<u8>,
    pub bound: Vec<u8>,
    pub shipped: Vec<u8>,
}

pub fn build_and_bind(package: &str, profile: &str, flags: &[&str], out: &Path) -> Result<Built> {
    // `cargo rustc --crate-type cdylib`: with the manifest's `["cdylib", "rlib"]` the same
    // profile links a bigger wasm (measured: 277,200 B against 228,878 B bound for the signing
    // build) — the rlib is for native tests, not for what ships.
    let mut cargo = cmd(
        "cargo",
        &[
            "rustc",
            "-q",
            "-p",
            package,
            "--lib",
            "--crate-type",
            "cdylib",
            "--target",
            "wasm32-unknown-unknown",
            "--profile",
            profile,
        ],
    );
    cargo.args(flags);
    // The linker's symbols and relocations for the shake graph. The code is the same bytes; the
    // data gains the `.bss` segment as explicit zeros, which `ship` drops again.
    cargo.args(["--", "-C", "link-arg=--emit-relocs"]);
    status(cargo)?;
    std::fs::create_dir_all(out).map_err(|e| e.to_string())?;
    // Later builds with other flags overwrite this file: it is read right away.
    let stem = package.replace('-', "_");
    let wasm =
        crate::run::cargo_target().join(format!("wasm32-unknown-unknown/{profile}/{stem}.wasm"));
    let linked = std::fs::read(&wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    // No wasm-opt: Debian's binaryen 108 turns wasm-bindgen 0.2.130's externref table into
    // one the glue cannot initialise ("function-typed object must be null"), and run before
    // wasm-bindgen it makes the gzip bigger. LTO at opt-level "z" does the shrinking.
    status(cmd(
        "wasm-bindgen",
        &[
            "--target",
            "web",
            "--no-typescript",
            "--no-demangle",
            "--out-dir",
            out.to_str().unwrap(),
            wasm.to_str().unwrap(),
        ],
    ))?;
    let path = out.join(format!("{stem}_bg.wasm"));
    let bound = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let shipped = ship(&bound)?;
    std::fs::write(&path, &shipped).map_err(|e| e.to_string())?;
    Ok(Built {
        linked,
        bound,
        shipped,
    })
}

/// Appends `n` as unsigned LEB128.
pub fn leb(mut n: usize, out: &mut Vec<u8>) {
    loop {
        let b = (n & 0x7f) as u8;
        n >>= 7;
        out.push(if n > 0 { b | 0x80 } else { b });
        if n == 0 {
            return;
        }
    }
}

/// Appends a section: id, LEB128 size, contents.
pub fn section(id: u8, contents: &[u8], out: &mut Vec<u8>) {
    out.push(id);
    leb(contents.len(), out);
    out.extend_from_slice(contents);
}

/// Appends a wasm name: LEB128 length, UTF-8 bytes.
pub fn name(s: &str, out: &mut Vec<u8>) {
    leb(s.len(), out);
    out.extend_from_slice(s.as_bytes());
}

/// The bound module as it ships: no custom sections (names, producers, the linker's
/// relocations that wasm-bindgen copies along), and no trailing active data segments that are
/// all zeros (memory starts zeroed; `--emit-relocs` keeps `.bss` as such a segment). Segment
/// indices before them do not change; a data count section is updated.
pub fn ship(bound: &[u8]) -> Result<Vec<u8>> {
    let err = |e: wasmparser::BinaryReaderError| format!("wasm: {e}");
    let mut sections = Vec::new();
    let mut kept_segments = None;
    for payload in Parser::new(0).parse_all(bound) {
        let payload = payload.map_err(err)?;
        if let Payload::DataSection(reader) = &payload {
            let mut segments = Vec::new();
            for data in reader.clone() {
                let data = data.map_err(err)?;
                let zeros = matches!(data.kind, DataKind::Active { .. })
                    && data.data.iter().all(|&b| b == 0);
                segments.push((data.range, zeros));
            }
            let n = segments.len()
                - segments
                    .iter()
                    .rev()
                    .take_while(|(_, zeros)| *zeros)
                    .count();
            let mut contents = Vec::new();
            leb(n, &mut contents);
            for (r, _) in &segments[..n] {
                contents.extend_from_slice(&bound[r.clone()]);
            }
            kept_segments = Some(n);
            sections.push((11, contents));
        } else if let Some((id, range)) = payload.as_section() {
            if id != 0 {
                sections.push((id, bound[range].to_vec()));
            }
        }
    }
    let mut out = bound[..8].to_vec();
    for (id, mut contents) in sections {
        if let (12, Some(n)) = (id, kept_segments) {
            contents.clear();
            leb(n, &mut contents);
        }
        section(id, &contents, &mut out);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ship_drops_custom_sections_and_trailing_zero_segments() {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        section(5, &[1, 0, 1], &mut m); // one memory, one page
        section(12, &[3], &mut m); // data count
                                   // Segments at 16 (zeros: kept, not trailing), at 32 (bytes 7 7), at 64 (zeros).
        let data = [
            3, 0, 0x41, 16, 0x0b, 1, 0, 0, 0x41, 32, 0x0b, 2, 7, 7, 0, 0x41, 0xc0, 0, 0x0b, 2, 0, 0,
        ];
        section(11, &data, &mut m);
        section(0, b"\x04name\0", &mut m);
        let out = ship(&m).unwrap();
        let mut want = b"\0asm\x01\0\0\0".to_vec();
        section(5, &[1, 0, 1], &mut want);
        section(12, &[2], &mut want);
        section(
            11,
            &[2, 0, 0x41, 16, 0x0b, 1, 0, 0, 0x41, 32, 0x0b, 2, 7, 7],
            &mut want,
        );
        assert_eq!(out, want);
    }
}
