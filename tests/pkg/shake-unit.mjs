// @loyal/hedera/shake on a module small enough to know every answer: which exports go, which
// bodies become `unreachable`, that what is kept still computes, and that a table slot stays
// callable. Run from run.mjs in the scratch project.
import assert from "node:assert/strict";
import { shakeWasm, usedExports, wasmExports } from "@loyal/hedera/shake";

const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
const str = (s) => [...leb(s.length), ...new TextEncoder().encode(s)];
const vec = (items) => [...leb(items.length), ...items.flat()];
const section = (id, body) => [id, ...leb(body.length), ...body];
const body = (code) => { const b = [0, ...code, 0x0b]; return [...leb(b.length), ...b]; }; // no locals
const i32 = (n) => [0x41, ...leb(n)];
const call = (f) => [0x10, ...leb(f)];

// f0 keep: calls f1 · f1: 42 · f2 drop: calls f5 · f3: 9, only in the table · f4 indirect: calls slot 0 · f5: 7
const module = new Uint8Array([
  0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, vec([[0x60, 0, 1, 0x7f]])),
  ...section(3, vec([[0], [0], [0], [0], [0], [0]])),
  ...section(4, vec([[0x70, 0, 1]])),
  ...section(7, vec([[...str("keep"), 0, 0], [...str("drop"), 0, 2], [...str("indirect"), 0, 4]])),
  ...section(9, vec([[0, ...i32(0), 0x0b, ...vec([[3]])]])),
  ...section(10, vec([body(call(1)), body(i32(42)), body(call(5)), body(i32(9)), body([...i32(0), 0x11, 0, 0]), body(i32(7))])),
]);

const before = new WebAssembly.Instance(new WebAssembly.Module(module)).exports;
assert.deepEqual([before.keep(), before.drop(), before.indirect()], [42, 7, 9]);
assert.deepEqual(wasmExports(module), ["keep", "drop", "indirect"]);
assert.deepEqual(usedExports("x.keep();y.indirect()//dropped", module), ["keep", "indirect"]);

const shaken = shakeWasm(module, ["keep", "indirect"]);
assert.deepEqual(shaken.removed, ["drop"]);
assert.equal(shaken.functions, 6);
assert.equal(shaken.stubbed, 2, "f2 and f5, only reached from the dropped export");
const after = new WebAssembly.Instance(new WebAssembly.Module(shaken.wasm)).exports;
assert.equal(after.keep(), 42);
assert.equal(after.indirect(), 9, "a table slot stays callable");
assert.equal(after.drop, undefined);

// Other choices of names: what only they reach goes with them; the table's slot always stays.
assert.equal(shakeWasm(module, ["keep"]).stubbed, 3, "f2, f4 and f5 (f3 is in the table)");
const onlyDrop = shakeWasm(module, ["drop"]);
assert.equal(onlyDrop.stubbed, 3, "f0, f1 and f4");
assert.equal(new WebAssembly.Instance(new WebAssembly.Module(onlyDrop.wasm)).exports.drop(), 7);
assert.throws(() => shakeWasm(new Uint8Array([1, 2, 3]), []), (e) => e.code === "SHAKE");
console.log("shake-unit: ok");
