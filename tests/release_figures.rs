//! Figures found in the two Police Scotland releases (`../shared/sources/`, copied under
//! `tests/fixtures/`): every figure each offers, with its kind, hedge, period, group and the
//! sentence it stands in, and nothing else (no phone numbers, dates, years, hashtags).
//!
//! And the corpus of real releases in `tests/fixtures/releases/` (police forces, the Scottish
//! Government, the Home Office, ONS, Hansard): each `NAME.txt` names its source, address and
//! date above a `---` line and quotes the release below it; `NAME.expected` lists every figure
//! a journalist may take from it (`figure: text | value | kind`, then `unit=`, `bound=` and
//! `range=` where they are not the kind's plain ones) and the numbers that are not figures
//! (`not: context with the {number} in braces | why`). The corpus test prints each release's
//! precision (how many of the figures marked are on the list) and recall (how many on the list
//! are marked), and wants both at 100 %: `cargo test --test release_figures -- --show-output`.
#![cfg(not(target_arch = "wasm32"))]

use offence_charts::{find_figures, Bound, FigureKind, Found};
use FigureKind::{Count, Money, Percent};

const STOP_IT_NOW: &str = include_str!("fixtures/release-2019-stopitnow.txt");
const GET_HELP: &str = include_str!("fixtures/release-2020-gethelporgetcaught.txt");

type Row<'a> = (
    &'a str,
    f64,
    FigureKind,
    Bound,
    Option<&'a str>,
    Option<usize>,
);

fn rows(found: &[Found]) -> Vec<Row<'_>> {
    found
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.value,
                f.kind,
                f.bound,
                f.period.as_deref(),
                f.group,
            )
        })
        .collect()
}

#[test]
fn the_2019_release_offers_nine_figures() {
    let found = find_figures(STOP_IT_NOW);
    let between = Some("between April 2018 and February 2019");
    assert_eq!(
        rows(&found),
        vec![
            (
                "Nearly 1600",
                1600.0,
                Count,
                Bound::Approximate,
                between,
                None
            ),
            (
                "nearly 70 per cent",
                70.0,
                Percent,
                Bound::Approximate,
                None,
                None
            ),
            ("1600", 1600.0, Count, Bound::Exact, None, None),
            ("98", 98.0, Count, Bound::Exact, None, Some(3)),
            ("90 per cent", 90.0, Percent, Bound::Exact, None, Some(3)),
            ("86", 86.0, Count, Bound::Exact, None, Some(3)),
            ("£30,000", 30_000.0, Money, Bound::Exact, None, None),
            (
                "607",
                607.0,
                Count,
                Bound::Exact,
                Some("before the campaign"),
                None
            ),
            (
                "4385",
                4385.0,
                Count,
                Bound::Exact,
                Some("in the three months after the campaign launched"),
                None
            ),
        ]
    );
    // Each with the whole sentence it stands in, for the quote; spans point at the text.
    assert!(found[0]
        .sentence
        .starts_with("Nearly 1600 crimes where an individual"));
    assert!(found[0]
        .sentence
        .ends_with("between April 2018 and February 2019."));
    assert!(found[4]
        .sentence
        .ends_with("90 per cent of which (86) were detected."));
    assert!(found[7]
        .sentence
        .starts_with("Last year’s campaign saw a significant increase"));
    assert_eq!(found[0].hedge.as_deref(), Some("Nearly"));
    for f in &found {
        assert_eq!(&STOP_IT_NOW[f.span.0..f.span.1], f.text);
    }
}

#[test]
fn the_2020_release_offers_three_figures_and_not_its_helpline() {
    let found = find_figures(GET_HELP);
    assert_eq!(
        rows(&found),
        vec![
            (
                "1694",
                1694.0,
                Count,
                Bound::Exact,
                Some("between April 2019 and February 2020"),
                None
            ),
            ("1573", 1573.0, Count, Bound::Exact, Some("2018/19"), None),
            ("£55k", 55_000.0, Money, Bound::Exact, None, None),
        ]
    );
    assert!(found[1]
        .sentence
        .starts_with("Offences continue to rise with 1694 recorded"));
    assert!(GET_HELP.contains("0808 1000 900") && GET_HELP.contains("COVID-19"));
}

#[test]
fn tricky_sentences() {
    let f = |text: &str| {
        find_figures(text)
            .into_iter()
            .map(|f| f.text)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        f("Reports rose by 12% in 2021, the 2nd year running, to over 1,200 (section 4)."),
        ["12%", "over 1,200"]
    );
    assert_eq!(
        f("Up to £2.5m was spent from 1 April to 31 March."),
        ["Up to £2.5m"]
    );
    assert_eq!(
        f("Around 3 in 10 cases, about 4,000, closed in 2019/20."),
        ["Around 3 in 10", "about 4,000"]
    );
    assert_eq!(
        f("Call 0300 111 2222 or 101; see Group 1-5 and tier 2."),
        Vec::<String>::new()
    );
    let change = find_figures("An increase of more than 23,000 was recorded.");
    assert_eq!(
        (change[0].kind, change[0].bound),
        (FigureKind::Change, Bound::AtLeast)
    );
}

/// A figure as the corpus lists it: text, value, kind, unit, bound and range by name.
#[derive(Debug, Clone, PartialEq)]
struct Listed {
    text: String,
    value: f64,
    kind: String,
    unit: Option<String>,
    bound: String,
    range: Option<(f64, f64)>,
}

impl Listed {
    fn of(f: &Found) -> Listed {
        Listed {
            text: f.text.clone(),
            value: f.value,
            kind: f.kind.name().to_owned(),
            unit: f.unit.name().map(str::to_owned),
            bound: f.bound.name().to_owned(),
            range: f.range,
        }
    }

    fn same(&self, other: &Listed) -> bool {
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        self.text == other.text
            && close(self.value, other.value)
            && self.kind == other.kind
            && self.unit == other.unit
            && self.bound == other.bound
            && match (self.range, other.range) {
                (None, None) => true,
                (Some((a, b)), Some((c, d))) => close(a, c) && close(b, d),
                _ => false,
            }
    }

    /// `text | value | kind [| unit=…] [| bound=…] [| range=LO to HI]`; the unit defaults to
    /// the kind's (per cent for a rate, £ for money, none otherwise), the bound to exact.
    fn parse(line: &str) -> Listed {
        let parts: Vec<&str> = line.split(" | ").map(str::trim).collect();
        let [text, value, kind, more @ ..] = parts.as_slice() else {
            panic!("a figure needs text | value | kind: {line}");
        };
        let number = |v: &str| {
            v.parse::<f64>()
                .unwrap_or_else(|_| panic!("{v}: not a number"))
        };
        let mut out = Listed {
            text: (*text).to_owned(),
            value: number(value),
            kind: (*kind).to_owned(),
            unit: match *kind {
                "percent" => Some("per cent".to_owned()),
                "money" => Some("£".to_owned()),
                _ => None,
            },
            bound: "exact".to_owned(),
            range: None,
        };
        for m in more {
            match m.split_once('=') {
                Some(("unit", u)) => out.unit = Some(u.to_owned()),
                Some(("bound", b)) => out.bound = b.to_owned(),
                Some(("range", r)) => {
                    let (lo, hi) = r.split_once(" to ").expect("range=LO to HI");
                    out.range = Some((number(lo), number(hi)));
                }
                _ => panic!("{m}: unit=, bound= or range="),
            }
        }
        out
    }
}

impl std::fmt::Display for Listed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} | {} | {}", self.text, self.value, self.kind)?;
        if let Some(u) = &self.unit {
            write!(f, " | unit={u}")?;
        }
        if self.bound != "exact" {
            write!(f, " | bound={}", self.bound)?;
        }
        if let Some((lo, hi)) = self.range {
            write!(f, " | range={lo} to {hi}")?;
        }
        Ok(())
    }
}

/// One release of the corpus: its name, text and lists.
struct Release {
    name: String,
    text: String,
    figures: Vec<Listed>,
    not: Vec<(String, String)>,
}

fn corpus() -> Vec<Release> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/releases");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/releases")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_owned))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let read = |ext: &str| {
                std::fs::read_to_string(dir.join(format!("{name}.{ext}")))
                    .unwrap_or_else(|e| panic!("{name}.{ext}: {e}"))
            };
            let whole = read("txt");
            let (header, text) = whole
                .split_once("\n---\n")
                .unwrap_or_else(|| panic!("{name}.txt: no --- line under its header"));
            for field in ["source: ", "address: ", "date: "] {
                assert!(
                    header.lines().any(|l| l.starts_with(field)),
                    "{name}.txt: its header names no {field}"
                );
            }
            let mut figures = Vec::new();
            let mut not = Vec::new();
            for line in read("expected").lines() {
                if let Some(f) = line.strip_prefix("figure: ") {
                    figures.push(Listed::parse(f));
                } else if let Some(n) = line.strip_prefix("not: ") {
                    let (context, why) = n.rsplit_once(" | ").expect("not: context | why");
                    not.push((context.to_owned(), why.to_owned()));
                } else {
                    let blank = line.trim().is_empty() || line.starts_with('#');
                    assert!(blank, "{name}.expected: {line}");
                }
            }
            Release {
                name,
                text: text.to_owned(),
                figures,
                not,
            }
        })
        .collect()
}

/// The byte ranges of the braced numbers of `context` at each place it stands in `text`.
fn braced(text: &str, context: &str) -> Vec<(usize, usize)> {
    let plain: String = context
        .chars()
        .filter(|c| !matches!(c, '{' | '}'))
        .collect();
    let mut marks = Vec::new();
    let mut at = 0;
    for c in context.chars() {
        match c {
            '{' => marks.push((at, at)),
            '}' => {
                if let Some(m) = marks.last_mut() {
                    m.1 = at;
                }
            }
            _ => at += c.len_utf8(),
        }
    }
    assert!(!marks.is_empty(), "{context}: no {{number}} in braces");
    let places: Vec<usize> = text.match_indices(plain.as_str()).map(|(i, _)| i).collect();
    assert!(!places.is_empty(), "{plain}: not in the release");
    places
        .iter()
        .flat_map(|&p| marks.iter().map(move |&(a, b)| (p + a, p + b)))
        .collect()
}

#[test]
fn the_corpus_of_real_releases() {
    let releases = corpus();
    assert!(releases.len() >= 10, "{} releases", releases.len());
    let (mut marked, mut listed, mut right) = (0, 0, 0);
    let mut wrong = Vec::new();
    for r in &releases {
        let found = find_figures(&r.text);
        for f in &found {
            assert_eq!(&r.text[f.span.0..f.span.1], f.text, "{}: span", r.name);
        }
        let got: Vec<Listed> = found.iter().map(Listed::of).collect();
        let mut missing = r.figures.clone();
        let mut extra = Vec::new();
        for g in &got {
            match missing.iter().position(|m| m.same(g)) {
                Some(i) => {
                    missing.remove(i);
                }
                None => extra.push(g.clone()),
            }
        }
        let hits = got.len() - extra.len();
        for (context, why) in &r.not {
            for (a, b) in braced(&r.text, context) {
                if let Some(f) = found.iter().find(|f| f.span.0 < b && a < f.span.1) {
                    wrong.push(format!(
                        "{}: {} ({why}) marked as {}",
                        r.name, context, f.text
                    ));
                }
            }
        }
        let pct = |a: usize, b: usize| {
            if b == 0 {
                100.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        println!(
            "{:<52} precision {:>5.1} % ({hits}/{}), recall {:>5.1} % ({hits}/{}), {} not figures",
            r.name,
            pct(hits, got.len()),
            got.len(),
            pct(hits, r.figures.len()),
            r.figures.len(),
            r.not.len(),
        );
        wrong.extend(
            extra
                .iter()
                .map(|e| format!("{}: marked, not listed: {e}", r.name)),
        );
        wrong.extend(
            missing
                .iter()
                .map(|m| format!("{}: listed, not marked: {m}", r.name)),
        );
        marked += got.len();
        listed += r.figures.len();
        right += hits;
    }
    let precision = 100.0 * right as f64 / marked.max(1) as f64;
    let recall = 100.0 * right as f64 / listed.max(1) as f64;
    println!(
        "corpus: {} releases, precision {precision:.1} % ({right}/{marked}), recall {recall:.1} % \
         ({right}/{listed})",
        releases.len()
    );
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    assert_eq!((right, right), (marked, listed));
}
