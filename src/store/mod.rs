//! The store of published charts: a folder of static files that any static host or CDN can serve,
//! each chart a folder of numbered versions that are never rewritten.
//!
//! ```text
//! STORE/changes.css            the history pages' style
//! STORE/ID/1.json, 2.json, …   one version each: {id, version, date, by, kind, note, changes, spec}
//! STORE/ID/current.json        a copy of the latest version: what embeds load (revalidated)
//! STORE/ID/history.json        every version without its spec, oldest first
//! STORE/ID/changes.html        the same as a page for readers, without scripts
//! ```
//!
//! A publish holds the chart's lock (`STORE/ID/.lock`, released by the system if the process
//! dies), writes every file beside its name and renames it into place, and writes
//! `current.json` after the version it names: a publish cut short leaves the store as it was or
//! with the new version complete. Native only; the readers' wasm never has it. Holds the chart
//! IDs ([`id`]), the version records and the revision line ([`record`]), the writes
//! ([`files`]), the history page ([`page`]) and the publish itself ([`publish`]).

mod files;
mod id;
mod page;
mod publish;
mod record;

pub use id::{check_id, MAX_ID_CHARS};
pub use publish::{check, history, publish, repair, Preview, Refused, Request};
pub use record::{revision_line, History, Outcome, Version, MAX_BY_CHARS, MAX_NOTE_CHARS};
