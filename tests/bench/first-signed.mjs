// `cargo xtask bench browser`: time from navigation start to the first signed TokenMint, for
// each app page, in fresh headless Chromium contexts (no cache), interleaved; prints medians.
// Usage: node first-signed.mjs <dir with ours.html and sdk.html> <runs>
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const [dir, runs = "7"] = process.argv.slice(2);
const types = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm" };
const server = createServer(async (req, res) => {
  const path = normalize(new URL(req.url, "http://x").pathname).replace(/^\/+/, "");
  try {
    const body = await readFile(join(dir, path));
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const times = { ours: [], sdk: [] };
try {
  for (let i = 0; i < Number(runs); i++) {
    for (const app of ["ours", "sdk"]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`http://127.0.0.1:${server.address().port}/${app}.html`);
      const signed = await page.waitForFunction(() => globalThis.firstSigned, null, { timeout: 60000 }).catch(() => {
        throw new Error(`${app}: ${errors.join("; ")}`);
      });
      const { ms } = await signed.jsonValue();
      times[app].push(ms);
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
process.stdout.write(JSON.stringify({ ours_ms: median(times.ours), sdk_ms: median(times.sdk), ours_all: times.ours, sdk_all: times.sdk, browser: browser.version() }));
