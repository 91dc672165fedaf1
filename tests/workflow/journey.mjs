// The journey's four workflows from Node: `loyal-agent up` creates the tokens and topics on a
// devnet of our own and runs every organisation's workflows, and Alice —
// @loyal/hedera (pkg/) with her own key — posts her requests and proofs on the inboxes.
// Usage: node journey.mjs PKG_DIR DEVNET_BINARY AGENT_BINARY. Prints one line per step and
// a `test result:` line; exits non-zero on any failure.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { seed, startDevnet } from "../proof/setup.mjs";

const [pkgDir, devnetBinary, agentBinary] = process.argv.slice(2).map((p) => path.resolve(p));
const L = await import(pathToFileURL(path.join(pkgDir, "index.js")));
const dir = mkdtempSync(path.join(tmpdir(), "loyal-workflow-"));
const deploymentPath = path.join(dir, "deployment.json");
const devnet = await startDevnet(devnetBinary);
const agents = [];
const results = [];

async function step(name, run) {
  try {
    console.log(`${name}: ${JSON.stringify(await run())}`);
    results.push([name, true]);
  } catch (e) {
    console.error(`${name} failed: ${e.stack ?? e}`);
    results.push([name, false]);
  }
}

function check(cond, what) {
  if (!cond) throw new Error(what);
}

/** A running agent; `line(want)` resolves with its first line `want` accepts. */
function startAgent(args) {
  const child = spawn(agentBinary, args, { stdio: ["ignore", "pipe", "inherit"] });
  const seen = [];
  const waiting = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    const v = JSON.parse(line);
    seen.push(v);
    for (const w of waiting.splice(0)) (w.want(v) ? w.resolve(v) : waiting.push(w));
  });
  const line = (want, what) => new Promise((resolve, reject) => {
    const found = seen.find(want);
    if (found) return resolve(found);
    waiting.push({ want, resolve });
    setTimeout(() => reject(new Error(`no ${what} from the agent in 60 s`)), 60_000).unref();
  });
  const agent = {
    child,
    line,
    outcome: (id) => line((v) => v.event === "outcome" && v.request === id, `outcome for ${id}`),
  };
  agents.push(agent);
  return agent;
}

/** The agent CLI once (setup, staff); its JSON lines. */
function agentOnce(args) {
  const r = spawnSync(agentBinary, args, { encoding: "utf8" });
  const lines = r.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l));
  if (r.status !== 0) throw new Error(`loyal-agent ${args[0]} exited ${r.status}: ${r.stdout}${r.stderr}`);
  return lines;
}

try {
  const { grpcWeb, mirror, ipfs } = devnet.ports;
  const url = (port) => `http://127.0.0.1:${port}`;
  // The demo's one command: set the journey up, then every organisation's agent in one process.
  const upArgs = ["up", "--grpc-web", url(grpcWeb), "--mirror", url(mirror), "--ipfs", url(ipfs), "--deployment", deploymentPath, "--twins", "3", "--poll-ms", "100"];
  const agent = startAgent(upArgs);
  await agent.line((v) => v.event === "deployment", "deployment");
  await agent.line((v) => v.event === "started" && v.org === "StillWater", "start");
  const d = JSON.parse(readFileSync(deploymentPath, "utf8"));
  const { twin, accomplishment: medal, ticket } = d.tokens;
  const [fastshoes, stillwater] = [agent, agent];

  const alice = L.Client.forDevnet("127.0.0.1", grpcWeb, mirror, ipfs);
  const aliceKey = L.PrivateKey.fromStringEd25519(seed("Alice"));
  alice.setOperator("0.0.1005", aliceKey);
  await new L.TokenAssociateTransaction().setAccountId("0.0.1005").setTokenIds([twin, medal, ticket]).execute(alice);
  const post = (org, request) =>
    new L.TopicMessageSubmitTransaction()
      .setTopicId(d.organisations[org].inbox_topic)
      .setMessage(new TextEncoder().encode(JSON.stringify({ v: 1, type: "request", ...request })))
      .execute(alice);
  const proof = (org, purpose, nonce, claims) =>
    L.signPresentation(aliceKey, L.createPresentation({ holder: "0.0.1005", audience: `hcs://${d.organisations[org].inbox_topic}`, purpose, nonce, claims })).toText();
  const owner = async (token, serial) => (await alice.mirrorGet(`/api/v1/tokens/${token}/nfts/${serial}`)).account_id;

  await step("redeem the twin with the order code", async () => {
    const [code] = Object.entries(d.organisations.FastShoes.tables.orders).find(([, row]) => row.serial === 1);
    const t0 = Date.now();
    await post("FastShoes", { workflow: "fastshoes.redeem-twin", request: "node-redeem-1", account: "0.0.1005", inputs: { code } });
    await post("FastShoes", { workflow: "fastshoes.redeem-twin", request: "node-redeem-2", account: "0.0.1005", inputs: { code } });
    const first = await fastshoes.outcome("node-redeem-1");
    const ms = Date.now() - t0;
    const second = await fastshoes.outcome("node-redeem-2");
    check(first.status === "granted", JSON.stringify(first));
    check(second.code === "ALREADY_REDEEMED", JSON.stringify(second));
    check((await owner(twin, 1)) === "0.0.1005", "Alice owns the twin");
    return { first: first.status, second: second.code, msFromPostToGrant: ms };
  });

  await step("join the challenge with a proof of the twin", async () => {
    const text = proof("FastShoes", "challenge-join", "node-join-0000001", [{ token: twin, serial: 1 }]);
    await post("FastShoes", { workflow: "fastshoes.challenge-join", request: "node-join-0000001", account: "0.0.1005", proof: text });
    const o = await fastshoes.outcome("node-join-0000001");
    check(o.status === "granted" && o.fields.joined === true, JSON.stringify(o));
    return o.fields;
  });

  await step("results: accomplishments for the top 500 (staff action)", async () => {
    const csv = path.join(dir, "results.csv");
    writeFileSync(csv, "account,position,time\n0.0.1005,250,3:41:07\n0.0.1006,600,4:58:30\n");
    const lines = agentOnce(["staff", "--org", "SuperMarathon", "--deployment", deploymentPath, "--workflow", "supermarathon.results",
      "--request", "node-results", "--input", "event=SuperMarathon 2026", "--input", "date=2026-11-29", "--input-file", `results=${csv}`]);
    const [a, b] = lines.filter((l) => l.event === "outcome");
    check(a.status === "granted" && a.fields.position === 250, JSON.stringify(a));
    check(b.recorded === false && b.code === "PREDICATE", JSON.stringify(b));
    check((await owner(medal, 1)) === "0.0.1005", "Alice owns the accomplishment");
    const meta = JSON.parse(new TextDecoder().decode(await alice.ipfsCat(a.fields.metadata)));
    check(meta.properties.position === 250 && meta.properties.ttf.formula === "[tN{~d,t,m,b,r}]", JSON.stringify(meta.properties));
    return { accomplishment: a.fields.accomplishment, ttf: meta.properties.ttf.formula };
  });

  await step("two tickets for the twin + accomplishment, once per pair", async () => {
    const claims = [{ token: twin, serial: 1 }, { token: medal, serial: 1 }];
    const t0 = Date.now();
    await post("StillWater", { workflow: "stillwater.tickets", request: "node-tickets-0001", account: "0.0.1005", proof: proof("StillWater", "stillwater-tickets", "node-tickets-0001", claims) });
    await post("StillWater", { workflow: "stillwater.tickets", request: "node-tickets-0002", account: "0.0.1005", proof: proof("StillWater", "stillwater-tickets", "node-tickets-0002", claims) });
    const first = await stillwater.outcome("node-tickets-0001");
    const ms = Date.now() - t0;
    const second = await stillwater.outcome("node-tickets-0002");
    check(first.status === "granted", JSON.stringify(first));
    check(second.code === "ALREADY_REDEEMED", JSON.stringify(second));
    const tokens = await alice.mirrorGet(`/api/v1/accounts/0.0.1005/tokens?token.id=${ticket}`);
    const balance = tokens.tokens.find((t) => t.token_id === ticket)?.balance;
    check(Number(balance) === 2, `ticket balance ${balance}`);
    return { tickets: Number(balance), second: second.code, msFromPostToGrant: ms };
  });

  await step("`up` again: the deployment reused, nothing granted twice", async () => {
    agent.child.kill();
    const before = readFileSync(deploymentPath, "utf8");
    const again = startAgent(upArgs);
    const o = await again.outcome("node-tickets-0001");
    check(o.settled_before === true && o.status === "granted", JSON.stringify(o));
    check(readFileSync(deploymentPath, "utf8") === before, "the deployment file was rewritten");
    const tokens = await alice.mirrorGet(`/api/v1/accounts/0.0.1005/tokens?token.id=${ticket}`);
    check(Number(tokens.tokens[0].balance) === 2, "still 2 tickets");
    return { settledBefore: o.settled_before };
  });
} catch (e) {
  console.error(e.stack ?? e);
  results.push(["setup", false]);
} finally {
  for (const a of agents) a.child.kill();
  devnet.stop();
  rmSync(dir, { recursive: true, force: true });
}
const failed = results.filter(([, ok]) => !ok).length;
console.log(`test result: ${failed ? "FAILED" : "ok"}. ${results.length - failed} passed; ${failed} failed`);
process.exit(failed ? 1 : 0);
