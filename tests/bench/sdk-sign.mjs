// The anchor: the same TokenMint built, frozen, signed (ED25519) and serialized by the
// official JS SDK. Bundled for the browser by esbuild in `cargo xtask bench sign`.
import { AccountId, Hbar, PrivateKey, Timestamp, TokenId, TokenMintTransaction, TransactionId } from "@hashgraph/sdk";

const key = PrivateKey.fromBytesED25519(new Uint8Array(32).fill(7));
const metadata = new TextEncoder().encode("ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy");

export async function sdkSignMints(n) {
  let total = 0;
  for (let i = 0; i < n; i++) {
    const tx = new TokenMintTransaction()
      .setTokenId(TokenId.fromString("0.0.5005"))
      .setMetadata([metadata])
      .setTransactionId(TransactionId.withValidStart(AccountId.fromString("0.0.1001"), new Timestamp(1700000000, i)))
      .setNodeAccountIds([AccountId.fromString("0.0.3")])
      .setMaxTransactionFee(new Hbar(20))
      .freeze();
    await tx.sign(key);
    total += tx.toBytes().length;
  }
  return total;
}
