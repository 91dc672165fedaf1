// Initialises a wasm-bindgen module next to this file: fetch in browsers and bundlers that
// keep import.meta.url, a file read in Node >= 20 (Node's fetch has no file: URLs).
export async function load(init, url) {
  if (url.protocol === "file:") {
    const fsModule = "node:fs/promises"; // a variable: bundlers for the browser leave it alone
    const { readFile } = await import(fsModule);
    await init({ module_or_path: await readFile(url) });
  } else {
    await init({ module_or_path: url });
  }
}
