// HTTPS in front of a loopback server, for tests that need a chart host on https:// as a newsroom's
// is (WordPress 6.1's block editor turns a pasted link into an Embed block only if it is https).
// The certificate is made for the run by openssl: self-signed for 127.0.0.1, valid for a day. The
// browser context takes it with `ignoreHTTPSErrors`; WordPress with it as its CA file.
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A self-signed certificate for 127.0.0.1 in a new folder readable by all (Apache's workers
 * read it): `{dir, cert (path), key (path), remove()}`. */
export function makeCertificate() {
  const dir = mkdtempSync(join(tmpdir(), "oc-tls-"));
  chmodSync(dir, 0o755);
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"],
      ...["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
      ...["-keyout", key, "-out", cert],
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  chmodSync(cert, 0o644);
  return { dir, cert, key, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Serves https://127.0.0.1:PORT/ as a plain proxy of `upstream` (an http:// origin on
 * loopback), every request and response passed on as it is; resolves to {origin, url, close}. */
export function startTlsProxy(upstream, { cert, key }) {
  const to = new URL(upstream);
  const server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (req, res) => {
    const up = request(
      { host: to.hostname, port: to.port, method: req.method, path: req.url, headers: req.headers },
      (r) => {
        res.writeHead(r.statusCode, r.statusMessage, r.headers);
        r.pipe(res);
      },
    );
    up.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(up);
  });
  return new Promise((ok, fail) => {
    server.on("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const origin = `https://127.0.0.1:${server.address().port}`;
      ok({
        origin,
        url: (path = "/") => origin + path,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
