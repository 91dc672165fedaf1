// The anchor of `cargo xtask bench proofs`: the official JS SDK verifying the same proofs'
// signatures — the lp1. text decoded (base64url, the SignatureMap protobuf), the HIP-820 prefix
// put back, PublicKey.verify. Bundled for the browser by esbuild.
import { PublicKey } from "@hashgraph/sdk";
import { proto } from "@hiero-ledger/proto";

function unbase64url(s) {
  const bin = atob(s.replace(/-/g, "+").replace(/_/g, "/"));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

/** The holders' keys (raw hex) parsed once, as loyal-proof's side gets them cached. */
export function sdkKeys(publicKeysRaw, ecdsa) {
  return publicKeysRaw.map((k) => (ecdsa ? PublicKey.fromStringECDSA(k) : PublicKey.fromStringED25519(k)));
}

/** `texts[i]` verified against `keys[i]` (from `sdkKeys`); returns how many verified. */
export function sdkVerifyProofs(texts, keys, ecdsa) {
  let ok = 0;
  for (const [i, text] of texts.entries()) {
    const key = keys[i];
    const [, message64, sigs64] = text.split(".");
    const message = utf8.decode(unbase64url(message64));
    const pair = proto.SignatureMap.decode(unbase64url(sigs64)).sigPair[0];
    const signature = ecdsa ? pair.ECDSASecp256k1 : pair.ed25519;
    if (key.verify(encoder.encode("\x19Hedera Signed Message:\n" + message.length + message), signature)) ok++;
  }
  return ok;
}
