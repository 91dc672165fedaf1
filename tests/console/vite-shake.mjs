// pkg/ in a Vite build with @loyal/hedera/shake's Rollup plugin, run in Chromium: the page
// (one builder, the signing build) computes what the same code computes in Node against the
// unbundled package, and the wasm asset Vite emitted was shaken. Usage: node vite-shake.mjs PKG_DIR
import { chromium } from "playwright-core";
import { build } from "vite";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, serve } from "../lib/web.mjs";

const pkg = path.resolve(process.argv[2]);
const { rollupPlugin } = await import(pathToFileURL(path.join(pkg, "shake.js")));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "loyal-vite-"));
// One computation, run bundled in the page and unbundled in Node: `lib` holds the two classes,
// imported by name (a whole namespace object would keep every export, correctly).
const compute = `async (lib) => {
  const key = lib.PrivateKey.fromStringEd25519("07".repeat(32));
  const tx = new lib.TokenMintTransaction().setTokenId("0.0.5005").setMetadata(["ipfs://bafkreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy"])
    .setTransactionId("0.0.1001@1700000000.000000000").setNodeAccountIds(["0.0.3", "0.0.4"]).freeze().sign(key);
  let refused = null;
  try { new lib.TokenMintTransaction().setTokenId("0.0.x").setTransactionId("0.0.1001@1.0").setNodeAccountIds(["0.0.3"]).freeze(); }
  catch (e) { refused = e.code + " " + e.details.field; }
  return { bytes: Array.from(tx.toBytes()).join(","), transactionId: tx.transactionId.toString(), refused };
}`;
fs.writeFileSync(path.join(scratch, "app.js"),
  `import { PrivateKey, TokenMintTransaction } from "@loyal/hedera/sign";\n` +
  `window.result = await (${compute})({ PrivateKey, TokenMintTransaction });\n`);
fs.writeFileSync(path.join(scratch, "index.html"), `<!doctype html><meta charset="utf-8"><script type="module" src="./app.js"></script>`);
const lines = [];
await build({
  root: scratch,
  logLevel: "error",
  resolve: { alias: { "@loyal/hedera": pkg } },
  build: { target: "es2022", outDir: path.join(scratch, "dist") },
  plugins: [rollupPlugin({ log: (line) => lines.push(line) })],
});
const expected = await eval(compute)(await import(pathToFileURL(path.join(pkg, "sign.js"))));

const dist = path.join(scratch, "dist");
const server = await serve(dist, { "/": fs.readFileSync(path.join(dist, "index.html"), "utf8") });
const browser = await chromium.launch(CHROMIUM);
let ok = false;
try {
  const tab = await browser.newPage();
  const errors = [];
  tab.on("pageerror", (e) => errors.push(e.message));
  await tab.goto(`${server.url}/`);
  const result = await (await tab.waitForFunction(() => window.result, null, { timeout: 30000 })
    .catch(() => { throw new Error(`the page did not finish: ${errors.join("; ")}`); })).jsonValue();
  const assets = fs.readdirSync(path.join(scratch, "dist/assets"));
  const wasm = assets.find((f) => f.endsWith(".wasm"));
  const shaken = fs.readFileSync(path.join(scratch, "dist/assets", wasm));
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(shaken)).map((e) => e.name);
  const original = fs.statSync(path.join(pkg, "dist/sign/loyal_wasm_bg.wasm")).size;
  console.log(`vite: ${lines.join("; ")}`);
  ok = JSON.stringify(result) === JSON.stringify(expected)
    && result.refused === "INVALID_ENTITY_ID tokenId"
    && lines.length === 1
    && exports.includes("freezeTokenMintTransaction") && !exports.includes("freezeTransferTransaction")
    && shaken.length < 0.8 * original;
  if (!ok) console.error(`page ${JSON.stringify(result)}\nnode ${JSON.stringify(expected)}\nexports ${exports.join(" ")}`);
} finally {
  await browser.close();
  server.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
console.log(`test result: ${ok ? "ok" : "FAILED"}. ${ok ? 1 : 0} passed; ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
