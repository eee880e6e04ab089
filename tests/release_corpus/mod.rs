//! The corpus of real releases in `tests/fixtures/releases/`, shared by the native test
//! (`release_figures.rs`) and the builder's wasm test (`builder_wasm.rs`): each `NAME.txt` names
//! its source, address and date above a `---` line and quotes the release below it;
//! `NAME.expected` lists every figure a journalist may take from it (`figure: text | value |
//! kind`, then `unit=`, `bound=` and `range=` where they are not the kind's plain ones) and the
//! numbers that are not figures (`not: context with the {number} in braces | why`).
#![allow(dead_code)] // each test crate uses a different part

use offence_charts::Found;

macro_rules! release {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!("../fixtures/releases/", $name, ".txt")),
            include_str!(concat!("../fixtures/releases/", $name, ".expected")),
        )
    };
}

/// Every release of the corpus: (name, text file, expected file). The native test checks this
/// list against the folder.
pub const RELEASES: [(&str, &str, &str); 11] = [
    release!("avon-and-somerset-2016-101-calls-foi"),
    release!("avon-and-somerset-2025-06-101-calls"),
    release!("hansard-2007-06-detection-rates"),
    release!("home-office-2022-05-999-calls"),
    release!("mpa-2007-05-borough-performance"),
    release!("ons-2014-10-crime-england-wales"),
    release!("ons-2019-07-crime-england-wales"),
    release!("police-scotland-2019-02-quarter-3"),
    release!("psni-2018-08-recorded-crime"),
    release!("scottish-government-2013-06-recorded-crime"),
    release!("scottish-government-2021-statistics-consultation"),
];

/// A figure as the corpus lists it: text, value, kind, unit, bound and range by name.
#[derive(Debug, Clone, PartialEq)]
pub struct Listed {
    pub text: String,
    pub value: f64,
    pub kind: String,
    pub unit: Option<String>,
    pub bound: String,
    pub range: Option<(f64, f64)>,
}

impl Listed {
    pub fn of(f: &Found) -> Listed {
        Listed {
            text: f.text.clone(),
            value: f.value,
            kind: f.kind.name().to_owned(),
            unit: f.unit.name().map(str::to_owned),
            bound: f.bound.name().to_owned(),
            range: f.range,
        }
    }

    pub fn same(&self, other: &Listed) -> bool {
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
    pub fn parse(line: &str) -> Listed {
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
pub struct Release {
    pub name: String,
    pub text: String,
    pub figures: Vec<Listed>,
    pub not: Vec<(String, String)>,
}

pub fn corpus() -> Vec<Release> {
    RELEASES
        .iter()
        .map(|&(name, whole, expected)| {
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
            for line in expected.lines() {
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
                name: name.to_owned(),
                text: text.to_owned(),
                figures,
                not,
            }
        })
        .collect()
}

/// The byte ranges of the braced numbers of `context` at each place it stands in `text`.
pub fn braced(text: &str, context: &str) -> Vec<(usize, usize)> {
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

/// How the figures found in one release compare with its lists.
pub struct Score {
    /// Figures marked.
    pub marked: usize,
    /// Figures listed.
    pub listed: usize,
    /// Figures marked that are listed (text, value, kind, unit, bound and range alike).
    pub right: usize,
    /// What is wrong, a line each: marked and not listed, listed and not marked, a not-figure
    /// marked.
    pub wrong: Vec<String>,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.marked == 0 {
            100.0
        } else {
            100.0 * self.right as f64 / self.marked as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.listed == 0 {
            100.0
        } else {
            100.0 * self.right as f64 / self.listed as f64
        }
    }
}

/// `found` (the figures of `r`'s text) against `r`'s lists.
pub fn score(r: &Release, found: &[Found]) -> Score {
    let mut wrong = Vec::new();
    for f in found {
        if r.text.get(f.span.0..f.span.1) != Some(f.text.as_str()) {
            wrong.push(format!("{}: {} does not stand at its span", r.name, f.text));
        }
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
    Score {
        marked: got.len(),
        listed: r.figures.len(),
        right: got.len() - extra.len(),
        wrong,
    }
}
