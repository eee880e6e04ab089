//! The numbers of one sentence that are figures: digits with their thousands separators,
//! decimals, currency and per-cent sign or words, without the numbers that are not figures (see
//! [`crate::release`]).

/// A number in a sentence that reads as a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Number {
    /// Byte offset where it starts (its currency sign included).
    pub start: usize,
    /// Byte offset where it ends (its `%`, `per cent` or `k` included).
    pub end: usize,
    /// Its value, with `k`, `m`, `bn` applied.
    pub value: f64,
    /// Followed by `%`, `per cent` or `percent`.
    pub percent: bool,
    /// After a currency sign.
    pub money: bool,
}

/// Words before a number that make it a label, not a figure ("Group 1-5", "section 3").
const LABELS: [&str; 15] = [
    "group",
    "groups",
    "section",
    "article",
    "part",
    "chapter",
    "page",
    "pages",
    "paragraph",
    "clause",
    "stage",
    "level",
    "phase",
    "table",
    "tier",
];

/// Words shortly before a number that make it a phone number ("call 101", "helpline on 0808").
const PHONE_WORDS: [&str; 6] = ["call", "calling", "phone", "ring", "dial", "helpline"];

/// Words before a year that make it a date ("in 2010", "between April 2019 and February 2020").
const BEFORE_YEARS: [&str; 8] = [
    "in", "since", "from", "to", "until", "between", "and", "year",
];

/// Month names, lower case: a day number next to one is a date.
pub const MONTHS: [&str; 12] = [
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
];

/// The figures of `sentence`, in order.
pub fn numbers(sentence: &str) -> Vec<Number> {
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let byte = |k: usize| chars.get(k).map(|&(i, _)| i).unwrap_or(sentence.len());
    let mut out = Vec::new();
    let mut k = 0;
    // Where the last phone number ended: a number right after it (a space, or " or ") is one too.
    let mut phone_end: Option<usize> = None;
    while k < chars.len() {
        let c = at(k).unwrap_or(' ');
        let prev = k.checked_sub(1).and_then(at);
        if !c.is_ascii_digit() || prev.is_some_and(|p| p.is_alphanumeric() || p == '.') {
            k += 1;
            continue;
        }
        // The digits, with thousands separators and a decimal part.
        let first = k;
        let mut text = String::new();
        while let Some(d) = at(k) {
            let three_after = (1..=3).all(|j| at(k + j).is_some_and(|c| c.is_ascii_digit()))
                && !at(k + 4).is_some_and(|c| c.is_ascii_digit());
            if d.is_ascii_digit() {
                text.push(d);
            } else if d == ',' && three_after && !text.contains('.') {
                // A thousands separator: read past it.
            } else if d == '.'
                && at(k + 1).is_some_and(|c| c.is_ascii_digit())
                && !text.contains('.')
            {
                text.push('.');
            } else {
                break;
            }
            k += 1;
        }
        let last = k; // one past the number's last character
        let start_word = words_before(sentence, byte(first));
        let next = at(last);
        // Not figures: hashtags and names ("#StopItNow2", "COVID-19"), ranges and periods
        // ("1-5", "2018/19"), phone numbers, labels, ordinals, dates and years.
        let glued = matches!(prev, Some('#' | '/' | '-')) || matches!(next, Some('/' | '-' | '#'));
        let after_phone = phone_end
            .and_then(|e| sentence.get(e..byte(first)))
            .is_some_and(|gap| matches!(gap.trim(), "" | "or" | "/" | ","));
        let phone_like = (text.starts_with('0') && text.len() >= 3 && !text.contains('.'))
            || after_phone
            || start_word
                .iter()
                .take(2)
                .any(|w| PHONE_WORDS.contains(&w.as_str()))
            || (next == Some(' ')
                && at(last + 1).is_some_and(|c| c.is_ascii_digit())
                && !text.contains(',')
                && text.len() >= 3);
        let suffix: String = chars
            .get(last..)
            .unwrap_or(&[])
            .iter()
            .map(|&(_, c)| c)
            .take_while(|c| c.is_alphabetic())
            .collect();
        let ordinal = matches!(suffix.as_str(), "st" | "nd" | "rd" | "th");
        let label = start_word
            .first()
            .is_some_and(|w| LABELS.contains(&w.as_str()));
        let whole = !text.contains('.');
        let n: f64 = text.parse().unwrap_or(f64::NAN);
        let year = whole
            && text.len() == 4
            && (1900.0..=2100.0).contains(&n)
            && start_word.first().is_some_and(|w| {
                BEFORE_YEARS.contains(&w.as_str()) || MONTHS.contains(&w.as_str())
            });
        let after_word = word_after(sentence, byte(last));
        let day = whole
            && (1.0..=31.0).contains(&n)
            && (after_word.as_deref().is_some_and(|w| MONTHS.contains(&w))
                || start_word
                    .first()
                    .is_some_and(|w| MONTHS.contains(&w.as_str())));
        if phone_like {
            phone_end = Some(byte(last));
        }
        if glued || phone_like || ordinal || label || year || day || !n.is_finite() {
            continue;
        }
        // Money: a currency sign before, k, m or bn after.
        let money = matches!(prev, Some('£' | '$' | '€'));
        let (mult, unit_len) = match (money, suffix.as_str()) {
            (true, "k") => (1e3, 1),
            (true, "m") => (1e6, 1),
            (true, "bn") => (1e9, 2),
            (_, "") => (1.0, 0),
            _ => continue, // letters glued on: a code or a name ("4G")
        };
        let mut end = byte(last + unit_len);
        // Per cent: "%", "per cent", "percent".
        let rest = sentence.get(end..).unwrap_or("");
        let mut percent = false;
        for sign in ["%", " %", " per cent", " percent"] {
            let follows = rest
                .get(..sign.len())
                .is_some_and(|r| r.eq_ignore_ascii_case(sign));
            let word_ends = rest.get(sign.len()..).and_then(|r| r.chars().next());
            if follows && !word_ends.is_some_and(|c| c.is_alphanumeric()) {
                percent = true;
                end += sign.len();
                break;
            }
        }
        let start = byte(if money {
            first.saturating_sub(1)
        } else {
            first
        });
        out.push(Number {
            start,
            end,
            value: n * mult,
            percent,
            money,
        });
    }
    out
}

/// The words just before byte `at`, nearest first, lower case (at most three).
pub fn words_before(sentence: &str, at: usize) -> Vec<String> {
    let before = sentence.get(..at).unwrap_or("");
    before
        .split(|c: char| !c.is_alphanumeric())
        .rev()
        .skip_while(|w| w.is_empty())
        .filter(|w| !w.is_empty())
        .take(3)
        .map(str::to_lowercase)
        .collect()
}

/// The word just after byte `at`, lower case.
fn word_after(sentence: &str, at: usize) -> Option<String> {
    sentence
        .get(at..)?
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .map(str::to_lowercase)
}
