// The wasm module the builder classes freeze with, set once by the entry point that was
// imported. Keys and transactions of one entry's wasm cannot be used with the other's, so
// loading both is refused with a coded error instead of switching builders silently.
let wasm = null;

export function setEngine(module, entry) {
  if (wasm && wasm.entry !== entry) {
    throw loyalError("ENTRY_CONFLICT", `@loyal/hedera${wasm.entry} is already loaded: import one entry point, not both`);
  }
  wasm = { module, entry };
}

export function engine() {
  if (!wasm) throw loyalError("NOT_INITIALISED", "import @loyal/hedera or @loyal/hedera/sign, not builders.js");
  return wasm.module;
}

/** An `Error` shaped like the ones the wasm throws: name, stable `code`, `details`. */
export function loyalError(code, message, details = {}) {
  const e = new Error(message);
  e.name = "LoyalError";
  e.code = code;
  e.details = details;
  return e;
}
