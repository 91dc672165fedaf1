// Serves target/bench/web on 127.0.0.1, opens it in Debian's headless Chromium and prints the
// page's figures as JSON. Usage: node sign.mjs <web dir> <milliseconds per measurement>
import { chromium } from "playwright-core";
import { CHROMIUM, serve } from "../lib/web.mjs";

const [dir, ms = "2000"] = process.argv.slice(2);
const server = await serve(dir);
const browser = await chromium.launch(CHROMIUM);
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}/index.html`);
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
