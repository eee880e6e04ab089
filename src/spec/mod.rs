//! The spec: a chart described in JSON, read into a model, checked against every rule.
//!
//! Holds: a parsed JSON value ([`json`]), reading it into the model ([`read`]) with the path of any
//! problem ([`path`]), the model itself ([`model`], re-exported here), its rules ([`rules`]) and
//! limits ([`limits`]), and the one error type ([`error`]). May use `text` only.

mod error;
mod json;
mod limits;
mod model;
mod path;
mod read;
mod rules;

pub use error::{ChartError, Problem};
pub use json::Json;
pub use limits::*;
pub use model::*;
pub use path::{cut, At};
pub use read::spec as read_spec;
pub use rules::validate;
#[cfg(not(target_arch = "wasm32"))]
pub use rules::{url_problem, URL_FORBIDDEN, URL_SCHEMES};
