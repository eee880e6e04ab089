//! The store of published charts: a folder of static files that any static host or CDN can serve,
//! each chart a folder of numbered versions that are never rewritten.
//!
//! ```text
//! STORE/site.json             the site's public address, for absolute links (optional)
//! STORE/page.css              the store's pages' style
//! STORE/ID/1.json, 2.json, …  one version each: {id, version, date, by, kind, note, changes, spec}
//! STORE/ID/1.png, 2.png, …    each version's share card, 1200 × 630
//! STORE/ID/current.json       a copy of the latest version: what embeds load (revalidated)
//! STORE/ID/history.json       every version without its spec, oldest first
//! STORE/ID/changes.html       the same as a page for readers, without scripts
//! STORE/ID/index.html         the chart's page: the link to paste (oEmbed discovery, share card)
//! STORE/ID/oembed.json        the oEmbed answer for that link (with a site address only)
//! ```
//!
//! A publish holds the chart's lock (`STORE/ID/.lock`, released by the system if the process
//! dies), writes every file beside its name and renames it into place, and writes
//! `current.json` after the version it names: a publish cut short leaves the store as it was or
//! with the new version complete. Native only; the readers' wasm never has it. Holds the chart
//! IDs ([`id`]), the version records and the revision line ([`record`]), the writes
//! ([`files`]), the history page ([`page`]), the chart's page, share card and oEmbed answer
//! ([`share`]) and the publish itself ([`publish`]).

mod files;
mod id;
mod page;
mod publish;
mod record;
mod share;

pub use id::{check_id, MAX_ID_CHARS};
pub use publish::{check, history, publish, repair, Preview, Refused, Request};
pub use record::{revision_line, History, Outcome, Version, MAX_BY_CHARS, MAX_NOTE_CHARS};
pub use share::{card_png, card_size, oembed, png_size, set_site_url, site_url, Address, CARD};
