// @loyal/hedera/shake: tree-shaking for the package's wasm. A bundler drops the JS an app does
// not use, but a .wasm is opaque to it: every builder, key form and message function ships
// whether the app calls it or not. After bundling, the exports the bundle still names are the
// ones the app can reach; this keeps those and everything they reach — calls, and, with the
// graph `cargo xtask pkg` ships next to each wasm, the function pointers and statics named by
// live code and live statics — and removes every other function (imported or defined; the
// rest are numbered again, calls, tables and exports rewritten) and zeroes the bytes of every
// other static. Addresses never change, so no data moves, and what goes is only what the
// linker's own records say nothing live names; a table slot that pointed at removed code
// traps, loudly. Plain JS, no dependency; an esbuild plugin and a Rollup/Vite plugin do it at
// the end of a build.

const WASM_FILES = ["./dist/sign/loyal_wasm_bg.wasm", "./dist/loyal_wasm_bg.wasm"];

/** The package's wasm file `file` (one of WASM_FILES) and its shake graph, read from disk. */
async function packageWasm(file) {
  const { readFile } = await import("node:fs/promises");
  const { fileURLToPath } = await import("node:url");
  const read = (f) => readFile(fileURLToPath(new URL(f, import.meta.url)));
  const [wasm, graph] = await Promise.all([read(file), read(file.replace(/\.wasm$/, ".shake.json"))]);
  return { wasm, graph: JSON.parse(new TextDecoder().decode(graph)) };
}

/** An `Error` with a stable `code`, like every error of the package. */
function shakeError(message) {
  const e = new Error(message);
  e.name = "LoyalError";
  e.code = "SHAKE";
  e.details = {};
  return e;
}

class Reader {
  constructor(bytes, pos = 0, end = bytes.length) {
    this.b = bytes;
    this.pos = pos;
    this.end = end;
  }
  byte() {
    if (this.pos >= this.end) throw shakeError("wasm: unexpected end of section");
    return this.b[this.pos++];
  }
  u32() {
    let result = 0, shift = 0, x;
    do {
      x = this.byte();
      result += (x & 0x7f) * 2 ** shift;
      shift += 7;
    } while (x & 0x80);
    return result;
  }
  /** A signed LEB128 of 32 bits, as the unsigned value of its bits (an address). */
  s32() {
    let result = 0, shift = 0, x;
    do {
      x = this.byte();
      result |= (x & 0x7f) << shift;
      shift += 7;
    } while (x & 0x80);
    if (shift < 32 && (x & 0x40)) result |= -1 << shift;
    return result >>> 0;
  }
  /** Skips a (signed or unsigned) LEB128 of any width. */
  skipLeb() {
    while (this.byte() & 0x80);
  }
  skip(n) {
    this.pos += n;
  }
  name() {
    const n = this.u32();
    const s = new TextDecoder().decode(this.b.subarray(this.pos, this.pos + n));
    this.pos += n;
    return s;
  }
}

const VALTYPES = new Set([0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f]);

function valtype(r) {
  const t = r.byte();
  if (!VALTYPES.has(t)) throw shakeError(`wasm: value type 0x${t.toString(16)} is not supported`);
}

function limits(r) {
  const flags = r.byte();
  r.skipLeb();
  if (flags & 1) r.skipLeb();
}

/**
 * Walks instructions from `r.pos` to `r.end` (or, for a constant expression, its `end`),
 * calling `ref(funcIndex)` for every function it calls or takes a reference to, and, given
 * `seen`, `seen.value(n)` for every i32 constant and memory offset and `seen.indirect()` for
 * every indirect call. Every opcode's immediates are decoded; an unknown opcode is an error,
 * never a guess.
 */
function scan(r, ref, expression = false, seen = null) {
  while (r.pos < r.end) {
    const op = r.byte();
    switch (op) {
      case 0x0b:
        if (expression) return;
        break;
      case 0x00: case 0x01: case 0x05: case 0x0f: case 0x1a: case 0x1b: case 0xd1:
        break;
      case 0x02: case 0x03: case 0x04: {
        const t = r.b[r.pos];
        if (t === 0x40 || VALTYPES.has(t)) r.pos++;
        else if (t >= 0x40 && t < 0x80) throw shakeError(`wasm: block type 0x${t.toString(16)} is not supported`);
        else r.skipLeb(); // a type index: non-negative, so its first byte is not 0x40..0x7f
        break;
      }
      case 0x41:
        if (seen) seen.value(r.s32());
        else r.skipLeb();
        break;
      case 0x0c: case 0x0d: case 0x20: case 0x21: case 0x22: case 0x23: case 0x24:
      case 0x25: case 0x26: case 0x3f: case 0x40: case 0x42:
        r.skipLeb();
        break;
      case 0x0e: {
        const n = r.u32();
        for (let i = 0; i <= n; i++) r.skipLeb();
        break;
      }
      case 0x10: case 0x12: case 0xd2: {
        const at = r.pos;
        ref(r.u32(), at, r.pos, op);
        break;
      }
      case 0x11: case 0x13:
        if (seen) seen.indirect();
        r.skipLeb();
        r.skipLeb();
        break;
      case 0x1c: {
        const n = r.u32();
        for (let i = 0; i < n; i++) valtype(r);
        break;
      }
      case 0x43:
        r.skip(4);
        break;
      case 0x44:
        r.skip(8);
        break;
      case 0xd0: {
        const t = r.byte();
        if (t !== 0x70 && t !== 0x6f) throw shakeError(`wasm: ref.null of heap type 0x${t.toString(16)} is not supported`);
        break;
      }
      case 0xfc: {
        const sub = r.u32();
        if (sub <= 7) break;
        if (sub === 8 || sub === 10 || sub === 12 || sub === 14) { r.skipLeb(); r.skipLeb(); break; }
        if (sub === 9 || sub === 11 || sub === 13 || (sub >= 15 && sub <= 17)) { r.skipLeb(); break; }
        throw shakeError(`wasm: instruction 0xfc ${sub} is not supported`);
      }
      case 0xfd: {
        // SIMD: memory lanes carry a memarg, lane ops a lane byte, const and shuffle 16 bytes.
        const sub = r.u32();
        const memarg = () => { const align = r.u32(); if (align & 0x40) r.skipLeb(); if (seen) seen.value(r.u32()); else r.skipLeb(); };
        if (sub <= 11 || sub === 92 || sub === 93) memarg();
        else if (sub === 12 || sub === 13) r.skip(16);
        else if (sub >= 21 && sub <= 34) r.skip(1);
        else if (sub >= 84 && sub <= 91) { memarg(); r.skip(1); }
        else if (sub > 275) throw shakeError(`wasm: instruction 0xfd ${sub} is not supported`);
        break;
      }
      default:
        if (op >= 0x28 && op <= 0x3e) {
          const align = r.u32();
          if (align & 0x40) r.skipLeb();
          if (seen) seen.value(r.u32());
          else r.skipLeb();
        } else if (!(op >= 0x45 && op <= 0xc4)) {
          throw shakeError(`wasm: instruction 0x${op.toString(16)} is not supported`);
        }
    }
  }
  if (expression) throw shakeError("wasm: a constant expression has no end");
}

/** The i32 constants of the constant expression at `r`, read to its `end`; `ref` gets the functions it names. */
function constants(r, ref = () => {}) {
  const values = [];
  scan(r, ref, true, { value: (v) => values.push(v), indirect() {} });
  return values;
}

/**
 * A segment offset at `r`, read to its `end`: its value if it is exactly `i32.const n`, else
 * null (a `global.get` or an extended constant has no fixed value here).
 */
function constOffset(r) {
  const start = r.pos;
  const values = constants(r);
  if (r.b[start] !== 0x41) return null;
  // `i32.const`, one LEB128, `end`: then the LEB128 is every byte in between.
  const leb = new Reader(r.b, start + 1, r.pos - 1);
  leb.skipLeb();
  return leb.pos === r.pos - 1 ? values[0] : null;
}

function sections(bytes) {
  const header = [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
  if (bytes.length < 8 || header.some((b, i) => bytes[i] !== b)) {
    throw shakeError("not a wasm module (version 1)");
  }
  const out = [];
  const r = new Reader(bytes, 8);
  while (r.pos < bytes.length) {
    const start = r.pos;
    const id = r.byte();
    const size = r.u32();
    out.push({ id, start, body: r.pos, end: r.pos + size });
    r.pos += size;
  }
  return out;
}

function uleb(n) {
  const out = [];
  do {
    let x = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) x |= 0x80;
    out.push(x);
  } while (n > 0);
  return Uint8Array.from(out);
}

function section(id, content) {
  return [Uint8Array.of(id, ...uleb(content.length)), content];
}

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** The function exports of a module, by name. */
export function wasmExports(bytes) {
  const names = [];
  for (const s of sections(bytes)) {
    if (s.id !== 7) continue;
    const r = new Reader(bytes, s.body, s.end);
    for (let n = r.u32(); n > 0; n--) {
      const name = r.name();
      const kind = r.byte();
      r.u32();
      if (kind === 0) names.push(name);
    }
  }
  return names;
}

/** The module's function exports that `js` (a bundle) names, as a wasm-bindgen glue calls them. */
export function usedExports(js, bytes) {
  return wasmExports(bytes).filter((name) => {
    const escaped = name.replace(/\$/g, "\\$");
    return new RegExp(`(^|[^\\w$])${escaped}($|[^\\w$])`).test(js);
  });
}

/** FNV-1a, 32 bits: ties a graph to the bytes it was made for. */
function fnv1a(bytes) {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

/**
 * The graph `cargo xtask pkg` ships next to each wasm (`*.shake.json`): for the functions the
 * linker made, which table slots (function pointers) and statics each one names, and what
 * each static's bytes name. Without it a vtable or a function pointer is an integer like any
 * other, so every table slot and every byte of data is kept.
 */
function readGraph(graph, bytes) {
  if (graph.format !== "loyal-shake/1") throw shakeError(`shake graph: format ${graph.format} is not supported`);
  if (graph.size !== bytes.length || graph.fnv !== fnv1a(bytes)) {
    throw shakeError("shake graph: made for another build of the wasm");
  }
  const known = new Map(graph.known.map((f, i) => [f, graph.refs[i]]));
  const starts = graph.statics.map((s) => s[0]);
  /** The static whose range holds `address`, or -1. */
  const at = (address) => {
    let lo = 0, hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] <= address) lo = mid + 1; else hi = mid; }
    return lo > 0 && address < graph.statics[lo - 1][1] ? lo - 1 : -1;
  };
  return { known, statics: graph.statics, roots: graph.roots, at };
}

/**
 * Keeps the function exports in `keep` (and what they reach); every other function export and
 * every function nothing kept reaches is removed. With the package's
 * `graph` (the parsed `*.shake.json` of this very wasm), function pointers and statics are
 * followed too: a table slot no live code or live static names is not kept, and the bytes of
 * statics nothing live names become zeros. Returns the new module, the export names removed,
 * and counts (`functions` before, `dropped` of them with the trap dead slots point at;
 * `zeroed` bytes).
 */
export function shakeWasm(bytes, keep, graph = null) {
  bytes = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const g = graph ? readGraph(graph, bytes) : null;
  const keepSet = new Set(keep);
  const secs = sections(bytes);
  let imported = 0;
  const roots = [];
  const slots = [];
  let code = null;
  const exports = [];
  const removed = [];
  const segments = [];
  const globalValues = [];
  const slotAt = new Map();
  let slotsAnywhere = false;
  const imports = [];
  let funcTypes = null;
  const dropExports = [];
  const refFuncs = new Set();
  for (const s of secs) {
    const r = new Reader(bytes, s.body, s.end);
    if (s.id === 2) {
      for (let n = r.u32(); n > 0; n--) {
        const from = r.pos;
        r.name();
        r.name();
        const kind = r.byte();
        if (kind === 0) { imported++; r.u32(); }
        else if (kind === 1) { r.byte(); limits(r); }
        else if (kind === 2) limits(r);
        else if (kind === 3) { valtype(r); r.byte(); }
        else if (kind === 4) { r.byte(); r.u32(); }
        else throw shakeError(`wasm: import kind ${kind} is not supported`);
        imports.push({ entry: bytes.subarray(from, r.pos), func: kind === 0 ? imported - 1 : -1 });
      }
    } else if (s.id === 3) {
      funcTypes = [];
      for (let n = r.u32(); n > 0; n--) funcTypes.push(r.u32());
    } else if (s.id === 4) {
      for (let n = r.u32(); n > 0; n--) {
        // A table with an initialiser (0x40 0x00): the expression may name a function.
        const init = r.b[r.pos] === 0x40;
        if (init) { r.byte(); if (r.byte() !== 0) throw shakeError("wasm: table encoding is not supported"); }
        valtype(r);
        limits(r);
        if (init) scan(r, (f) => roots.push(f), true);
      }
    } else if (s.id === 6) {
      for (let n = r.u32(); n > 0; n--) {
        valtype(r);
        r.byte();
        // A global may hold a static's address (wasm-ld exports `pub static`s that way).
        globalValues.push(...constants(r, (f) => roots.push(f)));
      }
    } else if (s.id === 7) {
      for (let n = r.u32(); n > 0; n--) {
        const from = r.pos;
        const name = r.name();
        const kind = r.byte();
        const head = bytes.subarray(from, r.pos);
        const index = r.u32();
        const entry = { head, kind, index, name };
        if (kind === 0 && !keepSet.has(name)) { removed.push(name); dropExports.push(entry); continue; }
        if (kind === 0) roots.push(index);
        exports.push(entry);
      }
    } else if (s.id === 8) {
      roots.push(r.u32());
    } else if (s.id === 9) {
      for (let n = r.u32(); n > 0; n--) {
        const flags = r.u32();
        if (flags > 7) throw shakeError(`wasm: element segment ${flags} is not supported`);
        if (flags === 2 || flags === 6) r.u32(); // table index
        // The offset of an active segment: with it, which function each slot number calls.
        const at = (flags & 1) === 0 ? constOffset(r) : null;
        if ((flags & 1) === 0 && at === null) slotsAnywhere = true;
        const expressions = (flags & 4) !== 0;
        if (flags & 3) r.byte(); // element kind or reference type
        for (let m = 0, count = r.u32(); m < count; m++) {
          const before = slots.length;
          if (expressions) scan(r, (f) => slots.push(f), true);
          else slots.push(r.u32());
          if (at !== null && slots.length === before + 1) slotAt.set(at + m, slots[before]);
        }
      }
    } else if (s.id === 10) {
      code = [];
      for (let n = r.u32(); n > 0; n--) {
        const from = r.pos;
        const size = r.u32();
        code.push({ from, body: r.pos, end: r.pos + size });
        r.pos += size;
      }
    } else if (s.id === 11) {
      for (let n = r.u32(); n > 0; n--) {
        const from = r.pos;
        const flags = r.u32();
        if (flags === 2) r.u32();
        let address = null;
        if (flags !== 1) {
          // An i32.const offset is an address the graph's statics can be matched with.
          address = constOffset(r);
          if (address === null) throw shakeError("wasm: a data segment offset is not an i32.const");
        }
        const size = r.u32();
        segments.push({ header: bytes.subarray(from, r.pos), address, data: bytes.subarray(r.pos, r.pos + size) });
        r.pos += size;
      }
    }
  }
  if (!code) throw shakeError("wasm: no code section");
  // Without a graph, any slot may be called from anywhere: every slot is a root.
  if (!g) roots.push(...slots);
  const live = new Set();
  const liveStatics = new Set();
  const stack = [...roots];
  const markStatic = (i) => {
    const todo = [i];
    while (todo.length) {
      const s = todo.pop();
      if (s < 0 || liveStatics.has(s)) continue;
      liveStatics.add(s);
      const [, , fns, more] = g.statics[s];
      stack.push(...fns);
      todo.push(...more);
    }
  };
  if (g) {
    stack.push(...g.roots[0]);
    g.roots[1].forEach(markStatic);
    globalValues.forEach((v) => markStatic(g.at(v)));
  }
  /** What a live function calls or takes a reference to is live; `ref.func` targets noted. */
  const reach = (h, at, end, op) => {
    stack.push(h);
    if (op === 0xd2) refFuncs.add(h);
  };
  while (stack.length) {
    const f = stack.pop();
    if (live.has(f)) continue;
    live.add(f);
    if (f < imported) continue;
    const c = code[f - imported];
    if (!c) continue;
    const r = new Reader(bytes, c.body, c.end);
    for (let locals = r.u32(); locals > 0; locals--) { r.u32(); valtype(r); }
    const refs = g && g.known.get(f);
    if (!g || refs) {
      scan(r, reach);
      if (refs) { stack.push(...refs[0]); refs[1].forEach(markStatic); }
    } else {
      // A function wasm-bindgen wrote: no relocations say what its constants mean, so every
      // constant that is an address keeps its static, every constant that is a slot number
      // keeps that slot's function (it may be handed to code that calls it), and an indirect
      // call keeps every slot.
      scan(r, reach, false, {
        value: (v) => {
          markStatic(g.at(v));
          if (slotAt.has(v)) stack.push(slotAt.get(v));
          else if (slotsAnywhere) stack.push(...slots);
        },
        indirect: () => stack.push(...slots),
      });
    }
  }
  // A `ref.func` in live code must stay declared: an export this removes may have been its
  // only declaration (element segments, globals and table initialisers stay), so such an
  // export stays too.
  const declared = new Set(slots);
  for (const f of refFuncs) {
    if (declared.has(f)) continue;
    const i = dropExports.findIndex((e) => e.kind === 0 && e.index === f);
    if (i < 0) continue;
    const [entry] = dropExports.splice(i, 1);
    exports.push(entry);
    removed.splice(removed.indexOf(entry.name), 1);
    declared.add(f);
  }
  // Dead functions (and function imports) leave the module; the live ones are numbered
  // again in order. A table slot no live code can call still needs a function to point at:
  // one dead function stays for all of them, its body `unreachable`. If every dead function
  // is an import, the dead slots keep the imports they had.
  let trap = -1;
  const keepAsIs = new Set();
  if (slots.some((f) => !live.has(f))) {
    for (let f = imported; f < imported + code.length && trap < 0; f++) if (!live.has(f)) trap = f;
    if (trap < 0) for (const f of slots) if (!live.has(f)) keepAsIs.add(f);
  }
  const number = new Map();
  for (let f = 0; f < imported + code.length; f++) {
    if (live.has(f) || f === trap || keepAsIs.has(f)) number.set(f, number.size);
  }
  const renumber = (f) => {
    const n = number.get(f) ?? number.get(trap);
    if (n === undefined) throw shakeError(`wasm: function ${f} was removed but is still named`);
    return n;
  };
  /** Bytes `from..to` with every function index an instruction names renumbered. */
  const rewritten = (from, to, expression) => {
    const patches = [];
    scan(new Reader(bytes, from, to), (f, at, end) => patches.push([at, end, renumber(f)]), expression);
    const out = [];
    let at = from;
    for (const [p, end, f] of patches) {
      out.push(bytes.subarray(at, p), uleb(f));
      at = end;
    }
    out.push(bytes.subarray(at, to));
    return concat(out);
  };
  const vec = (items) => concat([uleb(items.length), ...items]);
  const bodies = [];
  code.forEach((c, i) => {
    const f = imported + i;
    if (f === trap) bodies.push(Uint8Array.of(3, 0, 0x00, 0x0b)); // no locals; unreachable; end
    else if (live.has(f)) {
      const r = new Reader(bytes, c.body, c.end);
      for (let locals = r.u32(); locals > 0; locals--) { r.u32(); valtype(r); }
      const body = concat([bytes.subarray(c.body, r.pos), rewritten(r.pos, c.end, false)]);
      bodies.push(concat([uleb(body.length), body]));
    }
  });
  // The trap slot's function counts as dropped: its code is gone.
  const dropped = imported + code.length - number.size + (trap >= 0 ? 1 : 0);
  /** A section of constant expressions and indices read again, with functions renumbered. */
  const reindexed = (s) => {
    const r = new Reader(bytes, s.body, s.end);
    const out = [];
    const copy = (from) => out.push(bytes.subarray(from, r.pos));
    const expr = () => { const from = r.pos; scan(r, () => {}, true); out.push(rewritten(from, r.pos, true)); };
    const count = r.u32();
    out.push(uleb(count));
    for (let n = 0; n < count; n++) {
      let from = r.pos;
      if (s.id === 4) {
        const init = r.b[r.pos] === 0x40;
        if (init) r.skip(2);
        valtype(r);
        limits(r);
        copy(from);
        if (init) expr();
      } else if (s.id === 6) {
        valtype(r);
        r.byte();
        copy(from);
        expr();
      } else {
        const flags = r.u32();
        if (flags === 2 || flags === 6) r.u32();
        copy(from);
        if ((flags & 1) === 0) expr();
        from = r.pos;
        if (flags & 3) r.byte();
        copy(from);
        const items = r.u32();
        out.push(uleb(items));
        for (let m = 0; m < items; m++) {
          if (flags & 4) expr();
          else out.push(uleb(renumber(r.u32())));
        }
      }
    }
    return concat(out);
  };
  // The bytes of statics nothing live names: zeros (addresses and lengths unchanged).
  let zeroed = 0;
  const data = g && segments.map((seg) => {
    if (seg.address === null) return concat([seg.header, seg.data]);
    const out = Uint8Array.from(seg.data);
    const end = seg.address + out.length;
    g.statics.forEach(([from, to], i) => {
      if (liveStatics.has(i) || to <= seg.address || from >= end) return;
      const a = Math.max(from, seg.address) - seg.address, b = Math.min(to, end) - seg.address;
      out.fill(0, a, b);
      zeroed += b - a;
    });
    return concat([seg.header, out]);
  });
  const parts = [bytes.subarray(0, 8)];
  for (const s of secs) {
    const r = new Reader(bytes, s.body, s.end);
    if (s.id === 0) {
      // Custom sections: a name section would name the old indices.
      if (r.name() !== "name") parts.push(bytes.subarray(s.start, s.end));
    } else if (s.id === 2) parts.push(...section(2, vec(imports.filter((i) => i.func < 0 || number.has(i.func)).map((i) => i.entry))));
    else if (s.id === 3) parts.push(...section(3, vec(funcTypes.filter((_, i) => number.has(imported + i)).map(uleb))));
    else if (s.id === 4 || s.id === 6 || s.id === 9) parts.push(...section(s.id, reindexed(s)));
    else if (s.id === 7) parts.push(...section(7, vec(exports.map((e) => concat([e.head, uleb(e.kind === 0 ? renumber(e.index) : e.index)])))));
    else if (s.id === 8) parts.push(...section(8, uleb(renumber(r.u32()))));
    else if (s.id === 10) parts.push(...section(10, vec(bodies)));
    else if (s.id === 11 && data) parts.push(...section(11, vec(data)));
    else parts.push(bytes.subarray(s.start, s.end));
  }
  return { wasm: concat(parts), removed, functions: imported + code.length, dropped, zeroed };
}

/** The line the plugins log for each wasm they write. */
function summary(name, source, shaken) {
  return `${name}: ${source.length} -> ${shaken.wasm.length} B, ${shaken.removed.length} exports and ${shaken.dropped} of ${shaken.functions} functions removed, ${shaken.zeroed} B of statics zeroed`;
}

/**
 * An esbuild plugin: after the build, every output that loads one of this package's wasm
 * files (`new URL("./dist/…/loyal_wasm_bg.wasm", import.meta.url)`) gets that file next to it,
 * shaken to the exports the output names. `log` receives one line per file written.
 */
export function esbuildPlugin({ log = () => {} } = {}) {
  return {
    name: "loyal-hedera-shake",
    setup(build) {
      const write = build.initialOptions.write !== false;
      if (write) build.initialOptions.metafile = true;
      build.onEnd(async (result) => {
        if (result.errors.length) return;
        const fs = await import("node:fs/promises");
        const path = await import("node:path");
        const cwd = build.initialOptions.absWorkingDir ?? process.cwd();
        const js = /\.[cm]?js$/;
        const outputs = write
          ? await Promise.all(Object.keys(result.metafile.outputs).filter((f) => js.test(f))
            .map(async (f) => ({ path: path.resolve(cwd, f), text: await fs.readFile(path.resolve(cwd, f), "utf8") })))
          : result.outputFiles.filter((f) => js.test(f.path)).map((f) => ({ path: f.path, text: f.text }));
        // The names are read across every output of the build: with several entry points or
        // code splitting, the glue that calls an export may sit in another chunk than the one
        // that loads the wasm, and outputs that share a directory share its wasm file.
        const all = outputs.map((o) => o.text).join("\n");
        for (const file of WASM_FILES) {
          const targets = new Set(outputs.filter((o) => o.text.includes(JSON.stringify(file)))
            .map((o) => path.resolve(path.dirname(o.path), file)));
          if (targets.size === 0) continue;
          const { wasm: source, graph } = await packageWasm(file);
          const shaken = shakeWasm(source, usedExports(all, source), graph);
          for (const to of targets) {
            if (write) {
              await fs.mkdir(path.dirname(to), { recursive: true });
              await fs.writeFile(to, shaken.wasm);
            } else {
              // `write: false`: the wasm joins the outputs the caller writes.
              const contents = shaken.wasm;
              result.outputFiles.push({ path: to, contents, hash: "", get text() { return new TextDecoder().decode(contents); } });
            }
            log(summary(path.relative(cwd, to), source, shaken));
          }
        }
      });
    },
  };
}

/**
 * A Rollup plugin (Vite's `build` runs it too): a bundler that emits this package's wasm as an
 * asset (Vite does, for `new URL(…, import.meta.url)`) gets the asset's bytes shaken to the
 * exports the chunks name. The asset keeps the file name the bundler gave it.
 */
export function rollupPlugin({ log = () => {} } = {}) {
  const ours = (name) => WASM_FILES.find((file) => name.replaceAll("\\", "/").endsWith(file.slice(1)));
  return {
    name: "loyal-hedera-shake",
    apply: "build",
    async generateBundle(_options, bundle) {
      const files = Object.values(bundle);
      const all = files.filter((f) => f.type === "chunk").map((c) => c.code).join("\n");
      for (const asset of files) {
        const names = [...(asset.originalFileNames ?? []), ...(asset.names ?? []), asset.name ?? ""];
        const file = asset.type === "asset" && names.map(ours).find(Boolean);
        if (!file) continue;
        const source = asset.source instanceof Uint8Array ? asset.source : new TextEncoder().encode(asset.source);
        // The graph belongs to the package's file; its size and hash are checked against the
        // asset, so a bundler that changed the bytes gets an error, not a wrong wasm.
        const { graph } = await packageWasm(file);
        const shaken = shakeWasm(source, usedExports(all, source), graph);
        asset.source = shaken.wasm;
        log(summary(asset.fileName, source, shaken));
      }
    },
  };
}
