//! Documented limits on a spec (see `docs/spec.md`): past any of them the spec is refused with a
//! message, never drawn slowly or truncated silently.

/// Largest spec text accepted, in bytes (32 MiB: a million-point trend fits).
pub const MAX_SPEC_BYTES: usize = 32 * 1024 * 1024;
/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 200;
/// Longest subtitle, note, source name or quote, in characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// Longest period label, series name, category label or unit, in characters.
pub const MAX_LABEL_CHARS: usize = 120;
/// Longest revision line (a correction's note with its date and count), in characters.
pub const MAX_REVISION_CHARS: usize = 700;
/// Longest source URL, in characters.
pub const MAX_URL_CHARS: usize = 2000;
/// Longest published chart's ID, in characters (the store's rule; here as every limit is).
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_ID_CHARS: usize = 80;
/// Longest correction or update note of a published version, in characters.
#[cfg(not(target_arch = "wasm32"))]
pub const MAX_NOTE_CHARS: usize = 300;
/// Most notes.
pub const MAX_NOTES: usize = 10;
/// Most breaks in series (periods with a `break`).
pub const MAX_BREAKS: usize = 10;
/// Most annotations.
pub const MAX_ANNOTATIONS: usize = 10;
/// Most sources.
pub const MAX_SOURCES: usize = 10;
/// Most series in a trend.
pub const MAX_SERIES: usize = 12;
/// Most periods in a trend.
pub const MAX_PERIODS: usize = 1_000_000;
/// Most figures in a trend, all series together.
pub const MAX_POINTS: usize = 1_000_000;
/// Most categories in a rate chart.
pub const MAX_CATEGORIES: usize = 30;
/// Largest figure: above 2^53 whole numbers are no longer exact in JSON or JavaScript.
pub const MAX_VALUE: f64 = 9_007_199_254_740_991.0;
