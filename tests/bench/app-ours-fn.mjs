// The minimal app with pkg/'s functions over bytes instead of its classes: freeze one TokenMint
// to bytes, sign them, done (the same bytes as app-ours.mjs). Bundled with the signing build.
import { freezeTokenMint, signTransaction } from "@loyal/hedera";

const bytes = signTransaction(
  "07".repeat(32),
  freezeTokenMint({
    tokenId: "0.0.5005",
    metadata: ["ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"],
    transactionId: "0.0.1001@1700000000.000000000",
    nodeAccountIds: ["0.0.3"],
    maxTransactionFee: 2000000000n,
  }),
);
globalThis.firstSigned = { ms: performance.now(), bytes: bytes.length };
