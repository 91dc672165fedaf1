import { call, el, showError } from "./ui.js";

const $ = (id) => document.getElementById(id);
const id = Number(new URLSearchParams(location.search).get("id"));
let prompt = null;

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
    const s = prompt.summary;
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
    await call("decide", { id, approve, choice });
    window.close();
  } catch (e) {
    showError("error", e);
    $("approve").disabled = $("reject").disabled = false;
  }
}
$("approve").addEventListener("click", () => decide(true));
$("reject").addEventListener("click", () => decide(false));

load();
