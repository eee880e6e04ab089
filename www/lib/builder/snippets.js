// The embed snippets a journalist copies: an iframe of the embed page, or the spec inline with the
// loader (in a spec script or an <offence-chart> element). Every typed value is escaped
// (escape.js).
import { escapeHtml, scriptSafeJson } from "./escape.js";

/** This page's folder: the chart host's, where embed.html and the loader are. */
function base() {
  return new URL(".", location.href).href;
}

const themeOf = (theme) => (theme === "dark" || theme === "light" ? theme : "");

/** The iframe snippet: the embed page with the spec in its #fragment (never sent to a server), a
 * fallback height that shows the whole chart if scripts are stripped, and the host script that fits
 * the height to the chart; for readers without scripts, the title and `source` (the chart's source
 * line, "Source: …"). The width, height and frameborder attributes repeat the style attribute for
 * CMSs whose CSP refuses style attributes. With `allow-same-origin` the embed page keeps its own
 * origin; without it (an opaque origin) its module scripts, WebAssembly and specs are cross-origin
 * requests, which load only from a host that sends Access-Control-Allow-Origin. */
export function iframeSnippet(spec, { height, source = "", theme = "", at = base() } = {}) {
  const t = themeOf(theme);
  const query = t ? `?theme=${t}` : "";
  const page = new URL("embed.html", at).href + query;
  const src = `${page}#spec=${encodeURIComponent(JSON.stringify(spec))}`;
  const h = Math.ceil(height);
  const noscript = [`Chart: ${spec.title}`, source, "The chart needs JavaScript."];
  return [
    `<iframe src="${escapeHtml(src)}" title="${escapeHtml(spec.title)}" width="100%" ` +
      `height="${h}" loading="lazy" referrerpolicy="no-referrer" ` +
      `sandbox="allow-scripts allow-same-origin" frameborder="0" ` +
      `style="width:100%;border:0;height:${h}px"></iframe>`,
    `<script src="${escapeHtml(new URL("embed-host.js", at).href)}" defer></script>`,
    `<noscript><p>${escapeHtml(noscript.filter(Boolean).join(". "))}</p></noscript>`,
  ].join("\n");
}

/** The script snippet: the spec inline (JSON made safe for a <script> element) and the loader. */
export function scriptSnippet(spec, { theme = "", at = base() } = {}) {
  const t = themeOf(theme);
  const data = t ? ` data-theme="${t}"` : "";
  const loader = escapeHtml(new URL("offence-charts.js", at).href);
  return (
    `<div class="offence-chart"><script type="application/json" data-offence-chart${data}>` +
    `${scriptSafeJson(spec)}</script></div>\n` +
    `<script type="module" src="${loader}"></script>`
  );
}

/** The web-component snippet: an <offence-chart> holding the spec, and the loader that defines
 * it. */
export function componentSnippet(spec, { theme = "", at = base() } = {}) {
  const t = themeOf(theme);
  const attr = t ? ` theme="${t}"` : "";
  const loader = escapeHtml(new URL("offence-charts.js", at).href);
  return (
    `<offence-chart${attr}><script type="application/json">` +
    `${scriptSafeJson(spec)}</script></offence-chart>\n` +
    `<script type="module" src="${loader}"></script>`
  );
}
