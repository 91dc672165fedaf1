// Bundles one app of `cargo xtask bench bundle`: esbuild, minified, for the browser.
//   node bundle.mjs ENTRY OUTFILE [--alias=PATH] [--shake]
// --alias resolves "@loyal/hedera" to a file of pkg/; --shake adds @loyal/hedera/shake's esbuild
// plugin, which writes the app's wasm next to OUTFILE, shaken to what the bundle uses.
import * as esbuild from "esbuild";

const [entry, outfile, ...flags] = process.argv.slice(2);
const alias = { "@hashgraph/sdk": "./node_modules/@hashgraph/sdk/lib/browser.js" };
const plugins = [];
for (const flag of flags) {
  if (flag.startsWith("--alias=")) alias["@loyal/hedera"] = flag.slice("--alias=".length);
  else if (flag === "--shake") {
    const { esbuildPlugin } = await import("../../pkg/shake.js");
    plugins.push(esbuildPlugin({ log: (line) => console.error(`shake: ${line}`) }));
  } else throw new Error(`unknown flag ${flag}`);
}
await esbuild.build({
  entryPoints: [entry],
  outfile,
  bundle: true,
  minify: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  logLevel: "error",
  define: { global: "globalThis" },
  alias,
  plugins,
});
