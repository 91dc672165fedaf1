// Types for @loyal/hedera/sign, the small signing build: the same classes as @loyal/hedera
// without the network client and HIP-412. ECDSA operations throw UNSUPPORTED here;
// `freezeWith`, `execute` and `submit` need a `Client`, which only @loyal/hedera has.
import type { FrozenTransaction } from "./index.js";

export type {
  WalletInfo, HederaProvider, ConnectOptions, ConnectedWallet,
  ErrorCode, LoyalError, ErrorDetails, FrozenTransaction, Amount, EntityId, IdLike, NftId, Bytes, Ledger, PendingAirdropId,
  TransactionType, FrameSpec, KeyString, TokenTransfer, NftTransfer, AccountCreateSpec, TransferSpec,
  TokenAirdropSpec, TokenCreateSpec, TokenAssociateSpec, TokenDissociateSpec, TokenMintSpec, TokenBurnSpec,
  TokenUpdateNftsSpec, TokenFreezeSpec, TokenUnfreezeSpec, TokenGrantKycSpec, TokenRevokeKycSpec, TokenPauseSpec,
  TokenUnpauseSpec, TokenClaimAirdropSpec, TokenCancelAirdropSpec, TokenRejectSpec, TopicCreateSpec,
  TopicMessageSubmitSpec, ScheduledSpec, ScheduleCreateSpec, ScheduleSignSpec,
} from "./index.js";
export {
  Wallet,
  hbar, PrivateKey, PublicKey, AccountId, TokenId, TransactionId, signMessage, verifyMessage,
  AccountCreateTransaction, TransferTransaction, TokenAirdropTransaction, TokenCreateTransaction,
  TokenAssociateTransaction, TokenDissociateTransaction, TokenMintTransaction, TokenBurnTransaction,
  TokenUpdateNftsTransaction, TokenFreezeTransaction, TokenUnfreezeTransaction,
  TokenGrantKycTransaction, TokenRevokeKycTransaction, TokenPauseTransaction,
  TokenUnpauseTransaction, TokenClaimAirdropTransaction, TokenCancelAirdropTransaction,
  TokenRejectTransaction, TopicCreateTransaction, TopicMessageSubmitTransaction,
  ScheduleCreateTransaction, ScheduleSignTransaction,
  freezeAccountCreate, freezeTransfer, freezeTokenAirdrop, freezeTokenCreate, freezeTokenAssociate,
  freezeTokenDissociate, freezeTokenMint, freezeTokenBurn, freezeTokenUpdateNfts, freezeTokenFreeze,
  freezeTokenUnfreeze, freezeTokenGrantKyc, freezeTokenRevokeKyc, freezeTokenPause, freezeTokenUnpause,
  freezeTokenClaimAirdrop, freezeTokenCancelAirdrop, freezeTokenReject, freezeTopicCreate,
  freezeTopicMessageSubmit, freezeScheduleCreate, freezeScheduleSign, signTransaction,
} from "./index.js";

/** A frozen transaction of the signing build: no `fromBytes` (no decoders), no `execute` or
 * `submit` (no network client) — its `toBytes()` go to a wallet, a backend or any SDK. */
export interface Transaction extends FrozenTransaction {}
export declare class Transaction {
  private constructor();
}
