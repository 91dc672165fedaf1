// Builds the conformance corpus with the official JS SDK and prints it as JSON:
//   node tests/sdk/corpus.mjs            -> stdout
// Every case in cases.mjs becomes { ...case, bytes: hex(tx.toBytes()) } after freeze + sign.
import * as sdk from "@hashgraph/sdk";
import { proto } from "@hiero-ledger/proto";
import { readFileSync } from "node:fs";
import cases from "./cases.mjs";

const fixtures = JSON.parse(readFileSync(new URL("./fixtures.json", import.meta.url)));
const keys = Object.fromEntries(
  Object.entries(fixtures.keys).map(([name, k]) => [
    name,
    k.type === "ed25519" ? sdk.PrivateKey.fromStringED25519(k.private) : sdk.PrivateKey.fromStringECDSA(k.private),
  ]),
);

const acct = (s) => sdk.AccountId.fromString(s);
const tok = (s) => sdk.TokenId.fromString(s);
const hbar = (t) => sdk.Hbar.fromTinybars(t);
const bytes = (hex) => Uint8Array.from(Buffer.from(hex, "hex"));
const ts = ([s, n]) => new sdk.Timestamp(s, n);
function key(spec) {
  if (typeof spec === "string") return keys[spec].publicKey;
  const list = new sdk.KeyList(spec.keys ? spec.keys.map(key) : spec.list.map(key));
  if (spec.threshold != null) list.setThreshold(spec.threshold);
  return list;
}

function transfers(tx, p) {
  for (const [a, t, approved] of p.hbar ?? []) {
    approved ? tx.addApprovedHbarTransfer(acct(a), hbar(t)) : tx.addHbarTransfer(acct(a), hbar(t));
  }
  for (const [t, a, amount, decimals, approved] of p.tokens ?? []) {
    if (approved) tx.addApprovedTokenTransfer(tok(t), acct(a), sdk.Long.fromString(amount));
    else if (decimals != null) tx.addTokenTransferWithDecimals(tok(t), acct(a), sdk.Long.fromString(amount), decimals);
    else tx.addTokenTransfer(tok(t), acct(a), sdk.Long.fromString(amount));
  }
  for (const [t, serial, from, to, approved] of p.nfts ?? []) {
    const nft = new sdk.NftId(tok(t), serial);
    approved ? tx.addApprovedNftTransfer(nft, acct(from), acct(to)) : tx.addNftTransfer(nft, acct(from), acct(to));
  }
  return tx;
}

function fee(f) {
  let fee;
  if (f.type === "fixed") {
    fee = new sdk.CustomFixedFee().setAmount(sdk.Long.fromString(f.amount));
    if (f.token) fee.setDenominatingTokenId(tok(f.token));
  } else if (f.type === "fractional") {
    fee = new sdk.CustomFractionalFee()
      .setNumerator(f.num).setDenominator(f.den).setMin(sdk.Long.fromString(f.min)).setMax(sdk.Long.fromString(f.max))
      .setAssessmentMethod(f.netOfTransfers ? sdk.FeeAssessmentMethod.Exclusive : sdk.FeeAssessmentMethod.Inclusive);
  } else {
    fee = new sdk.CustomRoyaltyFee().setNumerator(f.num).setDenominator(f.den);
    if (f.fallback) {
      const fb = new sdk.CustomFixedFee().setAmount(sdk.Long.fromString(f.fallback.amount));
      if (f.fallback.token) fb.setDenominatingTokenId(tok(f.fallback.token));
      fee.setFallbackFee(fb);
    }
  }
  fee.setFeeCollectorAccountId(acct(f.collector));
  if (f.exempt) fee.setAllCollectorsAreExempt(true);
  return fee;
}

const pendingId = (p) =>
  new sdk.PendingAirdropId({
    senderId: acct(p.sender),
    receiverId: acct(p.receiver),
    ...(p.serial != null ? { nftId: new sdk.NftId(tok(p.token), p.serial) } : { tokenId: tok(p.token) }),
  });

const builders = {
  accountCreate(p) {
    const tx = new sdk.AccountCreateTransaction().setKeyWithoutAlias(key(p.key)).setInitialBalance(hbar(p.initialBalance));
    if (p.receiverSigRequired) tx.setReceiverSignatureRequired(true);
    if (p.maxAutoAssociations != null) tx.setMaxAutomaticTokenAssociations(p.maxAutoAssociations);
    if (p.accountMemo) tx.setAccountMemo(p.accountMemo);
    if (p.autoRenewPeriod) tx.setAutoRenewPeriod(p.autoRenewPeriod);
    if (p.stakedNodeId != null) tx.setStakedNodeId(p.stakedNodeId);
    if (p.declineReward) tx.setDeclineStakingReward(true);
    return tx;
  },
  transfer: (p) => transfers(new sdk.TransferTransaction(), p),
  tokenCreate(p) {
    const tx = new sdk.TokenCreateTransaction().setTokenName(p.name).setTokenSymbol(p.symbol).setTreasuryAccountId(acct(p.treasury));
    if (p.decimals != null) tx.setDecimals(p.decimals);
    if (p.initialSupply != null) tx.setInitialSupply(sdk.Long.fromString(p.initialSupply));
    const k = p.keys ?? {};
    if (k.admin) tx.setAdminKey(key(k.admin));
    if (k.kyc) tx.setKycKey(key(k.kyc));
    if (k.freeze) tx.setFreezeKey(key(k.freeze));
    if (k.wipe) tx.setWipeKey(key(k.wipe));
    if (k.supply) tx.setSupplyKey(key(k.supply));
    if (k.feeSchedule) tx.setFeeScheduleKey(key(k.feeSchedule));
    if (k.pause) tx.setPauseKey(key(k.pause));
    if (k.metadata) tx.setMetadataKey(key(k.metadata));
    if (p.freezeDefault) tx.setFreezeDefault(true);
    if (p.autoRenewAccount) tx.setAutoRenewAccountId(acct(p.autoRenewAccount));
    if (p.autoRenewPeriod) tx.setAutoRenewPeriod(p.autoRenewPeriod);
    if (p.expiry) tx.setExpirationTime(ts(p.expiry));
    if (p.tokenMemo) tx.setTokenMemo(p.tokenMemo);
    if (p.tokenType === "nft") tx.setTokenType(sdk.TokenType.NonFungibleUnique);
    if (p.supplyType === "finite") tx.setSupplyType(sdk.TokenSupplyType.Finite);
    if (p.maxSupply) tx.setMaxSupply(sdk.Long.fromString(p.maxSupply));
    if (p.customFees) tx.setCustomFees(p.customFees.map(fee));
    if (p.metadata) tx.setMetadata(bytes(p.metadata));
    return tx;
  },
  tokenAssociate: (p) => new sdk.TokenAssociateTransaction().setAccountId(acct(p.account)).setTokenIds(p.tokens.map(tok)),
  tokenDissociate: (p) => new sdk.TokenDissociateTransaction().setAccountId(acct(p.account)).setTokenIds(p.tokens.map(tok)),
  tokenMint(p) {
    const tx = new sdk.TokenMintTransaction().setTokenId(tok(p.token));
    if (p.amount) tx.setAmount(sdk.Long.fromString(p.amount));
    if (p.metadata) tx.setMetadata(p.metadata.map(bytes));
    return tx;
  },
  tokenBurn(p) {
    const tx = new sdk.TokenBurnTransaction().setTokenId(tok(p.token));
    if (p.amount) tx.setAmount(sdk.Long.fromString(p.amount));
    if (p.serials) tx.setSerials(p.serials.map((s) => sdk.Long.fromNumber(s)));
    return tx;
  },
  tokenWipe(p) {
    const tx = new sdk.TokenWipeTransaction().setTokenId(tok(p.token)).setAccountId(acct(p.account));
    if (p.amount) tx.setAmount(sdk.Long.fromString(p.amount));
    if (p.serials) tx.setSerials(p.serials.map((s) => sdk.Long.fromNumber(s)));
    return tx;
  },
  tokenFreeze: (p) => new sdk.TokenFreezeTransaction().setTokenId(tok(p.token)).setAccountId(acct(p.account)),
  tokenUnfreeze: (p) => new sdk.TokenUnfreezeTransaction().setTokenId(tok(p.token)).setAccountId(acct(p.account)),
  tokenGrantKyc: (p) => new sdk.TokenGrantKycTransaction().setTokenId(tok(p.token)).setAccountId(acct(p.account)),
  tokenRevokeKyc: (p) => new sdk.TokenRevokeKycTransaction().setTokenId(tok(p.token)).setAccountId(acct(p.account)),
  tokenPause: (p) => new sdk.TokenPauseTransaction().setTokenId(tok(p.token)),
  tokenUnpause: (p) => new sdk.TokenUnpauseTransaction().setTokenId(tok(p.token)),
  tokenUpdateNfts: (p) =>
    new sdk.TokenUpdateNftsTransaction().setTokenId(tok(p.token)).setSerialNumbers(p.serials.map((s) => sdk.Long.fromNumber(s))).setMetadata(bytes(p.metadata)),
  tokenAirdrop: (p) => transfers(new sdk.TokenAirdropTransaction(), p),
  tokenClaimAirdrop: (p) => p.pending.reduce((tx, id) => tx.addPendingAirdropId(pendingId(id)), new sdk.TokenClaimAirdropTransaction()),
  tokenCancelAirdrop: (p) => p.pending.reduce((tx, id) => tx.addPendingAirdropId(pendingId(id)), new sdk.TokenCancelAirdropTransaction()),
  tokenReject(p) {
    const tx = new sdk.TokenRejectTransaction();
    if (p.owner) tx.setOwnerId(acct(p.owner));
    if (p.tokens) tx.setTokenIds(p.tokens.map(tok));
    if (p.nfts) tx.setNftIds(p.nfts.map(([t, s]) => new sdk.NftId(tok(t), s)));
    return tx;
  },
  topicCreate(p) {
    const tx = new sdk.TopicCreateTransaction();
    if (p.topicMemo) tx.setTopicMemo(p.topicMemo);
    if (p.adminKey) tx.setAdminKey(key(p.adminKey));
    if (p.submitKey) tx.setSubmitKey(key(p.submitKey));
    if (p.autoRenewAccount) tx.setAutoRenewAccountId(acct(p.autoRenewAccount));
    if (p.autoRenewPeriod) tx.setAutoRenewPeriod(p.autoRenewPeriod);
    return tx;
  },
  topicMessage(p) {
    const message = p.messageRepeat ? p.messageRepeat[0].repeat(p.messageRepeat[1]) : p.message;
    return new sdk.TopicMessageSubmitTransaction().setTopicId(sdk.TopicId.fromString(p.topic)).setMessage(message);
  },
  scheduleCreate(p) {
    const inner = builders[p.inner.kind](p.inner.params).setMaxTransactionFee(hbar(p.inner.maxFee)).setTransactionMemo(p.inner.memo);
    const tx = new sdk.ScheduleCreateTransaction().setScheduledTransaction(inner);
    if (p.scheduleMemo) tx.setScheduleMemo(p.scheduleMemo);
    if (p.adminKey) tx.setAdminKey(key(p.adminKey));
    if (p.payer) tx.setPayerAccountId(acct(p.payer));
    if (p.expiry) tx.setExpirationTime(ts(p.expiry));
    if (p.waitForExpiry) tx.setWaitForExpiry(true);
    return tx;
  },
  scheduleSign: (p) => new sdk.ScheduleSignTransaction().setScheduleId(sdk.ScheduleId.fromString(p.schedule)),
};

async function build(c) {
  const tx = builders[c.kind](c.params)
    .setTransactionId(sdk.TransactionId.withValidStart(acct(c.payer), ts(c.validStart)))
    .setNodeAccountIds(c.nodes.map(acct))
    .setTransactionMemo(c.memo);
  if (c.maxFee != null) tx.setMaxTransactionFee(hbar(c.maxFee));
  if (c.duration != null) tx.setTransactionValidDuration(c.duration);
  tx.freeze();
  for (const s of c.signers) await tx.sign(keys[s]);
  // Hash of the first chunk's signed bytes, per node, as the network and mirror see it.
  const hashes = {};
  for (const [node, hash] of (await tx.getTransactionHashPerNode())) hashes[node.toString()] = Buffer.from(hash).toString("hex");
  return { bytes: Buffer.from(tx.toBytes()).toString("hex"), hashes };
}

function prefixed(message) {
  return Buffer.from("\x19Hedera Signed Message:\n" + message.length + message, "utf8");
}

const out = {
  sdkVersion: JSON.parse(readFileSync(new URL("./node_modules/@hashgraph/sdk/package.json", import.meta.url))).version,
  keys: Object.fromEntries(
    Object.entries(keys).map(([n, k]) => [n, { type: fixtures.keys[n].type, privateDer: k.toStringDer(), publicDer: k.publicKey.toStringDer(), publicRaw: k.publicKey.toStringRaw() }]),
  ),
  cases: [],
  messages: [],
};
for (const [i, c] of cases.entries()) {
  out.cases.push({ name: `${i}-${c.kind}`, ...c, ...(await build(c)) });
}
for (const message of fixtures.messages) {
  for (const [name, k] of Object.entries(keys)) {
    const signature = k.sign(prefixed(message));
    const pair = { pubKeyPrefix: k.publicKey.toBytesRaw() };
    pair[k.type === "ED25519" ? "ed25519" : "ECDSASecp256k1"] = signature;
    const sigMap = proto.SignatureMap.encode({ sigPair: [pair] }).finish();
    out.messages.push({ key: name, message, sigMap: Buffer.from(sigMap).toString("hex") });
  }
}
process.stdout.write(JSON.stringify(out, null, 1));
