//! The publishing API the builder speaks (JSON in, JSON out; same origin only, no CORS):
//!
//! - `GET /api/status`: `{"publishing": true|false}`;
//! - `POST /api/charts/ID/check` with `{"spec", "base"}`: what publishing would do, no credential
//!   needed since it writes nothing;
//! - `POST /api/charts/ID` with `Authorization: Bearer TOKEN` and `{"spec", "base", "note"}`:
//!   publishes (201 with the version), or 401 without a valid credential, 409 when the chart moved
//!   on since `base`, 422 for a bad spec or a correction without its note, 400 for a bad ID, 413
//!   for a body over the limit. A refusal writes nothing.

use crate::changes::Change;
use crate::serve::credentials::Credentials;
use crate::spec::MAX_SPEC_BYTES;
use crate::store::{self, Refused};
use serde_json::{json, Value};
use std::io::Read;
use std::path::Path;

/// Largest request body: the largest spec, plus room for the note and the JSON around it.
pub const MAX_BODY_BYTES: usize = MAX_SPEC_BYTES + 64 * 1024;

/// An answer: status and JSON body.
pub struct Answer {
    /// HTTP status.
    pub status: u16,
    /// JSON body.
    pub body: Value,
}

fn answer(status: u16, body: Value) -> Answer {
    Answer { status, body }
}

fn error(status: u16, message: impl Into<String>) -> Answer {
    answer(status, json!({ "error": message.into() }))
}

fn changes_json(changes: &[Change]) -> Value {
    Value::Array(
        changes
            .iter()
            .map(|c| json!({ "kind": c.weight.as_str(), "text": c.text }))
            .collect(),
    )
}

/// What the server knows: the store and who may publish (`None`: publishing is off).
pub struct Api<'a> {
    /// The store's folder.
    pub store: &'a Path,
    /// The newsroom's credentials, if publishing is on.
    pub credentials: Option<&'a Credentials>,
}

/// A request to the API, as the server read it.
pub struct Call<'a> {
    /// `GET`, `POST`, …
    pub method: &'a str,
    /// The path after `/api/`.
    pub path: &'a str,
    /// The `Authorization` header.
    pub authorization: Option<&'a str>,
    /// The `Content-Length` header, if given.
    pub length: Option<usize>,
}

impl Api<'_> {
    /// Answers `call`, reading its body from `body` only once the call is allowed.
    pub fn handle(&self, call: &Call, body: &mut dyn Read) -> Answer {
        let parts: Vec<&str> = call.path.split('/').collect();
        match (call.method, parts.as_slice()) {
            ("GET", ["status"]) => answer(
                200,
                json!({ "publishing": self.credentials.is_some_and(|c| !c.is_empty()) }),
            ),
            ("POST", ["charts", id, "check"]) => match read_body(call, body) {
                Ok(v) => self.check(id, &v),
                Err(a) => a,
            },
            ("POST", ["charts", id]) => {
                let Some(creds) = self.credentials.filter(|c| !c.is_empty()) else {
                    return error(
                        403,
                        "publishing is off: this server was started without --credentials",
                    );
                };
                let token = call
                    .authorization
                    .and_then(|a| a.strip_prefix("Bearer "))
                    .map(str::trim);
                let Some(by) = token.and_then(|t| creds.who(t)) else {
                    return error(
                        401,
                        "a newsroom credential is needed to publish (Authorization: Bearer \
                         TOKEN); nothing was written",
                    );
                };
                match read_body(call, body) {
                    Ok(v) => self.publish(id, &v, by),
                    Err(a) => a,
                }
            }
            (_, ["status"] | ["charts", _] | ["charts", _, "check"]) => {
                error(405, "method not allowed")
            }
            _ => error(404, "no such API call"),
        }
    }

    fn check(&self, id: &str, v: &Value) -> Answer {
        let spec = match spec_text(v) {
            Ok(s) => s,
            Err(a) => return a,
        };
        let req = store::Request {
            id,
            spec: &spec,
            base: base(v),
            ..Default::default()
        };
        match store::check(self.store, &req) {
            Ok(p) => answer(
                200,
                json!({
                    "kind": p.outcome.map(|o| o.as_str()).unwrap_or("none"),
                    "changes": changes_json(&p.changes),
                    "current": p.current,
                    "needsNote": p.outcome == Some(store::Outcome::Correction),
                }),
            ),
            Err(r) => refused(r),
        }
    }

    fn publish(&self, id: &str, v: &Value, by: &str) -> Answer {
        let spec = match spec_text(v) {
            Ok(s) => s,
            Err(a) => return a,
        };
        let req = store::Request {
            id,
            spec: &spec,
            note: v.get("note").and_then(Value::as_str),
            by: Some(by),
            base: base(v),
        };
        match store::publish(self.store, &req, time::OffsetDateTime::now_utc()) {
            Ok(record) => answer(201, record),
            Err(r) => refused(r),
        }
    }
}

fn base(v: &Value) -> Option<u32> {
    v.get("base")
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
}

/// The spec of a request body: an object (or its JSON text).
fn spec_text(v: &Value) -> Result<String, Answer> {
    match v.get("spec") {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(s @ Value::Object(_)) => Ok(s.to_string()),
        _ => Err(error(
            422,
            "the body needs \"spec\": the chart spec (an object)",
        )),
    }
}

/// The answer to a body over [`MAX_BODY_BYTES`].
pub fn too_large() -> Answer {
    error(
        413,
        format!("the request is over {MAX_BODY_BYTES} bytes; nothing was written"),
    )
}

fn read_body(call: &Call, body: &mut dyn Read) -> Result<Value, Answer> {
    if call.length.is_some_and(|n| n > MAX_BODY_BYTES) {
        return Err(too_large());
    }
    let mut bytes = Vec::new();
    if body
        .take(MAX_BODY_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .is_err()
    {
        return Err(error(400, "the request's body could not be read"));
    }
    if bytes.len() > MAX_BODY_BYTES {
        return Err(too_large());
    }
    serde_json::from_slice(&bytes)
        .map_err(|e| error(400, format!("the request's body is not JSON: {e}")))
}

fn refused(r: Refused) -> Answer {
    let message = r.to_string();
    match r {
        Refused::BadId(_) => error(400, message),
        Refused::BadSpec(_) | Refused::BadText(_) | Refused::NothingChanged => error(422, message),
        Refused::NoChart(_) => error(404, message),
        Refused::NeedsNote(changes) => answer(
            422,
            json!({ "error": message, "needsNote": true, "changes": changes_json(&changes) }),
        ),
        Refused::MovedOn { current, changes } => answer(
            409,
            json!({ "error": message, "current": current, "changes": changes_json(&changes) }),
        ),
        Refused::Io(_) => error(500, message),
    }
}
