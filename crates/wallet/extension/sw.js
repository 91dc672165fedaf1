// The service worker: the only place keys live (inside the wasm `WalletCore`). It routes
// page requests (via the content script; the origin is Chrome's `sender.origin`) and the
// extension's own pages (popup, approval window), opens the approval window, and persists
// the encrypted vault and the settings to chrome.storage.local. Listeners are registered
// synchronously at the top level, as Manifest V3 requires; the wasm loads on first use.
import init, { WalletCore } from "./loyal_wallet.js";

const OWN = chrome.runtime.getURL("");
let core = null;
let broken = null;
let booting = null;
const pending = new Map();
let nextPending = 1;

function ready() {
  booting ??= (async () => {
    await init({ module_or_path: chrome.runtime.getURL("loyal_wallet_bg.wasm") });
    const { settings, vault } = await chrome.storage.local.get(["settings", "vault"]);
    try {
      core = new WalletCore(settings ?? null, vault ?? null);
    } catch (e) {
      // An unreadable vault is kept as it is and reported; nothing overwrites it.
      broken = e;
    }
  })();
  return booting.then(() => {
    if (broken) throw broken;
    core.tick();
    return core;
  });
}

async function persist() {
  const vault = core.vaultJson();
  const items = { settings: core.settingsJson() };
  if (vault !== undefined) items.vault = vault;
  await chrome.storage.local.set(items);
}

function rpcError(e) {
  return {
    code: typeof e?.rpcCode === "number" ? e.rpcCode : 4900,
    message: e?.message ?? String(e),
    data: { code: e?.code ?? "WALLET_ERROR", ...(e?.data ? { network: e.data } : {}) },
  };
}

function userRejected() {
  return Object.assign(new Error("the user rejected the request"), { code: "USER_REJECTED", rpcCode: 4001 });
}

async function broadcast(event, data, origin) {
  for (const tab of await chrome.tabs.query({})) {
    chrome.tabs.sendMessage(tab.id, { type: "event", event, data, origin }).catch(() => {});
  }
}

async function accountsChanged(origin) {
  const { accounts } = JSON.parse(core.accountsOf(origin));
  await broadcast("accountsChanged", accounts.map((a) => a.accountId), origin);
}

async function pageRequest(origin, method, params) {
  const wallet = await ready();
  const out = JSON.parse(await wallet.handle(origin, method, JSON.stringify(params)));
  if (method === "hedera_disconnect") {
    await persist();
    await accountsChanged(origin);
  }
  if ("answer" in out) return out.answer;
  const prompt = out.prompt;
  if (JSON.parse(wallet.status()).autoApprove) {
    // Test mode (set only from the extension's own pages): confirmed without a window.
    if (prompt.locked) throw Object.assign(new Error("the wallet is locked: unlock it first"), { code: "WALLET_LOCKED", rpcCode: 4900 });
    const first = prompt.accounts?.[0];
    const choice = prompt.kind === "connect" ? { accounts: [`hedera:${first.network}:${first.accountId}`] } : {};
    return finish(origin, method, params, choice, prompt.digest);
  }
  return new Promise((resolve, reject) => {
    const id = nextPending++;
    pending.set(id, { origin, method, params, prompt, resolve, reject, windowId: null });
    chrome.windows
      .create({ url: chrome.runtime.getURL(`approve.html?id=${id}`), type: "popup", width: 420, height: 640 })
      .then((w) => {
        const p = pending.get(id);
        if (p) p.windowId = w.id;
      }, (e) => {
        pending.delete(id);
        reject(e);
      });
  });
}

// `shown`: for a transaction, the digest of the bytes the approval window decoded and showed;
// the core signs the pending request's own bytes, and only if the digest is theirs.
async function finish(origin, method, params, choice, shown) {
  const answer = JSON.parse(await core.approve(origin, method, JSON.stringify(params), JSON.stringify(choice), shown ?? undefined));
  if (method === "hedera_connect") {
    await persist();
    await accountsChanged(origin);
  }
  return answer;
}

chrome.windows.onRemoved.addListener((windowId) => {
  for (const [id, p] of pending) {
    if (p.windowId === windowId) {
      pending.delete(id);
      p.reject(userRejected());
    }
  }
});

// The extension's own pages: the popup and the approval window.
const ui = {
  async status() {
    if (broken) return { broken: { code: broken.code, message: broken.message } };
    return JSON.parse(core.status());
  },
  async create({ passphrase }) { core.create(passphrase); await persist(); return ui.status(); },
  async unlock({ passphrase }) { core.unlock(passphrase); return ui.status(); },
  async lock() { core.lock(); return ui.status(); },
  async addAccount({ network, accountId, label, privateKey, algorithm }) {
    const added = JSON.parse(core.addAccount(network, accountId, label ?? "", privateKey || undefined, algorithm || undefined));
    await persist();
    return added;
  },
  async importDevnetGenesis() { const n = core.importDevnetGenesis(); await persist(); return { added: n }; },
  async removeAccount({ network, accountId }) { core.removeAccount(network, accountId); await persist(); return ui.status(); },
  async setNetwork({ network }) {
    core.setNetwork(network);
    await persist();
    await broadcast("networkChanged", network);
    return ui.status();
  },
  async setEndpoints({ network, mirror, grpcWeb }) { core.setEndpoints(network, mirror, grpcWeb); await persist(); return ui.status(); },
  async setAutoApprove({ on }) { core.setAutoApprove(!!on); await persist(); return ui.status(); },
  async setIdleMinutes({ minutes }) { core.setIdleMinutes(minutes); await persist(); return ui.status(); },
  async revoke({ origin }) { core.revoke(origin); await persist(); await accountsChanged(origin); return ui.status(); },
  async balances() { return JSON.parse(await core.balances()); },
  async pending({ id }) {
    const p = pending.get(id);
    if (!p) throw Object.assign(new Error("this request is no longer waiting"), { code: "NOT_PENDING" });
    return { ...p.prompt, locked: !JSON.parse(core.status()).unlocked };
  },
  // `undecodable`: the window could not decode the bytes for display; the request is refused
  // as bytes that do not decode (-32602), nothing shown or signed.
  async decide({ id, approve, choice, digest, undecodable }) {
    const p = pending.get(id);
    if (!p) throw Object.assign(new Error("this request is no longer waiting"), { code: "NOT_PENDING" });
    if (!approve) {
      pending.delete(id);
      p.reject(typeof undecodable === "string"
        ? Object.assign(new Error(undecodable), { code: "UNDECODABLE_TRANSACTION", rpcCode: -32602 })
        : userRejected());
      if (p.windowId !== null) chrome.windows.remove(p.windowId).catch(() => {});
      return { done: true };
    }
    // A failure to sign (locked again, …) leaves the request waiting and is shown in the window.
    const answer = await finish(p.origin, p.method, p.params, choice ?? {}, digest);
    pending.delete(id);
    p.resolve(answer);
    if (p.windowId !== null) chrome.windows.remove(p.windowId).catch(() => {});
    return { done: true };
  },
};

chrome.runtime.onMessage.addListener((m, sender, sendResponse) => {
  if (sender.id !== chrome.runtime.id || !m || typeof m !== "object") return;
  // Content scripts' messages carry the page's URL; only the extension's own pages have its origin.
  const fromOwnPage = typeof sender.url === "string" && sender.url.startsWith(OWN);
  if (m.type === "request" && sender.tab && !fromOwnPage && typeof sender.origin === "string") {
    pageRequest(sender.origin, m.method, m.params)
      .then((result) => sendResponse({ result }), (e) => sendResponse({ error: rpcError(e) }));
    return true;
  }
  if (m.type === "ui" && fromOwnPage && Object.hasOwn(ui, m.action)) {
    ready()
      .catch(() => null)
      .then(() => ui[m.action](m.args ?? {}))
      .then((result) => sendResponse({ result }), (e) => sendResponse({ error: { code: e?.code ?? "WALLET_ERROR", message: e?.message ?? String(e) } }));
    return true;
  }
});

// Chrome stops an idle service worker after 30 s, which would drop the open vault (and any
// approval in progress) long before the user's idle time. While the vault is open, an extension
// API call every 20 s keeps the worker alive (each call resets Chrome's idle timer) and checks
// the idle time; locked, the worker may stop: it has nothing to lose. The alarm catches a
// worker Chrome woke for it.
setInterval(() => {
  if (!core) return;
  core.tick();
  if (core.isUnlocked() || pending.size > 0) chrome.runtime.getPlatformInfo().catch(() => {});
}, 20_000);
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === "auto-lock" && core) core.tick();
});
chrome.alarms.create("auto-lock", { periodInMinutes: 1 });
ready().catch(() => {});
