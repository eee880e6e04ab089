//! The builder's spreadsheet export (cargo feature `sheet`: the program of the builder's reader
//! worker, `www/lib/builder/sheet-worker.js`): a file's bytes read into sheets of cells
//! ([`crate::sheet`]), as plain objects for `www/lib/builder/sheet*.js`. The limits reach the
//! page through `www/shared.js` (`SHEET_LIMITS`).

use super::exports::set;
use crate::sheet::{read, Cell, Sheet};
use js_sys::{Array, Error, Object};
use wasm_bindgen::prelude::*;

fn strings(items: &[String]) -> JsValue {
    items
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect::<Array>()
        .into()
}

/// A cell as `{t, v, m, s, b, k, h, f, hm, p, n, x, d, g}`, only the keys it has: `t` its text;
/// as a figure, `v` its value, `m` why it is missing, `s` its status, `b` true for a break,
/// `k` its markers as written, `d` true when written with separators or units, `x` true when a
/// workbook stored the number as text; as a heading, `h` its text without a footnote mark (when
/// that differs), `f` the mark taken off, `hm` its markers; `p` and `n` the label and name of the
/// period it names; `g` the merged range it was filled from.
fn cell(c: &Cell) -> JsValue {
    let out = Object::new();
    set(&out, "t", &JsValue::from_str(&c.text));
    if let Some(f) = &c.figure {
        if let Some(v) = f.value {
            set(&out, "v", &JsValue::from_f64(v));
        }
        if let Some(m) = f.missing {
            set(&out, "m", &JsValue::from_str(m.name()));
        }
        if let Some(s) = f.status {
            set(&out, "s", &JsValue::from_str(s.name()));
        }
        if f.brk {
            set(&out, "b", &JsValue::TRUE);
        }
        if !f.markers.is_empty() {
            set(&out, "k", &strings(&f.markers));
        }
        if f.dressed {
            set(&out, "d", &JsValue::TRUE);
        }
    }
    if c.number_as_text {
        set(&out, "x", &JsValue::TRUE);
    }
    if let Some(h) = &c.heading {
        if h.text != c.text {
            set(&out, "h", &JsValue::from_str(&h.text));
        }
        if let Some(f) = &h.footnote {
            set(&out, "f", &JsValue::from_str(f));
        }
        if !h.markers.is_empty() {
            set(&out, "hm", &strings(&h.markers));
        }
    }
    if let Some(p) = &c.period {
        set(&out, "p", &JsValue::from_str(&p.label));
        if let Some(n) = &p.name {
            set(&out, "n", &JsValue::from_str(n));
        }
    }
    if let Some(g) = &c.merged {
        set(&out, "g", &JsValue::from_str(g));
    }
    out.into()
}

fn sheet(s: &Sheet) -> JsValue {
    let out = Object::new();
    set(&out, "name", &JsValue::from_str(&s.name));
    set(&out, "rows", &JsValue::from_f64(s.rows as f64));
    set(&out, "columns", &JsValue::from_f64(s.columns as f64));
    let rows: Array = s
        .cells
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| c.as_ref().map_or(JsValue::NULL, cell))
                .collect::<Array>()
        })
        .collect();
    set(&out, "cells", &rows.into());
    out.into()
}

/// Reads a spreadsheet or CSV file, `bytes` named `name`: `{format, notices, sheets: [{name,
/// rows, columns, cells}]}`, `cells` its first rows, each an array of cells (see `cell` above)
/// or `null` for an empty one. Throws an `Error` whose message says, for the journalist, why the
/// file could not be read (too large, a password, damaged, not a spreadsheet, empty).
#[wasm_bindgen(js_name = readSheets)]
pub fn read_sheets(bytes: &[u8], name: &str) -> Result<JsValue, JsValue> {
    let book = read(bytes, name).map_err(|e| JsValue::from(Error::new(&e.message())))?;
    let out = Object::new();
    set(&out, "format", &JsValue::from_str(book.format));
    set(&out, "notices", &strings(&book.notices));
    let sheets: Array = book.sheets.iter().map(sheet).collect();
    set(&out, "sheets", &sheets.into());
    Ok(out.into())
}
