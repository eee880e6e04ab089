//! The spec: a chart described in JSON, read into a model, checked against every rule.
//!
//! Holds: a parsed JSON value ([`json`]), reading it into the model ([`read`]) with the path of any
//! problem ([`path`]), the model itself ([`model`], re-exported here), its rules ([`rules`]) and
//! limits ([`limits`]), and the one error type ([`error`]). May use `text` only.

pub mod error;
pub mod json;
pub mod limits;
mod model;
pub mod path;
pub mod read;
pub mod rules;

pub use model::*;
