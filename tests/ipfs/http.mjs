// Exercises a devnet's IPFS surface as a web client would: Kubo RPC add (multipart), then the
// trustless gateway, checking every byte against its CID with the JS IPFS libraries.
// Usage: node http.mjs PORT
import { importer } from "ipfs-unixfs-importer";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import { MemoryBlockstore } from "blockstore-core/memory";
import { CID } from "multiformats/cid";
import { sha256 } from "multiformats/hashes/sha2";

const base = `http://127.0.0.1:${process.argv[2]}`;
const out = {};
const expected = async (bytes) => {
  let root;
  const opts = { cidVersion: 1, rawLeaves: true, chunker: fixedSize({ chunkSize: 262144 }), layout: balanced({ maxChildrenPerNode: 174 }), reduceSingleLeafToSelf: true };
  for await (const e of importer([{ content: bytes }], new MemoryBlockstore(), opts)) root = e.cid.toString();
  return root;
};

const metadata = new TextEncoder().encode(JSON.stringify({ name: "FastShoes Runner #1", format: "HIP412@2.0.0", image: "ipfs://..." }));
const image = new Uint8Array(600 * 1024).map((_, i) => (i * 7) % 256);
const form = new FormData();
form.append("file", new Blob([metadata]), "metadata.json");
form.append("file", new Blob([image]), "shoe.png");
const res = await fetch(`${base}/api/v0/add?cid-version=1&raw-leaves=true`, { method: "POST", body: form });
out.addStatus = res.status;
const lines = (await res.text()).trim().split("\n").map((l) => JSON.parse(l));
out.names = lines.map((l) => l.Name);
out.cidsMatchJs = lines[0].Hash === (await expected(metadata)) && lines[1].Hash === (await expected(image));
out.metadataCid = lines[0].Hash;
out.sizeIsString = typeof lines[0].Size === "string";

// Whole files back, and the raw block of a single-block file hashes to its CID.
const file = new Uint8Array(await (await fetch(`${base}/ipfs/${lines[1].Hash}`)).arrayBuffer());
out.imageRoundTrip = file.length === image.length && file.every((b, i) => b === image[i]);
const raw = await fetch(`${base}/ipfs/${lines[0].Hash}`, { headers: { accept: "application/vnd.ipld.raw" } });
out.rawContentType = raw.headers.get("content-type");
out.nosniff = raw.headers.get("x-content-type-options");
const block = new Uint8Array(await raw.arrayBuffer());
const cid = CID.parse(lines[0].Hash);
out.rawBlockVerifies = Buffer.from((await sha256.digest(block)).digest).equals(Buffer.from(cid.multihash.digest));
const root = await fetch(`${base}/ipfs/${lines[1].Hash}`, { headers: { accept: "application/vnd.ipld.raw" } });
out.rootIsDagPb = CID.parse(lines[1].Hash).code === 0x70 && (await root.arrayBuffer()).byteLength < 1000;

out.unknown = (await fetch(`${base}/ipfs/bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku`)).status;
out.malformed = (await fetch(`${base}/ipfs/not-a-cid`)).status;
out.emptyAdd = (await fetch(`${base}/api/v0/add`, { method: "POST", body: new FormData() })).status;
const cors = await fetch(`${base}/ipfs/${lines[0].Hash}`, { headers: { origin: "http://localhost:8080" } });
out.cors = cors.headers.get("access-control-allow-origin");
process.stdout.write(JSON.stringify(out));
