import { call, el, showError } from "./ui.js";

const $ = (id) => document.getElementById(id);
let status = null;

async function act(fn) {
  showError("error", null);
  try {
    await fn();
  } catch (e) {
    showError("error", e);
  }
  await render();
}

async function render() {
  status = await call("status");
  if (status.broken) return showError("error", status.broken);
  $("create").hidden = status.hasVault;
  $("locked").hidden = !status.hasVault || status.unlocked;
  $("unlocked").hidden = !status.unlocked;
  if (!status.unlocked) return;
  $("network").value = status.network;
  $("mirror-url").value = status.endpoints?.mirror ?? "";
  $("grpc-web-url").value = status.endpoints?.grpcWeb ?? "";
  $("idle-minutes").value = status.idleMinutes;
  $("auto-approve").checked = status.autoApprove;
  $("accounts").replaceChildren(
    ...status.accounts.map((a) =>
      el("tr", { "data-account": a.accountId },
        el("td", {}, el("b", {}, a.label), el("div", { class: "muted" }, `${a.accountId} · ${a.algorithm}`)),
        el("td", { class: "balance" }, "…"),
        el("td", {}, el("button", { onclick: () => act(() => call("removeAccount", { network: a.network, accountId: a.accountId })) }, "Remove")),
      )),
  );
  $("sites").replaceChildren(
    ...Object.entries(status.connections).map(([origin, ids]) =>
      el("tr", { "data-origin": origin },
        el("td", {}, origin, el("div", { class: "muted" }, ids.join(", "))),
        el("td", {}, el("button", { class: "revoke", onclick: () => act(() => call("revoke", { origin })) }, "Revoke")),
      )),
  );
  balances();
}

async function balances() {
  try {
    for (const b of await call("balances")) {
      const cell = document.querySelector(`tr[data-account="${b.accountId}"] .balance`);
      if (!cell) continue;
      cell.textContent = b.error ? "unavailable" : [b.hbar, ...b.tokens.map((t) => `${t.balance} × ${t.tokenId}`)].join(", ");
      if (b.error) cell.title = b.error;
    }
  } catch (e) {
    showError("error", e);
  }
}

$("create-vault").addEventListener("click", () => act(async () => {
  if ($("new-passphrase").value !== $("new-passphrase-again").value) {
    throw Object.assign(new Error("the two passphrases differ"), { code: "WALLET_PASSPHRASE_MISMATCH" });
  }
  await call("create", { passphrase: $("new-passphrase").value });
}));
$("unlock").addEventListener("click", () => act(async () => {
  await call("unlock", { passphrase: $("passphrase").value });
  $("passphrase").value = "";
}));
$("passphrase").addEventListener("keydown", (e) => e.key === "Enter" && $("unlock").click());
$("lock").addEventListener("click", () => act(() => call("lock")));
$("network").addEventListener("change", () => act(() => call("setNetwork", { network: $("network").value })));
$("add-account").addEventListener("click", () => act(async () => {
  await call("addAccount", {
    network: status.network,
    accountId: $("account-id").value,
    label: $("account-label").value,
    privateKey: $("private-key").value,
    algorithm: $("algorithm").value,
  });
  $("private-key").value = "";
  $("account-id").value = "";
  $("account-label").value = "";
}));
$("import-genesis").addEventListener("click", () => act(() => call("importDevnetGenesis")));
$("save-endpoints").addEventListener("click", () => act(() => call("setEndpoints", { network: status.network, mirror: $("mirror-url").value, grpcWeb: $("grpc-web-url").value })));
$("reset-endpoints").addEventListener("click", () => act(() => call("setEndpoints", { network: status.network, mirror: "", grpcWeb: "" })));
$("idle-minutes").addEventListener("change", () => act(() => call("setIdleMinutes", { minutes: Number($("idle-minutes").value) })));
$("auto-approve").addEventListener("change", () => act(() => call("setAutoApprove", { on: $("auto-approve").checked })));
$("refresh").addEventListener("click", () => balances());

render().catch((e) => showError("error", e));
