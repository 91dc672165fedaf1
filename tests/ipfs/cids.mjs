// Prints the CID the JS IPFS importer gives each test file, with Kubo's `ipfs add
// --cid-version=1 --raw-leaves` settings (256 KiB chunks, balanced DAG, 174 links per node).
// Usage: node cids.mjs SIZE... ; file content is byte i = i % 251.
import { importer } from "ipfs-unixfs-importer";
import { fixedSize } from "ipfs-unixfs-importer/chunker";
import { balanced } from "ipfs-unixfs-importer/layout";
import { MemoryBlockstore } from "blockstore-core/memory";

const out = {};
for (const arg of process.argv.slice(2)) {
  const size = Number(arg);
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = i % 251;
  let root;
  for await (const entry of importer([{ content: bytes }], new MemoryBlockstore(), {
    cidVersion: 1,
    rawLeaves: true,
    chunker: fixedSize({ chunkSize: 262144 }),
    layout: balanced({ maxChildrenPerNode: 174 }),
    reduceSingleLeafToSelf: true,
  })) root = entry.cid.toString();
  out[arg] = root;
}
process.stdout.write(JSON.stringify(out));
