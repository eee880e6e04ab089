// A static file server for dist/ (or any folder) on 127.0.0.1, sending the headers a real host
// should: the strict Content-Security-Policy the embed is built for, nosniff, and cache rules
// (content-hashed files forever, everything else revalidated).
// Usage: node scripts/serve.mjs DIR [PORT]   (PORT also from $PORT; default 8080)
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; frame-ancestors *";
const HASHED = /-[0-9a-f]{10}\.(js|wasm|css|json)$/;

/** Starts a server for `dir` on `port` (0 for any); resolves to the server.
 * `extraHeaders(path)` may add headers. */
export function serve(dir, port, { csp = CSP, extraHeaders = () => ({}) } = {}) {
  const root = resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = normalize(join(root, decodeURIComponent(url.pathname)));
      if (!path.startsWith(root))
        throw Object.assign(new Error("outside root"), { code: "ENOENT" });
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      const body = await readFile(path);
      // A validator, so that "no-cache" files are revalidated with a 304 rather than sent again.
      const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, {
          ETag: etag,
          "Cache-Control": HASHED.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
        });
        return res.end();
      }
      const headers = {
        ETag: etag,
        "Content-Type": TYPES[extname(path)] || "application/octet-stream",
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": HASHED.test(path) ? "public, max-age=31536000, immutable" : "no-cache",
        // The script snippet loads the loader (a module), glue, wasm and named specs from another
        // origin than the article's: module scripts and fetches are CORS requests. Public files,
        // no cookies: any origin may read them.
        ...(extname(path) === ".html" ? {} : { "Access-Control-Allow-Origin": "*" }),
        ...(csp ? { "Content-Security-Policy": csp } : {}),
        ...extraHeaders(url.pathname),
      };
      res.writeHead(200, headers);
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (e) {
      res.writeHead(e.code === "ENOENT" || e.code === "EISDIR" ? 404 : 500, {
        "Content-Type": "text/plain",
      });
      res.end(e.code === "ENOENT" ? "not found" : "error");
    }
  });
  return new Promise((ok) => server.listen(port, "127.0.0.1", () => ok(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || "dist";
  const port = Number(process.argv[3] || process.env.PORT || 8080);
  const server = await serve(dir, port);
  console.log(`serving ${dir} at http://127.0.0.1:${server.address().port}/ (Ctrl-C to stop)`);
}
