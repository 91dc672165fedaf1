// The portals against a devnet of their own, in headless Chromium, as staff and customers use
// them: the landing page links every portal with the network setting; BestProducer creates the
// twin collection, manufactures a batch (metadata + SVG on IPFS) and ships twins to FastShoes
// (checked on the mirror; shipping before FastShoes associated fails with its code and a way
// forward); FastShoes' stock; the provenance of a serial (chain of custody, metadata verified
// against its CID, scores, image); a lying IPFS gateway is caught. Screenshots go to OUT_DIR.
// Usage: node portals.mjs BASE_URL DEVNET_BINARY OUT_DIR
import { createServer } from "node:http";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { CHROMIUM } from "../lib/web.mjs";
import { startDevnet } from "./devnet.mjs";
import { tally, settled, watchPending, pending, staffKey, rows } from "./pages.mjs";

const [base, binary, out] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const t = tally();
const devnet = await startDevnet(binary);
const browser = await chromium.launch(CHROMIUM);
const errors = [];
const open = async (path, extra = "") => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on("pageerror", (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(`${base}${path}${devnet.query}${extra}`);
  return page;
};
try {
  // The landing page: five links, each carrying the network setting.
  const landing = await open("/");
  const links = await landing.$$eval(".portals a[data-carry]", (as) => as.map((a) => a.getAttribute("href")));
  t.check("landing page links the four portals and the console, settings carried",
    links.length === 5 && ["bestproducer/", "fastshoes/", "supermarathon/", "stillwater/", "console/"].every((p, i) => links[i] === `${base}/${p}${devnet.query}`), links.join(" "));
  await landing.screenshot({ path: `${out}/landing.png`, fullPage: true });

  // BestProducer: key, collection, batch.
  const bp = await open("/bestproducer/");
  const ready = await settled(bp);
  t.check("BestProducer loads", ready.text.startsWith("Ready"), ready.text);
  t.check("no collection open: manufacturing, shipping and the list wait hidden", (await bp.isHidden("#batch-section")) && (await bp.isHidden("#ship-section")) && (await bp.isHidden("#nfts-section")));
  const refused = await (async () => { await bp.click("#create"); return settled(bp); })();
  t.check("without a staff key, signing is refused with a code and a way forward", refused.error && refused.code === "NO_STAFF_KEY" && refused.hint.includes("Staff key"), `${refused.text} / ${refused.hint}`);
  const keyed = await staffKey(bp);
  t.check("the devnet key is checked against the mirror and held", keyed.text === "BestProducer key ready." && (await bp.textContent("#staff-state")).includes("0.0.1001 (BestProducer)"), keyed.text);
  await watchPending(bp, "create");
  await bp.click("#create");
  const created = await settled(bp);
  const twin = await bp.inputValue("#collection");
  const p1 = await pending(bp);
  t.check("twin collection created (pending state shown while it ran)", created.text === `Created the twin collection ${twin}.` && p1.disabled && p1.busy, `${created.text} ${JSON.stringify(p1)}`);
  t.check("with the collection open, manufacturing, shipping and the list show", (await bp.isVisible("#batch-section")) && (await bp.isVisible("#ship-section")) && (await bp.isVisible("#nfts-section")));

  await bp.fill("#sizes", "38, 39, 40 x2");
  await watchPending(bp, "manufacture");
  await bp.click("#manufacture");
  const made = await settled(bp, 60000);
  const p2 = await pending(bp);
  t.check("a batch of 4 manufactured, progress shown per pair", made.text === "Manufactured 4 pair(s): serials 1–4." && p2.texts.some((x) => x.startsWith("Uploading pair 4 of 4")) && p2.texts.some((x) => x.startsWith("Minting twins 1–4")), `${made.text} ${p2.texts.join(" | ")}`);
  const token = await devnet.get(`/tokens/${twin}`);
  const nfts = (await devnet.get(`/tokens/${twin}/nfts?order=asc`)).nfts;
  t.check("the mirror holds the collection: 4 twins, BestProducer treasury, ipfs:// metadata",
    token.total_supply === "4" && token.treasury_account_id === "0.0.1001" && nfts.length === 4 && nfts.every((n) => n.account_id === "0.0.1001" && Buffer.from(n.metadata, "base64").toString().startsWith("ipfs://bafk")),
    `${token.total_supply} ${nfts.map((n) => n.account_id).join(",")}`);
  const listed = await rows(bp, "nfts");
  t.check("the page lists them from the mirror with names read back from IPFS",
    listed.length === 4 && listed.some((r) => r[0] === "1" && r[1] === "0.0.1001 (BestProducer)" && r[2] === "FastShoes Runner 42 · size 38" && r[3] === "B-2026-12"),
    JSON.stringify(listed));
  t.check("the collection's supply is shown", (await bp.textContent("#collection-info")).includes("supply 4"), await bp.textContent("#collection-info"));

  // Shipping before FastShoes associated: the network's code and a way forward.
  await bp.fill("#ship-serials", "1-2");
  await bp.click("#ship");
  const notAssociated = await settled(bp);
  t.check("shipping to a shop that has not associated fails with its code and a way forward",
    notAssociated.error && notAssociated.code === "TOKEN_NOT_ASSOCIATED_TO_ACCOUNT" && notAssociated.hint.includes("associate"), `${notAssociated.text} / ${notAssociated.hint}`);

  // FastShoes associates, BestProducer ships, the shop sees its stock.
  const fs = await open("/fastshoes/staff/", `&twin=${twin}`);
  await settled(fs);
  await staffKey(fs);
  await fs.click("#associate");
  const associated = await settled(fs);
  t.check("FastShoes associates the twin collection", associated.text === `FastShoes can now receive twins of ${twin}.`, associated.text);
  await bp.click("#ship");
  const shipped = await settled(bp);
  const owners = (await devnet.get(`/tokens/${twin}/nfts?order=asc`)).nfts.map((n) => n.account_id);
  t.check("BestProducer ships serials 1-2 to FastShoes (mirror: new owner)", shipped.text === "Shipped 2 twin(s) to 0.0.1002 (FastShoes)." && owners.join() === "0.0.1002,0.0.1002,0.0.1001,0.0.1001", `${shipped.text} ${owners}`);
  await bp.screenshot({ path: `${out}/bestproducer.png`, fullPage: true });
  await fs.click("#stock-refresh");
  const stocked = await settled(fs);
  const stock = await rows(fs, "stock");
  t.check("FastShoes' stock lists the two twins", stocked.text === "2 twin(s) in stock." && stock.map((r) => r[0]).sort().join() === "1,2", JSON.stringify(stock));

  // Provenance of serial 2, opened by its address as a customer would.
  const prov = await open("/fastshoes/provenance/", `&twin=${twin}&serial=2`);
  const shown = await settled(prov);
  const chain = await prov.$$eval("#prov-chain li", (lis) => lis.map((li) => li.textContent));
  const moves = await rows(prov, "prov-moves");
  t.check("provenance: chain of custody BestProducer → FastShoes from the mirror",
    shown.text === "Provenance shown." && chain.join(" → ") === "0.0.1001 (BestProducer) → 0.0.1002 (FastShoes)" && moves.map((m) => m[1]).join() === "TOKENMINT,CRYPTOTRANSFER", `${chain} ${JSON.stringify(moves)}`);
  const cid = Buffer.from(nfts[1].metadata, "base64").toString().slice("ipfs://".length);
  const verified = await prov.textContent("#prov-verified");
  t.check("provenance: metadata verified against the ledger's CID, valid HIP-412", verified === `✓ Metadata verified against its CID ${cid} · valid HIP-412`, verified);
  const facts = await prov.textContent("#prov-metadata");
  t.check("provenance: factory, date, materials and both scores shown",
    ["Porto, Portugal", "recycled polyester, natural rubber", "B-2026-12", "sustainability_score87 / 100", "workers_conditions_score91 / 100", "FastShoes Runner 42 · size 39"].every((f) => facts.includes(f)), facts);
  const image = await prov.$eval("#prov-image img", (img) => ({ src: img.src.slice(0, 26), w: img.naturalWidth, alt: img.alt }));
  t.check("provenance: the twin's SVG image from IPFS rendered", image.src === "data:image/svg+xml;base64," && image.w === 320 && image.alt === "FastShoes Runner 42 · size 39", JSON.stringify(image));
  await prov.screenshot({ path: `${out}/fastshoes-provenance.png`, fullPage: true });
  // Narrow screen: nothing wider than the viewport.
  await prov.setViewportSize({ width: 380, height: 800 });
  const overflow = await prov.evaluate(() => ({
    by: document.documentElement.scrollWidth - window.innerWidth,
    wide: [...document.querySelectorAll("body *")].filter((e) => e.getBoundingClientRect().right > innerWidth + 1).map((e) => `${e.tagName.toLowerCase()}#${e.id}.${e.className}`).slice(0, 6),
  }));
  t.check("narrow screen (380 px): no horizontal overflow", overflow.by <= 0, JSON.stringify(overflow));
  await prov.screenshot({ path: `${out}/fastshoes-provenance-narrow.png`, fullPage: true });

  // A gateway that serves other bytes than the CID names.
  const liar = createServer((req, res) => res.writeHead(200, { "access-control-allow-origin": "*", "content-type": "application/vnd.ipld.raw" }).end('{"name":"counterfeit"}'));
  await new Promise((r) => liar.listen(0, "127.0.0.1", r));
  const lied = await open("/fastshoes/provenance/", `&twin=${twin}&serial=2&gateway=${encodeURIComponent(`http://127.0.0.1:${liar.address().port}`)}`);
  const caught = await settled(lied);
  t.check("a lying IPFS gateway: CID_MISMATCH, nothing of it shown", caught.error && caught.code === "CID_MISMATCH" && (await lied.textContent("#prov-verified")).startsWith("✗") && (await lied.textContent("#prov-metadata")) === "", caught.text);
  liar.close();

  // Keyboard: the provenance form works without a mouse.
  const kb = await open("/fastshoes/provenance/", `&twin=${twin}`);
  await settled(kb);
  await kb.focus("#prov-serial");
  await kb.keyboard.type("1");
  await kb.keyboard.press("Tab");
  await kb.keyboard.press("Enter");
  const byKeys = await settled(kb);
  t.check("keyboard: the serial typed, Tab to the button, Enter shows the provenance", byKeys.text === "Provenance shown." && (await kb.textContent("#prov-chain")).includes("FastShoes"), byKeys.text);
  t.check("no uncaught page errors", errors.length === 0, errors.join("; "));
} catch (e) {
  t.check("portals flow", false, e.stack);
} finally {
  await browser.close();
  devnet.stop();
}
process.exit(t.finish() ? 0 : 1);
