#![cfg(not(target_arch = "wasm32"))]
//! The static fallback: the same chart as SVG and PNG, from the same drawing code, with the bars'
//! pixels where the SVG puts them; and the command-line renderer end to end.

use offence_charts::Chart;
use offence_charts::Theme;
use offence_charts::{svg_to_png, to_svg, to_svg_sized};
use resvg::tiny_skia::Pixmap;

fn png_of(name: &str, width: f64, scale: f32) -> Pixmap {
    let svg = to_svg(&Chart::named(name).unwrap(), width, &Theme::light()).unwrap();
    let png = svg_to_png(&svg, scale).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    Pixmap::decode_png(&png).unwrap()
}

fn rgb(p: &Pixmap, x: u32, y: u32) -> (u8, u8, u8) {
    let c = p.pixel(x, y).unwrap();
    (c.red(), c.green(), c.blue())
}

/// The first `<rect … fill="#1D5A8C">` of the SVG as (x, y, w, h).
fn first_bar(svg: &str) -> (f64, f64, f64, f64) {
    let at = svg.find("fill=\"#1D5A8C\"").expect("a bar");
    let start = svg[..at].rfind("<rect").unwrap();
    let attr = |name: &str| -> f64 {
        let tag = &svg[start..at];
        let i = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[i..].split('"').next().unwrap().parse().unwrap()
    };
    (attr("x"), attr("y"), attr("width"), attr("height"))
}

#[test]
fn png_has_the_bars_where_the_svg_puts_them() {
    let svg = to_svg(
        &Chart::named("offence-trend").unwrap(),
        640.0,
        &Theme::light(),
    )
    .unwrap();
    let (x, y, w, h) = first_bar(&svg);
    let p = png_of("offence-trend", 640.0, 2.0);
    assert_eq!(p.width(), 1280, "scale 2 doubles the width");
    let (cx, cy) = (((x + w / 2.0) * 2.0) as u32, ((y + h / 2.0) * 2.0) as u32);
    assert_eq!(
        rgb(&p, cx, cy),
        (29, 90, 140),
        "bar colour at the bar's centre"
    );
    assert_eq!(
        rgb(&p, cx, ((y - 40.0) * 2.0) as u32),
        (255, 255, 255),
        "background above the bar's label"
    );
    // Text was drawn: the title's row has dark pixels.
    let dark = (0..p.width()).filter(|&i| rgb(&p, i, 20).0 < 80).count();
    assert!(dark > 100, "title pixels: {dark}");
}

#[test]
fn social_card_is_1200_by_630_with_the_chart_centred() {
    let chart = Chart::named("detection-rate").unwrap();
    let svg = to_svg_sized(&chart, 1200.0, Some(630.0), &Theme::dark()).unwrap();
    assert!(
        svg.starts_with("<svg width=\"1200\" height=\"630\""),
        "{}",
        &svg[..60]
    );
    let p = Pixmap::decode_png(&svg_to_png(&svg, 1.0).unwrap()).unwrap();
    assert_eq!((p.width(), p.height()), (1200, 630));
    assert_eq!(rgb(&p, 5, 5), (22, 24, 27), "dark background");
    assert!(svg.contains("87.8 %") && svg.contains("≈70 %"));
}

#[test]
fn command_line_renders_svg_and_png_and_reports_bad_specs() {
    let bin = env!("CARGO_BIN_EXE_offence-charts");
    let dir = std::env::temp_dir().join(format!("oc-render-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let png = dir.join("trend.png");
    let ok = std::process::Command::new(bin)
        .args([
            "render",
            "offence-trend",
            png.to_str().unwrap(),
            "--width",
            "400",
        ])
        .status()
        .unwrap();
    assert!(ok.success());
    assert_eq!(&std::fs::read(&png).unwrap()[..4], b"\x89PNG");
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"version":1,"kind":"rate","title":"T","sources":[{"name":"S"}],
        "categories":[{"label":"x","recorded":5,"detected":6}]}"#,
    )
    .unwrap();
    let out = std::process::Command::new(bin)
        .args([
            "render",
            bad.to_str().unwrap(),
            dir.join("x.svg").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("categories[0].detected: 6 detected is more than the 5 recorded"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
