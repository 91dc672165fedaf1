// The official JS SDK runs a token lifecycle against a devnet over real gRPC.
// Input (stdin): { port, accounts: { name: { id, key } } }. Output: JSON of observed results.
import {
  AccountBalanceQuery, AccountCreateTransaction, AccountId, Client, Hbar, NftId, PrivateKey, Timestamp,
  PendingAirdropId, ScheduleCreateTransaction, ScheduleSignTransaction, TokenAirdropTransaction,
  TokenCancelAirdropTransaction, TokenClaimAirdropTransaction, TokenRejectTransaction,
  TokenAssociateTransaction, TokenBurnTransaction, TokenCreateTransaction, TokenFreezeTransaction,
  TokenGrantKycTransaction, TokenMintTransaction, TokenPauseTransaction, TokenRevokeKycTransaction, TokenType,
  TokenUnfreezeTransaction, TokenUnpauseTransaction, TopicCreateTransaction, TopicId, TopicMessageSubmitTransaction,
  Transaction, TransactionId, TransactionReceiptQuery, TransferTransaction,
  TransactionRecordQuery, AccountInfoQuery, TokenInfoQuery, TokenNftInfoQuery, NetworkVersionInfoQuery,
} from "@hashgraph/sdk";

const input = JSON.parse(await new Promise((resolve) => {
  let data = "";
  process.stdin.on("data", (c) => (data += c)).on("end", () => resolve(data));
}));
const acct = (name) => AccountId.fromString(input.accounts[name].id);
const key = (name) => PrivateKey.fromStringDer(input.accounts[name].key);

const client = Client.forNetwork({ [`127.0.0.1:${input.port}`]: new AccountId(3) })
  .setOperator(acct("operator"), key("operator"))
  .setMaxAttempts(3);
const out = {};

// The status a failed step ends with: a precheck error or a receipt error.
async function status(run) {
  try {
    await run();
    return "SUCCESS";
  } catch (e) {
    return e.status ? e.status.toString() : `ERROR ${e.message}`;
  }
}
async function receipt(tx, ...signers) {
  tx.freezeWith(client);
  for (const s of signers) await tx.sign(s);
  return (await tx.execute(client)).getReceipt(client);
}

// Accounts and hbar.
const fresh = PrivateKey.generateED25519();
const created = await receipt(new AccountCreateTransaction().setKeyWithoutAlias(fresh.publicKey).setInitialBalance(new Hbar(10)));
out.newAccount = created.accountId.toString();
out.newAccountStatus = created.status.toString();
await receipt(new TransferTransaction().addHbarTransfer(acct("operator"), new Hbar(-5)).addHbarTransfer(created.accountId, new Hbar(5)));
out.newAccountHbar = (await new AccountBalanceQuery().setAccountId(created.accountId).execute(client)).hbars.toTinybars().toString();

// A fungible loyalty token issued by FastShoes, associated and sent to the new account.
const points = await receipt(
  new TokenCreateTransaction().setTokenName("FastShoes Points").setTokenSymbol("FSP").setDecimals(2)
    .setInitialSupply(100000).setTreasuryAccountId(acct("FastShoes")).setSupplyKey(key("FastShoes").publicKey),
  key("FastShoes"),
);
out.pointsToken = points.tokenId.toString();
await receipt(new TokenAssociateTransaction().setAccountId(created.accountId).setTokenIds([points.tokenId]), fresh);
await receipt(
  new TransferTransaction().addTokenTransfer(points.tokenId, acct("FastShoes"), -2500).addTokenTransfer(points.tokenId, created.accountId, 2500),
  key("FastShoes"),
);
const newBalance = await new AccountBalanceQuery().setAccountId(created.accountId).execute(client);
out.newAccountPoints = newBalance.tokens.get(points.tokenId)?.toString();

// BestProducer's digital-twin NFTs: create, mint two with metadata, give serial 1 to Alice.
const twins = await receipt(
  new TokenCreateTransaction().setTokenName("Digital Twin").setTokenSymbol("TWIN").setTokenType(TokenType.NonFungibleUnique)
    .setTreasuryAccountId(acct("BestProducer")).setSupplyKey(key("BestProducer").publicKey),
  key("BestProducer"),
);
out.twinToken = twins.tokenId.toString();
const mint = await receipt(
  new TokenMintTransaction().setTokenId(twins.tokenId).setMetadata([Buffer.from("ipfs://bafy-shoe-1"), Buffer.from("ipfs://bafy-shoe-2")]),
  key("BestProducer"),
);
out.mintedSerials = mint.serials.map((s) => s.toString());
out.totalSupply = mint.totalSupply.toString();
await receipt(new TokenAssociateTransaction().setAccountId(acct("Alice")).setTokenIds([twins.tokenId]), key("Alice"));
await receipt(new TransferTransaction().addNftTransfer(new NftId(twins.tokenId, 1), acct("BestProducer"), acct("Alice")), key("BestProducer"));
const alice = await new AccountBalanceQuery().setAccountId(acct("Alice")).execute(client);
out.aliceTwins = alice.tokens.get(twins.tokenId)?.toString();

// Paid queries (free on the devnet): record, account, token and NFT info.
const gift = await new TransferTransaction().addNftTransfer(new NftId(twins.tokenId, 2), acct("BestProducer"), acct("Alice"))
  .freezeWith(client).sign(key("BestProducer")).then((t) => t.execute(client));
const record = await new TransactionRecordQuery().setTransactionId(gift.transactionId).execute(client);
out.recordStatus = record.receipt.status.toString();
out.recordNft = record.nftTransfers.get(twins.tokenId)?.map((t) => [t.sender.toString(), t.recipient.toString(), t.serial.toString()]);
out.recordFee = record.transactionFee.toTinybars().toString();
out.recordHashMatches = Buffer.from(record.transactionHash).equals(Buffer.from(gift.transactionHash));
out.recordPaid = record.transfers.filter((t) => t.accountId.toString() === acct("operator").toString()).map((t) => t.amount.toTinybars().toString());
const info = await new AccountInfoQuery().setAccountId(acct("Alice")).execute(client);
out.infoKey = info.key.toString();
out.infoOwnedNfts = info.ownedNfts.toString();
const tokenInfo = await new TokenInfoQuery().setTokenId(twins.tokenId).execute(client);
out.tokenInfo = [tokenInfo.name, tokenInfo.symbol, tokenInfo.totalSupply.toString(), tokenInfo.treasuryAccountId.toString(), tokenInfo.tokenType.toString()];
const nftInfo = await new TokenNftInfoQuery().setNftId(new NftId(twins.tokenId, 2)).execute(client);
out.nftInfo = [nftInfo[0].accountId.toString(), Buffer.from(nftInfo[0].metadata).toString()];
const version = await new NetworkVersionInfoQuery().execute(client);
out.version = `${version.servicesVersion.major}.${version.servicesVersion.minor}.${version.servicesVersion.patch}`;
out.nftInfoMissing = await status(() => new TokenNftInfoQuery().setNftId(new NftId(twins.tokenId, 99)).execute(client));

// Compliance: a ticket token with KYC, freeze and pause keys (StillWater).
const sw = key("StillWater");
const tickets = await receipt(
  new TokenCreateTransaction().setTokenName("StillWater Ticket").setTokenSymbol("SWT").setInitialSupply(10)
    .setTreasuryAccountId(acct("StillWater")).setSupplyKey(sw.publicKey).setKycKey(sw.publicKey)
    .setFreezeKey(sw.publicKey).setPauseKey(sw.publicKey),
  sw,
);
const tix = tickets.tokenId;
const give = (n) => new TransferTransaction().addTokenTransfer(tix, acct("StillWater"), -n).addTokenTransfer(tix, acct("Alice"), n);
await receipt(new TokenAssociateTransaction().setAccountId(acct("Alice")).setTokenIds([tix]), key("Alice"));
out.kycMissing = await status(() => receipt(give(1), sw));
await receipt(new TokenGrantKycTransaction().setTokenId(tix).setAccountId(acct("Alice")), sw);
out.afterKyc = await status(() => receipt(give(2), sw));
await receipt(new TokenFreezeTransaction().setTokenId(tix).setAccountId(acct("Alice")), sw);
out.frozen = await status(() => receipt(give(1), sw));
await receipt(new TokenUnfreezeTransaction().setTokenId(tix).setAccountId(acct("Alice")), sw);
await receipt(new TokenPauseTransaction().setTokenId(tix), sw);
out.paused = await status(() => receipt(give(1), sw));
await receipt(new TokenUnpauseTransaction().setTokenId(tix), sw);
out.afterUnpause = await status(() => receipt(give(1), sw));
out.kycWithoutKey = await status(() => receipt(new TokenRevokeKycTransaction().setTokenId(tix).setAccountId(acct("Alice"))));
const burn = await receipt(new TokenBurnTransaction().setTokenId(tix).setAmount(4), sw);
out.supplyAfterBurn = burn.totalSupply.toString();

// HCS: SuperMarathon's results topic.
const topic = await receipt(new TopicCreateTransaction().setTopicMemo("SuperMarathon 250th").setSubmitKey(key("SuperMarathon").publicKey));
out.topic = topic.topicId.toString();
const m1 = await receipt(new TopicMessageSubmitTransaction().setTopicId(topic.topicId).setMessage("finisher 0.0.1005"), key("SuperMarathon"));
const m2 = await receipt(new TopicMessageSubmitTransaction().setTopicId(topic.topicId).setMessage("finisher 0.0.1006"), key("SuperMarathon"));
out.sequence = [m1.topicSequenceNumber.toString(), m2.topicSequenceNumber.toString()];
out.runningHashes = [Buffer.from(m1.topicRunningHash).toString("hex"), Buffer.from(m2.topicRunningHash).toString("hex")];
out.unsignedMessage = await status(() => receipt(new TopicMessageSubmitTransaction().setTopicId(topic.topicId).setMessage("spoof")));

// Schedules: the operator schedules a payment from Alice; it runs once Alice signs.
const aliceBefore = (await new AccountBalanceQuery().setAccountId(acct("Alice")).execute(client)).hbars.toTinybars().toNumber();
const scheduled = await receipt(new ScheduleCreateTransaction().setScheduledTransaction(
  new TransferTransaction().addHbarTransfer(acct("Alice"), Hbar.fromTinybars(-1000)).addHbarTransfer(acct("StillWater"), Hbar.fromTinybars(1000)),
));
out.scheduleId = scheduled.scheduleId.toString();
const pendingBalance = (await new AccountBalanceQuery().setAccountId(acct("Alice")).execute(client)).hbars.toTinybars().toNumber();
out.paidBeforeSigning = aliceBefore - pendingBalance;
await receipt(new ScheduleSignTransaction().setScheduleId(scheduled.scheduleId), key("Alice"));
out.scheduledStatus = (await new TransactionReceiptQuery().setTransactionId(scheduled.scheduledTransactionId).execute(client)).status.toString();
out.paidAfterSigning = aliceBefore - (await new AccountBalanceQuery().setAccountId(acct("Alice")).execute(client)).hbars.toTinybars().toNumber();
out.signAgain = await status(() => receipt(new ScheduleSignTransaction().setScheduleId(scheduled.scheduleId), key("Alice")));

// HIP-904 airdrops: Bob has no association and no free slot, so the points wait for his claim.
const fs = key("FastShoes");
await receipt(new TokenAirdropTransaction().addTokenTransfer(points.tokenId, acct("FastShoes"), -200).addTokenTransfer(points.tokenId, acct("Bob"), 200), fs);
const bobPoints = async () => (await new AccountBalanceQuery().setAccountId(acct("Bob")).execute(client)).tokens.get(points.tokenId)?.toString() ?? "none";
out.bobBeforeClaim = await bobPoints();
const pendingId = new PendingAirdropId({ senderId: acct("FastShoes"), receiverId: acct("Bob"), tokenId: points.tokenId });
out.claimByStranger = await status(() => receipt(new TokenClaimAirdropTransaction().addPendingAirdropId(pendingId)));
out.claim = await status(() => receipt(new TokenClaimAirdropTransaction().addPendingAirdropId(pendingId), key("Bob")));
out.bobAfterClaim = await bobPoints();
out.claimTwice = await status(() => receipt(new TokenClaimAirdropTransaction().addPendingAirdropId(pendingId), key("Bob")));
await receipt(new TokenAirdropTransaction().addTokenTransfer(points.tokenId, acct("FastShoes"), -5).addTokenTransfer(points.tokenId, acct("SuperMarathon"), 5), fs);
const toMarathon = new PendingAirdropId({ senderId: acct("FastShoes"), receiverId: acct("SuperMarathon"), tokenId: points.tokenId });
out.cancel = await status(() => receipt(new TokenCancelAirdropTransaction().addPendingAirdropId(toMarathon), fs));
out.claimCancelled = await status(() => receipt(new TokenClaimAirdropTransaction().addPendingAirdropId(toMarathon), key("SuperMarathon")));
// Reject: Alice hands her StillWater tickets back to the treasury.
out.reject = await status(() => receipt(new TokenRejectTransaction().setOwnerId(acct("Alice")).setTokenIds([tix]), key("Alice")));
out.aliceTicketsAfterReject = (await new AccountBalanceQuery().setAccountId(acct("Alice")).execute(client)).tokens.get(tix)?.toString();

// Negative cases.
out.missingSignature = await status(() =>
  receipt(new TransferTransaction().addHbarTransfer(acct("Alice"), new Hbar(-1)).addHbarTransfer(acct("operator"), new Hbar(1))),
);
out.unassociated = await status(() =>
  receipt(new TransferTransaction().addTokenTransfer(points.tokenId, acct("FastShoes"), -1).addTokenTransfer(points.tokenId, acct("SuperMarathon"), 1), key("FastShoes")),
);
out.notOwner = await status(() =>
  receipt(new TransferTransaction().addNftTransfer(new NftId(twins.tokenId, 2), acct("BestProducer"), acct("Alice")), key("BestProducer")),
);
const once = new TransferTransaction().addHbarTransfer(acct("operator"), Hbar.fromTinybars(-1)).addHbarTransfer(acct("Alice"), Hbar.fromTinybars(1))
  .setTransactionId(TransactionId.generate(acct("operator"))).freezeWith(client);
await once.sign(key("operator"));
const bytes = once.toBytes();
out.firstSubmit = await status(async () => (await Transaction.fromBytes(bytes).execute(client)).getReceipt(client));
out.duplicate = await status(async () => (await Transaction.fromBytes(bytes).execute(client)).getReceipt(client));
const hourAgo = Math.floor(Date.now() / 1000) - 3600;
out.expired = await status(() =>
  receipt(new TransferTransaction().addHbarTransfer(acct("operator"), new Hbar(-1)).addHbarTransfer(acct("Alice"), new Hbar(1))
    .setTransactionId(TransactionId.withValidStart(acct("operator"), new Timestamp(hourAgo, 0)))),
);

client.close();
process.stdout.write(JSON.stringify(out));
