//! The words around a number that say what it is: hedges ("nearly", "more than"), changes
//! ("an increase of", "down", "a 16% decrease"), labels ("Group 1"), phone lines ("call 101"),
//! years, ages, and whether a length of time is measured ("an average of 11 seconds") or only
//! marks a period ("the past 12 months").

use super::Bound;

/// Hedges before a figure, longest first where one ends another ("just over" before "over").
pub const HEDGES: [(&str, Bound); 27] = [
    ("an estimated", Bound::Approximate),
    ("estimated", Bound::Approximate),
    ("approximately", Bound::Approximate),
    ("roughly", Bound::Approximate),
    ("nearly", Bound::Approximate),
    ("almost", Bound::Approximate),
    ("about", Bound::Approximate),
    ("around", Bound::Approximate),
    ("close to", Bound::Approximate),
    ("some", Bound::Approximate),
    ("just over", Bound::AtLeast),
    ("more than", Bound::AtLeast),
    ("in excess of", Bound::AtLeast),
    ("upwards of", Bound::AtLeast),
    ("no fewer than", Bound::AtLeast),
    ("over", Bound::AtLeast),
    ("above", Bound::AtLeast),
    ("at least", Bound::AtLeast),
    ("just under", Bound::AtMost),
    ("no more than", Bound::AtMost),
    ("less than", Bound::AtMost),
    ("fewer than", Bound::AtMost),
    ("under", Bound::AtMost),
    ("below", Bound::AtMost),
    ("up to", Bound::AtMost),
    ("at most", Bound::AtMost),
    ("between", Bound::Approximate),
];

/// Hedges after a figure: "0.02 seconds or less".
pub const HEDGES_AFTER: [(&str, Bound); 7] = [
    (" or more", Bound::AtLeast),
    (" or over", Bound::AtLeast),
    (" or above", Bound::AtLeast),
    (" or less", Bound::AtMost),
    (" or fewer", Bound::AtMost),
    (" or under", Bound::AtMost),
    (" or below", Bound::AtMost),
];

/// Words just before a figure that make it a change, with its direction.
pub const CHANGE_BEFORE: [(&str, f64); 38] = [
    ("increase of", 1.0),
    ("increases of", 1.0),
    ("rise of", 1.0),
    ("rises of", 1.0),
    ("growth of", 1.0),
    ("decrease of", -1.0),
    ("decreases of", -1.0),
    ("fall of", -1.0),
    ("falls of", -1.0),
    ("drop of", -1.0),
    ("reduction of", -1.0),
    ("reductions of", -1.0),
    ("decline of", -1.0),
    ("cut of", -1.0),
    ("went up by", 1.0),
    ("went down by", -1.0),
    ("up by", 1.0),
    ("down by", -1.0),
    ("increased by", 1.0),
    ("decreased by", -1.0),
    ("rose by", 1.0),
    ("risen by", 1.0),
    ("grew by", 1.0),
    ("grown by", 1.0),
    ("fell by", -1.0),
    ("fallen by", -1.0),
    ("dropped by", -1.0),
    ("reduced by", -1.0),
    ("declined by", -1.0),
    ("cut by", -1.0),
    ("improved by", 1.0),
    ("increase", 1.0),
    ("rise", 1.0),
    ("decrease", -1.0),
    ("fall", -1.0),
    ("drop", -1.0),
    ("up", 1.0),
    ("down", -1.0),
];

/// Verbs that, a few words before "by", make the figure after it a change ("fell slightly, by
/// less than one per cent").
pub const CHANGE_VERBS: [(&str, f64); 24] = [
    ("increased", 1.0),
    ("increasing", 1.0),
    ("rose", 1.0),
    ("rising", 1.0),
    ("risen", 1.0),
    ("grew", 1.0),
    ("grown", 1.0),
    ("growing", 1.0),
    ("improved", 1.0),
    ("up", 1.0),
    ("decreased", -1.0),
    ("decreasing", -1.0),
    ("fell", -1.0),
    ("falling", -1.0),
    ("fallen", -1.0),
    ("dropped", -1.0),
    ("dropping", -1.0),
    ("reduced", -1.0),
    ("reducing", -1.0),
    ("declined", -1.0),
    ("declining", -1.0),
    ("cut", -1.0),
    ("down", -1.0),
    ("lower", -1.0),
];

/// Words between a change's words and its figure that leave it a change: "reduced by a
/// further 3,000".
pub const CHANGE_FILLERS: [&str; 5] = ["a further", "another", "an additional", "an extra", "a"];

/// Words just after a figure that make it a change: "a 16% decrease", "3,000 fewer", "2.5 per
/// cent down on".
pub const CHANGE_AFTER: [(&str, f64); 20] = [
    ("increase", 1.0),
    ("increases", 1.0),
    ("rise", 1.0),
    ("rises", 1.0),
    ("more", 1.0),
    ("higher", 1.0),
    ("up", 1.0),
    ("growth", 1.0),
    ("decrease", -1.0),
    ("decreases", -1.0),
    ("fall", -1.0),
    ("falls", -1.0),
    ("drop", -1.0),
    ("drops", -1.0),
    ("reduction", -1.0),
    ("reductions", -1.0),
    ("fewer", -1.0),
    ("less", -1.0),
    ("lower", -1.0),
    ("down", -1.0),
];

/// Words before a number that make it a label, not a figure ("Group 1-5", "Report: 10").
pub const LABELS: [&str; 37] = [
    "group",
    "groups",
    "section",
    "sections",
    "article",
    "part",
    "chapter",
    "page",
    "pages",
    "paragraph",
    "para",
    "clause",
    "stage",
    "level",
    "phase",
    "table",
    "tables",
    "tier",
    "quarter",
    "report",
    "item",
    "annex",
    "appendix",
    "outcome",
    "chart",
    "figure",
    "note",
    "footnote",
    "year",
    "week",
    "wave",
    "schedule",
    "rule",
    "question",
    "step",
    "version",
    "act",
];

/// Capitalised words a figure may follow without being a name's number: hedges, determiners,
/// prepositions, sentence openers ("Nearly 1600", "Of 98").
pub const CAPITAL_OPENERS: [&str; 64] = [
    "the",
    "a",
    "an",
    "some",
    "only",
    "just",
    "another",
    "these",
    "those",
    "all",
    "of",
    "in",
    "on",
    "at",
    "with",
    "and",
    "but",
    "so",
    "for",
    "from",
    "to",
    "by",
    "between",
    "since",
    "until",
    "overall",
    "total",
    "there",
    "nearly",
    "almost",
    "around",
    "about",
    "over",
    "under",
    "more",
    "less",
    "fewer",
    "approximately",
    "roughly",
    "estimated",
    "up",
    "down",
    "each",
    "every",
    "today",
    "yesterday",
    "now",
    "also",
    "however",
    "meanwhile",
    "altogether",
    "currently",
    "recently",
    "we",
    "they",
    "it",
    "this",
    "that",
    "while",
    "although",
    "when",
    "where",
    "after",
    "before",
];

/// Words shortly before a number that make it a phone number ("call 101", "Ext. 24135").
pub const PHONE_WORDS: [&str; 12] = [
    "call",
    "calling",
    "phone",
    "ring",
    "dial",
    "helpline",
    "ext",
    "tel",
    "telephone",
    "textphone",
    "freephone",
    "fax",
];

/// The UK's short phone lines, numbers that name a service ("999 calls", "the 101 number").
pub const SHORT_LINES: [f64; 4] = [999.0, 101.0, 111.0, 112.0];

/// Words before a short line that make it the line, not a count ("calls to 999", "the 101").
pub const LINE_BEFORE: [&str; 15] = [
    "the", "a", "an", "to", "on", "via", "call", "calls", "calling", "dial", "ring", "both", "or",
    "and", "our",
];

/// Words before a year that make it a date ("in 2010", "between April 2019 and", "the 2015
/// campaign").
pub const BEFORE_YEARS: [&str; 17] = [
    "in", "since", "from", "to", "until", "between", "and", "year", "the", "this", "that", "its",
    "their", "our", "last", "next", "during",
];

/// Words after a year that keep it a year ("2010 and", "2019 saw").
pub const AFTER_YEARS: [&str; 16] = [
    "and", "to", "or", "onwards", "the", "was", "were", "is", "saw", "when", "compared", "with",
    "as", "at", "in", "figures",
];

/// Month names, lower case, and their short forms: a day number next to one is a date.
pub const MONTHS: [&str; 23] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
];

pub fn is_month(w: &str) -> bool {
    MONTHS.contains(&w) || w == "dec"
}

/// Nouns after a short quotation that make it a name: "the ‘Every 9 minutes’ campaign".
pub const NAME_NOUNS: [&str; 16] = [
    "campaign",
    "initiative",
    "scheme",
    "operation",
    "report",
    "programme",
    "program",
    "strategy",
    "plan",
    "project",
    "film",
    "advert",
    "slogan",
    "message",
    "pledge",
    "policy",
];

/// Units of time, singular and plural, with their length in seconds.
pub const TIME_UNITS: [(&str, f64); 20] = [
    ("seconds", 1.0),
    ("second", 1.0),
    ("secs", 1.0),
    ("sec", 1.0),
    ("minutes", 60.0),
    ("minute", 60.0),
    ("mins", 60.0),
    ("min", 60.0),
    ("hours", 3600.0),
    ("hour", 3600.0),
    ("hrs", 3600.0),
    ("days", 86_400.0),
    ("day", 86_400.0),
    ("weeks", 604_800.0),
    ("week", 604_800.0),
    ("months", 2_629_800.0),
    ("month", 2_629_800.0),
    ("years", 31_557_600.0),
    ("year", 31_557_600.0),
    ("yrs", 31_557_600.0),
];

/// Words a few before a length of time that say it was measured: "an average of 11 seconds",
/// "the longest wait was 78 minutes", "a call every 3 seconds".
pub const MEASURED_BEFORE: [&str; 16] = [
    "average", "median", "mean", "took", "taken", "wait", "waited", "waiting", "every", "just",
    "only", "was", "were", "longest", "shortest", "time",
];

/// Words just before a length of time that make it a period or a threshold, not a figure:
/// "for four weeks", "the past 12 months", "within three minutes", "under 10 seconds".
pub const WINDOW_BEFORE: [&str; 15] = [
    "for",
    "over",
    "within",
    "under",
    "during",
    "past",
    "last",
    "previous",
    "next",
    "first",
    "corresponding",
    "after",
    "before",
    "since",
    "initial",
];

/// Words just after a length of time that say it was measured: "an 8-second wait", "12 days of
/// extremely high demand".
pub const MEASURED_AFTER: [&str; 7] = [
    "wait", "waits", "delay", "delays", "answer", "response", "of",
];

/// Whether `w` looks like a plural noun ("motorists"), not a verb or a function word ("was").
pub fn is_plural_noun(w: &str) -> bool {
    const NOT: [&str; 14] = [
        "was", "has", "is", "this", "its", "his", "as", "us", "thus", "plus", "across", "less",
        "does", "yes",
    ];
    w.len() > 3
        && w.ends_with('s')
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !NOT.contains(&w)
}
