// The minimal app of `cargo xtask bench bundle` / `browser`, with pkg/: build, freeze, sign
// (ED25519) and serialize one TokenMint. Records when the first one was signed. Bundled twice:
// "@loyal/hedera" aliased to pkg/sign.js (the signing build, what this app needs) and to
// pkg/index.js (the whole library).
import { PrivateKey, TokenMintTransaction } from "@loyal/hedera";

const key = PrivateKey.fromStringEd25519("07".repeat(32));
const bytes = new TokenMintTransaction()
  .setTokenId("0.0.5005")
  .setMetadata(["ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"])
  .setTransactionId("0.0.1001@1700000000.000000000")
  .setNodeAccountIds(["0.0.3"])
  .setMaxTransactionFee(2000000000n)
  .freeze()
  .sign(key)
  .toBytes();
globalThis.firstSigned = { ms: performance.now(), bytes: bytes.length };
