//! Short import names. wasm-bindgen names each function the wasm imports from its glue
//! `__wbg_<what>_<16 hex digits>`: ~40 names of ~40 bytes that every app ships twice, as keys
//! of the glue's imports object and in the wasm's import section, and whose hashes gzip cannot
//! shrink. Both sides get the same short names (binaryen's minify-imports, done here because
//! Debian's wasm-opt 108 cannot read wasm-bindgen 0.2.130's output; see wasm.rs).

use crate::run::Result;
use crate::wasm::{leb, name, section};

const GLUE: &str = "./loyal_wasm_bg.js";

fn err(e: impl std::fmt::Display) -> String {
    format!("minify imports: {e}")
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Result<u8> {
        let b = *self
            .b
            .get(self.pos)
            .ok_or_else(|| err("unexpected end of the module"))?;
        self.pos += 1;
        Ok(b)
    }
    fn u32(&mut self) -> Result<u32> {
        let (mut v, mut shift) = (0u32, 0);
        loop {
            let b = self.byte()?;
            if shift == 28 && b > 0x0f {
                return Err(err("a LEB128 u32 out of range"));
            }
            v |= ((b & 0x7f) as u32) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }
    fn name(&mut self) -> Result<&str> {
        let n = self.u32()? as usize;
        let s = self
            .b
            .get(self.pos..self.pos + n)
            .ok_or_else(|| err("name past the end"))?;
        self.pos += n;
        std::str::from_utf8(s).map_err(err)
    }
    fn limits(&mut self) -> Result<()> {
        let flags = self.byte()?;
        self.u32()?;
        if flags & 1 != 0 {
            self.u32()?;
        }
        Ok(())
    }
}

/// The `i`th short name: `a` … `z`, `A` … `Z`, then two letters, and so on.
fn short(mut i: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut s = Vec::new();
    loop {
        s.push(LETTERS[i % LETTERS.len()]);
        i /= LETTERS.len();
        if i == 0 {
            break;
        }
        i -= 1;
    }
    String::from_utf8(s).expect("ASCII")
}

/// `wasm` and `glue` with every function the wasm imports from the glue renamed. Each old name
/// must be a key of the glue's imports object exactly once, or nothing is renamed and the
/// build fails: a glue of another shape would lose an import silently.
pub fn minify(wasm: &[u8], glue: &str) -> Result<(Vec<u8>, String)> {
    let mut r = Reader { b: wasm, pos: 8 };
    let mut out = wasm[..8].to_vec();
    let mut glue = glue.to_owned();
    let mut renamed = 0;
    while r.pos < wasm.len() {
        let start = r.pos;
        let id = r.byte()?;
        let size = r.u32()? as usize;
        let body = r.pos;
        let end = body + size;
        if id != 2 {
            out.extend_from_slice(
                wasm.get(start..end)
                    .ok_or_else(|| err("section past the end"))?,
            );
            r.pos = end;
            continue;
        }
        let mut imports = Vec::new();
        let count = r.u32()?;
        leb(count as usize, &mut imports);
        for _ in 0..count {
            let module = r.name()?.to_owned();
            let old = r.name()?.to_owned();
            let descriptor = r.pos;
            match r.byte()? {
                0 => {
                    r.u32()?;
                }
                1 => {
                    r.byte()?;
                    r.limits()?;
                }
                2 => r.limits()?,
                3 => {
                    r.byte()?;
                    r.byte()?;
                }
                kind => return Err(err(format!("import kind {kind} is not supported"))),
            }
            let is_function = wasm[descriptor] == 0;
            let new = if module == GLUE && is_function {
                let key = format!("        {old}: function(");
                if glue.matches(&key).count() != 1 || glue.matches(old.as_str()).count() != 1 {
                    return Err(err(format!(
                        "{old} is not one key of the glue's imports object"
                    )));
                }
                let new = short(renamed);
                renamed += 1;
                glue = glue.replace(&key, &format!("        {new}: function("));
                new
            } else {
                old
            };
            name(&module, &mut imports);
            name(&new, &mut imports);
            imports.extend_from_slice(&wasm[descriptor..r.pos]);
        }
        if r.pos != end {
            return Err(err("the import section has trailing bytes"));
        }
        section(2, &imports, &mut out);
    }
    if renamed == 0 {
        return Err(err("the wasm imports nothing from its glue"));
    }
    Ok((out, glue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_distinct_identifiers() {
        let names: Vec<String> = (0..3000).map(short).collect();
        let unique: std::collections::HashSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), names.len());
        assert_eq!(
            (names[0].as_str(), names[51].as_str(), names[52].as_str()),
            ("a", "Z", "aa")
        );
        assert!(names
            .iter()
            .all(|n| n.bytes().all(|b| b.is_ascii_alphabetic())));
    }

    #[test]
    fn renames_both_sides_and_refuses_a_glue_it_does_not_know() {
        // One function import from the glue, one memory import from elsewhere.
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        let mut imports = vec![2];
        name(GLUE, &mut imports);
        name("__wbg_now_463ac581d2fc7ea3", &mut imports);
        imports.extend([0, 0]);
        name("env", &mut imports);
        name("memory", &mut imports);
        imports.extend([2, 0, 1]);
        wasm.extend([1, 4, 1, 0x60, 0, 0]); // one type: [] -> []
        wasm.push(2);
        leb(imports.len(), &mut wasm);
        wasm.extend(&imports);
        let glue =
            "x = {\n        __wbg_now_463ac581d2fc7ea3: function() { return Date.now(); },\n};\n";
        let (out, glue_out) = minify(&wasm, glue).unwrap();
        assert_eq!(
            glue_out,
            "x = {\n        a: function() { return Date.now(); },\n};\n"
        );
        let text = String::from_utf8_lossy(&out);
        assert!(text.contains("\u{1}a") && text.contains("memory") && !text.contains("__wbg_now"));
        assert_eq!(
            out.len(),
            wasm.len() - "__wbg_now_463ac581d2fc7ea3".len() + 1
        );
        let twice = format!("{glue}// __wbg_now_463ac581d2fc7ea3\n");
        assert!(minify(&wasm, &twice).is_err());
    }
}
