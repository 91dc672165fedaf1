//! response_code.proto: every ResponseCodeEnum value with its proto name.

#[allow(unused_imports)]
use crate::prelude::*;
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum ResponseCodeEnum {
    Ok = 0,
    InvalidTransaction = 1,
    PayerAccountNotFound = 2,
    InvalidNodeAccount = 3,
    TransactionExpired = 4,
    InvalidTransactionStart = 5,
    InvalidTransactionDuration = 6,
    InvalidSignature = 7,
    MemoTooLong = 8,
    InsufficientTxFee = 9,
    InsufficientPayerBalance = 10,
    DuplicateTransaction = 11,
    Busy = 12,
    NotSupported = 13,
    InvalidFileId = 14,
    InvalidAccountId = 15,
    InvalidContractId = 16,
    InvalidTransactionId = 17,
    ReceiptNotFound = 18,
    RecordNotFound = 19,
    InvalidSolidityId = 20,
    Unknown = 21,
    Success = 22,
    FailInvalid = 23,
    FailFee = 24,
    FailBalance = 25,
    KeyRequired = 26,
    BadEncoding = 27,
    InsufficientAccountBalance = 28,
    InvalidSolidityAddress = 29,
    InsufficientGas = 30,
    ContractSizeLimitExceeded = 31,
    LocalCallModificationException = 32,
    ContractRevertExecuted = 33,
    ContractExecutionException = 34,
    InvalidReceivingNodeAccount = 35,
    MissingQueryHeader = 36,
    AccountUpdateFailed = 37,
    InvalidKeyEncoding = 38,
    NullSolidityAddress = 39,
    ContractUpdateFailed = 40,
    InvalidQueryHeader = 41,
    InvalidFeeSubmitted = 42,
    InvalidPayerSignature = 43,
    KeyNotProvided = 44,
    InvalidExpirationTime = 45,
    NoWaclKey = 46,
    FileContentEmpty = 47,
    InvalidAccountAmounts = 48,
    EmptyTransactionBody = 49,
    InvalidTransactionBody = 50,
    InvalidSignatureTypeMismatchingKey = 51,
    InvalidSignatureCountMismatchingKey = 52,
    EmptyLiveHashBody = 53,
    EmptyLiveHash = 54,
    EmptyLiveHashKeys = 55,
    InvalidLiveHashSize = 56,
    EmptyQueryBody = 57,
    EmptyLiveHashQuery = 58,
    LiveHashNotFound = 59,
    AccountIdDoesNotExist = 60,
    LiveHashAlreadyExists = 61,
    InvalidFileWacl = 62,
    SerializationFailed = 63,
    TransactionOversize = 64,
    TransactionTooManyLayers = 65,
    ContractDeleted = 66,
    PlatformNotActive = 67,
    KeyPrefixMismatch = 68,
    PlatformTransactionNotCreated = 69,
    InvalidRenewalPeriod = 70,
    InvalidPayerAccountId = 71,
    AccountDeleted = 72,
    FileDeleted = 73,
    AccountRepeatedInAccountAmounts = 74,
    SettingNegativeAccountBalance = 75,
    ObtainerRequired = 76,
    ObtainerSameContractId = 77,
    ObtainerDoesNotExist = 78,
    ModifyingImmutableContract = 79,
    FileSystemException = 80,
    AutorenewDurationNotInRange = 81,
    ErrorDecodingBytestring = 82,
    ContractFileEmpty = 83,
    ContractBytecodeEmpty = 84,
    InvalidInitialBalance = 85,
    InvalidReceiveRecordThreshold = 86,
    InvalidSendRecordThreshold = 87,
    AccountIsNotGenesisAccount = 88,
    PayerAccountUnauthorized = 89,
    InvalidFreezeTransactionBody = 90,
    FreezeTransactionBodyNotFound = 91,
    TransferListSizeLimitExceeded = 92,
    ResultSizeLimitExceeded = 93,
    NotSpecialAccount = 94,
    ContractNegativeGas = 95,
    ContractNegativeValue = 96,
    InvalidFeeFile = 97,
    InvalidExchangeRateFile = 98,
    InsufficientLocalCallGas = 99,
    EntityNotAllowedToDelete = 100,
    AuthorizationFailed = 101,
    FileUploadedProtoInvalid = 102,
    FileUploadedProtoNotSavedToDisk = 103,
    FeeScheduleFilePartUploaded = 104,
    ExchangeRateChangeLimitExceeded = 105,
    MaxContractStorageExceeded = 106,
    TransferAccountSameAsDeleteAccount = 107,
    TotalLedgerBalanceInvalid = 108,
    ExpirationReductionNotAllowed = 110,
    MaxGasLimitExceeded = 111,
    MaxFileSizeExceeded = 112,
    ReceiverSigRequired = 113,
    InvalidTopicId = 150,
    InvalidAdminKey = 155,
    InvalidSubmitKey = 156,
    Unauthorized = 157,
    InvalidTopicMessage = 158,
    InvalidAutorenewAccount = 159,
    AutorenewAccountNotAllowed = 160,
    TopicExpired = 162,
    InvalidChunkNumber = 163,
    InvalidChunkTransactionId = 164,
    AccountFrozenForToken = 165,
    TokensPerAccountLimitExceeded = 166,
    InvalidTokenId = 167,
    InvalidTokenDecimals = 168,
    InvalidTokenInitialSupply = 169,
    InvalidTreasuryAccountForToken = 170,
    InvalidTokenSymbol = 171,
    TokenHasNoFreezeKey = 172,
    TransfersNotZeroSumForToken = 173,
    MissingTokenSymbol = 174,
    TokenSymbolTooLong = 175,
    AccountKycNotGrantedForToken = 176,
    TokenHasNoKycKey = 177,
    InsufficientTokenBalance = 178,
    TokenWasDeleted = 179,
    TokenHasNoSupplyKey = 180,
    TokenHasNoWipeKey = 181,
    InvalidTokenMintAmount = 182,
    InvalidTokenBurnAmount = 183,
    TokenNotAssociatedToAccount = 184,
    CannotWipeTokenTreasuryAccount = 185,
    InvalidKycKey = 186,
    InvalidWipeKey = 187,
    InvalidFreezeKey = 188,
    InvalidSupplyKey = 189,
    MissingTokenName = 190,
    TokenNameTooLong = 191,
    InvalidWipingAmount = 192,
    TokenIsImmutable = 193,
    TokenAlreadyAssociatedToAccount = 194,
    TransactionRequiresZeroTokenBalances = 195,
    AccountIsTreasury = 196,
    TokenIdRepeatedInTokenList = 197,
    TokenTransferListSizeLimitExceeded = 198,
    EmptyTokenTransferBody = 199,
    EmptyTokenTransferAccountAmounts = 200,
    InvalidScheduleId = 201,
    ScheduleIsImmutable = 202,
    InvalidSchedulePayerId = 203,
    InvalidScheduleAccountId = 204,
    NoNewValidSignatures = 205,
    UnresolvableRequiredSigners = 206,
    ScheduledTransactionNotInWhitelist = 207,
    SomeSignaturesWereInvalid = 208,
    TransactionIdFieldNotAllowed = 209,
    IdenticalScheduleAlreadyCreated = 210,
    InvalidZeroByteInString = 211,
    ScheduleAlreadyDeleted = 212,
    ScheduleAlreadyExecuted = 213,
    MessageSizeTooLarge = 214,
    OperationRepeatedInBucketGroups = 215,
    BucketCapacityOverflow = 216,
    NodeCapacityNotSufficientForOperation = 217,
    BucketHasNoThrottleGroups = 218,
    ThrottleGroupHasZeroOpsPerSec = 219,
    SuccessButMissingExpectedOperation = 220,
    UnparseableThrottleDefinitions = 221,
    InvalidThrottleDefinitions = 222,
    AccountExpiredAndPendingRemoval = 223,
    InvalidTokenMaxSupply = 224,
    InvalidTokenNftSerialNumber = 225,
    InvalidNftId = 226,
    MetadataTooLong = 227,
    BatchSizeLimitExceeded = 228,
    InvalidQueryRange = 229,
    FractionDividesByZero = 230,
    InsufficientPayerBalanceForCustomFee = 231,
    CustomFeesListTooLong = 232,
    InvalidCustomFeeCollector = 233,
    InvalidTokenIdInCustomFees = 234,
    TokenNotAssociatedToFeeCollector = 235,
    TokenMaxSupplyReached = 236,
    SenderDoesNotOwnNftSerialNo = 237,
    CustomFeeNotFullySpecified = 238,
    CustomFeeMustBePositive = 239,
    TokenHasNoFeeScheduleKey = 240,
    CustomFeeOutsideNumericRange = 241,
    RoyaltyFractionCannotExceedOne = 242,
    FractionalFeeMaxAmountLessThanMinAmount = 243,
    CustomScheduleAlreadyHasNoFees = 244,
    CustomFeeDenominationMustBeFungibleCommon = 245,
    CustomFractionalFeeOnlyAllowedForFungibleCommon = 246,
    InvalidCustomFeeScheduleKey = 247,
    InvalidTokenMintMetadata = 248,
    InvalidTokenBurnMetadata = 249,
    CurrentTreasuryStillOwnsNfts = 250,
    AccountStillOwnsNfts = 251,
    TreasuryMustOwnBurnedNft = 252,
    AccountDoesNotOwnWipedNft = 253,
    AccountAmountTransfersOnlyAllowedForFungibleCommon = 254,
    MaxNftsInPriceRegimeHaveBeenMinted = 255,
    PayerAccountDeleted = 256,
    CustomFeeChargingExceededMaxRecursionDepth = 257,
    CustomFeeChargingExceededMaxAccountAmounts = 258,
    InsufficientSenderAccountBalanceForCustomFee = 259,
    SerialNumberLimitReached = 260,
    CustomRoyaltyFeeOnlyAllowedForNonFungibleUnique = 261,
    NoRemainingAutomaticAssociations = 262,
    ExistingAutomaticAssociationsExceedGivenLimit = 263,
    RequestedNumAutomaticAssociationsExceedsAssociationLimit = 264,
    TokenIsPaused = 265,
    TokenHasNoPauseKey = 266,
    InvalidPauseKey = 267,
    FreezeUpdateFileDoesNotExist = 268,
    FreezeUpdateFileHashDoesNotMatch = 269,
    NoUpgradeHasBeenPrepared = 270,
    NoFreezeIsScheduled = 271,
    UpdateFileHashChangedSincePrepareUpgrade = 272,
    FreezeStartTimeMustBeFuture = 273,
    PreparedUpdateFileIsImmutable = 274,
    FreezeAlreadyScheduled = 275,
    FreezeUpgradeInProgress = 276,
    UpdateFileIdDoesNotMatchPrepared = 277,
    UpdateFileHashDoesNotMatchPrepared = 278,
    ConsensusGasExhausted = 279,
    RevertedSuccess = 280,
    MaxStorageInPriceRegimeHasBeenUsed = 281,
    InvalidAliasKey = 282,
    UnexpectedTokenDecimals = 283,
    InvalidProxyAccountId = 284,
    InvalidTransferAccountId = 285,
    InvalidFeeCollectorAccountId = 286,
    AliasIsImmutable = 287,
    SpenderAccountSameAsOwner = 288,
    AmountExceedsTokenMaxSupply = 289,
    NegativeAllowanceAmount = 290,
    CannotApproveForAllFungibleCommon = 291,
    SpenderDoesNotHaveAllowance = 292,
    AmountExceedsAllowance = 293,
    MaxAllowancesExceeded = 294,
    EmptyAllowances = 295,
    SpenderAccountRepeatedInAllowances = 296,
    RepeatedSerialNumsInNftAllowances = 297,
    FungibleTokenInNftAllowances = 298,
    NftInFungibleTokenAllowances = 299,
    InvalidAllowanceOwnerId = 300,
    InvalidAllowanceSpenderId = 301,
    RepeatedAllowancesToDelete = 302,
    InvalidDelegatingSpender = 303,
    DelegatingSpenderCannotGrantApproveForAll = 304,
    DelegatingSpenderDoesNotHaveApproveForAll = 305,
    ScheduleExpirationTimeTooFarInFuture = 306,
    ScheduleExpirationTimeMustBeHigherThanConsensusTime = 307,
    ScheduleFutureThrottleExceeded = 308,
    ScheduleFutureGasLimitExceeded = 309,
    InvalidEthereumTransaction = 310,
    WrongChainId = 311,
    WrongNonce = 312,
    AccessListUnsupported = 313,
    SchedulePendingExpiration = 314,
    ContractIsTokenTreasury = 315,
    ContractHasNonZeroTokenBalances = 316,
    ContractExpiredAndPendingRemoval = 317,
    ContractHasNoAutoRenewAccount = 318,
    PermanentRemovalRequiresSystemInitiation = 319,
    ProxyAccountIdFieldIsDeprecated = 320,
    SelfStakingIsNotAllowed = 321,
    InvalidStakingId = 322,
    StakingNotEnabled = 323,
    InvalidPrngRange = 324,
    MaxEntitiesInPriceRegimeHaveBeenCreated = 325,
    InvalidFullPrefixSignatureForPrecompile = 326,
    InsufficientBalancesForStorageRent = 327,
    MaxChildRecordsExceeded = 328,
    InsufficientBalancesForRenewalFees = 329,
    TransactionHasUnknownFields = 330,
    AccountIsImmutable = 331,
    AliasAlreadyAssigned = 332,
    InvalidMetadataKey = 333,
    TokenHasNoMetadataKey = 334,
    MissingTokenMetadata = 335,
    MissingSerialNumbers = 336,
    TokenHasNoAdminKey = 337,
    NodeDeleted = 338,
    InvalidNodeId = 339,
    InvalidGossipEndpoint = 340,
    InvalidNodeAccountId = 341,
    InvalidNodeDescription = 342,
    InvalidServiceEndpoint = 343,
    InvalidGossipCaCertificate = 344,
    InvalidGrpcCertificate = 345,
    InvalidMaxAutoAssociations = 346,
    MaxNodesCreated = 347,
    IpFqdnCannotBeSetForSameEndpoint = 348,
    GossipEndpointCannotHaveFqdn = 349,
    FqdnSizeTooLarge = 350,
    InvalidEndpoint = 351,
    GossipEndpointsExceededLimit = 352,
    TokenReferenceRepeated = 353,
    InvalidOwnerId = 354,
    TokenReferenceListSizeLimitExceeded = 355,
    ServiceEndpointsExceededLimit = 356,
    InvalidIpv4Address = 357,
    EmptyTokenReferenceList = 358,
    UpdateNodeAccountNotAllowed = 359,
    TokenHasNoMetadataOrSupplyKey = 360,
    EmptyPendingAirdropIdList = 361,
    PendingAirdropIdRepeated = 362,
    PendingAirdropIdListTooLong = 363,
    PendingNftAirdropAlreadyExists = 364,
    AccountHasPendingAirdrops = 365,
    ThrottledAtConsensus = 366,
    InvalidPendingAirdropId = 367,
    TokenAirdropWithFallbackRoyalty = 368,
    InvalidTokenInPendingAirdrop = 369,
    ScheduleExpiryIsBusy = 370,
    InvalidGrpcCertificateHash = 371,
    MissingExpiryTime = 372,
    NoSchedulingAllowedAfterScheduledRecursion = 373,
    RecursiveSchedulingLimitReached = 374,
    WaitingForLedgerId = 375,
    MaxEntriesForFeeExemptKeyListExceeded = 376,
    FeeExemptKeyListContainsDuplicatedKeys = 377,
    InvalidKeyInFeeExemptKeyList = 378,
    InvalidFeeScheduleKey = 379,
    FeeScheduleKeyCannotBeUpdated = 380,
    FeeScheduleKeyNotSet = 381,
    MaxCustomFeeLimitExceeded = 382,
    NoValidMaxCustomFee = 383,
    InvalidMaxCustomFees = 384,
    DuplicateDenominationInMaxCustomFeeList = 385,
    DuplicateAccountIdInMaxCustomFeeList = 386,
    MaxCustomFeesIsNotSupported = 387,
    BatchListEmpty = 388,
    BatchListContainsDuplicates = 389,
    BatchTransactionInBlacklist = 390,
    InnerTransactionFailed = 391,
    MissingBatchKey = 392,
    BatchKeySetOnNonInnerTransaction = 393,
    InvalidBatchKey = 394,
    ScheduleExpiryNotConfigurable = 395,
    CreatingSystemEntities = 396,
    ThrottleGroupLcmOverflow = 397,
    AirdropContainsMultipleSendersForAToken = 398,
    GrpcWebProxyNotSupported = 399,
    NftTransfersOnlyAllowedForNonFungibleUnique = 400,
    InvalidSerializedTxMessageHashAlgorithm = 401,
    WrongHookEntityType = 499,
    EvmHookGasThrottled = 500,
    HookIdInUse = 501,
    BadHookRequest = 502,
    RejectedByAccountAllowanceHook = 503,
    HookNotFound = 504,
    LambdaStorageUpdateBytesTooLong = 505,
    LambdaStorageUpdateBytesMustUseMinimalRepresentation = 506,
    InvalidHookId = 507,
    EmptyLambdaStorageUpdate = 508,
    HookIdRepeatedInCreationDetails = 509,
    HooksNotEnabled = 510,
    HookIsNotALambda = 511,
    HookDeleted = 512,
    TooManyLambdaStorageUpdates = 513,
    HookCreationBytesMustUseMinimalRepresentation = 514,
    HookCreationBytesTooLong = 515,
    InvalidHookCreationSpec = 516,
    HookExtensionEmpty = 517,
    InvalidHookAdminKey = 518,
    HookDeletionRequiresZeroStorageSlots = 519,
    CannotSetHooksAndApproval = 520,
    TransactionRequiresZeroHooks = 521,
    InvalidHookCall = 522,
    HooksAreNotSupportedInAirdrops = 523,
    AccountIsLinkedToANode = 524,
    HooksExecutionsRequireTopLevelCryptoTransfer = 525,
    NodeAccountHasZeroBalance = 526,
}

impl ResponseCodeEnum {
    /// The name the proto file gives this code, e.g. `"INVALID_SIGNATURE"`.
    pub fn as_str_name(&self) -> &'static str {
        match self {
            Self::Ok => "OK",
            Self::InvalidTransaction => "INVALID_TRANSACTION",
            Self::PayerAccountNotFound => "PAYER_ACCOUNT_NOT_FOUND",
            Self::InvalidNodeAccount => "INVALID_NODE_ACCOUNT",
            Self::TransactionExpired => "TRANSACTION_EXPIRED",
            Self::InvalidTransactionStart => "INVALID_TRANSACTION_START",
            Self::InvalidTransactionDuration => "INVALID_TRANSACTION_DURATION",
            Self::InvalidSignature => "INVALID_SIGNATURE",
            Self::MemoTooLong => "MEMO_TOO_LONG",
            Self::InsufficientTxFee => "INSUFFICIENT_TX_FEE",
            Self::InsufficientPayerBalance => "INSUFFICIENT_PAYER_BALANCE",
            Self::DuplicateTransaction => "DUPLICATE_TRANSACTION",
            Self::Busy => "BUSY",
            Self::NotSupported => "NOT_SUPPORTED",
            Self::InvalidFileId => "INVALID_FILE_ID",
            Self::InvalidAccountId => "INVALID_ACCOUNT_ID",
            Self::InvalidContractId => "INVALID_CONTRACT_ID",
            Self::InvalidTransactionId => "INVALID_TRANSACTION_ID",
            Self::ReceiptNotFound => "RECEIPT_NOT_FOUND",
            Self::RecordNotFound => "RECORD_NOT_FOUND",
            Self::InvalidSolidityId => "INVALID_SOLIDITY_ID",
            Self::Unknown => "UNKNOWN",
            Self::Success => "SUCCESS",
            Self::FailInvalid => "FAIL_INVALID",
            Self::FailFee => "FAIL_FEE",
            Self::FailBalance => "FAIL_BALANCE",
            Self::KeyRequired => "KEY_REQUIRED",
            Self::BadEncoding => "BAD_ENCODING",
            Self::InsufficientAccountBalance => "INSUFFICIENT_ACCOUNT_BALANCE",
            Self::InvalidSolidityAddress => "INVALID_SOLIDITY_ADDRESS",
            Self::InsufficientGas => "INSUFFICIENT_GAS",
            Self::ContractSizeLimitExceeded => "CONTRACT_SIZE_LIMIT_EXCEEDED",
            Self::LocalCallModificationException => "LOCAL_CALL_MODIFICATION_EXCEPTION",
            Self::ContractRevertExecuted => "CONTRACT_REVERT_EXECUTED",
            Self::ContractExecutionException => "CONTRACT_EXECUTION_EXCEPTION",
            Self::InvalidReceivingNodeAccount => "INVALID_RECEIVING_NODE_ACCOUNT",
            Self::MissingQueryHeader => "MISSING_QUERY_HEADER",
            Self::AccountUpdateFailed => "ACCOUNT_UPDATE_FAILED",
            Self::InvalidKeyEncoding => "INVALID_KEY_ENCODING",
            Self::NullSolidityAddress => "NULL_SOLIDITY_ADDRESS",
            Self::ContractUpdateFailed => "CONTRACT_UPDATE_FAILED",
            Self::InvalidQueryHeader => "INVALID_QUERY_HEADER",
            Self::InvalidFeeSubmitted => "INVALID_FEE_SUBMITTED",
            Self::InvalidPayerSignature => "INVALID_PAYER_SIGNATURE",
            Self::KeyNotProvided => "KEY_NOT_PROVIDED",
            Self::InvalidExpirationTime => "INVALID_EXPIRATION_TIME",
            Self::NoWaclKey => "NO_WACL_KEY",
            Self::FileContentEmpty => "FILE_CONTENT_EMPTY",
            Self::InvalidAccountAmounts => "INVALID_ACCOUNT_AMOUNTS",
            Self::EmptyTransactionBody => "EMPTY_TRANSACTION_BODY",
            Self::InvalidTransactionBody => "INVALID_TRANSACTION_BODY",
            Self::InvalidSignatureTypeMismatchingKey => "INVALID_SIGNATURE_TYPE_MISMATCHING_KEY",
            Self::InvalidSignatureCountMismatchingKey => "INVALID_SIGNATURE_COUNT_MISMATCHING_KEY",
            Self::EmptyLiveHashBody => "EMPTY_LIVE_HASH_BODY",
            Self::EmptyLiveHash => "EMPTY_LIVE_HASH",
            Self::EmptyLiveHashKeys => "EMPTY_LIVE_HASH_KEYS",
            Self::InvalidLiveHashSize => "INVALID_LIVE_HASH_SIZE",
            Self::EmptyQueryBody => "EMPTY_QUERY_BODY",
            Self::EmptyLiveHashQuery => "EMPTY_LIVE_HASH_QUERY",
            Self::LiveHashNotFound => "LIVE_HASH_NOT_FOUND",
            Self::AccountIdDoesNotExist => "ACCOUNT_ID_DOES_NOT_EXIST",
            Self::LiveHashAlreadyExists => "LIVE_HASH_ALREADY_EXISTS",
            Self::InvalidFileWacl => "INVALID_FILE_WACL",
            Self::SerializationFailed => "SERIALIZATION_FAILED",
            Self::TransactionOversize => "TRANSACTION_OVERSIZE",
            Self::TransactionTooManyLayers => "TRANSACTION_TOO_MANY_LAYERS",
            Self::ContractDeleted => "CONTRACT_DELETED",
            Self::PlatformNotActive => "PLATFORM_NOT_ACTIVE",
            Self::KeyPrefixMismatch => "KEY_PREFIX_MISMATCH",
            Self::PlatformTransactionNotCreated => "PLATFORM_TRANSACTION_NOT_CREATED",
            Self::InvalidRenewalPeriod => "INVALID_RENEWAL_PERIOD",
            Self::InvalidPayerAccountId => "INVALID_PAYER_ACCOUNT_ID",
            Self::AccountDeleted => "ACCOUNT_DELETED",
            Self::FileDeleted => "FILE_DELETED",
            Self::AccountRepeatedInAccountAmounts => "ACCOUNT_REPEATED_IN_ACCOUNT_AMOUNTS",
            Self::SettingNegativeAccountBalance => "SETTING_NEGATIVE_ACCOUNT_BALANCE",
            Self::ObtainerRequired => "OBTAINER_REQUIRED",
            Self::ObtainerSameContractId => "OBTAINER_SAME_CONTRACT_ID",
            Self::ObtainerDoesNotExist => "OBTAINER_DOES_NOT_EXIST",
            Self::ModifyingImmutableContract => "MODIFYING_IMMUTABLE_CONTRACT",
            Self::FileSystemException => "FILE_SYSTEM_EXCEPTION",
            Self::AutorenewDurationNotInRange => "AUTORENEW_DURATION_NOT_IN_RANGE",
            Self::ErrorDecodingBytestring => "ERROR_DECODING_BYTESTRING",
            Self::ContractFileEmpty => "CONTRACT_FILE_EMPTY",
            Self::ContractBytecodeEmpty => "CONTRACT_BYTECODE_EMPTY",
            Self::InvalidInitialBalance => "INVALID_INITIAL_BALANCE",
            Self::InvalidReceiveRecordThreshold => "INVALID_RECEIVE_RECORD_THRESHOLD",
            Self::InvalidSendRecordThreshold => "INVALID_SEND_RECORD_THRESHOLD",
            Self::AccountIsNotGenesisAccount => "ACCOUNT_IS_NOT_GENESIS_ACCOUNT",
            Self::PayerAccountUnauthorized => "PAYER_ACCOUNT_UNAUTHORIZED",
            Self::InvalidFreezeTransactionBody => "INVALID_FREEZE_TRANSACTION_BODY",
            Self::FreezeTransactionBodyNotFound => "FREEZE_TRANSACTION_BODY_NOT_FOUND",
            Self::TransferListSizeLimitExceeded => "TRANSFER_LIST_SIZE_LIMIT_EXCEEDED",
            Self::ResultSizeLimitExceeded => "RESULT_SIZE_LIMIT_EXCEEDED",
            Self::NotSpecialAccount => "NOT_SPECIAL_ACCOUNT",
            Self::ContractNegativeGas => "CONTRACT_NEGATIVE_GAS",
            Self::ContractNegativeValue => "CONTRACT_NEGATIVE_VALUE",
            Self::InvalidFeeFile => "INVALID_FEE_FILE",
            Self::InvalidExchangeRateFile => "INVALID_EXCHANGE_RATE_FILE",
            Self::InsufficientLocalCallGas => "INSUFFICIENT_LOCAL_CALL_GAS",
            Self::EntityNotAllowedToDelete => "ENTITY_NOT_ALLOWED_TO_DELETE",
            Self::AuthorizationFailed => "AUTHORIZATION_FAILED",
            Self::FileUploadedProtoInvalid => "FILE_UPLOADED_PROTO_INVALID",
            Self::FileUploadedProtoNotSavedToDisk => "FILE_UPLOADED_PROTO_NOT_SAVED_TO_DISK",
            Self::FeeScheduleFilePartUploaded => "FEE_SCHEDULE_FILE_PART_UPLOADED",
            Self::ExchangeRateChangeLimitExceeded => "EXCHANGE_RATE_CHANGE_LIMIT_EXCEEDED",
            Self::MaxContractStorageExceeded => "MAX_CONTRACT_STORAGE_EXCEEDED",
            Self::TransferAccountSameAsDeleteAccount => "TRANSFER_ACCOUNT_SAME_AS_DELETE_ACCOUNT",
            Self::TotalLedgerBalanceInvalid => "TOTAL_LEDGER_BALANCE_INVALID",
            Self::ExpirationReductionNotAllowed => "EXPIRATION_REDUCTION_NOT_ALLOWED",
            Self::MaxGasLimitExceeded => "MAX_GAS_LIMIT_EXCEEDED",
            Self::MaxFileSizeExceeded => "MAX_FILE_SIZE_EXCEEDED",
            Self::ReceiverSigRequired => "RECEIVER_SIG_REQUIRED",
            Self::InvalidTopicId => "INVALID_TOPIC_ID",
            Self::InvalidAdminKey => "INVALID_ADMIN_KEY",
            Self::InvalidSubmitKey => "INVALID_SUBMIT_KEY",
            Self::Unauthorized => "UNAUTHORIZED",
            Self::InvalidTopicMessage => "INVALID_TOPIC_MESSAGE",
            Self::InvalidAutorenewAccount => "INVALID_AUTORENEW_ACCOUNT",
            Self::AutorenewAccountNotAllowed => "AUTORENEW_ACCOUNT_NOT_ALLOWED",
            Self::TopicExpired => "TOPIC_EXPIRED",
            Self::InvalidChunkNumber => "INVALID_CHUNK_NUMBER",
            Self::InvalidChunkTransactionId => "INVALID_CHUNK_TRANSACTION_ID",
            Self::AccountFrozenForToken => "ACCOUNT_FROZEN_FOR_TOKEN",
            Self::TokensPerAccountLimitExceeded => "TOKENS_PER_ACCOUNT_LIMIT_EXCEEDED",
            Self::InvalidTokenId => "INVALID_TOKEN_ID",
            Self::InvalidTokenDecimals => "INVALID_TOKEN_DECIMALS",
            Self::InvalidTokenInitialSupply => "INVALID_TOKEN_INITIAL_SUPPLY",
            Self::InvalidTreasuryAccountForToken => "INVALID_TREASURY_ACCOUNT_FOR_TOKEN",
            Self::InvalidTokenSymbol => "INVALID_TOKEN_SYMBOL",
            Self::TokenHasNoFreezeKey => "TOKEN_HAS_NO_FREEZE_KEY",
            Self::TransfersNotZeroSumForToken => "TRANSFERS_NOT_ZERO_SUM_FOR_TOKEN",
            Self::MissingTokenSymbol => "MISSING_TOKEN_SYMBOL",
            Self::TokenSymbolTooLong => "TOKEN_SYMBOL_TOO_LONG",
            Self::AccountKycNotGrantedForToken => "ACCOUNT_KYC_NOT_GRANTED_FOR_TOKEN",
            Self::TokenHasNoKycKey => "TOKEN_HAS_NO_KYC_KEY",
            Self::InsufficientTokenBalance => "INSUFFICIENT_TOKEN_BALANCE",
            Self::TokenWasDeleted => "TOKEN_WAS_DELETED",
            Self::TokenHasNoSupplyKey => "TOKEN_HAS_NO_SUPPLY_KEY",
            Self::TokenHasNoWipeKey => "TOKEN_HAS_NO_WIPE_KEY",
            Self::InvalidTokenMintAmount => "INVALID_TOKEN_MINT_AMOUNT",
            Self::InvalidTokenBurnAmount => "INVALID_TOKEN_BURN_AMOUNT",
            Self::TokenNotAssociatedToAccount => "TOKEN_NOT_ASSOCIATED_TO_ACCOUNT",
            Self::CannotWipeTokenTreasuryAccount => "CANNOT_WIPE_TOKEN_TREASURY_ACCOUNT",
            Self::InvalidKycKey => "INVALID_KYC_KEY",
            Self::InvalidWipeKey => "INVALID_WIPE_KEY",
            Self::InvalidFreezeKey => "INVALID_FREEZE_KEY",
            Self::InvalidSupplyKey => "INVALID_SUPPLY_KEY",
            Self::MissingTokenName => "MISSING_TOKEN_NAME",
            Self::TokenNameTooLong => "TOKEN_NAME_TOO_LONG",
            Self::InvalidWipingAmount => "INVALID_WIPING_AMOUNT",
            Self::TokenIsImmutable => "TOKEN_IS_IMMUTABLE",
            Self::TokenAlreadyAssociatedToAccount => "TOKEN_ALREADY_ASSOCIATED_TO_ACCOUNT",
            Self::TransactionRequiresZeroTokenBalances => {
                "TRANSACTION_REQUIRES_ZERO_TOKEN_BALANCES"
            }
            Self::AccountIsTreasury => "ACCOUNT_IS_TREASURY",
            Self::TokenIdRepeatedInTokenList => "TOKEN_ID_REPEATED_IN_TOKEN_LIST",
            Self::TokenTransferListSizeLimitExceeded => "TOKEN_TRANSFER_LIST_SIZE_LIMIT_EXCEEDED",
            Self::EmptyTokenTransferBody => "EMPTY_TOKEN_TRANSFER_BODY",
            Self::EmptyTokenTransferAccountAmounts => "EMPTY_TOKEN_TRANSFER_ACCOUNT_AMOUNTS",
            Self::InvalidScheduleId => "INVALID_SCHEDULE_ID",
            Self::ScheduleIsImmutable => "SCHEDULE_IS_IMMUTABLE",
            Self::InvalidSchedulePayerId => "INVALID_SCHEDULE_PAYER_ID",
            Self::InvalidScheduleAccountId => "INVALID_SCHEDULE_ACCOUNT_ID",
            Self::NoNewValidSignatures => "NO_NEW_VALID_SIGNATURES",
            Self::UnresolvableRequiredSigners => "UNRESOLVABLE_REQUIRED_SIGNERS",
            Self::ScheduledTransactionNotInWhitelist => "SCHEDULED_TRANSACTION_NOT_IN_WHITELIST",
            Self::SomeSignaturesWereInvalid => "SOME_SIGNATURES_WERE_INVALID",
            Self::TransactionIdFieldNotAllowed => "TRANSACTION_ID_FIELD_NOT_ALLOWED",
            Self::IdenticalScheduleAlreadyCreated => "IDENTICAL_SCHEDULE_ALREADY_CREATED",
            Self::InvalidZeroByteInString => "INVALID_ZERO_BYTE_IN_STRING",
            Self::ScheduleAlreadyDeleted => "SCHEDULE_ALREADY_DELETED",
            Self::ScheduleAlreadyExecuted => "SCHEDULE_ALREADY_EXECUTED",
            Self::MessageSizeTooLarge => "MESSAGE_SIZE_TOO_LARGE",
            Self::OperationRepeatedInBucketGroups => "OPERATION_REPEATED_IN_BUCKET_GROUPS",
            Self::BucketCapacityOverflow => "BUCKET_CAPACITY_OVERFLOW",
            Self::NodeCapacityNotSufficientForOperation => {
                "NODE_CAPACITY_NOT_SUFFICIENT_FOR_OPERATION"
            }
            Self::BucketHasNoThrottleGroups => "BUCKET_HAS_NO_THROTTLE_GROUPS",
            Self::ThrottleGroupHasZeroOpsPerSec => "THROTTLE_GROUP_HAS_ZERO_OPS_PER_SEC",
            Self::SuccessButMissingExpectedOperation => "SUCCESS_BUT_MISSING_EXPECTED_OPERATION",
            Self::UnparseableThrottleDefinitions => "UNPARSEABLE_THROTTLE_DEFINITIONS",
            Self::InvalidThrottleDefinitions => "INVALID_THROTTLE_DEFINITIONS",
            Self::AccountExpiredAndPendingRemoval => "ACCOUNT_EXPIRED_AND_PENDING_REMOVAL",
            Self::InvalidTokenMaxSupply => "INVALID_TOKEN_MAX_SUPPLY",
            Self::InvalidTokenNftSerialNumber => "INVALID_TOKEN_NFT_SERIAL_NUMBER",
            Self::InvalidNftId => "INVALID_NFT_ID",
            Self::MetadataTooLong => "METADATA_TOO_LONG",
            Self::BatchSizeLimitExceeded => "BATCH_SIZE_LIMIT_EXCEEDED",
            Self::InvalidQueryRange => "INVALID_QUERY_RANGE",
            Self::FractionDividesByZero => "FRACTION_DIVIDES_BY_ZERO",
            Self::InsufficientPayerBalanceForCustomFee => {
                "INSUFFICIENT_PAYER_BALANCE_FOR_CUSTOM_FEE"
            }
            Self::CustomFeesListTooLong => "CUSTOM_FEES_LIST_TOO_LONG",
            Self::InvalidCustomFeeCollector => "INVALID_CUSTOM_FEE_COLLECTOR",
            Self::InvalidTokenIdInCustomFees => "INVALID_TOKEN_ID_IN_CUSTOM_FEES",
            Self::TokenNotAssociatedToFeeCollector => "TOKEN_NOT_ASSOCIATED_TO_FEE_COLLECTOR",
            Self::TokenMaxSupplyReached => "TOKEN_MAX_SUPPLY_REACHED",
            Self::SenderDoesNotOwnNftSerialNo => "SENDER_DOES_NOT_OWN_NFT_SERIAL_NO",
            Self::CustomFeeNotFullySpecified => "CUSTOM_FEE_NOT_FULLY_SPECIFIED",
            Self::CustomFeeMustBePositive => "CUSTOM_FEE_MUST_BE_POSITIVE",
            Self::TokenHasNoFeeScheduleKey => "TOKEN_HAS_NO_FEE_SCHEDULE_KEY",
            Self::CustomFeeOutsideNumericRange => "CUSTOM_FEE_OUTSIDE_NUMERIC_RANGE",
            Self::RoyaltyFractionCannotExceedOne => "ROYALTY_FRACTION_CANNOT_EXCEED_ONE",
            Self::FractionalFeeMaxAmountLessThanMinAmount => {
                "FRACTIONAL_FEE_MAX_AMOUNT_LESS_THAN_MIN_AMOUNT"
            }
            Self::CustomScheduleAlreadyHasNoFees => "CUSTOM_SCHEDULE_ALREADY_HAS_NO_FEES",
            Self::CustomFeeDenominationMustBeFungibleCommon => {
                "CUSTOM_FEE_DENOMINATION_MUST_BE_FUNGIBLE_COMMON"
            }
            Self::CustomFractionalFeeOnlyAllowedForFungibleCommon => {
                "CUSTOM_FRACTIONAL_FEE_ONLY_ALLOWED_FOR_FUNGIBLE_COMMON"
            }
            Self::InvalidCustomFeeScheduleKey => "INVALID_CUSTOM_FEE_SCHEDULE_KEY",
            Self::InvalidTokenMintMetadata => "INVALID_TOKEN_MINT_METADATA",
            Self::InvalidTokenBurnMetadata => "INVALID_TOKEN_BURN_METADATA",
            Self::CurrentTreasuryStillOwnsNfts => "CURRENT_TREASURY_STILL_OWNS_NFTS",
            Self::AccountStillOwnsNfts => "ACCOUNT_STILL_OWNS_NFTS",
            Self::TreasuryMustOwnBurnedNft => "TREASURY_MUST_OWN_BURNED_NFT",
            Self::AccountDoesNotOwnWipedNft => "ACCOUNT_DOES_NOT_OWN_WIPED_NFT",
            Self::AccountAmountTransfersOnlyAllowedForFungibleCommon => {
                "ACCOUNT_AMOUNT_TRANSFERS_ONLY_ALLOWED_FOR_FUNGIBLE_COMMON"
            }
            Self::MaxNftsInPriceRegimeHaveBeenMinted => "MAX_NFTS_IN_PRICE_REGIME_HAVE_BEEN_MINTED",
            Self::PayerAccountDeleted => "PAYER_ACCOUNT_DELETED",
            Self::CustomFeeChargingExceededMaxRecursionDepth => {
                "CUSTOM_FEE_CHARGING_EXCEEDED_MAX_RECURSION_DEPTH"
            }
            Self::CustomFeeChargingExceededMaxAccountAmounts => {
                "CUSTOM_FEE_CHARGING_EXCEEDED_MAX_ACCOUNT_AMOUNTS"
            }
            Self::InsufficientSenderAccountBalanceForCustomFee => {
                "INSUFFICIENT_SENDER_ACCOUNT_BALANCE_FOR_CUSTOM_FEE"
            }
            Self::SerialNumberLimitReached => "SERIAL_NUMBER_LIMIT_REACHED",
            Self::CustomRoyaltyFeeOnlyAllowedForNonFungibleUnique => {
                "CUSTOM_ROYALTY_FEE_ONLY_ALLOWED_FOR_NON_FUNGIBLE_UNIQUE"
            }
            Self::NoRemainingAutomaticAssociations => "NO_REMAINING_AUTOMATIC_ASSOCIATIONS",
            Self::ExistingAutomaticAssociationsExceedGivenLimit => {
                "EXISTING_AUTOMATIC_ASSOCIATIONS_EXCEED_GIVEN_LIMIT"
            }
            Self::RequestedNumAutomaticAssociationsExceedsAssociationLimit => {
                "REQUESTED_NUM_AUTOMATIC_ASSOCIATIONS_EXCEEDS_ASSOCIATION_LIMIT"
            }
            Self::TokenIsPaused => "TOKEN_IS_PAUSED",
            Self::TokenHasNoPauseKey => "TOKEN_HAS_NO_PAUSE_KEY",
            Self::InvalidPauseKey => "INVALID_PAUSE_KEY",
            Self::FreezeUpdateFileDoesNotExist => "FREEZE_UPDATE_FILE_DOES_NOT_EXIST",
            Self::FreezeUpdateFileHashDoesNotMatch => "FREEZE_UPDATE_FILE_HASH_DOES_NOT_MATCH",
            Self::NoUpgradeHasBeenPrepared => "NO_UPGRADE_HAS_BEEN_PREPARED",
            Self::NoFreezeIsScheduled => "NO_FREEZE_IS_SCHEDULED",
            Self::UpdateFileHashChangedSincePrepareUpgrade => {
                "UPDATE_FILE_HASH_CHANGED_SINCE_PREPARE_UPGRADE"
            }
            Self::FreezeStartTimeMustBeFuture => "FREEZE_START_TIME_MUST_BE_FUTURE",
            Self::PreparedUpdateFileIsImmutable => "PREPARED_UPDATE_FILE_IS_IMMUTABLE",
            Self::FreezeAlreadyScheduled => "FREEZE_ALREADY_SCHEDULED",
            Self::FreezeUpgradeInProgress => "FREEZE_UPGRADE_IN_PROGRESS",
            Self::UpdateFileIdDoesNotMatchPrepared => "UPDATE_FILE_ID_DOES_NOT_MATCH_PREPARED",
            Self::UpdateFileHashDoesNotMatchPrepared => "UPDATE_FILE_HASH_DOES_NOT_MATCH_PREPARED",
            Self::ConsensusGasExhausted => "CONSENSUS_GAS_EXHAUSTED",
            Self::RevertedSuccess => "REVERTED_SUCCESS",
            Self::MaxStorageInPriceRegimeHasBeenUsed => "MAX_STORAGE_IN_PRICE_REGIME_HAS_BEEN_USED",
            Self::InvalidAliasKey => "INVALID_ALIAS_KEY",
            Self::UnexpectedTokenDecimals => "UNEXPECTED_TOKEN_DECIMALS",
            Self::InvalidProxyAccountId => "INVALID_PROXY_ACCOUNT_ID",
            Self::InvalidTransferAccountId => "INVALID_TRANSFER_ACCOUNT_ID",
            Self::InvalidFeeCollectorAccountId => "INVALID_FEE_COLLECTOR_ACCOUNT_ID",
            Self::AliasIsImmutable => "ALIAS_IS_IMMUTABLE",
            Self::SpenderAccountSameAsOwner => "SPENDER_ACCOUNT_SAME_AS_OWNER",
            Self::AmountExceedsTokenMaxSupply => "AMOUNT_EXCEEDS_TOKEN_MAX_SUPPLY",
            Self::NegativeAllowanceAmount => "NEGATIVE_ALLOWANCE_AMOUNT",
            Self::CannotApproveForAllFungibleCommon => "CANNOT_APPROVE_FOR_ALL_FUNGIBLE_COMMON",
            Self::SpenderDoesNotHaveAllowance => "SPENDER_DOES_NOT_HAVE_ALLOWANCE",
            Self::AmountExceedsAllowance => "AMOUNT_EXCEEDS_ALLOWANCE",
            Self::MaxAllowancesExceeded => "MAX_ALLOWANCES_EXCEEDED",
            Self::EmptyAllowances => "EMPTY_ALLOWANCES",
            Self::SpenderAccountRepeatedInAllowances => "SPENDER_ACCOUNT_REPEATED_IN_ALLOWANCES",
            Self::RepeatedSerialNumsInNftAllowances => "REPEATED_SERIAL_NUMS_IN_NFT_ALLOWANCES",
            Self::FungibleTokenInNftAllowances => "FUNGIBLE_TOKEN_IN_NFT_ALLOWANCES",
            Self::NftInFungibleTokenAllowances => "NFT_IN_FUNGIBLE_TOKEN_ALLOWANCES",
            Self::InvalidAllowanceOwnerId => "INVALID_ALLOWANCE_OWNER_ID",
            Self::InvalidAllowanceSpenderId => "INVALID_ALLOWANCE_SPENDER_ID",
            Self::RepeatedAllowancesToDelete => "REPEATED_ALLOWANCES_TO_DELETE",
            Self::InvalidDelegatingSpender => "INVALID_DELEGATING_SPENDER",
            Self::DelegatingSpenderCannotGrantApproveForAll => {
                "DELEGATING_SPENDER_CANNOT_GRANT_APPROVE_FOR_ALL"
            }
            Self::DelegatingSpenderDoesNotHaveApproveForAll => {
                "DELEGATING_SPENDER_DOES_NOT_HAVE_APPROVE_FOR_ALL"
            }
            Self::ScheduleExpirationTimeTooFarInFuture => {
                "SCHEDULE_EXPIRATION_TIME_TOO_FAR_IN_FUTURE"
            }
            Self::ScheduleExpirationTimeMustBeHigherThanConsensusTime => {
                "SCHEDULE_EXPIRATION_TIME_MUST_BE_HIGHER_THAN_CONSENSUS_TIME"
            }
            Self::ScheduleFutureThrottleExceeded => "SCHEDULE_FUTURE_THROTTLE_EXCEEDED",
            Self::ScheduleFutureGasLimitExceeded => "SCHEDULE_FUTURE_GAS_LIMIT_EXCEEDED",
            Self::InvalidEthereumTransaction => "INVALID_ETHEREUM_TRANSACTION",
            Self::WrongChainId => "WRONG_CHAIN_ID",
            Self::WrongNonce => "WRONG_NONCE",
            Self::AccessListUnsupported => "ACCESS_LIST_UNSUPPORTED",
            Self::SchedulePendingExpiration => "SCHEDULE_PENDING_EXPIRATION",
            Self::ContractIsTokenTreasury => "CONTRACT_IS_TOKEN_TREASURY",
            Self::ContractHasNonZeroTokenBalances => "CONTRACT_HAS_NON_ZERO_TOKEN_BALANCES",
            Self::ContractExpiredAndPendingRemoval => "CONTRACT_EXPIRED_AND_PENDING_REMOVAL",
            Self::ContractHasNoAutoRenewAccount => "CONTRACT_HAS_NO_AUTO_RENEW_ACCOUNT",
            Self::PermanentRemovalRequiresSystemInitiation => {
                "PERMANENT_REMOVAL_REQUIRES_SYSTEM_INITIATION"
            }
            Self::ProxyAccountIdFieldIsDeprecated => "PROXY_ACCOUNT_ID_FIELD_IS_DEPRECATED",
            Self::SelfStakingIsNotAllowed => "SELF_STAKING_IS_NOT_ALLOWED",
            Self::InvalidStakingId => "INVALID_STAKING_ID",
            Self::StakingNotEnabled => "STAKING_NOT_ENABLED",
            Self::InvalidPrngRange => "INVALID_PRNG_RANGE",
            Self::MaxEntitiesInPriceRegimeHaveBeenCreated => {
                "MAX_ENTITIES_IN_PRICE_REGIME_HAVE_BEEN_CREATED"
            }
            Self::InvalidFullPrefixSignatureForPrecompile => {
                "INVALID_FULL_PREFIX_SIGNATURE_FOR_PRECOMPILE"
            }
            Self::InsufficientBalancesForStorageRent => "INSUFFICIENT_BALANCES_FOR_STORAGE_RENT",
            Self::MaxChildRecordsExceeded => "MAX_CHILD_RECORDS_EXCEEDED",
            Self::InsufficientBalancesForRenewalFees => "INSUFFICIENT_BALANCES_FOR_RENEWAL_FEES",
            Self::TransactionHasUnknownFields => "TRANSACTION_HAS_UNKNOWN_FIELDS",
            Self::AccountIsImmutable => "ACCOUNT_IS_IMMUTABLE",
            Self::AliasAlreadyAssigned => "ALIAS_ALREADY_ASSIGNED",
            Self::InvalidMetadataKey => "INVALID_METADATA_KEY",
            Self::TokenHasNoMetadataKey => "TOKEN_HAS_NO_METADATA_KEY",
            Self::MissingTokenMetadata => "MISSING_TOKEN_METADATA",
            Self::MissingSerialNumbers => "MISSING_SERIAL_NUMBERS",
            Self::TokenHasNoAdminKey => "TOKEN_HAS_NO_ADMIN_KEY",
            Self::NodeDeleted => "NODE_DELETED",
            Self::InvalidNodeId => "INVALID_NODE_ID",
            Self::InvalidGossipEndpoint => "INVALID_GOSSIP_ENDPOINT",
            Self::InvalidNodeAccountId => "INVALID_NODE_ACCOUNT_ID",
            Self::InvalidNodeDescription => "INVALID_NODE_DESCRIPTION",
            Self::InvalidServiceEndpoint => "INVALID_SERVICE_ENDPOINT",
            Self::InvalidGossipCaCertificate => "INVALID_GOSSIP_CA_CERTIFICATE",
            Self::InvalidGrpcCertificate => "INVALID_GRPC_CERTIFICATE",
            Self::InvalidMaxAutoAssociations => "INVALID_MAX_AUTO_ASSOCIATIONS",
            Self::MaxNodesCreated => "MAX_NODES_CREATED",
            Self::IpFqdnCannotBeSetForSameEndpoint => "IP_FQDN_CANNOT_BE_SET_FOR_SAME_ENDPOINT",
            Self::GossipEndpointCannotHaveFqdn => "GOSSIP_ENDPOINT_CANNOT_HAVE_FQDN",
            Self::FqdnSizeTooLarge => "FQDN_SIZE_TOO_LARGE",
            Self::InvalidEndpoint => "INVALID_ENDPOINT",
            Self::GossipEndpointsExceededLimit => "GOSSIP_ENDPOINTS_EXCEEDED_LIMIT",
            Self::TokenReferenceRepeated => "TOKEN_REFERENCE_REPEATED",
            Self::InvalidOwnerId => "INVALID_OWNER_ID",
            Self::TokenReferenceListSizeLimitExceeded => "TOKEN_REFERENCE_LIST_SIZE_LIMIT_EXCEEDED",
            Self::ServiceEndpointsExceededLimit => "SERVICE_ENDPOINTS_EXCEEDED_LIMIT",
            Self::InvalidIpv4Address => "INVALID_IPV4_ADDRESS",
            Self::EmptyTokenReferenceList => "EMPTY_TOKEN_REFERENCE_LIST",
            Self::UpdateNodeAccountNotAllowed => "UPDATE_NODE_ACCOUNT_NOT_ALLOWED",
            Self::TokenHasNoMetadataOrSupplyKey => "TOKEN_HAS_NO_METADATA_OR_SUPPLY_KEY",
            Self::EmptyPendingAirdropIdList => "EMPTY_PENDING_AIRDROP_ID_LIST",
            Self::PendingAirdropIdRepeated => "PENDING_AIRDROP_ID_REPEATED",
            Self::PendingAirdropIdListTooLong => "PENDING_AIRDROP_ID_LIST_TOO_LONG",
            Self::PendingNftAirdropAlreadyExists => "PENDING_NFT_AIRDROP_ALREADY_EXISTS",
            Self::AccountHasPendingAirdrops => "ACCOUNT_HAS_PENDING_AIRDROPS",
            Self::ThrottledAtConsensus => "THROTTLED_AT_CONSENSUS",
            Self::InvalidPendingAirdropId => "INVALID_PENDING_AIRDROP_ID",
            Self::TokenAirdropWithFallbackRoyalty => "TOKEN_AIRDROP_WITH_FALLBACK_ROYALTY",
            Self::InvalidTokenInPendingAirdrop => "INVALID_TOKEN_IN_PENDING_AIRDROP",
            Self::ScheduleExpiryIsBusy => "SCHEDULE_EXPIRY_IS_BUSY",
            Self::InvalidGrpcCertificateHash => "INVALID_GRPC_CERTIFICATE_HASH",
            Self::MissingExpiryTime => "MISSING_EXPIRY_TIME",
            Self::NoSchedulingAllowedAfterScheduledRecursion => {
                "NO_SCHEDULING_ALLOWED_AFTER_SCHEDULED_RECURSION"
            }
            Self::RecursiveSchedulingLimitReached => "RECURSIVE_SCHEDULING_LIMIT_REACHED",
            Self::WaitingForLedgerId => "WAITING_FOR_LEDGER_ID",
            Self::MaxEntriesForFeeExemptKeyListExceeded => {
                "MAX_ENTRIES_FOR_FEE_EXEMPT_KEY_LIST_EXCEEDED"
            }
            Self::FeeExemptKeyListContainsDuplicatedKeys => {
                "FEE_EXEMPT_KEY_LIST_CONTAINS_DUPLICATED_KEYS"
            }
            Self::InvalidKeyInFeeExemptKeyList => "INVALID_KEY_IN_FEE_EXEMPT_KEY_LIST",
            Self::InvalidFeeScheduleKey => "INVALID_FEE_SCHEDULE_KEY",
            Self::FeeScheduleKeyCannotBeUpdated => "FEE_SCHEDULE_KEY_CANNOT_BE_UPDATED",
            Self::FeeScheduleKeyNotSet => "FEE_SCHEDULE_KEY_NOT_SET",
            Self::MaxCustomFeeLimitExceeded => "MAX_CUSTOM_FEE_LIMIT_EXCEEDED",
            Self::NoValidMaxCustomFee => "NO_VALID_MAX_CUSTOM_FEE",
            Self::InvalidMaxCustomFees => "INVALID_MAX_CUSTOM_FEES",
            Self::DuplicateDenominationInMaxCustomFeeList => {
                "DUPLICATE_DENOMINATION_IN_MAX_CUSTOM_FEE_LIST"
            }
            Self::DuplicateAccountIdInMaxCustomFeeList => {
                "DUPLICATE_ACCOUNT_ID_IN_MAX_CUSTOM_FEE_LIST"
            }
            Self::MaxCustomFeesIsNotSupported => "MAX_CUSTOM_FEES_IS_NOT_SUPPORTED",
            Self::BatchListEmpty => "BATCH_LIST_EMPTY",
            Self::BatchListContainsDuplicates => "BATCH_LIST_CONTAINS_DUPLICATES",
            Self::BatchTransactionInBlacklist => "BATCH_TRANSACTION_IN_BLACKLIST",
            Self::InnerTransactionFailed => "INNER_TRANSACTION_FAILED",
            Self::MissingBatchKey => "MISSING_BATCH_KEY",
            Self::BatchKeySetOnNonInnerTransaction => "BATCH_KEY_SET_ON_NON_INNER_TRANSACTION",
            Self::InvalidBatchKey => "INVALID_BATCH_KEY",
            Self::ScheduleExpiryNotConfigurable => "SCHEDULE_EXPIRY_NOT_CONFIGURABLE",
            Self::CreatingSystemEntities => "CREATING_SYSTEM_ENTITIES",
            Self::ThrottleGroupLcmOverflow => "THROTTLE_GROUP_LCM_OVERFLOW",
            Self::AirdropContainsMultipleSendersForAToken => {
                "AIRDROP_CONTAINS_MULTIPLE_SENDERS_FOR_A_TOKEN"
            }
            Self::GrpcWebProxyNotSupported => "GRPC_WEB_PROXY_NOT_SUPPORTED",
            Self::NftTransfersOnlyAllowedForNonFungibleUnique => {
                "NFT_TRANSFERS_ONLY_ALLOWED_FOR_NON_FUNGIBLE_UNIQUE"
            }
            Self::InvalidSerializedTxMessageHashAlgorithm => {
                "INVALID_SERIALIZED_TX_MESSAGE_HASH_ALGORITHM"
            }
            Self::WrongHookEntityType => "WRONG_HOOK_ENTITY_TYPE",
            Self::EvmHookGasThrottled => "EVM_HOOK_GAS_THROTTLED",
            Self::HookIdInUse => "HOOK_ID_IN_USE",
            Self::BadHookRequest => "BAD_HOOK_REQUEST",
            Self::RejectedByAccountAllowanceHook => "REJECTED_BY_ACCOUNT_ALLOWANCE_HOOK",
            Self::HookNotFound => "HOOK_NOT_FOUND",
            Self::LambdaStorageUpdateBytesTooLong => "LAMBDA_STORAGE_UPDATE_BYTES_TOO_LONG",
            Self::LambdaStorageUpdateBytesMustUseMinimalRepresentation => {
                "LAMBDA_STORAGE_UPDATE_BYTES_MUST_USE_MINIMAL_REPRESENTATION"
            }
            Self::InvalidHookId => "INVALID_HOOK_ID",
            Self::EmptyLambdaStorageUpdate => "EMPTY_LAMBDA_STORAGE_UPDATE",
            Self::HookIdRepeatedInCreationDetails => "HOOK_ID_REPEATED_IN_CREATION_DETAILS",
            Self::HooksNotEnabled => "HOOKS_NOT_ENABLED",
            Self::HookIsNotALambda => "HOOK_IS_NOT_A_LAMBDA",
            Self::HookDeleted => "HOOK_DELETED",
            Self::TooManyLambdaStorageUpdates => "TOO_MANY_LAMBDA_STORAGE_UPDATES",
            Self::HookCreationBytesMustUseMinimalRepresentation => {
                "HOOK_CREATION_BYTES_MUST_USE_MINIMAL_REPRESENTATION"
            }
            Self::HookCreationBytesTooLong => "HOOK_CREATION_BYTES_TOO_LONG",
            Self::InvalidHookCreationSpec => "INVALID_HOOK_CREATION_SPEC",
            Self::HookExtensionEmpty => "HOOK_EXTENSION_EMPTY",
            Self::InvalidHookAdminKey => "INVALID_HOOK_ADMIN_KEY",
            Self::HookDeletionRequiresZeroStorageSlots => {
                "HOOK_DELETION_REQUIRES_ZERO_STORAGE_SLOTS"
            }
            Self::CannotSetHooksAndApproval => "CANNOT_SET_HOOKS_AND_APPROVAL",
            Self::TransactionRequiresZeroHooks => "TRANSACTION_REQUIRES_ZERO_HOOKS",
            Self::InvalidHookCall => "INVALID_HOOK_CALL",
            Self::HooksAreNotSupportedInAirdrops => "HOOKS_ARE_NOT_SUPPORTED_IN_AIRDROPS",
            Self::AccountIsLinkedToANode => "ACCOUNT_IS_LINKED_TO_A_NODE",
            Self::HooksExecutionsRequireTopLevelCryptoTransfer => {
                "HOOKS_EXECUTIONS_REQUIRE_TOP_LEVEL_CRYPTO_TRANSFER"
            }
            Self::NodeAccountHasZeroBalance => "NODE_ACCOUNT_HAS_ZERO_BALANCE",
        }
    }

    pub fn from_str_name(value: &str) -> Option<Self> {
        match value {
            "OK" => Some(Self::Ok),
            "INVALID_TRANSACTION" => Some(Self::InvalidTransaction),
            "PAYER_ACCOUNT_NOT_FOUND" => Some(Self::PayerAccountNotFound),
            "INVALID_NODE_ACCOUNT" => Some(Self::InvalidNodeAccount),
            "TRANSACTION_EXPIRED" => Some(Self::TransactionExpired),
            "INVALID_TRANSACTION_START" => Some(Self::InvalidTransactionStart),
            "INVALID_TRANSACTION_DURATION" => Some(Self::InvalidTransactionDuration),
            "INVALID_SIGNATURE" => Some(Self::InvalidSignature),
            "MEMO_TOO_LONG" => Some(Self::MemoTooLong),
            "INSUFFICIENT_TX_FEE" => Some(Self::InsufficientTxFee),
            "INSUFFICIENT_PAYER_BALANCE" => Some(Self::InsufficientPayerBalance),
            "DUPLICATE_TRANSACTION" => Some(Self::DuplicateTransaction),
            "BUSY" => Some(Self::Busy),
            "NOT_SUPPORTED" => Some(Self::NotSupported),
            "INVALID_FILE_ID" => Some(Self::InvalidFileId),
            "INVALID_ACCOUNT_ID" => Some(Self::InvalidAccountId),
            "INVALID_CONTRACT_ID" => Some(Self::InvalidContractId),
            "INVALID_TRANSACTION_ID" => Some(Self::InvalidTransactionId),
            "RECEIPT_NOT_FOUND" => Some(Self::ReceiptNotFound),
            "RECORD_NOT_FOUND" => Some(Self::RecordNotFound),
            "INVALID_SOLIDITY_ID" => Some(Self::InvalidSolidityId),
            "UNKNOWN" => Some(Self::Unknown),
            "SUCCESS" => Some(Self::Success),
            "FAIL_INVALID" => Some(Self::FailInvalid),
            "FAIL_FEE" => Some(Self::FailFee),
            "FAIL_BALANCE" => Some(Self::FailBalance),
            "KEY_REQUIRED" => Some(Self::KeyRequired),
            "BAD_ENCODING" => Some(Self::BadEncoding),
            "INSUFFICIENT_ACCOUNT_BALANCE" => Some(Self::InsufficientAccountBalance),
            "INVALID_SOLIDITY_ADDRESS" => Some(Self::InvalidSolidityAddress),
            "INSUFFICIENT_GAS" => Some(Self::InsufficientGas),
            "CONTRACT_SIZE_LIMIT_EXCEEDED" => Some(Self::ContractSizeLimitExceeded),
            "LOCAL_CALL_MODIFICATION_EXCEPTION" => Some(Self::LocalCallModificationException),
            "CONTRACT_REVERT_EXECUTED" => Some(Self::ContractRevertExecuted),
            "CONTRACT_EXECUTION_EXCEPTION" => Some(Self::ContractExecutionException),
            "INVALID_RECEIVING_NODE_ACCOUNT" => Some(Self::InvalidReceivingNodeAccount),
            "MISSING_QUERY_HEADER" => Some(Self::MissingQueryHeader),
            "ACCOUNT_UPDATE_FAILED" => Some(Self::AccountUpdateFailed),
            "INVALID_KEY_ENCODING" => Some(Self::InvalidKeyEncoding),
            "NULL_SOLIDITY_ADDRESS" => Some(Self::NullSolidityAddress),
            "CONTRACT_UPDATE_FAILED" => Some(Self::ContractUpdateFailed),
            "INVALID_QUERY_HEADER" => Some(Self::InvalidQueryHeader),
            "INVALID_FEE_SUBMITTED" => Some(Self::InvalidFeeSubmitted),
            "INVALID_PAYER_SIGNATURE" => Some(Self::InvalidPayerSignature),
            "KEY_NOT_PROVIDED" => Some(Self::KeyNotProvided),
            "INVALID_EXPIRATION_TIME" => Some(Self::InvalidExpirationTime),
            "NO_WACL_KEY" => Some(Self::NoWaclKey),
            "FILE_CONTENT_EMPTY" => Some(Self::FileContentEmpty),
            "INVALID_ACCOUNT_AMOUNTS" => Some(Self::InvalidAccountAmounts),
            "EMPTY_TRANSACTION_BODY" => Some(Self::EmptyTransactionBody),
            "INVALID_TRANSACTION_BODY" => Some(Self::InvalidTransactionBody),
            "INVALID_SIGNATURE_TYPE_MISMATCHING_KEY" => {
                Some(Self::InvalidSignatureTypeMismatchingKey)
            }
            "INVALID_SIGNATURE_COUNT_MISMATCHING_KEY" => {
                Some(Self::InvalidSignatureCountMismatchingKey)
            }
            "EMPTY_LIVE_HASH_BODY" => Some(Self::EmptyLiveHashBody),
            "EMPTY_LIVE_HASH" => Some(Self::EmptyLiveHash),
            "EMPTY_LIVE_HASH_KEYS" => Some(Self::EmptyLiveHashKeys),
            "INVALID_LIVE_HASH_SIZE" => Some(Self::InvalidLiveHashSize),
            "EMPTY_QUERY_BODY" => Some(Self::EmptyQueryBody),
            "EMPTY_LIVE_HASH_QUERY" => Some(Self::EmptyLiveHashQuery),
            "LIVE_HASH_NOT_FOUND" => Some(Self::LiveHashNotFound),
            "ACCOUNT_ID_DOES_NOT_EXIST" => Some(Self::AccountIdDoesNotExist),
            "LIVE_HASH_ALREADY_EXISTS" => Some(Self::LiveHashAlreadyExists),
            "INVALID_FILE_WACL" => Some(Self::InvalidFileWacl),
            "SERIALIZATION_FAILED" => Some(Self::SerializationFailed),
            "TRANSACTION_OVERSIZE" => Some(Self::TransactionOversize),
            "TRANSACTION_TOO_MANY_LAYERS" => Some(Self::TransactionTooManyLayers),
            "CONTRACT_DELETED" => Some(Self::ContractDeleted),
            "PLATFORM_NOT_ACTIVE" => Some(Self::PlatformNotActive),
            "KEY_PREFIX_MISMATCH" => Some(Self::KeyPrefixMismatch),
            "PLATFORM_TRANSACTION_NOT_CREATED" => Some(Self::PlatformTransactionNotCreated),
            "INVALID_RENEWAL_PERIOD" => Some(Self::InvalidRenewalPeriod),
            "INVALID_PAYER_ACCOUNT_ID" => Some(Self::InvalidPayerAccountId),
            "ACCOUNT_DELETED" => Some(Self::AccountDeleted),
            "FILE_DELETED" => Some(Self::FileDeleted),
            "ACCOUNT_REPEATED_IN_ACCOUNT_AMOUNTS" => Some(Self::AccountRepeatedInAccountAmounts),
            "SETTING_NEGATIVE_ACCOUNT_BALANCE" => Some(Self::SettingNegativeAccountBalance),
            "OBTAINER_REQUIRED" => Some(Self::ObtainerRequired),
            "OBTAINER_SAME_CONTRACT_ID" => Some(Self::ObtainerSameContractId),
            "OBTAINER_DOES_NOT_EXIST" => Some(Self::ObtainerDoesNotExist),
            "MODIFYING_IMMUTABLE_CONTRACT" => Some(Self::ModifyingImmutableContract),
            "FILE_SYSTEM_EXCEPTION" => Some(Self::FileSystemException),
            "AUTORENEW_DURATION_NOT_IN_RANGE" => Some(Self::AutorenewDurationNotInRange),
            "ERROR_DECODING_BYTESTRING" => Some(Self::ErrorDecodingBytestring),
            "CONTRACT_FILE_EMPTY" => Some(Self::ContractFileEmpty),
            "CONTRACT_BYTECODE_EMPTY" => Some(Self::ContractBytecodeEmpty),
            "INVALID_INITIAL_BALANCE" => Some(Self::InvalidInitialBalance),
            "INVALID_RECEIVE_RECORD_THRESHOLD" => Some(Self::InvalidReceiveRecordThreshold),
            "INVALID_SEND_RECORD_THRESHOLD" => Some(Self::InvalidSendRecordThreshold),
            "ACCOUNT_IS_NOT_GENESIS_ACCOUNT" => Some(Self::AccountIsNotGenesisAccount),
            "PAYER_ACCOUNT_UNAUTHORIZED" => Some(Self::PayerAccountUnauthorized),
            "INVALID_FREEZE_TRANSACTION_BODY" => Some(Self::InvalidFreezeTransactionBody),
            "FREEZE_TRANSACTION_BODY_NOT_FOUND" => Some(Self::FreezeTransactionBodyNotFound),
            "TRANSFER_LIST_SIZE_LIMIT_EXCEEDED" => Some(Self::TransferListSizeLimitExceeded),
            "RESULT_SIZE_LIMIT_EXCEEDED" => Some(Self::ResultSizeLimitExceeded),
            "NOT_SPECIAL_ACCOUNT" => Some(Self::NotSpecialAccount),
            "CONTRACT_NEGATIVE_GAS" => Some(Self::ContractNegativeGas),
            "CONTRACT_NEGATIVE_VALUE" => Some(Self::ContractNegativeValue),
            "INVALID_FEE_FILE" => Some(Self::InvalidFeeFile),
            "INVALID_EXCHANGE_RATE_FILE" => Some(Self::InvalidExchangeRateFile),
            "INSUFFICIENT_LOCAL_CALL_GAS" => Some(Self::InsufficientLocalCallGas),
            "ENTITY_NOT_ALLOWED_TO_DELETE" => Some(Self::EntityNotAllowedToDelete),
            "AUTHORIZATION_FAILED" => Some(Self::AuthorizationFailed),
            "FILE_UPLOADED_PROTO_INVALID" => Some(Self::FileUploadedProtoInvalid),
            "FILE_UPLOADED_PROTO_NOT_SAVED_TO_DISK" => Some(Self::FileUploadedProtoNotSavedToDisk),
            "FEE_SCHEDULE_FILE_PART_UPLOADED" => Some(Self::FeeScheduleFilePartUploaded),
            "EXCHANGE_RATE_CHANGE_LIMIT_EXCEEDED" => Some(Self::ExchangeRateChangeLimitExceeded),
            "MAX_CONTRACT_STORAGE_EXCEEDED" => Some(Self::MaxContractStorageExceeded),
            "TRANSFER_ACCOUNT_SAME_AS_DELETE_ACCOUNT" => {
                Some(Self::TransferAccountSameAsDeleteAccount)
            }
            "TOTAL_LEDGER_BALANCE_INVALID" => Some(Self::TotalLedgerBalanceInvalid),
            "EXPIRATION_REDUCTION_NOT_ALLOWED" => Some(Self::ExpirationReductionNotAllowed),
            "MAX_GAS_LIMIT_EXCEEDED" => Some(Self::MaxGasLimitExceeded),
            "MAX_FILE_SIZE_EXCEEDED" => Some(Self::MaxFileSizeExceeded),
            "RECEIVER_SIG_REQUIRED" => Some(Self::ReceiverSigRequired),
            "INVALID_TOPIC_ID" => Some(Self::InvalidTopicId),
            "INVALID_ADMIN_KEY" => Some(Self::InvalidAdminKey),
            "INVALID_SUBMIT_KEY" => Some(Self::InvalidSubmitKey),
            "UNAUTHORIZED" => Some(Self::Unauthorized),
            "INVALID_TOPIC_MESSAGE" => Some(Self::InvalidTopicMessage),
            "INVALID_AUTORENEW_ACCOUNT" => Some(Self::InvalidAutorenewAccount),
            "AUTORENEW_ACCOUNT_NOT_ALLOWED" => Some(Self::AutorenewAccountNotAllowed),
            "TOPIC_EXPIRED" => Some(Self::TopicExpired),
            "INVALID_CHUNK_NUMBER" => Some(Self::InvalidChunkNumber),
            "INVALID_CHUNK_TRANSACTION_ID" => Some(Self::InvalidChunkTransactionId),
            "ACCOUNT_FROZEN_FOR_TOKEN" => Some(Self::AccountFrozenForToken),
            "TOKENS_PER_ACCOUNT_LIMIT_EXCEEDED" => Some(Self::TokensPerAccountLimitExceeded),
            "INVALID_TOKEN_ID" => Some(Self::InvalidTokenId),
            "INVALID_TOKEN_DECIMALS" => Some(Self::InvalidTokenDecimals),
            "INVALID_TOKEN_INITIAL_SUPPLY" => Some(Self::InvalidTokenInitialSupply),
            "INVALID_TREASURY_ACCOUNT_FOR_TOKEN" => Some(Self::InvalidTreasuryAccountForToken),
            "INVALID_TOKEN_SYMBOL" => Some(Self::InvalidTokenSymbol),
            "TOKEN_HAS_NO_FREEZE_KEY" => Some(Self::TokenHasNoFreezeKey),
            "TRANSFERS_NOT_ZERO_SUM_FOR_TOKEN" => Some(Self::TransfersNotZeroSumForToken),
            "MISSING_TOKEN_SYMBOL" => Some(Self::MissingTokenSymbol),
            "TOKEN_SYMBOL_TOO_LONG" => Some(Self::TokenSymbolTooLong),
            "ACCOUNT_KYC_NOT_GRANTED_FOR_TOKEN" => Some(Self::AccountKycNotGrantedForToken),
            "TOKEN_HAS_NO_KYC_KEY" => Some(Self::TokenHasNoKycKey),
            "INSUFFICIENT_TOKEN_BALANCE" => Some(Self::InsufficientTokenBalance),
            "TOKEN_WAS_DELETED" => Some(Self::TokenWasDeleted),
            "TOKEN_HAS_NO_SUPPLY_KEY" => Some(Self::TokenHasNoSupplyKey),
            "TOKEN_HAS_NO_WIPE_KEY" => Some(Self::TokenHasNoWipeKey),
            "INVALID_TOKEN_MINT_AMOUNT" => Some(Self::InvalidTokenMintAmount),
            "INVALID_TOKEN_BURN_AMOUNT" => Some(Self::InvalidTokenBurnAmount),
            "TOKEN_NOT_ASSOCIATED_TO_ACCOUNT" => Some(Self::TokenNotAssociatedToAccount),
            "CANNOT_WIPE_TOKEN_TREASURY_ACCOUNT" => Some(Self::CannotWipeTokenTreasuryAccount),
            "INVALID_KYC_KEY" => Some(Self::InvalidKycKey),
            "INVALID_WIPE_KEY" => Some(Self::InvalidWipeKey),
            "INVALID_FREEZE_KEY" => Some(Self::InvalidFreezeKey),
            "INVALID_SUPPLY_KEY" => Some(Self::InvalidSupplyKey),
            "MISSING_TOKEN_NAME" => Some(Self::MissingTokenName),
            "TOKEN_NAME_TOO_LONG" => Some(Self::TokenNameTooLong),
            "INVALID_WIPING_AMOUNT" => Some(Self::InvalidWipingAmount),
            "TOKEN_IS_IMMUTABLE" => Some(Self::TokenIsImmutable),
            "TOKEN_ALREADY_ASSOCIATED_TO_ACCOUNT" => Some(Self::TokenAlreadyAssociatedToAccount),
            "TRANSACTION_REQUIRES_ZERO_TOKEN_BALANCES" => {
                Some(Self::TransactionRequiresZeroTokenBalances)
            }
            "ACCOUNT_IS_TREASURY" => Some(Self::AccountIsTreasury),
            "TOKEN_ID_REPEATED_IN_TOKEN_LIST" => Some(Self::TokenIdRepeatedInTokenList),
            "TOKEN_TRANSFER_LIST_SIZE_LIMIT_EXCEEDED" => {
                Some(Self::TokenTransferListSizeLimitExceeded)
            }
            "EMPTY_TOKEN_TRANSFER_BODY" => Some(Self::EmptyTokenTransferBody),
            "EMPTY_TOKEN_TRANSFER_ACCOUNT_AMOUNTS" => Some(Self::EmptyTokenTransferAccountAmounts),
            "INVALID_SCHEDULE_ID" => Some(Self::InvalidScheduleId),
            "SCHEDULE_IS_IMMUTABLE" => Some(Self::ScheduleIsImmutable),
            "INVALID_SCHEDULE_PAYER_ID" => Some(Self::InvalidSchedulePayerId),
            "INVALID_SCHEDULE_ACCOUNT_ID" => Some(Self::InvalidScheduleAccountId),
            "NO_NEW_VALID_SIGNATURES" => Some(Self::NoNewValidSignatures),
            "UNRESOLVABLE_REQUIRED_SIGNERS" => Some(Self::UnresolvableRequiredSigners),
            "SCHEDULED_TRANSACTION_NOT_IN_WHITELIST" => {
                Some(Self::ScheduledTransactionNotInWhitelist)
            }
            "SOME_SIGNATURES_WERE_INVALID" => Some(Self::SomeSignaturesWereInvalid),
            "TRANSACTION_ID_FIELD_NOT_ALLOWED" => Some(Self::TransactionIdFieldNotAllowed),
            "IDENTICAL_SCHEDULE_ALREADY_CREATED" => Some(Self::IdenticalScheduleAlreadyCreated),
            "INVALID_ZERO_BYTE_IN_STRING" => Some(Self::InvalidZeroByteInString),
            "SCHEDULE_ALREADY_DELETED" => Some(Self::ScheduleAlreadyDeleted),
            "SCHEDULE_ALREADY_EXECUTED" => Some(Self::ScheduleAlreadyExecuted),
            "MESSAGE_SIZE_TOO_LARGE" => Some(Self::MessageSizeTooLarge),
            "OPERATION_REPEATED_IN_BUCKET_GROUPS" => Some(Self::OperationRepeatedInBucketGroups),
            "BUCKET_CAPACITY_OVERFLOW" => Some(Self::BucketCapacityOverflow),
            "NODE_CAPACITY_NOT_SUFFICIENT_FOR_OPERATION" => {
                Some(Self::NodeCapacityNotSufficientForOperation)
            }
            "BUCKET_HAS_NO_THROTTLE_GROUPS" => Some(Self::BucketHasNoThrottleGroups),
            "THROTTLE_GROUP_HAS_ZERO_OPS_PER_SEC" => Some(Self::ThrottleGroupHasZeroOpsPerSec),
            "SUCCESS_BUT_MISSING_EXPECTED_OPERATION" => {
                Some(Self::SuccessButMissingExpectedOperation)
            }
            "UNPARSEABLE_THROTTLE_DEFINITIONS" => Some(Self::UnparseableThrottleDefinitions),
            "INVALID_THROTTLE_DEFINITIONS" => Some(Self::InvalidThrottleDefinitions),
            "ACCOUNT_EXPIRED_AND_PENDING_REMOVAL" => Some(Self::AccountExpiredAndPendingRemoval),
            "INVALID_TOKEN_MAX_SUPPLY" => Some(Self::InvalidTokenMaxSupply),
            "INVALID_TOKEN_NFT_SERIAL_NUMBER" => Some(Self::InvalidTokenNftSerialNumber),
            "INVALID_NFT_ID" => Some(Self::InvalidNftId),
            "METADATA_TOO_LONG" => Some(Self::MetadataTooLong),
            "BATCH_SIZE_LIMIT_EXCEEDED" => Some(Self::BatchSizeLimitExceeded),
            "INVALID_QUERY_RANGE" => Some(Self::InvalidQueryRange),
            "FRACTION_DIVIDES_BY_ZERO" => Some(Self::FractionDividesByZero),
            "INSUFFICIENT_PAYER_BALANCE_FOR_CUSTOM_FEE" => {
                Some(Self::InsufficientPayerBalanceForCustomFee)
            }
            "CUSTOM_FEES_LIST_TOO_LONG" => Some(Self::CustomFeesListTooLong),
            "INVALID_CUSTOM_FEE_COLLECTOR" => Some(Self::InvalidCustomFeeCollector),
            "INVALID_TOKEN_ID_IN_CUSTOM_FEES" => Some(Self::InvalidTokenIdInCustomFees),
            "TOKEN_NOT_ASSOCIATED_TO_FEE_COLLECTOR" => Some(Self::TokenNotAssociatedToFeeCollector),
            "TOKEN_MAX_SUPPLY_REACHED" => Some(Self::TokenMaxSupplyReached),
            "SENDER_DOES_NOT_OWN_NFT_SERIAL_NO" => Some(Self::SenderDoesNotOwnNftSerialNo),
            "CUSTOM_FEE_NOT_FULLY_SPECIFIED" => Some(Self::CustomFeeNotFullySpecified),
            "CUSTOM_FEE_MUST_BE_POSITIVE" => Some(Self::CustomFeeMustBePositive),
            "TOKEN_HAS_NO_FEE_SCHEDULE_KEY" => Some(Self::TokenHasNoFeeScheduleKey),
            "CUSTOM_FEE_OUTSIDE_NUMERIC_RANGE" => Some(Self::CustomFeeOutsideNumericRange),
            "ROYALTY_FRACTION_CANNOT_EXCEED_ONE" => Some(Self::RoyaltyFractionCannotExceedOne),
            "FRACTIONAL_FEE_MAX_AMOUNT_LESS_THAN_MIN_AMOUNT" => {
                Some(Self::FractionalFeeMaxAmountLessThanMinAmount)
            }
            "CUSTOM_SCHEDULE_ALREADY_HAS_NO_FEES" => Some(Self::CustomScheduleAlreadyHasNoFees),
            "CUSTOM_FEE_DENOMINATION_MUST_BE_FUNGIBLE_COMMON" => {
                Some(Self::CustomFeeDenominationMustBeFungibleCommon)
            }
            "CUSTOM_FRACTIONAL_FEE_ONLY_ALLOWED_FOR_FUNGIBLE_COMMON" => {
                Some(Self::CustomFractionalFeeOnlyAllowedForFungibleCommon)
            }
            "INVALID_CUSTOM_FEE_SCHEDULE_KEY" => Some(Self::InvalidCustomFeeScheduleKey),
            "INVALID_TOKEN_MINT_METADATA" => Some(Self::InvalidTokenMintMetadata),
            "INVALID_TOKEN_BURN_METADATA" => Some(Self::InvalidTokenBurnMetadata),
            "CURRENT_TREASURY_STILL_OWNS_NFTS" => Some(Self::CurrentTreasuryStillOwnsNfts),
            "ACCOUNT_STILL_OWNS_NFTS" => Some(Self::AccountStillOwnsNfts),
            "TREASURY_MUST_OWN_BURNED_NFT" => Some(Self::TreasuryMustOwnBurnedNft),
            "ACCOUNT_DOES_NOT_OWN_WIPED_NFT" => Some(Self::AccountDoesNotOwnWipedNft),
            "ACCOUNT_AMOUNT_TRANSFERS_ONLY_ALLOWED_FOR_FUNGIBLE_COMMON" => {
                Some(Self::AccountAmountTransfersOnlyAllowedForFungibleCommon)
            }
            "MAX_NFTS_IN_PRICE_REGIME_HAVE_BEEN_MINTED" => {
                Some(Self::MaxNftsInPriceRegimeHaveBeenMinted)
            }
            "PAYER_ACCOUNT_DELETED" => Some(Self::PayerAccountDeleted),
            "CUSTOM_FEE_CHARGING_EXCEEDED_MAX_RECURSION_DEPTH" => {
                Some(Self::CustomFeeChargingExceededMaxRecursionDepth)
            }
            "CUSTOM_FEE_CHARGING_EXCEEDED_MAX_ACCOUNT_AMOUNTS" => {
                Some(Self::CustomFeeChargingExceededMaxAccountAmounts)
            }
            "INSUFFICIENT_SENDER_ACCOUNT_BALANCE_FOR_CUSTOM_FEE" => {
                Some(Self::InsufficientSenderAccountBalanceForCustomFee)
            }
            "SERIAL_NUMBER_LIMIT_REACHED" => Some(Self::SerialNumberLimitReached),
            "CUSTOM_ROYALTY_FEE_ONLY_ALLOWED_FOR_NON_FUNGIBLE_UNIQUE" => {
                Some(Self::CustomRoyaltyFeeOnlyAllowedForNonFungibleUnique)
            }
            "NO_REMAINING_AUTOMATIC_ASSOCIATIONS" => Some(Self::NoRemainingAutomaticAssociations),
            "EXISTING_AUTOMATIC_ASSOCIATIONS_EXCEED_GIVEN_LIMIT" => {
                Some(Self::ExistingAutomaticAssociationsExceedGivenLimit)
            }
            "REQUESTED_NUM_AUTOMATIC_ASSOCIATIONS_EXCEEDS_ASSOCIATION_LIMIT" => {
                Some(Self::RequestedNumAutomaticAssociationsExceedsAssociationLimit)
            }
            "TOKEN_IS_PAUSED" => Some(Self::TokenIsPaused),
            "TOKEN_HAS_NO_PAUSE_KEY" => Some(Self::TokenHasNoPauseKey),
            "INVALID_PAUSE_KEY" => Some(Self::InvalidPauseKey),
            "FREEZE_UPDATE_FILE_DOES_NOT_EXIST" => Some(Self::FreezeUpdateFileDoesNotExist),
            "FREEZE_UPDATE_FILE_HASH_DOES_NOT_MATCH" => {
                Some(Self::FreezeUpdateFileHashDoesNotMatch)
            }
            "NO_UPGRADE_HAS_BEEN_PREPARED" => Some(Self::NoUpgradeHasBeenPrepared),
            "NO_FREEZE_IS_SCHEDULED" => Some(Self::NoFreezeIsScheduled),
            "UPDATE_FILE_HASH_CHANGED_SINCE_PREPARE_UPGRADE" => {
                Some(Self::UpdateFileHashChangedSincePrepareUpgrade)
            }
            "FREEZE_START_TIME_MUST_BE_FUTURE" => Some(Self::FreezeStartTimeMustBeFuture),
            "PREPARED_UPDATE_FILE_IS_IMMUTABLE" => Some(Self::PreparedUpdateFileIsImmutable),
            "FREEZE_ALREADY_SCHEDULED" => Some(Self::FreezeAlreadyScheduled),
            "FREEZE_UPGRADE_IN_PROGRESS" => Some(Self::FreezeUpgradeInProgress),
            "UPDATE_FILE_ID_DOES_NOT_MATCH_PREPARED" => {
                Some(Self::UpdateFileIdDoesNotMatchPrepared)
            }
            "UPDATE_FILE_HASH_DOES_NOT_MATCH_PREPARED" => {
                Some(Self::UpdateFileHashDoesNotMatchPrepared)
            }
            "CONSENSUS_GAS_EXHAUSTED" => Some(Self::ConsensusGasExhausted),
            "REVERTED_SUCCESS" => Some(Self::RevertedSuccess),
            "MAX_STORAGE_IN_PRICE_REGIME_HAS_BEEN_USED" => {
                Some(Self::MaxStorageInPriceRegimeHasBeenUsed)
            }
            "INVALID_ALIAS_KEY" => Some(Self::InvalidAliasKey),
            "UNEXPECTED_TOKEN_DECIMALS" => Some(Self::UnexpectedTokenDecimals),
            "INVALID_PROXY_ACCOUNT_ID" => Some(Self::InvalidProxyAccountId),
            "INVALID_TRANSFER_ACCOUNT_ID" => Some(Self::InvalidTransferAccountId),
            "INVALID_FEE_COLLECTOR_ACCOUNT_ID" => Some(Self::InvalidFeeCollectorAccountId),
            "ALIAS_IS_IMMUTABLE" => Some(Self::AliasIsImmutable),
            "SPENDER_ACCOUNT_SAME_AS_OWNER" => Some(Self::SpenderAccountSameAsOwner),
            "AMOUNT_EXCEEDS_TOKEN_MAX_SUPPLY" => Some(Self::AmountExceedsTokenMaxSupply),
            "NEGATIVE_ALLOWANCE_AMOUNT" => Some(Self::NegativeAllowanceAmount),
            "CANNOT_APPROVE_FOR_ALL_FUNGIBLE_COMMON" => {
                Some(Self::CannotApproveForAllFungibleCommon)
            }
            "SPENDER_DOES_NOT_HAVE_ALLOWANCE" => Some(Self::SpenderDoesNotHaveAllowance),
            "AMOUNT_EXCEEDS_ALLOWANCE" => Some(Self::AmountExceedsAllowance),
            "MAX_ALLOWANCES_EXCEEDED" => Some(Self::MaxAllowancesExceeded),
            "EMPTY_ALLOWANCES" => Some(Self::EmptyAllowances),
            "SPENDER_ACCOUNT_REPEATED_IN_ALLOWANCES" => {
                Some(Self::SpenderAccountRepeatedInAllowances)
            }
            "REPEATED_SERIAL_NUMS_IN_NFT_ALLOWANCES" => {
                Some(Self::RepeatedSerialNumsInNftAllowances)
            }
            "FUNGIBLE_TOKEN_IN_NFT_ALLOWANCES" => Some(Self::FungibleTokenInNftAllowances),
            "NFT_IN_FUNGIBLE_TOKEN_ALLOWANCES" => Some(Self::NftInFungibleTokenAllowances),
            "INVALID_ALLOWANCE_OWNER_ID" => Some(Self::InvalidAllowanceOwnerId),
            "INVALID_ALLOWANCE_SPENDER_ID" => Some(Self::InvalidAllowanceSpenderId),
            "REPEATED_ALLOWANCES_TO_DELETE" => Some(Self::RepeatedAllowancesToDelete),
            "INVALID_DELEGATING_SPENDER" => Some(Self::InvalidDelegatingSpender),
            "DELEGATING_SPENDER_CANNOT_GRANT_APPROVE_FOR_ALL" => {
                Some(Self::DelegatingSpenderCannotGrantApproveForAll)
            }
            "DELEGATING_SPENDER_DOES_NOT_HAVE_APPROVE_FOR_ALL" => {
                Some(Self::DelegatingSpenderDoesNotHaveApproveForAll)
            }
            "SCHEDULE_EXPIRATION_TIME_TOO_FAR_IN_FUTURE" => {
                Some(Self::ScheduleExpirationTimeTooFarInFuture)
            }
            "SCHEDULE_EXPIRATION_TIME_MUST_BE_HIGHER_THAN_CONSENSUS_TIME" => {
                Some(Self::ScheduleExpirationTimeMustBeHigherThanConsensusTime)
            }
            "SCHEDULE_FUTURE_THROTTLE_EXCEEDED" => Some(Self::ScheduleFutureThrottleExceeded),
            "SCHEDULE_FUTURE_GAS_LIMIT_EXCEEDED" => Some(Self::ScheduleFutureGasLimitExceeded),
            "INVALID_ETHEREUM_TRANSACTION" => Some(Self::InvalidEthereumTransaction),
            "WRONG_CHAIN_ID" => Some(Self::WrongChainId),
            "WRONG_NONCE" => Some(Self::WrongNonce),
            "ACCESS_LIST_UNSUPPORTED" => Some(Self::AccessListUnsupported),
            "SCHEDULE_PENDING_EXPIRATION" => Some(Self::SchedulePendingExpiration),
            "CONTRACT_IS_TOKEN_TREASURY" => Some(Self::ContractIsTokenTreasury),
            "CONTRACT_HAS_NON_ZERO_TOKEN_BALANCES" => Some(Self::ContractHasNonZeroTokenBalances),
            "CONTRACT_EXPIRED_AND_PENDING_REMOVAL" => Some(Self::ContractExpiredAndPendingRemoval),
            "CONTRACT_HAS_NO_AUTO_RENEW_ACCOUNT" => Some(Self::ContractHasNoAutoRenewAccount),
            "PERMANENT_REMOVAL_REQUIRES_SYSTEM_INITIATION" => {
                Some(Self::PermanentRemovalRequiresSystemInitiation)
            }
            "PROXY_ACCOUNT_ID_FIELD_IS_DEPRECATED" => Some(Self::ProxyAccountIdFieldIsDeprecated),
            "SELF_STAKING_IS_NOT_ALLOWED" => Some(Self::SelfStakingIsNotAllowed),
            "INVALID_STAKING_ID" => Some(Self::InvalidStakingId),
            "STAKING_NOT_ENABLED" => Some(Self::StakingNotEnabled),
            "INVALID_PRNG_RANGE" => Some(Self::InvalidPrngRange),
            "MAX_ENTITIES_IN_PRICE_REGIME_HAVE_BEEN_CREATED" => {
                Some(Self::MaxEntitiesInPriceRegimeHaveBeenCreated)
            }
            "INVALID_FULL_PREFIX_SIGNATURE_FOR_PRECOMPILE" => {
                Some(Self::InvalidFullPrefixSignatureForPrecompile)
            }
            "INSUFFICIENT_BALANCES_FOR_STORAGE_RENT" => {
                Some(Self::InsufficientBalancesForStorageRent)
            }
            "MAX_CHILD_RECORDS_EXCEEDED" => Some(Self::MaxChildRecordsExceeded),
            "INSUFFICIENT_BALANCES_FOR_RENEWAL_FEES" => {
                Some(Self::InsufficientBalancesForRenewalFees)
            }
            "TRANSACTION_HAS_UNKNOWN_FIELDS" => Some(Self::TransactionHasUnknownFields),
            "ACCOUNT_IS_IMMUTABLE" => Some(Self::AccountIsImmutable),
            "ALIAS_ALREADY_ASSIGNED" => Some(Self::AliasAlreadyAssigned),
            "INVALID_METADATA_KEY" => Some(Self::InvalidMetadataKey),
            "TOKEN_HAS_NO_METADATA_KEY" => Some(Self::TokenHasNoMetadataKey),
            "MISSING_TOKEN_METADATA" => Some(Self::MissingTokenMetadata),
            "MISSING_SERIAL_NUMBERS" => Some(Self::MissingSerialNumbers),
            "TOKEN_HAS_NO_ADMIN_KEY" => Some(Self::TokenHasNoAdminKey),
            "NODE_DELETED" => Some(Self::NodeDeleted),
            "INVALID_NODE_ID" => Some(Self::InvalidNodeId),
            "INVALID_GOSSIP_ENDPOINT" => Some(Self::InvalidGossipEndpoint),
            "INVALID_NODE_ACCOUNT_ID" => Some(Self::InvalidNodeAccountId),
            "INVALID_NODE_DESCRIPTION" => Some(Self::InvalidNodeDescription),
            "INVALID_SERVICE_ENDPOINT" => Some(Self::InvalidServiceEndpoint),
            "INVALID_GOSSIP_CA_CERTIFICATE" => Some(Self::InvalidGossipCaCertificate),
            "INVALID_GRPC_CERTIFICATE" => Some(Self::InvalidGrpcCertificate),
            "INVALID_MAX_AUTO_ASSOCIATIONS" => Some(Self::InvalidMaxAutoAssociations),
            "MAX_NODES_CREATED" => Some(Self::MaxNodesCreated),
            "IP_FQDN_CANNOT_BE_SET_FOR_SAME_ENDPOINT" => {
                Some(Self::IpFqdnCannotBeSetForSameEndpoint)
            }
            "GOSSIP_ENDPOINT_CANNOT_HAVE_FQDN" => Some(Self::GossipEndpointCannotHaveFqdn),
            "FQDN_SIZE_TOO_LARGE" => Some(Self::FqdnSizeTooLarge),
            "INVALID_ENDPOINT" => Some(Self::InvalidEndpoint),
            "GOSSIP_ENDPOINTS_EXCEEDED_LIMIT" => Some(Self::GossipEndpointsExceededLimit),
            "TOKEN_REFERENCE_REPEATED" => Some(Self::TokenReferenceRepeated),
            "INVALID_OWNER_ID" => Some(Self::InvalidOwnerId),
            "TOKEN_REFERENCE_LIST_SIZE_LIMIT_EXCEEDED" => {
                Some(Self::TokenReferenceListSizeLimitExceeded)
            }
            "SERVICE_ENDPOINTS_EXCEEDED_LIMIT" => Some(Self::ServiceEndpointsExceededLimit),
            "INVALID_IPV4_ADDRESS" => Some(Self::InvalidIpv4Address),
            "EMPTY_TOKEN_REFERENCE_LIST" => Some(Self::EmptyTokenReferenceList),
            "UPDATE_NODE_ACCOUNT_NOT_ALLOWED" => Some(Self::UpdateNodeAccountNotAllowed),
            "TOKEN_HAS_NO_METADATA_OR_SUPPLY_KEY" => Some(Self::TokenHasNoMetadataOrSupplyKey),
            "EMPTY_PENDING_AIRDROP_ID_LIST" => Some(Self::EmptyPendingAirdropIdList),
            "PENDING_AIRDROP_ID_REPEATED" => Some(Self::PendingAirdropIdRepeated),
            "PENDING_AIRDROP_ID_LIST_TOO_LONG" => Some(Self::PendingAirdropIdListTooLong),
            "PENDING_NFT_AIRDROP_ALREADY_EXISTS" => Some(Self::PendingNftAirdropAlreadyExists),
            "ACCOUNT_HAS_PENDING_AIRDROPS" => Some(Self::AccountHasPendingAirdrops),
            "THROTTLED_AT_CONSENSUS" => Some(Self::ThrottledAtConsensus),
            "INVALID_PENDING_AIRDROP_ID" => Some(Self::InvalidPendingAirdropId),
            "TOKEN_AIRDROP_WITH_FALLBACK_ROYALTY" => Some(Self::TokenAirdropWithFallbackRoyalty),
            "INVALID_TOKEN_IN_PENDING_AIRDROP" => Some(Self::InvalidTokenInPendingAirdrop),
            "SCHEDULE_EXPIRY_IS_BUSY" => Some(Self::ScheduleExpiryIsBusy),
            "INVALID_GRPC_CERTIFICATE_HASH" => Some(Self::InvalidGrpcCertificateHash),
            "MISSING_EXPIRY_TIME" => Some(Self::MissingExpiryTime),
            "NO_SCHEDULING_ALLOWED_AFTER_SCHEDULED_RECURSION" => {
                Some(Self::NoSchedulingAllowedAfterScheduledRecursion)
            }
            "RECURSIVE_SCHEDULING_LIMIT_REACHED" => Some(Self::RecursiveSchedulingLimitReached),
            "WAITING_FOR_LEDGER_ID" => Some(Self::WaitingForLedgerId),
            "MAX_ENTRIES_FOR_FEE_EXEMPT_KEY_LIST_EXCEEDED" => {
                Some(Self::MaxEntriesForFeeExemptKeyListExceeded)
            }
            "FEE_EXEMPT_KEY_LIST_CONTAINS_DUPLICATED_KEYS" => {
                Some(Self::FeeExemptKeyListContainsDuplicatedKeys)
            }
            "INVALID_KEY_IN_FEE_EXEMPT_KEY_LIST" => Some(Self::InvalidKeyInFeeExemptKeyList),
            "INVALID_FEE_SCHEDULE_KEY" => Some(Self::InvalidFeeScheduleKey),
            "FEE_SCHEDULE_KEY_CANNOT_BE_UPDATED" => Some(Self::FeeScheduleKeyCannotBeUpdated),
            "FEE_SCHEDULE_KEY_NOT_SET" => Some(Self::FeeScheduleKeyNotSet),
            "MAX_CUSTOM_FEE_LIMIT_EXCEEDED" => Some(Self::MaxCustomFeeLimitExceeded),
            "NO_VALID_MAX_CUSTOM_FEE" => Some(Self::NoValidMaxCustomFee),
            "INVALID_MAX_CUSTOM_FEES" => Some(Self::InvalidMaxCustomFees),
            "DUPLICATE_DENOMINATION_IN_MAX_CUSTOM_FEE_LIST" => {
                Some(Self::DuplicateDenominationInMaxCustomFeeList)
            }
            "DUPLICATE_ACCOUNT_ID_IN_MAX_CUSTOM_FEE_LIST" => {
                Some(Self::DuplicateAccountIdInMaxCustomFeeList)
            }
            "MAX_CUSTOM_FEES_IS_NOT_SUPPORTED" => Some(Self::MaxCustomFeesIsNotSupported),
            "BATCH_LIST_EMPTY" => Some(Self::BatchListEmpty),
            "BATCH_LIST_CONTAINS_DUPLICATES" => Some(Self::BatchListContainsDuplicates),
            "BATCH_TRANSACTION_IN_BLACKLIST" => Some(Self::BatchTransactionInBlacklist),
            "INNER_TRANSACTION_FAILED" => Some(Self::InnerTransactionFailed),
            "MISSING_BATCH_KEY" => Some(Self::MissingBatchKey),
            "BATCH_KEY_SET_ON_NON_INNER_TRANSACTION" => {
                Some(Self::BatchKeySetOnNonInnerTransaction)
            }
            "INVALID_BATCH_KEY" => Some(Self::InvalidBatchKey),
            "SCHEDULE_EXPIRY_NOT_CONFIGURABLE" => Some(Self::ScheduleExpiryNotConfigurable),
            "CREATING_SYSTEM_ENTITIES" => Some(Self::CreatingSystemEntities),
            "THROTTLE_GROUP_LCM_OVERFLOW" => Some(Self::ThrottleGroupLcmOverflow),
            "AIRDROP_CONTAINS_MULTIPLE_SENDERS_FOR_A_TOKEN" => {
                Some(Self::AirdropContainsMultipleSendersForAToken)
            }
            "GRPC_WEB_PROXY_NOT_SUPPORTED" => Some(Self::GrpcWebProxyNotSupported),
            "NFT_TRANSFERS_ONLY_ALLOWED_FOR_NON_FUNGIBLE_UNIQUE" => {
                Some(Self::NftTransfersOnlyAllowedForNonFungibleUnique)
            }
            "INVALID_SERIALIZED_TX_MESSAGE_HASH_ALGORITHM" => {
                Some(Self::InvalidSerializedTxMessageHashAlgorithm)
            }
            "WRONG_HOOK_ENTITY_TYPE" => Some(Self::WrongHookEntityType),
            "EVM_HOOK_GAS_THROTTLED" => Some(Self::EvmHookGasThrottled),
            "HOOK_ID_IN_USE" => Some(Self::HookIdInUse),
            "BAD_HOOK_REQUEST" => Some(Self::BadHookRequest),
            "REJECTED_BY_ACCOUNT_ALLOWANCE_HOOK" => Some(Self::RejectedByAccountAllowanceHook),
            "HOOK_NOT_FOUND" => Some(Self::HookNotFound),
            "LAMBDA_STORAGE_UPDATE_BYTES_TOO_LONG" => Some(Self::LambdaStorageUpdateBytesTooLong),
            "LAMBDA_STORAGE_UPDATE_BYTES_MUST_USE_MINIMAL_REPRESENTATION" => {
                Some(Self::LambdaStorageUpdateBytesMustUseMinimalRepresentation)
            }
            "INVALID_HOOK_ID" => Some(Self::InvalidHookId),
            "EMPTY_LAMBDA_STORAGE_UPDATE" => Some(Self::EmptyLambdaStorageUpdate),
            "HOOK_ID_REPEATED_IN_CREATION_DETAILS" => Some(Self::HookIdRepeatedInCreationDetails),
            "HOOKS_NOT_ENABLED" => Some(Self::HooksNotEnabled),
            "HOOK_IS_NOT_A_LAMBDA" => Some(Self::HookIsNotALambda),
            "HOOK_DELETED" => Some(Self::HookDeleted),
            "TOO_MANY_LAMBDA_STORAGE_UPDATES" => Some(Self::TooManyLambdaStorageUpdates),
            "HOOK_CREATION_BYTES_MUST_USE_MINIMAL_REPRESENTATION" => {
                Some(Self::HookCreationBytesMustUseMinimalRepresentation)
            }
            "HOOK_CREATION_BYTES_TOO_LONG" => Some(Self::HookCreationBytesTooLong),
            "INVALID_HOOK_CREATION_SPEC" => Some(Self::InvalidHookCreationSpec),
            "HOOK_EXTENSION_EMPTY" => Some(Self::HookExtensionEmpty),
            "INVALID_HOOK_ADMIN_KEY" => Some(Self::InvalidHookAdminKey),
            "HOOK_DELETION_REQUIRES_ZERO_STORAGE_SLOTS" => {
                Some(Self::HookDeletionRequiresZeroStorageSlots)
            }
            "CANNOT_SET_HOOKS_AND_APPROVAL" => Some(Self::CannotSetHooksAndApproval),
            "TRANSACTION_REQUIRES_ZERO_HOOKS" => Some(Self::TransactionRequiresZeroHooks),
            "INVALID_HOOK_CALL" => Some(Self::InvalidHookCall),
            "HOOKS_ARE_NOT_SUPPORTED_IN_AIRDROPS" => Some(Self::HooksAreNotSupportedInAirdrops),
            "ACCOUNT_IS_LINKED_TO_A_NODE" => Some(Self::AccountIsLinkedToANode),
            "HOOKS_EXECUTIONS_REQUIRE_TOP_LEVEL_CRYPTO_TRANSFER" => {
                Some(Self::HooksExecutionsRequireTopLevelCryptoTransfer)
            }
            "NODE_ACCOUNT_HAS_ZERO_BALANCE" => Some(Self::NodeAccountHasZeroBalance),
            _ => None,
        }
    }
}

/// How many codes the table holds (checked against hedera-proto in tests).
pub const RESPONSE_CODE_COUNT: usize = 388;
