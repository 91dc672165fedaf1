// What the popup and the approval window share: calls to the service worker and small DOM helpers.
export async function call(action, args = {}) {
  const answer = await chrome.runtime.sendMessage({ type: "ui", action, args });
  if (!answer) throw Object.assign(new Error("the wallet did not answer"), { code: "WALLET_UNAVAILABLE" });
  if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
  return answer.result;
}

export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** Shows `e` (code and message) in the element with id `where`. */
export function showError(where, e) {
  const box = document.getElementById(where);
  box.textContent = e ? `${e.code ?? "ERROR"}: ${e.message}` : "";
  box.hidden = !e;
}
