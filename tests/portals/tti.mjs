// Benchmark (cargo xtask bench portals): each page's cold load in headless Chromium — a fresh
// context per run, navigation start to interactive (the page's wasm has run and its status
// line says so: every button works from then on) — median of 5, and what it transfers (each
// file gzipped, as a server would send it). The landing page, static HTML, is the anchor.
// Usage: node tti.mjs BASE_URL DEVNET_BINARY OUT_JSON
import { gzipSync } from "node:zlib";
import { writeFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../lib/web.mjs";
import { startDevnet } from "./devnet.mjs";

const [base, binary, outJson] = process.argv.slice(2);
const devnet = await startDevnet(binary);
const browser = await chromium.launch(CHROMIUM);
const PAGES = ["", "bestproducer/", "fastshoes/", "fastshoes/provenance/", "fastshoes/staff/", "supermarathon/", "supermarathon/staff/", "stillwater/", "stillwater/staff/", "stillwater/gate/", "console/"];
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const figures = {};
try {
  for (const path of PAGES) {
    const times = [];
    let gz = 0;
    let raw = 0;
    for (let run = 0; run < 5; run++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const bodies = [];
      page.on("response", async (r) => { try { bodies.push(await r.body()); } catch {} });
      await page.goto(`${base}/${path}${devnet.query}`);
      // Interactive: the wasm has run main() (the status line is its first word), read in the
      // page at the first animation frame that shows it, not after a round trip back to this
      // script; the static landing page is interactive at its load event.
      if (path) {
        const seen = await page.waitForFunction(() => document.querySelector("#status")?.textContent !== "" && performance.now());
        times.push(await seen.jsonValue());
      } else {
        await page.waitForLoadState("load");
        times.push(await page.evaluate(() => performance.getEntriesByType("navigation")[0].loadEventEnd));
      }
      await page.waitForLoadState("networkidle");
      if (run === 0) {
        gz = bodies.filter((b) => b.length).reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
        raw = bodies.reduce((n, b) => n + b.length, 0);
      }
      await context.close();
    }
    figures[path || "landing"] = { interactive_ms: Math.round(median(times)), transfer_gzip_bytes: gz, transfer_bytes: raw };
  }
} finally {
  await browser.close();
  devnet.stop();
}
const anchor = figures.landing.interactive_ms || 1;
for (const [page, f] of Object.entries(figures)) {
  f.vs_landing = +(f.interactive_ms / anchor).toFixed(2);
  console.log(`${page.padEnd(22)} interactive ${String(f.interactive_ms).padStart(4)} ms (${f.vs_landing}× the static landing page)  transfer ${(f.transfer_gzip_bytes / 1000).toFixed(1)} KB gzip (${(f.transfer_bytes / 1000).toFixed(1)} KB raw)`);
}
writeFileSync(outJson, JSON.stringify({ pages: figures, targets: { interactive_ms: 300, transfer_gzip_bytes: 200000 } }, null, 2));
