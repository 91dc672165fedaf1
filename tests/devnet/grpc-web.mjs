// Talks gRPC-web to the devnet the way a browser does (fetch, 5-byte frames, trailers in the
// body, CORS preflight), submitting an SDK-signed transfer and reading its receipt and a balance.
import { AccountId, Hbar, PrivateKey, TransactionId, TransferTransaction } from "@hashgraph/sdk";
import { proto } from "@hiero-ledger/proto";

const input = JSON.parse(await new Promise((resolve) => {
  let data = "";
  process.stdin.on("data", (c) => (data += c)).on("end", () => resolve(data));
}));
const base = `http://127.0.0.1:${input.port}`;
const origin = "http://localhost:8080";
const acct = (name) => AccountId.fromString(input.accounts[name].id);
const out = {};

function frame(bytes) {
  const f = new Uint8Array(5 + bytes.length);
  new DataView(f.buffer).setUint32(1, bytes.length);
  f.set(bytes, 5);
  return f;
}
// Splits a gRPC-web body into its data message and its trailers.
function unframe(body) {
  let data = null, trailers = {};
  for (let i = 0; i < body.length;) {
    const flag = body[i], len = new DataView(body.buffer, body.byteOffset + i + 1, 4).getUint32(0);
    const chunk = body.subarray(i + 5, i + 5 + len);
    if (flag & 0x80) {
      for (const line of new TextDecoder().decode(chunk).split("\r\n").filter(Boolean)) {
        const [k, ...v] = line.split(":");
        trailers[k.trim().toLowerCase()] = v.join(":").trim();
      }
    } else data = chunk;
    i += 5 + len;
  }
  return { data, trailers };
}
async function call(method, bytes) {
  const res = await fetch(`${base}/proto.CryptoService/${method}`, {
    method: "POST",
    headers: { "content-type": "application/grpc-web+proto", "x-grpc-web": "1", origin },
    body: frame(bytes),
  });
  out.contentType = res.headers.get("content-type");
  out.allowOrigin = res.headers.get("access-control-allow-origin");
  const { data, trailers } = unframe(new Uint8Array(await res.arrayBuffer()));
  out.grpcStatus = res.headers.get("grpc-status") ?? trailers["grpc-status"];
  return data;
}

const preflight = await fetch(`${base}/proto.CryptoService/cryptoTransfer`, {
  method: "OPTIONS",
  headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type,x-grpc-web" },
});
out.preflightStatus = preflight.status;
out.preflightMaxAge = preflight.headers.get("access-control-max-age");
const foreign = await fetch(`${base}/proto.CryptoService/cryptoTransfer`, {
  method: "OPTIONS",
  headers: { origin: "http://evil.example", "access-control-request-method": "POST" },
});
out.foreignOrigin = foreign.headers.get("access-control-allow-origin");

const operator = PrivateKey.fromStringDer(input.accounts.operator.key);
const id = TransactionId.generate(acct("operator"));
const tx = new TransferTransaction()
  .addHbarTransfer(acct("operator"), Hbar.fromTinybars(-7)).addHbarTransfer(acct("Alice"), Hbar.fromTinybars(7))
  .setTransactionId(id).setNodeAccountIds([new AccountId(3)]).freeze();
await tx.sign(operator);
const single = proto.TransactionList.decode(tx.toBytes()).transactionList[0];
const response = proto.TransactionResponse.decode(await call("cryptoTransfer", proto.Transaction.encode(single).finish()));
out.precheck = response.nodeTransactionPrecheckCode ?? 0;

const receiptQuery = proto.Query.encode({ transactionGetReceipt: { transactionID: id._toProtobuf() } }).finish();
const receipt = proto.Response.decode(await call("getTransactionReceipts", receiptQuery));
out.receiptStatus = receipt.transactionGetReceipt.receipt.status;

const balanceQuery = proto.Query.encode({ cryptogetAccountBalance: { accountID: acct("Alice")._toProtobuf() } }).finish();
const balance = proto.Response.decode(await call("cryptoGetBalance", balanceQuery));
out.aliceBalance = balance.cryptogetAccountBalance.balance.toString();
process.stdout.write(JSON.stringify(out));
