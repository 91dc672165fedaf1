// Drives the network console in headless Chromium: the accounts load, a collection is
// created, an NFT is minted with IPFS metadata and appears in the list (its name read back from
// IPFS, CID verified); every action is held while one runs. Saves a screenshot of the minted NFT. Usage: node console.mjs URL SCREENSHOT_PATH
import { chromium } from "playwright-core";
import { CHROMIUM } from "../lib/web.mjs";

const [url, screenshot] = process.argv.slice(2);
const browser = await chromium.launch(CHROMIUM);
const results = [];
const check = (name, ok, detail = "") => {
  results.push(ok);
  console.log(`${ok ? "ok" : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
};
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 1000 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector("#accounts tbody tr", { timeout: 20000 });
  const alice = await page.locator("#accounts tbody tr", { hasText: "Alice" }).innerText();
  // Other suites may have used the devnet first: any balance, in ℏ with 8 decimals.
  check("accounts and balances from the mirror", /^0\.0\.1005\s+Alice\s+\d+\.\d{8} ℏ\s+\d+$/.test(alice.trim()), alice);

  // The pending state can be shorter than a poll: record it as it happens.
  await page.evaluate(() => {
    const button = document.querySelector("#create");
    const status = document.querySelector("#status");
    window.pending = { disabled: false, busy: false };
    new MutationObserver(() => { window.pending.disabled ||= button.disabled; }).observe(button, { attributes: true });
    new MutationObserver(() => { window.pending.busy ||= status.className === "busy" && status.textContent.startsWith("Creating"); })
      .observe(status, { attributes: true, childList: true, characterData: true, subtree: true });
  });
  await page.click("#create");
  await page.waitForFunction(() => document.querySelector("#collection").textContent.startsWith("Collection 0.0."), null, { timeout: 20000 });
  const pending = await page.evaluate(() => window.pending);
  check("pending state while creating (button disabled, busy status)", pending.disabled && pending.busy, JSON.stringify(pending));
  const collection = (await page.textContent("#collection")).replace("Collection ", "");
  check("collection created", /^0\.0\.\d+$/.test(collection), collection);

  await page.fill("#nft-name", "FastShoes Runner 42 (console)");
  // While the mint runs every action is held: a Create clicked meanwhile does nothing. (Both
  // clicks in one task: on the devnet a mint can finish before a second click could land.)
  const busy = await page.evaluate(() => {
    document.querySelector("#mint").click();
    document.querySelector("#create").click();
    return document.querySelector("main").getAttribute("aria-busy");
  });
  await page.waitForSelector("#nfts tbody tr", { timeout: 30000 });
  await page.waitForFunction(() => document.querySelector("main").getAttribute("aria-busy") === "false", null, { timeout: 30000 });
  check("other actions held while minting (a Create clicked meanwhile is ignored)",
    busy === "true" && (await page.textContent("#collection")) === `Collection ${collection}`, `aria-busy ${busy}`);
  const row = await page.locator("#nfts tbody tr").first().innerText();
  check("minted NFT listed from the mirror, name verified from IPFS", /^1\s+0\.0\.1001\s+ipfs:\/\/bafk\S+\s+FastShoes Runner 42 \(console\)$/.test(row.trim()), row);
  check("status says minted", (await page.textContent("#status")).startsWith(`Minted ${collection}/1`));
  await page.screenshot({ path: screenshot, fullPage: true });

  // A readable error: an out-of-range score never leaves the page.
  await page.fill("#nft-score", "250");
  await page.click("#mint");
  await page.waitForSelector("#status.error", { timeout: 10000 });
  const error = await page.textContent("#status");
  check("invalid input is a readable error", error.includes("METADATA_INVALID_FIELD"), error);
  check("no uncaught page errors", errors.length === 0, errors.join("; "));
  await page.fill("#nft-score", "87");
} catch (e) {
  check("console flow", false, e.message);
} finally {
  await browser.close();
}
const passed = results.filter(Boolean).length;
console.log(`test result: ${passed === results.length ? "ok" : "FAILED"}. ${passed} passed; ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
