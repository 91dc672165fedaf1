//! The facts `@loyal/hedera/shake` cannot read from the finished wasm. Reading instructions, it
//! sees every call, but not where a function pointer or a static is used: both are plain
//! integers in code and data (a vtable is a static full of table indices). Without them it
//! has to keep every table slot and all the data, and with them whatever code they reach.
//! The linker knows: built with `--emit-relocs`, the linked (pre-wasm-bindgen) module keeps a
//! symbol for every static (address and size) and a relocation at every place code or data
//! names a symbol. This turns those into a graph over the bound module's function indices
//! (functions are matched by name; wasm-bindgen keeps addresses and data as they are, which is
//! checked) and writes it next to the wasm as `<name>.shake.json`:
//!
//! ```text
//! { "format": "loyal-shake/1", "size": bytes, "fnv": FNV-1a 32 of the wasm,
//!   "known":   [function, …],           functions described here (the others wasm-bindgen made)
//!   "refs":    [[[table refs], [statics]], …],  per known function
//!   "statics": [[start, end, [table refs], [statics]], …],  address ranges, refs of their bytes
//!   "roots":   [[table refs], [statics]] }      named by data no static covers
//! ```

use crate::run::Result;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use wasmparser::{
    DataKind, ElementItems, ElementKind, KnownCustom, Linking, Name, Operator, Parser, Payload,
    RelocationType, SymbolFlags, SymbolInfo,
};

/// A JSON array's items.
fn join<T: ToString>(items: impl IntoIterator<Item = T>) -> String {
    items
        .into_iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// FNV-1a, 32 bits: ties a graph to the exact bytes it describes (pkg/shake.js checks it).
pub fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5_u32, |h, &b| {
        (h ^ b as u32).wrapping_mul(0x0100_0193)
    })
}

#[derive(Default)]
struct Module {
    imported_functions: u32,
    /// Absolute byte range of each defined function's body.
    bodies: Vec<std::ops::Range<usize>>,
    code_start: usize,
    data_start: usize,
    /// (memory address, absolute position of the bytes, the bytes) per active segment.
    segments: Vec<(u32, usize, Vec<u8>)>,
    names: HashMap<u32, String>,
    elements: Vec<u32>,
    symbols: Vec<Symbol>,
    code_relocs: Vec<(RelocationType, u32, u32)>,
    data_relocs: Vec<(RelocationType, u32, u32)>,
}

#[derive(Clone, Copy)]
enum Symbol {
    Function(u32),
    /// Segment, offset in it, size.
    Data(u32, u32, u32),
    Other,
}

fn err(e: impl std::fmt::Display) -> String {
    format!("shake graph: {e}")
}

/// A segment offset: exactly `i32.const n; end`.
fn const_i32(expr: &wasmparser::ConstExpr) -> Result<u32> {
    let mut ops = expr.get_operators_reader();
    match (ops.read().map_err(err)?, ops.read().map_err(err)?) {
        (Operator::I32Const { value }, Operator::End) => Ok(value as u32),
        other => Err(err(format!(
            "segment offset {other:?} is not one i32.const"
        ))),
    }
}

/// `linker`: read the linking and relocation sections (wasm-bindgen copies the linked
/// module's into its output unchanged, describing the old indices: those are ignored).
fn parse(bytes: &[u8], linker: bool) -> Result<Module> {
    let mut m = Module::default();
    for payload in Parser::new(0).parse_all(bytes) {
        match payload.map_err(err)? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import.map_err(err)?.ty, wasmparser::TypeRef::Func(_)) {
                        m.imported_functions += 1;
                    }
                }
            }
            Payload::CodeSectionStart { range, .. } => m.code_start = range.start,
            Payload::CodeSectionEntry(body) => m.bodies.push(body.range()),
            Payload::DataSection(reader) => {
                m.data_start = reader.range().start;
                for data in reader {
                    let data = data.map_err(err)?;
                    if let DataKind::Active { offset_expr, .. } = &data.kind {
                        let at = data.range.end - data.data.len();
                        m.segments
                            .push((const_i32(offset_expr)?, at, data.data.to_vec()));
                    } else {
                        return Err(err("passive data segments are not supported"));
                    }
                }
            }
            Payload::ElementSection(reader) => {
                for element in reader {
                    let element = element.map_err(err)?;
                    match (element.kind, element.items) {
                        (ElementKind::Active { .. }, ElementItems::Functions(funcs)) => {
                            for f in funcs {
                                m.elements.push(f.map_err(err)?);
                            }
                        }
                        _ => {
                            return Err(err(
                                "only active element segments of function indices are supported",
                            ))
                        }
                    }
                }
            }
            Payload::CustomSection(section) => match section.as_known() {
                KnownCustom::Name(names) => {
                    for name in names {
                        if let Name::Function(map) = name.map_err(err)? {
                            for naming in map {
                                let naming = naming.map_err(err)?;
                                m.names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
                KnownCustom::Linking(linking) if linker => {
                    for sub in linking.subsections() {
                        if let Linking::SymbolTable(symbols) = sub.map_err(err)? {
                            for symbol in symbols {
                                m.symbols.push(match symbol.map_err(err)? {
                                    SymbolInfo::Func { index, .. } => Symbol::Function(index),
                                    // An absolute symbol is an address the linker made,
                                    // not a static in a segment.
                                    SymbolInfo::Data {
                                        symbol: Some(d),
                                        flags,
                                        ..
                                    } if !flags.contains(SymbolFlags::ABSOLUTE) => {
                                        Symbol::Data(d.index, d.offset, d.size)
                                    }
                                    _ => Symbol::Other,
                                });
                            }
                        }
                    }
                }
                KnownCustom::Reloc(relocs) if linker => {
                    let into = match section.name() {
                        "reloc.CODE" => &mut m.code_relocs,
                        "reloc.DATA" => &mut m.data_relocs,
                        _ => continue,
                    };
                    for entry in relocs.entries() {
                        let e = entry.map_err(err)?;
                        into.push((e.ty, e.offset, e.index));
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(m)
}

/// What a relocation names, for reachability: a function's table slot, a static, or nothing
/// that matters (a call, which the shaker reads itself; a type, a global).
enum Target {
    Slot(u32),
    Static(u32),
    None,
}

fn target(m: &Module, ty: RelocationType, symbol: u32) -> Result<Target> {
    use RelocationType::*;
    let sym = *m
        .symbols
        .get(symbol as usize)
        .ok_or_else(|| err("relocation names no symbol"))?;
    Ok(match (ty, sym) {
        (
            TableIndexSleb | TableIndexI32 | TableIndexRelSleb | TableIndexSleb64 | TableIndexI64
            | TableIndexRelSleb64,
            Symbol::Function(f),
        ) => Target::Slot(f),
        (
            MemoryAddrLeb | MemoryAddrSleb | MemoryAddrI32 | MemoryAddrRelSleb | MemoryAddrLeb64
            | MemoryAddrSleb64 | MemoryAddrI64 | MemoryAddrRelSleb64 | MemoryAddrLocrelI32,
            _,
        ) => {
            match sym {
                Symbol::Data(..) => Target::Static(symbol),
                // An undefined data symbol (a linker-made address): nothing to keep.
                _ => Target::None,
            }
        }
        (
            FunctionIndexLeb | FunctionIndexI32 | TypeIndexLeb | GlobalIndexLeb | GlobalIndexI32
            | TableNumberLeb,
            _,
        ) => Target::None,
        (other, _) => return Err(err(format!("relocation type {other:?} is not supported"))),
    })
}

/// Statics as disjoint address ranges: overlapping symbols are one range; a zero-sized symbol
/// (an address, not an object) stands for its whole segment.
struct Statics {
    ranges: Vec<(u32, u32)>,
    of_symbol: HashMap<u32, Vec<usize>>,
}

impl Statics {
    /// The range that holds `address`, if any.
    fn containing(&self, address: u32) -> Option<usize> {
        let r = self.ranges.partition_point(|r| r.1 <= address);
        self.ranges
            .get(r)
            .filter(|range| range.0 <= address)
            .map(|_| r)
    }
}

fn statics(m: &Module) -> Result<Statics> {
    let segment = |seg: u32| {
        m.segments
            .get(seg as usize)
            .ok_or_else(|| err("a symbol in no segment"))
    };
    let past = || err("a symbol past the end of its segment");
    let mut spans = Vec::new();
    for (i, s) in m.symbols.iter().enumerate() {
        if let Symbol::Data(seg, off, size) = *s {
            let (base, _, bytes) = segment(seg)?;
            if off
                .checked_add(size)
                .is_none_or(|end| end as usize > bytes.len())
            {
                return Err(past());
            }
            if size > 0 {
                let a = base.checked_add(off).ok_or_else(past)?;
                spans.push((a, a.checked_add(size).ok_or_else(past)?, i as u32));
            }
        }
    }
    spans.sort();
    let mut ranges: Vec<(u32, u32)> = Vec::new();
    let mut of_symbol: HashMap<u32, Vec<usize>> = HashMap::new();
    for (start, end, sym) in spans {
        match ranges.last_mut() {
            Some(last) if start < last.1 => last.1 = last.1.max(end),
            _ => ranges.push((start, end)),
        }
        of_symbol.insert(sym, vec![ranges.len() - 1]);
    }
    for (i, s) in m.symbols.iter().enumerate() {
        if let Symbol::Data(seg, _, 0) = *s {
            let (base, _, bytes) = segment(seg)?;
            let end = base.saturating_add(bytes.len() as u32);
            let all = (0..ranges.len())
                .filter(|&r| ranges[r].0 >= *base && ranges[r].1 <= end)
                .collect();
            of_symbol.insert(i as u32, all);
        }
    }
    Ok(Statics { ranges, of_symbol })
}

#[derive(Default)]
struct Refs {
    slots: BTreeSet<u32>,
    statics: BTreeSet<usize>,
}

impl Refs {
    fn add(&mut self, t: Target, s: &Statics) {
        match t {
            Target::Slot(f) => {
                self.slots.insert(f);
            }
            Target::Static(sym) => self
                .statics
                .extend(s.of_symbol.get(&sym).into_iter().flatten()),
            Target::None => {}
        }
    }
}

/// Whether the static `from` (a range of `m`'s data) is a `core::panic::Location` (16 bytes on
/// wasm32: the file as pointer and length, line, column) and `to`, the symbol its first
/// word points at, the file's path: bytes that end in `.rs`, as long as the length says
/// (plus the NUL Rust puts after them).
fn location_file(m: &Module, from: (u32, u32), address: u32, to: u32) -> bool {
    let Some(Symbol::Data(seg, off, size)) = m.symbols.get(to as usize).copied() else {
        return false;
    };
    let Some((base, _, bytes)) = m.segments.get(seg as usize) else {
        return false;
    };
    let word = |a: u32| -> Option<u32> {
        let at = a.checked_sub(*base)? as usize;
        Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    // Since Rust 1.88 the path is stored with a NUL after it, which the length leaves out.
    let path = bytes
        .get(off as usize..(off + size) as usize)
        .unwrap_or_default();
    let path = path.strip_suffix(b"\0").unwrap_or(path);
    let len = u32::try_from(path.len()).ok();
    from.1 - from.0 == 16 && address == from.0 && word(from.0 + 4) == len && path.ends_with(b".rs")
}

/// For a build whose panic handler traps without reading its argument: `shipped` with every
/// panic location of `linked` made the empty location (file `""` at a dangling non-null
/// pointer, line and column 0) and the file paths nothing else names made zeros — what
/// `-Z location-detail=none` does on nightly Rust. Same length, same addresses.
pub fn redact_panic_locations(linked: &[u8], shipped: &[u8]) -> Result<Vec<u8>> {
    let pre = parse(linked, true)?;
    let post = parse(shipped, false)?;
    let statics = statics(&pre)?;
    let (mut locations, mut paths, mut named) = (Vec::new(), BTreeSet::new(), BTreeSet::new());
    for &(ty, _, symbol) in &pre.code_relocs {
        if let Target::Static(to) = target(&pre, ty, symbol)? {
            named.insert(to);
        }
    }
    for &(ty, offset, symbol) in &pre.data_relocs {
        let Target::Static(to) = target(&pre, ty, symbol)? else {
            continue;
        };
        let address = data_address(&pre, offset)?;
        let range = statics.containing(address).map(|r| statics.ranges[r]);
        match range {
            Some(range) if location_file(&pre, range, address, to) => {
                locations.push(range.0);
                paths.insert(to);
            }
            _ => {
                named.insert(to);
            }
        }
    }
    let mut out = shipped.to_vec();
    let mut write = |address: u32, bytes: &[u8]| -> Result {
        let (base, at, data) = post
            .segments
            .iter()
            .find(|(base, _, data)| (*base..*base + data.len() as u32).contains(&address))
            .ok_or_else(|| err(format!("no shipped data at {address}")))?;
        let from = at + (address - base) as usize;
        if from + bytes.len() > at + data.len() {
            return Err(err(format!("a static at {address} runs past its segment")));
        }
        out[from..from + bytes.len()].copy_from_slice(bytes);
        Ok(())
    };
    let empty = [1u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    for &address in &locations {
        write(address, &empty)?;
    }
    for path in paths.difference(&named) {
        if let Some(Symbol::Data(seg, off, size)) = pre.symbols.get(*path as usize).copied() {
            let base = pre
                .segments
                .get(seg as usize)
                .ok_or_else(|| err("a symbol in no segment"))?
                .0;
            write(base + off, &vec![0; size as usize])?;
        }
    }
    Ok(out)
}

/// The memory address of the byte a data relocation at `offset` (in the data section) patches.
fn data_address(m: &Module, offset: u32) -> Result<u32> {
    let at = m.data_start + offset as usize;
    let (base, from, _) = m
        .segments
        .iter()
        .find(|(_, from, bytes)| (*from..from + bytes.len()).contains(&at))
        .ok_or_else(|| err(format!("data relocation at {offset} is in no segment")))?;
    Ok(base + (at - from) as u32)
}

/// The graph of `linked` (built with `--emit-relocs`) over the function indices of `bound`
/// (wasm-bindgen's output, names kept), for the stripped bytes `shipped`.
pub fn build(linked: &[u8], bound: &[u8], shipped: &[u8]) -> Result<String> {
    let pre = parse(linked, true)?;
    let post = parse(bound, false)?;
    if pre.symbols.is_empty() || pre.code_relocs.is_empty() {
        return Err(err(
            "the linked wasm has no relocations (built without --emit-relocs?)",
        ));
    }
    // Statics stay where the linker put them: wasm-bindgen must not have moved a byte.
    let layout = |m: &Module| {
        m.segments
            .iter()
            .map(|(a, _, b)| (*a, b.clone()))
            .collect::<Vec<_>>()
    };
    if layout(&pre) != layout(&post) {
        return Err(err("wasm-bindgen changed the data segments"));
    }
    let statics = statics(&pre)?;

    let function_at = |offset: u32| -> Result<u32> {
        let at = pre.code_start + offset as usize;
        let i = pre.bodies.partition_point(|b| b.end <= at);
        match pre.bodies.get(i) {
            Some(b) if b.start <= at => Ok(pre.imported_functions + i as u32),
            _ => Err(err(format!(
                "code relocation at {offset} is in no function"
            ))),
        }
    };
    let mut by_function: BTreeMap<u32, Refs> = BTreeMap::new();
    for &(ty, offset, symbol) in &pre.code_relocs {
        let t = target(&pre, ty, symbol)?;
        by_function
            .entry(function_at(offset)?)
            .or_default()
            .add(t, &statics);
    }
    let mut by_static: Vec<Refs> = statics.ranges.iter().map(|_| Refs::default()).collect();
    let mut roots = Refs::default();
    for &(ty, offset, symbol) in &pre.data_relocs {
        let address = data_address(&pre, offset)?;
        let t = target(&pre, ty, symbol)?;
        match statics.containing(address) {
            Some(r) => by_static[r].add(t, &statics),
            // Bytes no symbol covers are always kept, so what they name is a root.
            None => roots.add(t, &statics),
        }
    }

    // Functions by name; a name that is not unique on both sides is not matched. wasm-bindgen
    // renames the functions it exports from `<js name>_<16 hex digits>` to the JS name.
    let unique = |names: &mut dyn Iterator<Item = (String, u32)>| {
        let mut seen: HashMap<String, Option<u32>> = HashMap::new();
        for (n, i) in names {
            seen.entry(n).and_modify(|e| *e = None).or_insert(Some(i));
        }
        seen.into_iter()
            .filter_map(|(n, i)| Some((n, i?)))
            .collect::<HashMap<String, u32>>()
    };
    let pre_index = unique(&mut pre.names.iter().map(|(i, n)| (n.clone(), *i)));
    let pre_exported = unique(&mut pre.names.iter().filter_map(|(i, n)| {
        let (js, hash) = n.rsplit_once('_')?;
        (hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| (js.to_owned(), *i))
    }));
    let post_index = unique(&mut post.names.iter().map(|(i, n)| (n.clone(), *i)));
    // Exact names first; the export rule only for a function whose own name is gone (renamed,
    // not wrapped: a wrapper wasm-bindgen wrote stays undescribed, so it is read with care).
    let mut pre_to_post: HashMap<u32, u32> = HashMap::new();
    for (name, &p) in &post_index {
        if let Some(&f) = pre_index.get(name) {
            pre_to_post.insert(f, p);
        }
    }
    for (name, &p) in &post_index {
        if let Some(&f) = pre_exported.get(name) {
            let renamed = !post_index.contains_key(&pre.names[&f]);
            if renamed && !pre_index.contains_key(name) {
                pre_to_post.entry(f).or_insert(p);
            }
        }
    }
    let to_post = |f: u32| pre_to_post.get(&f).copied();
    let slots = |refs: &Refs, what: &str| -> Result<Vec<u32>> {
        refs.slots
            .iter()
            .map(|&f| {
                to_post(f).ok_or_else(|| {
                    let name = pre.names.get(&f).map_or("?", String::as_str);
                    err(format!("{what} takes the address of {name} (function {f}), which the bound wasm lacks or names twice"))
                })
            })
            .collect()
    };

    let mut known = Vec::new();
    let mut refs = Vec::new();
    let empty = Refs::default();
    let defined_pre = pre.imported_functions..pre.imported_functions + pre.bodies.len() as u32;
    let mut post_known: BTreeMap<u32, u32> = BTreeMap::new();
    for f in defined_pre {
        if let Some(p) = to_post(f) {
            post_known.insert(p, f);
        }
    }
    for (&p, &f) in &post_known {
        if p < post.imported_functions {
            continue;
        }
        let r = by_function.get(&f).unwrap_or(&empty);
        known.push(p.to_string());
        refs.push(format!(
            "[[{}],[{}]]",
            join(&slots(r, "a function")?),
            join(&r.statics)
        ));
    }
    let statics_json: Vec<String> = statics
        .ranges
        .iter()
        .zip(&by_static)
        .map(|(&(s, e), r)| {
            Ok(format!(
                "[{s},{e},[{}],[{}]]",
                join(&slots(r, "a static")?),
                join(&r.statics)
            ))
        })
        .collect::<Result<_>>()?;
    let mut root_slots = slots(&roots, "data")?;
    // A table slot wasm-bindgen filled with a function of its own: nothing here says who may
    // call it, so it is kept.
    root_slots.extend(post.elements.iter().filter(|f| !post_known.contains_key(f)));
    Ok(format!(
        "{{\"format\":\"loyal-shake/1\",\"size\":{},\"fnv\":{},\"known\":[{}],\"refs\":[{}],\"statics\":[{}],\"roots\":[[{}],[{}]]}}\n",
        shipped.len(),
        fnv1a(shipped),
        known.join(","),
        refs.join(","),
        statics_json.join(","),
        join(&root_slots),
        join(&roots.statics),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wasm::{leb, name, section};
    fn custom(title: &str, body: &[u8], out: &mut Vec<u8>) {
        let mut b = Vec::new();
        name(title, &mut b);
        b.extend_from_slice(body);
        section(0, &b, out);
    }
    /// A 5-byte LEB128, as a linker leaves relocated immediates.
    fn padded(n: u32) -> [u8; 5] {
        let mut b = [0; 5];
        for (i, x) in b.iter_mut().enumerate() {
            *x = ((n >> (7 * i)) & 0x7f) as u8 | if i < 4 { 0x80 } else { 0 };
        }
        b
    }

    /// A linked module as wasm-ld leaves it with `--emit-relocs`: `keep` (f0) takes the address
    /// of static S (1024..1028) and the slot of f1; S holds the slot of f2; f3 is in the table,
    /// named by nothing; static T (1028..1032) is named by nothing.
    fn linked() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        section(1, &[1, 0x60, 0, 0], &mut m);
        section(3, &[4, 0, 0, 0, 0], &mut m);
        section(4, &[1, 0x70, 0, 4], &mut m);
        section(5, &[1, 0, 1], &mut m);
        section(9, &[1, 0, 0x41, 1, 0x0b, 3, 1, 2, 3], &mut m);
        // Code: f0 = i32.const S; drop; i32.const slot(f1); drop. The others are empty.
        let mut code = vec![4];
        let mut body = vec![0, 0x41];
        let at_s = 1 + 1 + body.len(); // count, body size, then this offset in the section
        body.extend(padded(1024));
        body.extend([0x1a, 0x41]);
        let at_slot = 1 + 1 + body.len();
        body.extend(padded(1));
        body.extend([0x1a, 0x0b]);
        leb(body.len(), &mut code);
        code.extend(&body);
        for _ in 0..3 {
            code.extend([2, 0, 0x0b]);
        }
        section(10, &code, &mut m);
        // Data: one segment at 1024: S = slot(f2), T = 7.
        let data = [1, 0, 0x41, 0x80, 0x08, 0x0b, 8, 2, 0, 0, 0, 7, 0, 0, 0];
        let at_data_slot = 7; // the segment's bytes start after its header
        section(11, &data, &mut m);
        let mut names = vec![1];
        let mut map = vec![4];
        for (i, n) in ["keep", "f1", "f2", "f3"].iter().enumerate() {
            map.push(i as u8);
            name(n, &mut map);
        }
        leb(map.len(), &mut names);
        names.extend(&map);
        custom("name", &names, &mut m);
        // Symbols: 0..4 the functions, 4 = S, 5 = T (segment 0, offset, size 4).
        let mut symbols = vec![6];
        for (i, n) in ["keep", "f1", "f2", "f3"].iter().enumerate() {
            symbols.extend([0, 0, i as u8]);
            name(n, &mut symbols);
        }
        for (n, offset) in [("S", 0), ("T", 4)] {
            symbols.extend([1, 2]);
            name(n, &mut symbols);
            symbols.extend([0, offset, 4]);
        }
        let mut linking = vec![2, 8];
        leb(symbols.len(), &mut linking);
        linking.extend(&symbols);
        custom("linking", &linking, &mut m);
        // reloc.CODE (code is section 5 in order): MEMORY_ADDR_SLEB to S, TABLE_INDEX_SLEB to f1.
        custom(
            "reloc.CODE",
            &[5, 2, 4, at_s as u8, 4, 0, 1, at_slot as u8, 1],
            &mut m,
        );
        // reloc.DATA (section 6): TABLE_INDEX_I32 to f2 at S.
        custom("reloc.DATA", &[6, 1, 2, at_data_slot, 2], &mut m);
        m
    }

    #[test]
    fn graph_names_slots_and_statics_from_relocations() {
        let m = linked();
        let graph = build(&m, &m, &m).unwrap();
        assert_eq!(
            redact_panic_locations(&m, &m).unwrap(),
            m,
            "no location, nothing changes"
        );
        assert!(graph.contains("\"known\":[0,1,2,3]"), "{graph}");
        assert!(
            graph.contains("\"refs\":[[[1],[0]],[[],[]],[[],[]],[[],[]]]"),
            "{graph}"
        );
        assert!(
            graph.contains("\"statics\":[[1024,1028,[2],[]],[1028,1032,[],[]]]"),
            "{graph}"
        );
        assert!(graph.contains("\"roots\":[[],[]]"), "{graph}");
        assert!(graph.contains(&format!("\"size\":{},\"fnv\":{}", m.len(), fnv1a(&m))));
    }

    /// `keep` (f0) takes the address of L (1024..1040), shaped like a panic location whose
    /// file pointer (relocated) names P (1040..1049, `src/a.rs` and a NUL).
    fn with_location() -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        section(1, &[1, 0x60, 0, 0], &mut m);
        section(3, &[1, 0], &mut m);
        section(5, &[1, 0, 1], &mut m);
        let mut body = vec![0, 0x41];
        let at_l = 1 + 1 + body.len();
        body.extend(padded(1024));
        body.extend([0x1a, 0x0b]);
        let mut code = vec![1];
        leb(body.len(), &mut code);
        code.extend(&body);
        section(10, &code, &mut m);
        let mut data = vec![1, 0, 0x41, 0x80, 0x08, 0x0b, 25];
        data.extend([0x10, 0x04, 0, 0, 8, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
        data.extend(b"src/a.rs\0");
        section(11, &data, &mut m);
        let mut map = vec![1, 0];
        name("keep", &mut map);
        let mut names = vec![1];
        leb(map.len(), &mut names);
        names.extend(&map);
        custom("name", &names, &mut m);
        let mut symbols = vec![3, 0, 0, 0];
        name("keep", &mut symbols);
        for (n, offset, size) in [("L", 0, 16), ("P", 16, 9)] {
            symbols.extend([1, 2]);
            name(n, &mut symbols);
            symbols.extend([0, offset, size]);
        }
        let mut linking = vec![2, 8];
        leb(symbols.len(), &mut linking);
        linking.extend(&symbols);
        custom("linking", &linking, &mut m);
        // Code is section 3 in order, data 4: MEMORY_ADDR_SLEB to L, MEMORY_ADDR_I32 to P.
        custom("reloc.CODE", &[3, 1, 4, at_l as u8, 1, 0], &mut m);
        custom("reloc.DATA", &[4, 1, 5, 7, 2, 0], &mut m);
        m
    }

    #[test]
    fn panic_locations_are_redacted() {
        let m = with_location();
        let out = redact_panic_locations(&m, &m).unwrap();
        let at = m
            .windows(8)
            .position(|w| w == [0x10, 0x04, 0, 0, 8, 0, 0, 0])
            .unwrap();
        assert_eq!(
            out[at..at + 16],
            [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
        );
        assert_eq!(
            out[at + 16..at + 25],
            [0; 9],
            "the path, which nothing else names"
        );
        assert_eq!(
            (out.len(), &out[..at], &out[at + 25..]),
            (m.len(), &m[..at], &m[at + 25..])
        );
        // A length that is not the path's: not a location, left alone.
        let mut other = m.clone();
        other[at + 4] = 7;
        assert_eq!(redact_panic_locations(&other, &other).unwrap(), other);
    }

    #[test]
    fn refuses_what_it_cannot_describe() {
        let m = linked();
        // Without relocations (built without --emit-relocs).
        let plain = crate::wasm::ship(&m).unwrap();
        assert!(build(&plain, &m, &m).unwrap_err().contains("--emit-relocs"));
        // A bound module whose data moved.
        let mut moved = m.clone();
        let at = moved
            .windows(3)
            .position(|w| w == [0x41, 0x80, 0x08])
            .unwrap();
        moved[at + 1] = 0x90;
        assert!(build(&m, &moved, &m).unwrap_err().contains("data segments"));
    }
}
