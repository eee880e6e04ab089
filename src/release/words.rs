//! Numbers written in words: cardinals ("twelve", "forty-three", "one and a half million") and
//! fractions ("a third", "two-thirds", "half"). Whether one is a figure is the scanner's call
//! ([`super::scan`]): most numbers in words are not ("the last five years", "Group One").

/// A word of a sentence with its byte range, lower case.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub lower: String,
}

/// The words of `s` from byte `at` on, at most `max`: runs of letters (with inner hyphens:
/// "forty-three", "two-thirds"), separated by white space or a hyphen. Stops at any other
/// character.
pub fn words_from(s: &str, at: usize, max: usize) -> Vec<Word> {
    let mut out = Vec::new();
    let rest = s.get(at..).unwrap_or("");
    let chars: Vec<(usize, char)> = rest.char_indices().collect();
    let mut start: Option<usize> = None;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let letter_next = chars.get(k + 1).is_some_and(|&(_, n)| n.is_alphabetic());
        if c.is_alphabetic() || (c == '-' && start.is_some() && letter_next) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(b) = start.take() {
            out.push(word(rest, at, b, i));
            if out.len() >= max {
                return out;
            }
        }
        if !(c.is_whitespace() || c == '-') {
            return out;
        }
    }
    if let Some(b) = start {
        out.push(word(rest, at, b, rest.len()));
    }
    out
}

fn word(rest: &str, at: usize, b: usize, e: usize) -> Word {
    Word {
        start: at + b,
        end: at + e,
        lower: rest.get(b..e).unwrap_or("").to_lowercase(),
    }
}

const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// The value of one cardinal word below a hundred ("seven", "forty", "forty-three").
fn small(word: &str) -> Option<f64> {
    if let Some(i) = UNITS.iter().position(|u| *u == word) {
        return Some(i as f64);
    }
    if let Some(i) = TENS.iter().position(|t| *t == word) {
        return Some((i as f64 + 2.0) * 10.0);
    }
    let (tens, unit) = word.split_once('-')?;
    let t = TENS.iter().position(|t| *t == tens)?;
    let u = UNITS
        .iter()
        .position(|u| *u == unit)
        .filter(|&u| (1..10).contains(&u))?;
    Some((t as f64 + 2.0) * 10.0 + u as f64)
}

fn scale(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(100.0),
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        _ => None,
    }
}

/// A cardinal in words starting at byte `at` of `s` (at the start of a word): (its end, its
/// value, whether a scale word — hundred, thousand, million — is in it). "one and a half
/// million" is 1,500,000; "four and a-half" is 4.5.
pub fn cardinal(s: &str, at: usize) -> Option<(usize, f64, bool)> {
    let words = words_from(s, at, 8);
    let first = words.first().filter(|w| w.start == at)?;
    let mut value = small(&first.lower)?;
    let mut end = first.end;
    let mut scaled = false;
    let mut k = 1;
    // "and a half", "and a-half", "and half"
    let is = |k: usize, w: &str| words.get(k).is_some_and(|x| x.lower == w);
    let half_at = |k: usize| {
        if is(k, "and") && is(k + 1, "half") {
            Some(k + 2)
        } else if is(k, "and") && is(k + 1, "a") && is(k + 2, "half") {
            Some(k + 3)
        } else if is(k, "and") && is(k + 1, "a-half") {
            Some(k + 2)
        } else {
            None
        }
    };
    if let Some(next) = half_at(k) {
        value += 0.5;
        end = words.get(next - 1).map_or(end, |w| w.end);
        k = next;
    }
    while let Some(m) = words.get(k).and_then(|w| scale(&w.lower)) {
        value *= m;
        scaled = true;
        end = words.get(k).map_or(end, |w| w.end);
        k += 1;
    }
    // The words must be joined by spaces or hyphens only.
    let joined = s
        .get(at..end)
        .is_some_and(|t| t.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-'));
    joined.then_some((end, value, scaled))
}

const FRACTIONS: [(&str, f64); 16] = [
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
    ("twentieth", 20.0),
    ("hundredth", 100.0),
];

/// A fraction in words at byte `at` of `s`: "a third", "one-third", "two thirds", "three
/// quarters", "half". Returns (its end, the share in per cent, rounded to one decimal).
pub fn fraction(s: &str, at: usize) -> Option<(usize, f64)> {
    let words = words_from(s, at, 3);
    let first = words.first().filter(|w| w.start == at)?;
    let denominator = |w: &str| FRACTIONS.iter().find(|(f, _)| *f == w).map(|&(_, d)| d);
    if let Some(d) = denominator(&first.lower).filter(|&d| d == 2.0) {
        return Some((first.end, round1(100.0 / d)));
    }
    // "one-third", "two-thirds" as one word
    if let Some((n, f)) = first.lower.split_once('-') {
        let n = if n == "a" { Some(1.0) } else { small(n) };
        if let (Some(n), Some(d)) = (n, denominator(f)) {
            return (n > 0.0 && n < d).then(|| (first.end, round1(100.0 * n / d)));
        }
    }
    let n = if first.lower == "a" {
        1.0
    } else {
        small(&first.lower)?
    };
    let second = words.get(1)?;
    let gap = s.get(first.end..second.start)?;
    let d = denominator(&second.lower)?;
    (gap == " " && n > 0.0 && n < d).then(|| (second.end, round1(100.0 * n / d)))
}

/// `x` rounded to one decimal.
pub fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinals() {
        fn v(s: &str) -> Option<(&str, f64)> {
            cardinal(s, 0).map(|(e, v, _)| (s.get(..e).unwrap_or(""), v))
        }
        assert_eq!(v("twelve days"), Some(("twelve", 12.0)));
        assert_eq!(v("Forty-three forces"), Some(("Forty-three", 43.0)));
        assert_eq!(
            v("one and half million incidents"),
            Some(("one and half million", 1.5e6))
        );
        assert_eq!(v("four and a-half minutes"), Some(("four and a-half", 4.5)));
        assert_eq!(v("forty-eleven"), None);
        assert_eq!(v("someone"), None);
    }

    #[test]
    fn fractions() {
        fn v(s: &str) -> Option<(&str, f64)> {
            fraction(s, 0).map(|(e, v)| (s.get(..e).unwrap_or(""), v))
        }
        assert_eq!(v("a third of"), Some(("a third", 33.3)));
        assert_eq!(v("two-thirds of"), Some(("two-thirds", 66.7)));
        assert_eq!(v("two thirds of"), Some(("two thirds", 66.7)));
        assert_eq!(v("half of"), Some(("half", 50.0)));
        assert_eq!(v("three quarters"), Some(("three quarters", 75.0)));
        assert_eq!(v("four quarters"), None);
        assert_eq!(v("a quarterly"), None);
    }
}
