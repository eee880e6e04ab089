// The builder page's elements and what it knows of the chart being made.

export const $ = (id) => document.getElementById(id);

export const el = {
  start: $("start"),
  tableStep: $("table-step"),
  table: $("table"),
  releaseStep: $("release-step"),
  release: $("release"),
  releaseSource: $("r-source"),
  releaseDate: $("r-date"),
  releaseUrl: $("r-url"),
  releaseKind: $("r-kind"),
  releaseCount: $("release-count"),
  releaseStatus: $("release-status"),
  releaseText: $("release-text"),
  tableError: $("table-error"),
  spec: $("spec"),
  specError: $("spec-error"),
  specTableNote: $("spec-table-note"),
  width: $("width"),
  theme: $("theme"),
  preview: $("preview"),
  canvas: $("canvas"),
  previewNote: $("preview-note"),
  claims: $("claims"),
  claimsNone: $("claims-none"),
  claimsWarning: $("claims-warning"),
  download: $("download"),
  codeIframe: $("code-iframe"),
  codeScript: $("code-script"),
  codeComponent: $("code-component"),
  copyIframe: $("copy-iframe"),
  copyScript: $("copy-script"),
  copyComponent: $("copy-component"),
  copyNote: $("copy-note"),
  addressBox: $("address-box"),
  addressNote: $("address-note"),
  pin: $("pin"),
  pinLabel: $("pin-label"),
};

/** Who is told of each spec the preview checks (publish.js's specChanged, set by builder.js). */
export const hooks = { specChanged() {} };

export const state = {
  view: null, // the preview's ChartView
  spec: null, // the last valid spec (object)
  source: "", // its source line ("Source: …")
  valid: false, // whether the editor holds that spec (else it holds an error)
  fallback: 0, // the iframe's fallback height for it
  tableProblem: "", // why the table could not become a spec, if it could not
  seq: 0, // updates started
  drawn: "", // what the preview shows: width/ratio/theme
  releaseKind: "trend", // the chart being made from the release: "trend" or "rate"
  releaseSpecs: { trend: null, rate: null }, // each kind's spec made from the release so far
  // The published chart opened (publish.js): {id, version, date, title}, its latest version known
  // here; its embed codes use its address while the start is "published".
  published: null,
};
