// Serves target/bench/web on 127.0.0.1, opens it in Debian's headless Chromium and prints the
// page's figures as JSON. Usage: node sign.mjs <web dir> <milliseconds per measurement>
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

const [dir, ms = "2000"] = process.argv.slice(2);
const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
const server = createServer(async (req, res) => {
  const path = normalize(new URL(req.url, "http://x").pathname).replace(/^\/+/, "") || "index.html";
  try {
    const body = await readFile(join(dir, path));
    res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
  await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30000 }).catch(() => {
    throw new Error(`page did not load: ${errors.join("; ")}`);
  });
  const result = await page.evaluate((ms) => window.runBench(ms), Number(ms));
  result.browser = browser.version();
  process.stdout.write(JSON.stringify(result));
} finally {
  await browser.close();
  server.close();
}
