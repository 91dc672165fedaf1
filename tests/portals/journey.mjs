// Alice's journey through the portals with the real wallet extension loaded in Chromium, as far
// as the pieces are wired. `loyal-agent setup` creates the journey on a devnet of our own and
// `loyal-agent --org all` runs the organisations' workflows. FastShoes: Alice connects her
// wallet, redeems the twin of her pair with the order code from her receipt (association and
// request approved in the extension's window; FastShoes' runner transfers the twin), the
// provenance shows BestProducer → FastShoes → Alice, and a second redemption of the same code
// is refused (ALREADY_REDEEMED), she joins the challenge with a proof of her twin. SuperMarathon's
// staff publish the results on their page (the results workflow in a worker started when they
// choose the results file) and it airdrops her accomplishment, Bob (600th) none; on the runner's
// page Alice connects her wallet (the extension's approval window), sees the accomplishment
// NFT waiting for her as a pending airdrop, declines once (USER_REJECTED shown with a way
// forward), then claims it (HIP-904) with the transaction signed in the wallet; the mirror
// says she owns it. StillWater: she presents twin + accomplishment in one proof, two tickets
// arrive, a second presentation of the pair is refused, she sends one ticket to Bob, who
// claims it. The venue gate admits Alice once on a ticket proof answering its code. Then she
// sells her twin to Bob after signing a new presentation: StillWater refuses it (PROOF_NOT_OWNER).
// The race has 249 other finishers before Alice (`loyal-agent seed`, a precondition): the
// staff publish all 251 rows and the results workflow mints and airdrops 250 accomplishments.
// Each step is timed (timeline.mjs): the journey's steps apart from setup, negative paths,
// the gate and screenshots. With --test-mode the wallet approves without windows (its test
// mode, set in the popup), as `cargo xtask bench journey` runs it; the negative paths that
// need a window (declining, selling the twin between signing and posting) turn it off.
// Usage: node journey.mjs BASE_URL EXTENSION_DIR DEVNET_BINARY AGENT_BINARY OUT_DIR [--test-mode]
import { spawn, spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AccountId, Client, NftId, PendingAirdropId, PrivateKey, TokenAssociateTransaction, TokenClaimAirdropTransaction, TokenId, TransferTransaction } from "@hashgraph/sdk";
import { ALICE_KEY, browserWithWallet, devnet as startDevnet, setUp } from "../wallet/harness.mjs";
import { tally, settled, staffKey } from "./pages.mjs";
import { timeline } from "./timeline.mjs";

const [base, extension, binary, agentBinary, out, mode] = process.argv.slice(2);
const testMode = mode === "--test-mode";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const t = tally();
const clock = timeline();
clock.mark("setup", "devnet");
const net = await startDevnet(binary);
const query = `?grpcweb=${encodeURIComponent(net.grpcWeb)}&mirror=${encodeURIComponent(net.mirror)}&ipfs=${encodeURIComponent(net.ipfs)}`;
const get = async (path) => (await fetch(`${net.mirror}/api/v1${path}`)).json();
clock.mark("setup", "browser");
const wallet = await browserWithWallet(extension);
const scratch = mkdtempSync(join(tmpdir(), "loyal-portals-journey-"));
let agent = null;
let shared = null;

/** Clicks `button`, answers each approval window the wallet opens with the next of
 *  `decisions` (default #approve), and resolves to the page's status once it is idle.
 *  `before(text, index)`, if given, is awaited before each window is answered. */
async function act(page, button, decisions = [], before = null) {
  const windows = [];
  const texts = [];
  let wake = () => {};
  // A window's address may still be about:blank when it opens: looked at when answered.
  const onPage = (p) => { windows.push(p); wake(); };
  wallet.context.on("page", onPage);
  const idle = () => {
    const s = document.querySelector("#status");
    return s.className !== "busy" && document.querySelector("main").getAttribute("aria-busy") !== "true";
  };
  try {
    await page.click(button);
    for (let i = 0; i < 300; i++) {
      // Made before the queue is looked at, so a window opening after that wakes the wait.
      const opened = new Promise((r) => { wake = r; });
      const w = windows.shift();
      if (w) {
        // Loaded as about:blank first, the window may only then navigate to its page: skipped
        // then, it would wait for an answer for ever.
        await w.waitForURL((u) => u.href !== "about:blank", { waitUntil: "load", timeout: 10000 }).catch(() => {});
        if (!w.url().includes("/approve.html")) continue;
        await w.waitForFunction(() => !document.getElementById("details").hidden || !document.getElementById("error").hidden, null, { polling: 10 });
        texts.push(await w.innerText("body"));
        if (before) await before(texts[texts.length - 1], texts.length - 1);
        // The window closes itself on the click: a click that sees it go is still a click.
        await w.click(decisions.shift() ?? "#approve").catch((e) => { if (!/closed/.test(e.message)) throw e; });
        continue;
      }
      if (await page.evaluate(idle)) return { ...(await settled(page)), windows: texts };
      // Whichever comes first: the page settles (looked at every 10 ms in the page) or a window opens.
      const settling = page.waitForFunction(idle, null, { polling: 10, timeout: 1000 }).catch(() => {});
      await Promise.race([settling, opened]);
    }
    throw new Error(`${button}: the page did not settle: ${await page.textContent("#status")} (${windows.length} window(s) unanswered)`);
  } finally {
    wallet.context.off("page", onPage);
  }
}

// A step that hangs must not hang the suite: everything is stopped after 5 minutes.
const watchdog = setTimeout(() => {
  console.log("FAIL journey: still running after 300 s");
  clock.summary();
  agent?.kill();
  net.stop();
  process.exit(1);
}, 300_000);
// The wallet's test mode (approve without a window), set in its popup.
let popup = null;
async function approveWithoutWindows(on) {
  await popup[on ? "check" : "uncheck"]("#auto-approve");
  // Read back from the service worker (the popup renders its status after the change).
  await popup.reload();
  await popup.waitForFunction((on) => !document.getElementById("unlocked").hidden && document.getElementById("auto-approve").checked === on, on);
}
// How many approval windows a step opens: none in test mode.
const shown = (n) => (testMode ? 0 : n);

try {
  clock.mark("setup", "wallet");
  popup = await setUp(wallet, net);
  if (testMode) await approveWithoutWindows(true);
  else await popup.close();

  // The journey's tokens, topics and order codes, made by loyal-agent setup; the pages get
  // the public part of the deployment (no keys, no order codes), served with CORS.
  clock.mark("setup", "organisations");
  const deploymentPath = join(scratch, "deployment.json");
  const setup = spawnSync(agentBinary, ["setup", "--grpc-web", net.grpcWeb, "--mirror", net.mirror, "--ipfs", net.ipfs, "--out", deploymentPath, "--twins", "3"], { encoding: "utf8" });
  if (setup.status !== 0) throw new Error(`loyal-agent setup: ${setup.stdout}${setup.stderr}`);
  const d = JSON.parse(readFileSync(deploymentPath, "utf8"));
  // The race's other 249 finishers (devnet accounts) and the results file SuperMarathon's
  // staff will publish: those finishers, then Alice (250th), then Bob (600th).
  clock.mark("setup", "seed");
  const resultsPath = join(scratch, "results.csv");
  const seeded = spawnSync(agentBinary, ["seed", "--deployment", deploymentPath, "--out", resultsPath, "--finishers", "249"], { encoding: "utf8" });
  if (seeded.status !== 0) throw new Error(`loyal-agent seed: ${seeded.stdout}${seeded.stderr}`);
  const seed = JSON.parse(seeded.stdout.trim().split("\n").pop());
  const resultsCsv = readFileSync(resultsPath, "utf8");
  clock.mark("setup", "agents");
  const publicPart = JSON.stringify({
    network: d.network, tokens: d.tokens, accounts: d.accounts,
    organisations: Object.fromEntries(Object.entries(d.organisations).map(([k, o]) => [k, { account: o.account, inbox_topic: o.inbox_topic, outcomes_topic: o.outcomes_topic }])),
  });
  // FastShoes' staff file: its orders table too (never on a customer page), no keys.
  const staffPart = JSON.stringify({ ...JSON.parse(publicPart), organisations: { ...JSON.parse(publicPart).organisations, FastShoes: { ...JSON.parse(publicPart).organisations.FastShoes, tables: d.organisations.FastShoes.tables } } });
  // SuperMarathon's staff file: its assets table (the medal image the results workflow puts in
  // each accomplishment's metadata), no keys.
  const marathonPart = JSON.stringify({ ...JSON.parse(publicPart), organisations: { ...JSON.parse(publicPart).organisations, SuperMarathon: { ...JSON.parse(publicPart).organisations.SuperMarathon, tables: d.organisations.SuperMarathon.tables } } });
  shared = createServer((req, res) => res.writeHead(200, { "access-control-allow-origin": "*", "content-type": "application/json" })
    .end(req.url.startsWith("/fastshoes-staff") ? staffPart : req.url.startsWith("/supermarathon-staff") ? marathonPart : publicPart));
  await new Promise((r) => shared.listen(0, "127.0.0.1", r));
  const deploymentUrl = `http://127.0.0.1:${shared.address().port}/deployment.json`;
  agent = spawn(agentBinary, ["--org", "all", "--deployment", deploymentPath], { stdio: ["ignore", "ignore", "inherit"] });
  const twin = d.tokens.twin;
  const [tableCode, order] = Object.entries(d.organisations.FastShoes.tables.orders).find(([, row]) => row.serial === 1);

  // FastShoes' till sells Alice the pair whose twin is serial 1: her receipt has the code.
  clock.mark("journey", "buy");
  const till = await wallet.context.newPage();
  await till.goto(`${base}/fastshoes/staff/${query}&twin=${twin}&deployment=${encodeURIComponent(deploymentUrl.replace("deployment.json", "fastshoes-staff.json"))}`);
  await settled(till);
  await till.click("#staff-devnet");
  await till.waitForSelector("#staff[data-ready=true]");
  await settled(till);
  await till.fill("#sell-serial", String(order.serial));
  let sold = await act(till, "#sell");
  const code = await till.textContent("#receipt-code");
  t.check("FastShoes till: the pair sold, the receipt carries its order code", sold.text.startsWith("Sold: twin serial 1") && code === tableCode, `${sold.text} ${code}`);
  clock.mark("record", "screenshot");
  await till.screenshot({ path: `${out}/00-fastshoes-till.png`, fullPage: true });
  await till.close();

  // FastShoes: Alice redeems the twin of her pair.
  clock.mark("journey", "redeem");
  const shop = await wallet.context.newPage();
  await shop.setViewportSize({ width: 1000, height: 900 });
  const shopErrors = [];
  shop.on("pageerror", (e) => shopErrors.push(e.message));
  await shop.goto(`${base}/fastshoes/${query}&deployment=${encodeURIComponent(deploymentUrl)}`);
  await settled(shop);
  let r = await act(shop, "#connect");
  t.check("FastShoes: Alice connects her wallet", r.text === "Wallet connected." && r.windows.length === shown(1) && (await shop.textContent("#wallet-state")) === "Connected: 0.0.1005 (Alice)", `${r.text} ${r.windows.length} window(s)`);
  clock.mark("negative", "join without a twin");
  r = await act(shop, "#join");
  t.check("FastShoes: joining the challenge without a twin is refused before anything is signed (NO_TWIN)", r.error && r.code === "NO_TWIN" && r.windows.length === 0, r.text);
  clock.mark("journey", "redeem");
  await shop.fill("#code", code);
  r = await act(shop, "#redeem");
  const owner = (await get(`/tokens/${twin}/nfts/${order.serial}`)).account_id;
  t.check("FastShoes: the twin redeemed with the order code (associate + request approved in the wallet; FastShoes' runner transferred it)",
    r.text === `Redeemed: twin serial ${order.serial} is in your wallet.` && owner === "0.0.1005" && r.windows.length === shown(2) && (testMode || r.windows.some((w) => w.includes("Associate"))),
    `${r.text}; owner ${owner}; ${r.windows.length} window(s)`);
  clock.mark("record", "screenshot");
  await shop.screenshot({ path: `${out}/01-fastshoes-redeemed.png`, fullPage: true });
  clock.mark("journey", "provenance");
  const prov = await wallet.context.newPage();
  await prov.goto(new URL(await shop.getAttribute("#redeem-provenance", "href"), shop.url()).href);
  await settled(prov);
  const chain = await prov.$$eval("#prov-chain li", (lis) => lis.map((li) => li.textContent));
  t.check("FastShoes: the link to its provenance shows BestProducer → FastShoes → Alice, metadata verified",
    chain.join(" → ") === "0.0.1001 (BestProducer) → 0.0.1002 (FastShoes) → 0.0.1005 (Alice)" && (await prov.textContent("#prov-verified")).startsWith("✓"), chain.join(" → "));
  clock.mark("record", "screenshot");
  await prov.screenshot({ path: `${out}/01b-fastshoes-provenance.png`, fullPage: true });
  await prov.close();
  clock.mark("negative", "second redemption");
  r = await act(shop, "#redeem");
  t.check("FastShoes: a second redemption of the same code is refused (ALREADY_REDEEMED)", r.error && r.code === "ALREADY_REDEEMED", `${r.text}`);
  clock.mark("record", "screenshot");
  await shop.screenshot({ path: `${out}/02-fastshoes-second-redemption.png`, fullPage: true });
  clock.mark("journey", "join");
  r = await act(shop, "#join");
  const joinedOn = (await get(`/topics/${d.organisations.FastShoes.outcomes_topic}/messages?limit=100`)).messages
    .map((m) => JSON.parse(Buffer.from(m.message, "base64").toString())).filter((m) => m.type === "outcome" && m.workflow === "fastshoes.challenge-join");
  t.check("FastShoes: Alice joins the challenge with a proof of her twin signed in the wallet (message + request approved); the outcome is on FastShoes' topic",
    r.text === "Joined the challenge." && r.windows.length === shown(2) && (testMode || r.windows[0].includes("loyal-proof/1")) && joinedOn.length === 1 && joinedOn[0].status === "granted" && joinedOn[0].account === "0.0.1005",
    `${r.text}; ${r.windows.length} window(s); ${JSON.stringify(joinedOn)}`);
  clock.mark("record", "screenshot");
  await shop.screenshot({ path: `${out}/02b-fastshoes-challenge.png`, fullPage: true });
  t.check("FastShoes: no uncaught page errors", shopErrors.length === 0, shopErrors.join("; "));

  // SuperMarathon's staff publish the results on their page: the results workflow runs in a
  // worker the page starts when a results file is chosen, with SuperMarathon's key, and airdrops an accomplishment
  // to each finisher in the top 500: the 249 before Alice, Alice (250th); Bob, 600th, gets none.
  clock.mark("journey", "results");
  const token = d.tokens.accomplishment;
  const desk = await wallet.context.newPage();
  const deskErrors = [];
  desk.on("pageerror", (e) => deskErrors.push(e.message));
  await desk.goto(`${base}/supermarathon/staff/${query}&deployment=${encodeURIComponent(deploymentUrl.replace("deployment.json", "supermarathon-staff.json"))}`);
  await settled(desk);
  const coldWorker = await desk.evaluate(() => performance.getEntriesByType("resource").filter((r) => r.name.includes("supermarathon_runner")).length);
  await desk.click("#staff-devnet");
  await desk.waitForSelector("#staff[data-ready=true]");
  await settled(desk);
  // The seeded results file fills the CSV box; the journey then pastes the same rows (what staff do by hand).
  const warmed = desk.waitForEvent("worker", { timeout: 5000 }).then(() => true, () => false);
  await desk.setInputFiles("#results-file", { name: "results.csv", mimeType: "text/csv", buffer: Buffer.from(resultsCsv) });
  await desk.waitForFunction(() => document.querySelector("#results-csv").value !== "", null, { timeout: 5000 });
  t.check("SuperMarathon staff: a chosen results file fills the CSV box", (await desk.inputValue("#results-csv")) === resultsCsv, `${(await desk.inputValue("#results-csv")).split("\n").length - 2} rows`);
  t.check("SuperMarathon staff: the results runner's worker starts when a file is chosen, before Publish", await warmed);
  await desk.fill("#results-csv", "");
  await desk.fill("#results-csv", resultsCsv);
  const published = await act(desk, "#publish");
  const rows = await desk.$$eval("#results-rows li", (ls) => ls.map((l) => ({ status: l.dataset.status, code: l.dataset.code, text: l.textContent })));
  const summary = await desk.textContent("#results-summary");
  // The outcome of Alice's row was recorded after her airdrop: the mirror, which shows topic
  // messages in consensus order, already has it.
  const aliceRow = rows[seed.alice.position - 1];
  const aliceSerial = Number(aliceRow?.text.match(new RegExp(`${token.replaceAll(".", "\\.")}#(\\d+)$`))?.[1]);
  const alicePending = (await get("/accounts/0.0.1005/airdrops/pending")).airdrops.filter((a) => a.token_id === token);
  const bobHas = [...(await get("/accounts/0.0.1006/nfts")).nfts, ...(await get("/accounts/0.0.1006/airdrops/pending")).airdrops].filter((n) => n.token_id === token);
  const supply = (await get(`/tokens/${token}`)).total_supply;
  const firstHas = (await get(`/accounts/${seed.first}/nfts?token.id=${token}`)).nfts.length;
  t.check("SuperMarathon staff page: Publish runs the results workflow in a worker loaded on demand; 250 accomplishments minted and airdropped (the first finisher holds one), Alice (250th) has hers pending, Bob (600th) refused PREDICATE",
    coldWorker === 0 && !published.error && summary === "Published: 250 granted, 1 refused." && published.text === summary && rows.length === 251
      && rows.slice(0, 250).every((r) => r.status === "granted") && supply === "250" && firstHas === 1
      && aliceRow.text.includes("0.0.1005") && aliceSerial >= 1
      && rows[250].status === "refused" && rows[250].code === "PREDICATE" && rows[250].text.includes("0.0.1006")
      && alicePending.length === 1 && alicePending[0].serial_number === aliceSerial && alicePending[0].sender_id === "0.0.1003" && bobHas.length === 0,
    `${published.text} / ${summary} / ${rows.length} rows, Alice's ${JSON.stringify(aliceRow)}, Bob's ${JSON.stringify(rows[250])} / supply ${supply} / first finisher ${firstHas} / cold worker loads ${coldWorker} / Alice ${JSON.stringify(alicePending)} / Bob ${bobHas.length}`);
  clock.mark("record", "screenshot");
  // The viewport only: the page lists all 251 rows, and a full-page capture of them takes seconds.
  await desk.screenshot({ path: `${out}/03a-supermarathon-results.png` });
  t.check("SuperMarathon staff: no uncaught page errors", deskErrors.length === 0, deskErrors.join("; "));
  await desk.close();

  clock.mark("journey", "claim");
  const page = await wallet.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/supermarathon/${query}`);
  await settled(page);

  // Connecting again (same origin as FastShoes): the wallet asks again.
  const connected = await act(page, "#connect");
  t.check("SuperMarathon: Alice's wallet connects the runner's page",
    connected.text === "Wallet connected." && (await page.textContent("#wallet-state")) === "Connected: 0.0.1005 (Alice)" && connected.windows.length === shown(1),
    `${connected.text} / ${connected.windows.length} window(s)`);
  clock.mark("record", "screenshot");
  await page.screenshot({ path: `${out}/03-supermarathon-connected.png`, fullPage: true });
  clock.mark("journey", "claim");
  const cards = await page.$$eval("#pending article", (as) => as.map((a) => a.dataset.nft + " " + a.textContent));
  t.check("the runner's page shows the accomplishment waiting as a pending airdrop, metadata verified",
    cards.length === 1 && cards[0].startsWith(`${token}/${aliceSerial}`) && cards[0].includes("✓ metadata verified") && cards[0].includes("250"),
    cards.join(" | ").slice(0, 300));
  clock.mark("record", "screenshot");
  await page.screenshot({ path: `${out}/03-supermarathon-pending.png`, fullPage: true });

  // She declines once: nothing is signed, the page says so and how to go on.
  clock.mark("negative", "declined in the wallet");
  if (testMode) await approveWithoutWindows(false);
  const declined = await act(page, "#claim", ["#reject"]);
  const claimText = declined.windows[0] ?? "";
  t.check("declining in the wallet: USER_REJECTED with a way forward, still pending",
    declined.error && declined.code === "USER_REJECTED" && declined.hint.includes("retry") && (await get("/accounts/0.0.1005/airdrops/pending")).airdrops.length === 1,
    `${declined.text} / ${declined.hint}`);
  if (testMode) await approveWithoutWindows(true);

  clock.mark("journey", "claim");
  const claimed = await act(page, "#claim");
  const owned = (await get(`/tokens/${token}/nfts/${aliceSerial}`)).account_id;
  t.check("Alice claims it in her wallet (HIP-904 claim): the mirror says she owns it, the page shows it held",
    claimed.text === "Claimed 1 NFT(s)." && owned === "0.0.1005" && (await page.$$(`#held article[data-nft="${token}/${aliceSerial}"]`)).length === 1 && (await page.$$("#pending article")).length === 0 && claimText.includes("0.0.1005"),
    `${claimed.text}; owner ${owned}`);
  clock.mark("record", "screenshot");
  await page.screenshot({ path: `${out}/04-supermarathon-claimed.png`, fullPage: true });

  // StillWater: the twin and the accomplishment in one proof; two tickets; one for Bob.
  clock.mark("journey", "tickets");
  const sw = await wallet.context.newPage();
  await sw.setViewportSize({ width: 1000, height: 900 });
  sw.on("pageerror", (e) => errors.push(e.message));
  await sw.goto(`${base}/stillwater/${query}&deployment=${encodeURIComponent(deploymentUrl)}`);
  await settled(sw);
  r = await act(sw, "#connect");
  t.check("StillWater: Alice connects; the page lists what she can present (twin and accomplishment)",
    r.text === "Wallet connected." && (await sw.$$(`#holdings article[data-nft="${twin}/1"]`)).length === 1 && (await sw.$$(`#holdings article[data-nft="${token}/${aliceSerial}"]`)).length === 1 && r.windows.length === shown(1), r.text);
  r = await act(sw, "#present");
  const ticket = d.tokens.ticket;
  const balance = async (account) => Number((await get(`/accounts/${account}/tokens?token.id=${ticket}`)).tokens?.[0]?.balance ?? 0);
  t.check("StillWater: Alice presents twin + accomplishment in one proof signed in her wallet; two tickets arrive",
    r.text === "Tickets received: you hold 2." && (await balance("0.0.1005")) === 2 && (testMode || r.windows.some((w) => w.includes("loyal-proof/1"))) && r.windows.length === shown(3),
    `${r.text}; ${r.windows.length} window(s)`);
  clock.mark("record", "screenshot");
  await sw.screenshot({ path: `${out}/05-stillwater-tickets.png`, fullPage: true });
  clock.mark("negative", "pair presented again");
  r = await act(sw, "#present");
  t.check("StillWater: the same pair presented again is refused (ALREADY_REDEEMED), still 2 tickets",
    r.error && r.code === "ALREADY_REDEEMED" && (await balance("0.0.1005")) === 2, r.text);
  clock.mark("journey", "bob");
  r = await act(sw, "#send");
  const bobPending = (await get("/accounts/0.0.1006/airdrops/pending")).airdrops.filter((a) => a.token_id === ticket);
  t.check("StillWater: Alice sends one ticket to Bob: a HIP-904 airdrop waiting for him",
    r.text.startsWith("One ticket sent to 0.0.1006 (Bob)") && bobPending.length === 1 && bobPending[0].amount === 1 && bobPending[0].sender_id === "0.0.1005",
    `${r.text}; Bob ${JSON.stringify(bobPending)}`);
  // Bob accepts it with his own key (the official SDK as his wallet): one ticket each.
  const bobKey = PrivateKey.fromBytesECDSA(createHash("sha256").update("loyal-devnet/Bob").digest());
  const bob = Client.forNetwork({ [net.grpc]: "0.0.3" }).setOperator("0.0.1006", bobKey);
  await (await new TokenClaimAirdropTransaction().addPendingAirdropId(new PendingAirdropId({ senderId: AccountId.fromString("0.0.1005"), receiverId: AccountId.fromString("0.0.1006"), tokenId: TokenId.fromString(ticket) })).execute(bob)).getReceipt(bob);
  bob.close();
  // Bob's claim has its receipt; the mirror shows it at once on the devnet, within seconds on Hedera.
  for (let i = 0; i < 250 && (await balance("0.0.1006")) !== 1; i++) await new Promise((ok) => setTimeout(ok, 20));
  t.check("Bob claims it: one ticket each (mirror)", (await balance("0.0.1005")) === 1 && (await balance("0.0.1006")) === 1, `${await balance("0.0.1005")} / ${await balance("0.0.1006")}`);
  clock.mark("record", "screenshot");
  await sw.screenshot({ path: `${out}/06-stillwater-sent-to-bob.png`, fullPage: true });

  // The gate: a fresh code, Alice's ticket proof answering it, admitted once.
  clock.mark("gate", "admitted");
  const gate = await wallet.context.newPage();
  gate.on("pageerror", (e) => errors.push(e.message));
  await gate.goto(`${base}/stillwater/gate/${query}&deployment=${encodeURIComponent(deploymentUrl)}`);
  await settled(gate);
  // The gate records admissions with StillWater's key (its outcomes topic's submit key).
  await staffKey(gate);
  const ticketProof = async (at = gate) => {
    await sw.fill("#gate-code", await at.textContent("#gate-code"));
    const made = await act(sw, "#ticket-proof-make");
    return [made, await sw.inputValue("#ticket-proof")];
  };
  let [made, proofText] = await ticketProof();
  await gate.fill("#proof", proofText);
  r = await act(gate, "#admit");
  t.check("gate: Alice's ticket proof (signed in her wallet for the gate's code) admits her",
    made.windows.length === shown(1) && proofText.startsWith("lp1.") && r.text === "Admitted 0.0.1005 (Alice) (1 of 1)." , `${made.text}; ${r.text}`);
  clock.mark("record", "screenshot");
  await gate.screenshot({ path: `${out}/07-gate-admitted.png`, fullPage: true });
  clock.mark("negative", "gate: replayed proof, second entry");
  await gate.fill("#proof", proofText);
  r = await act(gate, "#admit");
  t.check("gate: the same proof shown again is refused (its code was used)", r.error && r.code === "PROOF_NONCE", r.text);
  [made, proofText] = await ticketProof();
  await gate.fill("#proof", proofText);
  r = await act(gate, "#admit");
  t.check("gate: a new proof for her one ticket is refused: a ticket gets in once (ALREADY_ADMITTED)", r.error && r.code === "ALREADY_ADMITTED", r.text);
  const admissions = async () => (await get(`/topics/${d.organisations.StillWater.outcomes_topic}/messages?limit=100`)).messages
    .map((m) => JSON.parse(Buffer.from(m.message, "base64").toString())).filter((m) => m.type === "admission");
  let recorded = await admissions();
  t.check("gate: both attempts are recorded on StillWater's outcomes topic (its key), the first one showing her 1 ticket",
    recorded.length === 2 && recorded.every((m) => m.holder === "0.0.1005" && m.token === d.tokens.ticket && m.tickets === 1),
    JSON.stringify(recorded));
  clock.mark("record", "screenshot");
  await gate.screenshot({ path: `${out}/08-gate-refused.png`, fullPage: true });
  // A second scanner at another entrance: a page of its own (its own codes, nothing in its
  // memory) that knows of her entry only from StillWater's topic.
  clock.mark("negative", "second gate");
  const gate2 = await wallet.context.newPage();
  gate2.on("pageerror", (e) => errors.push(e.message));
  await gate2.goto(`${base}/stillwater/gate/${query}&deployment=${encodeURIComponent(deploymentUrl)}`);
  await settled(gate2);
  await gate2.fill("#proof", (await ticketProof(gate2))[1]);
  r = await act(gate2, "#admit");
  t.check("second gate without StillWater's key: nothing recorded, the key asked for (NO_STAFF_KEY)",
    r.error && r.code === "NO_STAFF_KEY" && (await admissions()).length === 2, r.text);
  await staffKey(gate2);
  await gate2.fill("#proof", (await ticketProof(gate2))[1]);
  r = await act(gate2, "#admit");
  t.check("second gate: her ticket, used at the first gate, is refused here too (ALREADY_ADMITTED, from StillWater's topic)",
    r.error && r.code === "ALREADY_ADMITTED", r.text);
  clock.mark("record", "screenshot");
  await gate2.screenshot({ path: `${out}/08b-second-gate-refused.png`, fullPage: true });
  await gate2.close();
  clock.mark("negative", "twin sold after signing");
  if (testMode) await approveWithoutWindows(false);

  // Presenting after the twin was sold: Alice signs the proof of her twin and accomplishment,
  // and before StillWater checks it she sells the twin to Bob (a transfer signed with her
  // key elsewhere: the SDK as her other wallet). StillWater's runner checks ownership on
  // the ledger when it verifies the proof, before the pair-once rule: the refusal is for
  // not owning the twin (PROOF_NOT_OWNER), not ALREADY_REDEEMED, and no ticket comes.
  const twinId = TokenId.fromString(twin);
  const bobTwin = (await get(`/accounts/0.0.1006/tokens?token.id=${twin}`)).tokens?.length > 0;
  if (!bobTwin) {
    const bc = Client.forNetwork({ [net.grpc]: "0.0.3" }).setOperator("0.0.1006", bobKey);
    await (await new TokenAssociateTransaction().setAccountId("0.0.1006").setTokenIds([twinId]).execute(bc)).getReceipt(bc);
    bc.close();
  }
  let soldAt = -1;
  const sell = async (text, i) => {
    // Window 0 is the proof, signed while she still owns the twin; window 1 posts it.
    if (i !== 1) return;
    const ac = Client.forNetwork({ [net.grpc]: "0.0.3" }).setOperator("0.0.1005", PrivateKey.fromStringDer(ALICE_KEY));
    await (await new TransferTransaction().addNftTransfer(new NftId(twinId, order.serial), "0.0.1005", "0.0.1006").execute(ac)).getReceipt(ac);
    ac.close();
    for (let k = 0; k < 100 && (await get(`/tokens/${twin}/nfts/${order.serial}`)).account_id !== "0.0.1006"; k++) await new Promise((ok) => setTimeout(ok, 100));
    soldAt = i;
  };
  r = await act(sw, "#present", [], sell);
  const swRefused = (await get(`/topics/${d.organisations.StillWater.outcomes_topic}/messages?limit=100`)).messages
    .map((m) => JSON.parse(Buffer.from(m.message, "base64").toString())).filter((m) => m.type === "outcome" && m.workflow === "stillwater.tickets" && m.status === "refused");
  const twinOwner = (await get(`/tokens/${twin}/nfts/${order.serial}`)).account_id;
  t.check("StillWater: presenting after the twin was sold to Bob is refused for not owning it (PROOF_NOT_OWNER shown with its code), no ticket arrives",
    r.error && r.code === "PROOF_NOT_OWNER" && (await sw.getAttribute("#status", "data-code")) === "PROOF_NOT_OWNER" && r.hint.includes("no longer in your account") && soldAt === 1 && twinOwner === "0.0.1006"
      && r.windows[0].includes("loyal-proof/1") && (await balance("0.0.1005")) === 1 && swRefused.some((m) => m.code === "PROOF_NOT_OWNER" && m.account === "0.0.1005"),
    `${r.text} [${r.code}] / ${r.hint}; sold before window ${soldAt}; owner ${twinOwner}; ${JSON.stringify(swRefused.map((m) => m.code))}`);
  clock.mark("record", "screenshot");
  await sw.screenshot({ path: `${out}/09-stillwater-twin-sold.png`, fullPage: true });
  clock.mark("negative", "no twin left");
  r = await act(sw, "#present");
  t.check("StillWater: with the twin gone, presenting again is refused before anything is signed (NO_TWIN)", r.error && r.code === "NO_TWIN" && r.windows.length === 0, r.text);
  t.check("no uncaught page errors", errors.length === 0, errors.join("; "));
} catch (e) {
  t.check("journey", false, e.stack);
} finally {
  clock.summary();
  agent?.kill();
  shared?.close();
  await wallet.close();
  net.stop();
  rmSync(scratch, { recursive: true, force: true });
  clearTimeout(watchdog);
}
process.exit(t.finish() ? 0 : 1);
