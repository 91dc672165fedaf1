// The connector to a customer's wallet extension (HIP-820 over an injected provider):
// discovery by `hedera:requestProvider` / `hedera:announceProvider` events, `connect` with the
// account's public key checked against the mirror node, and a `signer` the builders'
// `signWith` accepts. Bound to one entry's wasm classes by `walletWith` (keys of the two
// builds do not mix), so `@loyal/hedera` and `@loyal/hedera/sign` each export their own.
import { loyalError } from "./engine.js";

const MIRRORS = {
  devnet: "http://127.0.0.1:5551",
  testnet: "https://testnet.mirrornode.hedera.com",
  mainnet: "https://mainnet-public.mirrornode.hedera.com",
  previewnet: "https://previewnet.mirrornode.hedera.com",
};

function base64(bytes) {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function unbase64(text) {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

/** The fields of a protobuf message, as [field number, bytes or number] (a SignatureMap is all we read). */
function fields(buf) {
  const out = [];
  let i = 0;
  const varint = () => {
    let n = 0, shift = 0, b;
    do {
      if (i >= buf.length) throw loyalError("DECODE", "not a SignatureMap protobuf", { what: "SignatureMap" });
      b = buf[i++];
      n += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return n;
  };
  while (i < buf.length) {
    const key = varint();
    const wire = key & 7;
    if (wire === 0) out.push([Math.floor(key / 8), varint()]);
    else if (wire === 2) {
      const len = varint();
      if (i + len > buf.length) throw loyalError("DECODE", "not a SignatureMap protobuf", { what: "SignatureMap" });
      out.push([Math.floor(key / 8), buf.subarray(i, i + len)]);
      i += len;
    } else throw loyalError("DECODE", "not a SignatureMap protobuf", { what: "SignatureMap" });
  }
  return out;
}

/** The signature `publicKey` made, from a SignatureMap's bytes (ED25519 field 3, ECDSA field 6). */
function signatureBy(publicKey, mapBytes) {
  const raw = publicKey.toBytesRaw();
  for (const [n, pair] of fields(mapBytes)) {
    if (n !== 1) continue;
    const f = fields(pair);
    const prefix = f.find(([k]) => k === 1)?.[1] ?? new Uint8Array();
    const sig = f.find(([k]) => k === 3 || k === 6)?.[1];
    if (sig && prefix.length > 0 && prefix.every((b, j) => b === raw[j])) return new Uint8Array(sig);
  }
  throw loyalError("INVALID_SIGNATURE", "the wallet's signature map has no signature by the connected key", { reason: "no signature by this key" });
}

/** A provider's rejection as a LoyalError: EIP-1193 / HIP-820 numbers to this library's codes. */
function walletError(e) {
  const walletCode = e?.data?.code;
  const details = { rpcCode: e?.code, walletCode, reason: e?.message };
  if (e?.code === 4001) return loyalError("USER_REJECTED", "the user rejected the request in the wallet", details);
  if (walletCode === "WALLET_LOCKED") return loyalError("WALLET_LOCKED", "the wallet is locked: unlock it and try again", details);
  if (e?.code === 4901 || walletCode === "WRONG_NETWORK") return loyalError("WRONG_NETWORK", e.message, details);
  if (e?.code === 4100) return loyalError("WALLET_UNAUTHORIZED", e.message, details);
  return loyalError("WALLET_ERROR", `the wallet refused: ${e?.message ?? e}`, details);
}

async function call(provider, method, params) {
  try {
    return await provider.request({ method, params });
  } catch (e) {
    throw walletError(e);
  }
}

/** Wallets that announce themselves in this window within `timeoutMs`. */
async function discover({ timeoutMs = 100 } = {}) {
  if (typeof window === "undefined" || typeof window.addEventListener !== "function") return [];
  const found = new Map();
  const listen = (e) => {
    const d = e.detail;
    if (d?.info?.uuid && typeof d.provider?.request === "function") found.set(d.info.uuid, { info: d.info, provider: d.provider });
  };
  window.addEventListener("hedera:announceProvider", listen);
  window.dispatchEvent(new Event("hedera:requestProvider"));
  await new Promise((ok) => setTimeout(ok, timeoutMs));
  window.removeEventListener("hedera:announceProvider", listen);
  return [...found.values()];
}

/** The `Wallet` class bound to one entry's wasm exports. */
export function walletWith({ PublicKey, TransactionId, verifyMessage }) {
  class ConnectedWallet {
    constructor(provider, info, network, accountId, publicKey) {
      this.provider = provider;
      this.info = info;
      this.network = network;
      this.accountId = accountId;
      this.signerAccountId = `hedera:${network}:${accountId}`;
      this.publicKey = publicKey;
      /** For `builder.signWith(wallet.publicKey, wallet.signer)`: one approval per body. */
      this.signer = async (body) => {
        const { signatureMap } = await call(provider, "hedera_signTransaction", { signerAccountId: this.signerAccountId, transactionBody: base64(body) });
        return signatureBy(publicKey, unbase64(signatureMap));
      };
    }
    /** HIP-820 `hedera_signMessage`; resolves to the SignatureMap bytes, verified here first. */
    async signMessage(message) {
      const { signatureMap } = await call(this.provider, "hedera_signMessage", { signerAccountId: this.signerAccountId, message });
      const bytes = unbase64(signatureMap);
      verifyMessage(this.publicKey, message, bytes);
      return bytes;
    }
    /** Freezes `builder` paid by this account, for the nodes the wallet submits to. */
    async freeze(builder) {
      const { nodes } = await call(this.provider, "hedera_getNodeAddresses", {});
      return builder.setTransactionId(TransactionId.generate(this.accountId)).setNodeAccountIds(nodes).freeze();
    }
    /** Signs a frozen builder's every body through the wallet (`signWith`). */
    async signTransaction(builder) {
      return builder.signWith(this.publicKey, this.signer);
    }
    /** One approval: the wallet signs and submits; resolves to `{ nodeId, transactionHash, transactionId, status }`. */
    async signAndExecute(builder) {
      if (!builder._tx) await this.freeze(builder);
      return call(this.provider, "hedera_signAndExecuteTransaction", { signerAccountId: this.signerAccountId, transactionList: base64(builder.toBytes()) });
    }
    async disconnect() {
      await call(this.provider, "hedera_disconnect", {});
    }
    on(event, fn) {
      this.provider.on?.(event, fn);
      return this;
    }
  }

  return class Wallet {
    static discover(options) {
      return discover(options);
    }
    /** Connects to the first wallet found (or `rdns`, or `provider`) on `network`. The
     * account's key is read from the mirror (`mirrorUrl`, the client's, or the network's) and
     * must be the one the wallet answered. */
    static async connect({ network = "devnet", provider, rdns, client, mirrorUrl, timeoutMs } = {}) {
      let info = null;
      if (!provider) {
        const found = await discover({ timeoutMs });
        const pick = rdns ? found.find((w) => w.info.rdns === rdns) : found[0];
        if (!pick) throw loyalError("WALLET_NOT_FOUND", rdns ? `no wallet ${rdns} in this page` : "no Hedera wallet in this page: install one", { rdns });
        ({ provider, info } = pick);
      }
      const answer = await call(provider, "hedera_connect", { network });
      if (answer?.network !== network) {
        throw loyalError("WRONG_NETWORK", `the wallet is on ${answer?.network}, not ${network}`, { expected: network, actual: answer?.network });
      }
      const account = answer.accounts?.[0];
      const [, accountNetwork, accountId] = /^hedera:([a-z]+):(\d+\.\d+\.\d+)/.exec(account?.accountId ?? "") ?? [];
      if (accountNetwork !== network) throw loyalError("WRONG_NETWORK", `the wallet answered ${account?.accountId}`, { expected: network, actual: accountNetwork });
      const publicKey = PublicKey.fromString(account.publicKey);
      const base = (mirrorUrl ?? client?.mirrorUrl ?? MIRRORS[network]).replace(/\/$/, "");
      const res = await fetch(`${base}/api/v1/accounts/${accountId}`);
      if (!res.ok) throw loyalError("HTTP_STATUS", `the mirror answered ${res.status} for ${accountId}`, { url: res.url, httpStatus: res.status });
      const onLedger = (await res.json()).key;
      if (onLedger?.key?.toLowerCase() !== publicKey.toStringRaw().toLowerCase()) {
        throw loyalError("WALLET_KEY_MISMATCH", `${accountId}'s key on the ledger is not the key the wallet signs with`, { expected: onLedger?.key, actual: publicKey.toStringRaw() });
      }
      return new ConnectedWallet(provider, info, network, accountId, publicKey);
    }
  };
}
