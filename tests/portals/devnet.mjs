// A devnet of our own on free ports (never the default ones, which the suite's other steps
// use): the loyal-devnet binary with every port 0, its addresses read from its `Listening on`
// lines.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

export async function startDevnet(binary) {
  const child = spawn(binary, ["--ephemeral", "--grpc-port", "0", "--grpc-web-port", "0", "--mirror-port", "0", "--ipfs-port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const found = {};
  const lines = createInterface({ input: child.stdout });
  await new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`the devnet exited (${code}) before it was ready`)));
    lines.on("line", (line) => {
      const m = line.match(/^Listening on (\S+) \((gRPC-web|gRPC|IPFS|mirror REST)/);
      if (m) found[{ "gRPC-web": "grpcweb", gRPC: "grpc", IPFS: "ipfs", "mirror REST": "mirror" }[m[2]]] = m[1];
      if (line.startsWith("Ready in")) resolve();
    });
  });
  const url = (k) => `http://${found[k]}`;
  return {
    grpc: found.grpc,
    grpcweb: url("grpcweb"),
    mirror: url("mirror"),
    ipfs: url("ipfs"),
    /** The pages' setting that points them at this devnet. */
    query: `?grpcweb=${encodeURIComponent(url("grpcweb"))}&mirror=${encodeURIComponent(url("mirror"))}&ipfs=${encodeURIComponent(url("ipfs"))}`,
    async get(path) {
      const r = await fetch(`${url("mirror")}/api/v1${path}`);
      if (!r.ok) throw new Error(`mirror ${path}: ${r.status}`);
      return r.json();
    },
    /** Kubo RPC add, as a third party would; resolves to the CIDv1. */
    async ipfsAdd(bytes, name = "file") {
      const form = new FormData();
      form.append("file", new Blob([bytes]), name);
      const r = await fetch(`${url("ipfs")}/api/v0/add?cid-version=1&raw-leaves=true`, { method: "POST", body: form });
      if (!r.ok) throw new Error(`ipfs add: ${r.status}`);
      return JSON.parse((await r.text()).trim().split("\n").pop()).Hash;
    },
    stop: () => child.kill(),
  };
}
