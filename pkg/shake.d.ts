// @loyal/hedera/shake: tree-shaking for the package's wasm, after a bundler has shaken the JS.

/** The function exports of a wasm module, by name. */
export function wasmExports(wasm: Uint8Array): string[];

/** The function exports of `wasm` that a bundle's source names (as wasm-bindgen glue calls them). */
export function usedExports(bundle: string, wasm: Uint8Array): string[];

export interface Shaken {
  /** The new module: the same data layout, fewer exports, imports and functions. */
  wasm: Uint8Array;
  /** The function exports removed. */
  removed: string[];
  /** Functions of the module (imported and defined), and how many of them were removed (a
   * dead function kept as the trap that dead table slots point at counts as removed). */
  functions: number;
  dropped: number;
  /** Bytes of statics (data) set to zero: with a graph, those no live code or static names. */
  zeroed: number;
}

/**
 * What the linker knew and the finished wasm no longer says: the function pointers (table
 * slots) and statics each function and each static names. The package ships one next to each
 * wasm, `dist/…/loyal_wasm_bg.shake.json`; pass it parsed. It is checked against the wasm's
 * size and FNV-1a hash.
 */
export interface ShakeGraph {
  format: "loyal-shake/1";
  size: number;
  fnv: number;
  known: number[];
  refs: [number[], number[]][];
  statics: [number, number, number[], number[]][];
  roots: [number[], number[]];
}

/**
 * Keeps the function exports named in `keep` and everything they can reach; every other export
 * and every other function (imported or defined) is removed, the rest numbered again.
 * Without a graph every table slot and all data are kept; with the wasm's graph, only the
 * slots and statics live code or live statics name, and the bytes of the others become zeros.
 * Throws an `Error` with `code: "SHAKE"` for a module it cannot read or a graph made for
 * other bytes.
 */
export function shakeWasm(wasm: Uint8Array | ArrayBuffer, keep: Iterable<string>, graph?: ShakeGraph | null): Shaken;

/**
 * An esbuild plugin: each output that loads one of this package's wasm files gets that file
 * written next to it, shaken to the exports the output names.
 */
export function esbuildPlugin(options?: { log?: (line: string) => void }): {
  name: string;
  setup(build: unknown): void;
};

/**
 * A Rollup plugin, also for Vite's `build`: the package's wasm, emitted as an asset by the
 * bundler, is shaken to the exports the chunks name (the asset keeps its file name).
 */
export function rollupPlugin(options?: { log?: (line: string) => void }): {
  name: string;
  apply: "build";
  generateBundle(options: unknown, bundle: Record<string, unknown>): Promise<void>;
};
