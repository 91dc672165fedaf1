// The proof checks that run twice, in Node and in a Chromium page, with whichever copy of
// @loyal/hedera (`L`) the host imported, against a devnet whose tokens `setup` made. No
// imports: the page loads this file as it is.

/** A failed check, with what was seen. */
function check(ok, what, seen) {
  if (!ok) throw new Error(`${what}${seen === undefined ? "" : `: ${JSON.stringify(seen, (_, v) => (typeof v === "bigint" ? `${v}n` : v))}`}`);
}

/** The LoyalError `run` throws or rejects with; checks its code. */
async function refusal(code, run) {
  try {
    await run();
  } catch (e) {
    check(e instanceof Error && e.name === "LoyalError", `${code}: a LoyalError`, String(e));
    check(e.code === code, `expected ${code}`, `${e.code}: ${e.message}`);
    return e;
  }
  throw new Error(`expected ${code}, it was accepted`);
}

export const PURPOSE = "StillWater concert tickets";

/** StillWater's policy: a genuine BestProducer twin and an accomplishment in the first 500. */
export function policy(ctx) {
  return {
    audience: ctx.audience,
    purpose: PURPOSE,
    maxMirrorLagMs: 0, // the devnet's mirror has no lag
    requirements: [
      { token: ctx.twin, kind: "nft", treasury: "0.0.1001", where: ['manufacturer == "BestProducer"', "sustainability >= 70"] },
      { token: ctx.medal, kind: "nft", treasury: "0.0.1003", where: ["position <= 500"] },
    ],
  };
}

export function clientFor(L, ctx) {
  return L.Client.forDevnet("127.0.0.1", ctx.ports.grpcWeb, ctx.ports.mirror, ctx.ports.ipfs);
}

/** Alice's proof for StillWater (ED25519), in its lp1. text form, with `nonce`. */
export function aliceProof(L, ctx, nonce, medalSerial = 1) {
  const alice = L.PrivateKey.fromStringEd25519(ctx.seeds.Alice);
  const presentation = L.createPresentation({
    holder: "0.0.1005", audience: ctx.audience, purpose: PURPOSE, nonce,
    claims: [{ token: ctx.medal, serial: medalSerial }, { token: ctx.twin, serial: 1 }],
  });
  return L.signPresentation(alice, presentation).toText();
}

export async function scenario(L, ctx) {
  const client = clientFor(L, ctx);
  const nonces = L.NonceStore.create({ ttlMs: 60_000 });
  const rules = policy(ctx);
  const seen = {};

  // Alice (ED25519) through the text form; claims come back in canonical order.
  const text = aliceProof(L, ctx, nonces.issue());
  check(text.startsWith("lp1."), "lp1. text", text);
  const v = await L.verifyPresentation(client, text, rules, nonces);
  check(v.holder === "0.0.1005" && v.claims.length === 2, "Alice verified", v);
  check(v.claims[0].token === ctx.twin && v.claims[0].serial === 1 && v.claims[0].amount === 1n, "the twin first", v.claims[0]);
  check(v.claims[1].metadata.properties.position === 250, "the accomplishment's metadata", v.claims[1]);
  check(v.claims[0].metadataUri.startsWith("ipfs://"), "the metadata URI", v.claims[0]);
  check(v.message.startsWith("loyal-proof/1\nholder: 0.0.1005\n"), "the signed message", v.message);
  check(v.signers.length === 1 && v.signers[0] === v.publicKey, "the one signer", v.signers);
  check(v.metBy.join() === "0,1", "the twin met the first requirement, the accomplishment the second", v.metBy);
  seen.alice = v.claims.map((c) => `${c.token}/${c.serial}`);

  // The same proof again.
  await refusal("PROOF_REPLAYED", () => L.verifyPresentation(client, text, rules, nonces));

  // Bob (ECDSA) through a wallet's HIP-820 answer: the message signed, the SignatureMap bytes.
  const bob = L.PrivateKey.fromStringECDSA(ctx.seeds.Bob);
  const forBob = L.createPresentation({
    holder: "0.0.1006", audience: ctx.audience, purpose: PURPOSE, nonce: nonces.issue(),
    claims: [{ token: ctx.twin, serial: 2 }, { token: ctx.medal, serial: 3 }],
  });
  const answer = L.signMessage(bob, forBob.message); // what hedera_signMessage returns
  const fromWallet = L.SignedPresentation.fromParts(forBob.message, answer);
  const vb = await L.verifyPresentation(client, fromWallet, rules, nonces);
  check(vb.holder === "0.0.1006" && vb.publicKey === bob.publicKey.toStringDer(), "Bob verified", vb);

  // Alice's 600th place.
  const e = await refusal("PROOF_PREDICATE", () => L.verifyPresentation(client, aliceProof(L, ctx, nonces.issue(), 2), rules, nonces));
  check(e.details.got === 600 && e.details.predicate === "position <= 500" && e.details.serial === 2, "what the predicate saw", e.details);

  // Made for another verifier.
  const elsewhere = await refusal("PROOF_WRONG_AUDIENCE", () =>
    L.verifyPresentation(client, aliceProof(L, ctx, nonces.issue()), { ...rules, audience: "https://fastshoes.example" }, nonces));
  check(elsewhere.details.field === "audience", "the audience named", elsewhere.details);

  // Alice's presentation signed by Bob.
  const forged = L.signPresentation(bob, L.SignedPresentation.fromText(aliceProof(L, ctx, nonces.issue())).presentation);
  await refusal("PROOF_BAD_SIGNATURE", () => L.verifyPresentation(client, forged, rules, nonces));

  // Encodings: refused as they are read, before any network.
  await refusal("PROOF_DECODE", () => L.SignedPresentation.fromText(text.slice(0, -3)));
  await refusal("PROOF_VERSION", () => L.SignedPresentation.fromText("lp9." + text.slice(4)));
  await refusal("PROOF_DECODE", () => L.verifyPresentation(client, "not a proof", rules, nonces));
  await refusal("PROOF_DECODE", () => L.createPresentation({ holder: "0.0.1005", audience: ctx.audience, purpose: PURPOSE, nonce: "short", claims: [{ token: ctx.twin, serial: 1 }] }));
  await refusal("PROOF_POLICY", () => L.verifyPresentation(client, aliceProof(L, ctx, nonces.issue()), { ...rules, requirements: [{ token: ctx.twin, kind: "nft", where: ["position <"] }] }, nonces));

  // The app's own nonce store (here one that accepts nothing), and a second mirror that agrees.
  await refusal("PROOF_REPLAYED", () => L.verifyPresentation(client, aliceProof(L, ctx, "issued-somewhere-else"), rules, { consume: () => false }));
  const quorum = await L.verifyPresentation(client, aliceProof(L, ctx, nonces.issue()), { ...rules, mirrors: [client.mirrorUrl] }, nonces);
  check(quorum.holder === "0.0.1005", "two mirrors agree", quorum);
  const down = await refusal("PROOF_NETWORK", () =>
    L.verifyPresentation(client, aliceProof(L, ctx, nonces.issue()), { ...rules, mirrors: ["http://127.0.0.1:9"] }, nonces));
  check(down.details.cause?.code === "TRANSPORT", "the network error's cause", down.details);

  seen.outstanding = nonces.outstanding;
  return seen;
}
