//! The figures of one sentence: numbers in digits or in words, with their thousands separators,
//! decimals, signs, currency, scale ("7.1 million"), unit (per cent, percentage points, seconds
//! to years), hedge, range ("between 24 and 26 per cent") or ratio ("one in five"), and whether
//! they are a change ("down 0.4 per cent", "(-6.8%)"). Numbers that name or locate something
//! are left out (see [`crate::release`]).

use super::cues::{
    is_month, is_plural_noun, AFTER_YEARS, BEFORE_YEARS, CAPITAL_OPENERS, CHANGE_AFTER,
    CHANGE_BEFORE, CHANGE_FILLERS, CHANGE_VERBS, HEDGES, HEDGES_AFTER, LABELS, LINE_BEFORE,
    MEASURED_AFTER, MEASURED_BEFORE, NAME_NOUNS, PHONE_WORDS, SHORT_LINES, TIME_UNITS,
    WINDOW_BEFORE,
};
use super::words::{cardinal, fraction, round1};
use super::{Bound, FigureKind, Unit};

/// A figure in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Byte offset where the figure as written starts: its hedge, sign or currency included.
    pub start: usize,
    /// Byte offset where it ends: its unit and any hedge after it ("or less") included.
    pub end: usize,
    /// Its value: signed for a change (a fall is negative), in its unit, scale applied.
    pub value: f64,
    pub kind: FigureKind,
    pub unit: Unit,
    /// Byte range of its hedge, if any.
    pub hedge: Option<(usize, usize)>,
    pub bound: Bound,
    /// The ends of a range ("between 24 and 26 per cent"); its value is their middle.
    pub range: Option<(f64, f64)>,
}

/// A number as read, before deciding whether it is a figure.
#[derive(Debug, Clone, Copy)]
struct Read {
    /// Where it starts: its sign or currency included.
    start: usize,
    /// Where its digits or words end.
    end: usize,
    value: f64,
    /// -1 after a minus sign written before it.
    sign: f64,
    signed: bool,
    words: bool,
    /// A share in words ("a third"), its value in per cent.
    share: bool,
    whole: bool,
    /// Written with a thousands separator.
    grouped: bool,
    /// How many digits (0 for words).
    len: usize,
    leading_zero: bool,
    currency: Option<Unit>,
}

/// What follows a number: its scale, unit and where they end.
#[derive(Debug, Clone, Copy)]
struct Suffix {
    end: usize,
    mult: f64,
    unit: Unit,
    /// The unit is joined by a hyphen: "an 8-second wait".
    hyphen: bool,
}

impl Suffix {
    fn bare(&self) -> bool {
        self.unit == Unit::None && self.mult == 1.0
    }
}

/// The figures of `sentence`, in order. `starts_line`: the sentence starts a line of the
/// release (so a number at its start may be a list's number).
pub fn numbers(sentence: &str, starts_line: bool) -> Vec<Number> {
    let s = sentence;
    let mut out: Vec<Number> = Vec::new();
    let mut k = 0; // byte offset
    let mut phone_end: Option<usize> = None;
    let mut label_end: Option<usize> = None;
    let first_word = s
        .char_indices()
        .find(|&(_, c)| c.is_alphanumeric())
        .map(|(i, _)| i);
    while k < s.len() {
        let Some(c) = char_at(s, k) else { break };
        let prev = char_before(s, k);
        let step = k + c.len_utf8();
        let read = if c.is_ascii_digit() && !prev.is_some_and(|p| p.is_alphanumeric() || p == '.') {
            read_digits(s, k)
        } else if c.is_alphabetic() && !prev.is_some_and(|p| p.is_alphabetic() || "-'’".contains(p))
        {
            read_words(s, k)
        } else {
            None
        };
        let Some(read) = read else {
            k = step;
            continue;
        };
        let ctx = Context {
            s,
            starts_line,
            first_word,
            phone_end,
            label_end,
            last: out.last().cloned(),
        };
        match classify(&ctx, &read) {
            Verdict::Figure(n) => {
                k = n.end.max(read.end);
                out.push(n);
            }
            Verdict::Phone => {
                phone_end = Some(read.end);
                k = read.end;
            }
            Verdict::Label => {
                label_end = Some(read.end);
                k = read.end;
            }
            Verdict::Skip(end) => k = end.max(step),
        }
    }
    out
}

enum Verdict {
    Figure(Number),
    Phone,
    Label,
    /// Not a figure; go on from this byte.
    Skip(usize),
}

struct Context<'a> {
    s: &'a str,
    starts_line: bool,
    first_word: Option<usize>,
    phone_end: Option<usize>,
    label_end: Option<usize>,
    last: Option<Number>,
}

fn char_at(s: &str, at: usize) -> Option<char> {
    s.get(at..)?.chars().next()
}

fn char_before(s: &str, at: usize) -> Option<char> {
    s.get(..at)?.chars().next_back()
}

/// The alphanumeric run before byte `at`: (its start, its text, what lies between it and
/// `at`).
fn prev_token(s: &str, at: usize) -> Option<(usize, &str, &str)> {
    let head = s.get(..at)?;
    let end = head.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    let body = head.get(..end)?;
    let start = body.trim_end_matches(char::is_alphanumeric).len();
    Some((start, body.get(start..)?, head.get(end..)?)).filter(|(_, t, _)| !t.is_empty())
}

/// The alphanumeric run after byte `at`: (its start, its text, what lies between).
fn next_token(s: &str, at: usize) -> Option<(usize, &str, &str)> {
    let tail = s.get(at..)?;
    let gap = tail.len()
        - tail
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .len();
    let rest = tail.get(gap..)?;
    let len = rest.len() - rest.trim_start_matches(char::is_alphanumeric).len();
    Some((at + gap, rest.get(..len)?, tail.get(..gap)?)).filter(|(_, t, _)| !t.is_empty())
}

/// The words before byte `at`, nearest first, lower case (at most `n`).
pub fn words_before(s: &str, at: usize, n: usize) -> Vec<String> {
    s.get(..at)
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .filter(|w| !w.is_empty())
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// The word after byte `at`, lower case, if only spaces come between.
fn word_after(s: &str, at: usize) -> Option<String> {
    let (_, t, gap) = next_token(s, at)?;
    (gap.chars().all(|c| c == ' ')).then(|| t.to_lowercase())
}

/// Whether `text` (lower case) starts with `word` followed by no letter or digit.
fn starts_word(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|t| t.eq_ignore_ascii_case(word))
        && !text
            .get(word.len()..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_alphanumeric)
}

/// Digits at byte `k`: with thousands separators, a decimal part, a sign or currency before.
fn read_digits(s: &str, k: usize) -> Option<Read> {
    let mut text = String::new();
    let mut i = k;
    let mut grouped = false;
    let bytes = s.as_bytes();
    let digit = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_digit);
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_digit() {
            text.push(b as char);
        } else if b == b','
            && (1..=3).all(|j| digit(i + j))
            && !digit(i + 4)
            && !text.contains('.')
            && (text.len() <= 3 || grouped)
        {
            grouped = true;
        } else if b == b'.' && digit(i + 1) && !text.contains('.') {
            text.push('.');
        } else {
            break;
        }
        i += 1;
    }
    let value: f64 = text.parse().ok()?;
    let mut start = k;
    let mut sign = 1.0;
    let mut signed = false;
    if let Some(p) = char_before(s, k).filter(|p| "-–−+".contains(*p)) {
        let at = k - p.len_utf8();
        let before = char_before(s, at);
        if before.is_none_or(|b| b.is_whitespace() || b == '(') {
            start = at;
            signed = true;
            if p != '+' {
                sign = -1.0;
            }
        }
    }
    let currency = match char_before(s, start) {
        Some('£') => Some(Unit::Pound),
        Some('$') => Some(Unit::Dollar),
        Some('€') => Some(Unit::Euro),
        _ => None,
    };
    if currency.is_some() {
        start -= char_before(s, start).map_or(0, char::len_utf8);
    }
    Some(Read {
        start,
        end: i,
        value,
        sign,
        signed,
        words: false,
        share: false,
        whole: !text.contains('.'),
        grouped,
        len: text.len(),
        leading_zero: text.starts_with('0') && text.len() > 1 && !text.starts_with("0."),
        currency,
    })
}

/// A number in words at byte `k`: a cardinal ("twelve", "one and half million") or a fraction
/// ("a third", "two-thirds", "half").
fn read_words(s: &str, k: usize) -> Option<Read> {
    let (end, value, share) = match fraction(s, k) {
        Some((end, value)) => (end, value, true),
        None => cardinal(s, k).map(|(end, value, _)| (end, value, false))?,
    };
    Some(Read {
        start: k,
        end,
        value,
        sign: 1.0,
        signed: false,
        words: true,
        share,
        whole: value.fract() == 0.0,
        grouped: false,
        len: 0,
        leading_zero: false,
        currency: None,
    })
}

/// The scale and unit after a number ending at byte `end`.
fn suffix(s: &str, r: &Read) -> Suffix {
    let mut out = Suffix {
        end: r.end,
        mult: 1.0,
        unit: r.currency.unwrap_or(Unit::None),
        hyphen: false,
    };
    let rest = |at: usize| s.get(at..).unwrap_or("");
    // Money's k, m, bn, joined.
    if r.currency.is_some() && !r.words {
        for (w, m) in [("bn", 1e9), ("k", 1e3), ("m", 1e6)] {
            if starts_word(rest(out.end), w) {
                out.mult = m;
                out.end += w.len();
            }
        }
    }
    // A scale in words: "7.1 million".
    if !r.words {
        for (w, m) in [(" million", 1e6), (" billion", 1e9), (" thousand", 1e3)] {
            if starts_word(rest(out.end), w) {
                out.mult = m;
                out.end += w.len();
            }
        }
    }
    if r.currency.is_some() {
        return out;
    }
    for (w, unit) in [
        (" percentage points", Unit::Points),
        (" percentage point", Unit::Points),
        ("pp", Unit::Points),
        ("%", Unit::Percent),
        (" %", Unit::Percent),
        (" per cent", Unit::Percent),
        (" percent", Unit::Percent),
    ] {
        let r = rest(out.end);
        let follows = r.get(..w.len()).is_some_and(|t| t.eq_ignore_ascii_case(w));
        let ends = !r
            .get(w.len()..)
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_alphanumeric);
        if follows && (ends || w == "%") {
            out.unit = unit;
            out.end += w.len();
            return out;
        }
    }
    // A unit of time, after a space or a hyphen.
    let r = rest(out.end);
    for (sep, hyphen) in [(" ", false), ("-", true)] {
        if let Some(t) = r.strip_prefix(sep) {
            if let Some((w, _)) = TIME_UNITS.iter().find(|(w, _)| starts_word(t, w)) {
                out.unit = time_unit(w);
                out.end += sep.len() + w.len();
                out.hyphen = hyphen;
                return out;
            }
        }
    }
    out
}

fn time_unit(w: &str) -> Unit {
    match w.trim_end_matches('s') {
        "second" | "sec" => Unit::Seconds,
        "minute" | "min" => Unit::Minutes,
        "hour" | "hr" => Unit::Hours,
        "day" => Unit::Days,
        "week" => Unit::Weeks,
        "month" => Unit::Months,
        _ => Unit::Years,
    }
}

fn seconds(unit: Unit) -> f64 {
    match unit {
        Unit::Seconds => 1.0,
        Unit::Minutes => 60.0,
        Unit::Hours => 3600.0,
        _ => 0.0,
    }
}

/// A number in digits or words at byte `at` (for the second half of a range, ratio or length
/// of time): (its end, its value, in words).
fn number_at(s: &str, at: usize) -> Option<(usize, f64)> {
    let c = char_at(s, at)?;
    let r = if c.is_ascii_digit() {
        read_digits(s, at)?
    } else {
        let (end, value, _) = cardinal(s, at)?;
        Read {
            end,
            value,
            share: false,
            ..read_words(s, at)?
        }
    };
    Some((r.end, r.value))
}

/// "4 minutes and 10 seconds", "four minutes, fourteen seconds", "1 minute 30 seconds": the
/// smaller parts after a length of time in `unit` ending at `end`. Returns (end, value in the
/// smallest unit, that unit).
fn more_time(s: &str, end: usize, unit: Unit, value: f64) -> (usize, f64, Unit) {
    let (mut end, mut unit, mut total) = (end, unit, value);
    while seconds(unit) > 1.0 {
        let rest = s.get(end..).unwrap_or("");
        let skip = [", and ", " and ", ", ", " "]
            .iter()
            .find(|g| rest.starts_with(**g))
            .map_or(0, |g| g.len());
        if skip == 0 {
            break;
        }
        let Some((n_end, n)) = number_at(s, end + skip) else {
            break;
        };
        let tail = s.get(n_end..).unwrap_or("");
        let Some(t) = tail.strip_prefix(' ') else {
            break;
        };
        let Some((w, _)) = TIME_UNITS.iter().find(|(w, _)| starts_word(t, w)) else {
            break;
        };
        let next = time_unit(w);
        if seconds(next) == 0.0 || seconds(next) >= seconds(unit) {
            break;
        }
        total = total * seconds(unit) / seconds(next) + n;
        unit = next;
        end = n_end + 1 + w.len();
    }
    (end, total, unit)
}

/// The hedge ending just before byte `at`: (where it starts, its bound).
fn hedge_before(s: &str, at: usize) -> Option<(usize, Bound)> {
    let before = s.get(..at)?;
    let trimmed = before.trim_end();
    if trimmed.len() == before.len() && !before.is_empty() {
        return None; // no space between: not a hedge
    }
    let lower = trimmed.to_ascii_lowercase();
    HEDGES.iter().find_map(|&(word, bound)| {
        let from = lower.len().checked_sub(word.len())?;
        let whole = lower.ends_with(word)
            && !lower
                .get(..from)
                .and_then(|b| b.chars().next_back())
                .is_some_and(char::is_alphanumeric);
        whole.then_some((from, bound))
    })
}

/// The direction of a change said by the words before byte `at`: +1, -1, or none.
fn change_before(s: &str, at: usize) -> Option<f64> {
    let mut before = s.get(..at)?.trim_end().to_ascii_lowercase();
    let filler = |b: &str| {
        CHANGE_FILLERS.iter().find_map(|f| {
            let rest = b.strip_suffix(f)?;
            rest.ends_with(' ').then(|| rest.trim_end().len())
        })
    };
    while let Some(len) = filler(&before) {
        before.truncate(len);
    }
    let ends = |phrase: &str| {
        before.ends_with(phrase)
            && !before
                .get(..before.len() - phrase.len())
                .and_then(|b| b.chars().next_back())
                .is_some_and(char::is_alphanumeric)
    };
    if let Some(&(_, d)) = CHANGE_BEFORE.iter().find(|(p, _)| ends(p)) {
        return Some(d);
    }
    if ends("by") {
        let words = words_before(&before, before.len() - 2, 5);
        return words
            .iter()
            .find_map(|w| CHANGE_VERBS.iter().find(|(v, _)| v == w).map(|&(_, d)| d));
    }
    None
}

/// The direction of a change said by the word after byte `at`.
fn change_after(s: &str, at: usize) -> Option<f64> {
    let w = word_after(s, at)?;
    // Not the first half of a compound: "5,000 higher-risk offenders".
    let (start, _, _) = next_token(s, at)?;
    if char_at(s, start + w.len()) == Some('-') {
        return None;
    }
    CHANGE_AFTER.iter().find(|(c, _)| *c == w).map(|&(_, d)| d)
}

/// Whether the number `r` is at the start of a line: nothing but white space or a bullet
/// before it on its line.
fn at_line_start(ctx: &Context, at: usize) -> bool {
    let head = ctx.s.get(..at).unwrap_or("");
    let line = head.rsplit('\n').next().unwrap_or("");
    let blank = line
        .chars()
        .all(|c| c.is_whitespace() || "•-*–".contains(c));
    blank && (head.contains('\n') || ctx.starts_line)
}

/// Whether the number at `at..end` stands inside a short quoted name: "the ‘Every 9 minutes’
/// campaign".
fn in_quoted_name(s: &str, at: usize, end: usize) -> bool {
    let head = s.get(..at).unwrap_or("");
    let Some(open) = head.rfind(['‘', '“']) else {
        return false;
    };
    let tail = s.get(end..).unwrap_or("");
    let Some(close) = tail.find(['’', '”']) else {
        return false;
    };
    let inside = format!(
        "{}{}",
        head.get(open..).unwrap_or(""),
        tail.get(..close).unwrap_or("")
    );
    let after = word_after(tail, close + char_at(tail, close).map_or(0, char::len_utf8));
    inside.split_whitespace().count() <= 5
        && !inside.contains(['’', '”', '\n'])
        && after.is_some_and(|w| NAME_NOUNS.contains(&w.as_str()))
}

/// Decides whether `r` is a figure, and which.
fn classify(ctx: &Context, r: &Read) -> Verdict {
    let s = ctx.s;
    if r.words {
        return words_figure(ctx, r).map_or(Verdict::Skip(r.end), Verdict::Figure);
    }
    let next = char_at(s, r.end);
    let prev = char_before(s, r.start);
    // Glued to a name, a hashtag, a range or a period: "#StopItNow2", "COVID-19", "1-5",
    // "2018/19", "24/7"; the time of day "10:30".
    let hyphen_unit = next == Some('-')
        && s.get(r.end + 1..)
            .is_some_and(|t| TIME_UNITS.iter().any(|(w, _)| starts_word(t, w)));
    let glued = matches!(prev, Some('#' | '/' | '-' | '–' | '\'' | '_'))
        || matches!(next, Some('/' | '#' | '_'))
        || (next == Some('-') && !hyphen_unit)
        || (next == Some(':')
            && s.get(r.end + 1..)
                .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit())));
    if glued && !r.signed {
        return Verdict::Skip(r.end);
    }
    let sfx = suffix(s, r);
    // Letters joined on: an ordinal ("3rd", "1st") or a code ("4G", "BT6 9LD", "1a").
    if char_at(s, sfx.end).is_some_and(char::is_alphanumeric) {
        return Verdict::Skip(sfx.end);
    }
    let bare = sfx.bare() && !r.signed;
    let (_, ptext, pgap) = prev_token(s, r.start).unwrap_or((0, "", ""));
    let plower = ptext.to_lowercase();
    let ntoken = next_token(s, sfx.end);
    // Phone numbers: "0808 1000 900", "Ext. 24135", "call 101", "999 calls".
    let after_phone = ctx
        .phone_end
        .and_then(|e| s.get(e..r.start))
        .is_some_and(|gap| matches!(gap.trim(), "" | "or" | "/" | ","));
    let phone_word = words_before(s, r.start, 2)
        .iter()
        .any(|w| PHONE_WORDS.contains(&w.as_str()));
    let short_line = bare && SHORT_LINES.contains(&r.value) && r.len == 3 && {
        let counted = ntoken.is_some_and(|(_, t, gap)| {
            gap == " "
                && is_plural_noun(t)
                && ![
                    "calls",
                    "lines",
                    "numbers",
                    "services",
                    "operators",
                    "handlers",
                ]
                .contains(&t)
        });
        !counted || LINE_BEFORE.contains(&plower.as_str())
    };
    if bare && ((r.leading_zero && r.len >= 3) || after_phone || phone_word || short_line) {
        return Verdict::Phone;
    }
    // A footnote's mark: "[5]".
    if prev == Some('[') && next == Some(']') {
        return Verdict::Skip(r.end);
    }
    // Numbers of a list, a page or a table: "1. Main points", "3.1 The statistics", "levels. 0",
    // "release 2 2. What".
    let line_start = at_line_start(ctx, r.start);
    let capital_next = ntoken.is_some_and(|(_, t, gap)| {
        gap == " " && t.starts_with(char::is_uppercase) && t != "I" && !is_month(&t.to_lowercase())
    });
    let marker = matches!(next, Some('.' | ')'))
        && s.get(r.end + 1..)
            .is_some_and(|t| t.is_empty() || t.starts_with(char::is_whitespace));
    if bare && line_start && (marker || capital_next) {
        return Verdict::Skip(r.end);
    }
    let line_rest = s
        .get(r.end..)
        .unwrap_or("")
        .split('\n')
        .next()
        .unwrap_or("");
    let ends_line = line_rest.trim().is_empty();
    let after_stop = s
        .get(..r.start)
        .map(str::trim_end)
        .is_some_and(|h| h.ends_with(['.', '?', '!']));
    if bare && !r.grouped && ends_line && (after_stop || line_start) {
        return Verdict::Skip(r.end);
    }
    let adjacent = |t: Option<&str>| t.is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    if bare
        && (adjacent(s.get(r.end..).and_then(|t| t.strip_prefix(' ')))
            || s.get(..r.start)
                .and_then(|h| h.strip_suffix(' '))
                .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit())))
    {
        return Verdict::Skip(r.end);
    }
    // Labels: "Group 1", "Report: 10", "Quarter 3 Management", "Lisnasharragh 42 Montgomery",
    // "Groups 1 to 5".
    let after_label = ctx
        .label_end
        .and_then(|e| s.get(e..r.start))
        .is_some_and(|gap| {
            [" to ", " and ", "-", "–", " or ", ", ", " & ", " and/or "].contains(&gap)
        });
    let label_word = LABELS.contains(&plower.as_str()) && matches!(pgap, " " | ": " | ":");
    let capital_before = ptext.starts_with(char::is_uppercase)
        && pgap == " "
        && !CAPITAL_OPENERS.contains(&plower.as_str())
        && !is_month(&plower)
        && !ptext.chars().all(|c| c.is_ascii_digit());
    if bare && !r.grouped && (label_word || capital_before || capital_next || after_label) {
        return Verdict::Label;
    }
    // Dates and years: "18 March", "December 1, 2019", "in 2010", "2018-19".
    let month_next = ntoken.is_some_and(|(_, t, gap)| gap == " " && is_month(&t.to_lowercase()));
    let month_before = is_month(&plower) && pgap == " ";
    if bare && r.whole && (1.0..=31.0).contains(&r.value) && (month_next || month_before) {
        return Verdict::Skip(r.end);
    }
    let us_date = plower.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d)) && pgap == ", " && {
        let (_, p2, _) = prev_token(s, r.start - pgap.len() - ptext.len()).unwrap_or((0, "", ""));
        is_month(&p2.to_lowercase())
    };
    let nlower = ntoken.map(|(_, t, _)| t.to_lowercase());
    let lowercase_next =
        ntoken.is_some_and(|(_, t, gap)| gap == " " && t.starts_with(|c: char| c.is_lowercase()));
    if bare
        && r.whole
        && r.len == 4
        && !r.grouped
        && (1900.0..=2100.0).contains(&r.value)
        && (BEFORE_YEARS.contains(&plower.as_str())
            || is_month(&plower)
            || us_date
            || !lowercase_next
            || nlower.as_deref().is_some_and(|n| AFTER_YEARS.contains(&n)))
    {
        return Verdict::Skip(r.end);
    }
    // Ages and a rate's base: "aged 16 and over", "a 50-year-old", "per 10,000 population".
    let rest = s.get(r.end..).unwrap_or("");
    if ["aged", "age", "ages", "per"].contains(&plower.as_str())
        || [
            "-year-old",
            "-years-old",
            " year old",
            " years old",
            "-year-olds",
        ]
        .iter()
        .any(|a| rest.starts_with(a))
    {
        return Verdict::Skip(r.end);
    }
    if in_quoted_name(s, r.start, sfx.end) {
        return Verdict::Skip(sfx.end);
    }
    figure(ctx, r, sfx)
}

/// A number in words: a figure only as a ratio ("nine in ten"), a share ("a third of",
/// "almost half"), with a unit ("one per cent", "one and half million"), as a measured length
/// of time ("twelve days of summer"), or as a count opening a sentence ("Forty-three forces").
fn words_figure(ctx: &Context, r: &Read) -> Option<Number> {
    let s = ctx.s;
    let sfx = suffix(s, r);
    let rest = s.get(r.end..).unwrap_or("");
    let text = s.get(r.start..r.end).unwrap_or("").to_lowercase();
    if r.share {
        let prev = words_before(s, r.start, 1);
        let prev = prev.first().map(String::as_str);
        let hedged = hedge_before(s, r.start).is_some();
        let by = change_before(s, r.start).is_some();
        let next = word_after(s, r.end);
        let next = next.as_deref();
        let half = text == "half";
        let period = half
            && prev.is_some_and(|p| {
                [
                    "the", "first", "second", "last", "latter", "former", "other", "each", "a",
                ]
                .contains(&p)
            });
        let follows = next.is_some_and(|n| {
            [
                "of", "were", "was", "are", "is", "had", "have", "said", "reported",
            ]
            .contains(&n)
                || (half && ["the", "all"].contains(&n))
        });
        if period || !(hedged || by || follows) {
            return None;
        }
        return Some(finish(ctx, r, r.value, Unit::Percent, r.end, true));
    }
    let scaled = cardinal(s, r.start).is_some_and(|(_, _, scaled)| scaled);
    if let Some(n) = ratio(ctx, r) {
        return Some(n);
    }
    if let Some(range) = range(ctx, r, sfx) {
        return range;
    }
    if matches!(sfx.unit, Unit::Percent | Unit::Points) || scaled {
        return Some(finish(ctx, r, r.value * sfx.mult, sfx.unit, sfx.end, false));
    }
    if seconds_or_longer(sfx.unit) {
        return duration(ctx, r, sfx);
    }
    // A count opening a sentence, written in words as style asks there: "Forty-three other
    // police forces failed". Numbers under ten are in words anywhere, so left alone.
    let opens = ctx.first_word == Some(r.start) && r.value >= 10.0 && r.whole;
    let noun_next = word_after(s, r.end).is_some_and(|w| w.chars().all(char::is_lowercase));
    if opens && noun_next && !rest.starts_with('-') {
        return Some(finish(ctx, r, r.value, Unit::None, r.end, false));
    }
    None
}

fn seconds_or_longer(u: Unit) -> bool {
    matches!(
        u,
        Unit::Seconds
            | Unit::Minutes
            | Unit::Hours
            | Unit::Days
            | Unit::Weeks
            | Unit::Months
            | Unit::Years
    )
}

/// A number in digits judged to be a figure by the rules above: its kind, hedge, range or
/// ratio.
fn figure(ctx: &Context, r: &Read, sfx: Suffix) -> Verdict {
    if let Some(n) = ratio(ctx, r).filter(|_| sfx.bare()) {
        return Verdict::Figure(n);
    }
    if let Some(range) = range(ctx, r, sfx) {
        return range.map_or(Verdict::Skip(sfx.end), Verdict::Figure);
    }
    if seconds_or_longer(sfx.unit) {
        return duration(ctx, r, sfx).map_or(Verdict::Skip(sfx.end), Verdict::Figure);
    }
    let value = r.value * sfx.mult;
    Verdict::Figure(finish(ctx, r, value, sfx.unit, sfx.end, false))
}

/// "nine in ten", "1 in 15", "four out of every five": the share in per cent.
fn ratio(ctx: &Context, r: &Read) -> Option<Number> {
    let s = ctx.s;
    if !r.whole || r.value < 1.0 {
        return None;
    }
    let rest = s.get(r.end..)?;
    let gap = [" in every ", " out of every ", " out of ", " in "]
        .iter()
        .find(|g| rest.starts_with(**g))?;
    let (end, m) = number_at(s, r.end + gap.len())?;
    let year = (1900.0..=2100.0).contains(&m) && end - (r.end + gap.len()) == 4;
    let glued = char_at(s, end).is_some_and(|c| c.is_alphanumeric() || "-/%".contains(c));
    // "2 in 3 days" counts in a time, not a share.
    let timed = s
        .get(end..)
        .and_then(|t| t.strip_prefix(' '))
        .is_some_and(|t| TIME_UNITS.iter().any(|(w, _)| starts_word(t, w)));
    if year || glued || timed || m < 2.0 || m <= r.value || m.fract() != 0.0 {
        return None;
    }
    Some(finish(
        ctx,
        r,
        round1(100.0 * r.value / m),
        Unit::Percent,
        end,
        true,
    ))
}

/// "between 24 and 26 per cent", "around 58,000 to 61,000", "between 35 and 57 seconds": one
/// figure, its value the middle. `None` when `r` does not open a range; `Some(None)` when it
/// opens one that is not a figure (a period: "between two and three years after").
fn range(ctx: &Context, r: &Read, sfx: Suffix) -> Option<Option<Number>> {
    let s = ctx.s;
    let hedge = hedge_before(s, r.start);
    let between = hedge.is_some_and(|(h, _)| {
        s.get(h..r.start)
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("between"))
    });
    let join = if between { " and " } else { " to " };
    let rest = s.get(sfx.end..)?;
    if !rest.starts_with(join) {
        return None;
    }
    let from = hedge.map_or(r.start, |(h, _)| h);
    let before = words_before(s, from, 1);
    if !between && before.first().is_some_and(|w| w == "from") {
        return None; // "from 6,357 to 6,775": two levels
    }
    let at = sfx.end + join.len();
    let m = read_digits(s, at).or_else(|| read_words(s, at))?;
    let msfx = suffix(s, &m);
    if char_at(s, msfx.end).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let same_unit = sfx.unit == Unit::None || sfx.unit == msfx.unit;
    let year = m.len == 4 && (1900.0..=2100.0).contains(&m.value);
    let month_next = word_after(s, msfx.end).is_some_and(|w| is_month(&w));
    let mult = if sfx.mult == 1.0 { msfx.mult } else { sfx.mult };
    let (lo, hi) = (r.value * mult, m.value * msfx.mult);
    if !same_unit || year || month_next || hi <= lo {
        return None;
    }
    if seconds_or_longer(msfx.unit) && !measured(s, from, msfx.end) {
        return Some(None);
    }
    let mut n = finish(ctx, r, (lo + hi) / 2.0, msfx.unit, msfx.end, true);
    n.range = Some((lo, hi));
    if n.bound == Bound::Exact {
        n.bound = Bound::Approximate;
    }
    Some(Some(n))
}

/// A length of time: a figure when measured ("an average of 11 seconds", "12 days of extremely
/// high demand", "an 8-second wait"), not when it marks a period or a threshold ("for four
/// weeks", "the past 12 months", "within three minutes"). Whole with its parts: "4 minutes
/// and 10 seconds".
fn duration(ctx: &Context, r: &Read, sfx: Suffix) -> Option<Number> {
    let s = ctx.s;
    let from = hedge_before(s, r.start).map_or(r.start, |(h, _)| h);
    let (end, value, unit) = more_time(s, sfx.end, sfx.unit, r.value);
    measured(s, from, end).then(|| finish(ctx, r, value, unit, end, false))
}

/// Whether the length of time written at `from..end` of `s` was measured: not a period or a
/// threshold ("for", "the past", "within" just before it), and said to be measured before it
/// ("average", "wait", "every", "was") or after it ("of …", "wait"), or a change.
fn measured(s: &str, from: usize, end: usize) -> bool {
    let near: Vec<String> = words_before(s, from, 4);
    let window = near
        .iter()
        .filter(|w| !["the", "a", "an"].contains(&w.as_str()))
        .take(2)
        .any(|w| WINDOW_BEFORE.contains(&w.as_str()));
    if window {
        return false;
    }
    // A value alone on its line: a table's cell ("18 seconds").
    let line_before = s
        .get(..from)
        .unwrap_or("")
        .rsplit('\n')
        .next()
        .unwrap_or("");
    let line_after = s.get(end..).unwrap_or("").split('\n').next().unwrap_or("");
    if line_before.trim().is_empty() && line_after.trim().is_empty() {
        return true;
    }
    let measured_before = near.iter().any(|w| MEASURED_BEFORE.contains(&w.as_str()));
    let after = s.get(end..).unwrap_or("").trim_start_matches(['’', '\'']);
    let measured_after = word_after(after, 0).is_some_and(|w| MEASURED_AFTER.contains(&w.as_str()))
        && !after.starts_with(',');
    measured_before || measured_after || change_before(s, from).is_some()
}

/// The figure `r` as finally read: `value` in `unit`, ending at `end`; its hedges before and
/// after, its kind and, for a change, its sign. `rounded`: a ratio, share or range, which is
/// approximate unless a hedge says more.
fn finish(ctx: &Context, r: &Read, value: f64, unit: Unit, end: usize, rounded: bool) -> Number {
    let s = ctx.s;
    let mut start = r.start;
    let mut hedge = None;
    let mut bound = if rounded {
        Bound::Approximate
    } else {
        Bound::Exact
    };
    if let Some((h, b)) = hedge_before(s, r.start) {
        let word = s.get(h..r.start).unwrap_or("").trim().to_ascii_lowercase();
        // "are up to 50.4 per cent from 49.3 per cent": risen to, not at most.
        let risen_to = word == "up to"
            && s.get(end..).is_some_and(|t| {
                t.starts_with(" from ")
                    && read_digits(s, end + 6).is_some_and(|m| {
                        !word_after(s, suffix(s, &m).end).is_some_and(|w| is_month(&w))
                    })
            });
        let between = word == "between";
        if !risen_to && (!between || rounded) {
            hedge = Some((h, h + word.len()));
            start = h;
            if b != Bound::Approximate || !rounded {
                bound = b;
            }
        }
    }
    let mut end = end;
    if let Some(&(w, b)) = HEDGES_AFTER
        .iter()
        .find(|(w, _)| s.get(end..).is_some_and(|t| starts_word(t, w)))
    {
        end += w.len();
        bound = b;
    }
    let mut kind = match unit {
        Unit::None => FigureKind::Count,
        Unit::Percent => FigureKind::Percent,
        Unit::Points => FigureKind::Change,
        Unit::Pound | Unit::Dollar | Unit::Euro => FigureKind::Money,
        _ => FigureKind::Duration,
    };
    // A change: said before or after it, by its sign, or in brackets after a change: "a decrease
    // of 19.5% (1,272 crimes)".
    let inherited = ctx.last.as_ref().filter(|l| {
        l.kind == FigureKind::Change && s.get(l.end..start).is_some_and(|gap| gap.trim() == "(")
    });
    let direction = change_before(s, start)
        .or_else(|| change_after(s, end))
        .or_else(|| (r.signed && unit != Unit::None).then_some(r.sign))
        .or_else(|| (unit == Unit::Points).then_some(1.0))
        .or_else(|| inherited.map(|l| if l.value < 0.0 { -1.0 } else { 1.0 }));
    let mut value = value;
    if let Some(d) = direction {
        kind = FigureKind::Change;
        value = if r.signed {
            value * r.sign
        } else {
            value.abs() * d
        };
        if r.signed && r.sign > 0.0 && d < 0.0 {
            value = -value;
        }
    }
    Number {
        start,
        end,
        value,
        kind,
        unit,
        hedge,
        bound,
        range: None,
    }
}
