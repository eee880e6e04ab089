// Generated from the Rust core (src/web/shared_js.rs): do not edit. Rewrite it with
// `UPDATE_SHARED_JS=1 cargo test --test shared_js`; that test fails while it is stale.

/** The font stack charts draw with. */
export const FONT_FAMILY = "Helvetica, Arial, Liberation Sans, sans-serif";
/** Charts narrower than this, CSS px, use the phone sizes. */
export const PHONE_BELOW = 480;
/** The canvas fonts a chart draws with: [narrower than PHONE_BELOW, wider]. */
export const FONTS = [
  [
    "bold 17px Helvetica, Arial, Liberation Sans, sans-serif",
    "normal 14px Helvetica, Arial, Liberation Sans, sans-serif",
    "normal 12px Helvetica, Arial, Liberation Sans, sans-serif",
    "bold 12px Helvetica, Arial, Liberation Sans, sans-serif",
  ],
  [
    "bold 20px Helvetica, Arial, Liberation Sans, sans-serif",
    "normal 15px Helvetica, Arial, Liberation Sans, sans-serif",
    "normal 13px Helvetica, Arial, Liberation Sans, sans-serif",
    "bold 14px Helvetica, Arial, Liberation Sans, sans-serif",
    "normal 12px Helvetica, Arial, Liberation Sans, sans-serif",
  ],
];
/** The default charts a snippet may name; each one's spec is data/<name>.json. */
export const NAMED_CHARTS = ["offence-trend", "detection-rate"];
/** Each theme's page colours: background, text, muted text, focus ring (the first series). */
export const THEMES = {
  light: {
    background: "#ffffff",
    text: "#1a1a1a",
    muted: "#5c5c5c",
    focus: "#1d5a8c",
  },
  dark: {
    background: "#16181b",
    text: "#eeeeee",
    muted: "#b0b4ba",
    focus: "#6eb0ec",
  },
};
/** The spec's limits (docs/spec.md), in characters: the longest title; subtitle, note,
 * source name or quote (`text`); period label or name, category label or period, unit,
 * series name, `published` or a source's date (`label`); a source's address (`url`); the
 * most sources, notes and breaks in series; a published chart's ID (`id`) and a
 * version's note (`note`). */
export const LIMITS = {
  title: 200, text: 500, label: 120, url: 2000, sources: 10, notes: 10, breaks: 10,
  id: 80, note: 300,
};
/** The one rule for a source's address (spec::url_problem): one of `schemes` (any case)
 * with something after it, at most `maxLength` characters, no white space, control
 * character or any of `forbidden`. */
export const URL_RULE = { schemes: ["http://", "https://"], maxLength: 2000, forbidden: "\"<>" };
/** The data table's most rows; the mark of an approximate figure. */
export const MAX_TABLE_ROWS = 1000;
export const APPROX = "≈";
/** A missing figure's mark, and the words for why it is missing or what it is. */
export const NOT_AVAILABLE = "n/a";
export const FIGURE_WORDS = {
  "not-available": "not available",
  suppressed: "suppressed",
  "not-applicable": "not applicable",
  provisional: "provisional",
  revised: "revised",
  estimated: "estimated",
  "low-reliability": "of low reliability",
};
/** The spreadsheet reader's largest file (bytes) and the rows and columns it reads. */
export const SHEET_LIMITS = { bytes: 20971520, rows: 5000, columns: 200 };
/** A spec's fields in the order the core reads and lists them (and docs/spec.md). */
export const SPEC_FIELDS = [
  "version",
  "kind",
  "title",
  "subtitle",
  "unit",
  "sources",
  "notes",
  "revision",
  "periods",
  "series",
  "mark",
  "categories",
  "annotations",
];
/** Data-table headings: a trend's first column; a rate chart's columns. */
export const PERIOD_HEADING = "Period";
export const RATE_HEADINGS = [
  "Category",
  "Recorded",
  "Detected",
  "Detection rate",
  "Published rate",
];
