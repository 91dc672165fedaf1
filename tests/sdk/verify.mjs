// Reads {transactions, messages} made by the core on stdin and checks them with the official
// JS SDK. Prints {transactions, messages, failures}; exits 1 if anything fails.
import * as sdk from "@hashgraph/sdk";
import { proto } from "@hiero-ledger/proto";

const input = JSON.parse(await new Promise((resolve) => {
  let data = "";
  process.stdin.on("data", (c) => (data += c)).on("end", () => resolve(data));
}));
const failures = [];
for (const t of input.transactions) {
  try {
    const tx = sdk.Transaction.fromBytes(Buffer.from(t.bytes, "hex"));
    if (Buffer.from(tx.toBytes()).toString("hex") !== t.bytes) failures.push(`${t.name}: SDK re-encoding differs`);
    for (const der of t.signers) {
      if (!sdk.PublicKey.fromString(der).verifyTransaction(tx)) failures.push(`${t.name}: signature by ${der} rejected`);
    }
  } catch (e) {
    failures.push(`${t.name}: ${e.message}`);
  }
}
for (const m of input.messages) {
  const key = sdk.PublicKey.fromString(m.publicDer);
  const map = proto.SignatureMap.decode(Buffer.from(m.sigMap, "hex"));
  const pair = map.sigPair[0];
  const signature = pair.ed25519 ?? pair.ECDSASecp256k1;
  const signed = Buffer.from("\x19Hedera Signed Message:\n" + m.message.length + m.message, "utf8");
  const prefixOk = Buffer.from(pair.pubKeyPrefix).equals(Buffer.from(key.toBytesRaw()));
  if (!prefixOk || !key.verify(signed, signature)) failures.push(`message by ${m.key}: rejected`);
}
process.stdout.write(JSON.stringify({ transactions: input.transactions.length, messages: input.messages.length, failures }));
process.exit(failures.length ? 1 : 0);
