// Run once per entry point (LOYAL_ENTRY = "@loyal/hedera/sign" or "@loyal/hedera") of the
// installed package: builds, freezes and signs a corpus of transactions with fixed ids and
// key, and prints their bytes as JSON; run.mjs checks that both entries print the same. The
// signing build must also refuse what it leaves out with coded errors, and the official JS SDK
// must decode its bytes and verify its signatures.
import assert from "node:assert/strict";

const entry = process.env.LOYAL_ENTRY;
const lib = await import(entry);
const { PrivateKey, TransactionId, hbar } = lib;

const key = PrivateKey.fromStringEd25519("07".repeat(32));
const other = PrivateKey.fromStringEd25519("09".repeat(32)).publicKey;
const common = (tx, i) =>
  tx.setTransactionId(`0.0.1001@1700000000.00000000${i}`).setNodeAccountIds(["0.0.3", "0.0.4"]);
const corpus = {
  mint: new lib.TokenMintTransaction().setTokenId("0.0.5005")
    .setMetadata(["ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", new Uint8Array([1, 2, 3])]),
  transfer: new lib.TransferTransaction().addHbarTransfer("0.0.1001", -hbar(2)).addHbarTransfer("0.0.1005", hbar(2))
    .addTokenTransfer("0.0.6006", "0.0.1001", -5n).addTokenTransfer("0.0.6006", "0.0.1006", 5)
    .addNftTransfer("0.0.5005/1", "0.0.1001", "0.0.1005").setTransactionMemo("tickets"),
  create: new lib.TokenCreateTransaction().setTokenName("Digital twins").setTokenSymbol("TWIN")
    .setTokenType("NON_FUNGIBLE_UNIQUE").setSupplyType("FINITE").setMaxSupply(1000n)
    .setTreasuryAccountId("0.0.1001").setSupplyKey(key.publicKey).setAdminKey(other).setMetadata("twin"),
  associate: new lib.TokenAssociateTransaction().setAccountId("0.0.1005").setTokenIds(["0.0.5005", "0.0.6006"]),
  account: new lib.AccountCreateTransaction().setKey(other).setInitialBalance(hbar(10)).setAccountMemo("Bob"),
  topic: new lib.TopicMessageSubmitTransaction().setTopicId("0.0.7007").setMessage("x".repeat(2500)),
  schedule: new lib.ScheduleCreateTransaction().setScheduleMemo("later")
    .setScheduledTransaction(new lib.TransferTransaction().addHbarTransfer("0.0.1001", -1n).addHbarTransfer("0.0.1005", 1n)),
  burn: new lib.TokenBurnTransaction().setTokenId("0.0.5005").setSerials([1, 2]),
};
const out = {};
let i = 0;
for (const [name, tx] of Object.entries(corpus)) {
  out[name] = Buffer.from(common(tx, i++).freeze().sign(key).toBytes()).toString("hex");
}
const message = lib.signMessage(key, "join the FastShoes challenge");
lib.verifyMessage(key.publicKey, "join the FastShoes challenge", message);
out.message = Buffer.from(message).toString("hex");
out.generated = TransactionId.generate("0.0.1001").accountId.toString();
// Id objects where strings go: the builders take `String(id)`.
out.withIdObjects = Buffer.from(new lib.TokenAssociateTransaction()
  .setAccountId(lib.AccountId.fromString("0.0.1005")).setTokenIds([lib.TokenId.fromString("0.0.5005")])
  .setTransactionId(TransactionId.fromString("0.0.1001@1700000000.000000009"))
  .setNodeAccountIds([lib.AccountId.fromString("0.0.3")]).freeze().sign(key).toBytes()).toString("hex");
const withStrings = new lib.TokenAssociateTransaction().setAccountId("0.0.1005").setTokenIds(["0.0.5005"])
  .setTransactionId("0.0.1001@1700000000.000000009").setNodeAccountIds(["0.0.3"]).freeze().sign(key).toBytes();
assert.equal(out.withIdObjects, Buffer.from(withStrings).toString("hex"));

if (entry === "@loyal/hedera/sign") {
  const unsupported = (e) => e instanceof Error && e.code === "UNSUPPORTED" && typeof e.details.what === "string";
  assert.throws(() => PrivateKey.generateECDSA(), unsupported);
  assert.throws(() => PrivateKey.fromStringECDSA("11".repeat(32)), unsupported);
  assert.throws(() => lib.PublicKey.fromString("024778141fffe462dbb3817c93e4252b2d6f5f5667fa71f34b84280265c01d408f"), unsupported);
  assert.equal(lib.Transaction.fromBytes, undefined, "no decoders in the signing build");
  assert.equal(lib.Client, undefined, "no network client in the signing build");
  // Bad input names its field.
  assert.throws(() => common(new lib.TokenMintTransaction(), 0).freeze(),
    (e) => e.code === "MISSING_FIELD" && e.details.field === "tokenId");
  assert.throws(() => common(new lib.TransferTransaction(), 0)._push("hbarTransfers", { accountId: "0.0.1001", amount: 1.5 }).freeze(),
    (e) => e.code === "INVALID_ARGUMENT" && e.details.field === "hbarTransfers.amount");
  assert.throws(() => common(new lib.TokenMintTransaction().setTokenId("0.0.x"), 0).freeze(),
    (e) => e.code === "INVALID_ENTITY_ID" && e.details.field === "tokenId");
  // The official SDK reads our bytes and checks our signatures.
  const sdk = await import(process.env.HASHGRAPH_SDK);
  const publicKey = sdk.PublicKey.fromString(key.publicKey.toStringDer());
  for (const name of ["mint", "transfer", "create", "schedule"]) {
    const theirs = sdk.Transaction.fromBytes(Buffer.from(out[name], "hex"));
    assert.ok(publicKey.verifyTransaction(theirs), `the SDK verifies the ${name} signature`);
  }
  const mint = sdk.Transaction.fromBytes(Buffer.from(out.mint, "hex"));
  assert.equal(mint.tokenId.toString(), "0.0.5005");
  assert.equal(Buffer.from(mint.metadata[1]).toString("hex"), "010203");
}
console.log(JSON.stringify(out));
