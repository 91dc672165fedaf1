// @loyal/hedera: the whole wasm core (keys of both algorithms, every builder, decoding, the
// network client, mirror, IPFS, HIP-412, HIP-820) plus the SDK-style builder classes. The
// module initialises the wasm with top-level await.
// Re-exported by name (not through the namespace object) so a bundler drops the glue of the
// classes an app does not use.
import init from "./dist/loyal_wasm.js";
import { claimEntry } from "./engine.js";
import { load } from "./load.js";

await load(init, new URL("./dist/loyal_wasm_bg.wasm", import.meta.url));
claimEntry("");

export {
  PrivateKey, PublicKey, AccountId, TokenId, TransactionId, Client, Transaction, signMessage,
  verifyMessage, encodeMetadata, decodeMetadata,
  createPresentation, signPresentation, verifyPresentation, Presentation, SignedPresentation, NonceStore,
} from "./dist/loyal_wasm.js";
export * from "./dist/builders.js";
export { hbar } from "./builders.js";

// The connector to a wallet extension, bound to this entry's keys.
import { PublicKey as WalletPublicKey, TransactionId as WalletTransactionId, verifyMessage as walletVerifyMessage } from "./dist/loyal_wasm.js";
import { walletWith } from "./wallet.js";
// Pure: an app that never names Wallet keeps none of the classes it is bound to.
export const Wallet = /* @__PURE__ */ walletWith({ PublicKey: WalletPublicKey, TransactionId: WalletTransactionId, verifyMessage: walletVerifyMessage });
