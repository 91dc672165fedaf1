// @loyal/hedera/sign: the small signing build. Keys (ED25519), every builder, freeze, sign,
// signatures from a wallet, bytes, ids and HIP-820 messages, in a wasm without the network
// client, secp256k1, the ED25519 base-point tables or the protobuf decoders. ECDSA operations
// throw UNSUPPORTED; `Transaction.fromBytes`, `Client` and HIP-412 are in `@loyal/hedera`.
// Re-exported by name (not through the namespace object) so a bundler drops the glue of the
// classes an app does not use.
import init from "./dist/sign/loyal_wasm.js";
import { claimEntry } from "./engine.js";
import { load } from "./load.js";

await load(init, new URL("./dist/sign/loyal_wasm_bg.wasm", import.meta.url));
claimEntry("/sign");

export {
  PrivateKey, PublicKey, AccountId, TokenId, TransactionId, Transaction, signMessage, verifyMessage,
} from "./dist/sign/loyal_wasm.js";
export * from "./dist/sign/builders.js";
export { hbar } from "./builders.js";

// The connector to a wallet extension, bound to this entry's keys.
import { PublicKey as WalletPublicKey, TransactionId as WalletTransactionId, verifyMessage as walletVerifyMessage } from "./dist/sign/loyal_wasm.js";
import { walletWith } from "./wallet.js";
// Pure: an app that never names Wallet keeps none of the classes it is bound to.
export const Wallet = /* @__PURE__ */ walletWith({ PublicKey: WalletPublicKey, TransactionId: WalletTransactionId, verifyMessage: walletVerifyMessage });
