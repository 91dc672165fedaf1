// `cargo xtask bench wallet`: the extension in headless Chromium. Install to ready (a fresh
// profile loads the unpacked extension until its service worker has answered the popup with
// the wasm loaded), connect, and the sign round trip page → service worker → (test mode
// approves) → signature, each the median of 10; the anchor, measured in the same run, is the
// same path without signing (`hedera_accounts`). Then, test mode off, the approval window: from the
// request to the window showing the decoded transfer (opening it, loading its own wasm, decoding),
// median of 10, rejected each time; its anchor, interleaved, is the window for a message, which
// loads no wasm. Sizes: the service worker's wasm and glue and the approval
// page's wasm, gzip -9.
// Usage: node bench.mjs EXTENSION_DIR DEVNET_BIN OUT_JSON
import { writeFile } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { browserWithWallet, devnet, nextApproval, popup, press, setUp, site } from "./harness.mjs";

const [extension, devnetBin, outJson] = process.argv.slice(2);
const RUNS = 10;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return (s[(s.length - 1) >> 1] + s[s.length >> 1]) / 2; };
const gz = (f) => gzipSync(readFileSync(join(extension, f)), { level: 9 }).length;

// The anchor for install to ready: the same browser, profile and flags without the extension.
const { chromium } = await import("playwright-core");
const { CHROMIUM } = await import("../lib/web.mjs");
const { mkdtemp, rm } = await import("node:fs/promises");
const { tmpdir } = await import("node:os");
const bare = [];
for (let i = 0; i < RUNS; i++) {
  const profile = await mkdtemp(join(tmpdir(), "loyal-bare-"));
  const t0 = performance.now();
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM.executablePath, headless: true, args: CHROMIUM.args });
  const page = await context.newPage();
  await page.goto("about:blank");
  bare.push(performance.now() - t0);
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
const ready = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const w = await browserWithWallet(extension);
  const p = await popup(w); // resolves once the service worker answered `status` (wasm loaded)
  ready.push(performance.now() - t0);
  await p.close();
  await w.close();
}

const net = await devnet(devnetBin);
const wallet = await browserWithWallet(extension);
const shop = await site("Bench");
let result;
try {
  const pop = await setUp(wallet, net);
  await pop.check("#auto-approve");
  await pop.waitForFunction(() => document.getElementById("auto-approve").checked);
  const page = await wallet.context.newPage();
  await page.goto(shop.url);
  const timed = (method, params, before) => page.evaluate(async ([method, params, before]) => {
    if (before) await window.hedera.request({ method: before });
    const t = performance.now();
    const r = await window.hedera.request({ method, params });
    return [performance.now() - t, r];
  }, [method, params, before]);
  const connect = [], anchor = [], message = [], body = [];
  for (let i = 0; i < RUNS; i++) connect.push((await timed("hedera_connect", { network: "devnet" }, "hedera_disconnect"))[0]);
  const signer = "hedera:devnet:0.0.1005";
  // A transfer body the wallet decodes, checks and summarises before it signs.
  const [, nodes] = await timed("hedera_getNodeAddresses", {});
  const { TransferTransaction, TransactionId, AccountId } = await import("@hashgraph/sdk");
  const { proto } = await import("@hiero-ledger/proto");
  const tx = new TransferTransaction().addHbarTransfer("0.0.1005", -1).addHbarTransfer("0.0.1006", 1)
    .setNodeAccountIds(nodes.nodes.map((n) => AccountId.fromString(n))).setTransactionId(TransactionId.generate("0.0.1005")).freeze();
  const bodyBytes = proto.SignedTransaction.decode(proto.TransactionList.decode(tx.toBytes()).transactionList[0].signedTransactionBytes).bodyBytes;
  const transactionBody = Buffer.from(bodyBytes).toString("base64");
  for (let i = 0; i < RUNS + 2; i++) {
    const a = (await timed("hedera_accounts", {}))[0];
    const m = (await timed("hedera_signMessage", { signerAccountId: signer, message: `round trip ${i}` }))[0];
    const b = (await timed("hedera_signTransaction", { signerAccountId: signer, transactionBody }))[0];
    if (i >= 2) { anchor.push(a); message.push(m); body.push(b); } // two warm-up rounds
  }
  await pop.uncheck("#auto-approve");
  await pop.waitForFunction(() => !document.getElementById("auto-approve").checked);
  const windowShown = async (method, params, text) => {
    const t = performance.now();
    const opens = nextApproval(wallet, 20000, 2);
    const answer = page.evaluate(([method, params]) => window.hedera.request({ method, params }).catch((e) => e.code), [method, params]);
    const w = await opens;
    const ms = performance.now() - t;
    if (!(await w.innerText("body")).includes(text)) throw new Error(`the approval window does not show ${text}`);
    await press(w, "#reject");
    if ((await answer) !== 4001) throw new Error("rejecting did not give 4001");
    return ms;
  };
  const shown = [], messageShown = [];
  for (let i = 0; i < RUNS + 1; i++) {
    const m = await windowShown("hedera_signMessage", { signerAccountId: signer, message: `shown ${i}` }, `shown ${i}`);
    const b = await windowShown("hedera_signTransaction", { signerAccountId: signer, transactionBody }, "Transfer (CryptoTransfer)");
    if (i >= 1) { messageShown.push(m); shown.push(b); } // one warm-up
  }
  result = {
    install_to_ready_ms: median(ready),
    anchor_browser_start_ms: median(bare),
    connect_ms: median(connect),
    anchor_accounts_ms: median(anchor),
    sign_message_round_trip_ms: median(message),
    sign_transaction_round_trip_ms: median(body),
    approval_shown_ms: median(shown),
    anchor_approval_message_shown_ms: median(messageShown),
    sw_wasm_bytes: readFileSync(join(extension, "loyal_wallet_bg.wasm")).length,
    sw_wasm_gzip_bytes: gz("loyal_wallet_bg.wasm"),
    sw_glue_gzip_bytes: gz("loyal_wallet.js"),
    approval_wasm_bytes: readFileSync(join(extension, "display/loyal_wallet_bg.wasm")).length,
    approval_wasm_gzip_bytes: gz("display/loyal_wallet_bg.wasm"),
    approval_glue_gzip_bytes: gz("display/loyal_wallet.js"),
    runs: RUNS,
  };
} finally {
  await wallet.close();
  shop.close();
  net.stop();
}
const r = result;
console.log("wallet: the extension in headless Chromium (median of 10; test mode approves)");
console.log(`  install to ready            ${r.install_to_ready_ms.toFixed(0).padStart(7)} ms   (the browser alone starts in ${r.anchor_browser_start_ms.toFixed(0)} ms: the extension adds ${(r.install_to_ready_ms - r.anchor_browser_start_ms).toFixed(0)} ms)`);
console.log(`  connect                     ${r.connect_ms.toFixed(1).padStart(7)} ms`);
console.log(`  anchor: hedera_accounts     ${r.anchor_accounts_ms.toFixed(1).padStart(7)} ms   (page → service worker → page, no key)`);
console.log(`  signMessage round trip      ${r.sign_message_round_trip_ms.toFixed(1).padStart(7)} ms   (${(r.sign_message_round_trip_ms / r.anchor_accounts_ms).toFixed(1)}x the anchor; target < 50 ms: ${(50 / r.sign_message_round_trip_ms).toFixed(1)}x under)`);
console.log(`  signTransaction round trip  ${r.sign_transaction_round_trip_ms.toFixed(1).padStart(7)} ms   (${(r.sign_transaction_round_trip_ms / r.anchor_accounts_ms).toFixed(1)}x the anchor; target < 50 ms: ${(50 / r.sign_transaction_round_trip_ms).toFixed(1)}x under)`);
console.log(`  approval window shown       ${r.approval_shown_ms.toFixed(1).padStart(7)} ms   (request → the window shows the decoded transfer: opening it, loading its wasm, decoding; test mode off)`);
console.log(`  anchor: message window      ${r.anchor_approval_message_shown_ms.toFixed(1).padStart(7)} ms   (the same window for a message, no wasm in it; the transfer's minus this: ${(r.approval_shown_ms - r.anchor_approval_message_shown_ms).toFixed(0)} ms)`);
console.log(`  service worker wasm         ${r.sw_wasm_gzip_bytes.toLocaleString("en").padStart(7)} B gzip (${r.sw_wasm_bytes.toLocaleString("en")} B raw; target <= 150,000 B gzip (150 KB; 153,600 B if KB were KiB): ${(r.sw_wasm_gzip_bytes / 150000).toFixed(3)}x the target); glue ${r.sw_glue_gzip_bytes.toLocaleString("en")} B gzip`);
console.log(`  approval page wasm          ${r.approval_wasm_gzip_bytes.toLocaleString("en").padStart(7)} B gzip (${r.approval_wasm_bytes.toLocaleString("en")} B raw; loaded only by the approval window); glue ${r.approval_glue_gzip_bytes.toLocaleString("en")} B gzip`);
await writeFile(outJson, JSON.stringify(result, null, 2) + "\n");
