// The wasm module the builder classes freeze with: set once by the entry point that was
// imported (an app imports one of `@loyal/hedera` and `@loyal/hedera/sign`, not both).
let wasm = null;

export function setEngine(module) {
  wasm = module;
}

export function engine() {
  if (!wasm) throw new Error("import @loyal/hedera or @loyal/hedera/sign, not builders.js");
  return wasm;
}
