// The second entry point run.mjs bundles next to shake-app.mjs into the same directory: both
// load one wasm file there, so it must keep what either uses.
import { PrivateKey, TransferTransaction } from "@loyal/hedera/sign";

const key = PrivateKey.fromStringEd25519("07".repeat(32));
const tx = new TransferTransaction()
  .addHbarTransfer("0.0.1001", -5n)
  .addHbarTransfer("0.0.1005", 5n)
  .setTransactionId("0.0.1001@1700000000.000000001")
  .setNodeAccountIds(["0.0.3"])
  .freeze()
  .sign(key);
console.log(JSON.stringify({ bytes: Array.from(tx.toBytes(), (x) => x.toString(16).padStart(2, "0")).join("") }));
