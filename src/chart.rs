//! A validated chart: parse, validate, lay out. The entry point of the pure core.

use crate::error::{from_serde, ChartError};
use crate::limits::MAX_SPEC_BYTES;
use crate::measure::Measure;
use crate::scene::Scene;
use crate::spec::Spec;
use serde::Deserializer;

/// The named charts built into the crate, with their spec text from `data/`.
pub const NAMED: [(&str, &str); 2] = [
    ("offence-trend", include_str!("../data/offence-trend.json")),
    ("detection-rate", include_str!("../data/detection-rate.json")),
];

/// The spec text of the named chart `name`.
pub fn named_spec(name: &str) -> Result<&'static str, ChartError> {
    NAMED.iter().find(|(n, _)| *n == name.trim()).map(|(_, s)| *s).ok_or_else(|| ChartError::UnknownChart(name.chars().take(60).collect()))
}

/// A spec that has passed every rule, ready to lay out at any width.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    spec: Spec,
    prepared: crate::trend::Prepared,
}

impl Chart {
    /// Validates `spec`.
    pub fn new(spec: Spec) -> Result<Chart, ChartError> {
        crate::validate::validate(&spec)?;
        let prepared = crate::trend::prepare(&spec);
        Ok(Chart { spec, prepared })
    }

    /// Deserialises a spec from any serde deserializer (JSON text natively, a JS object in the
    /// browser), naming the path of the first field that has the wrong shape, then validates it.
    pub fn from_deserializer<'de, D: Deserializer<'de>>(d: D) -> Result<Chart, ChartError> {
        let spec: Spec = serde_path_to_error::deserialize(d).map_err(|e| from_serde(e.path().to_string(), e.inner().to_string()))?;
        Chart::new(spec)
    }

    /// Parses and validates JSON text (native builds; the browser parses with `JSON.parse`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Chart, ChartError> {
        check_size(text)?;
        if !text.trim_start().starts_with('{') && serde_json::from_str::<serde::de::IgnoredAny>(text).is_ok() {
            return Err(ChartError::spec("", "must be a JSON object ({ … })"));
        }
        let mut de = serde_json::Deserializer::from_str(text);
        let spec: Spec = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            if e.inner().is_data() {
                from_serde(e.path().to_string(), e.inner().to_string())
            } else {
                ChartError::Json(e.inner().to_string())
            }
        })?;
        de.end().map_err(|e| ChartError::Json(e.to_string()))?;
        Chart::new(spec)
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
        crate::layout::layout_prepared(&self.spec, &self.prepared, width, m)
    }
}

/// Refuses spec text over [`MAX_SPEC_BYTES`] before any parsing.
pub fn check_size(text: &str) -> Result<(), ChartError> {
    if text.len() > MAX_SPEC_BYTES {
        return Err(ChartError::spec("", format!("is {} bytes long; at most {MAX_SPEC_BYTES} bytes are read", text.len())));
    }
    Ok(())
}
