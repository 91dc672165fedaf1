// Installs pkg/ exactly as a user would — `npm pack`, then `npm install <tarball>` into a
// scratch project — runs the README example against the devnet on its default ports (already
// started by the caller) and type-checks usage.ts against the installed types. Prints one
// `test result:` line per check, as cargo does, for `cargo xtask test`'s tally.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const here = path.dirname(new URL(import.meta.url).pathname);
const pkg = path.resolve(here, "../../pkg");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "loyal-pkg-"));
const results = [];
let example; // what the unbundled README example printed
const exampleEnv = {
  ...process.env,
  BESTPRODUCER_KEY: "302e020100300506032b657004220420" + createHash("sha256").update("loyal-devnet/BestProducer").digest("hex"),
};
const sdk = path.resolve(here, "../sdk/node_modules/@hashgraph/sdk/lib/index.js");
/** Runs `file` with node in the scratch project; returns what it printed. */
const node = (file, env = process.env) => execFileSync("node", [file], { cwd: scratch, encoding: "utf8", env });
/** Bundles `entries` from the scratch project into `outdir` with the installed package's shake plugin; returns what it logged. */
function bundleShaken(entries, outdir) {
  fs.writeFileSync(path.join(scratch, `bundle-${outdir}.mjs`), `
    import * as esbuild from ${JSON.stringify(path.join(here, "node_modules/esbuild/lib/main.js"))};
    import { esbuildPlugin } from "@loyal/hedera/shake";
    const lines = [];
    await esbuild.build({
      entryPoints: ${JSON.stringify(entries)}, outdir: ${JSON.stringify(outdir)}, bundle: true, minify: true,
      format: "esm", platform: "node", logLevel: "error", plugins: [esbuildPlugin({ log: (l) => lines.push(l) })],
    });
    console.log(lines.join("\\n"));`);
  return node(`bundle-${outdir}.mjs`).trim();
}
async function step(name, run) {
  try {
    await run();
    results.push([name, true]);
  } catch (e) {
    console.error(`${name} failed:\n${e.stdout ?? ""}${e.stderr ?? ""}${e.message}`);
    results.push([name, false]);
  }
}

await step("npm pack + install", () => {
  const tarball = execFileSync("npm", ["pack", pkg, "--pack-destination", scratch, "--silent"], { encoding: "utf8" }).trim().split("\n").pop();
  fs.writeFileSync(path.join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  execFileSync("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", path.join(scratch, tarball)], { cwd: scratch });
});

await step("README example against the devnet", () => {
  fs.copyFileSync(path.join(here, "example.mjs"), path.join(scratch, "example.mjs"));
  const out = node("example.mjs", exampleEnv);
  console.log(`example: ${out.trim()}`);
  example = JSON.parse(out);
});

await step("README example bundled, the whole library's wasm shaken, against the devnet", () => {
  // The network half of the package — async calls, closures handed to JS, futures' vtables,
  // IPFS, the mirror, coded errors from receipts — run from a wasm shaken with the graph.
  const log = bundleShaken(["example.mjs"], "out-full");
  if (!/ B of statics zeroed/.test(log) || !log.includes("out-full/dist/loyal_wasm_bg.wasm")) throw new Error(`not shaken: ${log}`);
  const out = JSON.parse(node("out-full/example.js", exampleEnv));
  if (out.cid !== example?.cid || JSON.stringify(out.serials) !== "[1]" || out.tokenId === example?.tokenId) {
    throw new Error(`the shaken example computed ${JSON.stringify(out)}, unbundled ${JSON.stringify(example)}`);
  }
  console.log(`example, shaken: ${JSON.stringify(out)} (${log})`);
});

await step("wallet-style signing, verified by @hashgraph/sdk", () => {
  fs.copyFileSync(path.join(here, "wallet.mjs"), path.join(scratch, "wallet.mjs"));
  const out = node("wallet.mjs", { ...process.env, HASHGRAPH_SDK: sdk });
  console.log(`wallet: ${out.trim()}`);
});

await step("@loyal/hedera/sign: same bytes as @loyal/hedera, refusals coded, SDK verifies", () => {
  fs.copyFileSync(path.join(here, "sign.mjs"), path.join(scratch, "sign.mjs"));
  const run = (entry) => JSON.parse(node("sign.mjs", { ...process.env, HASHGRAPH_SDK: sdk, LOYAL_ENTRY: entry }));
  const small = run("@loyal/hedera/sign"), whole = run("@loyal/hedera");
  if (JSON.stringify(small) !== JSON.stringify(whole)) {
    throw new Error(`the entries differ:\n${JSON.stringify(small)}\n${JSON.stringify(whole)}`);
  }
  console.log(`sign: ${Object.keys(small).length} outputs identical in both builds`);
});

await step("@loyal/hedera/shake: bundled apps, their wasm shaken, compute what the unbundled ones do", async () => {
  const apps = ["shake-app", "shake-transfer"];
  for (const app of apps) fs.copyFileSync(path.join(here, `${app}.mjs`), path.join(scratch, `${app}.mjs`));
  // Two entry points into one directory: they share the wasm file written there.
  bundleShaken(apps.map((a) => `${a}.mjs`), "out");
  const printed = {};
  for (const app of apps) {
    const [plain, bundled] = [node(`${app}.mjs`), node(`out/${app}.js`)];
    if (plain !== bundled) throw new Error(`${app}: the shaken app differs:\n${plain}\n${bundled}`);
    printed[app] = plain;
  }
  const mint = JSON.parse(printed["shake-app"]);
  if (!mint.refused?.includes("INVALID_ENTITY_ID")) throw new Error(`no coded refusal: ${JSON.stringify(mint)}`);
  const installed = path.join(scratch, "node_modules/@loyal/hedera/dist/sign/loyal_wasm_bg.wasm");
  const shaken = path.join(scratch, "out/dist/sign/loyal_wasm_bg.wasm");
  const names = (f) => WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(f))).map((e) => e.name);
  const kept = names(shaken);
  const want = ["freezeTokenMintTransaction", "freezeTransferTransaction"];
  const gone = ["freezeTokenCreateTransaction", "signMessage"];
  if (!want.every((n) => kept.includes(n)) || gone.some((n) => kept.includes(n))) {
    throw new Error(`unexpected exports after shaking: ${kept.join(" ")}`);
  }
  const [before, after] = [fs.statSync(installed).size, fs.statSync(shaken).size];
  if (after > 0.8 * before) throw new Error(`the shaken wasm is ${after} B of ${before} B`);
  // The plugin used the graph shipped next to the wasm: what it wrote is what shakeWasm makes
  // with the graph, which keeps less than shaking without it.
  const { shakeWasm } = await import(path.join(scratch, "node_modules/@loyal/hedera/shake.js"));
  const source = fs.readFileSync(installed);
  const graph = JSON.parse(fs.readFileSync(installed.replace(/\.wasm$/, ".shake.json"), "utf8"));
  const [plain, graphed] = [shakeWasm(source, kept), shakeWasm(source, kept, graph)];
  if (!Buffer.from(graphed.wasm).equals(fs.readFileSync(shaken))) throw new Error("the plugin did not shake with the graph");
  if (!(graphed.dropped > plain.dropped && graphed.zeroed > 0)) {
    throw new Error(`the graph kept as much: ${graphed.dropped} vs ${plain.dropped} dropped, ${graphed.zeroed} B zeroed`);
  }
  fs.copyFileSync(path.join(here, "shake-unit.mjs"), path.join(scratch, "shake-unit.mjs"));
  node("shake-unit.mjs");
  console.log(`shake: same output for ${apps.length} apps, wasm ${before} -> ${after} B, ${names(installed).length - kept.length} exports dropped, ${graphed.dropped} functions removed (${plain.dropped} without the graph), ${graphed.zeroed} B of statics zeroed`);
});

await step("@loyal/hedera/shake: the freeze-and-sign functions alone, shaken, sign what the builder does", () => {
  fs.copyFileSync(path.join(here, "shake-fn.mjs"), path.join(scratch, "shake-fn.mjs"));
  bundleShaken(["shake-fn.mjs"], "out-fn");
  const [plain, bundled] = [node("shake-fn.mjs"), node("out-fn/shake-fn.js")];
  const classes = JSON.parse(node("shake-app.mjs"));
  const fn = JSON.parse(bundled);
  if (plain !== bundled || fn.bytes !== classes.bytes || fn.refused !== classes.refused) {
    throw new Error(`the functions differ:\n${plain}${bundled}${JSON.stringify(classes)}`);
  }
  const shaken = new WebAssembly.Module(fs.readFileSync(path.join(scratch, "out-fn/dist/sign/loyal_wasm_bg.wasm")));
  const functions = WebAssembly.Module.exports(shaken).filter((e) => e.kind === "function").map((e) => e.name);
  const app = functions.filter((n) => !n.startsWith("__"));
  if (JSON.stringify(app.sort()) !== JSON.stringify(["freezeTokenMint", "signTransaction"])) {
    throw new Error(`unexpected exports after shaking: ${functions.join(" ")}`);
  }
  console.log(`shake-fn: same bytes as the builder app; exports ${functions.join(" ")}`);
});

await step("tsc --noEmit usage.ts", () => {
  fs.copyFileSync(path.join(here, "usage.ts"), path.join(scratch, "usage.ts"));
  fs.copyFileSync(path.join(here, "tsconfig.json"), path.join(scratch, "tsconfig.json"));
  execFileSync(path.join(here, "node_modules/.bin/tsc"), ["-p", scratch], { encoding: "utf8" });
});

fs.rmSync(scratch, { recursive: true, force: true });
const passed = results.filter(([, ok]) => ok).length;
console.log(`test result: ${passed === results.length ? "ok" : "FAILED"}. ${passed} passed; ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
