// The connector in @loyal/hedera (pkg/wallet.js) against the real extension: a page imports
// the package unbundled, finds the wallet, connects (the key checked against the devnet's
// mirror), signs a message (verified by the library), signs a transfer through `signWith` and
// executes it with the library's client, and has the wallet sign and send another; errors
// arrive as LoyalErrors with the connector's codes. Approvals are real clicks; the test mode
// is used only to show that a locked wallet is WALLET_LOCKED.
// Usage: node connector.mjs EXTENSION_DIR DEVNET_BIN REPO_ROOT
import { join } from "node:path";
import { browserWithWallet, devnet, nextApproval, press, setUp, PASSPHRASE } from "./harness.mjs";
import { serve } from "../lib/web.mjs";

const [extension, devnetBin, root] = process.argv.slice(2);
const results = [];
const check = (name, ok, detail = "") => {
  results.push(ok);
  console.log(`${ok ? "ok" : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
};

// Outside a browser there is no wallet to find.
const { Wallet } = await import(join(root, "pkg/index.js"));
try {
  await Wallet.connect({ network: "devnet" });
  check("Node: WALLET_NOT_FOUND", false);
} catch (e) {
  check("Node: WALLET_NOT_FOUND", e.code === "WALLET_NOT_FOUND" && e.name === "LoyalError", e.message);
}

const net = await devnet(devnetBin);
const wallet = await browserWithWallet(extension);
const html = `<!doctype html><title>StillWater</title><script type="module">
  import * as L from "/pkg/index.js";
  window.L = L;
  window.client = L.Client.forNetwork({ nodes: [{ accountId: "0.0.3", url: ${JSON.stringify(net.grpcWeb)} }], mirrorUrl: ${JSON.stringify(net.mirror)} });
  window.run = async (f) => { try { return { result: await f() }; } catch (e) { return { error: { code: e.code, name: e.name, message: e.message } }; } };
  window.ready = true;
</script>`;
// The same through the small signing build (no Client: the mirror by URL).
const signHtml = `<!doctype html><title>StillWater (sign)</title><script type="module">
  import * as L from "/pkg/sign.js";
  window.L = L;
  window.client = { mirrorUrl: ${JSON.stringify(net.mirror)} };
  window.run = async (f) => { try { return { result: await f() }; } catch (e) { return { error: { code: e.code, name: e.name, message: e.message } }; } };
  window.ready = true;
</script>`;
const server = await serve(root, { "/stillwater.html": html, "/stillwater-sign.html": signHtml });
// In the page: `fn` runs with `L`, `client` and `w` (the connected wallet); resolves to { result } or { error }.
const inPage = (page, fn) => page.evaluate((src) => window.run(() => (0, eval)(`(${src})`)(window.L, window.client, window.w)), fn.toString());
async function clicked(page, fn, button = "#approve") {
  const windowOpens = nextApproval(wallet);
  const pending = inPage(page, fn);
  const w = await windowOpens;
  await press(w, button);
  return pending;
}
try {
  const pop = await setUp(wallet, net);
  const page = await wallet.context.newPage();
  await page.goto(`${server.url}/stillwater.html`);
  await page.waitForFunction(() => window.ready === true);

  let r = await inPage(page, (L) => L.Wallet.discover().then((found) => found.map((f) => f.info.name)));
  check("Wallet.discover finds the extension", JSON.stringify(r.result) === '["Loyal Wallet"]', JSON.stringify(r));
  r = await inPage(page, (L, client) => L.Wallet.connect({ network: "testnet", client }));
  check("connect to another network: WRONG_NETWORK", r.error?.code === "WRONG_NETWORK", JSON.stringify(r));
  r = await clicked(page, async (L, client) => {
    window.w = await L.Wallet.connect({ network: "devnet", client });
    return { accountId: w.accountId, signer: w.signerAccountId, key: w.publicKey.toStringDer() };
  });
  check("Wallet.connect: account and public key (checked against the mirror)", r.result?.accountId === "0.0.1005" && r.result.signer === "hedera:devnet:0.0.1005" && r.result.key.startsWith("302a300506032b6570"), JSON.stringify(r));

  r = await clicked(page, async (L, client, w) => {
    const map = await w.signMessage("StillWater tickets for 0.0.1005");
    L.verifyMessage(w.publicKey, "StillWater tickets for 0.0.1005", map);
    let tampered = "verified a changed message";
    try { L.verifyMessage(w.publicKey, "StillWater tickets for 0.0.1006", map); } catch (e) { tampered = e.code; }
    return { bytes: map.length, tampered };
  });
  check("signMessage: verified by the library (and a changed message is not)", r.result?.bytes > 64 && r.result.tampered === "INVALID_SIGNATURE", JSON.stringify(r));

  r = await clicked(page, async (L, client, w) => {
    const tx = new L.TransferTransaction().addHbarTransfer(w.accountId, -L.hbar(1)).addHbarTransfer("0.0.1006", L.hbar(1));
    await w.freeze(tx);
    await tx.signWith(w.publicKey, w.signer);
    const receipt = await tx.execute(client);
    return { status: receipt.status, id: tx.transactionId };
  });
  check("signer in signWith, executed by the library's client: SUCCESS", r.result?.status === "SUCCESS", JSON.stringify(r));

  r = await clicked(page, async (L, client, w) => {
    const tx = new L.TransferTransaction().addHbarTransfer(w.accountId, -2n).addHbarTransfer("0.0.1006", 2n);
    const sent = await w.signAndExecute(tx);
    const seen = await client.waitForMirror(sent.transactionId, 10000);
    return { status: sent.status, mirror: seen.result };
  });
  check("signAndExecute: sent by the wallet, SUCCESS on the mirror", r.result?.status === "SUCCESS" && r.result.mirror === "SUCCESS", JSON.stringify(r));

  r = await clicked(page, (L, client, w) => w.signMessage("reject me"), "#reject");
  check("a rejection is USER_REJECTED", r.error?.code === "USER_REJECTED" && r.error.name === "LoyalError", JSON.stringify(r));

  const small = await wallet.context.newPage();
  await small.goto(`${server.url}/stillwater-sign.html`);
  await small.waitForFunction(() => window.ready === true);
  r = await clicked(small, async (L, client) => {
    window.w = await L.Wallet.connect({ network: "devnet", mirrorUrl: client.mirrorUrl });
    return w.accountId;
  });
  check("@loyal/hedera/sign: Wallet.connect with a mirror URL", r.result === "0.0.1005", JSON.stringify(r));
  r = await clicked(small, async (L, client, w) => {
    const map = await w.signMessage("from the signing build");
    L.verifyMessage(w.publicKey, "from the signing build", map);
    return map.length;
  });
  check("@loyal/hedera/sign: signMessage verified", r.result > 64, JSON.stringify(r));

  // Test mode on (from the popup's own checkbox), then locked: no window, WALLET_LOCKED.
  await pop.bringToFront();
  await pop.check("#auto-approve");
  await pop.waitForFunction(() => document.getElementById("auto-approve").checked);
  await pop.click("#lock");
  await pop.waitForSelector("#locked:not([hidden])");
  r = await inPage(page, (L, client, w) => w.signMessage("while locked"));
  check("a locked wallet is WALLET_LOCKED", r.error?.code === "WALLET_LOCKED", JSON.stringify(r));
  await pop.fill("#passphrase", PASSPHRASE);
  await pop.click("#unlock");
  await pop.waitForSelector("#unlocked:not([hidden])");
  await pop.uncheck("#auto-approve");
  r = await inPage(page, (L, client, w) => w.disconnect().then(() => w.signMessage("after disconnect")));
  check("after disconnect the site is refused: WALLET_UNAUTHORIZED", r.error?.code === "WALLET_UNAUTHORIZED", JSON.stringify(r));
} catch (e) {
  check("the connector test ran to its end", false, e.stack);
} finally {
  await wallet.close();
  server.close();
  net.stop();
}
const passed = results.filter(Boolean).length;
console.log(`test result: ${passed === results.length ? "ok" : "FAILED"}. ${passed} passed; ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
