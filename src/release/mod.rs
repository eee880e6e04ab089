//! Figures found in a press release: every number its prose offers as a figure, with the sentence
//! it stands in, its kind (a count, a per cent rate, money, a change, a length of time) and unit,
//! the hedge that makes it approximate or a bound ("nearly", "more than", "up to", "an
//! estimated", "or less"), the period phrase that goes with it and the figures that belong
//! together ("98 … 90 per cent of which (86)").
//!
//! Precision first: a journalist on deadline clicks what is marked, so nothing marked may be
//! wrong. Not offered as figures: numbers that name or locate ("Quarter 3", "Group 1 to 5",
//! "Report: 10", "Lisnasharragh 42 Montgomery Road", "the A77", the ‘Every 9 minutes’ campaign),
//! phone lines ("0808 1000 900", "999 calls", "the 101 non-emergency number", "Ext. 24135"),
//! dates and years ("18 March 2020", "December 1, 2019", "2018/19", "2004-05"), lists' and pages'
//! numbers ("1. There were…", "3.1 The statistics", "levels. 0"), footnote marks ("[5]"), ages
//! ("aged 16 and over"), a rate's base ("per 10,000"), ordinals, hashtags, codes ("4G", "BT6"),
//! anything in a web address or a fenced block, and periods and thresholds of time ("for four
//! weeks", "the past 12 months", "within three minutes").
//!
//! Numbers in words are figures as ratios ("nine in ten": 90 %, "one in 15": 6.7 %) and shares
//! ("a third": 33.3 %, "two-thirds", "almost half"), all approximate; with a unit ("less than
//! one per cent", "eight percentage points", "one and half million"); as a measured length of
//! time ("twelve days of summer"); and as a count opening a sentence ("Forty-three forces
//! failed"). Elsewhere ("the last five years", "Group One", "the first quarter", "three parked
//! vehicles") they are left to the journalist. A length of time is offered whole ("4 minutes
//! and 10 seconds": 250 seconds) and only when measured ("an average of 11 seconds", "a call
//! every 3 seconds", "12 days of extremely high demand", "an 8-second wait").
//!
//! A change carries its sign ("down 0.4 per cent": -0.4, "(-6.8%)": -6.8, "3,000 fewer":
//! -3000) and its unit: a count, per cent, or percentage points (a rate's change, never a rate).
//! A range is one figure, its value the middle of its ends ("between 24 and 26 per cent": 25,
//! approximate, ends 24 and 26).
//!
//! For the builder, which starts a chart from a release: native, and in the builder's own wasm
//! (cargo feature `builder`; the readers' wasm does not carry it). Uses only [`crate::text`].

mod cues;
mod period;
mod scan;
mod words;

pub use period::periods;
use scan::{numbers, Number};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureKind {
    /// A number of things: `1694`, `nearly 1600`, `7.1 million`.
    Count,
    /// A rate or share: `90 per cent`, `87.8%`, `nine in ten`, `a third`.
    Percent,
    /// An amount of money: `£30,000`, `£55k`.
    Money,
    /// A change, in a count, per cent or percentage points ([`Found::unit`]): "an increase of
    /// more than 23,000", "down 0.4 per cent", "up by eight percentage points".
    Change,
    /// A length of time, measured: "an average of 11 seconds", "twelve days".
    Duration,
}

impl FigureKind {
    /// Its name for the builder's JavaScript: `"count"`, `"percent"`, `"money"`, `"change"`,
    /// `"duration"`.
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Count => "count",
            FigureKind::Percent => "percent",
            FigureKind::Money => "money",
            FigureKind::Change => "change",
            FigureKind::Duration => "duration",
        }
    }
}

/// How exact a figure is, from the hedge before (or after) it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// No hedge: the figure as given.
    Exact,
    /// "nearly", "almost", "about", "around", "approximately", "roughly", "an estimated"; and
    /// every ratio, share in words and range ("one in five", "a third", "between 24 and 26").
    Approximate,
    /// "more than", "over", "above", "at least", "or more": the true figure (its size, for a
    /// change) is higher.
    AtLeast,
    /// "less than", "fewer than", "under", "up to", "at most", "or less": the true figure (its
    /// size, for a change) is lower.
    AtMost,
}

impl Bound {
    /// Its name for the builder's JavaScript: `"exact"`, `"approximate"`, `"atLeast"`,
    /// `"atMost"`.
    pub fn name(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::Approximate => "approximate",
            Bound::AtLeast => "atLeast",
            Bound::AtMost => "atMost",
        }
    }
}

/// What a figure's value is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Things: a count, or a change in one.
    None,
    /// Per cent: a rate or share, or a change in per cent.
    Percent,
    /// Percentage points: a change in a rate.
    Points,
    Pound,
    Dollar,
    Euro,
    Seconds,
    Minutes,
    Hours,
    Days,
    Weeks,
    Months,
    Years,
}

impl Unit {
    /// Its name as the builder's JavaScript and the test corpus write it: `"per cent"`,
    /// `"percentage points"`, `"£"`, `"$"`, `"€"`, `"seconds"` … `"years"`; none for things.
    pub fn name(self) -> Option<&'static str> {
        Some(match self {
            Unit::None => return None,
            Unit::Percent => "per cent",
            Unit::Points => "percentage points",
            Unit::Pound => "£",
            Unit::Dollar => "$",
            Unit::Euro => "€",
            Unit::Seconds => "seconds",
            Unit::Minutes => "minutes",
            Unit::Hours => "hours",
            Unit::Days => "days",
            Unit::Weeks => "weeks",
            Unit::Months => "months",
            Unit::Years => "years",
        })
    }
}

/// One figure found in a release.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The figure as written, from its hedge to its unit: `nearly 1600`, `90 per cent`, `£55k`,
    /// `0.02 seconds or less`.
    pub text: String,
    /// Its value in its unit: 1600, 90, 55000; negative for a fall; a range's middle.
    pub value: f64,
    /// What it measures.
    pub kind: FigureKind,
    /// The hedge as written (`nearly`, `or less`), if any.
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
    /// What its value is counted in.
    pub unit: Unit,
    /// For a range, its ends: "between 24 and 26 per cent" is (24, 26).
    pub range: Option<(f64, f64)>,
}

/// Every figure in `release`, in reading order.
pub fn find(release: &str) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for (start, end) in sentences(release) {
        let sentence = release.get(start..end).unwrap_or("");
        let line_before = release.get(..start).unwrap_or("").rsplit('\n').next();
        let starts_line = line_before.is_some_and(|l| l.trim().is_empty());
        let phrases = periods(sentence);
        let numbers = numbers(sentence, starts_line);
        let first = out.len();
        for (i, n) in numbers.iter().enumerate() {
            let next = numbers.get(i + 1).map(|m| m.start);
            let prev = i.checked_sub(1).and_then(|j| numbers.get(j)).map(|m| m.end);
            let hedge = n
                .hedge
                .and_then(|(a, b)| sentence.get(a..b))
                .map(str::to_owned);
            out.push(Found {
                text: sentence.get(n.start..n.end).unwrap_or("").to_owned(),
                value: n.value,
                kind: n.kind,
                hedge,
                bound: n.bound,
                span: (start + n.start, start + n.end),
                sentence: sentence.trim().to_owned(),
                period: period_for(&phrases, n, prev, next),
                group: None,
                unit: n.unit,
                range: n.range,
            });
        }
        group_shares(&mut out, first, &numbers, sentence);
    }
    out
}

/// Byte ranges of the sentences of `text`: split after `.`, `!` or `?` followed by white space
/// and a capital letter or an opening quote (not after a list's number opening a line: "1. There
/// were…"), at blank lines, and at a line break after a line that ends a sentence or a clause
/// (`.`, `:`, a closing quote…) or before a line that opens one (a capital, a digit, a bullet).
/// Web addresses and fenced blocks are sentences of their own, which hold no figures (see
/// [`scan`]).
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = |d: usize| chars.get(k + d).map(|&(_, c)| c);
        let end_here = match c {
            // "Stop It Now! Scotland": a '!' after two capitalised words ends a name.
            '!' if capitalised_before(text, i, 2) => false,
            '.' if list_number_before(text, i) => false,
            '.' | '!' | '?' => {
                let mut d = 1;
                while matches!(next(d), Some('"' | '”' | '’' | ')')) {
                    d += 1;
                }
                matches!(next(d), Some(w) if w.is_whitespace())
                    && matches!(next(d + 1), Some(n) if n.is_uppercase() || n == '“' || n == '"')
            }
            '\n' => {
                let line = text
                    .get(..i)
                    .unwrap_or("")
                    .rsplit('\n')
                    .next()
                    .unwrap_or("");
                let ends = line
                    .trim_end()
                    .ends_with(['.', '!', '?', ':', ';', '”', '"', '’', ')']);
                let opens = next(1).is_none_or(|n| {
                    n == '\n' || n.is_uppercase() || n.is_ascii_digit() || "•-*–“\"‘".contains(n)
                });
                ends || opens
            }
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

/// Whether the `.` at byte `at` of `text` ends a list's number opening a line: "1.", "51.".
fn list_number_before(text: &str, at: usize) -> bool {
    let line = text
        .get(..at)
        .unwrap_or("")
        .rsplit('\n')
        .next()
        .unwrap_or("");
    let number = line.trim_start_matches(|c: char| c.is_whitespace() || "•-*–".contains(c));
    !number.is_empty() && number.chars().all(|c| c.is_ascii_digit() || c == '.')
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
        let share = n.kind == FigureKind::Percent && next.kind == FigureKind::Count;
        if !share || !in_brackets || between.len() > 40 {
            continue;
        }
        // The total: the nearest plain count before the share.
        let total = (0..i)
            .rev()
            .find(|&j| numbers.get(j).is_some_and(|m| m.kind == FigureKind::Count));
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

    /// Each figure as (text, value, kind, unit, bound).
    fn rows(
        text: &str,
    ) -> Vec<(
        String,
        f64,
        &'static str,
        Option<&'static str>,
        &'static str,
    )> {
        find(text)
            .into_iter()
            .map(|f| {
                (
                    f.text,
                    f.value,
                    f.kind.name(),
                    f.unit.name(),
                    f.bound.name(),
                )
            })
            .collect()
    }

    fn texts(text: &str) -> Vec<String> {
        find(text).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn names_labels_lines_lists_and_dates_are_not_figures() {
        for text in [
            "The Quarter 3 report covers Group 1 to 5 and Group 1 crimes in Group One.",
            "Crimes fell in the first quarter and the third quarter of 2018-19.",
            "999 calls rose, as did calls to 999 and to the 101 non-emergency number.",
            "Call 101 or dial 999; 111 is for health.",
            "1. There were fewer\n2. Then more\n3.1 The statistics",
            "Between December 1, 2019, and January 2, 2020, officers were busy.",
            "Adults aged 16 and over, per 10,000 population, see footnote [5].",
            "The ‘Every 9 minutes’ campaign ran in 2018.",
            "Lisnasharragh 42 Montgomery Road, BT6 9LD, 028 9065 0222 Ext. 24135.",
            "Contents Page 1. Things you need to know 2 2. What is happening? 3",
            "The A77 and the M8 were closed for four weeks in total.",
        ] {
            assert_eq!(texts(text), Vec::<String>::new(), "{text}");
        }
        // A short line's number is a count when it counts: "101 motorists".
        assert_eq!(
            texts("A total of 101 motorists were over the limit."),
            ["101"]
        );
    }

    #[test]
    fn changes_carry_their_sign_and_unit() {
        assert_eq!(
            rows("Crime fell (-4.2%) and detections decreased by 1.5 percentage points."),
            [
                ("-4.2%".into(), -4.2, "change", Some("per cent"), "exact"),
                (
                    "1.5 percentage points".into(),
                    -1.5,
                    "change",
                    Some("percentage points"),
                    "exact"
                ),
            ]
        );
        assert_eq!(
            rows("The clear up rate rose by eight percentage points to 76 per cent."),
            [
                (
                    "eight percentage points".into(),
                    8.0,
                    "change",
                    Some("percentage points"),
                    "exact"
                ),
                (
                    "76 per cent".into(),
                    76.0,
                    "percent",
                    Some("per cent"),
                    "exact"
                ),
            ]
        );
        assert_eq!(
            rows("There were 3,000 fewer crimes, a 16% decrease; robbery was up 11%."),
            [
                ("3,000".into(), -3000.0, "change", None, "exact"),
                ("16%".into(), -16.0, "change", Some("per cent"), "exact"),
                ("11%".into(), 11.0, "change", Some("per cent"), "exact"),
            ]
        );
        // Said by a verb a few words before "by", and past a filler.
        assert_eq!(
            rows("Crime fell slightly, by 2%, and was reduced by a further 3,000; rising by 16%."),
            [
                ("2%".into(), -2.0, "change", Some("per cent"), "exact"),
                ("3,000".into(), -3000.0, "change", None, "exact"),
                ("16%".into(), 16.0, "change", Some("per cent"), "exact"),
            ]
        );
        // Not a change: the first half of a compound ("higher-risk"); not a share: a count
        // in a time ("2 in 3 days" is two). A sentence's opening word is not a name ("Today
        // 40").
        assert_eq!(
            rows("In 2019, 5,000 higher-risk cases; 2 in 3 days. Today 40 were held."),
            [
                ("5,000".into(), 5000.0, "count", None, "exact"),
                ("2".into(), 2.0, "count", None, "exact"),
                ("40".into(), 40.0, "count", None, "exact"),
            ]
        );
        // "up to X from Y" is risen to; "Up to X" alone is at most.
        assert_eq!(
            rows("Rates are up to 50.4 per cent from 49.3 per cent. Up to 40% were solved."),
            [
                (
                    "50.4 per cent".into(),
                    50.4,
                    "percent",
                    Some("per cent"),
                    "exact"
                ),
                (
                    "49.3 per cent".into(),
                    49.3,
                    "percent",
                    Some("per cent"),
                    "exact"
                ),
                (
                    "Up to 40%".into(),
                    40.0,
                    "percent",
                    Some("per cent"),
                    "atMost"
                ),
            ]
        );
    }

    #[test]
    fn numbers_in_words_where_they_are_figures() {
        let approx =
            |t: &str, v: f64| (t.to_owned(), v, "percent", Some("per cent"), "approximate");
        assert_eq!(
            rows(
                "Nine in ten were detected, one in five went unsolved and 1 in 15 drivers failed."
            ),
            [
                approx("Nine in ten", 90.0),
                approx("one in five", 20.0),
                approx("1 in 15", 6.7)
            ]
        );
        assert_eq!(
            rows("A third of calls and two-thirds of reports; almost half were online."),
            [
                approx("A third", 33.3),
                approx("two-thirds", 66.7),
                approx("almost half", 50.0)
            ]
        );
        assert_eq!(
            rows("It resulted in twelve days of high demand, one and a half million calls."),
            [
                (
                    "twelve days".into(),
                    12.0,
                    "duration",
                    Some("days"),
                    "exact"
                ),
                (
                    "one and a half million".into(),
                    1.5e6,
                    "count",
                    None,
                    "exact"
                ),
            ]
        );
        assert_eq!(
            rows("Forty-three other forces failed; six of them were in the north."),
            [("Forty-three".into(), 43.0, "count", None, "exact")]
        );
        // Names and periods in words are not figures.
        assert_eq!(
            texts(
                "Group One met for three weeks; the five year average fell in the last two years."
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn lengths_of_time_whole_and_only_when_measured() {
        assert_eq!(
            rows("The average answer time was 4 minutes and 10 seconds, an 8-second wait."),
            [
                (
                    "4 minutes and 10 seconds".into(),
                    250.0,
                    "duration",
                    Some("seconds"),
                    "exact"
                ),
                ("8-second".into(), 8.0, "duration", Some("seconds"), "exact"),
            ]
        );
        assert_eq!(
            rows("The longest wait was two hours, twenty minutes."),
            [(
                "two hours, twenty minutes".into(),
                140.0,
                "duration",
                Some("minutes"),
                "exact"
            )]
        );
        // Periods and thresholds are not: within, for, the past.
        assert_eq!(
            texts("Calls answered within 10 seconds over the past 12 months, for four weeks."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn hedges_ranges_and_estimates() {
        let f = find("Between 24 and 26 per cent were detected, an estimated 7.1 million in all.");
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(
            (f[0].text.as_str(), f[0].value, f[0].kind, f[0].range),
            (
                "Between 24 and 26 per cent",
                25.0,
                FigureKind::Percent,
                Some((24.0, 26.0))
            )
        );
        assert_eq!(f[0].bound, Bound::Approximate);
        assert_eq!(f[0].hedge.as_deref(), Some("Between"));
        assert_eq!(
            (f[1].text.as_str(), f[1].value, f[1].bound),
            ("an estimated 7.1 million", 7.1e6, Bound::Approximate)
        );
        let f = find("The time varied between 35 and 57 seconds; between three and 11 points.");
        assert_eq!(
            f.iter()
                .map(|f| (f.text.as_str(), f.value, f.kind.name(), f.range))
                .collect::<Vec<_>>(),
            [
                (
                    "between 35 and 57 seconds",
                    46.0,
                    "duration",
                    Some((35.0, 57.0))
                ),
                ("between three and 11", 7.0, "count", Some((3.0, 11.0))),
            ]
        );
        // Not a range: two levels, from one to the other; a period.
        assert_eq!(
            texts("It fell from 6,357 to 6,775 between two and three years after."),
            ["6,357", "6,775"]
        );
        assert_eq!(
            rows("It took 0.02 seconds or less; fewer than 48,000 were recorded."),
            [
                (
                    "0.02 seconds or less".into(),
                    0.02,
                    "duration",
                    Some("seconds"),
                    "atMost"
                ),
                ("fewer than 48,000".into(), 48000.0, "count", None, "atMost"),
            ]
        );
    }

    #[test]
    fn any_text_is_read_without_panicking() {
        // Pieces that sit next to numbers in releases, and some that never should, strung
        // together at random: every figure's span is its text, on character boundaries.
        const PIECES: [&str; 40] = [
            "1",
            "23",
            "4,567",
            "0.5",
            "999",
            "101",
            "2019",
            "-",
            "–",
            "−",
            "+",
            "£",
            "€",
            "%",
            " ",
            "\n",
            ".",
            ",",
            "(",
            ")",
            "[",
            "]",
            "‘",
            "’",
            "“",
            "”",
            "/",
            ":",
            " per cent",
            " percentage points",
            " million",
            " seconds",
            " and ",
            " in ",
            " to ",
            "one",
            "half",
            "a third",
            "nearly ",
            "é",
        ];
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..4000 {
            let mut text = String::new();
            for _ in 0..(next() % 24) {
                text.push_str(PIECES[(next() % PIECES.len() as u64) as usize]);
            }
            for f in find(&text) {
                assert_eq!(
                    text.get(f.span.0..f.span.1),
                    Some(f.text.as_str()),
                    "{text:?}"
                );
                assert!(f.value.is_finite(), "{text:?}");
            }
        }
    }
}
