// shake-app.mjs with the functions instead of the classes: the same TokenMint frozen to bytes
// and signed. run.mjs bundles it alone with @loyal/hedera/shake, checks the shaken wasm keeps
// only these two functions (and the runtime), and that it prints what shake-app.mjs prints.
import { freezeTokenMint, signTransaction } from "@loyal/hedera/sign";

const mint = (tokenId) => signTransaction("07".repeat(32), freezeTokenMint({
  tokenId,
  metadata: ["ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"],
  transactionId: "0.0.1001@1700000000.000000000",
  nodeAccountIds: ["0.0.3", "0.0.4"],
}));
let refused;
try {
  mint("0.0.x");
} catch (e) {
  refused = `${e.name} ${e.code} ${e.details.field ?? ""}`;
}
const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
console.log(JSON.stringify({ bytes: hex(mint("0.0.5005")), refused }));
