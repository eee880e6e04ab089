//! Browser tests (`wasm-pack test --headless --chrome -- --test web`): real canvases, real pixels,
//! real DOM. Each draws a chart and checks what a reader would see.
#![cfg(target_arch = "wasm32")]

use offence_charts::{open_chart, render_chart, ChartView};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Document, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The shipped specs (the loader fetches them; the wasm has no names).
const TREND: &str = include_str!("../data/offence-trend.json");
const RATE: &str = include_str!("../data/detection-rate.json");

const LIGHT_BG: [u8; 3] = [255, 255, 255];
const LIGHT_SERIES: [u8; 3] = [29, 90, 140];
const DARK_BG: [u8; 3] = [22, 24, 27];

fn doc() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A canvas `width` CSS px wide, in the page.
fn canvas(width: u32) -> HtmlCanvasElement {
    let c: HtmlCanvasElement = doc().create_element("canvas").unwrap().dyn_into().unwrap();
    c.style()
        .set_property("width", &format!("{width}px"))
        .unwrap();
    c.style().set_property("display", "block").unwrap();
    doc().body().unwrap().append_child(&c).unwrap();
    c
}

/// RGB of the backing pixel under CSS point (`x`, `y`).
fn pixel(c: &HtmlCanvasElement, scale: f64, x: f64, y: f64) -> [u8; 3] {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let d = ctx
        .get_image_data((x * scale).round(), (y * scale).round(), 1.0, 1.0)
        .unwrap()
        .data();
    [d[0], d[1], d[2]]
}

/// The first row, going down from (`x`, `y`), with the first series' colour: a bar's top.
fn bar_top(c: &HtmlCanvasElement, scale: f64, x: f64, mut y: f64) -> f64 {
    while y < 2000.0 && pixel(c, scale, x, y) != LIGHT_SERIES {
        y += 1.0;
    }
    y
}

fn scale_of(c: &HtmlCanvasElement, view: &ChartView) -> f64 {
    f64::from(c.width()) / view.width()
}

fn message(e: JsValue) -> String {
    e.dyn_into::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// A string property of a JS object.
fn prop(v: &JsValue, key: &str) -> String {
    js_sys::Reflect::get(v, &key.into())
        .ok()
        .and_then(|p| p.as_string())
        .unwrap_or_default()
}

/// A JS array of strings.
fn strings(v: &JsValue) -> Vec<String> {
    js_sys::Array::from(v)
        .iter()
        .map(|s| s.as_string().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
fn trend_bars_are_drawn_at_their_values() {
    let c = canvas(640);
    let view = render_chart(c.clone(), TREND.into()).unwrap();
    let k = scale_of(&c, &view);
    assert_eq!(
        c.width(),
        (640.0 * k).round() as u32,
        "backing = CSS width × ratio"
    );
    assert_eq!(view.mark_count(), 2);
    let a = view.anchor(0);
    let b = view.anchor(1);
    // Tooltips point just above each bar's value label; below that label is the bar.
    assert_eq!(pixel(&c, k, a[0], a[1] - 30.0), LIGHT_BG);
    let (top_a, top_b) = (bar_top(&c, k, a[0], a[1]), bar_top(&c, k, b[0], b[1]));
    assert!(
        top_a - a[1] < 30.0 && top_b - b[1] < 30.0,
        "bars right under their labels: {top_a} {top_b}"
    );
    // Walk down the first bar to its foot: the baseline is shared, heights are in ratio 1694:1573.
    let mut foot = top_a;
    while pixel(&c, k, a[0], foot + 1.0) == LIGHT_SERIES {
        foot += 1.0;
    }
    let ratio = (foot - top_b) / (foot - top_a);
    assert!(
        (ratio - 1694.0 / 1573.0).abs() < 0.02,
        "bar height ratio {ratio}"
    );
    assert!(view.summary().contains(
        "rose from 1,573 in April 2018–February 2019 to 1,694 in \
        April 2019–February 2020, up 7.7 %"
    ));
}

#[wasm_bindgen_test]
fn rate_bar_ends_at_the_computed_rate() {
    let c = canvas(600);
    let view = render_chart(c.clone(), RATE.into()).unwrap();
    let k = scale_of(&c, &view);
    // The grooming bar (second mark) is exact: 86 of 98 = 87.8 % of the track.
    let anchor = view.anchor(1);
    let y = anchor[1] + 13.0;
    // From the right end of the track leftwards, the first pixel of the series colour is the bar's
    // end (its value label sits inside the bar, left of that).
    let mut x = view.width() - 3.0;
    while x > 0.0 && pixel(&c, k, x, y) != LIGHT_SERIES {
        x -= 1.0;
    }
    let share = (x + 1.0) / (view.width() - 2.0);
    assert!((share - 0.8776).abs() < 0.01, "bar ends at {share}");
    let tip = view.tip(1).join(" | ");
    assert!(
        tip.contains("87.8 %") && tip.contains("86 of 98") && tip.contains("90 per cent"),
        "{tip}"
    );
}

#[wasm_bindgen_test]
fn redraw_follows_ratio_width_and_theme() {
    let c = canvas(400);
    let mut view = render_chart(c.clone(), TREND.into()).unwrap();
    let h = view.draw(320.0, 3.0, "dark").unwrap();
    assert_eq!(c.width(), 960);
    assert_eq!(c.height(), (h * 3.0).round() as u32);
    assert_eq!(pixel(&c, 3.0, 1.0, h - 1.0), DARK_BG);
    view.draw(1280.0, 1.0, "light").unwrap();
    assert_eq!(c.width(), 1280);
    assert_eq!(pixel(&c, 1.0, 1279.0, 1.0), LIGHT_BG);
}

#[wasm_bindgen_test]
fn bad_specs_throw_errors_that_name_the_field() {
    let bad = r#"{"version":1,"kind":"trend","title":"T","sources":[{"name":"S"}],
        "periods":[{"label":"a"},{"label":"b"}],"series":[{"name":"n","values":[1,-2]}]}"#;
    let err = render_chart(canvas(300), bad.into())
        .err()
        .expect("refused");
    // A real Error, carrying the field and the rule apart for the builder.
    assert_eq!(
        (prop(&err, "kind"), prop(&err, "path"), prop(&err, "rule")),
        (
            "spec".into(),
            "series[0].values[1]".into(),
            "must be a non-negative number".into()
        )
    );
    assert_eq!(
        message(err),
        "series[0].values[1]: must be a non-negative number"
    );
    let err = render_chart(canvas(300), "{\"version\":1,".into())
        .err()
        .expect("refused");
    assert_eq!(
        (prop(&err, "kind"), prop(&err, "path")),
        ("json".into(), "".into())
    );
    assert!(
        prop(&err, "rule").starts_with("is not valid JSON: "),
        "{}",
        prop(&err, "rule")
    );
    assert!(message(err).starts_with("spec is not valid JSON"));
    let typo = r#"{"version":1,"kind":"trend","title":"T","sources":[{"name":"S"}],
        "periods":[{"label":"a","nmae":"x"}],"series":[{"name":"n","values":[1]}]}"#;
    let err = render_chart(canvas(300), typo.into())
        .err()
        .expect("refused");
    assert!(message(err)
        .starts_with("periods[0].nmae: unknown field `nmae`, expected one of `label`, `name`"));
    let err = render_chart(
        canvas(300),
        js_sys::JSON::parse(r#"{"version":1,"kind":"trend","title":null}"#).unwrap(),
    )
    .err()
    .expect("refused");
    assert_eq!(message(err), "title: wrong type: null, expected a string");
    let err = open_chart(canvas(300), " \n").err().expect("refused");
    assert!(
        message(err).starts_with("spec: is empty:"),
        "blank is not drawn"
    );
    let err = render_chart(canvas(300), "pie-chart".into())
        .err()
        .expect("refused");
    assert!(
        message(err).starts_with("spec is not valid JSON"),
        "names are the loader's business"
    );
    let obj = js_sys::JSON::parse(
        r#"{"version":1,"kind":"rate","title":"T",
        "sources":[{"name":"S"}],
        "categories":[{"label":"x","recorded":{"value":5},"detected":{"value":6}}]}"#,
    )
    .unwrap();
    let err = render_chart(canvas(300), obj).err().expect("refused");
    assert!(
        message(err).starts_with("categories[0].detected: 6 detected is more than the 5 recorded")
    );
}

#[wasm_bindgen_test]
fn open_chart_reads_json_only_and_gives_the_table() {
    // What the loader does for each spec script: open (no drawing), then build the page around it.
    let c = canvas(500);
    let view = open_chart(c.clone(), RATE).unwrap();
    assert_eq!(c.get_attribute("role").as_deref(), Some("img"));
    assert!(c
        .get_attribute("aria-label")
        .unwrap_or_default()
        .contains("87.8 %"));
    assert_eq!(
        view.height(),
        0.0,
        "nothing is laid out or drawn before the loader asks"
    );
    let table = view.table();
    assert_eq!(
        prop(&table, "caption"),
        "Nearly nine in ten grooming reports were detected"
    );
    let head = strings(&js_sys::Reflect::get(&table, &"head".into()).unwrap());
    assert!(head.len() >= 3, "at least 3 column headings: {head:?}");
    let foot = strings(&js_sys::Reflect::get(&table, &"foot".into()).unwrap());
    assert!(
        foot.iter().any(|l| l.contains("Police Scotland")),
        "foot: {foot:?}"
    );
    assert_eq!(
        foot.last(),
        Some(&view.source_line()),
        "the source line closes the foot"
    );
    let rows: Vec<Vec<String>> =
        js_sys::Array::from(&js_sys::Reflect::get(&table, &"rows".into()).unwrap())
            .iter()
            .map(|r| strings(&r))
            .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(
        rows[1].len(),
        head.len(),
        "one cell per column: {:?}",
        rows[1]
    );
    assert!(
        rows[1].iter().any(|c| c.contains("87.8 %")),
        "{:?}",
        rows[1]
    );
    // Its tallest layout between phone and desktop widths, drawing nothing.
    let tallest = view.tallest(264.0, 784.0).unwrap();
    assert_eq!(view.height(), 0.0, "tallest() draws nothing");
    let mut v = open_chart(canvas(300), RATE).unwrap();
    let at_phone = v.draw(264.0, 1.0, "light").unwrap();
    assert!(
        tallest >= at_phone && tallest < at_phone + 200.0,
        "{tallest} vs {at_phone}"
    );
    // Text that is not JSON is refused as such: the wasm knows no chart names.
    let err = open_chart(canvas(300), "offence-trend")
        .err()
        .expect("refused");
    assert!(message(err).starts_with("spec is not valid JSON"));
    // HTML in a title reaches the screen reader as text.
    let spec = r#"{"version":1,"kind":"trend","title":"<img src=x onerror=alert(1)>",
        "sources":[{"name":"S"}],"periods":[{"label":"a"}],"series":[{"name":"n","values":[3]}]}"#;
    let c = canvas(300);
    open_chart(c.clone(), spec).unwrap();
    assert!(c
        .get_attribute("aria-label")
        .unwrap_or_default()
        .contains("<img src=x onerror=alert(1)>"));
    assert!(doc().query_selector("img").unwrap().is_none());
}

#[wasm_bindgen_test]
fn kept_backing_store_is_reused_when_narrower_and_grown_when_wider() {
    let c = canvas(640);
    let mut view = render_chart(c.clone(), TREND.into()).unwrap();
    view.keep_bitmap();
    let h640 = view.draw(640.0, 2.0, "light").unwrap();
    assert_eq!(c.width(), 1280);
    // Narrower: the same store (no new pixels), the element keeps the store's CSS size, and the
    // chart is drawn at its new width inside it: background right of it, bars left of it.
    view.draw(600.0, 2.0, "dark").unwrap();
    assert_eq!(c.width(), 1280, "store kept");
    assert_eq!(c.style().get_property_value("width").unwrap(), "640px");
    assert_eq!(view.width(), 600.0);
    assert_eq!(
        pixel(&c, 2.0, 620.0, 5.0),
        DARK_BG,
        "outside the chart, painted over"
    );
    // Wider than the store: a new one, exactly the size needed (twice the width at DPR 2).
    let h700 = view.draw(700.0, 2.0, "light").unwrap();
    assert_eq!(c.width(), 1400);
    assert!(c.height() >= (h700 * 2.0).round() as u32 && h640 > 0.0);
    // A new pixel ratio never reuses a store made for another.
    view.draw(600.0, 1.0, "light").unwrap();
    assert_eq!(c.width(), 600);
}

/// Every backing pixel of column `x` (backing px), top to bottom.
fn column(c: &HtmlCanvasElement, x: f64) -> Vec<[u8; 3]> {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    let d = ctx
        .get_image_data(x, 0.0, 1.0, f64::from(c.height()))
        .unwrap()
        .data();
    d.chunks(4).map(|p| [p[0], p[1], p[2]]).collect()
}

#[wasm_bindgen_test]
fn gridlines_and_baseline_are_sharp_at_every_pixel_ratio() {
    // plotters-canvas moves every horizontal line half a pixel; drawn as is, a 1 CSS px gridline
    // at DPR 2 would smear over three rows of mixed greys. Each must be exactly round(DPR) rows of
    // its own colour between rows of background.
    const GRID: [u8; 3] = [226, 226, 226];
    const AXIS: [u8; 3] = [51, 51, 51];
    for dpr in [1.0, 2.0, 3.0] {
        let c = canvas(640);
        let mut view = render_chart(c.clone(), TREND.into()).unwrap();
        view.draw(640.0, dpr, "light").unwrap();
        let col = column(&c, ((640.0 - 4.0) * dpr).round());
        let first = col.iter().position(|p| *p == GRID).expect("a gridline");
        let last = col.iter().rposition(|p| *p == AXIS).expect("the baseline");
        let mut runs: Vec<([u8; 3], usize)> = Vec::new();
        for p in &col[first..=last] {
            match runs.last_mut() {
                Some((q, n)) if q == p => *n += 1,
                _ => runs.push((*p, 1)),
            }
        }
        let lines: Vec<_> = runs.iter().filter(|(p, _)| *p != LIGHT_BG).collect();
        assert!(
            lines.len() >= 4,
            "gridlines and baseline at DPR {dpr}: {runs:?}"
        );
        for (p, n) in lines {
            assert!(
                *p == GRID || *p == AXIS,
                "only grid and axis colours, no blur, at DPR {dpr}: {runs:?}"
            );
            assert_eq!(
                *n, dpr as usize,
                "a 1 px line is {dpr} rows at DPR {dpr}: {runs:?}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn a_js_object_spec_with_a_function_is_refused_with_a_message() {
    let obj = js_sys::JSON::parse(r#"{"version":1,"kind":"trend","title":"T"}"#).unwrap();
    let f = js_sys::Function::new_no_args("return 1");
    js_sys::Reflect::set(&obj, &"subtitle".into(), &f).unwrap();
    let err = render_chart(canvas(300), obj).err().expect("refused");
    let m = message(err);
    assert!(
        m.starts_with("spec: ") && m.contains("expected a JSON value"),
        "{m}"
    );
}

#[wasm_bindgen_test]
fn larger_text_lays_the_chart_out_narrower_and_draws_it_larger() {
    let c = canvas(640);
    let mut view = render_chart(c.clone(), TREND.into()).unwrap();
    let normal = view.draw(640.0, 1.0, "light").unwrap();
    let a0 = view.anchor(0);
    view.set_text_scale(1.5); // a reader's 24 px default font
    let large = view.draw(640.0, 1.0, "light").unwrap();
    assert_eq!(c.width(), 640, "still the column's width");
    assert!((view.width() - 640.0).abs() < 1.0, "{}", view.width());
    assert!(large > normal * 1.2, "taller: {large} vs {normal}");
    assert_eq!(c.height(), large.round() as u32);
    // Tooltips and hit-testing follow: the first bar is still found under its anchor.
    let a = view.anchor(0);
    assert!(
        a[1] > a0[1],
        "anchor moved down with the larger text: {a:?} vs {a0:?}"
    );
    assert_eq!(view.mark_at(a[0], a[1] + 40.0), 0);
    // Out-of-range scales are clamped, never break the chart.
    view.set_text_scale(f64::NAN);
    assert_eq!(view.draw(640.0, 1.0, "light").unwrap(), normal);
}

#[wasm_bindgen_test]
fn forced_colors_draw_in_the_readers_system_colours() {
    let c = canvas(640);
    let mut view = render_chart(c.clone(), TREND.into()).unwrap();
    // Canvas black, CanvasText white, GrayText grey, Highlight cyan, HighlightText black,
    // LinkText yellow: a dark high-contrast palette.
    view.set_forced_colors(&[
        0, 0, 0, 255, 255, 255, 128, 128, 128, 0, 255, 255, 0, 0, 0, 255, 255, 0,
    ]);
    let h = view.draw(640.0, 1.0, "forced").unwrap();
    assert_eq!(pixel(&c, 1.0, 1.0, h - 1.0), [0, 0, 0], "Canvas background");
    let a = view.anchor(0);
    let mut y = a[1];
    while y < h && pixel(&c, 1.0, a[0], y) != [0, 255, 255] {
        y += 1.0;
    }
    assert!(y < h, "the bar is drawn in Highlight");
    // Without colours, "forced" falls back to light rather than failing.
    view.set_forced_colors(&[]);
    view.draw(640.0, 1.0, "forced").unwrap();
    assert_eq!(pixel(&c, 1.0, 1.0, h - 1.0), LIGHT_BG);
}
