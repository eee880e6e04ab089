//! The chart's place in the page: the figure around the canvas, the tooltip and live region, the
//! data table, and the error box. Everything from the spec goes in as text nodes, never as HTML.

use crate::describe::Table;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, HtmlCanvasElement, HtmlElement};

/// CSS for text only screen readers get (the usual visually-hidden pattern).
const SR_ONLY: &str = "position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap;border:0";

/// The elements of a mounted chart.
pub struct Mounted {
    /// `figure.oc-chart`, which replaced the spec's script element.
    pub figure: HtmlElement,
    /// The chart canvas (`role="img"`, focusable).
    pub canvas: HtmlCanvasElement,
}

/// Creates `<tag class="class">`.
pub fn element(doc: &Document, tag: &str, class: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Ok(e)
}

fn html(e: Element) -> Result<HtmlElement, JsValue> {
    e.dyn_into::<HtmlElement>().map_err(|_| JsValue::from_str("not an HTML element"))
}

fn text_child(doc: &Document, parent: &Element, tag: &str, text: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    e.set_text_content(Some(text));
    parent.append_child(&e)?;
    Ok(e)
}

/// Builds the chart figure: frame (canvas, tooltip), live region and the "Show data" table.
pub fn build_figure(doc: &Document, label: &str, table: &Table) -> Result<Mounted, JsValue> {
    let figure = html(element(doc, "figure", "oc-chart")?)?;
    figure.style().set_css_text("margin:1.5em 0;padding:0;position:relative;max-width:100%;min-width:0");
    let frame = html(element(doc, "div", "oc-frame")?)?;
    frame.style().set_css_text("position:relative;width:100%");
    let canvas: HtmlCanvasElement = element(doc, "canvas", "oc-canvas")?.dyn_into().map_err(|_| JsValue::from_str("no canvas"))?;
    canvas.set_attribute("role", "img")?;
    canvas.set_attribute("aria-label", label)?;
    canvas.set_attribute("tabindex", "0")?;
    canvas.style().set_css_text("display:block;width:100%;touch-action:pan-y;border-radius:2px");
    frame.append_child(&canvas)?;
    let tip = html(element(doc, "div", "oc-tip")?)?;
    tip.set_attribute("role", "tooltip")?;
    tip.set_hidden(true);
    tip.style().set_css_text(
        "position:absolute;z-index:2;pointer-events:none;max-width:16em;padding:6px 9px;border-radius:3px;\
         font:13px/1.35 Helvetica,Arial,sans-serif;background:#1a1a1a;color:#fff;box-shadow:0 1px 4px rgba(0,0,0,.3)",
    );
    frame.append_child(&tip)?;
    figure.append_child(&frame)?;
    let live = element(doc, "div", "oc-live")?;
    live.set_attribute("aria-live", "polite")?;
    html(live.clone())?.style().set_css_text(SR_ONLY);
    figure.append_child(&live)?;
    let details = data_table(doc, table)?;
    figure.append_child(&details)?;
    Ok(Mounted { figure, canvas })
}

/// `<details class="oc-data"><summary>Show data</summary><table>…</table></details>`.
fn data_table(doc: &Document, t: &Table) -> Result<Element, JsValue> {
    let details = element(doc, "details", "oc-data")?;
    html(details.clone())?.style().set_css_text("font:13px/1.4 Helvetica,Arial,sans-serif;margin-top:.4em");
    let summary = text_child(doc, &details, "summary", "Show data")?;
    html(summary)?.style().set_css_text("cursor:pointer;width:max-content");
    let table = element(doc, "table", "")?;
    html(table.clone())?.style().set_css_text("border-collapse:collapse;margin-top:.5em;max-width:100%");
    text_child(doc, &table, "caption", &t.caption)?;
    let thead = text_child(doc, &table, "thead", "")?;
    let tr = text_child(doc, &thead, "tr", "")?;
    for h in &t.head {
        let th = text_child(doc, &tr, "th", h)?;
        th.set_attribute("scope", "col")?;
        html(th)?.style().set_css_text("text-align:left;padding:2px 10px 2px 0;border-bottom:1px solid currentColor");
    }
    let tbody = text_child(doc, &table, "tbody", "")?;
    for row in &t.rows {
        let tr = text_child(doc, &tbody, "tr", "")?;
        for (i, cell) in row.iter().enumerate() {
            let c = text_child(doc, &tr, if i == 0 { "th" } else { "td" }, cell)?;
            if i == 0 {
                c.set_attribute("scope", "row")?;
            }
            html(c)?.style().set_css_text(if i == 0 {
                "text-align:left;font-weight:normal;padding:2px 10px 2px 0"
            } else {
                "text-align:right;padding:2px 10px 2px 0;white-space:nowrap"
            });
        }
    }
    details.append_child(&table)?;
    for line in &t.foot {
        let p = text_child(doc, &details, "p", line)?;
        html(p)?.style().set_css_text("margin:.3em 0;font-size:12px");
    }
    Ok(details)
}

/// A figure holding only the message of a chart that could not be drawn.
pub fn build_error(doc: &Document, message: &str) -> Result<HtmlElement, JsValue> {
    let figure = html(element(doc, "figure", "oc-chart oc-error")?)?;
    figure.set_attribute("data-oc-state", "error")?;
    figure.style().set_css_text(
        "margin:1.5em 0;padding:12px 14px;border:1px solid #b00020;border-left-width:4px;border-radius:2px;\
         font:14px/1.4 Helvetica,Arial,sans-serif;color:inherit;overflow-wrap:anywhere",
    );
    let p = text_child(doc, &figure, "p", "This chart could not be drawn: ")?;
    p.set_attribute("role", "alert")?;
    html(p.clone())?.style().set_css_text("margin:0");
    let code = text_child(doc, &p, "code", message)?;
    html(code)?.style().set_css_text("font:inherit;font-weight:bold");
    Ok(figure)
}
