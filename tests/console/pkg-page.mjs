// pkg/ in a plain page, unbundled: `<script type="module">` imports index.js straight from
// the package directory, then mints on the live devnet (default ports) from the browser. A
// second page imports the signing build (sign.js) and signs a transfer as Alice; Node submits
// those bytes with the whole library (a page signs, a backend sends) and the devnet accepts
// them; the same page also signs a second transfer with the functions over bytes
// (freezeTransfer, signTransaction), which the devnet accepts too. Usage: node pkg-page.mjs PKG_DIR
import { chromium } from "playwright-core";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, serve } from "../lib/web.mjs";

const [pkgDir] = process.argv.slice(2);
const page = `<!doctype html><meta charset="utf-8"><title>pkg in a page</title>
<script type="module">
  import { Client, PrivateKey, TokenCreateTransaction, TokenMintTransaction, encodeMetadata } from "/pkg/index.js";
  try {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode("loyal-devnet/BestProducer")));
    const key = PrivateKey.fromStringEd25519([...digest].map((b) => b.toString(16).padStart(2, "0")).join(""));
    const client = Client.forName("devnet");
    client.setOperator("0.0.1001", key);
    const { tokenId } = await new TokenCreateTransaction().setTokenName("In a page").setTokenSymbol("PAGE")
      .setTokenType("NON_FUNGIBLE_UNIQUE").setTreasuryAccountId("0.0.1001").setSupplyKey(key.publicKey).execute(client);
    const cid = await client.ipfsAdd(encodeMetadata({ name: "page", image: "ipfs://x", type: "image/png" }));
    const { serials, totalSupply } = await new TokenMintTransaction().setTokenId(tokenId).setMetadata([\`ipfs://\${cid}\`]).execute(client);
    let code = null;
    try { PrivateKey.fromString("nope"); } catch (e) { code = e instanceof Error ? e.code : "not an Error"; }
    window.result = { tokenId, serials, supplyIsBigint: typeof totalSupply === "bigint", code };
  } catch (e) {
    window.result = { error: \`\${e.code}: \${e.message}\` };
  }
</script>`;
const signPage = `<!doctype html><meta charset="utf-8"><title>pkg/sign in a page</title>
<script type="module">
  import { PrivateKey, TransactionId, TransferTransaction, freezeTransfer, signTransaction } from "/pkg/sign.js";
  try {
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode("loyal-devnet/Alice")));
    const alice = PrivateKey.fromStringEd25519([...digest].map((b) => b.toString(16).padStart(2, "0")).join(""));
    const tx = new TransferTransaction().addHbarTransfer("0.0.1005", -7n).addHbarTransfer("0.0.1006", 7n)
      .setTransactionId(TransactionId.generate("0.0.1005").toString()).setNodeAccountIds(["0.0.3"])
      .freeze().sign(alice);
    let code = null;
    try { PrivateKey.generateECDSA(); } catch (e) { code = e.code; }
    // One nanosecond later (wrapping within the second): a transaction id of its own.
    const dot = tx.transactionId.lastIndexOf(".");
    const nanos = (Number(tx.transactionId.slice(dot + 1)) + 1) % 1e9;
    const fnId = tx.transactionId.slice(0, dot + 1) + String(nanos).padStart(9, "0");
    const fnBytes = signTransaction(alice, freezeTransfer({
      transactionId: fnId, nodeAccountIds: ["0.0.3"],
      hbarTransfers: [{ accountId: "0.0.1005", amount: -8n }, { accountId: "0.0.1006", amount: 8n }],
    }));
    window.result = { bytes: Array.from(tx.toBytes()), transactionId: tx.transactionId, code,
      fnBytes: Array.from(fnBytes), fnId };
  } catch (e) {
    window.result = { error: \`\${e.code}: \${e.message}\` };
  }
</script>`;
// The page imports /pkg/index.js: serve the package's parent so /pkg/... is the package.
const server = await serve(dirname(pkgDir.replace(/\/+$/, "")), { "/": page, "/sign": signPage });
const browser = await chromium.launch(CHROMIUM);
let ok = false;
try {
  const tab = await browser.newPage();
  await tab.goto(`${server.url}/`);
  const result = await (await tab.waitForFunction(() => window.result, null, { timeout: 30000 })).jsonValue();
  console.log(JSON.stringify(result));
  ok = /^0\.0\.\d+$/.test(result.tokenId) && result.serials?.[0] === 1 && result.supplyIsBigint && result.code === "INVALID_KEY";

  const signTab = await browser.newPage();
  await signTab.goto(`${server.url}/sign`);
  const signed = await (await signTab.waitForFunction(() => window.result, null, { timeout: 30000 })).jsonValue();
  if (signed.error) throw new Error(`the signing-build page failed: ${signed.error}`);
  const { Client, Transaction } = await import(pathToFileURL(resolve(pkgDir, "index.js")).href);
  const sent = Transaction.fromBytes(new Uint8Array(signed.bytes ?? []));
  await sent.submit(Client.forName("devnet"));
  const receipt = await Client.forName("devnet").getReceipt(signed.transactionId);
  const fnSent = Transaction.fromBytes(new Uint8Array(signed.fnBytes ?? []));
  await fnSent.submit(Client.forName("devnet"));
  const fnReceipt = await Client.forName("devnet").getReceipt(signed.fnId);
  console.log(JSON.stringify({ signBuild: { transactionId: signed.transactionId, status: receipt.status, ecdsa: signed.code },
    functions: { transactionId: signed.fnId, status: fnReceipt.status } }));
  ok = ok && receipt.status === "SUCCESS" && sent.transactionId === signed.transactionId && signed.code === "UNSUPPORTED"
    && fnReceipt.status === "SUCCESS" && fnSent.transactionId === signed.fnId;
} finally {
  await browser.close();
  server.close();
}
console.log(`test result: ${ok ? "ok" : "FAILED"}. ${ok ? 1 : 0} passed; ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
