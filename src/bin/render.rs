//! `offence-charts-render SPEC.json OUT.svg [--width N]`: a chart as a static image.

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use offence_charts::{render::to_svg, theme::Theme, Chart};
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(input), Some(output)) = (args.first(), args.get(1)) else {
        eprintln!("usage: offence-charts-render SPEC.json|offence-trend|detection-rate OUT.svg [--width N] [--theme dark]");
        return std::process::ExitCode::from(2);
    };
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1));
    let width = flag("--width").and_then(|w| w.parse::<f64>().ok()).unwrap_or(640.0);
    let theme = Theme::named(flag("--theme").map(String::as_str).unwrap_or("light"));
    let result = std::fs::read_to_string(input)
        .map_err(|e| e.to_string())
        .and_then(|text| Chart::from_json(&text).map_err(|e| e.to_string()))
        .or_else(|e| Chart::named(input).map_err(|_| e))
        .and_then(|chart| to_svg(&chart, width, &theme).map_err(|e| e.to_string()))
        .and_then(|svg| std::fs::write(output, svg).map_err(|e| e.to_string()));
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("offence-charts-render: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
