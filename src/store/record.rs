//! A published version as the store keeps it, the chart's history, and the revision line a
//! reader sees under a corrected or updated chart.

use crate::changes::{Change, Weight};
use serde::{Deserialize, Serialize};

pub use crate::spec::MAX_NOTE_CHARS;
/// Longest publisher's name, in characters.
pub const MAX_BY_CHARS: usize = 120;

/// What a new version is, for readers: the weightiest of its changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    /// Version 1.
    First,
    /// A published figure changed or went; has a note saying what was wrong.
    Correction,
    /// New figures only.
    Update,
    /// Words only.
    Words,
}

impl Outcome {
    /// The outcome of a version with these changes (`None` if there are none).
    pub fn of(changes: &[Change]) -> Option<Outcome> {
        crate::changes::weight(changes).map(|w| match w {
            Weight::Correction => Outcome::Correction,
            Weight::Update => Outcome::Update,
            Weight::Words => Outcome::Words,
        })
    }

    /// `"first"`, `"correction"`, `"update"`, `"words"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::First => "first",
            Outcome::Correction => "correction",
            Outcome::Update => "update",
            Outcome::Words => "words",
        }
    }

    /// How a history lists it: "First published", "Corrected", …
    pub fn heading(self) -> &'static str {
        match self {
            Outcome::First => "First published",
            Outcome::Correction => "Corrected",
            Outcome::Update => "Updated",
            Outcome::Words => "Words changed",
        }
    }
}

/// One change as stored: its weight and its words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredChange {
    /// `"correction"`, `"update"` or `"words"`.
    pub kind: String,
    /// What changed.
    pub text: String,
}

impl From<&Change> for StoredChange {
    fn from(c: &Change) -> Self {
        StoredChange {
            kind: c.weight.as_str().to_owned(),
            text: c.text.clone(),
        }
    }
}

/// A version without its spec: what the history lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Version {
    /// The chart's ID.
    pub id: String,
    /// 1, 2, …
    pub version: u32,
    /// When, RFC 3339 in UTC (`2026-12-04T21:40:00Z`).
    pub published: String,
    /// The day, in words (`4 December 2026`).
    pub date: String,
    /// Who published it (the credential's name, or `--by`).
    pub by: Option<String>,
    /// First, correction, update or words.
    pub kind: Outcome,
    /// What was wrong (a correction) or what is new (an update, optional).
    pub note: Option<String>,
    /// What changed since the version before.
    pub changes: Vec<StoredChange>,
}

/// Every version of a chart, oldest first (`history.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    /// The chart's ID.
    pub id: String,
    /// The latest version's number.
    pub current: u32,
    /// Versions 1 to `current`.
    pub versions: Vec<Version>,
}

/// The line under a chart whose figures were corrected or updated (`None` for one never
/// corrected or updated): the latest correction with its note and how many came before it, and
/// an update after it, latest first: "Updated 5 December 2026. Corrected 4 December 2026: The
/// 2019-20 figure was 1,573, not 1,537 (1 earlier correction)".
pub fn revision_line(versions: &[Version]) -> Option<String> {
    let corrections: Vec<&Version> = versions
        .iter()
        .filter(|v| v.kind == Outcome::Correction)
        .collect();
    let last_correction = corrections.last().map(|v| v.version).unwrap_or(0);
    let update = versions
        .iter()
        .rev()
        .find(|v| v.kind == Outcome::Update && v.version > last_correction);
    let mut parts = Vec::new();
    if let Some(u) = update {
        parts.push(match u.note.as_deref() {
            Some(n) => cat!("Updated ", u.date, ": ", n.trim_end_matches('.')),
            None => cat!("Updated ", u.date),
        });
    }
    if let Some(c) = corrections.last() {
        let mut line = cat!(
            "Corrected ",
            c.date,
            ": ",
            c.note.as_deref().unwrap_or("").trim_end_matches('.')
        );
        match corrections.len() - 1 {
            0 => {}
            1 => line.push_str(" (1 earlier correction)"),
            n => put!(&mut line; " (", n, " earlier corrections)"),
        }
        parts.push(line);
    }
    (!parts.is_empty()).then(|| crate::text::join(&parts, ". "))
}

/// `4 December 2026` and `2026-12-04T21:40:00Z` for `t`.
pub fn dates(t: time::OffsetDateTime) -> (String, String) {
    let t = t.to_offset(time::UtcOffset::UTC);
    let words = cat!(
        t.day(),
        " ",
        t.month().to_string(),
        " ",
        t.year().unsigned_abs()
    );
    let stamp = t
        .replace_nanosecond(0)
        .unwrap_or(t)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    (words, stamp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(version: u32, kind: Outcome, date: &str, note: Option<&str>) -> Version {
        Version {
            id: "x".into(),
            version,
            published: String::new(),
            date: date.into(),
            by: None,
            kind,
            note: note.map(Into::into),
            changes: vec![],
        }
    }

    #[test]
    fn the_line_says_the_latest_correction_and_counts_the_earlier() {
        let first = v(1, Outcome::First, "1 December 2026", None);
        assert_eq!(revision_line(std::slice::from_ref(&first)), None);
        let words = v(2, Outcome::Words, "2 December 2026", None);
        assert_eq!(revision_line(&[first.clone(), words.clone()]), None);
        let fix = v(
            3,
            Outcome::Correction,
            "4 December 2026",
            Some("It was 1,573, not 1,537."),
        );
        let mut all = vec![first, words, fix];
        assert_eq!(
            revision_line(&all).as_deref(),
            Some("Corrected 4 December 2026: It was 1,573, not 1,537")
        );
        all.push(v(4, Outcome::Update, "5 December 2026", None));
        assert_eq!(
            revision_line(&all).as_deref(),
            Some("Updated 5 December 2026. Corrected 4 December 2026: It was 1,573, not 1,537")
        );
        all.push(v(
            5,
            Outcome::Correction,
            "6 December 2026",
            Some("Another"),
        ));
        assert_eq!(
            revision_line(&all).as_deref(),
            Some("Corrected 6 December 2026: Another (1 earlier correction)")
        );
        let only_update = [
            v(1, Outcome::First, "1 December 2026", None),
            v(2, Outcome::Update, "3 December 2026", Some("2020/21 added")),
        ];
        assert_eq!(
            revision_line(&only_update).as_deref(),
            Some("Updated 3 December 2026: 2020/21 added")
        );
    }

    #[test]
    fn dates_in_words_and_rfc_3339() {
        let t = time::OffsetDateTime::from_unix_timestamp(1_796_418_000).unwrap();
        assert_eq!(
            dates(t),
            ("4 December 2026".into(), "2026-12-04T21:00:00Z".into())
        );
    }
}
