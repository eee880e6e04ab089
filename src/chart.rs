//! A validated chart: parse, validate, lay out. The entry point of the pure core.

use crate::error::ChartError;
use crate::json::Json;
use crate::limits::MAX_SPEC_BYTES;
use crate::measure::Measure;
use crate::scene::Scene;
use crate::spec::Spec;
use serde::{Deserialize, Deserializer};

/// The named charts built into the native crate (the CLI, tests), with their spec text from
/// `data/`. The browser fetches these files instead (`www/offence-charts.js`).
#[cfg(not(target_arch = "wasm32"))]
pub const NAMED: [(&str, &str); 2] = [
    ("offence-trend", include_str!("../data/offence-trend.json")),
    ("detection-rate", include_str!("../data/detection-rate.json")),
];

/// The spec text of the named chart `name`.
#[cfg(not(target_arch = "wasm32"))]
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

    /// Reads and validates a parsed JSON value (taken apart as it is read).
    pub fn from_value(value: Json) -> Result<Chart, ChartError> {
        Chart::new(crate::read::spec(value)?)
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
        check_size(text)?;
        let value: Json = serde_json::from_str(text).map_err(|e| {
            if e.is_data() {
                ChartError::spec("", e.to_string())
            } else {
                ChartError::Json(e.to_string())
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
        crate::layout::layout_prepared(&self.spec, &self.prepared, width, m)
    }
}

/// Refuses spec text over [`MAX_SPEC_BYTES`] before any parsing.
pub fn check_size(text: &str) -> Result<(), ChartError> {
    if text.len() > MAX_SPEC_BYTES {
        return Err(ChartError::spec("", cat!("is ", text.len(), " bytes long; at most ", MAX_SPEC_BYTES, " bytes are read")));
    }
    Ok(())
}
