// The app run.mjs bundles with @loyal/hedera/shake's esbuild plugin (and
// tests/console/vite-shake.mjs with Vite and the Rollup plugin): it uses one builder, so
// the shaken wasm keeps that builder's export and drops the others. Prints what it computed
// (bytes, ids, a refusal's code) as JSON; run unbundled against the installed package, it
// must print the same.
import { PrivateKey, TokenMintTransaction } from "@loyal/hedera/sign";

const key = PrivateKey.fromStringEd25519("07".repeat(32));
const mint = (tokenId) => new TokenMintTransaction()
  .setTokenId(tokenId)
  .setMetadata(["ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"])
  .setTransactionId("0.0.1001@1700000000.000000000")
  .setNodeAccountIds(["0.0.3", "0.0.4"])
  .freeze()
  .sign(key);
const tx = mint("0.0.5005");
let refused;
try {
  mint("0.0.x");
} catch (e) {
  refused = `${e.name} ${e.code} ${e.details.field ?? ""}`;
}
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
console.log(JSON.stringify({
  bytes: hex(tx.toBytes()),
  transactionId: tx.transactionId.toString(),
  publicKey: key.publicKey.toStringDer(),
  refused,
}));
