// Token-ownership proofs through @loyal/hedera against a devnet of our own: the scenario in
// Node; the same scenario in a headless Chromium page importing pkg/ unbundled; and a page as
// the verifier (its nonce, its NonceStore) of a proof Node signs as the wallet would.
// Usage: node proof.mjs PKG_DIR DEVNET_BINARY. Prints one `test result:` line per check.
import { chromium } from "playwright-core";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, serve } from "../lib/web.mjs";
import { aliceProof, clientFor, policy, scenario } from "./scenario.mjs";
import { setup, startDevnet } from "./setup.mjs";

const [pkgDir, devnetBinary] = process.argv.slice(2).map((p) => path.resolve(p));
const L = await import(pathToFileURL(path.join(pkgDir, "index.js")));
const devnet = await startDevnet(devnetBinary);
const results = [];
async function step(name, run) {
  try {
    const out = await run();
    console.log(`${name}: ${JSON.stringify(out)}`);
    results.push([name, true]);
  } catch (e) {
    console.error(`${name} failed: ${e.stack ?? e}`);
    results.push([name, false]);
  }
}

let browser, server;
try {
  // The page's origin is the audience: the verifier is the page.
  const root = path.dirname(pkgDir);
  server = await serve(root, {
    "/": `<!doctype html><meta charset="utf-8"><title>proofs</title><script type="module">
      const L = await import("/${path.basename(pkgDir)}/index.js");
      const S = await import("/tests/proof/scenario.mjs");
      window.L = L; window.S = S; window.ready = true;
    </script>`,
  });
  const ctx = await setup(L, devnet.ports, server.url);

  await step("proofs in Node", () => scenario(L, ctx));

  browser = await chromium.launch(CHROMIUM);
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e}`));
  await page.goto(server.url + "/");
  await page.waitForFunction(() => window.ready === true, null, { timeout: 30_000 });
  await step("proofs in Chromium", () => page.evaluate((ctx) => window.S.scenario(window.L, ctx), ctx));

  await step("a page verifies a proof Node signed as the wallet", async () => {
    await page.evaluate((ctx) => {
      window.nonces = window.L.NonceStore.create();
      window.client = window.S.clientFor(window.L, ctx);
    }, ctx);
    const nonce = await page.evaluate(() => window.nonces.issue());
    const text = aliceProof(L, ctx, nonce);
    const verify = () => page.evaluate(async ({ text, ctx }) => {
      try {
        const v = await window.L.verifyPresentation(window.client, text, window.S.policy(ctx), window.nonces);
        return { holder: v.holder, claims: v.claims.map((c) => `${c.token}/${c.serial}`) };
      } catch (e) {
        return { code: e.code };
      }
    }, { text, ctx });
    const first = await verify();
    if (first.holder !== "0.0.1005") throw new Error(`not verified: ${JSON.stringify(first)}`);
    const again = await verify();
    if (again.code !== "PROOF_REPLAYED") throw new Error(`a replay: ${JSON.stringify(again)}`);
    // Node, as another verifier (its own nonces), refuses the page's nonce.
    const mine = L.NonceStore.create();
    const code = await L.verifyPresentation(clientFor(L, ctx), text, policy(ctx), mine).then(() => "accepted", (e) => e.code);
    if (code !== "PROOF_REPLAYED") throw new Error(`another verifier: ${code}`);
    return { first, again: again.code, elsewhere: code };
  });
} catch (e) {
  console.error(e.stack ?? e);
  results.push(["setup", false]);
} finally {
  await browser?.close();
  server?.close();
  devnet.stop();
}
const failed = results.filter(([, ok]) => !ok).length;
console.log(`test result: ${failed ? "FAILED" : "ok"}. ${results.length - failed} passed; ${failed} failed`);
process.exit(failed ? 1 : 0);
