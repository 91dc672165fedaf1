// The page-world provider: `window.hedera` (if no other wallet took it) and an announcement
// on `hedera:announceProvider`, answered again on every `hedera:requestProvider`, so several
// wallets can coexist (the EIP-6963 pattern). It holds nothing secret: every request crosses
// to the extension's content script and on to the service worker, which checks the origin.
(() => {
  const TO_WALLET = "loyal-wallet:to-wallet";
  const TO_PAGE = "loyal-wallet:to-page";
  const waiting = new Map();
  const listeners = { accountsChanged: new Set(), networkChanged: new Set() };
  let next = 1;

  window.addEventListener("message", (event) => {
    const m = event.data;
    if (event.source !== window || !m || m.channel !== TO_PAGE) return;
    if (m.event) {
      for (const fn of listeners[m.event] ?? []) {
        try { fn(m.data); } catch (e) { console.error(e); }
      }
      return;
    }
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error) {
      const e = new Error(m.error.message);
      e.code = m.error.code;
      e.data = m.error.data;
      w.reject(e);
    } else {
      w.resolve(m.result);
    }
  });

  const request = ({ method, params } = {}) =>
    new Promise((resolve, reject) => {
      if (typeof method !== "string") {
        const e = new Error("request({ method, params }): method must be a string");
        e.code = -32602;
        return reject(e);
      }
      const id = next++;
      waiting.set(id, { resolve, reject });
      window.postMessage({ channel: TO_WALLET, id, method, params: params ?? {} }, window.location.origin === "null" ? "*" : window.location.origin);
    });

  const provider = Object.freeze({
    isLoyalWallet: true,
    request,
    connect: (params = {}) => request({ method: "hedera_connect", params }),
    disconnect: () => request({ method: "hedera_disconnect" }),
    accounts: () => request({ method: "hedera_accounts" }),
    on(event, fn) {
      listeners[event]?.add(fn);
      return provider;
    },
    removeListener(event, fn) {
      listeners[event]?.delete(fn);
      return provider;
    },
  });
  const info = Object.freeze({
    uuid: crypto.randomUUID(),
    name: "Loyal Wallet",
    icon: "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23246'/%3E%3Ctext x='16' y='23' font-size='18' text-anchor='middle' fill='white'%3EL%3C/text%3E%3C/svg%3E",
    rdns: "invalid.example.loyal-wallet",
  });
  const detail = Object.freeze({ info, provider });
  const announce = () => window.dispatchEvent(new CustomEvent("hedera:announceProvider", { detail }));
  window.addEventListener("hedera:requestProvider", announce);
  announce();
  if (!("hedera" in window)) {
    Object.defineProperty(window, "hedera", { value: provider, configurable: false, enumerable: true });
  }
})();
