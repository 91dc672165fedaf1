// What the browser-driving scripts share: how Debian's Chromium is launched here, and a
// static file server on a free loopback port. No dependencies: each project passes its own
// playwright-core `chromium`.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";

export const CHROMIUM = {
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };

/** Serves `dir` (and `pages`, path → HTML, first) on 127.0.0.1; resolves to { url, close }. */
export async function serve(dir, pages = {}) {
  const server = createServer(async (req, res) => {
    const path = normalize(new URL(req.url, "http://x").pathname);
    if (pages[path] != null) return res.writeHead(200, { "content-type": "text/html" }).end(pages[path]);
    try {
      const body = await readFile(join(dir, path.replace(/^\/+/, "") || "index.html"));
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": "no-store" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}
