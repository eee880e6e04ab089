// Published charts: one address per chart, its versions kept as static files by the command
// `offence-charts publish` in a store served beside the site at charts/ (`offence-charts serve`,
// or a copy of the store in <dist>/charts/ on a static host):
//   charts/ID/current.json  the latest version's record (revalidated on each load)
//   charts/ID/N.json        version N's record (never rewritten)
//   charts/ID/changes.html  the chart's history, for readers
// A record is {id, version, published, date, by, kind, note, changes, spec}. A chart is asked for
// by its address (`id`) and, to pin one version, `version`: the current version, or that one and,
// beside it, whether a later one exists. Both are checked here before any URL is built from them.

/** Where the store is: charts/ beside this script (the loader, or a page's bundled script). */
export const STORE = new URL("charts/", import.meta.url);

/** A chart's address: lower-case letters, digits and hyphens, 1–80 characters. */
export const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
const VERSION = /^[1-9][0-9]{0,8}$/;

const shown = (s) => JSON.stringify(String(s).slice(0, 80));

/** `id`, if it is a chart's address; else throws the message a reader sees. */
export function checkId(id) {
  if (typeof id === "string" && ID.test(id)) return id;
  throw new Error(
    `id: ${shown(id ?? "")} is not a chart's address ` +
      "(lower-case letters, digits and hyphens, 1 to 80 characters)",
  );
}

/** Version `v` (text) as a number; null if none is asked for; else throws the reader's message. */
export function checkVersion(v) {
  if (v === null || v === undefined) return null;
  if (VERSION.test(v)) return Number(v);
  throw new Error(`version: ${shown(v)} is not a version number (1, 2, 3…)`);
}

/** The URL of a file of chart `id` in the store `store`. */
export const storeFile = (id, file, store = STORE) => new URL(`${checkId(id)}/${file}`, store);

/** Version record `file` ("current.json", "2.json") of chart `id`, checked to be that chart's
 * (fetched each time: the builder opens the current version afresh). */
export async function fetchRecord(id, file, store = STORE) {
  const response = await fetch(storeFile(id, file, store)).catch(() => {
    // offline, or a host that does not let this page read its answer (no CORS header)
    throw new Error(`the chart ${shown(id)} could not be loaded (its host did not answer)`);
  });
  if (response.status === 404) {
    throw new Error(
      file === "current.json"
        ? `no chart is published at the address ${shown(id)}`
        : `the chart ${shown(id)} has no version ${file.slice(0, -5)}`,
    );
  }
  if (!response.ok) {
    throw new Error(`the chart ${shown(id)} could not be loaded (HTTP ${response.status})`);
  }
  const r = await response.json().catch(() => null);
  if (r?.id !== id || !Number.isInteger(r.version) || r.version < 1 || !r.spec) {
    throw new Error(`the chart ${shown(id)} could not be loaded (not a version of it)`);
  }
  return r;
}

const asked = new Map(); // "store id version" -> promise of the chart, once asked for

/**
 * Chart `id` as published (version `version`, or the current one): resolves to `{id, version,
 * latest, text, record}`, `text` being its spec as JSON and `latest` the current version's number
 * (null if a pinned version's current one could not be read). Both records of a pinned version are
 * fetched at once. Asked for once per page; a failure is forgotten.
 */
export function publishedChart(id, version = null, store = STORE) {
  const key = `${store} ${id} ${version}`;
  let chart = asked.get(key);
  if (!chart) {
    chart = fetchChart(id, version, store);
    asked.set(key, chart);
    chart.catch(() => asked.delete(key));
  }
  return chart;
}

async function fetchChart(id, version, store) {
  checkId(id);
  const n = checkVersion(version);
  const current = fetchRecord(id, "current.json", store);
  if (n === null) {
    const r = await current;
    return { id, version: r.version, latest: r.version, text: JSON.stringify(r.spec), record: r };
  }
  current.catch(() => {});
  const r = await fetchRecord(id, `${n}.json`, store);
  if (r.version !== n) throw new Error(`the chart ${shown(id)} has no version ${n}`);
  const latest = await current.then(
    (c) => c.version,
    () => null,
  );
  return { id, version: n, latest, text: JSON.stringify(r.spec), record: r };
}

/** How the lines under a published chart link: to the chart's page (embed.html beside this
 * script), in a new tab if `newTab` (the embed page sets it when it is in a frame). */
export const NOTES = { page: new URL("embed.html", import.meta.url), newTab: false };

/**
 * The lines under published chart `chart` (publishedChart's): its version and date with a link to
 * its changes (from version 2), and for a pinned version with a later one, that an updated version
 * exists, with a link to the chart's page. Styled `css`; their text is text only.
 */
export function publishedNotes(chart, css = "", store = STORE) {
  const { page, newTab } = NOTES;
  const link = (href, text) => {
    const a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (newTab) {
      a.target = "_blank";
      a.rel = "noopener";
    }
    return a;
  };
  const p = (...children) => {
    const e = document.createElement("p");
    e.className = "oc-published";
    if (css) e.style.cssText = css;
    e.append(...children);
    return e;
  };
  const lines = [];
  if (chart.latest !== null && chart.latest > chart.version) {
    const latest = new URL(page);
    latest.search = `?id=${chart.id}`;
    lines.push(
      p("An updated version of this chart exists. ", link(latest.href, "See the latest version")),
    );
  }
  if (chart.version > 1) {
    const { date } = chart.record;
    const on = typeof date === "string" ? `, ${date.slice(0, 80)}` : "";
    const changes = storeFile(chart.id, "changes.html", store).href;
    lines.push(p(`Version ${chart.version}${on}. `, link(changes, "Changes")));
  }
  return lines;
}
