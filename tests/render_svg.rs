#![cfg(not(target_arch = "wasm32"))]
//! The default charts drawn to SVG natively: the text, ticks, labels and bars they must contain,
//! markup in spec text escaped, and no text running off the side.

use offence_charts::to_svg;
use offence_charts::Chart;
use offence_charts::FontMeasure;
use offence_charts::Theme;
use offence_charts::{Font, Measure};

const WIDTHS: [f64; 3] = [320.0, 640.0, 1280.0];
/// The light theme's first series colour, (29, 90, 140), as plotters-svg writes it.
const SERIES_0: &str = "#1D5A8C";
/// The light theme's second series colour, (178, 78, 0).
const SERIES_1: &str = "#B24E00";
/// An approximate figure's bar: series 0 mixed 25 % into white, under the hatching.
const HATCH_FILL: &str = "#C7D6E2";
/// The light theme's track behind rate bars.
const TRACK: &str = "#ECEEF1";
const GRID: &str = "#E2E2E2";
const AXIS: &str = "#333333";

const TREND_SOURCE: &str = "Sources: Police Scotland, #GetHelpOrGetCaught campaign release \
    (April 2020); Police Scotland, #StopItNow campaign release, as reported by the Edinburgh \
    Reporter (March 2019)";
const RATE_SOURCE: &str = "Source: Police Scotland, #StopItNow campaign release, as reported by \
    the Edinburgh Reporter (March 2019)";

#[derive(Debug)]
struct Text {
    x: f64,
    y: f64,
    anchor: String,
    size: f64,
    bold: bool,
    content: String,
}

#[derive(Debug)]
struct Rect {
    x: f64,
    y: f64,
    w: f64,
    h: f64,
    fill: String,
}

/// `key="value"` pairs of one start tag (values are escaped by plotters-svg, so no `"` inside).
fn attrs(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let key = rest[..eq].rsplit(' ').next().unwrap_or("").to_owned();
        let after = &rest[eq + 2..];
        let end = after.find('"').expect("closing quote");
        out.push((key, after[..end].to_owned()));
        rest = &after[end + 1..];
    }
    out
}

fn attr<'a>(a: &'a [(String, String)], key: &str) -> Option<&'a str> {
    a.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
}

fn num(a: &[(String, String)], key: &str) -> f64 {
    attr(a, key)
        .unwrap_or_else(|| panic!("no {key} in {a:?}"))
        .parse()
        .unwrap_or_else(|e| panic!("{key}: {e}"))
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Start tags named `name` (`<rect .../>`, `<text ...>`), with what follows each.
fn tags<'a>(svg: &'a str, name: &str) -> Vec<(&'a str, &'a str)> {
    let open = format!("<{name} ");
    svg.match_indices(&open)
        .map(|(i, _)| {
            let rest = &svg[i + open.len()..];
            let end = rest.find('>').expect("tag ends");
            (&rest[..end], &rest[end + 1..])
        })
        .collect()
}

fn texts(svg: &str) -> Vec<Text> {
    tags(svg, "text")
        .into_iter()
        .map(|(tag, after)| {
            let a = attrs(tag);
            let content = after.split("</text>").next().expect("text closes");
            Text {
                x: num(&a, "x"),
                y: num(&a, "y"),
                anchor: attr(&a, "text-anchor").unwrap_or("start").to_owned(),
                size: num(&a, "font-size"),
                bold: attr(&a, "font-weight") == Some("bold"),
                content: unescape(content.trim_matches('\n')),
            }
        })
        .collect()
}

fn rects(svg: &str) -> Vec<Rect> {
    tags(svg, "rect")
        .into_iter()
        .map(|(tag, _)| {
            let a = attrs(tag);
            Rect {
                x: num(&a, "x"),
                y: num(&a, "y"),
                w: num(&a, "width"),
                h: num(&a, "height"),
                fill: attr(&a, "fill").unwrap_or("").to_owned(),
            }
        })
        .collect()
}

/// y of horizontal `<line>`s stroked `stroke`.
fn hlines(svg: &str, stroke: &str) -> Vec<f64> {
    tags(svg, "line")
        .into_iter()
        .map(|(tag, _)| attrs(tag))
        .filter(|a| attr(a, "stroke") == Some(stroke) && attr(a, "y1") == attr(a, "y2"))
        .map(|a| num(&a, "y1"))
        .collect()
}

fn size(svg: &str) -> (f64, f64) {
    let (tag, _) = tags(svg, "svg")[0];
    let a = attrs(tag);
    (num(&a, "width"), num(&a, "height"))
}

/// All text contents joined by spaces: wrapped lines read back as the sentence they came from.
fn joined(t: &[Text]) -> String {
    t.iter()
        .map(|t| t.content.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn has_text(t: &[Text], s: &str) -> bool {
    t.iter().any(|t| t.content == s)
}

fn render(chart: &Chart, width: f64) -> String {
    to_svg(chart, width, &Theme::light()).unwrap_or_else(|e| panic!("render at {width}: {e}"))
}

fn near(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * b.abs()
}

#[test]
fn offence_trend_at_three_widths() {
    let chart = Chart::named("offence-trend").unwrap();
    for w in WIDTHS {
        let svg = render(&chart, w);
        assert_eq!(size(&svg).0, w, "svg width");
        let t = texts(&svg);
        let all = joined(&t);
        assert!(
            all.contains("Online child sexual abuse offences recorded in Scotland rose by 7.7 %"),
            "title at {w}: {all}"
        );
        assert!(
            all.contains(
                "Offences recorded by Police Scotland, April to February (11 months, \
            not full years)"
            ),
            "subtitle at {w}"
        );
        assert!(all.contains(TREND_SOURCE), "source line at {w}: {all}");
        // Title in the title size: the written font-size is the CSS size (draw passes size × 1.24,
        // plotters-svg writes size ÷ 1.24).
        let title_size = if w < 480.0 { 17.0 } else { 20.0 };
        assert!(
            t.iter()
                .filter(|t| t.bold && t.content.starts_with("Online"))
                .all(|t| (t.size - title_size).abs() < 1e-9),
            "title size at {w}"
        );
        // Ticks from zero: every 1,000 on a phone, every 500 wider.
        let ticks: &[&str] = if w < 480.0 {
            &["0", "1,000", "2,000"]
        } else {
            &["0", "500", "1,000", "1,500", "2,000"]
        };
        for tick in ticks {
            assert!(has_text(&t, tick), "tick {tick} at {w}");
        }
        assert_eq!(
            has_text(&t, "1,500"),
            w >= 480.0,
            "1,500 tick only on wider charts ({w})"
        );
        for label in ["1,573", "1,694", "Apr 2018–Feb 2019", "Apr 2019–Feb 2020"] {
            assert!(has_text(&t, label), "{label} at {w}");
        }

        // Two bars in the first series colour, standing on the baseline, sized to scale.
        let bars: Vec<Rect> = rects(&svg)
            .into_iter()
            .filter(|r| r.fill == SERIES_0)
            .collect();
        assert_eq!(bars.len(), 2, "bars at {w}: {bars:?}");
        let (b1573, b1694) = (&bars[0], &bars[1]);
        assert!(b1573.x < b1694.x, "periods left to right");
        let baseline = hlines(&svg, AXIS);
        assert!(!baseline.is_empty());
        let base = baseline[0];
        assert!(
            baseline.iter().all(|y| *y == base),
            "one baseline y: {baseline:?}"
        );
        for b in &bars {
            assert!(
                (b.y + b.h - base).abs() <= 1.0,
                "bar foot {} on baseline {base}",
                b.y + b.h
            );
        }
        assert!(
            near(b1694.h / b1573.h, 1694.0 / 1573.0, 0.02),
            "bar ratio {} at {w}",
            b1694.h / b1573.h
        );
        // The 2,000 gridline.
        let top_tick = hlines(&svg, GRID).into_iter().fold(f64::INFINITY, f64::min);
        let per_unit = (base - top_tick) / 2000.0;
        assert!(
            near(b1573.h, 1573.0 * per_unit, 0.02),
            "1,573 bar is {} px, expected {}",
            b1573.h,
            1573.0 * per_unit
        );
        assert!(
            near(b1694.h, 1694.0 * per_unit, 0.02),
            "1,694 bar is {} px, expected {}",
            b1694.h,
            1694.0 * per_unit
        );
        // Each value label sits above its own bar.
        for (bar, label) in [(b1573, "1,573"), (b1694, "1,694")] {
            let l = t.iter().find(|t| t.content == label).unwrap();
            assert_eq!(l.anchor, "middle");
            assert!(
                (l.x - (bar.x + bar.w / 2.0)).abs() <= 1.5,
                "{label} centred over its bar"
            );
            assert!(l.y < bar.y, "{label} above its bar");
        }
    }
}

#[test]
fn detection_rate_at_three_widths() {
    let chart = Chart::named("detection-rate").unwrap();
    for w in WIDTHS {
        let svg = render(&chart, w);
        assert_eq!(size(&svg).0, w);
        let t = texts(&svg);
        let all = joined(&t);
        assert!(
            all.contains("Nearly nine in ten grooming reports were detected"),
            "title at {w}: {all}"
        );
        assert!(all.contains(RATE_SOURCE), "source line at {w}: {all}");
        for label in ["87.8 %", "≈70 %", "0 %", "100 %"] {
            assert!(has_text(&t, label), "{label} at {w}");
        }
        assert!(
            all.contains("86 of 98 detected · published as “90 per cent”"),
            "detail at {w}: {all}"
        );
        assert!(
            all.contains("of ≈1,600 recorded · published as “nearly 70 per cent”"),
            "detail at {w}: {all}"
        );

        let r = rects(&svg);
        let tracks: Vec<&Rect> = r.iter().filter(|r| r.fill == TRACK).collect();
        assert_eq!(tracks.len(), 2, "a 0–100 % track per category at {w}");
        let full = tracks[0].w;
        assert!(
            (full - (w - 2.0)).abs() <= 1.0,
            "track spans the width: {full}"
        );
        // Grooming: 86 of 98 in a solid bar; all offences: ≈70 % hatched, so not solid.
        let solid: Vec<&Rect> = r.iter().filter(|r| r.fill == SERIES_0).collect();
        assert_eq!(solid.len(), 1, "one solid bar at {w}: {solid:?}");
        assert!(
            near(solid[0].w / full, 86.0 / 98.0, 0.02),
            "87.8 % bar is {} of the track",
            solid[0].w / full
        );
        assert_eq!(
            solid[0].y, tracks[1].y,
            "the solid bar is the second category's"
        );
        let hatched: Vec<&Rect> = r.iter().filter(|r| r.fill == HATCH_FILL).collect();
        assert_eq!(hatched.len(), 1, "one hatched bar at {w}");
        assert!(
            near(hatched[0].w / full, 0.70, 0.02),
            "≈70 % bar is {} of the track",
            hatched[0].w / full
        );
        assert_eq!(hatched[0].y, tracks[0].y);
        // The hatching: lines in the series colour over the pale fill.
        assert!(
            svg.matches(&format!("stroke=\"{SERIES_0}\"")).count() >= 10,
            "hatch lines at {w}"
        );
    }
}

#[test]
fn a_two_series_trend_has_a_legend_and_two_colours() {
    let chart = Chart::from_json(
        r#"{"version":1,"kind":"trend","title":"Two series","sources":[{"name":"Example"}],
            "mark":"bar",
            "periods":[{"label":"2021/22"},{"label":"2022/23"},{"label":"2023/24"}],
            "series":[{"name":"Series A","values":[120,135,{"value":150,"approximate":true}]},
                {"name":"Series B","values":[80,95,90]}]}"#,
    )
    .unwrap();
    for w in WIDTHS {
        let svg = render(&chart, w);
        let r = rects(&svg);
        // Two solid bars and a legend swatch for A (its third figure is hatched); three and a
        // swatch for B.
        assert_eq!(
            r.iter().filter(|r| r.fill == SERIES_0).count(),
            3,
            "series A at {w}"
        );
        assert_eq!(
            r.iter().filter(|r| r.fill == HATCH_FILL).count(),
            1,
            "approximate bar at {w}"
        );
        assert_eq!(
            r.iter().filter(|r| r.fill == SERIES_1).count(),
            4,
            "series B at {w}"
        );
        let t = texts(&svg);
        assert!(
            has_text(&t, "Series A") && has_text(&t, "Series B"),
            "legend at {w}"
        );
        // Not by colour alone: series B's bars and swatch carry vertical stripes of the
        // background colour; series A's are plain.
        let stripes: Vec<(f64, f64)> = tags(&svg, "line")
            .into_iter()
            .map(|(tag, _)| attrs(tag))
            .filter(|a| attr(a, "stroke") == Some("#FFFFFF") && num(a, "x1") == num(a, "x2"))
            .map(|a| (num(&a, "x1"), num(&a, "y2")))
            .collect();
        let inside = |fill: &str| {
            r.iter()
                .filter(|b| b.fill == fill)
                .map(|b| {
                    let within = |(x, y): &&(f64, f64)| {
                        *x > b.x && *x < b.x + b.w && *y > b.y && *y <= b.y + b.h
                    };
                    stripes.iter().filter(within).count()
                })
                .collect::<Vec<_>>()
        };
        assert!(
            inside(SERIES_1).iter().all(|n| *n >= 1),
            "B striped at {w}: {:?}",
            inside(SERIES_1)
        );
        assert!(
            inside(SERIES_0).iter().all(|n| *n == 0),
            "A plain at {w}: {:?}",
            inside(SERIES_0)
        );
    }
}

#[test]
fn markup_in_spec_text_is_escaped() {
    let evil = "<script>alert(1)</script> & \"quotes\" 'too'";
    let trend = serde_json::json!({
        "version": 1, "kind": "trend", "title": evil, "subtitle": evil, "notes": [evil],
        "sources": [{"name": evil, "date": "<b>2020</b>"}],
        "periods": [{"label": "<img src=x onerror=alert(1)>"}, {"label": "b"}],
        "series": [{"name": "<svg \
            onload=alert(1)>", "values": [1, 2]}, {"name": "</text><script>", "values": [3, 4]}]
    });
    let rate = serde_json::json!({
        "version": 1, "kind": "rate", "title": evil, "sources": [{"name": evil}],
        "categories": [{
            "label": "<script>x</script>", "period": "</text>", "recorded": 10, "detected": 5,
            "rate": {"value": 50, "published": "<i>50</i>"}
        }]
    });
    for spec in [trend, rate] {
        let chart = Chart::from_json(&spec.to_string()).expect("markup is allowed as text");
        for w in WIDTHS {
            let svg = render(&chart, w);
            let lower = svg.to_ascii_lowercase();
            for bad in ["<script", "</script", "<img", "<svg onload", "<b>", "<i>"] {
                assert!(!lower.contains(bad), "literal {bad} in the SVG at {w}");
            }
            assert!(
                svg.contains(
                    "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; \
                &apos;too&apos;"
                ),
                "escaped title at {w}"
            );
            // Every text element closes where plotters opened it: nothing broke out.
            assert_eq!(
                svg.matches("<text ").count(),
                svg.matches("</text>").count()
            );
            assert_eq!(svg.matches("<svg ").count(), 1);
            let t = texts(&svg);
            assert!(
                joined(&t).contains(evil),
                "the title reads back as written at {w}"
            );
        }
    }
}

/// Left and right edge of a text as drawn, from its anchor, size and Liberation Sans' advances.
fn extent(t: &Text, m: &FontMeasure) -> (f64, f64) {
    let width = m.width(
        &t.content,
        Font {
            size: t.size,
            bold: t.bold,
        },
    );
    match t.anchor.as_str() {
        "end" => (t.x - width, t.x),
        "middle" => (t.x - width / 2.0, t.x + width / 2.0),
        _ => (t.x, t.x + width),
    }
}

/// Every text of `svg` lies inside it, or the texts that do not.
fn overflowing(svg: &str, m: &FontMeasure) -> Vec<String> {
    let (sw, sh) = size(svg);
    let t = texts(svg);
    assert!(t.len() > 5, "too few texts to check");
    t.iter()
        .filter_map(|text| {
            let (left, right) = extent(text, m);
            // Coordinates are rounded to whole pixels: allow one.
            let inside = left >= -1.0
                && right <= sw + 1.0
                && text.y >= 0.0
                && text.y + text.size <= sh + 1.0;
            (!inside).then(|| {
                format!(
                    "{:?} spans x {left:.1}..{right:.1}, y {} of {sw}×{sh}",
                    text.content, text.y
                )
            })
        })
        .collect()
}

#[test]
fn no_text_runs_off_the_chart() {
    let m = FontMeasure::new().expect("font");
    let long_words = Chart::from_json(concat!(
        r#"{"version":1,"kind":"trend","#,
        r#""title":"Supercalifragilisticexpialidociouslyunbreakable"#,
        r#"longheadlinewithoutspaces and more words to wrap over several lines of the title","#,
        r#""subtitle":"A subtitle that is long enough to need wrapping on a phone screen, "#,
        r#"with one more clause","sources":[{"name":"A source with a long name, as reported "#,
        r#"by a newspaper with a long name too","date":"March 2019"}],"notes":["A note."],"#,
        r#""periods":[{"label":"2018/19"},{"label":"2019/20"},{"label":"2020/21"}],"#,
        r#""series":[{"name":"Recorded offences of communicating with a child for sexual "#,
        r#"purposes","values":[1573,1694,9007199254740991]},"#,
        r#"{"name":"Detected","values":[1,2,3]}]}"#,
    ))
    .unwrap();
    let charts = [
        ("offence-trend", Chart::named("offence-trend").unwrap()),
        ("detection-rate", Chart::named("detection-rate").unwrap()),
        ("long words", long_words),
    ];
    for (name, chart) in &charts {
        for w in WIDTHS {
            let out = overflowing(&render(chart, w), &m);
            assert!(out.is_empty(), "{name} at {w}px:\n{}", out.join("\n"));
        }
    }
}

/// Known bug in `trend::period_labels` (src/trend.rs): bar-chart period labels are always centred
/// on their bar, and when thinned to every k-th period they may be `slot × k − 8` px wide, so a
/// label on the first or last bar runs off the chart. Run with
/// `cargo test --test render_svg -- --ignored` once it is fixed.
#[test]
fn end_period_labels_stay_inside() {
    let m = FontMeasure::new().expect("font");
    let trend = |labels: Vec<String>| {
        let periods: Vec<_> = labels
            .iter()
            .map(|l| serde_json::json!({ "label": l }))
            .collect();
        let values: Vec<_> = (0..labels.len()).map(|i| 1500 + 10 * i).collect();
        let spec = serde_json::json!({
            "version": 1, "kind": "trend", "title": "T", "sources": [{"name": "S"}],
            "periods": periods, "series": [{"name": "x", "values": values}]
        });
        Chart::from_json(&spec.to_string()).unwrap()
    };
    // Nine periods labelled like the shipped chart's, and nine quarters.
    let apr = trend(
        (2010..2019)
            .map(|y| format!("Apr {y}–Feb {}", y + 1))
            .collect(),
    );
    let quarters = trend(
        (0..9)
            .map(|i| format!("Q{} {}", i % 4 + 1, 2018 + i / 4))
            .collect(),
    );
    let mut out = Vec::new();
    for (name, chart, w) in [
        ("Apr 2010–Feb 2011 … (9)", &apr, 320.0),
        ("Apr 2010–Feb 2011 … (9)", &apr, 640.0),
        ("Q1 2018 … Q1 2020", &quarters, 320.0),
    ] {
        out.extend(
            overflowing(&render(chart, w), &m)
                .into_iter()
                .map(|o| format!("{name} at {w}px: {o}")),
        );
    }
    assert!(out.is_empty(), "{}", out.join("\n"));
}

#[test]
fn forced_colours_dash_the_second_series_line() {
    let chart = Chart::from_json(
        r#"{"version":1,"kind":"trend","title":"Lines","sources":[{"name":"S"}],"mark":"line",
            "periods":[{"label":"a"},{"label":"b"},{"label":"c"}],
            "series":[{"name":"A","values":[1,5,3]},{"name":"B","values":[2,3,4]}]}"#,
    )
    .unwrap();
    let forced = Theme::forced(
        (0, 0, 0),
        (255, 255, 255),
        (128, 128, 128),
        (0, 255, 255),
        (0, 0, 0),
        (255, 255, 0),
    );
    let polylines = |svg: &str, stroke: &str| {
        tags(svg, "polyline")
            .into_iter()
            .filter(|(tag, _)| attr(&attrs(tag), "stroke") == Some(stroke))
            .count()
    };
    let lines = |svg: &str, stroke: &str| {
        tags(svg, "line")
            .into_iter()
            .filter(|(tag, _)| attr(&attrs(tag), "stroke") == Some(stroke))
            .count()
    };
    let svg = to_svg(&chart, 640.0, &forced).unwrap();
    assert_eq!(polylines(&svg, "#00FFFF"), 1, "series A (Highlight) solid");
    assert_eq!(
        polylines(&svg, "#FFFF00"),
        0,
        "series B (LinkText) not one line"
    );
    assert!(lines(&svg, "#FFFF00") > 10, "series B in dashes");
    let light = to_svg(&chart, 640.0, &Theme::light()).unwrap();
    assert_eq!(
        polylines(&light, SERIES_1),
        1,
        "no dashes in the usual themes"
    );
}

/// The docs' trend example with two annotations: one period, and a range for series B.
const ANNOTATED: &str = r#"{"version":1,"kind":"trend","title":"Annotated","unit":"offences",
    "sources":[{"name":"Example"}],"mark":"bar",
    "periods":[{"label":"2021/22"},{"label":"2022/23"},{"label":"2023/24"}],
    "series":[{"name":"A","values":[120,135,150]},{"name":"B","values":[80,95,90]}],
    "annotations":[{"text":"Campaign launched","period":"2022/23"},
        {"text":"New counting rules","period":"2022/23","to":"2023/24","series":1}]}"#;

#[test]
fn annotations_are_drawn_beside_their_markers_or_listed_under_the_chart() {
    let chart = Chart::from_json(ANNOTATED).unwrap();
    for w in WIDTHS {
        let svg = render(&chart, w);
        let t = texts(&svg);
        // Each note beside its numbered marker (on the marker's row) where it fits; else its
        // number and text listed under the chart, below the markers.
        for (number, note) in [("1", "Campaign launched"), ("2", "New counting rules")] {
            let marks: Vec<&Text> = t.iter().filter(|t| t.content == number).collect();
            let text = t.iter().find(|t| t.content == note).expect(note);
            let inline = marks
                .iter()
                .any(|m| m.x > 1.0 && text.x > m.x && (text.y - m.y).abs() < 4.0);
            let listed = marks.len() == 2
                && marks
                    .iter()
                    .any(|m| m.x < 1.0 && (text.y - m.y).abs() < 4.0)
                && text.y > marks.iter().map(|m| m.y).fold(f64::INFINITY, f64::min) + 10.0;
            assert!(
                inline != listed,
                "{note} at {w}: inline {inline}, listed {listed}"
            );
            // On a phone the range's note does not fit beside its marker.
            assert_eq!(listed, w < 480.0 && number == "2", "{note} at {w}");
        }
        // The range is a light band behind the plot.
        assert!(
            rects(&svg).iter().any(|r| r.fill == TRACK && r.h > 100.0),
            "band at {w}"
        );
    }
    // Screen readers, tooltips and the data table carry them too.
    let summary = offence_charts::summary(chart.spec());
    assert!(
        summary.contains("Note 1, 2022/23: Campaign launched."),
        "{summary}"
    );
    assert!(
        summary.contains("Note 2, B, 2022/23 to 2023/24: New counting rules."),
        "{summary}"
    );
    let tip = offence_charts::tip(
        chart.spec(),
        offence_charts::Focus::Trend {
            period: 2,
            series: Some(1),
        },
    );
    assert!(tip
        .unwrap()
        .lines
        .contains(&"Note 2: New counting rules".to_owned()));
    let tip_a = offence_charts::tip(
        chart.spec(),
        offence_charts::Focus::Trend {
            period: 2,
            series: Some(0),
        },
    );
    assert!(
        !tip_a.unwrap().lines.iter().any(|l| l.starts_with("Note")),
        "B's note is not A's"
    );
    let table = offence_charts::table(chart.spec());
    assert!(table
        .foot
        .contains(&"Note 2 (B, 2022/23 to 2023/24): New counting rules".to_owned()));
}

/// A published correction's line is drawn under the plot, in the text's colour, above the notes
/// and the source line; it is in the summary and under the data table too, and wraps at a
/// phone's width without losing a word.
#[test]
fn the_revision_line_under_the_chart_above_notes_and_source() {
    let line = "Corrected 4 December 2026: The 2019-20 figure was 1,694, not 1,537 \
        (1 earlier correction)";
    let mut spec: serde_json::Value =
        serde_json::from_str(include_str!("../data/offence-trend.json")).unwrap();
    spec["revision"] = line.into();
    let chart = Chart::from_json(&spec.to_string()).unwrap();
    for width in [320.0, 640.0] {
        let svg = render(&chart, width);
        let t = texts(&svg);
        assert!(joined(&t).contains(line), "{width}: {}", joined(&t));
        let first = t
            .iter()
            .position(|x| x.content.starts_with("Corrected"))
            .unwrap();
        let note = t
            .iter()
            .position(|x| x.content.starts_with("The March 2019"))
            .unwrap();
        let source = t
            .iter()
            .position(|x| x.content.starts_with("Sources:"))
            .unwrap();
        assert!(
            t[first].y < t[note].y && t[note].y < t[source].y,
            "{width}: order"
        );
        let bar_label = t.iter().find(|x| x.content == "1,694").unwrap();
        assert!(t[first].y > bar_label.y + 20.0, "{width}: under the plot");
        // The text's colour (#1a1a1a in the light theme), not the notes' muted grey.
        let tag = tags(&svg, "text")
            .into_iter()
            .find(|(_, c)| c.trim_start().starts_with("Corrected"))
            .unwrap();
        assert!(
            tag.0.contains("#1A1A1A") || tag.0.contains("#1a1a1a"),
            "{}",
            tag.0
        );
    }
    let summary = offence_charts::summary(chart.spec());
    assert!(summary.contains(&format!("{line}. Sources:")), "{summary}");
    let table = offence_charts::table(chart.spec());
    assert_eq!(table.foot.first().map(String::as_str), Some(line));
    let without = Chart::named("offence-trend").unwrap();
    assert!(!joined(&texts(&render(&without, 640.0))).contains("Corrected"));
}
