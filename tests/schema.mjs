// docs/spec.schema.json against the shipped specs, the examples in docs/spec.md and some bad specs.
// Run: node --test tests/schema.mjs

import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const read = (p) => readFileSync(join(root, p), "utf8");

const schema = JSON.parse(read("docs/spec.schema.json"));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
const validate = ajv.compile(schema);

function check(spec) {
  const ok = validate(spec);
  return {
    ok,
    errors: ok ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`),
  };
}
const accepts = (spec, what) => {
  const r = check(spec);
  assert.ok(r.ok, `${what} should be valid:\n${r.errors.join("\n")}`);
};
const refuses = (spec, what) => assert.equal(check(spec).ok, false, `${what} should be refused`);

// The JSON blocks of docs/spec.md: fences whose info string is exactly `json` (fragments use
// jsonc).
function docBlocks() {
  const md = read("docs/spec.md");
  return [...md.matchAll(/^```json[ \t]*\n([\s\S]*?)^```/gm)].map((m) => m[1]);
}

const dataFiles = readdirSync(join(root, "data"))
  .filter((f) => f.endsWith(".json"))
  .sort();
const trend = () => JSON.parse(read("data/offence-trend.json"));
const rate = () => JSON.parse(read("data/detection-rate.json"));

test("the schema is draft 2020-12 and compiles in strict mode", () => {
  assert.equal(schema.$schema, "https://json-schema.org/draft/2020-12/schema");
  assert.equal(typeof validate, "function");
});

test("every data/*.json validates", () => {
  assert.deepEqual(dataFiles, ["detection-rate.json", "offence-trend.json"]);
  for (const f of dataFiles) accepts(JSON.parse(read(`data/${f}`)), `data/${f}`);
});

test("every ```json block of docs/spec.md validates", () => {
  const blocks = docBlocks();
  assert.ok(blocks.length >= 2, `expected at least 2 json examples, found ${blocks.length}`);
  const kinds = blocks.map((b, i) => {
    let spec;
    assert.doesNotThrow(() => (spec = JSON.parse(b)), `block ${i} is not JSON`);
    accepts(spec, `docs/spec.md json block ${i}`);
    return spec.kind;
  });
  assert.ok(kinds.includes("trend") && kinds.includes("rate"), `examples of both kinds: ${kinds}`);
  const twoSeries = blocks.map((b) => JSON.parse(b)).find((s) => s.kind === "trend");
  assert.equal(twoSeries.series.length, 2);
});

test("an unknown field is refused, at every level", () => {
  const s = trend();
  s.tittle = "typo";
  refuses(s, "top-level tittle");
  assert.ok(
    check(s).errors.some((e) => e.includes("additional properties")),
    check(s).errors.join("\n"),
  );
  const f = trend();
  f.series[0].values[0].sauce = 1;
  refuses(f, "figure field sauce");
  const src = trend();
  src.sources[0].link = "https://example.org/";
  refuses(src, "source field link");
  const c = rate();
  c.categories[0].colour = "red";
  refuses(c, "category field colour");
});

test("only http(s) URLs are accepted", () => {
  for (const url of [
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "data:text/html,<b>x</b>",
    "ftp://example.org/",
    "https://",
    "//example.org/",
    " https://example.org/",
    "https://example.org/a b",
    'https://example.org/"><script>',
  ]) {
    const s = trend();
    s.sources[0].url = url;
    refuses(s, `url ${JSON.stringify(url)}`);
  }
  for (const url of ["http://example.org/", "HTTPS://EXAMPLE.ORG/x?y=1&z=2", null]) {
    const s = trend();
    s.sources[0].url = url;
    accepts(s, `url ${JSON.stringify(url)}`);
  }
  const long = trend();
  long.sources[0].url = `https://example.org/${"a".repeat(2000)}`;
  refuses(long, "url over 2000 characters");
});

test("kind and mark are enums", () => {
  const s = trend();
  s.kind = "pie";
  refuses(s, "kind pie");
  const m = trend();
  m.mark = "pie";
  refuses(m, "mark pie");
  for (const mark of ["auto", "bar", "line"]) {
    const ok = trend();
    ok.mark = mark;
    accepts(ok, `mark ${mark}`);
  }
});

test("a figure is a number, null or an object with a value or why it is missing", () => {
  const s = trend();
  s.series[0].values = [
    1573,
    { value: 1694, approximate: true, published: "about 1700", source: 1 },
  ];
  accepts(s, "bare number and object");
  for (const ok of [
    null,
    { missing: "suppressed", cell: "Table 4!C12" },
    { value: 1694, status: "provisional" },
  ]) {
    const g = trend();
    g.series[0].values[1] = ok;
    g.periods[1].break = "Counting rules changed";
    g.sources[0].file = "tables.xlsx";
    g.sources[0].table = "Table 4: Crimes recorded";
    accepts(g, `figure ${JSON.stringify(ok)} after a break`);
  }
  for (const bad of [
    "1694",
    [1694],
    { approximate: true },
    { missing: "secret" },
    { missing: "suppressed", value: 3 },
    { value: 3, status: "final" },
    { value: -1 },
    -1,
    { value: 1, source: 1.5 },
    { value: 1, approximate: null },
    9007199254740992,
  ]) {
    const b = trend();
    b.series[0].values[1] = bad;
    refuses(b, `figure ${JSON.stringify(bad)}`);
  }
});

test("rules the schema can express", () => {
  const v2 = trend();
  v2.version = 2;
  refuses(v2, "version 2");
  const noTitle = trend();
  delete noTitle.title;
  refuses(noTitle, "missing title");
  const blank = trend();
  blank.title = "   ";
  refuses(blank, "blank title");
  const ctrl = trend();
  ctrl.title = "a\u0007b";
  refuses(ctrl, "control character");
  const longTitle = trend();
  longTitle.title = "x".repeat(201);
  refuses(longTitle, "201-character title");
  longTitle.title = "é".repeat(200);
  accepts(longTitle, "200-character title");
  const many = trend();
  many.series = Array.from({ length: 13 }, (_, i) => ({ name: `s${i}`, values: [1, 2] }));
  refuses(many, "13 series");
  many.series.pop();
  accepts(many, "12 series");
  const cats = trend();
  cats.categories = [{ label: "c", rate: 50 }];
  refuses(cats, "categories in a trend");
  const per = rate();
  per.periods = [{ label: "a" }];
  refuses(per, "periods in a rate chart");
  const r101 = rate();
  r101.categories[0].rate.value = 101;
  refuses(r101, "rate 101");
  const frac = rate();
  frac.categories[1].recorded.value = 98.5;
  refuses(frac, "fractional recorded");
  const neither = rate();
  neither.categories[1] = { label: "c", recorded: 5 };
  refuses(neither, "recorded without detected or rate");
  const zero = rate();
  zero.categories[1] = { label: "c", recorded: 0, detected: 0 };
  refuses(zero, "recorded 0 with detected");
  const noSources = trend();
  noSources.sources = [];
  refuses(noSources, "no sources");
});
