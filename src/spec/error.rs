//! The one error type: every way a chart can fail, with a message that names the field and the
//! rule.

use std::fmt;

/// Why a chart could not be drawn. `Display` gives the message shown to readers and thrown to JS.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartError {
    /// The spec text is not JSON, or is larger than [`crate::spec::MAX_SPEC_BYTES`].
    Json(String),
    /// The spec is JSON but breaks a rule of `docs/spec.md`; `path` is like `series[0].values[2]`.
    Spec {
        /// Where in the spec, e.g. `categories[1].detected`; empty for the whole spec.
        path: String,
        /// The rule that is broken, e.g. `must be a non-negative number`.
        message: String,
    },
    /// No default chart has this name.
    UnknownChart(String),
    /// The drawing surface failed (canvas context lost, I/O error writing a file).
    Draw(String),
}

impl ChartError {
    /// A spec error at `path` breaking `message`.
    pub fn spec(path: impl Into<String>, message: impl Into<String>) -> Self {
        ChartError::Spec {
            path: path.into(),
            message: message.into(),
        }
    }
}

impl ChartError {
    /// The message shown to readers and thrown to JS (what `Display` writes).
    pub fn message(&self) -> String {
        match self {
            ChartError::Json(m) => cat!("spec is not valid JSON: ", m),
            ChartError::Spec { path, message } if path.is_empty() => cat!("spec: ", message),
            ChartError::Spec { path, message } => cat!(path, ": ", message),
            ChartError::UnknownChart(name) => {
                let names: Vec<String> = crate::spec::NAMED_CHARTS.map(String::from).to_vec();
                cat!(
                    "no chart is called \"",
                    name,
                    "\" (the named charts are: ",
                    crate::text::join(&names, ", "),
                    ")"
                )
            }
            ChartError::Draw(m) => cat!("the chart could not be drawn: ", m),
        }
    }
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ChartError {}
