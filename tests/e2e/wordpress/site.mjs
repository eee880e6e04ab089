// The end-to-end tests' WordPress site: Debian's WordPress, MariaDB and PHP run by serve.sh on
// loopback with their data in a temporary folder (the installed site cached in target/wordpress/),
// and its REST API as each user writes posts through it (application passwords).
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SERVE = fileURLToPath(new URL("serve.sh", import.meta.url));
const CACHE = fileURLToPath(new URL("../../../target/wordpress", import.meta.url));

/** A free loopback port (PHP's server is told to use it). */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/**
 * Starts the site; resolves once it answers, to `{origin, users, rest, post, php, log, stop()}`.
 * serve.sh runs in its own session and stops MariaDB and PHP (and removes their data) once its
 * standard input closes: when stop() closes it, or when this process ends however it ends.
 * Options: `server` "php" (PHP's built-in server) or "apache" (Apache with mod_php); `plugins`
 * and `muPlugins`, folders and files copied into the site for this run; `cache`, the folder that
 * keeps the installed site between runs (target/wordpress by default); `env`, more of the
 * servers' environment.
 */
export async function startWordPress({
  server = "php",
  plugins = [],
  muPlugins = [],
  cache = CACHE,
  env: more = {},
} = {}) {
  const run = mkdtempSync(join(tmpdir(), "oc-wp-"));
  const port = await freePort();
  const child = spawn(SERVE, [cache, run, String(port)], {
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
    env: {
      ...process.env,
      OC_WP_SERVER: server,
      OC_WP_PLUGINS: plugins.join(":"),
      OC_WP_MU_PLUGINS: muPlugins.join(":"),
      ...more,
    },
  });
  let log = "";
  child.stderr.on("data", (d) => {
    log += d;
  });
  const exited = new Promise((ok) => child.on("exit", ok));
  const stop = async () => {
    child.stdin.end();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, 15000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await new Promise((ok, fail) => {
      child.stdout.on("data", (d) => String(d).includes("ready") && ok());
      exited.then((code) => fail(new Error(`serve.sh exited (${code}):\n${log}`)));
    });
  } catch (e) {
    await stop();
    throw e;
  }
  const users = JSON.parse(readFileSync(join(run, "users.json"), "utf8"));
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    ...more,
    OC_WP_DIR: readFileSync(join(run, "wp-dir"), "utf8").trim(),
    OC_WP_SOCKET: join(run, "mysqld.sock"),
    OC_WP_ORIGIN: origin,
  };
  /** `method` `route` of the REST API as `user` (editor, author); resolves to its JSON. */
  async function rest(user, route, { method = "GET", body } = {}) {
    const { password } = users[user];
    const response = await fetch(`${origin}/?rest_route=${route}`, {
      method,
      headers: {
        Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`,
        "Content-Type": "application/json",
      },
      body: body && JSON.stringify(body),
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${json.message}`);
    return json;
  }
  return {
    origin,
    users,
    rest,
    /** Runs `code` (PHP, after WordPress has loaded) with PHP's command line; returns its output. */
    php(code) {
      const r = spawnSync("php", ["-r", `require getenv('OC_WP_DIR') . '/wp-load.php'; ${code}`], {
        env,
        encoding: "utf8",
        timeout: 30_000,
      });
      if (r.status !== 0) throw new Error(`php: ${r.status} ${r.stderr}${r.stdout}`);
      return r.stdout;
    },
    /** The text of the run's log `name` (php-error.log, apache-error.log, …), "" if none. */
    log(name) {
      try {
        return readFileSync(join(run, name), "utf8");
      } catch {
        return "";
      }
    },
    /** Writes a post as `user` (published, or `status`); resolves to `{id, link, raw}` (raw:
     * the content as saved). */
    async post(user, { title, content, status = "publish" }) {
      const p = await rest(user, "/wp/v2/posts", {
        method: "POST",
        body: { title, content, status },
      });
      const saved = await rest(user, `/wp/v2/posts/${p.id}&context=edit`);
      return { id: p.id, link: p.link, raw: saved.content.raw };
    },
    stop,
  };
}
