// @loyal/hedera/shake on a module small enough to know every answer: which exports and
// functions go, that what is kept still computes under its new numbers, and that a table slot
// stays callable. Run from run.mjs in the scratch project.
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
assert.equal(shaken.dropped, 2, "f2 and f5, only reached from the dropped export");
const after = new WebAssembly.Instance(new WebAssembly.Module(shaken.wasm)).exports;
assert.equal(after.keep(), 42);
assert.equal(after.indirect(), 9, "a table slot stays callable");
assert.equal(after.drop, undefined);

// Other choices of names: what only they reach goes with them; the table's slot always stays.
assert.equal(shakeWasm(module, ["keep"]).dropped, 3, "f2, f4 and f5 (f3 is in the table)");
const onlyDrop = shakeWasm(module, ["drop"]);
assert.equal(onlyDrop.dropped, 3, "f0, f1 and f4");
assert.equal(new WebAssembly.Instance(new WebAssembly.Module(onlyDrop.wasm)).exports.drop(), 7);
assert.throws(() => shakeWasm(new Uint8Array([1, 2, 3]), []), (e) => e.code === "SHAKE");

// Removed functions leave the module, imports included: f0 (imported env.side) is called only
// by the dropped export f2, so the shaken module instantiates without any import, and f1's
// call to f3 still reaches f3 under its new number.
const withImport = new Uint8Array([
  0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, vec([[0x60, 0, 1, 0x7f]])),
  ...section(2, vec([[...str("env"), ...str("side"), 0, 0]])),
  ...section(3, vec([[0], [0], [0]])),
  ...section(7, vec([[...str("keep"), 0, 1], [...str("drop"), 0, 2]])),
  ...section(10, vec([body(call(3)), body(call(0)), body(i32(8))])),
]);
const noImport = shakeWasm(withImport, ["keep"]);
assert.equal(noImport.dropped, 2, "env.side and f2");
const mod = new WebAssembly.Module(noImport.wasm);
assert.deepEqual(WebAssembly.Module.imports(mod), []);
assert.equal(new WebAssembly.Instance(mod).exports.keep(), 8);
console.log("shake-unit: ok");

// With a graph: a function pointer stored in a static is followed, a slot nothing names is
// not kept, and a static nothing live names is zeroed.
// f0 keep: calls f1 · f1: loads static A (16..20, holding slot 1) · f2 drop: loads static B
// (32..36, holding 7) · f3: 9, in slot 1 · f4 indirect: calls the slot A holds · f5: 5, in slot 0
const load = (address) => [...i32(address), 0x28, 2, 0];
const bytes = [1, 0, 0, 0, ...new Array(12).fill(0), 7, 0, 0, 0];
const data = [0, ...i32(16), 0x0b, ...leb(bytes.length), ...bytes];
const withData = new Uint8Array([
  0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, vec([[0x60, 0, 1, 0x7f]])),
  ...section(3, vec([[0], [0], [0], [0], [0], [0]])),
  ...section(4, vec([[0x70, 0, 2]])),
  ...section(5, vec([[0, 1]])),
  ...section(7, vec([[...str("keep"), 0, 0], [...str("drop"), 0, 2], [...str("indirect"), 0, 4]])),
  ...section(9, vec([[0, ...i32(0), 0x0b, ...vec([[5], [3]])]])),
  ...section(10, vec([body(call(1)), body(load(16)), body(load(32)), body(i32(9)), body([...load(16), 0x11, 0, 0]), body(i32(5))])),
  ...section(11, vec([data])),
]);
const fnv = (bytes) => bytes.reduce((h, b) => Math.imul(h ^ b, 0x01000193), 0x811c9dc5) >>> 0;
const graphOf = (known) => ({
  format: "loyal-shake/1", size: withData.length, fnv: fnv(withData),
  known, refs: known.map((f) => [[], f === 1 || f === 4 ? [0] : f === 2 ? [1] : []]),
  statics: [[16, 20, [3], []], [32, 36, [], []]], roots: [[], []],
});
const all = [0, 1, 2, 3, 4, 5];
const graphed = shakeWasm(withData, ["keep", "indirect"], graphOf(all));
assert.equal(graphed.dropped, 2, "f2 (its export dropped) and f5 (a slot nothing names)");
assert.equal(graphed.zeroed, 4, "static B");
const g = new WebAssembly.Instance(new WebAssembly.Module(graphed.wasm)).exports;
assert.deepEqual([g.keep(), g.indirect()], [1, 9], "static A and the slot it names stay");
assert.equal(shakeWasm(withData, ["keep", "indirect"]).dropped, 1, "without a graph every slot stays");
assert.equal(shakeWasm(withData, ["keep", "indirect"]).zeroed, 0, "and all data");
// A function the graph does not describe (wasm-bindgen's own): its address constants keep
// their statics and its indirect call keeps every slot.
const unknown = shakeWasm(withData, ["keep", "indirect"], graphOf([0, 1, 2, 3, 5]));
assert.deepEqual([unknown.dropped, unknown.zeroed], [1, 4]);
assert.equal(new WebAssembly.Instance(new WebAssembly.Module(unknown.wasm)).exports.indirect(), 9);
assert.throws(() => shakeWasm(withData, ["keep"], { ...graphOf(all), fnv: 1 }), (e) => e.code === "SHAKE");
console.log("shake-unit (graph): ok");

// What the graph cannot say and the shaker must still keep: a slot number that a function
// wasm-bindgen wrote (f0, undescribed) hands to a dispatcher (f1), and a static whose address
// only a global holds (wasm-ld exports `pub static`s that way).
const dispatch = new Uint8Array([
  0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, vec([[0x60, 0, 1, 0x7f], [0x60, 1, 0x7f, 1, 0x7f]])),
  ...section(3, vec([[0], [1], [0], [0]])),
  ...section(4, vec([[0x70, 0, 1]])),
  ...section(5, vec([[0, 1]])),
  ...section(6, vec([[0x7f, 0, ...i32(16), 0x0b]])),
  ...section(7, vec([[...str("run"), 0, 0], [...str("readGlobal"), 0, 3]])),
  ...section(9, vec([[0, ...i32(0), 0x0b, ...vec([[2]])]])),
  ...section(10, vec([body([...i32(0), ...call(1)]), body([0x20, 0, 0x11, 0, 0]), body(i32(9)), body([0x23, 0, 0x28, 2, 0])])),
  ...section(11, vec([[0, ...i32(16), 0x0b, ...leb(4), 5, 0, 0, 0]])),
]);
const dispatchGraph = {
  format: "loyal-shake/1", size: dispatch.length, fnv: fnv(dispatch),
  known: [1, 2, 3], refs: [[[], []], [[], []], [[], []]], statics: [[16, 20, [], []]], roots: [[], []],
};
const kept = shakeWasm(dispatch, ["run", "readGlobal"], dispatchGraph);
assert.deepEqual([kept.dropped, kept.zeroed], [0, 0], "slot 0's function and the global's static stay");
const k = new WebAssembly.Instance(new WebAssembly.Module(kept.wasm)).exports;
assert.deepEqual([k.run(), k.readGlobal()], [9, 5]);
console.log("shake-unit (what the graph cannot say): ok");

// A data offset that is not one `i32.const` (here the extended constant 16 + 0) is refused,
// not read as the address 16.
const extended = new Uint8Array([
  0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, vec([[0x60, 0, 1, 0x7f]])),
  ...section(3, vec([[0]])),
  ...section(5, vec([[0, 1]])),
  ...section(10, vec([body(i32(1))])),
  ...section(11, vec([[0, ...i32(16), ...i32(0), 0x6a, 0x0b, ...leb(1), 5]])),
]);
assert.throws(() => shakeWasm(extended, []), (e) => e.code === "SHAKE" && /not an i32.const/.test(e.message));
console.log("shake-unit (offsets): ok");

// What the review found: (1) dead table slots point at a trap, never at an import that stays
// for other reasons; (2) a `ref.func` whose only declaration was an export that goes keeps
// that export, so the module still validates.
// f0 env.f (import, 77), in slot 0 · f1 keep: 1 · f2: 2, in slot 1 · f3 indirect(i): calls slot i
const withImportSlot = new Uint8Array([
  0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, vec([[0x60, 0, 1, 0x7f], [0x60, 1, 0x7f, 1, 0x7f]])),
  ...section(2, vec([[...str("env"), ...str("f"), 0, 0]])),
  ...section(3, vec([[0], [0], [1]])),
  ...section(4, vec([[0x70, 0, 2]])),
  ...section(7, vec([[...str("keep"), 0, 1], [...str("indirect"), 0, 3]])),
  ...section(9, vec([[0, ...i32(0), 0x0b, ...vec([[0], [2]])]])),
  ...section(10, vec([body(i32(1)), body(i32(2)), body([0x20, 0, 0x11, 0, 0])])),
]);
const slotGraph = {
  format: "loyal-shake/1", size: withImportSlot.length, fnv: fnv(withImportSlot),
  known: [1, 2, 3], refs: [[[], []], [[], []], [[], []]], statics: [], roots: [[], []],
};
const noSlots = shakeWasm(withImportSlot, ["keep"], slotGraph);
const ns = new WebAssembly.Module(noSlots.wasm);
assert.deepEqual(WebAssembly.Module.imports(ns), [], "the import in a dead slot goes");
assert.equal(new WebAssembly.Instance(ns).exports.keep(), 1);
// With "indirect" kept: the graph describes f3 and it names no slot, so both slots are dead.
const bothDead = shakeWasm(withImportSlot, ["keep", "indirect"], slotGraph);
const bd = new WebAssembly.Instance(new WebAssembly.Module(bothDead.wasm), { env: { f: () => 77 } }).exports;
assert.throws(() => bd.indirect(0), WebAssembly.RuntimeError, "a dead slot traps, it does not call env.f");
assert.throws(() => bd.indirect(1), WebAssembly.RuntimeError);
// f0 keep: ref.func 1; ref.is_null · f1 only declared by the export "drop".
const refFunc = new Uint8Array([
  0, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
  ...section(1, vec([[0x60, 0, 1, 0x7f]])),
  ...section(3, vec([[0], [0]])),
  ...section(7, vec([[...str("keep"), 0, 0], [...str("drop"), 0, 1]])),
  ...section(10, vec([body([0xd2, 1, 0xd1]), body(i32(5))])),
]);
const declaredOut = shakeWasm(refFunc, ["keep"]);
assert.deepEqual(declaredOut.removed, [], "the export declaring f1 for ref.func stays");
assert.equal(new WebAssembly.Instance(new WebAssembly.Module(declaredOut.wasm)).exports.keep(), 0);
console.log("shake-unit (review): ok");
