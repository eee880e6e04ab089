#![cfg(not(target_arch = "wasm32"))]
//! What statistics tables say besides numbers (issue 22): missing figures and why, provisional
//! (revised, estimated, low-reliability) figures, breaks in series and the cell a figure came
//! from: read, refused when malformed, told in words and drawn.

mod common;

use common::refused;
use offence_charts::{
    svg_to_png, table, tip, to_svg, Approximate, Chart, Focus, Ink, Missing, Shape, Status, Theme,
};
use resvg::tiny_skia::Pixmap;

/// Five years of a table: 2021-22 suppressed, a break before 2022-23, 2023-24 provisional.
const TABLE: &str = r#"{"version": 1, "kind": "trend", "title": "Crimes recorded",
  "unit": "crimes", "mark": "MARK",
  "sources": [{"name": "Statistics office", "file": "tables.xlsx", "table": "Table 1: Crimes"}],
  "periods": [{"label": "2019-20"}, {"label": "2020-21"}, {"label": "2021-22"},
    {"label": "2022-23", "break": "Counting rules changed in April 2022"}, {"label": "2023-24"}],
  "series": [{"name": "Crimes", "values": [100, 110, {"missing": "suppressed"}, 120,
    {"value": 130, "status": "provisional", "cell": "Table 1!F5"}]}]}"#;

fn chart(mark: &str) -> Chart {
    Chart::from_json(&TABLE.replace("MARK", mark)).unwrap()
}

fn texts(shapes: &[Shape]) -> Vec<&str> {
    shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

/// The first series' bars: left, top, right, bottom.
fn bars(shapes: &[Shape]) -> Vec<[f64; 4]> {
    shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Rect {
                rect,
                ink: Ink::Series(0),
                ..
            } => Some(*rect),
            _ => None,
        })
        .collect()
}

/// How many points each line (polyline) has, in order.
fn path_lengths(shapes: &[Shape]) -> Vec<usize> {
    shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Path { points, .. } => Some(points.len()),
            _ => None,
        })
        .collect()
}

#[test]
fn missing_status_break_and_cell_are_read() {
    let c = chart("bar");
    let values = &c.spec().series[0].values;
    assert_eq!(values[2].missing, Some(Missing::Suppressed));
    assert_eq!(values[4].status, Some(Status::Provisional));
    assert_eq!(values[4].cell.as_deref(), Some("Table 1!F5"));
    assert_eq!(
        c.spec().sources[0].table.as_deref(),
        Some("Table 1: Crimes")
    );
    assert!(c.spec().periods[3].brk.is_some());
    // A bare null is a figure not available.
    let c = Chart::from_json(&TABLE.replace("110,", "null,").replace("MARK", "bar")).unwrap();
    assert_eq!(
        c.spec().series[0].values[1].missing,
        Some(Missing::NotAvailable)
    );
}

#[test]
fn malformed_gaps_and_statuses_are_refused_by_path() {
    let t = TABLE.replace("MARK", "bar");
    for (from, to, message) in [
        (
            r#"{"missing": "suppressed"}"#,
            r#"{"missing": "suppressed", "value": 3}"#,
            "series[0].values[2].value: must be left out: the figure is `missing`",
        ),
        (
            r#"{"missing": "suppressed"}"#,
            r#"{"missing": "secret"}"#,
            "series[0].values[2].missing: unknown variant `secret`, expected one of \
             `not-available`, `suppressed`, `not-applicable`",
        ),
        (
            r#""status": "provisional""#,
            r#""status": "final""#,
            "series[0].values[4].status: unknown variant `final`, expected one of \
             `provisional`, `revised`, `estimated`, `low-reliability`",
        ),
        (
            r#""break": "Counting rules changed in April 2022""#,
            r#""break": " ""#,
            "periods[3].break: must not be empty",
        ),
        (
            r#""cell": "Table 1!F5""#,
            r#""cell": 5"#,
            "series[0].values[4].cell: wrong type: number, expected a string",
        ),
    ] {
        assert_eq!(refused(&t.replace(from, to)), message);
    }
}

#[test]
fn a_rate_category_may_be_missing_and_is_said_to_be() {
    let spec = r#"{"version": 1, "kind": "rate", "title": "Detection rates",
      "sources": [{"name": "S"}], "categories": [
        {"label": "Grooming", "recorded": 98, "detected": 86},
        {"label": "Other", "recorded": {"missing": "suppressed"}, "detected": 4},
        {"label": "Third", "recorded": 50, "rate": {"missing": "suppressed"}}]}"#;
    let c = Chart::from_json(spec).unwrap();
    let t = tip(c.spec(), Focus::Category(1)).unwrap();
    // The count there is said on its own, and why the other is missing (not "4 of n/a").
    assert_eq!(
        t.lines,
        [
            "Detection rate: n/a",
            "recorded count suppressed, 4 detected"
        ]
    );
    // A published rate missing: said as such.
    let t = tip(c.spec(), Focus::Category(2)).unwrap();
    assert_eq!(
        t.lines,
        [
            "Detection rate: n/a",
            "50 recorded",
            "Published rate: suppressed"
        ]
    );
    let scene = c.layout(640.0, &Approximate);
    assert!(texts(&scene.shapes).contains(&"n/a"));
    // Detected over a missing recorded count is not compared.
    let t = table(c.spec());
    assert!(t.foot.contains(&"n/a: figure suppressed.".to_string()));
    // The table's rate is "n/a" (not "–", which means none was given), and the summary names
    // the category rather than leaving it out.
    assert_eq!(t.rows[1][..4], ["Other", "n/a (suppressed)", "4", "n/a"]);
    let said = offence_charts::summary(c.spec());
    assert!(
        said.contains("Other: no rate (recorded count suppressed, 4 detected)."),
        "{said}"
    );
}

#[test]
fn tooltips_table_and_summary_say_why_and_what() {
    let c = chart("bar");
    let at = |p| {
        tip(
            c.spec(),
            Focus::Trend {
                period: p,
                series: Some(0),
            },
        )
        .unwrap()
        .lines
    };
    assert_eq!(at(2), ["Figure suppressed"]);
    assert_eq!(at(4), ["130 crimes", "Figure provisional"]);
    assert_eq!(
        at(3),
        [
            "120 crimes",
            "Break in series: Counting rules changed in April 2022"
        ]
    );
    let t = table(c.spec());
    assert_eq!(t.rows[2][1], "n/a (suppressed)");
    assert_eq!(t.rows[4][1], "130 (provisional)");
    for line in [
        "Hollow marks: figures provisional.",
        "n/a: figure suppressed.",
        "Break in series before 2022-23 (dashed line): Counting rules changed in April 2022.",
    ] {
        assert!(t.foot.contains(&line.to_string()), "{line} in {:?}", t.foot);
        assert!(
            offence_charts::summary(c.spec()).contains(line),
            "{line} in the summary"
        );
    }
    // The summary's change runs from the first figure known to the last.
    let gap_first = TABLE.replace("[100,", r#"[{"missing": "not-applicable"},"#);
    let s = offence_charts::summary(
        Chart::from_json(&gap_first.replace("MARK", "bar"))
            .unwrap()
            .spec(),
    );
    assert!(
        s.contains("rose from 110 in 2020-21 to 130 in 2023-24"),
        "{s}"
    );
}

#[test]
fn bars_leave_a_gap_with_n_a_and_draw_status_hollow() {
    let scene = chart("bar").layout(640.0, &Approximate);
    let bars = bars(&scene.shapes);
    assert_eq!(bars.len(), 4, "no bar for the suppressed figure");
    assert!(texts(&scene.shapes).contains(&"n/a"));
    // The provisional bar is hollow: the background fills it inside a 2 px outline.
    let last = bars[3];
    let inner = scene.shapes.iter().any(|s| {
        matches!(s, Shape::Rect { rect, ink: Ink::Background, .. }
            if rect[0] == last[0] + 2.0 && rect[2] == last[2] - 2.0 && rect[3] == last[3])
    });
    assert!(inner, "a hollow bar for 2023-24");
    // The break: a dashed rule between 2021-22's slot and 2022-23's.
    let rules: Vec<f64> = scene
        .shapes
        .iter()
        .filter_map(|s| match s {
            Shape::Line {
                from,
                to,
                ink: Ink::Muted,
                ..
            } if from.0 == to.0 => Some(from.0),
            _ => None,
        })
        .collect();
    assert!(rules.len() > 10, "dashes: {}", rules.len());
    assert!(rules.iter().all(|x| *x == rules[0]));
    assert!(
        bars[1][2] < rules[0] && rules[0] < bars[2][0],
        "between the slots"
    );
    // The key lines are drawn under the chart.
    let all = texts(&scene.shapes).join(" ");
    assert!(all.contains("Hollow marks: figures provisional."), "{all}");
}

#[test]
fn lines_break_at_gaps_and_breaks() {
    let scene = chart("line").layout(640.0, &Approximate);
    let paths = path_lengths(&scene.shapes);
    // 2019-20 to 2020-21, then (after the gap and the break) 2022-23 to 2023-24.
    assert_eq!(paths, [2, 2]);
    // Without the break, the two runs are split by the gap alone.
    let no_break = TABLE
        .replace(r#", "break": "Counting rules changed in April 2022""#, "")
        .replace("MARK", "line");
    let scene = Chart::from_json(&no_break)
        .unwrap()
        .layout(640.0, &Approximate);
    let n = scene
        .shapes
        .iter()
        .filter(|s| matches!(s, Shape::Path { .. }))
        .count();
    assert_eq!(n, 2);
    // Without the gap or the break: one line.
    let whole = no_break.replace(r#"{"missing": "suppressed"}"#, "115");
    let scene = Chart::from_json(&whole)
        .unwrap()
        .layout(640.0, &Approximate);
    let paths = path_lengths(&scene.shapes);
    assert_eq!(paths, [5]);
}

/// RGB at CSS (`x`, `y`) of the chart drawn 640 px wide at scale 2.
fn rgb(p: &Pixmap, x: f64, y: f64) -> (u8, u8, u8) {
    let c = p.pixel((x * 2.0) as u32, (y * 2.0) as u32).unwrap();
    (c.red(), c.green(), c.blue())
}

#[test]
fn svg_and_png_draw_the_hollow_bar_and_the_gap() {
    for (theme, bg, series) in [
        (Theme::light(), (255, 255, 255), Some((29, 90, 140))),
        (Theme::dark(), (22, 24, 27), None),
    ] {
        let c = chart("bar");
        let scene = c.layout(640.0, &Approximate);
        let bars = bars(&scene.shapes);
        let svg = to_svg(&c, 640.0, &theme).unwrap();
        let p = Pixmap::decode_png(&svg_to_png(&svg, 2.0).unwrap()).unwrap();
        let [l, t, r, b] = bars[3];
        let mid = ((l + r) / 2.0, (t + b) / 2.0);
        assert_eq!(rgb(&p, mid.0, mid.1), bg, "hollow inside");
        let edge = rgb(&p, l + 0.75, mid.1);
        assert_ne!(edge, bg, "an outline at the left edge");
        let full = rgb(
            &p,
            (bars[0][0] + bars[0][2]) / 2.0,
            (bars[0][1] + bars[0][3]) / 2.0,
        );
        assert_ne!(full, bg, "a full bar is filled");
        if let Some(series) = series {
            assert_eq!((full, edge), (series, series), "the series colour");
        }
        // Where 2021-22's bar would be: background only, down to just above the baseline.
        let gap_x = (bars[1][2] + bars[2][0]) / 2.0 - (bars[2][0] - bars[1][2]) / 4.0;
        assert_eq!(rgb(&p, gap_x, bars[1][1] + 4.0), bg, "no bar in the gap");
    }
}

#[test]
fn key_lines_name_each_status_and_reason_once_in_order() {
    let many = TABLE
        .replace("MARK", "bar")
        .replace(
            "[100, 110,",
            r#"[{"value": 100, "status": "estimated"}, null, {"missing": "not-applicable"},"#,
        )
        .replace(
            r#"{"label": "2019-20"}, "#,
            r#"{"label": "2018-19"}, {"label": "2019-20"}, "#,
        );
    let foot = table(Chart::from_json(&many).unwrap().spec()).foot;
    assert!(
        foot.contains(&"Hollow marks: figures provisional or estimated.".to_string()),
        "{foot:?}"
    );
    assert!(
        foot.contains(&"n/a: figure not available, suppressed or not applicable.".to_string()),
        "{foot:?}"
    );
}

#[test]
fn many_figures_with_gaps_stay_bounded() {
    // 600,000 periods (near the 32 MiB text limit), every other figure missing, every other one
    // provisional: no more shapes than the pixels hold.
    let n = 600_000;
    let mut values = String::with_capacity(n * 40);
    let mut periods = String::with_capacity(n * 20);
    for i in 0..n {
        let sep = if i == 0 { "" } else { "," };
        periods.push_str(&format!(r#"{sep}{{"label":"{i}"}}"#));
        if i % 2 == 0 {
            values.push_str(&format!("{sep}null"));
        } else {
            values.push_str(&format!(r#"{sep}{{"value":1,"status":"provisional"}}"#));
        }
    }
    let text = format!(
        r#"{{"version":1,"kind":"trend","title":"T","sources":[{{"name":"S"}}],
        "periods":[{periods}],"series":[{{"name":"x","values":[{values}]}}]}}"#
    );
    let scene = Chart::from_json(&text).unwrap().layout(640.0, &Approximate);
    assert!(scene.shapes.len() < 10_000, "{} shapes", scene.shapes.len());
    let too_many = TABLE.replace("MARK", "bar").replace(
        r#"{"label": "2019-20"}"#,
        &(0..10)
            .map(|i| format!(r#"{{"label": "B{i}", "break": "b"}}"#))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let e = refused(&too_many);
    assert!(
        e.starts_with("periods: has 11 breaks in series; at most 10"),
        "{e}"
    );
}

/// A long trend's period labels, thinned, fall on the calendar: months every 12 × n from
/// January (or every 2, 3, 4 or 6), years every 1, 2 or 5 × 10ⁿ on years the step divides,
/// quarters every 4 × n from Q1 (or every 2); each at 360 and 1280 px, three labels at least.
#[test]
fn long_series_labels_fall_on_the_calendar() {
    let mon = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let months: Vec<String> = (0..120)
        .map(|i| format!("{} {}", mon[i % 12], 2014 + i / 12))
        .collect();
    let years: Vec<String> = (1971..2004)
        .map(|y| y.to_string())
        .chain((2004..2024).map(|y| format!("{y}-{:02}", (y + 1) % 100)))
        .collect();
    let quarters: Vec<String> = (2..40)
        .map(|i| format!("Q{} {}", i % 4 + 1, 2015 + i / 4))
        .collect();
    for (labels, ok) in [
        (
            &months,
            (|shown: &[&str], step: usize| {
                if step.is_multiple_of(12) {
                    shown.iter().all(|l| l.starts_with("Jan "))
                } else {
                    12usize.is_multiple_of(step)
                }
            }) as fn(&[&str], usize) -> bool,
        ),
        (&years, |shown, step| {
            [1, 2, 5, 10, 20, 50].contains(&step)
                && shown
                    .iter()
                    .all(|l| l[..4].parse::<usize>().unwrap().is_multiple_of(step))
        }),
        (&quarters, |shown, step| {
            if step.is_multiple_of(4) {
                shown.iter().all(|l| l.starts_with("Q1 "))
            } else {
                4usize.is_multiple_of(step)
            }
        }),
    ] {
        let periods: Vec<String> = labels
            .iter()
            .map(|l| format!(r#"{{"label": "{l}"}}"#))
            .collect();
        let values: Vec<String> = (0..labels.len()).map(|i| (100 + i).to_string()).collect();
        let spec = format!(
            r#"{{"version": 1, "kind": "trend", "title": "T", "sources": [{{"name": "S"}}],
              "mark": "line", "periods": [{}], "series": [{{"name": "A", "values": [{}]}}]}}"#,
            periods.join(","),
            values.join(",")
        );
        let c = Chart::from_json(&spec).unwrap();
        for width in [360.0, 1280.0] {
            let scene = c.layout(width, &Approximate);
            let shown: Vec<&str> = texts(&scene.shapes)
                .into_iter()
                .filter(|t| labels.iter().any(|l| l == t))
                .collect();
            let at: Vec<usize> = shown
                .iter()
                .map(|t| labels.iter().position(|l| l == t).unwrap())
                .collect();
            assert!(shown.len() >= 3, "{width}: {shown:?}");
            let step = at[1] - at[0];
            assert!(at[0] < step, "{width}: starts within a step: {shown:?}");
            assert!(
                at.windows(2).all(|w| w[1] - w[0] == step),
                "{width}: {shown:?}"
            );
            assert!(ok(&shown, step), "{width}: step {step}: {shown:?}");
        }
    }
}
