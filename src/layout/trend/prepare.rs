//! What a trend's layout needs from its figures at any width, worked out once per chart.

use crate::layout::columns::Extremes;
use crate::spec::Spec;

/// What a trend's layout needs from its figures at any width, worked out once per chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prepared {
    /// The largest figure of all series (0 if none).
    pub max: f64,
    /// Each series' values as plain numbers.
    pub values: Vec<Vec<f64>>,
    /// Each series' min/max summaries (empty for short series).
    pub extremes: Vec<Extremes>,
}

/// Prepares `spec` (a trend) for layout at any width.
pub fn prepare(spec: &Spec) -> Prepared {
    let values: Vec<Vec<f64>> = spec
        .series
        .iter()
        .map(|s| s.values.iter().map(|f| f.value).collect())
        .collect();
    let max = values.iter().flatten().copied().fold(0.0, f64::max);
    let extremes = values.iter().map(|v| Extremes::new(v)).collect();
    Prepared {
        max,
        values,
        extremes,
    }
}
