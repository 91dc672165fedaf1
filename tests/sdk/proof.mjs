// Token-ownership proofs made by the official JS SDK, independently of the Rust encoder:
// reads {keys: {name: {type, seedHex}}, presentations: [{key, holder, audience, purpose, nonce,
// issuedAt, expiresAt, claims}], rustProofs: [{key, message, sigMap}]} on stdin. Writes each
// presentation's canonical loyal-proof/1 text (as documented in crates/proof), signs it as a
// HIP-820 message with sdk.PrivateKey.sign, and prints the lp1. text form; checks each proof
// the Rust library signed with sdk.PublicKey.verify. Prints {proofs, rustVerified, failures}.
import * as sdk from "@hashgraph/sdk";
import { proto } from "@hiero-ledger/proto";

const input = JSON.parse(await new Promise((ok) => {
  let s = "";
  process.stdin.on("data", (d) => (s += d)).on("end", () => ok(s));
}));

const keys = Object.fromEntries(Object.entries(input.keys).map(([name, k]) => [
  name,
  k.type === "ed25519" ? sdk.PrivateKey.fromBytesED25519(Buffer.from(k.seedHex, "hex")) : sdk.PrivateKey.fromBytesECDSA(Buffer.from(k.seedHex, "hex")),
]));

// HIP-820: the length is JavaScript's (UTF-16 code units), as wallets compute it.
const prefixed = (message) => Buffer.from("\x19Hedera Signed Message:\n" + message.length + message, "utf8");

const claimLine = (c) => (c.nft ? `claim: nft ${c.token}/${c.serial}` : `claim: fungible ${c.token} >= ${c.minAmount}`);
const order = (c) => [...c.token.split(".").map(BigInt), c.nft ? 0n : 1n, BigInt(c.serial ?? 0)];
function compare(a, b) {
  const [x, y] = [order(a), order(b)];
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
  return 0;
}
const utc = (seconds) => new Date(seconds * 1000).toISOString().replace(".000Z", "Z");

function message(p) {
  return [
    "loyal-proof/1",
    `holder: ${p.holder}`,
    `audience: ${p.audience}`,
    `purpose: ${p.purpose}`,
    `nonce: ${p.nonce}`,
    `issued-at: ${utc(p.issuedAt)}`,
    `expires-at: ${utc(p.expiresAt)}`,
    ...[...p.claims].sort(compare).map(claimLine),
  ].join("\n");
}

const proofs = [];
for (const p of input.presentations) {
  const k = keys[p.key];
  const text = message(p);
  const pair = { pubKeyPrefix: k.publicKey.toBytesRaw() };
  pair[k.type === "ED25519" ? "ed25519" : "ECDSASecp256k1"] = k.sign(prefixed(text));
  const sigMap = proto.SignatureMap.encode({ sigPair: [pair] }).finish();
  proofs.push({ message: text, sigMap: Buffer.from(sigMap).toString("hex"), text: `lp1.${Buffer.from(text, "utf8").toString("base64url")}.${Buffer.from(sigMap).toString("base64url")}` });
}

const failures = [];
let rustVerified = 0;
for (const r of input.rustProofs) {
  const pair = proto.SignatureMap.decode(Buffer.from(r.sigMap, "hex")).sigPair[0];
  const signature = pair.ed25519 ?? pair.ECDSASecp256k1;
  if (keys[r.key].publicKey.verify(prefixed(r.message), signature)) rustVerified++;
  else failures.push(`the SDK rejects ${r.key}'s proof signed in Rust`);
}
process.stdout.write(JSON.stringify({ proofs, rustVerified, failures }));
