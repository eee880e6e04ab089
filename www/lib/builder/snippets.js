// The embed snippets a journalist copies: an iframe of the embed page, or the loader with the chart
// given as a link to that page (in a paragraph or an <offence-chart> element). Every typed value is
// escaped (escape.js). A published chart's codes (`address`: {id, version, date, title, pin}) name
// its address instead of carrying its spec: embed.html?id=ID (&v=N if pinned), data-chart="ID",
// <offence-chart chart="ID">; their text for readers without scripts is its title and version,
// no figure that a later correction could change.
import { escapeHtml } from "./escape.js";

/** This page's folder: the chart host's, where embed.html and the loader are. */
function base() {
  return new URL(".", location.href).href;
}

const themeOf = (theme) => (theme === "dark" || theme === "light" ? theme : "");

/** The iframe snippet: the embed page with the spec in its #fragment (never sent to a server), a
 * fallback height that shows the whole chart if scripts are stripped, and the host script that fits
 * the height to the chart; for readers without scripts, the chart as text and a link (`linked`).
 * The width, height and frameborder attributes repeat the style attribute for CMSs whose CSP
 * refuses style attributes. With `allow-same-origin` the embed page keeps its own origin; without
 * it (an opaque origin) its module scripts, WebAssembly and specs are cross-origin requests, which
 * load only from a host that sends Access-Control-Allow-Origin. */
export function iframeSnippet(spec, { height, summary, theme = "", at = base(), address } = {}) {
  const src = embedUrl(spec, theme, at, address);
  const h = Math.ceil(height);
  // A published chart's page links to its changes and latest version: in a new tab.
  const popups = address ? " allow-popups allow-popups-to-escape-sandbox" : "";
  const title = address ? address.title : spec.title;
  return (
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="100%" ` +
    `height="${h}" loading="lazy" referrerpolicy="no-referrer" ` +
    `sandbox="allow-scripts allow-same-origin${popups}" frameborder="0" ` +
    `style="width:100%;border:0;height:${h}px"></iframe>` +
    `<script src="${escapeHtml(new URL("embed-host.js", at).href)}" defer></script>` +
    `<noscript>${linked(spec, summary, theme, at, address)}</noscript>`
  );
}

/** The script snippet: a paragraph holding the chart as text and a link to its page (`linked`),
 * which the loader replaces with the chart, and the loader (inside it: after it, WordPress's
 * wpautop would wrap the loader in an empty paragraph of its own). */
export function scriptSnippet(spec, { summary, theme = "", at = base(), address } = {}) {
  const t = themeOf(theme);
  let data = t ? ` data-theme="${t}"` : "";
  if (address) {
    const pin = address.pin ? ` data-version="${address.version}"` : "";
    data = ` data-chart="${escapeHtml(address.id)}"${pin}${data}`;
  }
  const fallback = linked(spec, summary, theme, at, address);
  return `<p class="offence-chart" data-offence-chart${data}>${fallback}${loader(at)}</p>`;
}

/** The web-component snippet: an <offence-chart> holding the chart as text and a link to its page
 * (`linked`), and the loader that defines it. */
export function componentSnippet(spec, { summary, theme = "", at = base(), address } = {}) {
  const t = themeOf(theme);
  let attr = t ? ` theme="${t}"` : "";
  if (address) {
    const pin = address.pin ? ` version="${address.version}"` : "";
    attr = ` chart="${escapeHtml(address.id)}"${pin}${attr}`;
  }
  const fallback = linked(spec, summary, theme, at, address);
  return `<offence-chart${attr}>${fallback}</offence-chart>${loader(at)}`;
}

/** The chart's page: embed.html with the spec in its #fragment, or a published chart's address
 * (?id=ID, &v=N if pinned). */
function embedUrl(spec, theme, at, address) {
  const t = themeOf(theme);
  const page = new URL("embed.html", at).href;
  if (address) {
    const v = address.pin ? `&v=${address.version}` : "";
    return `${page}?id=${encodeURIComponent(address.id)}${v}${t ? `&theme=${t}` : ""}`;
  }
  return `${page + (t ? `?theme=${t}` : "")}#spec=${encodeURIComponent(JSON.stringify(spec))}`;
}

/** The chart as text, `summary` (the sentence screen readers hear: its figures and sources), and a
 * link to its page carrying the spec: what a CMS that strips scripts and unknown elements leaves
 * of each snippet (WordPress's kses, for authors without unfiltered_html), and where scripts run
 * the loader's source of the spec (lib/linked.js). Each snippet is one line: WordPress's wpautop
 * turns line breaks in classic content into <br>. */
function linked(spec, summary, theme, at, address) {
  let text = escapeHtml(summary || `Chart: ${spec.title}.`);
  if (address) {
    // What the chart is and which version this says, no figures: a correction may change them.
    const date = address.date ? `, ${address.date}` : "";
    text = escapeHtml(`Chart: ${address.title} (version ${address.version}${date}).`);
    // The chart's own page (charts/ID/: its latest version, share card and oEmbed link) unless
    // the code pins a version.
    if (!address.pin) {
      const page = new URL(`charts/${encodeURIComponent(address.id)}/`, at).href;
      return `${text} <a href="${escapeHtml(page)}">Open the chart</a>`;
    }
  }
  return `${text} <a href="${escapeHtml(embedUrl(spec, theme, at, address))}">Open the chart</a>`;
}

/** The loader's module script. */
function loader(at) {
  const src = new URL("offence-charts.js", at).href;
  return `<script type="module" src="${escapeHtml(src)}"></script>`;
}
