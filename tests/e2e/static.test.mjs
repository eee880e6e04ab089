// What ships in dist/ never runs strings as code, never writes HTML from strings, never touches
// cookies or storage, and names no host but its own.

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { DIST, requireDist } from "./helpers.mjs";

// Shipped files with comments removed (block comments, and lines that are only a // comment).
const files = () => {
  requireDist();
  const code = (text) =>
    text
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/^\s*\/\/.*$/gm, "")
      .replace(/<!--[\s\S]*?-->/g, "");
  return readdirSync(DIST)
    .filter((f) => /\.(js|html|css)$/.test(f))
    .map((f) => [f, code(readFileSync(join(DIST, f), "utf8"))]);
};

const FORBIDDEN = [
  [/\beval\s*\(/, "eval"],
  [/new\s+Function\s*\(/, "new Function"],
  [/\bsetTimeout\s*\(\s*["'`]/, "setTimeout with a string"],
  [/\.(inner|outer)HTML\s*=/, "innerHTML/outerHTML assignment"],
  [/insertAdjacentHTML|document\.write/, "HTML written from strings"],
  [/<[a-z][^>]*\son[a-z]+\s*=/i, "inline event handler attribute"],
  [/document\.cookie|localStorage|sessionStorage|indexedDB/, "cookies or storage"],
];

test("no code from strings, no HTML from strings, no cookies or storage", () => {
  const found = [];
  for (const [name, text] of files()) {
    for (const [re, what] of FORBIDDEN) if (re.test(text)) found.push(`${name}: ${what}`);
  }
  assert.deepEqual(found, []);
});

test(
  "nothing is loaded from an absolute URL " + "(requests are checked live in the other suites)",
  () => {
    const LOADS = [
      /\b(fetch|import)\s*\(\s*["'`]https?:/,
      /\b(src|href|action)\s*=\s*["']https?:/i,
      /url\(\s*["']?https?:/,
      /@import\s+["']?https?:/,
    ];
    const found = [];
    for (const [name, text] of files()) {
      for (const re of LOADS) {
        const m = text.match(re);
        if (m) found.push(`${name}: ${m[0]}`);
      }
    }
    assert.deepEqual(found, []);
  },
);

test("no inline <script> or <style> in the pages (the strict CSP would block them)", () => {
  for (const [name, text] of files().filter(([n]) => n.endsWith(".html"))) {
    for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const [, attrs, body] = m;
      const data = /type="application\/json"/.test(attrs);
      assert.ok(
        data || /\bsrc=/.test(attrs) || body.trim() === "",
        `${name}: inline script ${attrs}`,
      );
    }
    assert.doesNotMatch(text, /<style\b/, `${name}: inline <style>`);
    assert.doesNotMatch(text, /\sstyle="/, `${name}: style attribute`);
  }
});

test(
  "the server's cache rules: hashed files " + "forever, named files revalidated with a 304",
  async () => {
    const { serve } = await import("../../scripts/serve.mjs");
    const server = await serve(DIST, 0);
    const base = `http://127.0.0.1:${server.address().port}/`;
    try {
      for (const name of readdirSync(DIST)) {
        const r = await fetch(base + name);
        const hashed = /-[0-9a-f]{10}\.(js|wasm|css|json)$/.test(name);
        assert.equal(
          r.headers.get("cache-control"),
          hashed ? "public, max-age=31536000, immutable" : "no-cache",
          name,
        );
        if (name.endsWith(".wasm")) assert.equal(r.headers.get("content-type"), "application/wasm");
        const again = await fetch(base + name, {
          headers: { "If-None-Match": r.headers.get("etag") },
        });
        assert.equal(again.status, 304, name);
      }
    } finally {
      server.close();
    }
  },
);
