// Shapes: hbar [account, tinybars, approved?]; tokens [token, account, amount, decimals?, approved?];
// nfts [token, serial, sender, receiver, approved?]; keys by fixture name or {threshold, keys} / {list}.
// The conformance corpus: each case is plain JSON that both the SDK (corpus.mjs) and the
// core (crates/core/tests/sdk_conformance.rs) turn into a transaction. Fixed ids, keys and
// valid-start times make the bytes deterministic.
const common = (n, extra = {}) => ({
  payer: "0.0.1001",
  validStart: [1700000000 + n, (n * 7919) % 1000000000],
  nodes: n % 3 === 0 ? ["0.0.3", "0.0.4"] : ["0.0.3"],
  maxFee: String(100000000 + n),
  memo: `case ${n}`,
  ...extra,
});

const list = [];
const add = (kind, params, signers, extra) => list.push({ kind, params, signers, ...common(list.length, extra) });

// Accounts and transfers.
add("accountCreate", { key: "ed2", initialBalance: "1000000000", maxAutoAssociations: 10, accountMemo: "Alice" }, ["ed1"]);
add("accountCreate", { key: "ec1", initialBalance: "0", receiverSigRequired: true, maxAutoAssociations: -1 }, ["ec2", "ec1"]);
add("accountCreate", { key: { threshold: 2, keys: ["ed1", "ec1", "ed2"] }, initialBalance: "5", autoRenewPeriod: 8000000 }, ["ed1"]);
add("accountCreate", { key: { list: ["ed1", { threshold: 1, keys: ["ec1", "ec2"] }] }, initialBalance: "1", stakedNodeId: 0, declineReward: true }, ["ed1"]);
add("transfer", { hbar: [["0.0.1001", "-500"], ["0.0.1002", "500"]] }, ["ed1"]);
add("transfer", { hbar: [["0.0.1003", "300"], ["0.0.1001", "-200"], ["0.0.1002", "-100"]] }, ["ed1", "ec1"]);
add("transfer", { tokens: [["0.0.5005", "0.0.1001", "-10"], ["0.0.5005", "0.0.1002", "10"]] }, ["ec1"]);
add("transfer", { tokens: [["0.0.5006", "0.0.1002", "25", 2], ["0.0.5006", "0.0.1001", "-25", 2], ["0.0.5005", "0.0.1001", "-1"], ["0.0.5005", "0.0.1004", "1"]] }, ["ed1"]);
add("transfer", { nfts: [["0.0.6006", 3, "0.0.1001", "0.0.1002"], ["0.0.6006", 1, "0.0.1001", "0.0.1003"]] }, ["ed1"]);
add("transfer", { hbar: [["0.0.1001", "-7"], ["0.0.1002", "10"], ["0.0.1009", "-3", true]], nfts: [["0.0.6006", 9, "0.0.1009", "0.0.1002", true]], tokens: [["0.0.5005", "0.0.1009", "-2", null, true], ["0.0.5005", "0.0.1002", "2"]] }, ["ec2"]);
// Token creation. Every case fixes its expiry: without one the SDK stamps wall-clock time + 90
// days into the body, which no two runs would agree on.
add("tokenCreate", { name: "FastShoes Points", symbol: "FSP", decimals: 2, initialSupply: "1000000", treasury: "0.0.1002", keys: { admin: "ed1", supply: "ed1" }, tokenMemo: "points", expiry: [1710000000, 5] }, ["ed1"]);
add("tokenCreate", { name: "Digital Twin", symbol: "TWIN", tokenType: "nft", supplyType: "finite", maxSupply: "1000", treasury: "0.0.1001", keys: { admin: "ed1", kyc: "ed2", freeze: "ec1", wipe: "ec2", supply: "ed1", feeSchedule: "ed2", pause: "ec1", metadata: "ed2" }, freezeDefault: true, metadata: "697066733a2f2f6261667931", expiry: [1710000000, 0] }, ["ed1", "ed2"]);
add("tokenCreate", { name: "Fees FT", symbol: "FFT", decimals: 8, initialSupply: "500", treasury: "0.0.1001", keys: { supply: "ec1", feeSchedule: "ec1" }, customFees: [{ type: "fixed", amount: "5", collector: "0.0.1010" }, { type: "fixed", amount: "7", token: "0.0.5005", collector: "0.0.1011", exempt: true }, { type: "fractional", num: 1, den: 100, min: "1", max: "50", netOfTransfers: true, collector: "0.0.1012" }], expiry: [1710000001, 0] }, ["ec1"]);
add("tokenCreate", { name: "Royalty NFT", symbol: "RNFT", tokenType: "nft", treasury: "0.0.1001", keys: { supply: { threshold: 2, keys: ["ed1", "ed2", "ec1"] } }, customFees: [{ type: "royalty", num: 5, den: 100, fallback: { amount: "100000000" }, collector: "0.0.1013" }, { type: "royalty", num: 1, den: 10, collector: "0.0.1014" }, { type: "royalty", num: 1, den: 20, fallback: { amount: "3", token: "0.0.5005" }, collector: "0.0.1015" }], expiry: [1710000002, 0] }, ["ed1"]);
add("tokenCreate", { name: "Ticket", symbol: "TIX", decimals: 0, initialSupply: "2", treasury: "0.0.1004", supplyType: "finite", maxSupply: "500", autoRenewAccount: "0.0.1004", autoRenewPeriod: 7000000, expiry: [1800000000, 0] }, ["ec2"]);
// Association, supply, compliance.
add("tokenAssociate", { account: "0.0.1002", tokens: ["0.0.5005", "0.0.6006"] }, ["ed1", "ed2"]);
add("tokenDissociate", { account: "0.0.1002", tokens: ["0.0.5005"] }, ["ed2"]);
add("tokenMint", { token: "0.0.5005", amount: "1000" }, ["ed1"]);
add("tokenMint", { token: "0.0.6006", metadata: ["697066733a2f2f62616679626569", "697066733a2f2f6261667962656932"] }, ["ed1", "ec1"]);
add("tokenBurn", { token: "0.0.5005", amount: "10" }, ["ed1"]);
add("tokenBurn", { token: "0.0.6006", serials: [1, 2, 3] }, ["ed1"]);
add("tokenWipe", { token: "0.0.5005", account: "0.0.1002", amount: "5" }, ["ec2"]);
add("tokenWipe", { token: "0.0.6006", account: "0.0.1002", serials: [4] }, ["ec2"]);
add("tokenFreeze", { token: "0.0.5005", account: "0.0.1002" }, ["ec1"]);
add("tokenUnfreeze", { token: "0.0.5005", account: "0.0.1002" }, ["ec1"]);
add("tokenGrantKyc", { token: "0.0.5005", account: "0.0.1002" }, ["ed2"]);
add("tokenRevokeKyc", { token: "0.0.5005", account: "0.0.1002" }, ["ed2"]);
add("tokenPause", { token: "0.0.5005" }, ["ec1"]);
add("tokenUnpause", { token: "0.0.5005" }, ["ec1"]);
add("tokenUpdateNfts", { token: "0.0.6006", serials: [1, 2], metadata: "6e6577" }, ["ed2"]);
add("tokenUpdateNfts", { token: "0.0.6006", serials: [5], metadata: "" }, ["ed2"]);
// Airdrops and rejection (HIP-904).
add("tokenAirdrop", { tokens: [["0.0.5005", "0.0.1001", "-20"], ["0.0.5005", "0.0.1002", "10"], ["0.0.5005", "0.0.1003", "10"]] }, ["ed1"]);
add("tokenAirdrop", { nfts: [["0.0.6006", 7, "0.0.1001", "0.0.1002"]], tokens: [["0.0.5006", "0.0.1001", "-4", 2], ["0.0.5006", "0.0.1005", "4", 2]] }, ["ed1"]);
add("tokenClaimAirdrop", { pending: [{ sender: "0.0.1001", receiver: "0.0.1002", token: "0.0.5005" }, { sender: "0.0.1001", receiver: "0.0.1002", token: "0.0.6006", serial: 7 }] }, ["ed2"]);
add("tokenCancelAirdrop", { pending: [{ sender: "0.0.1001", receiver: "0.0.1003", token: "0.0.5005" }] }, ["ed1"]);
add("tokenReject", { owner: "0.0.1002", tokens: ["0.0.5005"], nfts: [["0.0.6006", 2]] }, ["ed2"]);
add("tokenReject", { nfts: [["0.0.6006", 3], ["0.0.6006", 4]] }, ["ed2"]);
// Consensus.
add("topicCreate", { topicMemo: "SuperMarathon 250th results", adminKey: "ed1", submitKey: "ec1" }, ["ed1"]);
add("topicCreate", { autoRenewAccount: "0.0.1001", autoRenewPeriod: 7000000 }, ["ec1"]);
add("topicMessage", { topic: "0.0.7007", message: "finisher: 0.0.1002" }, ["ec1"]);
add("topicMessage", { topic: "0.0.7007", messageRepeat: ["0123456789abcdef", 150] }, ["ed1", "ec1"]);
// Schedules.
add("scheduleCreate", { inner: { kind: "transfer", params: { hbar: [["0.0.1001", "-1"], ["0.0.1002", "1"]] }, maxFee: "100000000", memo: "inner" }, scheduleMemo: "pay later", adminKey: "ed1", payer: "0.0.1002" }, ["ed1"]);
add("scheduleCreate", { inner: { kind: "tokenMint", params: { token: "0.0.5005", amount: "3" }, maxFee: "200000000", memo: "" }, expiry: [1800000000, 0], waitForExpiry: true }, ["ec2"]);
add("scheduleSign", { schedule: "0.0.8008" }, ["ed2", "ec2"]);
// Default fee, duration and an unsigned transaction.
add("tokenAssociate", { account: "0.0.1003", tokens: ["0.0.5006"] }, [], { maxFee: null, duration: 30 });

export default list;
