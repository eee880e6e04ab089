//! Figures found in a press release: every number its prose offers as a figure, with the sentence
//! it stands in, its kind (a count, a per cent rate, money, a change), the hedge that makes it
//! approximate or a bound ("nearly", "more than", "up to"), the period phrase that goes with it
//! and the figures that belong together ("98 … 90 per cent of which (86)").
//!
//! Not offered as figures: phone numbers, dates and years, hashtags, names with digits
//! ("COVID-19"), section and group numbers ("Group 1-5"), ordinals, and anything in a web address
//! or a fenced block. Numbers in words ("nine in ten", "four weeks") are left to the journalist.
//!
//! For the builder, which starts a chart from a release: native, and in the builder's own wasm
//! (cargo feature `builder`; the readers' wasm does not carry it). Uses only [`crate::text`].

mod period;
mod scan;

pub use period::periods;
use scan::{numbers, Number};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// A number of things: `1694`, `nearly 1600`.
    Count,
    /// A rate: `90 per cent`, `87.8%`.
    Percent,
    /// An amount of money: `£30,000`, `£55k`.
    Money,
    /// A change: "an increase of more than 23,000".
    Change,
}

/// How exact a figure is, from the hedge before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// No hedge: the figure as given.
    Exact,
    /// "nearly", "almost", "about", "around", "approximately", "roughly".
    Approximate,
    /// "more than", "over", "above", "at least": the true figure is higher.
    AtLeast,
    /// "less than", "under", "up to", "at most": the true figure is lower.
    AtMost,
}

/// One figure found in a release.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The figure as written, from its hedge to its unit: `nearly 1600`, `90 per cent`, `£55k`.
    pub text: String,
    /// Its value: 1600, 90, 55000.
    pub value: f64,
    /// What it measures.
    pub kind: FigureKind,
    /// The hedge as written (`nearly`), if any.
    pub hedge: Option<String>,
    /// How exact it is.
    pub bound: Bound,
    /// Byte range of [`Found::text`] in the release.
    pub span: (usize, usize),
    /// The sentence it stands in, trimmed: what a quote attributes.
    pub sentence: String,
    /// The period phrase that goes with it in its sentence: "between April 2018 and February
    /// 2019", "2018/19", "in the three months after the campaign launched".
    pub period: Option<String>,
    /// For figures that belong together (a total, a share of it, the count the share stands
    /// for), the index of the first of them in the list; `None` for a figure on its own.
    pub group: Option<usize>,
}

const HEDGES: [(&str, Bound); 14] = [
    ("nearly", Bound::Approximate),
    ("almost", Bound::Approximate),
    ("about", Bound::Approximate),
    ("around", Bound::Approximate),
    ("approximately", Bound::Approximate),
    ("roughly", Bound::Approximate),
    ("more than", Bound::AtLeast),
    ("over", Bound::AtLeast),
    ("above", Bound::AtLeast),
    ("at least", Bound::AtLeast),
    ("less than", Bound::AtMost),
    ("under", Bound::AtMost),
    ("up to", Bound::AtMost),
    ("at most", Bound::AtMost),
];

/// Words before a figure that make it a change.
const CHANGES: [&str; 8] = [
    "increase of",
    "rise of",
    "decrease of",
    "fall of",
    "drop of",
    "up by",
    "down by",
    "increased by",
];

/// Every figure in `release`, in reading order.
pub fn find(release: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for (start, end) in sentences(release) {
        let sentence = release.get(start..end).unwrap_or("");
        let phrases = periods(sentence);
        let numbers = numbers(sentence);
        let first = out.len();
        for (i, n) in numbers.iter().enumerate() {
            let (hedge, bound, from) = hedge_before(sentence, n.start);
            let kind = if n.percent {
                FigureKind::Percent
            } else if n.money {
                FigureKind::Money
            } else if change_before(sentence, from) {
                FigureKind::Change
            } else {
                FigureKind::Count
            };
            let next = numbers.get(i + 1).map(|m| m.start);
            let prev = i.checked_sub(1).and_then(|j| numbers.get(j)).map(|m| m.end);
            out.push(Found {
                text: sentence.get(from..n.end).unwrap_or("").to_owned(),
                value: n.value,
                kind,
                hedge,
                bound,
                span: (start + from, start + n.end),
                sentence: sentence.trim().to_owned(),
                period: period_for(&phrases, n, prev, next),
                group: None,
            });
        }
        group_shares(&mut out, first, &numbers, sentence);
    }
    out
}

/// Byte ranges of the sentences of `text`: split after `.`, `!` or `?` followed by white space
/// and a capital letter or an opening quote, and at blank lines. Web addresses and fenced blocks
/// are sentences of their own, which hold no figures (see [`scan`]).
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = |d: usize| chars.get(k + d).map(|&(_, c)| c);
        let end_here = match c {
            // "Stop It Now! Scotland": a '!' after two capitalised words ends a name.
            '!' if capitalised_before(text, i, 2) => false,
            '.' | '!' | '?' => {
                let mut d = 1;
                while matches!(next(d), Some('"' | '”' | '’' | ')')) {
                    d += 1;
                }
                matches!(next(d), Some(w) if w.is_whitespace())
                    && matches!(next(d + 1), Some(n) if n.is_uppercase() || n == '“' || n == '"')
            }
            '\n' => next(1) == Some('\n') || next(1).is_none(),
            _ => false,
        };
        if end_here {
            let end = i + c.len_utf8();
            if text.get(start..end).is_some_and(|s| !s.trim().is_empty()) {
                out.push((start, end));
            }
            start = end;
        }
    }
    if text.get(start..).is_some_and(|s| !s.trim().is_empty()) {
        out.push((start, text.len()));
    }
    out
}

/// Whether the `n` words before byte `at` of `text` all start with a capital letter.
fn capitalised_before(text: &str, at: usize, n: usize) -> bool {
    let words: Vec<&str> = text
        .get(..at)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(n)
        .collect();
    words.len() == n
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The hedge that ends just before byte `at` of `sentence`: (as written, its bound, where the
/// figure's text starts).
fn hedge_before(sentence: &str, at: usize) -> (Option<String>, Bound, usize) {
    let before = sentence.get(..at).unwrap_or("").trim_end();
    let lower = before.to_lowercase();
    for (word, bound) in HEDGES {
        if lower.ends_with(word) {
            let from = before.len() - word.len();
            let whole_word = before
                .get(..from)
                .is_none_or(|b| b.is_empty() || b.ends_with(' '));
            if whole_word {
                return (before.get(from..).map(str::to_owned), bound, from);
            }
        }
    }
    (None, Bound::Exact, at)
}

/// Whether the words just before byte `at` of `sentence` make the figure a change.
fn change_before(sentence: &str, at: usize) -> bool {
    let before = sentence.get(..at).unwrap_or("").trim_end().to_lowercase();
    CHANGES.iter().any(|c| before.ends_with(c))
}

/// The period phrase for number `n`: the nearest phrase after it with no other figure between,
/// else the nearest before it with none between, else none.
fn period_for(
    phrases: &[(usize, usize, String)],
    n: &Number,
    prev_end: Option<usize>,
    next_start: Option<usize>,
) -> Option<String> {
    let after = phrases
        .iter()
        .filter(|(s, _, _)| *s >= n.end && next_start.is_none_or(|next| *s < next))
        .min_by_key(|(s, _, _)| *s);
    let before = || {
        phrases
            .iter()
            .filter(|(_, e, _)| *e <= n.start && prev_end.is_none_or(|prev| *e > prev))
            .max_by_key(|(_, e, _)| *e)
    };
    after.or_else(before).map(|(_, _, p)| p.clone())
}

/// Joins a share and the count it stands for to the total before them: "98 were reports …, 90
/// per cent of which (86)". `numbers` are the sentence's, found as `out[first..]`.
fn group_shares(out: &mut [Found], first: usize, numbers: &[Number], sentence: &str) {
    for (i, n) in numbers.iter().enumerate() {
        let Some(next) = numbers.get(i + 1) else {
            continue;
        };
        let between = sentence.get(n.end..next.start).unwrap_or("");
        let in_brackets = between.trim_end().ends_with('(');
        if !n.percent || next.percent || next.money || !in_brackets || between.len() > 40 {
            continue;
        }
        // The total: the nearest plain count before the share.
        let total = (0..i)
            .rev()
            .find(|&j| numbers.get(j).is_some_and(|m| !m.percent && !m.money));
        let lead = total.unwrap_or(i);
        for j in [Some(lead), Some(i), Some(i + 1)].into_iter().flatten() {
            if let Some(f) = out.get_mut(first + j) {
                f.group = Some(first + lead);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figures(text: &str) -> Vec<(String, FigureKind, Bound, Option<String>)> {
        find(text)
            .into_iter()
            .map(|f| (f.text, f.kind, f.bound, f.period))
            .collect()
    }

    #[test]
    fn hedges_kinds_and_units() {
        let f = find("There was an increase of more than 23,000 offences, costing £55k or £1.5m.");
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.text.as_str(), f.value, f.kind, f.bound))
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "more than 23,000",
                    23_000.0,
                    FigureKind::Change,
                    Bound::AtLeast
                ),
                ("£55k", 55_000.0, FigureKind::Money, Bound::Exact),
                ("£1.5m", 1_500_000.0, FigureKind::Money, Bound::Exact),
            ]
        );
        let f = figures("Up to 40% were solved, under 12 per cent were not and almost 300 waited.");
        assert_eq!(
            f.iter()
                .map(|f| (f.0.as_str(), f.1, f.2))
                .collect::<Vec<_>>(),
            vec![
                ("Up to 40%", FigureKind::Percent, Bound::AtMost),
                ("under 12 per cent", FigureKind::Percent, Bound::AtMost),
                ("almost 300", FigureKind::Count, Bound::Approximate),
            ]
        );
    }

    #[test]
    fn not_figures() {
        let text = "Call 0808 1000 900 about #StopItNow2 during COVID-19. Group 1-5 met on \
                    18 March 2020, in 2010 and 2018/19, for the 3rd time; see \
                    http://example.org/2020/12/report.";
        assert_eq!(figures(text), vec![], "{:?}", find(text));
    }

    #[test]
    fn sentences_split_at_full_stops_not_at_decimals_or_names() {
        let text = "Rates rose to 87.8 per cent. Stop It Now! Scotland said 12 were seen.";
        let f = find(text);
        assert_eq!(f.len(), 2);
        assert_eq!(f[0].sentence, "Rates rose to 87.8 per cent.");
        assert_eq!(f[0].value, 87.8);
        assert_eq!(&text[f[1].span.0..f[1].span.1], "12");
    }
}
