// The entry point that was loaded, claimed once. Keys and transactions of one entry's wasm
// cannot be used with the other's, so loading both is refused with a coded error instead of
// mixing builds silently.
let loaded = null;

export function claimEntry(entry) {
  if (loaded !== null && loaded !== entry) {
    throw loyalError("ENTRY_CONFLICT", `@loyal/hedera${loaded} is already loaded: import one entry point, not both`);
  }
  loaded = entry;
}

/** An `Error` shaped like the ones the wasm throws: name, stable `code`, `details`. */
export function loyalError(code, message, details = {}) {
  const e = new Error(message);
  e.name = "LoyalError";
  e.code = code;
  e.details = details;
  return e;
}
