// pkg/ in a Vite build with @loyal/hedera/shake's Rollup plugin, run in Chromium: the page is
// tests/pkg/shake-app.mjs (one builder, the signing build), and what it logs must be what the
// same file logs run by Node against the unbundled package; the wasm asset Vite emitted must
// have been shaken. Then the same page under `vite dev` with the README's config must log the
// same. Usage: node vite-shake.mjs PKG_DIR
import { chromium } from "playwright-core";
import { build, createServer } from "vite";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CHROMIUM, serve } from "../lib/web.mjs";

const pkg = path.resolve(process.argv[2]);
const here = path.dirname(new URL(import.meta.url).pathname);
const { rollupPlugin } = await import(pathToFileURL(path.join(pkg, "shake.js")));
// A scratch project where `@loyal/hedera` is the package directory, as an install makes it.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "loyal-vite-"));
fs.mkdirSync(path.join(scratch, "node_modules/@loyal"), { recursive: true });
fs.symlinkSync(pkg, path.join(scratch, "node_modules/@loyal/hedera"));
fs.copyFileSync(path.join(here, "../pkg/shake-app.mjs"), path.join(scratch, "app.mjs"));
fs.writeFileSync(path.join(scratch, "index.html"), `<!doctype html><meta charset="utf-8"><script type="module" src="./app.mjs"></script>`);
const lines = [];
await build({
  root: scratch,
  logLevel: "error",
  build: { target: "es2022", outDir: path.join(scratch, "dist") },
  plugins: [rollupPlugin({ log: (line) => lines.push(line) })],
});
const expected = execFileSync("node", ["app.mjs"], { cwd: scratch, encoding: "utf8" }).trim();

const dist = path.join(scratch, "dist");
const server = await serve(dist, { "/": fs.readFileSync(path.join(dist, "index.html"), "utf8") });
const browser = await chromium.launch(CHROMIUM);
let ok = false;
/** What the page at `url` logs (its one console.log). */
async function logOf(url) {
  const tab = await browser.newPage();
  const logged = new Promise((resolve, reject) => {
    // The app's one console.log; a resource error (Chromium asks for /favicon.ico) is not it.
    tab.on("console", (m) => { if (m.type() === "log") resolve(m.text()); });
    tab.on("pageerror", reject);
    setTimeout(() => reject(new Error("the page logged nothing in 30 s")), 30000);
  });
  await tab.goto(url);
  return logged.finally(() => tab.close());
}
let dev = null;
try {
  const result = await logOf(`${server.url}/`);
  const wasm = fs.readdirSync(path.join(dist, "assets")).find((f) => f.endsWith(".wasm"));
  const shaken = fs.readFileSync(path.join(dist, "assets", wasm));
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(shaken)).map((e) => e.name);
  const original = fs.statSync(path.join(pkg, "dist/sign/loyal_wasm_bg.wasm")).size;
  console.log(`vite: ${lines.join("; ")}`);
  ok = result === expected
    && JSON.parse(result).refused?.includes("INVALID_ENTITY_ID")
    && lines.length === 1
    && exports.includes("freezeTokenMintTransaction") && !exports.includes("freezeTransferTransaction")
    && shaken.length < 0.8 * original;
  if (!ok) console.error(`page ${result}\nnode ${expected}\nexports ${exports.join(" ")}`);
  // `vite dev` with the README's config (preserveSymlinks: here the package is a symlink,
  // which an install is not, and Vite would refuse files outside the project).
  dev = await createServer({
    root: scratch,
    logLevel: "error",
    server: { host: "127.0.0.1", port: 0 },
    resolve: { preserveSymlinks: true },
    build: { target: "es2022" },
    optimizeDeps: { exclude: ["@loyal/hedera"] },
  });
  await dev.listen();
  const devResult = await logOf(dev.resolvedUrls.local[0]);
  console.log(`vite dev: ${devResult === expected ? "same output" : devResult}`);
  ok = ok && devResult === expected;
} finally {
  await dev?.close();
  await browser.close();
  server.close();
  fs.rmSync(scratch, { recursive: true, force: true });
}
console.log(`test result: ${ok ? "ok" : "FAILED"}. ${ok ? 1 : 0} passed; ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
