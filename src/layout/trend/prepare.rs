//! What a trend's layout needs from its figures at any width, worked out once per chart.

use crate::describe::key_lines;
use crate::layout::columns::Extremes;
use crate::spec::Spec;

/// What a trend's layout needs from its figures at any width, worked out once per chart.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prepared {
    /// The largest figure of all series (0 if none).
    pub max: f64,
    /// Each series' values as plain numbers, NaN where a figure is missing.
    pub values: Vec<Vec<f64>>,
    /// The periods that follow a break in series, in order.
    pub breaks: Vec<usize>,
    /// Some figure is missing: lines are drawn in runs between the gaps.
    pub gaps: bool,
    /// Some figure has a status (provisional, …): drawn hollow.
    pub hollow: bool,
    /// The lines under the chart that explain hollow marks, "n/a" and breaks
    /// ([`crate::describe::key_lines`]), worked out once rather than at every redraw.
    pub keys: Vec<String>,
    /// Each series' min/max summaries (empty for short series).
    pub extremes: Vec<Extremes>,
}

/// Prepares `spec` (a trend) for layout at any width.
pub fn prepare(spec: &Spec) -> Prepared {
    let values: Vec<Vec<f64>> = spec
        .series
        .iter()
        .map(|s| {
            s.values
                .iter()
                .map(|f| f.known().unwrap_or(f64::NAN))
                .collect()
        })
        .collect();
    let gaps = values.iter().flatten().any(|v| v.is_nan());
    let hollow = spec
        .series
        .iter()
        .flat_map(|s| s.values.iter())
        .any(|f| f.status.is_some());
    let breaks = (0..spec.periods.len())
        .filter(|&i| spec.periods.get(i).is_some_and(|p| p.brk.is_some()))
        .collect();
    let max = values.iter().flatten().copied().fold(0.0, f64::max);
    let extremes = values.iter().map(|v| Extremes::new(v)).collect();
    Prepared {
        max,
        values,
        breaks,
        gaps,
        hollow,
        keys: key_lines(spec),
        extremes,
    }
}
