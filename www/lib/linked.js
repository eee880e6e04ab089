// Charts given as a link to their own page, as the builder's script and web-component codes give
// them: the chart's summary and a link to embed.html#spec=<URI-encoded JSON>. That is what a CMS
// that strips scripts and unknown elements leaves of the code (WordPress's kses, for authors
// without unfiltered_html): the post still says what the chart shows and links to it. Where the
// loader runs, it puts a spec script holding the link's spec in their place. A published chart's
// code names its address instead (data-chart="ID", data-version="N" to pin one; an <offence-chart>
// chart="ID" version="N"), and links to embed.html?id=ID: the spec script then holds the address
// (data-oc-id, data-oc-version) and the loader fetches the chart from the store (published.js).

/** The spec text in a chart page's `hash` ("#spec=…"), or null if it holds none. A fragment that
 * is not URI-encoded is kept as it is: its JSON error shows where the chart would be. */
export function specInHash(hash) {
  if (!hash.startsWith("#spec=")) return null;
  const raw = hash.slice("#spec=".length);
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** A spec script for the chart of `el` (a <p data-offence-chart>, or an <offence-chart>): the
 * published chart at address `id` (version `version`, or the current one) if there is an `id`,
 * else the spec of the first link in it to a chart page with #spec=, else the chart `name`. */
export function specScript(el, name = "", id = null, version = null) {
  const script = document.createElement("script");
  script.type = "application/json";
  if (id !== null) {
    script.dataset.offenceChart = "";
    script.dataset.ocId = id;
    if (version !== null) script.dataset.ocVersion = version;
    return script;
  }
  const link = el.querySelector('a[href*="#spec="]');
  const spec = link ? specInHash(link.hash) : null;
  script.dataset.offenceChart = spec === null ? name : "";
  if (spec) script.textContent = spec;
  return script;
}

/** Puts a spec script in the place of each chart given as a link (`[data-offence-chart]` other
 * than a script) in the page. */
export function unlinkAll() {
  for (const el of document.querySelectorAll("[data-offence-chart]:not(script)")) {
    const { offenceChart, chart = null, version = null } = el.dataset;
    const script = specScript(el, offenceChart, chart, version);
    if (el.dataset.theme) script.dataset.theme = el.dataset.theme;
    el.replaceWith(script);
  }
}
