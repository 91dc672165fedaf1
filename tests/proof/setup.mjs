// Node only: a devnet of our own on free ports, and the journey's tokens made through
// @loyal/hedera itself — BestProducer's twins, SuperMarathon's accomplishments (250 and 600
// for Alice, 100 for Bob), their HIP-412 metadata on the devnet's IPFS.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createInterface } from "node:readline";

export const seed = (name) => createHash("sha256").update(`loyal-devnet/${name}`).digest("hex");

export async function startDevnet(binary) {
  const child = spawn(binary, ["--ephemeral", "--grpc-port", "0", "--grpc-web-port", "0", "--mirror-port", "0", "--ipfs-port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const ports = {};
  const lines = createInterface({ input: child.stdout });
  await new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`the devnet exited (${code}) before it was ready`)));
    lines.on("line", (line) => {
      const m = line.match(/^Listening on \S+:(\d+) \((gRPC-web|IPFS|mirror REST)/);
      if (m) ports[{ "gRPC-web": "grpcWeb", IPFS: "ipfs", "mirror REST": "mirror" }[m[2]]] = Number(m[1]);
      if (line.startsWith("Ready in")) resolve();
    });
  });
  return { ports, stop: () => child.kill() };
}

export async function setup(L, ports, audience) {
  const clients = {};
  const client = (name, account) => {
    if (!clients[name]) {
      clients[name] = L.Client.forDevnet("127.0.0.1", ports.grpcWeb, ports.mirror, ports.ipfs);
      const key = name === "Bob" ? L.PrivateKey.fromStringECDSA(seed(name)) : L.PrivateKey.fromStringEd25519(seed(name));
      clients[name].setOperator(account, key);
    }
    return clients[name];
  };
  const producer = client("BestProducer", "0.0.1001");
  const marathon = client("SuperMarathon", "0.0.1003");
  const collection = async (c, name, treasury) =>
    (await new L.TokenCreateTransaction().setTokenName(name).setTokenSymbol("NFT").setTokenType("NON_FUNGIBLE_UNIQUE")
      .setTreasuryAccountId(treasury).setSupplyKey(L.PrivateKey.fromStringEd25519(seed(treasury === "0.0.1001" ? "BestProducer" : "SuperMarathon")).publicKey)
      .execute(c)).tokenId;
  const twin = await collection(producer, "FastShoes digital twin", "0.0.1001");
  const medal = await collection(marathon, "SuperMarathon accomplishment", "0.0.1003");
  const mint = async (c, token, metadata) => {
    const uris = [];
    for (const m of metadata) uris.push(`ipfs://${await c.ipfsAdd(L.encodeMetadata(m))}`);
    return (await new L.TokenMintTransaction().setTokenId(token).setMetadata(uris).execute(c)).serials;
  };
  const image = { image: "ipfs://bafkreibwci24bt2xtqi23g35gfx63wj555u77lwl2t55ajbfjqomgefxce", type: "image/png" };
  const twinMeta = (n) => ({ name: `Runner twin #${n}`, ...image, creator: "BestProducer", properties: { manufacturer: "BestProducer", sustainability: 87 } });
  const medalMeta = (p) => ({ name: `Finisher #${p}`, ...image, creator: "SuperMarathon", properties: { event: "SuperMarathon 2026", position: p } });
  await mint(producer, twin, [twinMeta(1), twinMeta(2)]);
  await mint(marathon, medal, [medalMeta(250), medalMeta(600), medalMeta(100)]);
  for (const [name, account] of [["Alice", "0.0.1005"], ["Bob", "0.0.1006"]]) {
    await new L.TokenAssociateTransaction().setAccountId(account).setTokenIds([twin, medal]).execute(client(name, account));
  }
  const give = (c, token, serial, from, to) => new L.TransferTransaction().addNftTransfer(`${token}/${serial}`, from, to).execute(c);
  await give(producer, twin, 1, "0.0.1001", "0.0.1005");
  await give(producer, twin, 2, "0.0.1001", "0.0.1006");
  await give(marathon, medal, 1, "0.0.1003", "0.0.1005");
  await give(marathon, medal, 2, "0.0.1003", "0.0.1005");
  await give(marathon, medal, 3, "0.0.1003", "0.0.1006");
  return { ports, audience, twin, medal, seeds: { Alice: seed("Alice"), Bob: seed("Bob") } };
}
