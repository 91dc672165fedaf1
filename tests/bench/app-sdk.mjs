// The same minimal app with the official JS SDK (the anchor of `cargo xtask bench bundle`).
import { AccountId, Hbar, PrivateKey, Timestamp, TokenId, TokenMintTransaction, TransactionId } from "@hashgraph/sdk";

const key = PrivateKey.fromBytesED25519(new Uint8Array(32).fill(7));
const tx = new TokenMintTransaction()
  .setTokenId(TokenId.fromString("0.0.5005"))
  .setMetadata([new TextEncoder().encode("ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy")])
  .setTransactionId(TransactionId.withValidStart(AccountId.fromString("0.0.1001"), new Timestamp(1700000000, 0)))
  .setNodeAccountIds([AccountId.fromString("0.0.3")])
  .setMaxTransactionFee(new Hbar(20))
  .freeze();
await tx.sign(key);
globalThis.firstSigned = { ms: performance.now(), bytes: tx.toBytes().length };
