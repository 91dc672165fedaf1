// @loyal/hedera: the whole wasm core (keys of both algorithms, every builder, decoding, the
// network client, mirror, IPFS, HIP-412, HIP-820) plus the SDK-style builder classes. The
// module initialises the wasm with top-level await.
import init, * as wasm from "./dist/loyal_wasm.js";
import { setEngine } from "./engine.js";
import { load } from "./load.js";

await load(init, new URL("./dist/loyal_wasm_bg.wasm", import.meta.url));
setEngine(wasm, "");

export const {
  PrivateKey, PublicKey, AccountId, TokenId, TransactionId, Client, Transaction, signMessage,
  verifyMessage, encodeMetadata, decodeMetadata,
} = wasm;
export * from "./builders.js";
