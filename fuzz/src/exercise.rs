//! What every fuzz input goes through: parse → validate → layout at many widths → describe → tips →
//! hit-testing → drawing (a no-op backend and plotters' SVG backend).
//!
//! Shared, unchanged, by the fuzz targets (`fuzz/fuzz_targets/*.rs`, through the `offence_charts_fuzz`
//! library) and by the plain `cargo test` replay (`tests/fuzz_regressions.rs`, through `#[path]`).
//! It therefore depends only on what the main crate's native build already has: `offence-charts`,
//! `plotters-backend`, `plotters-svg` and `serde_json`.
//!
//! Besides "does not panic", it asserts a few invariants of the public API. Their messages start
//! with `invariant:` so that a crash report tells a broken invariant (in this harness's words) from
//! a panic inside the library.

#![allow(dead_code)]

use offence_charts::limits::MAX_SPEC_BYTES;
use offence_charts::Approximate;
use offence_charts::Chart;
use offence_charts::Theme;
use offence_charts::{draw, Surface};
use offence_charts::{summary, table, tip};
use offence_charts::{Focus, Marks, Scene, Shape};
use plotters_backend::{
    BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};
use serde_json::Value;
use std::sync::atomic::{AtomicU64, Ordering};

/// Widths every valid chart is laid out at, besides two derived from the input.
pub const WIDTHS: [f64; 14] = [
    0.0,
    1.0,
    239.0,
    320.0,
    479.999,
    480.0,
    4000.0,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    -0.0,
    -1e9,
    1e308,
    f64::MAX,
];

/// Points every scene is hit-tested at, besides each mark's own box and anchor.
pub const POINTS: [(f64, f64); 9] = [
    (f64::NAN, f64::NAN),
    (f64::NAN, 100.0),
    (100.0, f64::NAN),
    (f64::INFINITY, f64::NEG_INFINITY),
    (f64::NEG_INFINITY, f64::INFINITY),
    (0.0, 0.0),
    (-0.0, -0.0),
    (1e308, 1e308),
    (-1e308, 150.0),
];

/// Tips asked for every mark up to this many; past it, this many spread evenly over the marks.
pub const MAX_TIPS: usize = 20_000;

/// Specs longer than this (a 100 000-point trend is ~1 MiB) get the lighter treatment: no second
/// parse into a `serde_json::Value` (so no `from_deserializer` comparison and approximate class
/// counts), the input classes read from their first 64 KiB only, and 4 widths instead of 16.
/// Fuzzing time then goes to the many small inputs rather than the few huge ones.
pub const BIG_SPEC: usize = 64 * 1024;

/// What became of one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Not UTF-8: `from_json` takes `&str`, so there is nothing to feed it.
    NotUtf8,
    /// Refused with this message.
    Refused(String),
    /// Accepted and drawn: the number of marks at the first width and the SVG's size in bytes.
    Drawn { marks: usize, svg_bytes: usize },
}

/// Raw fuzz bytes: UTF-8 text goes through [`text`]; the bytes also seed widths and points.
pub fn bytes(data: &[u8]) -> Outcome {
    match std::str::from_utf8(data) {
        Ok(t) => text(t, data),
        Err(_) => {
            count_classes(1 << 20);
            Outcome::NotUtf8
        }
    }
}

/// Spec text through the whole pipeline; `seed` picks two extra widths and hit points.
pub fn text(text: &str, seed: &[u8]) -> Outcome {
    let value = if text.len() <= BIG_SPEC {
        serde_json::from_str::<Value>(text).ok()
    } else {
        None
    };
    let parsed = Chart::from_json(text);
    count_classes(classify(text, value.as_ref(), parsed.as_ref().ok()));
    // The browser path: the same spec through `from_deserializer` (a JS object there, a Value here;
    // specs up to 64 KiB, to keep executions fast).
    if let Some(v) = value {
        let other = Chart::from_deserializer(v);
        if let (Ok(a), Ok(b)) = (&parsed, &other) {
            assert_eq!(
                a.spec(),
                b.spec(),
                "invariant: from_json and from_deserializer read the same spec differently"
            );
        }
    }
    match parsed {
        Err(e) => {
            let message = e.to_string();
            assert!(!message.is_empty(), "invariant: an error has a message");
            Outcome::Refused(message)
        }
        Ok(chart) => chart_through(&chart, seed),
    }
}

/// Two widths taken from the input: a plausible one and an arbitrary f64 bit pattern.
pub fn derived_widths(seed: &[u8]) -> [f64; 2] {
    let h = fnv(seed);
    let plausible = (h % 5000) as f64 + ((h >> 16) % 1000) as f64 / 1000.0;
    let mut raw = [0u8; 8];
    for (i, b) in seed.iter().rev().take(8).enumerate() {
        raw[i] = *b;
    }
    [plausible, f64::from_le_bytes(raw)]
}

/// A validated chart laid out, described, hit-tested and drawn. Returns [`Outcome::Drawn`].
pub fn chart_through(chart: &Chart, seed: &[u8]) -> Outcome {
    let spec = chart.spec();
    let _ = summary(spec);
    let t = table(spec);
    assert!(
        t.rows.len() <= offence_charts::MAX_TABLE_ROWS,
        "invariant: table rows capped"
    );
    // Tips for foci outside the spec must be None, not a panic.
    for focus in [
        Focus::Trend {
            period: usize::MAX,
            series: Some(usize::MAX),
        },
        Focus::Trend {
            period: 0,
            series: Some(usize::MAX),
        },
        Focus::Trend {
            period: usize::MAX,
            series: None,
        },
        Focus::Category(usize::MAX),
        Focus::Category(0),
        Focus::Trend {
            period: 0,
            series: None,
        },
    ] {
        let _ = tip(spec, focus).map(|t| t.sentence());
    }

    let derived = derived_widths(seed);
    let m = Approximate;
    let mut first_marks = None;
    let mut svg_bytes = 0;
    let big =
        spec.series.iter().map(|s| s.values.len()).sum::<usize>() + spec.periods.len() > 5_000;
    let widths: Vec<f64> = if big {
        vec![320.0, 4000.0, f64::NAN]
    } else {
        WIDTHS.to_vec()
    };
    for (k, &w) in derived
        .iter()
        .take(if big { 1 } else { 2 })
        .chain(widths.iter())
        .enumerate()
    {
        let scene = chart.layout(w, &m);
        check_scene(&scene);
        let count = scene.mark_count();
        if first_marks.is_none() {
            first_marks = Some(count);
            // Every tip of every mark (sampled past MAX_TIPS), at the first width only: the foci
            // are the same at every width.
            for i in sample(count, if big { 2_000 } else { MAX_TIPS }) {
                let (focus, anchor) = scene
                    .mark(i)
                    .expect("invariant: mark(i) exists below mark_count");
                assert!(
                    anchor.0.is_finite() && anchor.1.is_finite(),
                    "invariant: anchor of mark {i} is finite: {anchor:?}"
                );
                let tip = tip(spec, focus).expect("invariant: every mark has a tip");
                let _ = tip.sentence();
            }
        }
        // Every mark's own box at the first width (quadratic in the marks), fixed points at all.
        hit_test(&scene, seed, k == 0);
        // Drawing: on the no-op backend at the derived widths, 320 and 4000 px (the other widths
        // clamp to one of these), at the SVG scale and, once, at a few canvas DPRs.
        if k < 2 || w == 320.0 || w == 4000.0 {
            let mut noop = Noop::new(&scene, 1.0);
            draw(&mut noop, &scene, &Theme::light(), Surface::svg(1.0))
                .expect("invariant: the no-op backend never fails");
        }
        if k == 0 {
            for dpr in [0.0, 0.5, 2.0, 4.0, f64::NAN] {
                let mut noop = Noop::new(&scene, dpr);
                draw(&mut noop, &scene, &Theme::dark(), Surface::canvas(dpr))
                    .expect("invariant: the no-op backend never fails");
            }
        }
        // plotters' SVG backend, at the first derived width.
        if k == 0 {
            svg_bytes = svg(&scene);
        }
    }
    // The native renderer with the real font metrics, at the plausible derived width.
    let out = offence_charts::to_svg(chart, derived[0], &Theme::light())
        .expect("invariant: to_svg draws a valid chart");
    assert!(
        out.trim_end().ends_with("</svg>"),
        "invariant: to_svg writes a whole SVG document"
    );
    // One input in 128: a social card (a fixed canvas height) rasterised to PNG at a scale from
    // the input, at phone width (PNG rendering costs milliseconds to a second, so it is sampled).
    let h = fnv(seed);
    if h % 128 == 7 {
        // 1e9 px tall: once an allocation abort in `svg_to_png` (fixed: over 64 megapixels is
        // refused; fuzz/README.md, tests/fuzz_regressions.rs).
        let height = [
            Some(630.0),
            Some(0.0),
            Some(f64::NAN),
            Some(1e9),
            Some(4000.0),
            None,
        ][(h >> 8) as usize % 6];
        let card = offence_charts::to_svg_sized(chart, 320.0, height, &Theme::dark())
            .expect("invariant: to_svg_sized draws a valid chart");
        let scale = [1.0f32, 2.0, 0.0, f32::NAN, -1.0, 3.5, 1e9][(h >> 16) as usize % 7];
        let _ = offence_charts::svg_to_png(&card, scale);
    }
    Outcome::Drawn {
        marks: first_marks.unwrap_or(0),
        svg_bytes,
    }
}

/// Draws `scene` with plotters' SVG string backend; returns the document's length.
pub fn svg(scene: &Scene) -> usize {
    let mut out = String::new();
    {
        let size = (scene.width.ceil() as u32, scene.height.ceil() as u32);
        let mut backend = plotters_svg::SVGBackend::with_string(&mut out, size);
        draw(&mut backend, scene, &Theme::light(), Surface::svg(1.0))
            .expect("invariant: SVG to a string never fails");
    }
    assert!(
        out.trim_end().ends_with("</svg>"),
        "invariant: a whole SVG document"
    );
    out.len()
}

/// Indices `0..count`, or `max` of them spread evenly (always with the first and last).
pub fn sample(count: usize, max: usize) -> Vec<usize> {
    if count <= max {
        return (0..count).collect();
    }
    let mut v: Vec<usize> = (0..max).map(|k| k * (count / max)).collect();
    v.push(count - 1);
    v
}

/// A scene's size and every coordinate are finite, and its width within layout's clamp.
pub fn check_scene(scene: &Scene) {
    assert!(
        scene.width.is_finite() && (240.0..=4000.0).contains(&scene.width),
        "invariant: scene width {} within 240..=4000",
        scene.width
    );
    assert!(
        scene.height.is_finite() && scene.height > 0.0,
        "invariant: scene height {} finite and positive",
        scene.height
    );
    let fin = |v: f64, what: &str| assert!(v.is_finite(), "invariant: {what} is finite, got {v}");
    for s in &scene.shapes {
        match s {
            Shape::Text { x, y, font, .. } => {
                fin(*x, "text x");
                fin(*y, "text y");
                fin(font.size, "font size");
            }
            Shape::Rect { rect, .. } => rect.iter().for_each(|v| fin(*v, "rect edge")),
            Shape::Line {
                from, to, width, ..
            } => [from.0, from.1, to.0, to.1, *width]
                .iter()
                .for_each(|v| fin(*v, "line coordinate")),
            Shape::Path { points, width, .. } => {
                fin(*width, "path width");
                points.iter().for_each(|p| {
                    fin(p.0, "path x");
                    fin(p.1, "path y")
                })
            }
            Shape::Dot { at, radius, .. } => {
                [at.0, at.1, *radius].iter().for_each(|v| fin(*v, "dot"))
            }
        }
    }
    if let Marks::Columns {
        x0,
        x1,
        top,
        bottom,
        ..
    } = &scene.marks
    {
        [*x0, *x1, *top, *bottom]
            .iter()
            .for_each(|v| fin(*v, "columns edge"));
    }
}

/// `Scene::hit` at fixed awkward points and two points from the input; with `each_mark`, also at
/// each mark's box centre and anchor (sampled).
pub fn hit_test(scene: &Scene, seed: &[u8], each_mark: bool) {
    let count = scene.mark_count();
    let check = |x: f64, y: f64| {
        if let Some(i) = scene.hit(x, y) {
            assert!(
                i < count,
                "invariant: hit({x}, {y}) = {i} but there are {count} marks"
            );
            assert!(scene.mark(i).is_some(), "invariant: the mark hit exists");
        }
    };
    for (x, y) in POINTS {
        check(x, y);
    }
    let h = fnv(seed);
    check((h % 4100) as f64 - 50.0, ((h >> 20) % 2000) as f64 - 50.0);
    check(f64::from_bits(h), f64::from_bits(h.rotate_left(17)));
    let _ = scene.mark(usize::MAX);
    let _ = scene.mark(count);
    if !each_mark {
        return;
    }
    match &scene.marks {
        Marks::Boxes(boxes) => {
            // Each hit is a linear scan of the boxes: check about 500 of them, spread evenly.
            for b in boxes.iter().step_by((boxes.len() / 500).max(1)) {
                let [l, t, r, btm] = b.hit;
                if l <= r && t <= btm {
                    let got = scene.hit((l + r) / 2.0, (t + btm) / 2.0);
                    assert!(
                        got.is_some(),
                        "invariant: the centre of a mark's own box hits a mark"
                    );
                }
                check(b.anchor.0, b.anchor.1);
            }
        }
        Marks::Columns { .. } => {
            for i in sample(count, 2_000) {
                let (_, (x, y)) = scene.mark(i).expect("invariant: mark below count");
                assert!(
                    scene.hit(x, y).is_some(),
                    "invariant: a column's anchor hits a mark"
                );
            }
        }
        Marks::None => {}
    }
}

/// FNV-1a of the input, for widths and points that differ between inputs.
pub fn fnv(data: &[u8]) -> u64 {
    data.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A backend that draws nothing: it counts calls and checks what it is given.
pub struct Noop {
    size: (u32, u32),
    /// Calls made, all kinds together.
    pub calls: usize,
}

impl Noop {
    /// Sized like `scene` at `scale`.
    pub fn new(scene: &Scene, scale: f64) -> Noop {
        Noop {
            size: (
                (scene.width * scale).round() as u32,
                (scene.height * scale).round() as u32,
            ),
            calls: 0,
        }
    }
}

type Res = Result<(), DrawingErrorKind<std::convert::Infallible>>;

impl DrawingBackend for Noop {
    type ErrorType = std::convert::Infallible;
    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> Res {
        Ok(())
    }
    fn present(&mut self) -> Res {
        Ok(())
    }
    fn draw_pixel(&mut self, _: BackendCoord, _: plotters_backend::BackendColor) -> Res {
        self.calls += 1;
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, _: BackendCoord, _: BackendCoord, s: &S) -> Res {
        let _ = (s.color(), s.stroke_width());
        self.calls += 1;
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        _: BackendCoord,
        _: BackendCoord,
        _: &S,
        _: bool,
    ) -> Res {
        self.calls += 1;
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        _: &S,
    ) -> Res {
        self.calls += path.into_iter().count().min(1);
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, _: BackendCoord, _: u32, _: &S, _: bool) -> Res {
        self.calls += 1;
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        _: &S,
    ) -> Res {
        self.calls += path.into_iter().count().min(1);
        Ok(())
    }
    fn draw_text<T: BackendTextStyle>(&mut self, text: &str, style: &T, _: BackendCoord) -> Res {
        let size = style.size();
        assert!(
            size.is_finite() && size >= 0.0,
            "invariant: font size {size} is finite"
        );
        let _ = (text.len(), style.anchor(), style.color());
        self.calls += 1;
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Input classes: which of the hostile kinds of input an execution belonged to, counted per run.
// ---------------------------------------------------------------------------------------------

/// The input classes of the brief, in the order of [`CLASS_NAMES`].
pub const CLASS_NAMES: [&str; 21] = [
    "not_json_object",  // 0: not parsed into a JSON value, or not an object
    "nan_inf_exponent", // 1: 1e999-style number or NaN/Infinity token
    "e308",             // 2: 1e308 / f64::MAX spelled out
    "negative_zero",    // 3: -0 or -0.0
    "past_2_53",        // 4: an integer of 16+ digits
    "detected_gt_recorded",
    "rate_gt_100",
    "empty_series", // 7: a series with no values
    "one_point",    // 8: a series with exactly one value
    "many_points",  // 9: 10 000+ figures in all
    "many_series",  // 10: more than 12 series
    "dup_periods",
    "unsorted_periods",
    "label_2000", // 13: a string of 2000+ characters
    "rtl",
    "emoji",
    "deep_nesting",  // 16: brackets nested deeper than serde_json's 128
    "near_size_cap", // 17: within 1 MiB of MAX_SPEC_BYTES, or over it
    "valid_trend",
    "valid_rate",
    "not_utf8", // 20: bytes that are not UTF-8 (never reach from_json)
];

/// Executions seen per class in this process (for the campaign's per-class table).
pub static CLASS_EXECS: [AtomicU64; 21] = [const { AtomicU64::new(0) }; 21];
/// Executions in all, in this process.
pub static EXECS: AtomicU64 = AtomicU64::new(0);

fn count_classes(bits: u32) {
    EXECS.fetch_add(1, Ordering::Relaxed);
    for (i, c) in CLASS_EXECS.iter().enumerate() {
        if bits & (1 << i) != 0 {
            c.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// The per-class counts as one line: `CLASSES execs=N not_json_object=… …`.
pub fn class_line() -> String {
    let mut s = format!("CLASSES execs={}", EXECS.load(Ordering::Relaxed));
    for (name, c) in CLASS_NAMES.iter().zip(CLASS_EXECS.iter()) {
        s.push_str(&format!(" {name}={}", c.load(Ordering::Relaxed)));
    }
    s
}

/// The classes `text` (and its parsed `value`, if it parsed) belongs to, as bits of [`CLASS_NAMES`].
pub fn classify(text: &str, value: Option<&Value>, valid: Option<&Chart>) -> u32 {
    let mut bits = 0u32;
    let mut set = |i: usize| bits |= 1 << i;
    // At most the first 64 KiB (on a char boundary): the scan is per byte and instrumented.
    let mut end = text.len().min(BIG_SPEC);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    lexical(&text[..end], &mut set);
    if text.len() + (1 << 20) >= MAX_SPEC_BYTES {
        set(17);
    }
    if value.is_none() && text.len() > BIG_SPEC {
        // Not parsed twice (see BIG_SPEC): what the chart, if valid, tells.
        if let Some(c) = valid {
            if c.spec()
                .series
                .iter()
                .map(|s| s.values.len())
                .sum::<usize>()
                >= 10_000
            {
                set(9);
            }
            set(if c.spec().kind == offence_charts::Kind::Trend {
                18
            } else {
                19
            });
        }
        return bits;
    }
    let Some(Value::Object(o)) = value else {
        set(0);
        return bits;
    };
    let num = |v: Option<&Value>| -> Option<f64> {
        match v? {
            Value::Number(n) => n.as_f64(),
            Value::Object(f) => f.get("value")?.as_f64(),
            _ => None,
        }
    };
    if let Some(Value::Array(series)) = o.get("series") {
        if series.len() > 12 {
            set(10);
        }
        let mut total = 0usize;
        for s in series {
            if let Some(Value::Array(vals)) = s.get("values") {
                total += vals.len();
                match vals.len() {
                    0 => set(7),
                    1 => set(8),
                    _ => {}
                }
            }
        }
        if total >= 10_000 {
            set(9);
        }
    }
    if let Some(Value::Array(periods)) = o.get("periods") {
        let labels: Vec<&str> = periods
            .iter()
            .filter_map(|p| p.get("label")?.as_str())
            .collect();
        let mut seen = std::collections::HashSet::new();
        if labels.iter().any(|l| !seen.insert(l.trim())) {
            set(11);
        }
        if labels.windows(2).any(|w| w[0] > w[1]) {
            set(12);
        }
    }
    if let Some(Value::Array(cats)) = o.get("categories") {
        for c in cats {
            let (r, d, p) = (
                num(c.get("recorded")),
                num(c.get("detected")),
                num(c.get("rate")),
            );
            if let (Some(r), Some(d)) = (r, d) {
                if d > r {
                    set(5);
                }
            }
            if p.is_some_and(|p| p > 100.0) {
                set(6);
            }
        }
    }
    match valid.map(|c| c.spec().kind) {
        Some(offence_charts::Kind::Trend) => set(18),
        Some(offence_charts::Kind::Rate) => set(19),
        None => {}
    }
    bits
}

/// Classes visible in the text itself: number spellings, scripts, long strings, nesting depth.
fn lexical(text: &str, set: &mut impl FnMut(usize)) {
    let b = text.as_bytes();
    let (mut depth, mut max_depth) = (0usize, 0usize);
    let (mut in_str, mut escaped, mut str_chars) = (false, false, 0usize);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if in_str {
            if escaped {
                escaped = false;
            } else if c == b'\\' {
                escaped = true;
            } else if c == b'"' {
                in_str = false;
                if str_chars >= 2000 {
                    set(13);
                }
            }
            if c & 0xC0 != 0x80 {
                str_chars += 1;
            }
            i += 1;
            continue;
        }
        match c {
            b'"' => {
                in_str = true;
                str_chars = 0;
            }
            b'[' | b'{' => {
                depth += 1;
                max_depth = max_depth.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'N' | b'I' if text[i..].starts_with("NaN") || text[i..].starts_with("Infinity") => {
                set(1)
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                let mut j = i + 1;
                while j < b.len() && matches!(b[j], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-')
                {
                    j += 1;
                }
                let tok = &text[start..j];
                if tok == "-0" || tok.starts_with("-0.") && tok[3..].bytes().all(|d| d == b'0') {
                    set(3);
                }
                let mantissa = tok.split(['e', 'E']).next().unwrap_or("");
                if mantissa.bytes().filter(u8::is_ascii_digit).count() >= 16 {
                    set(4);
                }
                if let Ok(v) = tok.parse::<f64>() {
                    if v.is_infinite() {
                        set(1);
                    } else if v.abs() >= 1e307 {
                        set(2);
                    }
                }
                i = j;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    if max_depth > 128 {
        set(16);
    }
    for ch in text.chars() {
        let u = ch as u32;
        if (0x0590..=0x08FF).contains(&u)
            || (0xFB1D..=0xFDFF).contains(&u)
            || (0xFE70..=0xFEFF).contains(&u)
        {
            set(14);
        }
        if u >= 0x1F000 || (0x2600..=0x27BF).contains(&u) {
            set(15);
        }
    }
}
