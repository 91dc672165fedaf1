// The bridge between a page and the service worker. It forwards only well-formed requests
// from this very window; the service worker takes the origin from Chrome (`sender.origin`),
// never from the page.
const TO_WALLET = "loyal-wallet:to-wallet";
const TO_PAGE = "loyal-wallet:to-page";
const target = window.location.origin === "null" ? "*" : window.location.origin;

window.addEventListener("message", async (event) => {
  const m = event.data;
  if (event.source !== window || !m || m.channel !== TO_WALLET) return;
  const wellFormed = Number.isSafeInteger(m.id) && typeof m.method === "string" && m.method.length <= 64
    && (m.params === undefined || (typeof m.params === "object" && m.params !== null && !Array.isArray(m.params)));
  const reply = (body) => window.postMessage({ channel: TO_PAGE, id: m.id, ...body }, target);
  if (!wellFormed) {
    return reply({ error: { code: -32602, message: "request({ method, params }): params must be an object", data: { code: "INVALID_PARAMS" } } });
  }
  try {
    const answer = await chrome.runtime.sendMessage({ type: "request", method: m.method, params: m.params ?? {} });
    reply(answer ?? { error: { code: 4900, message: "the wallet did not answer", data: { code: "WALLET_UNAVAILABLE" } } });
  } catch (e) {
    reply({ error: { code: 4900, message: `the wallet is unavailable: ${e.message}`, data: { code: "WALLET_UNAVAILABLE" } } });
  }
});

chrome.runtime.onMessage.addListener((m) => {
  if (m?.type !== "event") return;
  if (m.origin && m.origin !== window.location.origin) return;
  window.postMessage({ channel: TO_PAGE, event: m.event, data: m.data }, target);
});
