// What the wallet scripts share: a devnet on port 0 (the `loyal-devnet` binary, its
// `Listening on` lines parsed), Debian's Chromium with the unpacked extension in a persistent
// context, the extension's popup and approval windows, and a test page served on 127.0.0.1.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, serve } from "../lib/web.mjs";

export const PASSPHRASE = "correct horse battery";
export const ALICE_KEY = "302e020100300506032b657004220420" + (await sha256hex("loyal-devnet/Alice"));

async function sha256hex(text) {
  const { createHash } = await import("node:crypto");
  return createHash("sha256").update(text).digest("hex");
}

/** Starts the devnet binary at `bin` on free ports; resolves to { grpc, grpcWeb, mirror, ipfs, stop }. */
export async function devnet(bin) {
  const child = spawn(bin, ["--ephemeral", "--grpc-port", "0", "--grpc-web-port", "0", "--mirror-port", "0", "--ipfs-port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const urls = {};
  const lines = createInterface({ input: child.stdout });
  await new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`the devnet exited with ${code}`)));
    lines.on("line", (line) => {
      const m = line.match(/^Listening on (\S+) \((gRPC-web|gRPC|IPFS|mirror)/);
      if (m) urls[{ "gRPC-web": "grpcWeb", gRPC: "grpc", IPFS: "ipfs", mirror: "mirror" }[m[2]]] = m[1];
      if (line.startsWith("Ready in")) resolve();
    });
  });
  const http = (a) => (a.startsWith("http") ? a : `http://${a}`);
  return {
    grpc: urls.grpc,
    grpcWeb: http(urls.grpcWeb),
    mirror: http(urls.mirror),
    ipfs: http(urls.ipfs),
    stop: () => child.kill(),
  };
}

/** Chromium with the extension at `dir` loaded; resolves to { context, id, worker, close }. */
export async function browserWithWallet(dir) {
  const profile = await mkdtemp(join(tmpdir(), "loyal-wallet-"));
  const started = performance.now();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM.executablePath,
    headless: true,
    args: [...CHROMIUM.args, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  const id = new URL(worker.url()).host;
  return {
    context,
    id,
    worker,
    started,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The popup, opened as a tab (what a click on the toolbar icon shows). */
export async function popup(wallet) {
  const page = await wallet.context.newPage();
  await page.goto(`chrome-extension://${wallet.id}/popup.html`);
  await page.waitForFunction(() => [...document.querySelectorAll("section")].some((s) => !s.hidden) || !document.getElementById("error").hidden);
  return page;
}

/** Sets up through the popup's own controls: a vault, Alice imported by key, the devnet's URLs. */
export async function setUp(wallet, net) {
  const page = await popup(wallet);
  await page.fill("#new-passphrase", PASSPHRASE);
  await page.fill("#new-passphrase-again", PASSPHRASE);
  await page.click("#create-vault");
  await page.waitForSelector("#unlocked:not([hidden])", { timeout: 60000 });
  await page.fill("#mirror-url", net.mirror);
  await page.fill("#grpc-web-url", net.grpcWeb);
  await page.click("#save-endpoints");
  await page.waitForFunction((m) => document.getElementById("mirror-url").value === m, net.mirror);
  await page.fill("#account-id", "0.0.1005");
  await page.fill("#account-label", "Alice");
  await page.fill("#private-key", ALICE_KEY);
  await page.click("#add-account");
  await page.waitForSelector('tr[data-account="0.0.1005"]');
  return page;
}

/** A plain site page on its own origin, with nothing but the page itself. */
export async function site(title = "FastShoes") {
  return serve(".", { "/": `<!doctype html><title>${title}</title><h1>${title}</h1>` });
}

/** Waits for the next approval window the extension opens (polled every `poll` ms: the
 * window's first `page` event can come before its URL is set) until it shows its request. */
export async function nextApproval(wallet, timeout = 20000, poll = 25) {
  const seen = new Set(wallet.context.pages().filter((p) => p.url().includes("/approve.html")));
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    const p = wallet.context.pages().find((p) => p.url().includes("/approve.html") && !seen.has(p) && !p.isClosed());
    if (p) {
      await p.waitForLoadState();
      await p.waitForFunction(() => !document.getElementById("details").hidden || !document.getElementById("unlock-first").hidden || !document.getElementById("error").hidden, null, { polling: poll });
      return p;
    }
    await new Promise((ok) => setTimeout(ok, poll));
  }
  throw new Error("no approval window opened");
}

/** Clicks a button of an approval window, which the wallet may close before the click returns. */
export async function press(approval, selector) {
  try {
    await approval.click(selector, { noWaitAfter: true });
  } catch (e) {
    if (!approval.isClosed() && !/closed/.test(e.message)) throw e;
  }
}
