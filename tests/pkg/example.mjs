// The README's five-line example, verbatim, then checks of what it did.
import { Client, PrivateKey, TokenCreateTransaction, TokenMintTransaction, encodeMetadata } from "@loyal/hedera";
const key = PrivateKey.fromStringDer(process.env.BESTPRODUCER_KEY), client = Client.forName("devnet"); client.setOperator("0.0.1001", key);
const { tokenId } = await new TokenCreateTransaction().setTokenName("Digital twins").setTokenSymbol("TWIN").setTokenType("NON_FUNGIBLE_UNIQUE").setTreasuryAccountId("0.0.1001").setSupplyKey(key.publicKey).execute(client);
const cid = await client.ipfsAdd(encodeMetadata({ name: "Runner 42", image: "ipfs://bafkreibwci24bt2xtqi23g35gfx63wj555u77lwl2t55ajbfjqomgefxce", type: "image/png" }));
const { serials } = await new TokenMintTransaction().setTokenId(tokenId).setMetadata([`ipfs://${cid}`]).execute(client);

import assert from "node:assert/strict";
assert.match(tokenId, /^0\.0\.\d+$/);
assert.deepEqual(serials, [1]);
const nft = await client.mirrorGet(`/api/v1/tokens/${tokenId}/nfts/1`);
assert.equal(Buffer.from(nft.metadata, "base64").toString(), `ipfs://${cid}`);
const json = JSON.parse(new TextDecoder().decode(await client.ipfsCat(cid)));
assert.equal(json.format, "HIP412@2.0.0");
// Errors are Errors with codes; what the core can check never reaches the network.
await assert.rejects(
  new TokenMintTransaction().setTokenId(tokenId).setMetadata(["x".repeat(101)]).execute(client),
  (e) => e instanceof Error && e.code === "INVALID_FIELD",
);
await assert.rejects(
  new TokenMintTransaction().setTokenId("0.0.999999").setMetadata(["ipfs://x"]).execute(client),
  (e) => e instanceof Error && e.code === "RECEIPT_STATUS" && e.details.status === "INVALID_TOKEN_ID",
);
assert.throws(() => PrivateKey.fromString("nope"), (e) => e instanceof Error && e.code === "INVALID_KEY");
console.log(JSON.stringify({ tokenId, serials, cid }));
