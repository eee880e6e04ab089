//! `offence-charts-render SPEC.json|NAME OUT.svg|OUT.png [--width N] [--height N] [--scale N]
//! [--theme dark]`: a chart as a static image, drawn by the same code as the canvas, for
//! `<noscript>` fallbacks, print and social cards (`--width 1200 --height 630`).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("offence-charts-render: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run(args: Vec<String>) -> Result<(), String> {
    use offence_charts::{svg_to_png, to_svg_sized};
    use offence_charts::{Chart, Theme};
    const USAGE: &str = "usage: offence-charts-render SPEC.json|offence-trend|detection-rate \
        OUT.svg|OUT.png [--width N] [--height N] [--scale N] [--theme light|dark]";
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        return Err(USAGE.into());
    };
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
    };
    let number = |name: &str, default: f64| -> Result<f64, String> {
        flag(name)
            .map(|v| {
                v.parse::<f64>()
                    .map_err(|_| format!("{name} needs a number, not {v:?}"))
            })
            .unwrap_or(Ok(default))
    };
    let width = number("--width", 640.0)?;
    let height = flag("--height")
        .map(|_| number("--height", 0.0))
        .transpose()?;
    let scale = number("--scale", 2.0)? as f32;
    let theme = Theme::named(flag("--theme").map(String::as_str).unwrap_or("light"));
    let chart = match std::fs::read_to_string(input) {
        Ok(text) => Chart::from_json(&text).map_err(|e| format!("{input}: {e}"))?,
        Err(read) => Chart::named(input).map_err(|_| format!("{input}: {read}"))?,
    };
    let svg = to_svg_sized(&chart, width, height, &theme).map_err(|e| e.to_string())?;
    let bytes = if output.to_ascii_lowercase().ends_with(".png") {
        svg_to_png(&svg, scale).map_err(|e| e.to_string())?
    } else {
        svg.into_bytes()
    };
    std::fs::write(output, bytes).map_err(|e| format!("{output}: {e}"))
}

#[cfg(target_arch = "wasm32")]
fn main() {}
