// The SDK-style builder classes, shared by both entry points: `@loyal/hedera` (everything)
// and `@loyal/hedera/sign` (the small signing build). Setters collect a plain spec object;
// each entry exports every class bound to its own wasm's `freeze<Type>` export (the generated
// dist/.../builders.js), so a bundler drops the classes an app does not use together with
// their glue, and `@loyal/hedera/shake` then drops their wasm.
import { loyalError } from "./engine.js";

/**
 * `Base` bound to one wasm build's freeze function for its type: what each entry exports.
 * Pure (a new subclass, nothing shared is changed), so an unused one is dropped.
 */
export function boundTo(Base, freeze) {
  const Bound = class extends Base {};
  Bound.prototype._freezeSpec = freeze;
  Object.defineProperty(Bound, "name", { value: Base.name });
  return Bound;
}

/**
 * `signTransaction(key, bytes)` bound to one wasm build's export: the key as a string or a
 * `PrivateKey` (read through its DER form, so the class is not needed by apps without it).
 */
export function signingWith(sign) {
  return (key, bytes) => sign(
    typeof key?.toStringDer === "function" ? key.toStringDer() : key,
    bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : bytes,
  );
}

/**
 * Hbars to tinybars (`bigint`): a `bigint`, an integer, or a decimal with up to 8 places
 * (`hbar(1.5)`, `hbar("0.00000001")`).
 */
export function hbar(n) {
  if (typeof n === "bigint") return n * 100000000n;
  // A number in fixed notation (1e-8 prints as "1e-8"), if 8 places hold it exactly.
  const fixed = typeof n === "number" && Number.isFinite(n) ? n.toFixed(8) : "";
  const text = fixed && Number(fixed) === n ? fixed : String(n);
  const m = /^(-?)(\d+)(?:\.(\d{1,8}))?$/.exec(text);
  if (!m || (typeof n !== "number" && typeof n !== "string")) {
    throw loyalError("INVALID_AMOUNT", `not an hbar amount: ${String(n)}`, { input: String(n), reason: "expected a bigint, or a number or string with up to 8 decimal places" });
  }
  const tinybars = BigInt(m[2]) * 100000000n + BigInt((m[3] ?? "").padEnd(8, "0"));
  return m[1] ? -tinybars : tinybars;
}

// What the setters convert and what they pass on as given: a value they cannot convert goes
// to the wasm unchanged, which refuses it at freeze with a coded error naming the field.
function integer(v) {
  // null and undefined become NaN, which the wasm refuses like any non-integer (not as "left out").
  if (v == null) return NaN;
  try { return BigInt(v); } catch { return v; }
}

function each(items, convert) {
  return Array.isArray(items) ? items.map(convert) : items;
}

/** A key as a string: a PublicKey's DER, a PrivateKey's public key (as the SDK takes it). */
function keyString(k) {
  if (k == null) return undefined;
  if (typeof k.publicKey?.toStringDer === "function") return k.publicKey.toStringDer();
  return typeof k.toStringDer === "function" ? k.toStringDer() : k;
}

function frozenError() {
  return loyalError("ALREADY_FROZEN", "the transaction is frozen: build a new one to change it");
}

function bytes(v) {
  return typeof v === "string" ? new TextEncoder().encode(v) : v;
}

class TransactionBuilder {
  constructor(type) {
    this._spec = { type };
    this._tx = null;
  }
  _set(key, value) {
    if (this._tx) throw frozenError();
    this._spec[key] = value;
    return this;
  }
  _push(key, value) {
    if (this._tx) throw frozenError();
    (this._spec[key] ??= []).push(value);
    return this;
  }
  _frozen() {
    if (!this._tx) throw loyalError("NOT_FROZEN", "freeze() or freezeWith(client) first");
    return this._tx;
  }
  setTransactionId(id) { return this._set("transactionId", String(id)); }
  setNodeAccountIds(ids) { return this._set("nodeAccountIds", each(ids, String)); }
  setMaxTransactionFee(tinybars) { return this._set("maxTransactionFee", integer(tinybars)); }
  setTransactionMemo(memo) { return this._set("transactionMemo", memo); }
  setTransactionValidDuration(seconds) { return this._set("transactionValidDuration", seconds); }
  /** Freezes with an explicit transaction id and node list. */
  freeze() { this._tx = this._freezeSpec(this._spec); return this; }
  /** Freezes, taking the transaction id (operator, now) and nodes the builder left open from the client. */
  freezeWith(client) {
    const spec = { ...this._spec };
    const frame = client.frame();
    if (frame) {
      spec.transactionId ??= frame.transactionId;
      if (!spec.nodeAccountIds?.length) spec.nodeAccountIds = frame.nodeAccountIds;
    }
    this._tx = this._freezeSpec(spec);
    return this;
  }
  _freezeSpec() {
    throw loyalError("NOT_INITIALISED", "import the builders from @loyal/hedera or @loyal/hedera/sign, not builders.js");
  }
  sign(key) { this._frozen().sign(key); return this; }
  /** Signs through an external signer (a wallet): `signer(bodyBytes)` resolves to a signature. */
  async signWith(publicKey, signer) {
    const tx = this._frozen();
    const signatures = [];
    for (const body of tx.bodies()) {
      try {
        signatures.push(await signer(body));
      } catch (e) {
        const reason = String(e?.message ?? e);
        throw loyalError("SIGNER", `the signer failed: ${reason}`, { reason, cause: e });
      }
    }
    tx.addSignature(publicKey, signatures);
    return this;
  }
  toBytes() { return this._frozen().toBytes(); }
  get transactionId() { return this._frozen().transactionId; }
  get hash() { return this._frozen().hash; }
  /** Freezes with the client if needed, signs as its operator, submits, resolves to the receipt. */
  async execute(client) {
    return this._once("_executing", () => this._networked(client).execute(client));
  }
  async submit(client) {
    return this._once("_submitting", () => this._networked(client).submit(client));
  }
  // A second call while the first is in flight (a button clicked twice) shares its promise:
  // the wasm transaction is busy until it settles. A call after it settles sends the same
  // transaction again, which the network takes as a duplicate: execute then gives its receipt.
  _once(slot, start) {
    return (this[slot] ??= start().finally(() => { this[slot] = null; }));
  }
  _networked(client) {
    if (!client?.frame) {
      throw loyalError("UNSUPPORTED", "execute and submit need a Client of @loyal/hedera; the signing build sends nothing: pass toBytes() on", { what: "network client" });
    }
    if (!this._tx) this.freezeWith(client);
    return this._tx;
  }
}

export class AccountCreateTransaction extends TransactionBuilder {
  constructor() { super("AccountCreateTransaction"); }
  setKey(key) { return this._set("key", keyString(key)); }
  setInitialBalance(tinybars) { return this._set("initialBalance", integer(tinybars)); }
  setMaxAutomaticTokenAssociations(n) { return this._set("maxAutomaticTokenAssociations", n); }
  setAccountMemo(memo) { return this._set("accountMemo", memo); }
  setReceiverSignatureRequired(required) { return this._set("receiverSignatureRequired", required); }
}

class TransferBase extends TransactionBuilder {
  addTokenTransfer(tokenId, accountId, amount) {
    return this._push("tokenTransfers", { tokenId: String(tokenId), accountId: String(accountId), amount: integer(amount) });
  }
  addNftTransfer(nftId, sender, receiver) {
    return this._push("nftTransfers", { nftId: String(nftId), sender: String(sender), receiver: String(receiver) });
  }
}

export class TransferTransaction extends TransferBase {
  constructor() { super("TransferTransaction"); }
  addHbarTransfer(accountId, tinybars) {
    return this._push("hbarTransfers", { accountId: String(accountId), amount: integer(tinybars) });
  }
  addTokenTransferWithDecimals(tokenId, accountId, amount, decimals) {
    return this._push("tokenTransfers", { tokenId: String(tokenId), accountId: String(accountId), amount: integer(amount), decimals });
  }
}

export class TokenAirdropTransaction extends TransferBase {
  constructor() { super("TokenAirdropTransaction"); }
}

export class TokenCreateTransaction extends TransactionBuilder {
  constructor() { super("TokenCreateTransaction"); }
  setTokenName(name) { return this._set("tokenName", name); }
  setTokenSymbol(symbol) { return this._set("tokenSymbol", symbol); }
  setDecimals(decimals) { return this._set("decimals", decimals); }
  setInitialSupply(supply) { return this._set("initialSupply", integer(supply)); }
  setTreasuryAccountId(id) { return this._set("treasuryAccountId", String(id)); }
  setAdminKey(key) { return this._set("adminKey", keyString(key)); }
  setKycKey(key) { return this._set("kycKey", keyString(key)); }
  setFreezeKey(key) { return this._set("freezeKey", keyString(key)); }
  setWipeKey(key) { return this._set("wipeKey", keyString(key)); }
  setSupplyKey(key) { return this._set("supplyKey", keyString(key)); }
  setPauseKey(key) { return this._set("pauseKey", keyString(key)); }
  setMetadataKey(key) { return this._set("metadataKey", keyString(key)); }
  setFeeScheduleKey(key) { return this._set("feeScheduleKey", keyString(key)); }
  setFreezeDefault(freeze) { return this._set("freezeDefault", freeze); }
  /** "FUNGIBLE_COMMON" (default) or "NON_FUNGIBLE_UNIQUE". */
  setTokenType(type) { return this._set("tokenType", type); }
  /** "INFINITE" (default) or "FINITE". */
  setSupplyType(type) { return this._set("supplyType", type); }
  setMaxSupply(max) { return this._set("maxSupply", integer(max)); }
  setTokenMemo(memo) { return this._set("tokenMemo", memo); }
  setMetadata(metadata) { return this._set("tokenMetadata", bytes(metadata)); }
}

class AccountTokens extends TransactionBuilder {
  setAccountId(id) { return this._set("accountId", String(id)); }
  setTokenIds(ids) { return this._set("tokenIds", each(ids, String)); }
}
export class TokenAssociateTransaction extends AccountTokens {
  constructor() { super("TokenAssociateTransaction"); }
}
export class TokenDissociateTransaction extends AccountTokens {
  constructor() { super("TokenDissociateTransaction"); }
}

export class TokenMintTransaction extends TransactionBuilder {
  constructor() { super("TokenMintTransaction"); }
  setTokenId(id) { return this._set("tokenId", String(id)); }
  setAmount(amount) { return this._set("amount", integer(amount)); }
  /** One entry per NFT: bytes, or a string such as `ipfs://CID` (UTF-8). */
  setMetadata(list) { return this._set("metadata", list.map(bytes)); }
  addMetadata(entry) { return this._push("metadata", bytes(entry)); }
}

export class TokenBurnTransaction extends TransactionBuilder {
  constructor() { super("TokenBurnTransaction"); }
  setTokenId(id) { return this._set("tokenId", String(id)); }
  setAmount(amount) { return this._set("amount", integer(amount)); }
  setSerials(serials) { return this._set("serials", each(serials, Number)); }
}

export class TokenUpdateNftsTransaction extends TransactionBuilder {
  constructor() { super("TokenUpdateNftsTransaction"); }
  setTokenId(id) { return this._set("tokenId", String(id)); }
  setSerialNumbers(serials) { return this._set("serials", each(serials, Number)); }
  setMetadata(metadata) { return this._set("metadata", bytes(metadata)); }
}

class TokenAccountFlag extends TransactionBuilder {
  setTokenId(id) { return this._set("tokenId", String(id)); }
  setAccountId(id) { return this._set("accountId", String(id)); }
}
export class TokenFreezeTransaction extends TokenAccountFlag { constructor() { super("TokenFreezeTransaction"); } }
export class TokenUnfreezeTransaction extends TokenAccountFlag { constructor() { super("TokenUnfreezeTransaction"); } }
export class TokenGrantKycTransaction extends TokenAccountFlag { constructor() { super("TokenGrantKycTransaction"); } }
export class TokenRevokeKycTransaction extends TokenAccountFlag { constructor() { super("TokenRevokeKycTransaction"); } }

class TokenOnly extends TransactionBuilder {
  setTokenId(id) { return this._set("tokenId", String(id)); }
}
export class TokenPauseTransaction extends TokenOnly { constructor() { super("TokenPauseTransaction"); } }
export class TokenUnpauseTransaction extends TokenOnly { constructor() { super("TokenUnpauseTransaction"); } }

class PendingAirdrops extends TransactionBuilder {
  /** `{ sender, receiver, tokenId, serial? }` */
  addPendingAirdropId(id) {
    return this._push("pendingAirdrops", {
      sender: String(id.sender), receiver: String(id.receiver), tokenId: String(id.tokenId),
      serial: id.serial == null ? undefined : integer(id.serial),
    });
  }
}
export class TokenClaimAirdropTransaction extends PendingAirdrops { constructor() { super("TokenClaimAirdropTransaction"); } }
export class TokenCancelAirdropTransaction extends PendingAirdrops { constructor() { super("TokenCancelAirdropTransaction"); } }

export class TokenRejectTransaction extends TransactionBuilder {
  constructor() { super("TokenRejectTransaction"); }
  setOwnerId(id) { return this._set("ownerId", String(id)); }
  setTokenIds(ids) { return this._set("tokenIds", each(ids, String)); }
  setNftIds(ids) { return this._set("nftIds", each(ids, String)); }
}

export class TopicCreateTransaction extends TransactionBuilder {
  constructor() { super("TopicCreateTransaction"); }
  setTopicMemo(memo) { return this._set("topicMemo", memo); }
  setAdminKey(key) { return this._set("adminKey", keyString(key)); }
  setSubmitKey(key) { return this._set("submitKey", keyString(key)); }
}

export class TopicMessageSubmitTransaction extends TransactionBuilder {
  constructor() { super("TopicMessageSubmitTransaction"); }
  setTopicId(id) { return this._set("topicId", String(id)); }
  setMessage(message) { return this._set("message", bytes(message)); }
}

export class ScheduleCreateTransaction extends TransactionBuilder {
  constructor() { super("ScheduleCreateTransaction"); }
  setScheduledTransaction(builder) { return this._set("scheduledTransaction", builder?._spec ? { ...builder._spec } : builder); }
  setScheduleMemo(memo) { return this._set("scheduleMemo", memo); }
  setAdminKey(key) { return this._set("adminKey", keyString(key)); }
  setPayerAccountId(id) { return this._set("payerAccountId", String(id)); }
}

export class ScheduleSignTransaction extends TransactionBuilder {
  constructor() { super("ScheduleSignTransaction"); }
  setScheduleId(id) { return this._set("scheduleId", String(id)); }
}
