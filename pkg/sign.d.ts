// Types for @loyal/hedera/sign, the small signing build: the same classes as @loyal/hedera
// without the network client and HIP-412. ECDSA operations throw UNSUPPORTED here, and
// `Transaction.fromBytes` is absent; `freezeWith`, `execute` and `submit` need a `Client`,
// which only @loyal/hedera has.
export type {
  ErrorCode, LoyalError, ErrorDetails, Amount, EntityId, NftId, Bytes, Ledger, PendingAirdropId,
} from "./index.js";
export {
  hbar, PrivateKey, PublicKey, AccountId, TokenId, TransactionId, Transaction, signMessage,
  verifyMessage, AccountCreateTransaction, TransferTransaction, TokenAirdropTransaction,
  TokenCreateTransaction, TokenAssociateTransaction, TokenDissociateTransaction,
  TokenMintTransaction, TokenBurnTransaction, TokenUpdateNftsTransaction, TokenFreezeTransaction,
  TokenUnfreezeTransaction, TokenGrantKycTransaction, TokenRevokeKycTransaction,
  TokenPauseTransaction, TokenUnpauseTransaction, TokenClaimAirdropTransaction,
  TokenCancelAirdropTransaction, TokenRejectTransaction, TopicCreateTransaction,
  TopicMessageSubmitTransaction, ScheduleCreateTransaction, ScheduleSignTransaction,
} from "./index.js";
