//! A validated chart: parse, validate, lay out. The entry point of the pure core.

use crate::layout::Measure;
use crate::layout::Scene;
use crate::spec::ChartError;
use crate::spec::Json;
use crate::spec::Spec;
use crate::spec::MAX_SPEC_BYTES;
use serde::{Deserialize, Deserializer};

/// The named charts built into the native crate (the CLI, tests), with their spec text from
/// `data/`. The browser fetches these files instead (`www/offence-charts.js`).
#[cfg(not(target_arch = "wasm32"))]
pub const NAMED: [(&str, &str); 2] = [
    ("offence-trend", include_str!("../data/offence-trend.json")),
    (
        "detection-rate",
        include_str!("../data/detection-rate.json"),
    ),
];

/// The spec text of the named chart `name`.
#[cfg(not(target_arch = "wasm32"))]
pub fn named_spec(name: &str) -> Result<&'static str, ChartError> {
    NAMED
        .iter()
        .find(|(n, _)| *n == name.trim())
        .map(|(_, s)| *s)
        .ok_or_else(|| ChartError::unknown_chart(name.chars().take(60).collect::<String>()))
}

/// A spec that has passed every rule, ready to lay out at any width.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    spec: Spec,
    prepared: crate::layout::Prepared,
}

impl Chart {
    /// Validates `spec`.
    pub fn new(spec: Spec) -> Result<Chart, ChartError> {
        crate::spec::validate(&spec)?;
        let prepared = crate::layout::prepare(&spec);
        Ok(Chart { spec, prepared })
    }

    /// Reads and validates a parsed JSON value (taken apart as it is read).
    pub fn from_value(value: Json) -> Result<Chart, ChartError> {
        Chart::new(crate::spec::read_spec(value)?)
    }

    /// Reads a spec from any serde deserializer (a `serde_json::Value`, say), then validates it.
    pub fn from_deserializer<'de, D: Deserializer<'de>>(d: D) -> Result<Chart, ChartError> {
        let value = Json::deserialize(d).map_err(|e| {
            // Deserializers backed by JS values print their errors as JS errors ("Error: …").
            let m = e.to_string();
            ChartError::spec("", m.strip_prefix("Error: ").unwrap_or(&m))
        })?;
        Chart::from_value(value)
    }

    /// Parses and validates JSON text (native builds; the browser parses with `JSON.parse`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Chart, ChartError> {
        check_text(text)?;
        let value: Json = serde_json::from_str(text).map_err(|e| {
            if e.is_data() {
                ChartError::spec("", e.to_string())
            } else {
                ChartError::json(e.to_string())
            }
        })?;
        Chart::from_value(value)
    }

    /// The named default chart (`offence-trend`, `detection-rate`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn named(name: &str) -> Result<Chart, ChartError> {
        Chart::from_json(named_spec(name)?)
    }

    /// The validated spec.
    pub fn spec(&self) -> &Spec {
        &self.spec
    }

    /// Lays the chart out `width` CSS px wide.
    pub fn layout(&self, width: f64, m: &dyn Measure) -> Scene {
        crate::layout::layout(&self.spec, &self.prepared, width, m)
    }

    /// The height, CSS px, that shows the chart whole at every width from `narrowest` to `widest`:
    /// its tallest layout among them. Every whole width is laid out (every 8th above 10,000
    /// figures, every 104th above 100,000), plus the most the plot can grow between two widths
    /// tried. For an iframe's fallback height, which must hold the chart at any column width.
    pub fn tallest(&self, narrowest: f64, widest: f64, m: &dyn Measure) -> f64 {
        let (lo, hi) = (narrowest.max(0.0).min(widest).round(), widest.round());
        if !(lo.is_finite() && hi.is_finite()) {
            return 0.0;
        }
        let figures: usize = self.spec.series.iter().map(|s| s.values.len()).sum();
        let step = match figures {
            0..=10_000 => 1.0,
            10_001..=100_000 => 8.0,
            _ => 104.0,
        };
        let mut tallest: f64 = 0.0;
        let mut w = lo;
        loop {
            tallest = tallest.max(self.layout(w.min(hi), m).height);
            if w >= hi {
                break;
            }
            w += step;
        }
        // Between two widths tried, the plot may grow by its share of the width step.
        tallest + (step * crate::layout::PLOT_HEIGHT_RATIO).ceil()
    }
}

/// What an empty or blank spec is told (a CMS that cuts a long address can leave `#spec=`).
pub const EMPTY_SPEC: &str =
    "is empty: give a chart spec (a JSON object) or the name of a default \
    chart; nothing is drawn rather than a chart the article did not ask for";

/// Refuses spec text that is empty or blank, or over [`MAX_SPEC_BYTES`], before any parsing.
pub fn check_text(text: &str) -> Result<(), ChartError> {
    if text.trim().is_empty() {
        return Err(ChartError::spec("", EMPTY_SPEC));
    }
    if text.len() > MAX_SPEC_BYTES {
        return Err(ChartError::spec(
            "",
            cat!(
                "is ",
                text.len(),
                " bytes long; at most ",
                MAX_SPEC_BYTES,
                " bytes are read"
            ),
        ));
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::layout::Approximate;

    #[test]
    fn tallest_holds_every_width_between() {
        for name in ["offence-trend", "detection-rate"] {
            let chart = Chart::named(name).unwrap();
            let tallest = chart.tallest(264.0, 784.0, &Approximate);
            let heights: Vec<f64> = (264..=784)
                .map(|w| chart.layout(f64::from(w), &Approximate).height)
                .collect();
            let max = heights.iter().cloned().fold(0.0, f64::max);
            assert!(
                tallest >= max && tallest <= max + 1.0,
                "{name}: {tallest} vs {max}"
            );
            assert!(
                heights.iter().any(|h| *h < max),
                "{name}: heights vary with width"
            );
        }
        let chart = Chart::named("offence-trend").unwrap();
        assert_eq!(chart.tallest(300.0, f64::NAN, &Approximate), 0.0);
        assert!(
            chart.tallest(500.0, 300.0, &Approximate) > 0.0,
            "reversed bounds: the wider one only"
        );
    }
}
