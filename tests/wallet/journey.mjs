// The wallet extension in headless Chromium against a devnet on port 0, as a customer and a
// site use it: a vault is created and Alice imported through the popup; a site discovers the
// wallet and connects (approved by a click in the approval window); what the wallet signs is
// checked by the official JS SDK and by HIP-820's rules; every refusal is a typed error; the
// approval window decodes what it shows itself and only bytes with the digest it returns are signed.
// Screenshots of the approval windows go to target/wallet/screenshots/.
// Usage: node journey.mjs EXTENSION_DIR DEVNET_BIN SCREENSHOT_DIR
import { mkdir } from "node:fs/promises";
import * as sdk from "@hashgraph/sdk";
import { proto } from "@hiero-ledger/proto";
import { ALICE_KEY, PASSPHRASE, browserWithWallet, devnet, nextApproval, press, setUp, site } from "./harness.mjs";

const [extension, devnetBin, shots] = process.argv.slice(2);
await mkdir(shots, { recursive: true });
const results = [];
let window_error = "";
const check = (name, ok, detail = "") => {
  results.push(ok);
  console.log(`${ok ? "ok" : "FAIL"} ${name}${detail ? `: ${detail}` : ""}`);
};
const ALICE = "hedera:devnet:0.0.1005";
const b64 = (bytes) => Buffer.from(bytes).toString("base64");

/** Runs provider.request in the page; resolves to { result } or { error: { code, message, data } }. */
const ask = (page, method, params) =>
  page.evaluate(async ([method, params]) => {
    try {
      return { result: await window.hedera.request({ method, params }) };
    } catch (e) {
      return { error: { code: e.code, message: e.message, data: e.data } };
    }
  }, [method, params]);

/** A request that opens the approval window: `act` clicks in it; resolves to [answer, window text]. */
async function approved(wallet, page, method, params, act, shot) {
  const windowOpens = nextApproval(wallet);
  const answer = ask(page, method, params);
  const approval = await windowOpens;
  const text = await approval.innerText("body");
  if (shot) await approval.screenshot({ path: `${shots}/${shot}.png`, fullPage: true });
  await act(approval);
  return [await answer, text];
}
const click = (id) => (w) => press(w, id);

const net = await devnet(devnetBin);
const wallet = await browserWithWallet(extension);
const fastshoes = await site("FastShoes");
const stranger = await site("Stranger");
const operator = sdk.Client.forNetwork({ [net.grpc]: "0.0.3" }).setOperator("0.0.1005", sdk.PrivateKey.fromStringDer(ALICE_KEY));
const alicePublic = sdk.PrivateKey.fromStringDer(ALICE_KEY).publicKey;
try {
  const pop = await setUp(wallet, net);
  const row = await pop.locator('tr[data-account="0.0.1005"]').innerText();
  check("vault created and Alice imported through the popup", row.includes("Alice") && row.includes("ED25519"), row.replace(/\s+/g, " "));
  const icons = await pop.evaluate(() => Promise.all(Object.entries(chrome.runtime.getManifest().icons).map(([size, path]) => new Promise((ok) => {
    const img = new Image();
    img.onload = () => ok(img.naturalWidth === Number(size));
    img.onerror = () => ok(false);
    img.src = chrome.runtime.getURL(path);
  }))));
  check("the manifest's icons (16, 48, 128) load at their sizes", icons.length === 3 && icons.every(Boolean), JSON.stringify(icons));
  await pop.waitForFunction(() => /ℏ/.test(document.querySelector('tr[data-account="0.0.1005"] .balance').textContent), null, { timeout: 15000 }).catch(() => {});
  const balance = await pop.locator('tr[data-account="0.0.1005"] .balance').innerText();
  check("Alice's balance read from the devnet's mirror", /^\d[\d.]* ℏ/.test(balance), balance);

  const page = await wallet.context.newPage();
  await page.goto(fastshoes.url);
  const found = await page.evaluate(() => new Promise((resolve) => {
    const seen = [];
    window.addEventListener("hedera:announceProvider", (e) => seen.push(e.detail));
    window.dispatchEvent(new Event("hedera:requestProvider"));
    setTimeout(() => resolve(seen.map((d) => ({ ...d.info, same: d.provider === window.hedera }))), 200);
  }));
  check("discovered by hedera:requestProvider / announceProvider", found.length === 1 && found[0].name === "Loyal Wallet" && found[0].same && /^[0-9a-f-]{36}$/.test(found[0].uuid), JSON.stringify(found));

  let r = await ask(page, "hedera_signMessage", { signerAccountId: ALICE, message: "hi" });
  check("a site that is not connected is refused (4100)", r.error?.code === 4100 && r.error.data.code === "UNAUTHORIZED", JSON.stringify(r));

  await page.evaluate(() => { window.events = []; window.hedera.on("accountsChanged", (a) => window.events.push(a)); });
  let text;
  [r, text] = await approved(wallet, page, "hedera_connect", { network: "devnet" }, click("#approve"), "connect");
  check("the connect window names the site and the account", text.includes("Connect this site?") && text.includes(fastshoes.url) && text.includes("Alice (0.0.1005)"), text.replace(/\s+/g, " "));
  const account = r.result?.accounts?.[0];
  check("connect answers the account and its public key", account?.accountId === ALICE && account.publicKey === alicePublic.toStringDer() && r.result.network === "devnet", JSON.stringify(r));
  await page.waitForFunction(() => window.events.length > 0);
  check("accountsChanged fires on connect", JSON.stringify(await page.evaluate(() => window.events[0])) === JSON.stringify([ALICE]));

  const message = "I join the FastShoes challenge #42";
  [r, text] = await approved(wallet, page, "hedera_signMessage", { signerAccountId: ALICE, message }, click("#approve"), "sign-message");
  check("the message window shows the text", text.includes(message) && text.includes(ALICE), text.replace(/\s+/g, " "));
  const map = r.result && proto.SignatureMap.decode(Buffer.from(r.result.signatureMap, "base64"));
  const prefixed = Buffer.from(`\x19Hedera Signed Message:\n${message.length}${message}`);
  check("hedera_signMessage: the SDK verifies the prefixed message", !!map && alicePublic.verify(prefixed, map.sigPair[0].ed25519), JSON.stringify(r).slice(0, 200));

  // A transfer frozen by the SDK: its body signed by the wallet, verified by the SDK.
  const transfer = () => new sdk.TransferTransaction()
    .addHbarTransfer("0.0.1005", sdk.Hbar.fromTinybars(-100_000_000))
    .addHbarTransfer("0.0.1006", sdk.Hbar.fromTinybars(100_000_000))
    .setTransactionMemo("Ticket for Bob")
    .setNodeAccountIds([new sdk.AccountId(3)])
    .setTransactionId(sdk.TransactionId.generate("0.0.1005"))
    .freeze();
  const tx = transfer();
  const body = proto.SignedTransaction.decode(proto.TransactionList.decode(tx.toBytes()).transactionList[0].signedTransactionBytes).bodyBytes;
  [r, text] = await approved(wallet, page, "hedera_signTransaction", { signerAccountId: ALICE, transactionBody: b64(body) }, click("#approve"), "transfer-hbar");
  const hbarWindow = ["Transfer", "Payer", "0.0.1005", "ℏ 0.0.1005", "-1 ℏ", "ℏ 0.0.1006", "1 ℏ", "Ticket for Bob", "0.0.3", "Max fee", "Valid start"];
  check("the transfer window shows type, payer, amounts in ℏ, memo, node, fee, valid start", hbarWindow.every((s) => text.includes(s)), text.replace(/\s+/g, " "));
  const sig = r.result && proto.SignatureMap.decode(Buffer.from(r.result.signatureMap, "base64")).sigPair[0].ed25519;
  let sdkVerified = false;
  if (sig) {
    tx.addSignature(alicePublic, sig);
    sdkVerified = alicePublic.verify(body, sig) && alicePublic.verifyTransaction(tx);
  }
  check("hedera_signTransaction: the SDK verifies the signature on its own transaction", sdkVerified, JSON.stringify(r).slice(0, 200));

  // Signed and executed: lands on the devnet, read back from the mirror.
  const sent = transfer();
  [r] = await approved(wallet, page, "hedera_signAndExecuteTransaction", { signerAccountId: ALICE, transactionList: b64(sent.toBytes()) }, click("#approve"));
  check("hedera_signAndExecuteTransaction answers nodeId, transactionHash, transactionId", r.result?.nodeId === "0.0.3" && /^[0-9a-f]{96}$/.test(r.result.transactionHash) && r.result.transactionId === sent.transactionId.toString(), JSON.stringify(r));
  const mirrorId = sent.transactionId.toString().replace("@", "-").replace(/\.(\d+)$/, "-$1");
  let landed = null;
  for (let i = 0; i < 50 && !landed; i++) {
    const res = await fetch(`${net.mirror}/api/v1/transactions/${mirrorId}`);
    if (res.ok) landed = (await res.json()).transactions?.[0];
    else await new Promise((ok) => setTimeout(ok, 100));
  }
  check("the transaction is on the mirror with result SUCCESS", landed?.result === "SUCCESS", JSON.stringify(landed)?.slice(0, 200));

  // An NFT transfer: the window shows token and serial; rejecting gives 4001.
  const nft = await (await new sdk.TokenCreateTransaction().setTokenName("Twin").setTokenSymbol("TWIN").setTokenType(sdk.TokenType.NonFungibleUnique)
    .setTreasuryAccountId("0.0.1005").setSupplyKey(alicePublic).setAdminKey(alicePublic).execute(operator)).getReceipt(operator);
  const token = nft.tokenId.toString();
  await (await new sdk.TokenMintTransaction().setTokenId(token).setMetadata([Buffer.from("ipfs://twin-1")]).execute(operator)).getReceipt(operator);
  const nftTx = new sdk.TransferTransaction().addNftTransfer(`${token}@1`, "0.0.1005", "0.0.1006")
    .setNodeAccountIds([new sdk.AccountId(3)]).setTransactionId(sdk.TransactionId.generate("0.0.1005")).freeze();
  [r, text] = await approved(wallet, page, "hedera_signAndExecuteTransaction", { signerAccountId: ALICE, transactionList: b64(nftTx.toBytes()) }, click("#reject"), "transfer-nft");
  check("the NFT transfer window shows token, serial, sender and receiver", text.includes(`NFT ${token} #1`) && text.includes("0.0.1005 → 0.0.1006"), text.replace(/\s+/g, " "));
  check("rejecting gives 4001", r.error?.code === 4001 && r.error.data.code === "USER_REJECTED", JSON.stringify(r));

  // A fungible transfer: the bytes carry no decimals, the window shows the token's units (mirror).
  const ft = await (await new sdk.TokenCreateTransaction().setTokenName("Tickets").setTokenSymbol("TIX").setDecimals(2).setInitialSupply(1000)
    .setTreasuryAccountId("0.0.1005").setAdminKey(alicePublic).execute(operator)).getReceipt(operator);
  const tix = ft.tokenId.toString();
  for (let i = 0; i < 50 && !(await fetch(`${net.mirror}/api/v1/tokens/${tix}`)).ok; i++) await new Promise((ok) => setTimeout(ok, 100));
  const ftTx = new sdk.TransferTransaction().addTokenTransfer(tix, "0.0.1005", -150).addTokenTransfer(tix, "0.0.1006", 150)
    .setNodeAccountIds([new sdk.AccountId(3)]).setTransactionId(sdk.TransactionId.generate("0.0.1005")).freeze();
  [r, text] = await approved(wallet, page, "hedera_signAndExecuteTransaction", { signerAccountId: ALICE, transactionList: b64(ftTx.toBytes()) }, click("#reject"), "transfer-token");
  check("the token transfer window shows amounts in the token's units (decimals and symbol from the mirror)", text.includes(`Token ${tix} 0.0.1005`) && text.includes("-1.5 TIX") && text.includes("1.5 TIX"), text.replace(/\s+/g, " "));

  // hedera_signAndExecuteQuery: queries built by the SDK, approved by a click, sent by the wallet
  // to the devnet's node; the answers decoded with the SDK's protos and checked against the mirror.
  const balanceQuery = new sdk.AccountBalanceQuery().setAccountId("0.0.1005");
  [r, text] = await approved(wallet, page, "hedera_signAndExecuteQuery", { signerAccountId: ALICE, query: b64(balanceQuery.toBytes()) }, click("#approve"), "query-balance");
  check("the query window shows the kind, the account asked about and no payment", ["Account balance", "CryptoGetAccountBalance", "0.0.1005", "none (a free query)"].every((s) => text.includes(s)), text.replace(/\s+/g, " "));
  const balanceAnswer = r.result && proto.Response.decode(Buffer.from(r.result.response, "base64")).cryptogetAccountBalance;
  const sdkBalance = balanceAnswer && sdk.AccountBalance.fromBytes(proto.CryptoGetAccountBalanceResponse.encode(balanceAnswer).finish());
  const mirrorAlice = await (await fetch(`${net.mirror}/api/v1/accounts/0.0.1005`)).json();
  check("a balance query answers the node's Response: the SDK reads Alice's balance, as the mirror has it",
    balanceAnswer?.header?.nodeTransactionPrecheckCode === 0 && sdkBalance.hbars.toTinybars().toString() === String(mirrorAlice.balance.balance)
      && sdkBalance.tokens.get(tix)?.toString() === String(mirrorAlice.balance.tokens.find((t) => t.token_id === tix)?.balance),
    `${sdkBalance?.hbars} / ${mirrorAlice.balance?.balance}`);
  const nftQuery = new sdk.TokenNftInfoQuery().setNftId(new sdk.NftId(sdk.TokenId.fromString(token), 1));
  [r, text] = await approved(wallet, page, "hedera_signAndExecuteQuery", { signerAccountId: ALICE, query: b64(nftQuery.toBytes()) }, click("#approve"), "query-nft-info");
  check("the paid query window shows the NFT and who pays", text.includes(`NFT ${token} #1`) && text.includes("TokenGetNftInfo") && text.includes("from 0.0.1005 to the node"), text.replace(/\s+/g, " "));
  const nftAnswer = r.result && proto.Response.decode(Buffer.from(r.result.response, "base64")).tokenGetNftInfo;
  const mirrorNft = await (await fetch(`${net.mirror}/api/v1/tokens/${token}/nfts/1`)).json();
  check("an NFT info query (paid by Alice's signed transfer to the node) answers owner and metadata, as the mirror has them",
    nftAnswer?.header?.nodeTransactionPrecheckCode === 0 && sdk.AccountId._fromProtobuf(nftAnswer.nft.accountID).toString() === mirrorNft.account_id
      && Buffer.from(nftAnswer.nft.metadata).toString("base64") === mirrorNft.metadata,
    JSON.stringify(r).slice(0, 200));
  [r] = await approved(wallet, page, "hedera_signAndExecuteQuery", { signerAccountId: ALICE, query: b64(balanceQuery.toBytes()) }, click("#reject"));
  check("rejecting a query gives 4001", r.error?.code === 4001 && r.error.data.code === "USER_REJECTED", JSON.stringify(r));

  // Closing the window is a rejection too.
  [r] = await approved(wallet, page, "hedera_signMessage", { signerAccountId: ALICE, message: "closed unanswered" }, (w) => w.close());
  check("closing the approval window gives 4001", r.error?.code === 4001, JSON.stringify(r));

  // The window decodes for display the bytes the service worker holds and answers with their
  // digest; the service worker signs its own copy, only for that digest. An approval carrying
  // another digest (a display path showing other bytes) signs nothing, and the request waits on.
  const shownWindow = nextApproval(wallet);
  const waiting = ask(page, "hedera_signTransaction", { signerAccountId: ALICE, transactionBody: b64(body) });
  const w = await shownWindow;
  const forged = await w.evaluate(() => chrome.runtime.sendMessage({
    type: "ui", action: "decide",
    args: { id: Number(new URLSearchParams(location.search).get("id")), approve: true, digest: "00".repeat(32) },
  }));
  check("an approval with another digest than the shown bytes' signs nothing (NOT_SHOWN)", forged?.error?.code === "NOT_SHOWN" && !forged.result, JSON.stringify(forged));
  await press(w, "#reject");
  r = await waiting;
  check("that request still waited for the user (then rejected: 4001)", r.error?.code === 4001, JSON.stringify(r));

  // Envelope, ids and top-level fields that read, content that does not: refused by the service
  // worker before any window opens (-32602, naming the field), with test mode off and on (test
  // mode would otherwise sign without a window); nothing signed.
  const windowsDuring = async (request) => {
    const opened = [];
    const onPage = (p) => opened.push(p);
    wallet.context.on("page", onPage);
    const answer = await request();
    await new Promise((ok) => setTimeout(ok, 300));
    wallet.context.off("page", onPage);
    return [answer, opened.length];
  };
  const asList = (bodyBytes) => b64(proto.TransactionList.encode({ transactionList: [{
    signedTransactionBytes: proto.SignedTransaction.encode({ bodyBytes, sigMap: {} }).finish(),
  }] }).finish());
  const undecodable = [
    // CryptoTransfer's field 1 (its ℏ transfer list) as a varint.
    ["a wrong wire type in the transfer", Buffer.concat([Buffer.from(body), Buffer.from([14 << 3 | 2, 2, 1 << 3, 1])]), "field 14.1"],
    // A transfer list whose entry claims 5 bytes and has 0.
    ["a truncated nested message", Buffer.concat([Buffer.from(body), Buffer.from([14 << 3 | 2, 4, 1 << 3 | 2, 2, 1 << 3 | 2, 5])]), "field 14.1.1"],
    // A memo that is not UTF-8 (a shared field: in a list, reading the ids already refuses it).
    ["a memo that is not UTF-8", Buffer.concat([Buffer.from(body), Buffer.from([6 << 3 | 2, 2, 0xc3, 0x28])]), "not UTF-8"],
  ];
  for (const mode of ["", " in test mode"]) {
    if (mode) {
      await pop.bringToFront();
      await pop.check("#auto-approve");
      await pop.waitForFunction(() => document.getElementById("auto-approve").checked);
      // Test mode is on: well-formed bytes are signed without a window.
      const [ok, opened] = await windowsDuring(() => ask(page, "hedera_signTransaction", { signerAccountId: ALICE, transactionBody: b64(body) }));
      check("test mode signs well-formed bytes without a window", !!ok.result?.signatureMap && opened === 0, `${JSON.stringify(ok).slice(0, 200)}; windows opened: ${opened}`);
    }
    for (const [what, bytes, where] of undecodable) {
      for (const [method, params] of [
        ["hedera_signTransaction", { signerAccountId: ALICE, transactionBody: b64(bytes) }],
        ["hedera_signAndExecuteTransaction", { signerAccountId: ALICE, transactionList: asList(bytes) }],
      ]) {
        const [r, opened] = await windowsDuring(() => ask(page, method, params));
        check(`${what}${mode} (${method}) is refused before any window (-32602)`,
          r.error?.code === -32602 && r.error.data.code === "UNDECODABLE_TRANSACTION" && r.error.message.includes(where) && opened === 0,
          `${JSON.stringify(r)}; windows opened: ${opened}`);
      }
    }
  }
  await pop.uncheck("#auto-approve");
  await pop.waitForFunction(() => !document.getElementById("auto-approve").checked);
  await page.bringToFront();

  // Refused before any window: a payer that is not the connected account, bytes that do not decode.
  const pagesBefore = wallet.context.pages().length;
  const bobPays = new sdk.TransferTransaction().addHbarTransfer("0.0.1006", -1).addHbarTransfer("0.0.1005", 1)
    .setNodeAccountIds([new sdk.AccountId(3)]).setTransactionId(sdk.TransactionId.generate("0.0.1006")).freeze();
  r = await ask(page, "hedera_signAndExecuteTransaction", { signerAccountId: ALICE, transactionList: b64(bobPays.toBytes()) });
  check("a payer other than the connected account is refused", r.error?.code === 4100 && r.error.data.code === "WRONG_ACCOUNT", JSON.stringify(r));
  r = await ask(page, "hedera_signAndExecuteTransaction", { signerAccountId: ALICE, transactionList: b64([1, 2, 3, 4]) });
  check("bytes that do not decode are refused", r.error?.data?.code === "UNDECODABLE_TRANSACTION", JSON.stringify(r));
  r = await ask(page, "hedera_signAndExecuteQuery", { signerAccountId: ALICE, query: b64([1, 2, 3]) });
  check("query bytes that do not decode are refused (-32602)", r.error?.code === -32602 && r.error.data.code === "UNDECODABLE_QUERY", JSON.stringify(r));
  r = await ask(page, "hedera_signMessage", { signerAccountId: "hedera:devnet:0.0.1006", message: "x" });
  check("an account the site did not connect is refused", r.error?.code === 4100 && r.error.data.code === "WRONG_ACCOUNT", JSON.stringify(r));
  check("no approval window opened for any of them", wallet.context.pages().length === pagesBefore);

  const other = await wallet.context.newPage();
  await other.goto(stranger.url);
  r = await ask(other, "hedera_signMessage", { signerAccountId: ALICE, message: "hi" });
  check("another origin stays unconnected", r.error?.code === 4100, JSON.stringify(r));

  // One click imports the devnet's genesis accounts; the other site connects Bob (ECDSA) only.
  await pop.bringToFront();
  await pop.click("#import-genesis");
  await pop.waitForSelector('tr[data-account="0.0.1006"]');
  const bobRow = await pop.locator('tr[data-account="0.0.1006"]').innerText();
  check("the devnet's genesis accounts import in one click (Bob on ECDSA)", bobRow.includes("Bob") && bobRow.includes("ECDSA_SECP256K1") && (await pop.locator("#accounts tr").count()) === 6, bobRow.replace(/\s+/g, " "));
  await pop.screenshot({ path: `${shots}/popup.png`, fullPage: true });
  const BOB = "hedera:devnet:0.0.1006";
  [r, text] = await approved(wallet, other, "hedera_connect", {}, async (w) => {
    await w.uncheck(`input.account[value="${ALICE}"]`);
    await w.check(`input.account[value="${BOB}"]`);
    await press(w, "#approve");
  });
  check("a site connects the account the user ticks (Bob)", r.result?.accounts?.length === 1 && r.result.accounts[0].accountId === BOB && r.result.accounts[0].algorithm === "ECDSA_SECP256K1", JSON.stringify(r));
  const bobPublic = sdk.PublicKey.fromString(r.result.accounts[0].publicKey);
  [r] = await approved(wallet, other, "hedera_signMessage", { signerAccountId: BOB, message: "Bob's ticket" }, click("#approve"));
  const bobSig = r.result && proto.SignatureMap.decode(Buffer.from(r.result.signatureMap, "base64")).sigPair[0].ECDSASecp256k1;
  check("an ECDSA signature (Bob) verifies with the SDK", !!bobSig && bobPublic.verify(Buffer.from(`\x19Hedera Signed Message:\n12Bob's ticket`), bobSig), JSON.stringify(r));
  r = await ask(other, "hedera_signMessage", { signerAccountId: ALICE, message: "Alice?" });
  check("that site cannot use Alice", r.error?.code === 4100 && r.error.data.code === "WRONG_ACCOUNT", JSON.stringify(r));

  // hedera_executeTransaction relays what the page signed itself.
  const relayed = new sdk.TransferTransaction().addHbarTransfer("0.0.1005", -3).addHbarTransfer("0.0.1006", 3)
    .setNodeAccountIds([new sdk.AccountId(3)]).setTransactionId(sdk.TransactionId.generate("0.0.1005")).freeze();
  await relayed.sign(sdk.PrivateKey.fromStringDer(ALICE_KEY));
  r = await ask(page, "hedera_executeTransaction", { transactionList: b64(relayed.toBytes()) });
  check("hedera_executeTransaction relays a signed transaction (no window)", r.result?.status === "SUCCESS" && r.result.transactionId === relayed.transactionId.toString(), JSON.stringify(r));

  // Locked: the window asks to unlock first; a wrong passphrase is an error, not a wipe.
  await pop.bringToFront();
  await pop.click("#lock");
  await pop.waitForSelector("#locked:not([hidden])");
  [r, text] = await approved(wallet, page, "hedera_signMessage", { signerAccountId: ALICE, message: "after lock" }, async (w) => {
    await w.fill("#passphrase", "wrong horse battery");
    await w.click("#unlock");
    await w.waitForSelector("#error:not([hidden])");
    window_error = await w.innerText("#error");
    await w.fill("#passphrase", PASSPHRASE);
    await w.click("#unlock");
    await w.waitForSelector("#details:not([hidden])");
    await w.screenshot({ path: `${shots}/unlocked-message.png` });
    await press(w, "#approve");
  }, "locked");
  check("a locked vault asks to unlock first", text.includes("Unlock the wallet to continue"), text.replace(/\s+/g, " "));
  check("a wrong passphrase is a clear error", window_error.startsWith("WALLET_BAD_PASSPHRASE"), window_error);
  check("after unlocking, the request is signed", typeof r.result?.signatureMap === "string", JSON.stringify(r));

  // The user switches network in the popup: sites hear networkChanged; devnet requests are refused.
  await page.evaluate(() => { window.networks = []; window.hedera.on("networkChanged", (n) => window.networks.push(n)); });
  await pop.bringToFront();
  await pop.reload();
  await pop.waitForSelector("#unlocked:not([hidden])");
  await pop.selectOption("#network", "testnet");
  await page.waitForFunction(() => window.networks.length > 0, null, { timeout: 5000 }).catch(() => {});
  check("networkChanged fires when the popup switches network", JSON.stringify(await page.evaluate(() => window.networks)) === '["testnet"]');
  r = await ask(page, "hedera_signMessage", { signerAccountId: ALICE, message: "on testnet?" });
  check("a devnet request on testnet is WRONG_NETWORK (4901)", r.error?.code === 4901 && r.error.data.code === "WRONG_NETWORK", JSON.stringify(r));
  await pop.selectOption("#network", "devnet");
  await pop.waitForFunction(() => document.getElementById("mirror-url").value !== "" && document.getElementById("network").value === "devnet");

  // Revocation from the popup.
  await pop.reload();
  await pop.waitForSelector(`tr[data-origin="${fastshoes.url}"]`);
  await page.evaluate(() => { window.events = []; });
  await pop.click(`tr[data-origin="${fastshoes.url}"] button.revoke`);
  await pop.waitForSelector(`tr[data-origin="${fastshoes.url}"]`, { state: "detached" });
  await page.waitForFunction(() => window.events.length > 0, null, { timeout: 5000 }).catch(() => {});
  check("revoking tells the site (accountsChanged [])", JSON.stringify(await page.evaluate(() => window.events[0])) === "[]");
  r = await ask(page, "hedera_signMessage", { signerAccountId: ALICE, message: "hi" });
  check("a revoked site is refused", r.error?.code === 4100, JSON.stringify(r));
} catch (e) {
  check("the journey ran to its end", false, e.stack);
} finally {
  await wallet.close();
  fastshoes.close();
  stranger.close();
  operator.close();
  net.stop();
}
const passed = results.filter(Boolean).length;
console.log(`test result: ${passed === results.length ? "ok" : "FAILED"}. ${passed} passed; ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
