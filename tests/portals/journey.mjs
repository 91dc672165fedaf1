// Alice's journey through the portals with the real wallet extension loaded in Chromium, as far
// as the pieces are wired (see the report in each `ok` line). Today: SuperMarathon's runner
// page — Alice connects her wallet (the extension's approval window), sees the accomplishment
// NFT waiting for her as a pending airdrop, declines once (USER_REJECTED shown with a way
// forward), then claims it (HIP-904) with the transaction signed in the wallet; the mirror
// says she owns it. The airdrop itself is made by the official JS SDK as SuperMarathon, in
// place of the results workflow that is not wired into the pages yet.
// Usage: node journey.mjs BASE_URL EXTENSION_DIR DEVNET_BINARY OUT_DIR
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import {
  Client, PrivateKey, TokenCreateTransaction, TokenType, TokenMintTransaction, TokenAirdropTransaction, NftId,
} from "@hashgraph/sdk";
import { browserWithWallet, devnet as startDevnet, nextApproval, setUp } from "../wallet/harness.mjs";
import { tally, settled } from "./pages.mjs";

const [base, extension, binary, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const t = tally();
const net = await startDevnet(binary);
const query = `?grpcweb=${encodeURIComponent(net.grpcWeb)}&mirror=${encodeURIComponent(net.mirror)}&ipfs=${encodeURIComponent(net.ipfs)}`;
const key = (name) => PrivateKey.fromBytesED25519(createHash("sha256").update(`loyal-devnet/${name}`).digest());
const get = async (path) => (await fetch(`${net.mirror}/api/v1${path}`)).json();
const wallet = await browserWithWallet(extension);
try {
  const popup = await setUp(wallet, net);
  await popup.close();

  // SuperMarathon's accomplishment for Alice: metadata on IPFS, airdropped (she has not
  // associated the collection, so it waits for her).
  const sm = Client.forNetwork({ [net.grpc]: "0.0.3" }).setOperator("0.0.1003", key("SuperMarathon"));
  const token = (await (await new TokenCreateTransaction().setTokenName("SuperMarathon finishers").setTokenSymbol("FINISH")
    .setTokenType(TokenType.NonFungibleUnique).setTreasuryAccountId("0.0.1003").setSupplyKey(key("SuperMarathon").publicKey)
    .execute(sm)).getReceipt(sm)).tokenId.toString();
  const add = async (bytes, name) => {
    const form = new FormData();
    form.append("file", new Blob([bytes]), name);
    return JSON.parse((await (await fetch(`${net.ipfs}/api/v0/add?cid-version=1&raw-leaves=true`, { method: "POST", body: form })).text()).trim().split("\n").pop()).Hash;
  };
  const medal = await add(`<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240"><rect width="320" height="240" fill="#1e3a8a"/><circle cx="160" cy="110" r="60" fill="#f2b705"/><text x="160" y="122" font-size="36" text-anchor="middle">250</text><text x="160" y="215" font-size="18" fill="#fff" text-anchor="middle">SuperMarathon 2026</text></svg>`, "medal.svg");
  const cid = await add(JSON.stringify({
    name: "SuperMarathon 2026 finisher #250", image: `ipfs://${medal}`, type: "image/svg+xml",
    creator: "SuperMarathon", attributes: [{ trait_type: "position", value: 250 }, { trait_type: "time", value: "03:12:45" }, { trait_type: "event", value: "SuperMarathon 2026" }],
  }), "accomplishment.json");
  await (await new TokenMintTransaction().setTokenId(token).setMetadata([Buffer.from(`ipfs://${cid}`)]).execute(sm)).getReceipt(sm);
  await (await new TokenAirdropTransaction().addNftTransfer(new NftId(token, 1), "0.0.1003", "0.0.1005").execute(sm)).getReceipt(sm);
  sm.close();
  for (let i = 0; i < 100 && !(await get("/accounts/0.0.1005/airdrops/pending")).airdrops?.length; i++) await new Promise((r) => setTimeout(r, 100));

  const page = await wallet.context.newPage();
  await page.setViewportSize({ width: 1000, height: 900 });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${base}/supermarathon/${query}`);
  await settled(page);

  // Connect: the extension's own window asks Alice.
  let approval = nextApproval(wallet);
  await page.click("#connect");
  let window_ = await approval;
  const connectText = await window_.innerText("body");
  await window_.screenshot({ path: `${out}/01-connect-approval.png` });
  await window_.click("#approve");
  const connected = await settled(page);
  t.check("SuperMarathon: Alice connects her wallet (approved in the extension's window)",
    connected.text === "Wallet connected." && (await page.textContent("#wallet-state")) === "Connected: 0.0.1005 (Alice)" && connectText.includes("Connect"),
    `${connected.text} / ${await page.textContent("#wallet-state")}`);
  const cards = await page.$$eval("#pending article", (as) => as.map((a) => a.dataset.nft + " " + a.textContent));
  t.check("the runner's page shows the accomplishment waiting as a pending airdrop, metadata verified",
    cards.length === 1 && cards[0].startsWith(`${token}/1`) && cards[0].includes("SuperMarathon 2026 finisher #250") && cards[0].includes("✓ metadata verified") && cards[0].includes("position250") && (await page.$$("#pending article img[src^='data:image/svg+xml']")).length === 1,
    cards.join(" | ").slice(0, 300));
  await page.screenshot({ path: `${out}/02-supermarathon-pending.png`, fullPage: true });

  // She declines once: nothing is signed, the page says so and how to go on.
  approval = nextApproval(wallet);
  await page.click("#claim");
  window_ = await approval;
  const claimText = await window_.innerText("body");
  await window_.screenshot({ path: `${out}/03-claim-approval.png` });
  await window_.click("#reject");
  const declined = await settled(page);
  t.check("declining in the wallet: USER_REJECTED with a way forward, still pending",
    declined.error && declined.code === "USER_REJECTED" && declined.hint.includes("retry") && (await get("/accounts/0.0.1005/airdrops/pending")).airdrops.length === 1,
    `${declined.text} / ${declined.hint}`);

  approval = nextApproval(wallet);
  await page.click("#claim");
  window_ = await approval;
  await window_.click("#approve");
  const claimed = await settled(page);
  const owned = (await get(`/tokens/${token}/nfts/1`)).account_id;
  t.check("Alice claims it in her wallet (HIP-904 claim): the mirror says she owns it, the page shows it held",
    claimed.text === "Claimed 1 NFT(s)." && owned === "0.0.1005" && (await page.$$("#held article")).length === 1 && (await page.$$("#pending article")).length === 0 && claimText.includes("0.0.1005"),
    `${claimed.text}; owner ${owned}`);
  await page.screenshot({ path: `${out}/04-supermarathon-claimed.png`, fullPage: true });
  t.check("no uncaught page errors", errors.length === 0, errors.join("; "));
} catch (e) {
  t.check("journey", false, e.stack);
} finally {
  await wallet.close();
  net.stop();
}
process.exit(t.finish() ? 0 : 1);
