// A wallet-style flow with the installed package: a transfer frozen by the client, signed by
// an external async signer over `bodies()` (as the wallet extension will), executed; a signer
// returning a wrong signature is refused before anything is sent; and the official JS SDK
// decodes our bytes and verifies our signature. Executing it again pays once.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { Client, PrivateKey, TransferTransaction, hbar } from "@loyal/hedera";

const sdk = await import(process.env.HASHGRAPH_SDK);
const seed = (name) => createHash("sha256").update(`loyal-devnet/${name}`).digest("hex");
const alice = PrivateKey.fromStringEd25519(seed("Alice"));
const client = Client.forName("devnet");
client.setOperator("0.0.1005", alice);

const wallet = async (body) => alice.sign(body); // what a wallet does with hedera_signTransaction
const tx = new TransferTransaction().addHbarTransfer("0.0.1005", -hbar(1)).addHbarTransfer("0.0.1006", hbar(1)).freezeWith(client);
await tx.signWith(alice.publicKey, wallet);

const theirs = sdk.Transaction.fromBytes(tx.toBytes());
assert.equal(theirs.transactionId.toString(), tx.transactionId);
assert.ok(sdk.PublicKey.fromString(alice.publicKey.toStringDer()).verifyTransaction(theirs), "the SDK verifies our signature");

// Executed twice at once (a button clicked twice) and once more after: one payment, one receipt.
const bob = async () => (await client.mirrorGet("/api/v1/accounts/0.0.1006")).balance.balance;
const before = await bob();
const [receipt, twice] = await Promise.all([tx.execute(client), tx.execute(client)]);
assert.equal(receipt.status, "SUCCESS");
assert.deepEqual(twice, receipt);
assert.deepEqual(await tx.execute(client), receipt, "a duplicate gives the receipt");
assert.equal(await bob(), before + 100000000, "Bob was paid once");

const liar = new TransferTransaction().addHbarTransfer("0.0.1005", -1n).addHbarTransfer("0.0.1006", 1n).freezeWith(client);
await assert.rejects(liar.signWith(alice.publicKey, async () => new Uint8Array(64)), (e) => e instanceof Error && e.code === "INVALID_SIGNATURE");
for (const bad of [70000, 4294972847, 1.5, 0, -1]) {
  assert.throws(() => Client.forDevnet("127.0.0.1", bad, 5551, 5001),
    (e) => e.code === "INVALID_ARGUMENT" && e.details.field === "grpcWebPort", `port ${bad} is refused, not wrapped`);
}
console.log(JSON.stringify({ transactionId: tx.transactionId, status: receipt.status }));
