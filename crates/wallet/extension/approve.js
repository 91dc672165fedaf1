// The approval window: the extension's own page. A transaction is decoded here, by the
// approval page's own wasm (display/, no key), from the exact bytes the service worker holds;
// the approval returns the digest of those bytes, and the service worker signs only its own
// copy of the request's bytes, only if the digest matches (see crates/wallet/src/wallet.rs).
import { call, el, showError } from "./ui.js";
import init, { describeTransaction } from "./display/loyal_wallet.js";

const $ = (id) => document.getElementById(id);
const id = Number(new URLSearchParams(location.search).get("id"));
let prompt = null;
/** For a transaction: `{ summary, digest }`, decoded from `prompt.bytes`. */
let shown = null;

async function describe() {
  await init({ module_or_path: new URL("display/loyal_wallet_bg.wasm", location.href) });
  const bytes = Uint8Array.from(atob(prompt.bytes), (c) => c.charCodeAt(0));
  return JSON.parse(await describeTransaction(prompt.method, bytes, prompt.mirror ?? ""));
}

function table(rows) {
  return el("table", { id: "summary" }, rows.map(([k, v]) => el("tr", {}, el("th", {}, k), el("td", {}, v))));
}

function render() {
  $("origin").textContent = prompt.origin;
  $("network").textContent = prompt.network;
  $("unlock-first").hidden = !prompt.locked;
  $("details").hidden = prompt.locked;
  if (prompt.locked) return $("passphrase").focus();
  if (prompt.kind === "connect") {
    $("title").textContent = "Connect this site?";
    $("what").replaceChildren(
      el("p", {}, "The site will see these accounts and may ask you to sign with them:"),
      ...prompt.accounts.map((a, i) =>
        el("label", { style: "display:block" },
          el("input", { type: "checkbox", class: "account", value: `hedera:${a.network}:${a.accountId}`, checked: i === 0 }),
          ` ${a.label} (${a.accountId})`)),
    );
  } else if (prompt.kind === "message") {
    $("title").textContent = "Sign this message?";
    $("what").replaceChildren(table([["Signer", prompt.signer]]), el("pre", { id: "message" }, prompt.message));
  } else if (prompt.kind === "query") {
    const q = prompt.query;
    $("title").textContent = `${q.title}: ask the network?`;
    $("what").replaceChildren(table([
      ["Query", `${q.title} (${q.kind})`],
      ["About", q.subject],
      ["Signer", prompt.signer],
      ["Payment", q.payment || "none (a free query)"],
    ]));
  } else {
    const s = shown.summary;
    $("title").textContent = `${s.title}: sign${prompt.method === "hedera_signAndExecuteTransaction" ? " and send" : ""}?`;
    $("what").replaceChildren(table([
      ["Type", `${s.title} (${s.kind})`],
      ["Payer", s.payer],
      ...s.rows.map((r) => [r.label, r.value]),
      ["Max fee", s.maxFee],
      ["Memo", s.memo || "(none)"],
      ["Node", s.nodes.join(", ")],
      ["Valid start", `${s.validStart} (for ${s.validSeconds} s)`],
      ["Transaction id", s.transactionId],
    ]));
  }
}

async function load() {
  try {
    prompt = await call("pending", { id });
    if (prompt.kind === "transaction" && !shown) {
      try {
        shown = await describe();
      } catch (e) {
        if (e?.code !== "UNDECODABLE_TRANSACTION") throw e;
        // Nothing to show: the request is refused as bytes that do not decode.
        await call("decide", { id, approve: false, undecodable: e.message });
        return window.close();
      }
    }
    render();
  } catch (e) {
    showError("error", e);
  }
}

$("unlock").addEventListener("click", async () => {
  showError("error", null);
  try {
    await call("unlock", { passphrase: $("passphrase").value });
    $("passphrase").value = "";
    await load();
  } catch (e) {
    showError("error", e);
  }
});
$("passphrase").addEventListener("keydown", (e) => e.key === "Enter" && $("unlock").click());

async function decide(approve) {
  showError("error", null);
  $("approve").disabled = $("reject").disabled = true;
  try {
    const choice = prompt?.kind === "connect"
      ? { accounts: [...document.querySelectorAll("input.account:checked")].map((c) => c.value) }
      : {};
    await call("decide", { id, approve, choice, digest: shown?.digest });
    window.close();
  } catch (e) {
    showError("error", e);
    $("approve").disabled = $("reject").disabled = false;
  }
}
$("approve").addEventListener("click", () => decide(true));
$("reject").addEventListener("click", () => decide(false));

load();
