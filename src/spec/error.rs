//! The one error type: every way a chart can fail, with a message that names the field and the
//! rule.

use std::fmt;

/// Why a chart could not be drawn: a [`Problem`], boxed. `Display` gives the message shown to
/// readers and thrown to JS.
///
/// Boxed so that a `Result` carrying it is one pointer wide: every `?` on the way out of the
/// reader and the rules then moves a pointer, not the error's two strings (unboxed, the readers'
/// wasm was 6.5 KB larger, 2.0 KB gzip).
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError(Box<Problem>);

/// What went wrong, and where.
#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
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
        Self::at(path.into(), message.into())
    }

    /// [`ChartError::spec`]'s one out-of-line body, whatever its arguments' types (inlined at
    /// every call, it cost the readers' wasm 0.1 KB gzip).
    #[inline(never)]
    fn at(path: String, message: String) -> Self {
        ChartError(Box::new(Problem::Spec { path, message }))
    }

    /// Spec text that is not JSON: the parser's `message`.
    pub fn json(message: impl Into<String>) -> Self {
        ChartError(Box::new(Problem::Json(message.into())))
    }

    /// No default chart is called `name`.
    pub fn unknown_chart(name: impl Into<String>) -> Self {
        ChartError(Box::new(Problem::UnknownChart(name.into())))
    }

    /// The drawing surface failed: `message` says how.
    pub fn draw(message: impl Into<String>) -> Self {
        ChartError(Box::new(Problem::Draw(message.into())))
    }

    /// What went wrong.
    pub fn problem(&self) -> &Problem {
        &self.0
    }

    /// The message shown to readers and thrown to JS (what `Display` writes).
    pub fn message(&self) -> String {
        match self.problem() {
            Problem::Json(m) => cat!("spec is not valid JSON: ", m),
            Problem::Spec { path, message } if path.is_empty() => cat!("spec: ", message),
            Problem::Spec { path, message } => cat!(path, ": ", message),
            Problem::UnknownChart(name) => {
                let mut out = cat!("no chart is called \"", name, "\" (the named charts are: ");
                for (i, n) in crate::spec::NAMED_CHARTS.iter().enumerate() {
                    put!(&mut out; if i > 0 { ", " } else { "" }, n);
                }
                out.push(')');
                out
            }
            Problem::Draw(m) => cat!("the chart could not be drawn: ", m),
        }
    }
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for ChartError {}
