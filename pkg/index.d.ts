// Hand-written types for @loyal/hedera (the generated ones cannot express bigint amounts,
// builder chaining or the error codes).

/** Every `code` a thrown or rejected `LoyalError` can carry. */
export type ErrorCode =
  // Core: ids, keys, builders, bytes
  | "INVALID_ENTITY_ID" | "CHECKSUM_MISMATCH" | "INVALID_TRANSACTION_ID" | "INVALID_KEY"
  | "INVALID_SIGNATURE" | "INVALID_AMOUNT" | "MEMO_TOO_LONG" | "INVALID_FIELD" | "MISSING_FIELD"
  | "UNBALANCED_TRANSFER" | "TRANSACTION_TOO_LARGE" | "NOT_FROZEN" | "ALREADY_FROZEN" | "DECODE"
  | "SIGNER" | "UNSUPPORTED" | "INVALID_ARGUMENT" | "ENTRY_CONFLICT" | "NOT_INITIALISED"
  // Network
  | "TRANSPORT" | "GRPC_WEB" | "GRPC_STATUS" | "PRECHECK" | "RECEIPT_STATUS" | "RECEIPT_TIMEOUT" | "MIRROR_TIMEOUT"
  | "NO_HEALTHY_NODE" | "CID_MISMATCH" | "INVALID_CID" | "HTTP_STATUS" | "UNKNOWN_NETWORK" | "NO_IPFS"
  // HIP-412
  | "METADATA_MISSING_FIELD" | "METADATA_INVALID_FIELD" | "METADATA_JSON"
  // Token-ownership proofs (createPresentation, SignedPresentation, verifyPresentation)
  | "PROOF_DECODE" | "PROOF_VERSION" | "PROOF_BAD_SIGNATURE" | "PROOF_NOT_OWNER" | "PROOF_WRONG_AUDIENCE"
  | "PROOF_EXPIRED" | "PROOF_NOT_YET_VALID" | "PROOF_REPLAYED" | "PROOF_PREDICATE" | "PROOF_WRONG_COLLECTION"
  | "PROOF_METADATA" | "PROOF_CLAIM_MISSING" | "PROOF_UNSUPPORTED_KEY" | "PROOF_MIRROR_DISAGREE" | "PROOF_POLICY"
  | "PROOF_NETWORK"
  // The build-time plugin @loyal/hedera/shake
  | "SHAKE"
  // The wallet connector (Wallet.connect)
  | "WALLET_NOT_FOUND" | "USER_REJECTED" | "WALLET_LOCKED" | "WRONG_NETWORK" | "WALLET_UNAUTHORIZED"
  | "WALLET_KEY_MISMATCH" | "WALLET_ERROR";

export interface LoyalError extends Error {
  name: "LoyalError";
  code: ErrorCode;
  /** Always an object: the error's fields. */
  details: ErrorDetails;
}

/** What `details` can hold; which fields are present depends on `code`. */
export interface ErrorDetails {
  /** The argument or builder field at fault (`tokenId`, `hbarTransfers.amount`). */
  field?: string;
  reason?: string;
  /** The text that did not parse. */
  input?: string;
  /** A Hedera ResponseCode name, for PRECHECK and RECEIPT_STATUS. */
  status?: string;
  transactionId?: string;
  /** CHECKSUM_MISMATCH: the id and both checksums. */
  id?: string;
  expected?: string;
  actual?: string;
  /** MEMO_TOO_LONG (`length`), TRANSACTION_TOO_LARGE (`size`), and their limit. */
  length?: number;
  size?: number;
  max?: number;
  /** DECODE: what was being read; UNSUPPORTED: what this build leaves out. */
  what?: string;
  url?: string;
  httpStatus?: number;
  grpcStatus?: number;
  attempts?: number;
  cid?: string;
  /** SIGNER: what the signer threw; PROOF_NETWORK: the client's LoyalError (TRANSPORT, HTTP_STATUS, …). */
  cause?: unknown;
  /** PROOF_*: the account, token and serial concerned; what was found (`got`, any JSON for
   * PROOF_PREDICATE) against `expected`. */
  holder?: string;
  /** Wallet errors: the provider's EIP-1193 number and the wallet's own code. */
  rpcCode?: number;
  walletCode?: string;
  rdns?: string;
  token?: string;
  serial?: number | null;
  got?: unknown;
  predicate?: string;
  requirement?: string;
  nonce?: string;
  uri?: string;
  keyType?: string;
  /** PROOF_MIRROR_DISAGREE: the fact and the index of the mirror that differs from mirror 0. */
  fact?: string;
  mirror?: number;
  issuedAt?: Date;
  expiresAt?: Date;
  now?: Date;
}

/** Tinybars, or any integer amount, as the API takes it. */
export type Amount = bigint | number;
/** `"0.0.1001"` (checksums and HIP-30 forms accepted where the core accepts them). */
export type EntityId = string;
/** An id where the builders take one: the string, or an id object (`String(id)` is used). */
export type IdLike = EntityId | AccountId | TokenId;
/** `"0.0.5/12"`: token and serial. */
export type NftId = string;
export type Bytes = Uint8Array | string;

/** Hbars to tinybars: a bigint, an integer, or a decimal with up to 8 places (`hbar(1.5)`,
 * `hbar("0.00000001")`); anything else throws INVALID_AMOUNT. */
export function hbar(n: number | bigint | string): bigint;

export class PrivateKey {
  private constructor();
  static generateEd25519(): PrivateKey;
  /** Throws UNSUPPORTED in `@loyal/hedera/sign` (ED25519 only). */
  static generateECDSA(): PrivateKey;
  static fromString(s: string): PrivateKey;
  static fromStringDer(s: string): PrivateKey;
  static fromStringEd25519(s: string): PrivateKey;
  static fromStringECDSA(s: string): PrivateKey;
  readonly publicKey: PublicKey;
  readonly algorithm: "ED25519" | "ECDSA_SECP256K1";
  sign(message: Uint8Array): Uint8Array;
  toStringDer(): string;
  toStringRaw(): string;
  /** Describes the key without revealing it. */
  toString(): string;
  free(): void;
}

export class PublicKey {
  private constructor();
  static fromString(s: string): PublicKey;
  static fromBytes(bytes: Uint8Array): PublicKey;
  readonly algorithm: "ED25519" | "ECDSA_SECP256K1";
  verify(message: Uint8Array, signature: Uint8Array): boolean;
  toStringDer(): string;
  toStringRaw(): string;
  toBytesRaw(): Uint8Array;
  free(): void;
}

/** `0.0.1001`: parse up front (a coded error), checksums (HIP-15), `equals`. */
export class AccountId {
  private constructor();
  /** `0.0.1001`, `0.0.1001-abcde` or `0.0.<40 hex>` (an EVM address alias). */
  static fromString(s: string): AccountId;
  /** Like `fromString`, and a checksum, if present, must be the one for `network`. */
  static fromStringForNetwork(s: string, network: Ledger): AccountId;
  readonly shard: bigint;
  readonly realm: bigint;
  readonly num: bigint;
  toString(): string;
  toStringWithChecksum(network: Ledger): string;
  equals(other: AccountId): boolean;
  free(): void;
}

export class TokenId {
  private constructor();
  static fromString(s: string): TokenId;
  static fromStringForNetwork(s: string, network: Ledger): TokenId;
  readonly shard: bigint;
  readonly realm: bigint;
  readonly num: bigint;
  /** The NFT id string `token/serial`, as `addNftTransfer` takes it. */
  nft(serial: number | bigint): NftId;
  toString(): string;
  toStringWithChecksum(network: Ledger): string;
  equals(other: TokenId): boolean;
  free(): void;
}

export class TransactionId {
  private constructor();
  /** `0.0.1001@1700000000.000000001` or the mirror form `0.0.1001-1700000000-000000001`. */
  static fromString(s: string): TransactionId;
  /** A new id paid by `accountId`, valid from now (strictly increasing within the page). */
  static generate(accountId: EntityId | AccountId): TransactionId;
  readonly accountId: AccountId;
  /** `"1700000000.000000001"` */
  readonly validStart: string;
  readonly scheduled: boolean;
  toString(): string;
  /** The mirror node's path form. */
  toMirrorString(): string;
  equals(other: TransactionId): boolean;
  free(): void;
}

export type Ledger = "mainnet" | "testnet" | "previewnet" | "devnet";

export interface Receipt {
  status: string;
  transactionId: string;
  accountId: EntityId | null;
  tokenId: EntityId | null;
  topicId: EntityId | null;
  scheduleId: EntityId | null;
  scheduledTransactionId: string | null;
  serials: number[];
  totalSupply: bigint;
  topicSequenceNumber: bigint;
}

export interface Submitted {
  transactionId: string;
  nodeId: EntityId;
  hash: Uint8Array;
}

export interface NetworkConfig {
  nodes: { accountId: EntityId; url: string }[];
  mirrorUrl: string;
  ipfsApiUrl?: string;
  ipfsGatewayUrl?: string;
}

export class Client {
  private constructor();
  static forName(name: "devnet" | "testnet" | "previewnet" | "mainnet"): Client;
  /** A devnet on other ports; a port outside 1–65535 throws INVALID_ARGUMENT. */
  static forDevnet(host: string, grpcWebPort: number, mirrorPort: number, ipfsPort: number): Client;
  static forNetwork(config: NetworkConfig): Client;
  setOperator(accountId: EntityId | AccountId, key: PrivateKey): void;
  readonly operatorAccountId: EntityId | undefined;
  readonly mirrorUrl: string;
  /** Replaces the node list with the mirror's (every page). Await it before using the client:
   * it holds the client until it settles. */
  updateNodesFromMirror(): Promise<void>;
  /** Sends of one transaction before NO_HEALTHY_NODE (each to the next node); default 10. */
  setMaxAttempts(attempts: number): void;
  /** How long one request to one node may take before the next is tried; default 10 000 ms. */
  setRequestTimeout(ms: number): void;
  getReceipt(transactionId: string | TransactionId): Promise<Receipt>;
  /** GET a mirror path (`/api/v1/...`): the mirror's own JSON, except that an integer beyond
   * 2^53 (a balance or supply in a token's smallest unit) is a `bigint`, exact. */
  mirrorGet<T = any>(path: string): Promise<T>;
  /** Every item of a paged listing, following `links.next` up to `maxPages` pages;
   * `truncated` is true when the cap stopped it and the mirror had more. */
  mirrorAll<T = any>(path: string, field: "nfts" | "tokens" | "transactions" | "messages" | "accounts" | "balances" | "airdrops", maxPages: number): Promise<T[] & { truncated: boolean }>;
  waitForMirror(transactionId: string | TransactionId, timeoutMs: number): Promise<{ consensusTimestamp: string; result: string; name: string }>;
  ipfsAdd(bytes: Uint8Array, name?: string): Promise<string>;
  /** A CID (v1 `b…` or v0 `Qm…`), `ipfs://CID`, or `ipfs://CID/path` into a directory; every
   * block is verified against its CID. */
  ipfsCat(cid: string): Promise<Uint8Array>;
  free(): void;
}

/** What a frozen transaction does in both builds. */
export interface FrozenTransaction {
  sign(key: PrivateKey): void;
  /** The body bytes a signer must sign, one per node. */
  bodies(): Uint8Array[];
  /** Signatures made elsewhere, one per `bodies()` entry; each is verified before it is added. */
  addSignature(key: PublicKey, signatures: Uint8Array[]): void;
  verifySignatures(): string[];
  toBytes(): Uint8Array;
  readonly hash: Uint8Array;
  /** The SDK's name for `hash`. */
  getTransactionHash(): Uint8Array;
  readonly transactionId: string;
  readonly nodeAccountIds: string[];
  free(): void;
}

/** A frozen transaction (also what `Transaction.fromBytes` gives for SDK-made bytes). */
export interface Transaction extends FrozenTransaction {}
export class Transaction {
  private constructor();
  static fromBytes(bytes: Uint8Array): Transaction;
  execute(client: Client): Promise<Receipt>;
  submit(client: Client): Promise<Submitted>;
}

declare class TransactionBuilder<Self> {
  setTransactionId(id: string | TransactionId): Self;
  setNodeAccountIds(ids: IdLike[]): Self;
  setMaxTransactionFee(tinybars: Amount): Self;
  setTransactionMemo(memo: string): Self;
  setTransactionValidDuration(seconds: number): Self;
  freeze(): Self;
  freezeWith(client: Client): Self;
  sign(key: PrivateKey): Self;
  /** A signer that throws or rejects (a wallet whose user said no) gives SIGNER, with the
   * signer's error as `details.cause`. */
  signWith(publicKey: PublicKey, signer: (body: Uint8Array) => Promise<Uint8Array> | Uint8Array): Promise<Self>;
  toBytes(): Uint8Array;
  readonly transactionId: string;
  readonly hash: Uint8Array;
  execute(client: Client): Promise<Receipt>;
  submit(client: Client): Promise<Submitted>;
}

/** A public key, a key string, or a PrivateKey (its public key is what is set, as in the SDK). */
type Key = PublicKey | PrivateKey | string;

export class AccountCreateTransaction extends TransactionBuilder<AccountCreateTransaction> {
  setKey(key: Key): this;
  setInitialBalance(tinybars: Amount): this;
  setMaxAutomaticTokenAssociations(n: number): this;
  setAccountMemo(memo: string): this;
  setReceiverSignatureRequired(required: boolean): this;
}

export class TransferTransaction extends TransactionBuilder<TransferTransaction> {
  addHbarTransfer(accountId: IdLike, tinybars: Amount): this;
  addTokenTransfer(tokenId: IdLike, accountId: IdLike, amount: Amount): this;
  addTokenTransferWithDecimals(tokenId: IdLike, accountId: IdLike, amount: Amount, decimals: number): this;
  addNftTransfer(nftId: NftId, sender: IdLike, receiver: IdLike): this;
}

export class TokenAirdropTransaction extends TransactionBuilder<TokenAirdropTransaction> {
  addTokenTransfer(tokenId: IdLike, accountId: IdLike, amount: Amount): this;
  addNftTransfer(nftId: NftId, sender: IdLike, receiver: IdLike): this;
}

export class TokenCreateTransaction extends TransactionBuilder<TokenCreateTransaction> {
  setTokenName(name: string): this;
  setTokenSymbol(symbol: string): this;
  setDecimals(decimals: number): this;
  setInitialSupply(supply: Amount): this;
  setTreasuryAccountId(id: IdLike): this;
  setAdminKey(key: Key): this;
  setKycKey(key: Key): this;
  setFreezeKey(key: Key): this;
  setWipeKey(key: Key): this;
  setSupplyKey(key: Key): this;
  setPauseKey(key: Key): this;
  setMetadataKey(key: Key): this;
  setFeeScheduleKey(key: Key): this;
  setFreezeDefault(freeze: boolean): this;
  setTokenType(type: "FUNGIBLE_COMMON" | "NON_FUNGIBLE_UNIQUE"): this;
  setSupplyType(type: "INFINITE" | "FINITE"): this;
  setMaxSupply(max: Amount): this;
  setTokenMemo(memo: string): this;
  setMetadata(metadata: Bytes): this;
}

export class TokenAssociateTransaction extends TransactionBuilder<TokenAssociateTransaction> {
  setAccountId(id: IdLike): this;
  setTokenIds(ids: IdLike[]): this;
}
export class TokenDissociateTransaction extends TransactionBuilder<TokenDissociateTransaction> {
  setAccountId(id: IdLike): this;
  setTokenIds(ids: IdLike[]): this;
}
export class TokenMintTransaction extends TransactionBuilder<TokenMintTransaction> {
  setTokenId(id: IdLike): this;
  setAmount(amount: Amount): this;
  setMetadata(list: Bytes[]): this;
  addMetadata(entry: Bytes): this;
}
export class TokenBurnTransaction extends TransactionBuilder<TokenBurnTransaction> {
  setTokenId(id: IdLike): this;
  setAmount(amount: Amount): this;
  setSerials(serials: (number | bigint)[]): this;
}
export class TokenUpdateNftsTransaction extends TransactionBuilder<TokenUpdateNftsTransaction> {
  setTokenId(id: IdLike): this;
  setSerialNumbers(serials: (number | bigint)[]): this;
  setMetadata(metadata: Bytes): this;
}
declare class TokenAccountFlag<Self> extends TransactionBuilder<Self> {
  setTokenId(id: IdLike): Self;
  setAccountId(id: IdLike): Self;
}
export class TokenFreezeTransaction extends TokenAccountFlag<TokenFreezeTransaction> {}
export class TokenUnfreezeTransaction extends TokenAccountFlag<TokenUnfreezeTransaction> {}
export class TokenGrantKycTransaction extends TokenAccountFlag<TokenGrantKycTransaction> {}
export class TokenRevokeKycTransaction extends TokenAccountFlag<TokenRevokeKycTransaction> {}
export class TokenPauseTransaction extends TransactionBuilder<TokenPauseTransaction> {
  setTokenId(id: IdLike): this;
}
export class TokenUnpauseTransaction extends TransactionBuilder<TokenUnpauseTransaction> {
  setTokenId(id: IdLike): this;
}
export interface PendingAirdropId {
  sender: IdLike;
  receiver: IdLike;
  tokenId: IdLike;
  serial?: number | bigint;
}
export class TokenClaimAirdropTransaction extends TransactionBuilder<TokenClaimAirdropTransaction> {
  addPendingAirdropId(id: PendingAirdropId): this;
}
export class TokenCancelAirdropTransaction extends TransactionBuilder<TokenCancelAirdropTransaction> {
  addPendingAirdropId(id: PendingAirdropId): this;
}
export class TokenRejectTransaction extends TransactionBuilder<TokenRejectTransaction> {
  setOwnerId(id: IdLike): this;
  setTokenIds(ids: IdLike[]): this;
  setNftIds(ids: NftId[]): this;
}
export class TopicCreateTransaction extends TransactionBuilder<TopicCreateTransaction> {
  setTopicMemo(memo: string): this;
  setAdminKey(key: Key): this;
  setSubmitKey(key: Key): this;
}
export class TopicMessageSubmitTransaction extends TransactionBuilder<TopicMessageSubmitTransaction> {
  setTopicId(id: IdLike): this;
  setMessage(message: Bytes): this;
}
export class ScheduleCreateTransaction extends TransactionBuilder<ScheduleCreateTransaction> {
  setScheduledTransaction(builder: TransactionBuilder<unknown>): this;
  setScheduleMemo(memo: string): this;
  setAdminKey(key: Key): this;
  setPayerAccountId(id: IdLike): this;
}
export class ScheduleSignTransaction extends TransactionBuilder<ScheduleSignTransaction> {
  setScheduleId(id: IdLike): this;
}

// Transactions as bytes: one function per type, `freeze<Type>(spec)`, gives the frozen,
// unsigned transaction's bytes (the builder's `freeze().toBytes()`); `signTransaction(key, bytes)`
// signs them. An app that imports only these links only them, not the classes. A spec's
// fields are named as the setters are (`setTokenId` → `tokenId`), except TokenCreate's
// `tokenMetadata` and TokenUpdateNfts' `serials`; ids and keys are strings.

/** The class names, as a scheduled spec's `type`. */
export type TransactionType =
  | "AccountCreateTransaction" | "TransferTransaction" | "TokenAirdropTransaction" | "TokenCreateTransaction"
  | "TokenAssociateTransaction" | "TokenDissociateTransaction" | "TokenMintTransaction" | "TokenBurnTransaction"
  | "TokenUpdateNftsTransaction" | "TokenFreezeTransaction" | "TokenUnfreezeTransaction" | "TokenGrantKycTransaction"
  | "TokenRevokeKycTransaction" | "TokenPauseTransaction" | "TokenUnpauseTransaction" | "TokenClaimAirdropTransaction"
  | "TokenCancelAirdropTransaction" | "TokenRejectTransaction" | "TopicCreateTransaction"
  | "TopicMessageSubmitTransaction" | "ScheduleCreateTransaction" | "ScheduleSignTransaction";
/** The frame every spec carries. The functions have no client: the id and nodes are always required. */
export interface FrameSpec {
  transactionId: string;
  /** At least one. */
  nodeAccountIds: EntityId[];
  maxTransactionFee?: Amount;
  transactionMemo?: string;
  /** Seconds. */
  transactionValidDuration?: number;
}
/** A key in a spec: DER or raw hex. */
export type KeyString = string;
export interface TokenTransfer { tokenId: EntityId; accountId: EntityId; amount: Amount; decimals?: number }
export interface NftTransfer { nftId: NftId; sender: EntityId; receiver: EntityId }
interface TokenTransfers { tokenTransfers?: TokenTransfer[]; nftTransfers?: NftTransfer[] }
interface PendingAirdrops { pendingAirdrops?: { sender: EntityId; receiver: EntityId; tokenId: EntityId; serial?: number | bigint }[] }
interface AccountTokens { accountId: EntityId; tokenIds: EntityId[] }
interface TokenAndAccount { tokenId: EntityId; accountId: EntityId }

export interface AccountCreateSpec extends FrameSpec {
  key: KeyString; initialBalance?: Amount; maxAutomaticTokenAssociations?: number;
  accountMemo?: string; receiverSignatureRequired?: boolean;
}
export interface TransferSpec extends FrameSpec, TokenTransfers { hbarTransfers?: { accountId: EntityId; amount: Amount }[] }
export interface TokenAirdropSpec extends FrameSpec, TokenTransfers {}
export interface TokenCreateSpec extends FrameSpec {
  tokenName: string; tokenSymbol: string; treasuryAccountId: EntityId; decimals?: number; initialSupply?: Amount;
  adminKey?: KeyString; kycKey?: KeyString; freezeKey?: KeyString; wipeKey?: KeyString; supplyKey?: KeyString;
  pauseKey?: KeyString; metadataKey?: KeyString; feeScheduleKey?: KeyString; freezeDefault?: boolean;
  tokenType?: "FUNGIBLE_COMMON" | "NON_FUNGIBLE_UNIQUE"; supplyType?: "INFINITE" | "FINITE"; maxSupply?: Amount;
  tokenMemo?: string; tokenMetadata?: Bytes;
}
export interface TokenAssociateSpec extends FrameSpec, AccountTokens {}
export interface TokenDissociateSpec extends FrameSpec, AccountTokens {}
/** An amount (fungible) or metadata, one entry per NFT. */
export interface TokenMintSpec extends FrameSpec { tokenId: EntityId; amount?: Amount; metadata?: Bytes[] }
/** An amount (fungible) or serials. */
export interface TokenBurnSpec extends FrameSpec { tokenId: EntityId; amount?: Amount; serials?: (number | bigint)[] }
/** Metadata left out is not sent (the NFTs keep theirs); empty bytes clear it. */
export interface TokenUpdateNftsSpec extends FrameSpec { tokenId: EntityId; serials: (number | bigint)[]; metadata?: Bytes }
export interface TokenFreezeSpec extends FrameSpec, TokenAndAccount {}
export interface TokenUnfreezeSpec extends FrameSpec, TokenAndAccount {}
export interface TokenGrantKycSpec extends FrameSpec, TokenAndAccount {}
export interface TokenRevokeKycSpec extends FrameSpec, TokenAndAccount {}
export interface TokenPauseSpec extends FrameSpec { tokenId: EntityId }
export interface TokenUnpauseSpec extends FrameSpec { tokenId: EntityId }
export interface TokenClaimAirdropSpec extends FrameSpec, PendingAirdrops {}
export interface TokenCancelAirdropSpec extends FrameSpec, PendingAirdrops {}
export interface TokenRejectSpec extends FrameSpec { ownerId?: EntityId; tokenIds?: EntityId[]; nftIds?: NftId[] }
export interface TopicCreateSpec extends FrameSpec { topicMemo?: string; adminKey?: KeyString; submitKey?: KeyString }
export interface TopicMessageSubmitSpec extends FrameSpec { topicId: EntityId; message: Bytes }
/**
 * The transaction a schedule carries: its type's own fields and `type`. Of the frame, only
 * `maxTransactionFee` and `transactionMemo` travel with it (as in the SDK); the id, nodes and
 * valid duration are the schedule's own.
 */
export type ScheduledSpec = { type: Exclude<TransactionType, "ScheduleCreateTransaction">; maxTransactionFee?: Amount; transactionMemo?: string }
  & Record<string, unknown>;
export interface ScheduleCreateSpec extends FrameSpec {
  scheduledTransaction: ScheduledSpec; scheduleMemo?: string; adminKey?: KeyString; payerAccountId?: EntityId;
}
export interface ScheduleSignSpec extends FrameSpec { scheduleId: EntityId }

export function freezeAccountCreate(spec: AccountCreateSpec): Uint8Array;
export function freezeTransfer(spec: TransferSpec): Uint8Array;
export function freezeTokenAirdrop(spec: TokenAirdropSpec): Uint8Array;
export function freezeTokenCreate(spec: TokenCreateSpec): Uint8Array;
export function freezeTokenAssociate(spec: TokenAssociateSpec): Uint8Array;
export function freezeTokenDissociate(spec: TokenDissociateSpec): Uint8Array;
export function freezeTokenMint(spec: TokenMintSpec): Uint8Array;
export function freezeTokenBurn(spec: TokenBurnSpec): Uint8Array;
export function freezeTokenUpdateNfts(spec: TokenUpdateNftsSpec): Uint8Array;
export function freezeTokenFreeze(spec: TokenFreezeSpec): Uint8Array;
export function freezeTokenUnfreeze(spec: TokenUnfreezeSpec): Uint8Array;
export function freezeTokenGrantKyc(spec: TokenGrantKycSpec): Uint8Array;
export function freezeTokenRevokeKyc(spec: TokenRevokeKycSpec): Uint8Array;
export function freezeTokenPause(spec: TokenPauseSpec): Uint8Array;
export function freezeTokenUnpause(spec: TokenUnpauseSpec): Uint8Array;
export function freezeTokenClaimAirdrop(spec: TokenClaimAirdropSpec): Uint8Array;
export function freezeTokenCancelAirdrop(spec: TokenCancelAirdropSpec): Uint8Array;
export function freezeTokenReject(spec: TokenRejectSpec): Uint8Array;
export function freezeTopicCreate(spec: TopicCreateSpec): Uint8Array;
export function freezeTopicMessageSubmit(spec: TopicMessageSubmitSpec): Uint8Array;
export function freezeScheduleCreate(spec: ScheduleCreateSpec): Uint8Array;
export function freezeScheduleSign(spec: ScheduleSignSpec): Uint8Array;
/**
 * Signs transaction bytes (a `freeze<Type>` function's, or any SDK's `toBytes()`) and returns
 * them signed, in `toBytes()` form. The key comes first, as in `signMessage`: a `PrivateKey`,
 * or a string as `PrivateKey.fromString` reads it (DER of either algorithm; raw hex is taken as
 * ED25519, so give an ECDSA key as DER or a `PrivateKey`). A `PrivateKey` crosses as its DER
 * string. The same key twice adds nothing. The bodies are not decoded: sign bytes you froze,
 * not bytes handed to you for review (decode those with `Transaction.fromBytes` first).
 */
export function signTransaction(key: PrivateKey | string, bytes: Uint8Array | ArrayBuffer): Uint8Array;

/** HIP-820: the SignatureMap bytes of `key`'s signature over the prefixed message. */
export function signMessage(key: PrivateKey, message: string): Uint8Array;
/** Throws INVALID_SIGNATURE unless `signatureMap` is `key`'s signature of `message`. */
export function verifyMessage(key: PublicKey, message: string, signatureMap: Uint8Array): void;

/** HIP-412 metadata (name, image, type required; format defaults to HIP412@2.0.0). */
export interface NftMetadata {
  name: string;
  image: string;
  type: string;
  creator?: string;
  creatorDID?: string;
  description?: string;
  checksum?: string;
  format?: string;
  properties?: Record<string, unknown>;
  files?: { uri: string; type: string; checksum?: string; is_default_file?: boolean; metadata?: Partial<NftMetadata>; metadata_uri?: string }[];
  attributes?: { trait_type: string; value: string | number | boolean; display_type?: string; max_value?: number | string }[];
  localization?: { uri: string; default: string; locales: string[] };
}
/** Validates and serializes with a stable field order (same metadata, same CID). */
export function encodeMetadata(metadata: NftMetadata): Uint8Array;
export function decodeMetadata(bytes: Uint8Array): NftMetadata;

// Mirror-node JSON (hiero-mirror-node's openapi.yml), for `mirrorGet<T>` / `mirrorAll<T>`: the
// fields of the common answers, as the mirror spells them. int64 fields are `number`, or
// `bigint` beyond 2^53.
type Int64 = number | bigint;
/** `/api/v1/accounts/{id}` (with more fields: key, memo, …). */
export interface MirrorAccount {
  account: string;
  balance: { balance: Int64 | null; timestamp: string | null; tokens: { token_id: string; balance: Int64 }[] } | null;
  created_timestamp?: string | null;
  deleted?: boolean | null;
  evm_address?: string | null;
  memo?: string | null;
}
/** An item of `/api/v1/tokens/{id}/nfts` (field `nfts`), or `/api/v1/tokens/{id}/nfts/{serial}`. */
export interface MirrorNft {
  account_id: string | null;
  created_timestamp: string | null;
  deleted: boolean;
  /** The NFT's metadata bytes, base64. */
  metadata: string;
  modified_timestamp: string | null;
  serial_number: Int64;
  spender: string | null;
  delegating_spender: string | null;
  token_id: string;
}
/** An item of `/api/v1/tokens/{id}/balances` (field `balances`). */
export interface MirrorTokenBalance { account: string; balance: Int64; decimals?: number }
/** An item of `/api/v1/transactions` (field `transactions`). */
export interface MirrorTransaction {
  transaction_id: string;
  consensus_timestamp: string;
  name: string;
  result: string;
  entity_id: string | null;
  charged_tx_fee: Int64;
  scheduled: boolean;
  nonce: number;
  memo_base64?: string | null;
  transfers?: { account: string; amount: Int64; is_approval?: boolean }[];
  token_transfers?: { token_id: string; account: string; amount: Int64; is_approval?: boolean }[];
  nft_transfers?: { token_id: string; serial_number: Int64; sender_account_id: string | null; receiver_account_id: string | null; is_approval?: boolean }[];
}

// ---- Token-ownership proofs -------------------------------------------------------------

/** An NFT (`serial`) or at least an amount of a fungible token (`minAmount`). */
export type ClaimSpec = { token: EntityId; serial: number | bigint } | { token: EntityId; minAmount: number | bigint };

export interface PresentationSpec {
  holder: EntityId | AccountId;
  /** The verifier's origin, e.g. `"https://stillwater.example"`. */
  audience: string;
  /** What the proof is for, as the verifier words it (shown in the wallet). */
  purpose: string;
  /** Issued by the verifier (`NonceStore.issue()`). */
  nonce: string;
  /** Default now; whole seconds are kept. */
  issuedAt?: Date | number;
  /** Default `issuedAt` + 5 minutes. */
  expiresAt?: Date | number;
  claims: ClaimSpec[];
}

export interface PresentationJSON {
  holder: string;
  audience: string;
  purpose: string;
  nonce: string;
  issuedAt: Date;
  expiresAt: Date;
  /** In canonical order. */
  claims: ({ token: string; serial: number } | { token: string; minAmount: bigint })[];
}

/** What the holder signs. Throws PROOF_DECODE for a field the format refuses. */
export function createPresentation(spec: PresentationSpec): Presentation;
export class Presentation {
  private constructor();
  /** The canonical `loyal-proof/1` text: exactly what a wallet shows and signs (HIP-820). */
  readonly message: string;
  /** The canonical text back (PROOF_DECODE / PROOF_VERSION for anything else). */
  static fromMessage(message: string): Presentation;
  toJSON(): PresentationJSON;
  free(): void;
}

/** Signs `presentation.message` as a HIP-820 message. */
export function signPresentation(key: PrivateKey, presentation: Presentation): SignedPresentation;
export class SignedPresentation {
  private constructor();
  /** The `lp1.` text form (QR codes, links); strict. */
  static fromText(text: string): SignedPresentation;
  /** A wallet's answer to `hedera_signMessage(presentation.message)`: the SignatureMap bytes. */
  static fromParts(message: string, signatureMap: Uint8Array): SignedPresentation;
  toText(): string;
  readonly message: string;
  readonly signatureMap: Uint8Array;
  readonly presentation: Presentation;
  free(): void;
}

/** A verifier's nonces, each accepted once, in memory. */
export class NonceStore {
  private constructor();
  /** `ttlMs`: how long a nonce stays valid (default 600 000); `capacity`: how many may be
   * outstanding (default 100 000, the oldest dropped first). */
  static create(options?: { ttlMs?: number; capacity?: number }): NonceStore;
  issue(): string;
  /** `true` once for a nonce issued here and not expired. */
  consume(nonce: string): boolean;
  readonly outstanding: number;
  free(): void;
}

/** As in workflow definitions (JSON): `{"token":"0.0.2001","kind":"nft","treasury":"0.0.1001","where":["position <= 500"]}`. */
export type Requirement =
  | { token: EntityId; kind: "nft"; treasury?: EntityId; supply_key?: string; where?: string[] }
  | { token: EntityId; kind: "fungible"; min_amount: number; treasury?: EntityId; supply_key?: string };

export interface ProofPolicy {
  /** This verifier's origin and purpose: the presentation's must be the same. */
  audience: string;
  purpose: string;
  /** Default now. */
  now?: Date | number;
  /** Default 30 000: how far ahead of this clock `issuedAt` may be. */
  maxSkewMs?: number;
  /** Default 300 000: how old a presentation may be. */
  maxAgeMs?: number;
  /** Default 5 000: how far behind the mirror may be; ownership is read once the mirror has
   * passed the presentation's issued-at second (or this long after it). */
  maxMirrorLagMs?: number;
  requirements?: Requirement[];
  /** More mirror base URLs: every fact must be the same on each and on the client's. */
  mirrors?: string[];
}

export interface VerifiedClaim {
  token: string;
  /** `null` for a fungible claim. */
  serial: number | null;
  /** 1 for an NFT; the balance held now for a fungible claim. */
  amount: bigint;
  metadataUri: string | null;
  /** The NFT's HIP-412 metadata, verified against its CID (`null` for a fungible claim). */
  metadata: NftMetadata | null;
}

export interface Verified {
  holder: string;
  /** The holder's key as the mirror knows it (DER hex); for a key list or threshold key, the
   * first of `signers`. */
  publicKey: string;
  /** Every key of the holder's key that signed (DER hex). */
  signers: string[];
  claims: VerifiedClaim[];
  /** For each of the policy's requirements, in order, the index in `claims` that met it. */
  metBy: number[];
  nonce: string;
  issuedAt: Date;
  expiresAt: Date;
  message: string;
}

/** Verifies a proof against the client's mirror(s) and IPFS, never trusting the prover; rejects
 * with a LoyalError whose code is one of the PROOF_* codes. */
export function verifyPresentation(
  client: Client,
  proof: string | SignedPresentation,
  policy: ProofPolicy,
  nonces: NonceStore | { consume(nonce: string): boolean },
): Promise<Verified>;

/** What a wallet announces on `hedera:announceProvider` (EIP-6963's fields). */
export interface WalletInfo {
  uuid: string;
  name: string;
  icon: string;
  rdns: string;
}

/** The injected HIP-820 provider (`window.hedera` style). */
export interface HederaProvider {
  request(args: { method: string; params?: object }): Promise<any>;
  on?(event: "accountsChanged" | "networkChanged", fn: (data: any) => void): unknown;
  removeListener?(event: "accountsChanged" | "networkChanged", fn: (data: any) => void): unknown;
}

export interface ConnectOptions {
  network?: "devnet" | "testnet" | "mainnet" | "previewnet";
  /** A provider to use instead of discovering one. */
  provider?: HederaProvider;
  /** Pick the announced wallet with this `rdns`. */
  rdns?: string;
  /** Where to read the account's key: `mirrorUrl`, else the client's mirror, else the network's. */
  client?: { mirrorUrl: string };
  mirrorUrl?: string;
  /** How long discovery waits for announcements (default 100 ms). */
  timeoutMs?: number;
}

/** A wallet connected to this page: errors are LoyalErrors (USER_REJECTED, WALLET_LOCKED,
 * WRONG_NETWORK, WALLET_UNAUTHORIZED, WALLET_ERROR). */
export interface ConnectedWallet {
  readonly provider: HederaProvider;
  readonly info: WalletInfo | null;
  readonly network: string;
  /** `0.0.1005` */
  readonly accountId: string;
  /** `hedera:devnet:0.0.1005` (HIP-30) */
  readonly signerAccountId: string;
  /** The account's key, as the mirror node has it and the wallet answered. */
  readonly publicKey: PublicKey;
  /** For `builder.signWith(wallet.publicKey, wallet.signer)`: one approval per body. */
  readonly signer: (body: Uint8Array) => Promise<Uint8Array>;
  /** HIP-820 `hedera_signMessage`: the SignatureMap bytes, verified against `publicKey`. */
  signMessage(message: string): Promise<Uint8Array>;
  /** Sets the transaction id (this account, now) and the wallet's nodes, and freezes. */
  freeze<T extends { freeze(): T }>(builder: T): Promise<T>;
  signTransaction<T>(builder: T): Promise<T>;
  /** One approval; the wallet signs and submits (freezing first if needed). */
  signAndExecute(builder: object): Promise<{ nodeId: string; transactionHash: string; transactionId: string; status: string }>;
  disconnect(): Promise<void>;
  on(event: "accountsChanged" | "networkChanged", fn: (data: any) => void): this;
}

export class Wallet {
  private constructor();
  /** The wallets that announce themselves in this page (none outside a browser). */
  static discover(options?: { timeoutMs?: number }): Promise<{ info: WalletInfo; provider: HederaProvider }[]>;
  /** WALLET_NOT_FOUND without a wallet; WALLET_KEY_MISMATCH when the mirror disagrees. */
  static connect(options?: ConnectOptions): Promise<ConnectedWallet>;
}
