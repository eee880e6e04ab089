//! The headline checked against the figures: the claims a chart's title and subtitle make
//! ("rose by 7.7 %", "nearly nine in ten", "70 per cent", "doubled") and whether the chart's own
//! figures bear each out at the precision written, with the figure worked out.
//!
//! For the builder: native, and in the builder's own wasm (cargo feature `builder`).

use crate::describe::rate_of;
use crate::spec::{Kind, Spec};
use crate::text::{count, one_decimal};

/// Whether a claim holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The figures bear it out at the precision written.
    Holds,
    /// The figures say otherwise: a warning, never a silent pass.
    Contradicted,
}

/// One claim of the title or subtitle, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// `"title"` or `"subtitle"`.
    pub field: &'static str,
    /// The words that make the claim: `rose by 7.7 %`, `nearly nine in ten`.
    pub words: String,
    /// What the figures say: `1,573 → 1,694, +7.7 %`, `86 of 98 = 87.8 %`.
    pub figures: String,
    /// Whether they bear it out.
    pub verdict: Verdict,
}

const UP: [&str; 10] = [
    "rose",
    "rise",
    "rises",
    "risen",
    "up",
    "increased",
    "increase",
    "grew",
    "climbed",
    "higher",
];
const DOWN: [&str; 9] = [
    "fell",
    "fall",
    "falls",
    "down",
    "decreased",
    "decrease",
    "dropped",
    "declined",
    "lower",
];
const APPROX: [&str; 5] = ["nearly", "almost", "about", "around", "roughly"];
const NUMBER_WORDS: [&str; 11] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Every claim in `spec`'s title and subtitle that its figures can check.
pub fn check(spec: &Spec) -> Vec<Claim> {
    let mut out = Vec::new();
    for (field, text) in [
        ("title", Some(spec.title.as_str())),
        ("subtitle", spec.subtitle.as_deref()),
    ] {
        let Some(text) = text else { continue };
        let words: Vec<String> = text
            .split(|c: char| c.is_whitespace())
            .map(|w| {
                w.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '(' | ')' | '.' | '“' | '”'))
            })
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        match spec.kind {
            Kind::Trend => trend_claims(spec, field, &words, &mut out),
            Kind::Rate => rate_claims(spec, field, &words, &mut out),
        }
    }
    out
}

/// First and last figure of the first series, and its relative change in per cent.
fn first_last(spec: &Spec) -> Option<(f64, f64, f64)> {
    let s = spec.series.first()?;
    let (a, b) = (s.values.first()?.value, s.values.last()?.value);
    Some((
        a,
        b,
        if a > 0.0 {
            (b - a) / a * 100.0
        } else {
            f64::NAN
        },
    ))
}

fn trend_claims(spec: &Spec, field: &'static str, words: &[String], out: &mut Vec<Claim>) {
    let Some((a, b, change)) = first_last(spec) else {
        return;
    };
    let sign = if change >= 0.0 { "+" } else { "−" };
    let moved = if change.is_finite() {
        cat!(
            count(a),
            " → ",
            count(b),
            ", ",
            sign,
            one_decimal(change.abs()),
            " %"
        )
    } else {
        cat!(count(a), " → ", count(b))
    };
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        let up = UP.contains(&lower.as_str());
        let down = DOWN.contains(&lower.as_str());
        let doubled = lower == "doubled";
        let halved = lower == "halved";
        if !(up || down || doubled || halved) {
            continue;
        }
        let mut claim = w.clone();
        let mut holds = if up {
            b > a
        } else if down {
            b < a
        } else if doubled {
            (b / a - 2.0).abs() < 0.05
        } else {
            (b / a - 0.5).abs() < 0.025
        };
        // "by 7.7 %", "by 7.7 per cent", "by 8%": the size at the precision written.
        if words
            .get(i + 1)
            .is_some_and(|w| w.eq_ignore_ascii_case("by"))
        {
            if let Some((x, decimals, used)) = percent_at(words, i + 2) {
                claim = words
                    .get(i..i + 2 + used)
                    .map(|w| w.join(" "))
                    .unwrap_or(claim);
                holds = holds && rounds_to(change.abs(), x, decimals);
            }
        }
        out.push(Claim {
            field,
            words: claim,
            figures: moved.clone(),
            verdict: if holds {
                Verdict::Holds
            } else {
                Verdict::Contradicted
            },
        });
    }
}

fn rate_claims(spec: &Spec, field: &'static str, words: &[String], out: &mut Vec<Claim>) {
    let rates: Vec<(f64, String)> = spec
        .categories
        .iter()
        .filter_map(|c| {
            let r = rate_of(c)?;
            let how = match (&c.detected, &c.recorded) {
                (Some(d), Some(t)) if r.computed => {
                    cat!(count(d.value), " of ", count(t.value), " = ", r.label())
                }
                _ => r.label(),
            };
            Some((r.value, cat!(c.label.trim(), ": ", how)))
        })
        .collect();
    if rates.is_empty() {
        return;
    }
    let mut i = 0;
    while i < words.len() {
        let approx = words
            .get(i)
            .is_some_and(|w| APPROX.contains(&w.to_lowercase().as_str()));
        let at = if approx { i + 1 } else { i };
        // "nine in ten", "9 in 10", "70 per cent", "70%".
        let claim = in_ten(words, at)
            .map(|(x, used)| (x, 0, used))
            .or_else(|| percent_at(words, at));
        let Some((x, decimals, used)) = claim else {
            i += 1;
            continue;
        };
        let matching = rates.iter().find(|(r, _)| {
            if approx {
                // "nearly 90": below it and within 5 points; "about 90": within 5 points.
                *r <= x + 0.5 && *r >= x - 5.0
            } else {
                rounds_to(*r, x, decimals)
            }
        });
        let (verdict, figures) = match matching {
            Some((_, how)) => (Verdict::Holds, how.clone()),
            None => {
                let all: Vec<String> = rates.iter().map(|(_, how)| how.clone()).collect();
                (Verdict::Contradicted, crate::text::join(&all, "; "))
            }
        };
        let start = i;
        i = at + used;
        let said = words.get(start..i).map(|w| w.join(" ")).unwrap_or_default();
        out.push(Claim {
            field,
            words: said,
            figures,
            verdict,
        });
    }
}

/// A per cent at word `k`: `7.7 %`, `7.7%`, `7.7 per cent`, `8 percent`; its value, decimals
/// written and words used.
fn percent_at(words: &[String], k: usize) -> Option<(f64, usize, usize)> {
    let w = words.get(k)?;
    let (number, used) = if let Some(n) = w.strip_suffix('%') {
        (n, 1)
    } else if words
        .get(k + 1)
        .is_some_and(|n| n == "%" || n.eq_ignore_ascii_case("percent"))
    {
        (w.as_str(), 2)
    } else if words
        .get(k + 1)
        .is_some_and(|n| n.eq_ignore_ascii_case("per"))
        && words
            .get(k + 2)
            .is_some_and(|n| n.eq_ignore_ascii_case("cent"))
    {
        (w.as_str(), 3)
    } else {
        return None;
    };
    let value: f64 = number.parse().ok()?;
    let decimals = number.split_once('.').map(|(_, d)| d.len()).unwrap_or(0);
    value.is_finite().then_some((value, decimals, used))
}

/// "nine in ten", "9 in 10" at word `k`: the share in per cent and the words used.
fn in_ten(words: &[String], k: usize) -> Option<(f64, usize)> {
    let n = |w: &String| {
        let l = w.to_lowercase();
        NUMBER_WORDS
            .iter()
            .position(|x| *x == l)
            .map(|p| p as f64)
            .or_else(|| l.parse().ok())
    };
    let (a, b) = (n(words.get(k)?)?, n(words.get(k + 2)?)?);
    (words.get(k + 1)?.eq_ignore_ascii_case("in") && b > 0.0 && a <= b)
        .then_some((a / b * 100.0, 3))
}

/// Whether `v` rounds to `x` at `decimals` decimals.
fn rounds_to(v: f64, x: f64, decimals: usize) -> bool {
    let scale = 10f64.powi(decimals.min(6) as i32);
    (v * scale).round() == (x * scale).round()
}
