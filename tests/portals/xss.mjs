// Hostile metadata on every portal: a third party (the official JS SDK, signing as
// BestProducer on the devnet) creates a collection whose name and symbol are markup and mints
// NFTs whose HIP-412 metadata has markup in every field, one with an SVG image that carries a
// script. Each portal renders them; the literal text must show, no script may run (a global
// flag stays unset, no dialog opens) and no element of the payload may appear.
// Usage: node xss.mjs BASE_URL DEVNET_BINARY OUT_DIR
import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import {
  Client, PrivateKey, AccountId, TokenCreateTransaction, TokenType, TokenMintTransaction,
  TokenAirdropTransaction, TokenAssociateTransaction, TransferTransaction, NftId,
} from "@hashgraph/sdk";
import { CHROMIUM } from "../lib/web.mjs";
import { startDevnet } from "./devnet.mjs";
import { tally, settled } from "./pages.mjs";

const [base, binary, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const t = tally();
const devnet = await startDevnet(binary);
const key = (name) => PrivateKey.fromBytesED25519(createHash("sha256").update(`loyal-devnet/${name}`).digest());
const SCRIPT = "<script>window.__xss = 'script'</script>";
const IMG = `<img src=x onerror="window.__xss = 'onerror'; alert('xss')">`;
const P = SCRIPT + IMG;
const browser = await chromium.launch(CHROMIUM);
try {
  const client = Client.forNetwork({ [devnet.grpc]: "0.0.3" }).setOperator("0.0.1001", key("BestProducer"));
  const token = (await (await new TokenCreateTransaction()
    .setTokenName(IMG).setTokenSymbol(SCRIPT.slice(0, 40)).setTokenType(TokenType.NonFungibleUnique)
    .setTreasuryAccountId("0.0.1001").setSupplyKey(key("BestProducer").publicKey)
    .execute(client)).getReceipt(client)).tokenId.toString();
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="240" onload="window.__xss='svg'"><script>window.__xss='svg-script'</script><text x="10" y="40">${"&lt;hostile&gt;"}</text></svg>`;
  const svgCid = await devnet.ipfsAdd(Buffer.from(svg), "x.svg");
  const hostile = (image, type) => ({
    name: P, creator: P, description: P, image, type, format: P,
    properties: { [P]: P, factory: P },
    attributes: [{ trait_type: P, value: P }, { trait_type: "sustainability_score", value: P, max_value: P }],
  });
  const cids = [
    await devnet.ipfsAdd(Buffer.from(JSON.stringify(hostile(P, P))), "a.json"),
    await devnet.ipfsAdd(Buffer.from(JSON.stringify(hostile(`ipfs://${svgCid}`, "image/svg+xml"))), "b.json"),
  ];
  await (await new TokenMintTransaction().setTokenId(token).setMetadata([...cids, cids[1]].map((c) => Buffer.from(`ipfs://${c}`))).execute(client)).getReceipt(client);
  // Serial 1 waits for Alice as a pending airdrop; serial 2 is hers.
  await (await new TokenAirdropTransaction().addNftTransfer(new NftId(token, 1), "0.0.1001", "0.0.1005").execute(client)).getReceipt(client);
  const alice = Client.forNetwork({ [devnet.grpc]: "0.0.3" }).setOperator("0.0.1005", key("Alice"));
  await (await new TokenAssociateTransaction().setAccountId("0.0.1005").setTokenIds([token]).execute(alice)).getReceipt(alice);
  await (await new TransferTransaction().addNftTransfer(new NftId(token, 2), "0.0.1001", "0.0.1005").execute(client)).getReceipt(client);
  // Serial 3 is in FastShoes' stock.
  const shop = Client.forNetwork({ [devnet.grpc]: "0.0.3" }).setOperator("0.0.1002", key("FastShoes"));
  await (await new TokenAssociateTransaction().setAccountId("0.0.1002").setTokenIds([token]).execute(shop)).getReceipt(shop);
  await (await new TransferTransaction().addNftTransfer(new NftId(token, 3), "0.0.1001", "0.0.1002").execute(client)).getReceipt(client);
  shop.close();
  for (let i = 0; i < 100; i++) {
    const nfts = (await devnet.get(`/accounts/0.0.1005/nfts`)).nfts;
    const stock = (await devnet.get(`/accounts/0.0.1002/nfts`)).nfts;
    if (nfts.some((n) => n.token_id === token) && stock.some((n) => n.token_id === token)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  client.close(); alice.close();

  const pages = [
    ["BestProducer: the collection list", "/bestproducer/", `&twin=${token}`, 1],
    ["FastShoes: provenance, hostile image field", "/fastshoes/provenance/", `&twin=${token}&serial=1`, 5],
    ["FastShoes: provenance, SVG image with a script", "/fastshoes/provenance/", `&twin=${token}&serial=2`, 5],
    ["FastShoes staff: the stock", "/fastshoes/staff/", `&twin=${token}`, 1, "#stock-refresh"],
    ["SuperMarathon: the runner's pending and held NFTs", "/supermarathon/", "&account=0.0.1005", 5],
    ["StillWater: what the customer can present", "/stillwater/", "&account=0.0.1005", 5],
  ];
  for (const [name, path, extra, least, button] of pages) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const dialogs = [];
    page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
    await page.goto(`${base}${path}${devnet.query}${extra}`);
    let status = await settled(page);
    if (button) {
      await page.click(button);
      status = await settled(page);
    }
    await page.waitForTimeout(300); // an onerror or an image's onload would have run by now
    const seen = await page.evaluate((p) => ({
      flag: window.__xss,
      count: document.querySelector("main").innerText.split(p).length - 1,
      injected: document.querySelectorAll("main script, main img[src='x'], main svg script").length,
    }), P);
    const file = `${out}/xss-${path.replaceAll("/", "-").replace(/^-|-$/g, "")}${extra.includes("serial=2") ? "-svg" : ""}.png`;
    await page.screenshot({ path: file, fullPage: true });
    t.check(`XSS: ${name}: the payload shown as text, nothing ran`,
      !status.error && seen.flag === undefined && dialogs.length === 0 && seen.injected === 0 && seen.count >= least,
      `${status.text}; flag ${seen.flag}; dialogs ${dialogs.length}; injected ${seen.injected}; payload shown ${seen.count}×`);
    await page.close();
  }
} catch (e) {
  t.check("XSS flow", false, e.stack);
} finally {
  await browser.close();
  devnet.stop();
}
process.exit(t.finish() ? 0 : 1);
