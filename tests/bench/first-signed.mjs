// `cargo xtask bench browser`: time from navigation start to the first signed TokenMint, for
// each app page, in fresh headless Chromium contexts (no cache), interleaved; prints medians.
// Usage: node first-signed.mjs <dir with APP/APP.html for each app below> <runs>
import { chromium } from "playwright-core";
import { CHROMIUM, serve } from "../lib/web.mjs";

const [dir, runs = "7"] = process.argv.slice(2);
const server = await serve(dir);
const browser = await chromium.launch(CHROMIUM);
const apps = ["sign", "sign_shaken", "sign_fn_shaken", "full", "sdk"];
const times = Object.fromEntries(apps.map((a) => [a, []]));
try {
  for (let i = 0; i < Number(runs); i++) {
    for (const app of apps) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(e.message));
      await page.goto(`${server.url}/${app}/${app}.html`);
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
const result = { browser: browser.version() };
for (const app of apps) {
  result[`${app}_ms`] = median(times[app]);
  result[`${app}_all`] = times[app];
}
process.stdout.write(JSON.stringify(result));
