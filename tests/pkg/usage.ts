// Type-checked (tsc --noEmit) against the installed package's index.d.ts.
import {
  Client, PrivateKey, TokenCreateTransaction, TokenMintTransaction, TransferTransaction, encodeMetadata,
  hbar, type ErrorCode, type LoyalError, type Receipt, type MirrorNft, type MirrorAccount,
} from "@loyal/hedera";
import * as small from "@loyal/hedera/sign";

async function mint(client: Client, key: PrivateKey): Promise<number[]> {
  const created: Receipt = await new TokenCreateTransaction()
    .setTokenName("Twins").setTokenSymbol("TWIN").setTokenType("NON_FUNGIBLE_UNIQUE")
    .setTreasuryAccountId("0.0.1001").setSupplyKey(key.publicKey).execute(client);
  const supply: bigint = created.totalSupply;
  const metadata: Uint8Array = encodeMetadata({ name: "n", image: "ipfs://x", type: "image/png" });
  const cid: string = await client.ipfsAdd(metadata);
  const { serials } = await new TokenMintTransaction().setTokenId(created.tokenId!).setMetadata([`ipfs://${cid}`]).execute(client);
  void supply;
  return serials;
}

async function pay(client: Client, wallet: (b: Uint8Array) => Promise<Uint8Array>, key: PrivateKey) {
  const tx = new TransferTransaction().addHbarTransfer("0.0.1005", -hbar(1)).addHbarTransfer("0.0.1006", hbar(1)).freezeWith(client);
  await tx.signWith(key.publicKey, wallet);
  try {
    await tx.execute(client);
  } catch (e) {
    const err = e as LoyalError;
    const code: ErrorCode = err.code;
    if (code === "RECEIPT_STATUS") console.log(err.details?.status);
  }
}

// The signing build: the same builders and keys, typed from sign.d.ts.
function signOnly(): Uint8Array {
  const key: small.PrivateKey = small.PrivateKey.generateEd25519();
  const id: small.TransactionId = small.TransactionId.generate(small.AccountId.fromString("0.0.1001"));
  const num: bigint = id.accountId.num;
  void num;
  try {
    small.PrivateKey.generateECDSA();
  } catch (e) {
    const err = e as small.LoyalError;
    const what: string | undefined = err.details.what;
    void what;
  }
  // @ts-expect-error: the signing build has no decoders
  small.Transaction.fromBytes(new Uint8Array());
  const ids: small.IdLike[] = [small.AccountId.fromString("0.0.1005"), "0.0.1006"];
  void new small.TokenAssociateTransaction().setAccountId(ids[0]).setTokenIds([small.TokenId.fromString("0.0.5005")]);
  return new small.TokenMintTransaction().setTokenId("0.0.5005").setMetadata(["ipfs://x"])
    .setTransactionId(id).setNodeAccountIds([small.AccountId.fromString("0.0.3")]).freeze().sign(key).toBytes();
}

// Transactions as bytes: specs typed per type, the key as a string or a PrivateKey.
function asBytes(key: small.PrivateKey): Uint8Array {
  const spec: small.TokenMintSpec = {
    tokenId: "0.0.5005", metadata: ["ipfs://x", new Uint8Array([1])],
    transactionId: "0.0.1001@1700000000.000000000", nodeAccountIds: ["0.0.3"], maxTransactionFee: 2_000_000_000n,
  };
  const signed: Uint8Array = small.signTransaction(key, small.freezeTokenMint(spec));
  // @ts-expect-error: without a client the frame's id and nodes are required
  small.freezeTokenMint({ tokenId: "0.0.5005" });
  // @ts-expect-error: amounts are bigint or number, not strings
  small.freezeTransfer({ ...spec, hbarTransfers: [{ accountId: "0.0.1001", amount: "5" }] });
  void small.freezeScheduleCreate({ ...spec, scheduledTransaction: { type: "TransferTransaction", hbarTransfers: [] } });
  // @ts-expect-error: a scheduled spec's type is a class name
  small.freezeScheduleCreate({ ...spec, scheduledTransaction: { type: "Transfer" } });
  // @ts-expect-error: a topic message needs its message
  small.freezeTopicMessageSubmit({ ...spec, topicId: "0.0.7007" });
  const update: small.TokenUpdateNftsSpec = { ...spec, serials: [1n], metadata: new Uint8Array() };
  void small.freezeTokenUpdateNfts(update);
  void small.signTransaction(key, new ArrayBuffer(0));
  return small.signTransaction("302e020100300506032b657004220420" + "07".repeat(32), signed);
}

export { mint, pay, signOnly, asBytes };

async function mirror(client: Client): Promise<string> {
  const nfts = await client.mirrorAll<MirrorNft>("/api/v1/tokens/0.0.5005/nfts", "nfts", 3);
  const account = await client.mirrorGet<MirrorAccount>("/api/v1/accounts/0.0.1005");
  const tinybars: number | bigint | null = account.balance?.balance ?? null;
  // @ts-expect-error: a mirror NFT has no `serial` (it is `serial_number`)
  void nfts[0].serial;
  void tinybars;
  return nfts.map((n) => `${n.token_id}/${n.serial_number} ${n.account_id ?? "burned"}`).join(", ");
}
void mirror;
