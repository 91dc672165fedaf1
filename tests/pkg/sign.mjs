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
    .setScheduledTransaction(new lib.TransferTransaction().addHbarTransfer("0.0.1001", -1n).addHbarTransfer("0.0.1005", 1n)
      .setTransactionMemo("inner")),
  burn: new lib.TokenBurnTransaction().setTokenId("0.0.5005").setSerials([1, 2]),
};
const out = {};
let i = 0;
for (const [name, tx] of Object.entries(corpus)) {
  out[name] = Buffer.from(common(tx, i++).freeze().sign(key).toBytes()).toString("hex");
}
// The same transactions as bytes: a `freeze<Type>` function takes the spec the setters name
// and signTransaction signs its bytes; the result is byte for byte the builder's.
const frame = (i) => ({ transactionId: `0.0.1001@1700000000.00000000${i}`, nodeAccountIds: ["0.0.3", "0.0.4"] });
const specs = {
  mint: lib.freezeTokenMint({ ...frame(0), tokenId: "0.0.5005",
    metadata: ["ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy", new Uint8Array([1, 2, 3])] }),
  transfer: lib.freezeTransfer({ ...frame(1), transactionMemo: "tickets",
    hbarTransfers: [{ accountId: "0.0.1001", amount: -hbar(2) }, { accountId: "0.0.1005", amount: hbar(2) }],
    tokenTransfers: [{ tokenId: "0.0.6006", accountId: "0.0.1001", amount: -5n }, { tokenId: "0.0.6006", accountId: "0.0.1006", amount: 5 }],
    nftTransfers: [{ nftId: "0.0.5005/1", sender: "0.0.1001", receiver: "0.0.1005" }] }),
  create: lib.freezeTokenCreate({ ...frame(2), tokenName: "Digital twins", tokenSymbol: "TWIN",
    tokenType: "NON_FUNGIBLE_UNIQUE", supplyType: "FINITE", maxSupply: 1000n, treasuryAccountId: "0.0.1001",
    supplyKey: key.publicKey.toStringDer(), adminKey: other.toStringDer(), tokenMetadata: "twin" }),
  schedule: lib.freezeScheduleCreate({ ...frame(6), scheduleMemo: "later", scheduledTransaction: {
    type: "TransferTransaction", transactionMemo: "inner",
    hbarTransfers: [{ accountId: "0.0.1001", amount: -1n }, { accountId: "0.0.1005", amount: 1n }] } }),
};
for (const [name, unsigned] of Object.entries(specs)) {
  assert.ok(unsigned instanceof Uint8Array, name);
  const signed = lib.signTransaction("07".repeat(32), unsigned);
  assert.equal(Buffer.from(signed).toString("hex"), out[name], `${name}: the function's bytes are the builder's`);
  // A PrivateKey works too; the same key again changes nothing; a second key signs too.
  assert.deepEqual(lib.signTransaction(key, signed), signed, name);
  const both = lib.signTransaction(PrivateKey.fromStringEd25519("09".repeat(32)), signed);
  out[`${name}SignedTwice`] = Buffer.from(both).toString("hex");
}
assert.throws(() => lib.signTransaction("zz", specs.mint), (e) => e.code === "INVALID_KEY" && e.details.field === "key");
assert.throws(() => lib.signTransaction(7, specs.mint), (e) => e.code === "INVALID_ARGUMENT" && e.details.field === "key");
assert.throws(() => lib.signTransaction(key, new Uint8Array([0x0a, 0x05, 1])), (e) => e.code === "DECODE");
// Values of the wrong JS type reach no Rust code: a number where a string goes used to hand the
// allocator NaN sizes (a hang or "memory access out of bounds"). Three times, and the module
// still works afterwards.
for (let i = 0; i < 3; i++) {
  for (const [call, expected] of [
    [() => lib.AccountId.fromString(7), "a string"],
    [() => PrivateKey.fromString(42), "a string"],
    [() => lib.TransactionId.fromString({}), "a string"],
    [() => lib.signTransaction(key, "0a05"), "a Uint8Array"],
    [() => key.publicKey.verify(null, new Uint8Array(64)), "a Uint8Array"],
  ]) {
    assert.throws(call, (e) => e instanceof Error && e.name === "LoyalError" && e.code === "INVALID_ARGUMENT"
      && e.message.startsWith(`expected ${expected}`), String(call));
  }
}
assert.equal(lib.AccountId.fromString("0.0.7").toString(), "0.0.7");
// What the setters cannot convert reaches the wasm as given and is refused there, coded, naming
// the field; hbar() takes decimals up to 8 places; a PrivateKey given as a key sets its public key.
assert.deepEqual([hbar(1.5), hbar("0.00000001"), hbar(-2), hbar(3n)], [150000000n, 1n, -200000000n, 300000000n]);
assert.throws(() => hbar(1e-9), (e) => e.code === "INVALID_AMOUNT");
assert.deepEqual([hbar(1e-8), hbar(5e-8), hbar(-0.5)], [1n, 5n, -50000000n]);
// Bytes from another realm are bytes (jsdom, iframes, node:vm).
const { runInNewContext } = await import("node:vm");
const foreign = runInNewContext("new Uint8Array([0x0a, 0x05, 1])");
assert.throws(() => lib.signTransaction(key, foreign), (e) => e.code === "DECODE", "read as bytes, refused as a transaction");
const framed = (tx) => tx.setTransactionId("0.0.1001@1700000000.000000001").setNodeAccountIds(["0.0.3"]);
for (const [build, field] of [
  [() => framed(new lib.TransferTransaction()).addHbarTransfer("0.0.1001", "abc"), "hbarTransfers.amount"],
  [() => framed(new lib.TransferTransaction()).addHbarTransfer("0.0.1001", 1.5), "hbarTransfers.amount"],
  [() => new lib.TransferTransaction().setTransactionId("0.0.1001@1700000000.000000001").setNodeAccountIds("0.0.3"), "nodeAccountIds"],
  [() => framed(new lib.TokenCreateTransaction()).setSupplyKey({}), "supplyKey"],
  [() => framed(new lib.TransferTransaction()).setMaxTransactionFee(undefined), "maxTransactionFee"],
]) {
  assert.throws(() => build().freeze(), (e) => e.name === "LoyalError" && e.code === "INVALID_ARGUMENT" && e.details.field === field, field);
}
assert.deepEqual(
  framed(new lib.TokenCreateTransaction().setTokenName("a").setTokenSymbol("A").setTreasuryAccountId("0.0.1001").setAdminKey(key)).freeze().toBytes(),
  framed(new lib.TokenCreateTransaction().setTokenName("a").setTokenSymbol("A").setTreasuryAccountId("0.0.1001").setAdminKey(key.publicKey)).freeze().toBytes());
const rejected = framed(new lib.TransferTransaction()).addHbarTransfer("0.0.1001", -1n).addHbarTransfer("0.0.1005", 1n).freeze();
await assert.rejects(rejected.signWith(key.publicKey, async () => { throw new Error("user rejected"); }),
  (e) => e.code === "SIGNER" && e.details.cause.message === "user rejected");
assert.throws(() => lib.freezeTokenMint({ ...frame(0), tokenId: 5005 }),
  (e) => e.code === "INVALID_ARGUMENT" && e.details.field === "tokenId");
assert.throws(() => lib.freezeTokenMint({ tokenId: "0.0.5005" }), (e) => e.code === "MISSING_FIELD");
// Refusals name the spec's field, as the setters name it; metadata left out is not sent.
assert.throws(() => lib.freezeTokenCreate({ ...frame(2), tokenName: "x", tokenSymbol: "X" }),
  (e) => e.code === "MISSING_FIELD" && e.details.field === "treasuryAccountId" && e.message === "treasuryAccountId is required");
const keepMetadata = lib.freezeTokenUpdateNfts({ ...frame(3), tokenId: "0.0.5005", serials: [1] });
const clearMetadata = lib.freezeTokenUpdateNfts({ ...frame(3), tokenId: "0.0.5005", serials: [1], metadata: new Uint8Array() });
assert.ok(clearMetadata.length > keepMetadata.length, "no metadata field unless given");
assert.deepEqual(lib.signTransaction(key, keepMetadata.buffer.slice(keepMetadata.byteOffset, keepMetadata.byteOffset + keepMetadata.length)),
  lib.signTransaction(key, keepMetadata), "an ArrayBuffer signs as its bytes");

// Fresh keys come from the global crypto.getRandomValues (here Node's): distinct, and they sign.
const [fresh, fresh2] = [PrivateKey.generateEd25519(), PrivateKey.generateEd25519()];
assert.notEqual(fresh.toStringRaw(), fresh2.toStringRaw());
assert.ok(fresh.publicKey.verify(new Uint8Array([1]), fresh.sign(new Uint8Array([1]))));
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

// Every class disposes (`using`): `cargo xtask pkg` moves wasm-bindgen's Symbol.dispose
// installation into `__wrap`, so it must still be there, and still free.
if (Symbol.dispose) {
  const id = lib.AccountId.fromString("0.0.77");
  assert.equal(typeof id[Symbol.dispose], "function");
  id[Symbol.dispose]();
  assert.throws(() => id.toString(), "a disposed id is freed");
  assert.equal(typeof TransactionId.fromString("0.0.1@1.0")[Symbol.dispose], "function");
}

// Bad input names its field, in both builds.
assert.throws(() => common(new lib.TokenMintTransaction(), 0).freeze(),
  (e) => e.code === "MISSING_FIELD" && e.details.field === "tokenId");
assert.throws(() => common(new lib.TransferTransaction(), 0)._push("hbarTransfers", { accountId: "0.0.1001", amount: 1.5 }).freeze(),
  (e) => e.code === "INVALID_ARGUMENT" && e.details.field === "hbarTransfers.amount");
assert.throws(() => common(new lib.TokenMintTransaction().setTokenId("0.0.x"), 0).freeze(),
  (e) => e.code === "INVALID_ENTITY_ID" && e.details.field === "tokenId");
assert.throws(() => corpus.mint.setTokenId("0.0.1"), (e) => e.code === "ALREADY_FROZEN");

// The official SDK reads our bytes: signatures and the fields that were set.
const sdk = await import(process.env.HASHGRAPH_SDK);
const publicKey = sdk.PublicKey.fromString(key.publicKey.toStringDer());
const theirs = Object.fromEntries(["mint", "transfer", "create", "associate", "account", "topic", "schedule", "burn"]
  .map((name) => [name, sdk.Transaction.fromBytes(Buffer.from(out[name], "hex"))]));
for (const [name, tx] of Object.entries(theirs)) {
  assert.ok(publicKey.verifyTransaction(tx), `the SDK verifies the ${name} signature`);
  assert.deepEqual(tx.nodeAccountIds.map(String), ["0.0.3", "0.0.4"], name);
}
const twice = sdk.Transaction.fromBytes(Buffer.from(out.transferSignedTwice, "hex"));
assert.ok(publicKey.verifyTransaction(twice), "the SDK verifies the first of two signatures");
assert.ok(sdk.PublicKey.fromString(other.toStringDer()).verifyTransaction(twice), "and the second");
assert.equal(theirs.mint.tokenId.toString(), "0.0.5005");
assert.equal(Buffer.from(theirs.mint.metadata[1]).toString("hex"), "010203");
const hbars = theirs.transfer.hbarTransfers;
assert.equal(hbars.get("0.0.1005").toTinybars().toString(), "200000000");
assert.equal(theirs.transfer.tokenTransfers.get("0.0.6006").get("0.0.1006").toString(), "5");
assert.equal(theirs.transfer.nftTransfers.get("0.0.5005")[0].recipient.toString(), "0.0.1005");
assert.equal(theirs.transfer.transactionMemo, "tickets");
assert.equal(theirs.create.tokenName, "Digital twins");
assert.equal(theirs.create.maxSupply.toString(), "1000");
assert.equal(theirs.create.supplyKey.toString(), key.publicKey.toStringDer());
assert.equal(theirs.create.adminKey.toString(), other.toStringDer());
assert.deepEqual(theirs.associate.tokenIds.map(String), ["0.0.5005", "0.0.6006"]);
assert.equal(theirs.account.initialBalance.toTinybars().toString(), "1000000000");
// 2,500 bytes go in three chunks; the SDK's decoded transaction shows the first (it does the
// same with bytes it made itself).
assert.equal(theirs.topic.topicId.toString(), "0.0.7007");
assert.equal(Buffer.from(theirs.topic.getMessage()).toString(), "x".repeat(1024));
// The SDK's getScheduleMemo() refuses frozen transactions, so its fields are read directly
// (pinned @hashgraph/sdk 2.81.0); the inner transaction's memo travels with it.
assert.equal(theirs.schedule._scheduleMemo, "later");
assert.equal(theirs.schedule._scheduledTransaction.transactionMemo, "inner");
assert.deepEqual(theirs.burn.serials.map(Number), [1, 2]);

if (entry === "@loyal/hedera/sign") {
  const unsupported = (e) => e instanceof Error && e.code === "UNSUPPORTED" && typeof e.details.what === "string";
  assert.throws(() => PrivateKey.generateECDSA(), unsupported);
  assert.throws(() => PrivateKey.fromStringECDSA("11".repeat(32)), unsupported);
  assert.throws(() => lib.PublicKey.fromString("024778141fffe462dbb3817c93e4252b2d6f5f5667fa71f34b84280265c01d408f"), unsupported);
  assert.equal(lib.Transaction.fromBytes, undefined, "no decoders in the signing build");
  assert.equal(lib.Client, undefined, "no network client in the signing build");
  await assert.rejects(new lib.TokenMintTransaction().setTokenId("0.0.5005").execute(undefined), unsupported);
  // Loading the other entry as well is refused, not a silent switch of the builders' wasm.
  await assert.rejects(import("@loyal/hedera"), (e) => e.code === "ENTRY_CONFLICT");
}
console.log(JSON.stringify(out));
