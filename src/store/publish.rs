//! Publishing a version: the spec checked by the crate's rules, the changes worked out against
//! the current version, a correction refused without its note, and the files written in an order
//! that no crash can make inconsistent for readers. Also the dry run ([`check`]), the history
//! ([`history`]) and the repair of files a cut-short publish left behind ([`repair`]).

use crate::changes::{between, Change};
use crate::chart::{check_text, Chart};
use crate::spec::ChartError;
use crate::store::files::{kill_point, lock, read_optional, sweep_temporaries, write_atomic};
use crate::store::id::check_id;
use crate::store::record::{
    dates, revision_line, History, Outcome, StoredChange, Version, MAX_BY_CHARS, MAX_NOTE_CHARS,
};
use crate::store::{page, share};
use serde_json::Value;
use std::io;
use std::path::Path;

/// What a journalist asks to publish.
#[derive(Debug, Clone, Default)]
pub struct Request<'a> {
    /// The chart's ID (a slug).
    pub id: &'a str,
    /// The spec, as JSON text; a `revision` in it is replaced by the store's.
    pub spec: &'a str,
    /// What was wrong (needed for a correction) or what is new.
    pub note: Option<&'a str>,
    /// Who publishes.
    pub by: Option<&'a str>,
    /// The version the journalist edited; when given and no longer current, nothing is written.
    pub base: Option<u32>,
}

/// Why nothing was written.
#[derive(Debug)]
pub enum Refused {
    /// The ID is not a slug.
    BadId(String),
    /// The spec breaks a rule (the same rules as the browser's).
    BadSpec(ChartError),
    /// The note or the name is too long or holds control characters.
    BadText(String),
    /// No chart has this ID (history, or a base given for a new chart).
    NoChart(String),
    /// The spec is the same as the current version's.
    NothingChanged,
    /// A published figure changed and no note says what was wrong.
    NeedsNote(Vec<Change>),
    /// The chart moved on since `base`: these changes were published meanwhile.
    MovedOn {
        /// The current version.
        current: u32,
        /// From the base version to the current one.
        changes: Vec<Change>,
    },
    /// The store could not be read or written.
    Io(io::Error),
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::BadId(m) | Refused::BadText(m) | Refused::NoChart(m) => f.write_str(m),
            Refused::BadSpec(e) => write!(f, "the spec is refused: {e}"),
            Refused::NothingChanged => {
                f.write_str("nothing changed since the current version: nothing written")
            }
            Refused::NeedsNote(changes) => {
                f.write_str(
                    "this changes published figures, so it is a correction: say what was wrong \
                     in a note (\"The 2019-20 figure was 1,573, not 1,537\"). Changed:",
                )?;
                for c in changes
                    .iter()
                    .filter(|c| c.weight == crate::changes::Weight::Correction)
                {
                    write!(f, "\n  {}", c.text)?;
                }
                Ok(())
            }
            Refused::MovedOn { current, changes } => {
                write!(
                    f,
                    "the chart moved on: version {current} was published since the version you \
                     edited. Nothing written. Published meanwhile:"
                )?;
                for c in changes {
                    write!(f, "\n  {}", c.text)?;
                }
                Ok(())
            }
            Refused::Io(e) => write!(f, "the store could not be written: {e}"),
        }
    }
}

impl From<io::Error> for Refused {
    fn from(e: io::Error) -> Self {
        Refused::Io(e)
    }
}

/// What publishing this spec would do, without doing it.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// First, correction, update or words; `None` when nothing changed.
    pub outcome: Option<Outcome>,
    /// Changes against the current version.
    pub changes: Vec<Change>,
    /// The current version, if the chart exists.
    pub current: Option<u32>,
}

fn io_text(e: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e.to_string())
}

/// The spec of `text` checked by the crate's rules, its `revision` taken out.
fn read_spec(text: &str) -> Result<(Value, Chart), Refused> {
    check_text(text).map_err(Refused::BadSpec)?;
    let mut value: Value = serde_json::from_str(text).map_err(|e| {
        Refused::BadSpec(if e.is_data() {
            ChartError::spec("", e.to_string())
        } else {
            ChartError::json(e.to_string())
        })
    })?;
    if let Value::Object(o) = &mut value {
        o.remove("revision");
    }
    let chart = Chart::from_deserializer(&value).map_err(Refused::BadSpec)?;
    Ok((value, chart))
}

fn checked_text(what: &str, text: Option<&str>, max: usize) -> Result<Option<String>, Refused> {
    let Some(t) = text.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if t.chars().count() > max {
        return Err(Refused::BadText(cat!(
            what,
            " is over ",
            max,
            " characters"
        )));
    }
    if t.chars().any(char::is_control) {
        return Err(Refused::BadText(cat!(
            what,
            " holds control characters (a line break?)"
        )));
    }
    Ok(Some(t.to_owned()))
}

/// Version `n`'s record as stored (with its spec), `None` if it has no file.
fn read_record(dir: &Path, n: u32) -> Result<Option<Value>, Refused> {
    let Some(text) = read_optional(&dir.join(cat!(n, ".json")))? else {
        return Ok(None);
    };
    serde_json::from_str(&text)
        .map(Some)
        .map_err(|e| Refused::Io(io_text(e)))
}

/// Version `n`'s chart, its spec checked again, `None` if it has no file.
fn read_chart(dir: &Path, n: u32) -> Result<Option<Chart>, Refused> {
    let Some(record) = read_record(dir, n)? else {
        return Ok(None);
    };
    let spec = record
        .get("spec")
        .ok_or_else(|| io_text("a version without its spec"))?;
    Chart::from_deserializer(spec)
        .map(Some)
        .map_err(|e| Refused::Io(io_text(e)))
}

/// What the history lists of a record: all but its spec (which is not read into it).
fn meta(record: &Value) -> Result<Version, Refused> {
    use serde::Deserialize;
    Version::deserialize(record).map_err(|e| Refused::Io(io_text(e)))
}

/// The current version's number (from `current.json`), `None` for a chart never published.
fn current_number(dir: &Path) -> Result<Option<u32>, Refused> {
    let Some(text) = read_optional(&dir.join("current.json"))? else {
        return Ok(None);
    };
    let v: Value = serde_json::from_str(&text).map_err(io_text)?;
    v.get("version")
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok())
        .map(Some)
        .ok_or_else(|| Refused::Io(io_text("current.json without a version number")))
}

/// Versions 1 to `current`, read from their files (their specs neither read into the model nor
/// checked: the history needs none of them).
fn versions(dir: &Path, current: u32) -> Result<Vec<Version>, Refused> {
    (1..=current)
        .map(|n| match read_record(dir, n)? {
            Some(record) => meta(&record),
            None => Err(Refused::Io(io_text(cat!("version ", n, " is missing")))),
        })
        .collect()
}

/// What publishing `req` would do now (no lock, nothing written; the answer may be stale by the
/// time of a publish, which checks again).
pub fn check(store: &Path, req: &Request) -> Result<Preview, Refused> {
    check_id(req.id).map_err(Refused::BadId)?;
    let (_, chart) = read_spec(req.spec)?;
    let dir = store.join(req.id);
    let Some(current) = current_number(&dir)? else {
        return Ok(Preview {
            outcome: Some(Outcome::First),
            changes: vec![],
            current: None,
        });
    };
    let old = read_chart(&dir, current)?
        .ok_or_else(|| Refused::Io(io_text("the current version is missing")))?;
    let changes = between(old.spec(), chart.spec());
    Ok(Preview {
        outcome: Outcome::of(&changes),
        changes,
        current: Some(current),
    })
}

/// Publishes `req` as the chart's next version at time `now`; returns its record (with spec).
/// Nothing is written when it is refused.
pub fn publish(store: &Path, req: &Request, now: time::OffsetDateTime) -> Result<Value, Refused> {
    check_id(req.id).map_err(Refused::BadId)?;
    let (mut value, chart) = read_spec(req.spec)?;
    let note = checked_text("the note", req.note, MAX_NOTE_CHARS)?;
    let by = checked_text("the publisher's name", req.by, MAX_BY_CHARS)?;
    let dir = store.join(req.id);
    if req.base.is_some() && current_number(&dir)?.is_none() {
        return Err(Refused::NoChart(cat!(
            "no chart \"",
            req.id,
            "\" has been published: publish it without a base version"
        )));
    }
    let _lock = lock(&dir)?;
    sweep_temporaries(&dir);
    let current = current_number(&dir)?;
    let (outcome, changes) = match current {
        None => (Outcome::First, vec![]),
        Some(n) => {
            if let Some(base) = req.base.filter(|b| *b != n) {
                let from = read_chart(&dir, base)?
                    .ok_or_else(|| Refused::NoChart(cat!("the chart has no version ", base)))?;
                let now_at = read_chart(&dir, n)?
                    .ok_or_else(|| Refused::Io(io_text("the current version is missing")))?;
                return Err(Refused::MovedOn {
                    current: n,
                    changes: between(from.spec(), now_at.spec()),
                });
            }
            let old = read_chart(&dir, n)?
                .ok_or_else(|| Refused::Io(io_text("the current version is missing")))?;
            let changes = between(old.spec(), chart.spec());
            let outcome = Outcome::of(&changes).ok_or(Refused::NothingChanged)?;
            if outcome == Outcome::Correction && note.is_none() {
                return Err(Refused::NeedsNote(changes));
            }
            (outcome, changes)
        }
    };
    // The history so far, read only for a publish that goes ahead.
    let mut earlier = match current {
        Some(n) => versions(&dir, n)?,
        None => vec![],
    };
    let number = current.unwrap_or(0) + 1;
    let (date, published) = dates(now);
    let version = Version {
        id: req.id.to_owned(),
        version: number,
        published,
        date,
        by,
        kind: outcome,
        note,
        changes: changes.iter().map(StoredChange::from).collect(),
    };
    earlier.push(version.clone());
    if let (Some(line), Value::Object(o)) = (revision_line(&earlier), &mut value) {
        o.insert("revision".into(), Value::String(line));
    }
    // The revision line is checked by the same rules as the rest.
    let chart = Chart::from_deserializer(&value).map_err(Refused::BadSpec)?;
    let card = share::card_png(&chart).map_err(io_text)?;
    let mut record = serde_json::to_value(&version).map_err(io_text)?;
    if let Value::Object(o) = &mut record {
        o.insert("spec".into(), value);
    }
    let bytes = serde_json::to_vec_pretty(&record).map_err(io_text)?;
    // The version and its card, then the pointer to it (the commit), then what is derived.
    write_atomic(&dir, &cat!(number, ".png"), &card)?;
    write_atomic(&dir, &cat!(number, ".json"), &bytes)?;
    kill_point("current.json", "before");
    write_atomic(&dir, "current.json", &bytes)?;
    write_derived(store, &dir, req.id, &earlier, &chart)?;
    Ok(record)
}

/// What follows from the versions and the current chart: `history.json`, `changes.html`, the
/// chart's page, its oEmbed answer (when the site's address is known) and the pages' stylesheet.
fn write_derived(
    store: &Path,
    dir: &Path,
    id: &str,
    versions: &[Version],
    chart: &Chart,
) -> Result<(), Refused> {
    let current = versions.last().map(|v| v.version).unwrap_or(0);
    let history = History {
        id: id.to_owned(),
        current,
        versions: versions.to_vec(),
    };
    let json = serde_json::to_vec_pretty(&history).map_err(io_text)?;
    write_atomic(dir, "history.json", &json)?;
    let page = page::history(chart.spec(), &history);
    write_atomic(dir, "changes.html", page.as_bytes())?;
    let site = share::site_url(store)?;
    let card = share::card_size(dir, current);
    let index = share::chart_page(chart, id, current, card, site.as_deref());
    write_atomic(dir, "index.html", index.as_bytes())?;
    if let Some(site) = site.as_deref() {
        let at = share::Address {
            id,
            pinned: None,
            version: current,
            site,
            card,
        };
        let answer = share::oembed(chart, &at, None, None);
        write_atomic(dir, "oembed.json", answer.to_string().as_bytes())?;
    }
    if read_optional(&store.join("page.css"))?.as_deref() != Some(page::CSS) {
        write_atomic(store, "page.css", page::CSS.as_bytes())?;
    }
    Ok(())
}

/// The chart's history, read from its version files.
pub fn history(store: &Path, id: &str) -> Result<History, Refused> {
    check_id(id).map_err(Refused::BadId)?;
    let dir = store.join(id);
    let current = current_number(&dir)?
        .ok_or_else(|| Refused::NoChart(cat!("no chart \"", id, "\" in this store")))?;
    Ok(History {
        id: id.to_owned(),
        current,
        versions: versions(&dir, current)?,
    })
}

/// Rewrites `history.json` and `changes.html` of every chart whose history does not end at its
/// current version (a publish cut short after its commit), and sweeps temporaries. Returns the
/// IDs repaired.
pub fn repair(store: &Path) -> Result<Vec<String>, Refused> {
    let mut repaired = Vec::new();
    let Ok(entries) = std::fs::read_dir(store) else {
        return Ok(repaired);
    };
    for entry in entries.flatten() {
        let id = entry.file_name().to_string_lossy().into_owned();
        if check_id(&id).is_err() || !entry.path().is_dir() {
            continue;
        }
        let dir = entry.path();
        let _lock = lock(&dir)?;
        sweep_temporaries(&dir);
        let Some(current) = current_number(&dir)? else {
            continue;
        };
        let listed = read_optional(&dir.join("history.json"))?
            .and_then(|t| serde_json::from_str::<History>(&t).ok())
            .map(|h| h.current);
        let page_missing = !dir.join("changes.html").exists();
        if listed != Some(current) || page_missing {
            let all = versions(&dir, current)?;
            let latest = read_chart(&dir, current)?
                .ok_or_else(|| Refused::Io(io_text("the current version is missing")))?;
            write_derived(store, &dir, &id, &all, &latest)?;
            repaired.push(id);
        }
    }
    Ok(repaired)
}
