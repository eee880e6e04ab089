// The table form: a table pasted from a spreadsheet and a few fields become a trend spec; and a
// chart error's field, in the form's terms.

/** How many times `ch` occurs in `line` outside double quotes. */
function count(line, ch) {
  let n = 0;
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/** The cell delimiter of pasted `text`: a tab (Excel, Sheets), else ";" or ",", whichever its
 * first line uses more. */
function delimiterOf(text) {
  const firstLine = text.split("\n").find((l) => l.trim()) || "";
  if (firstLine.includes("\t")) return "\t";
  return count(firstLine, ";") > count(firstLine, ",") ? ";" : ",";
}

/** Splits pasted text into rows of trimmed cells: tab-separated (Excel, Sheets) or CSV with
 * quotes, by comma or semicolon, whichever the first line uses. Blank rows are dropped. */
export function parseTable(text) {
  const src = text.replace(/\r\n?/g, "\n");
  const delimiter = delimiterOf(src);
  const rows = [];
  let row = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (src[i + 1] === '"')
        cell += src[++i]; // "" is a quote
      else quoted = false;
    } else if (c === '"' && cell.trim() === "") {
      quoted = true;
      cell = "";
    } else if (c === delimiter || c === "\n") {
      row.push(cell.trim());
      cell = "";
      if (c === "\n") {
        rows.push(row);
        row = [];
      }
    } else {
      cell += c;
    }
  }
  row.push(cell.trim());
  rows.push(row);
  return rows.filter((r) => r.some((c) => c !== ""));
}

/** A figure from a cell: "1,573", "1 573", "12.5", "~1,600" (approximate). Negative numbers pass
 * through, so the chart's own check names them; anything else gives null. */
export function parseFigure(cell) {
  let s = cell.trim();
  let approximate = false;
  const approx = /^(~|≈|c\.\s*|about\s+|nearly\s+|around\s+)/i.exec(s);
  if (approx) {
    approximate = true;
    s = s.slice(approx[0].length);
  }
  s = s.replace(/[,\s\u00a0\u202f\u2009]/g, "").replace(/^\u2212/, "-");
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  const value = Number(s);
  if (!Number.isFinite(value)) return null;
  return approximate ? { value, approximate: true, published: cell.trim() } : value;
}

/** The series names of heading row `head`; throws if one is missing. */
function seriesNames(head) {
  if (head.length < 2) {
    throw new Error(
      "The first row needs “Period” and then one heading per series, separated by tabs or commas.",
    );
  }
  const names = head.slice(1);
  while (names.length > 1 && names[names.length - 1] === "") names.pop();
  names.forEach((n, i) => {
    if (!n)
      throw new Error(`Column ${i + 2} of the heading row is empty: give each series a name.`);
  });
  return names;
}

/** Row `row` (line `line` of the table) read into `periods` and `series`; throws if it is wrong. */
function readRow(row, line, periods, series) {
  const label = row[0];
  if (!label) throw new Error(`Row ${line} has no period label in its first cell.`);
  const at = `Row ${line} (“${label}”)`;
  if (row.slice(series.length + 1).some((c) => c !== "")) {
    throw new Error(`${at} has more cells than the heading row has columns.`);
  }
  periods.push({ label });
  series.forEach(({ name, values }, i) => {
    const cell = row[i + 1] ?? "";
    if (cell === "") {
      throw new Error(`${at} has no figure for “${name}”. Every period needs one for each series.`);
    }
    const figure = parseFigure(cell);
    if (figure === null) throw new Error(`${at}, “${name}”: “${cell}” is not a number.`);
    values.push(figure);
  });
}

/** Turns the table and the form into a trend spec; throws an Error in the table's terms. */
export function tableToSpec(text, form) {
  const rows = parseTable(text);
  if (rows.length === 0) throw new Error("Paste a table: a heading row, then one row per period.");
  const series = seriesNames(rows[0]).map((name) => ({ name, values: [] }));
  if (rows.length < 2) throw new Error("Add at least one row of figures under the heading row.");
  const periods = [];
  for (let k = 1; k < rows.length; k++) readRow(rows[k], k + 1, periods, series);
  const source = { name: form.source };
  if (form.date) source.date = form.date;
  if (form.url) source.url = form.url;
  const spec = { version: 1, kind: "trend", title: form.title };
  if (form.subtitle) spec.subtitle = form.subtitle;
  if (form.unit) spec.unit = form.unit;
  spec.sources = [source];
  if (form.mark && form.mark !== "auto") spec.mark = form.mark;
  spec.periods = periods;
  spec.series = series;
  return spec;
}

const FIELDS = { title: "the Title field", subtitle: "the Subtitle field", unit: "the Unit field" };
const SOURCE_FIELDS = {
  name: "the Source name field",
  date: "the Source date field",
  url: "the Source URL field",
};

/** Where the spec field at `path` (a chart error's, as "series[0].values[1]") is in the table
 * form made `spec`; "" if it is in none of its parts. */
export function tableHint(path, spec) {
  const [field, i, sub, j] = path.split(/[.[\]]+/).filter(Boolean);
  if (FIELDS[field] && i === undefined) return FIELDS[field];
  if (field === "sources") return SOURCE_FIELDS[sub] || "";
  if (field === "periods" && i !== undefined)
    return `the period label in row ${+i + 2} of the table`;
  if (field === "series" && i !== undefined) {
    if (sub === "name") return `the heading of column ${+i + 2}`;
    if (sub === "values" && j !== undefined) {
      return `row ${+j + 2} of the table, column “${spec?.series?.[+i]?.name}”`;
    }
    return `column ${+i + 2} of the table`;
  }
  return "";
}
