//! Period phrases in a sentence: "between April 2018 and February 2019", "from April 2019 to
//! February 2020", "2018/19", "in the three months after the campaign launched", "before the
//! campaign".

use super::cues::is_month as month_word;

/// A word of a sentence with its byte range.
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(sentence: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in sentence
        .char_indices()
        .chain(std::iter::once((sentence.len(), ' ')))
    {
        let part = c.is_alphanumeric() || c == '/' || c == '’' || c == '\'';
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word {
                    start: s,
                    end: i,
                    text: sentence.get(s..i).unwrap_or(""),
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

fn is_month(w: &Word) -> bool {
    month_word(&w.text.to_lowercase())
}

fn is_year(w: &Word) -> bool {
    w.text.len() == 4
        && w.text.chars().all(|c| c.is_ascii_digit())
        && w.text
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y))
}

/// "2018/19" or "2018/2019".
fn is_year_span(w: &Word) -> bool {
    let mut parts = w.text.split('/');
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    a.len() == 4
        && (b.len() == 2 || b.len() == 4)
        && (a.chars().chain(b.chars())).all(|c| c.is_ascii_digit())
}

const SPANS: [&str; 8] = [
    "day", "days", "week", "weeks", "month", "months", "year", "years",
];

/// The period phrases of `sentence` as (start, end, text), in order, none inside another.
pub fn periods(sentence: &str) -> Vec<(usize, usize, String)> {
    let w = words(sentence);
    let lower: Vec<String> = w.iter().map(|w| w.text.to_lowercase()).collect();
    let is = |k: usize, s: &str| lower.get(k).is_some_and(|l| l == s);
    let month_year = |k: usize| w.get(k).is_some_and(is_month) && w.get(k + 1).is_some_and(is_year);
    let mut found: Vec<(usize, usize)> = Vec::new(); // word ranges, end exclusive
    for k in 0..w.len() {
        // between <Month> <Year> and <Month> <Year>; from <Month> <Year> to <Month> <Year>
        for (open, join) in [("between", "and"), ("from", "to")] {
            if is(k, open) && month_year(k + 1) && is(k + 3, join) && month_year(k + 4) {
                found.push((k, k + 6));
            }
        }
        if w.get(k).is_some_and(is_year_span) {
            found.push((k, k + 1));
        }
        // in the <n> <span> after|before|since <the rest of the clause>
        if is(k, "in")
            && is(k + 1, "the")
            && lower
                .get(k + 3)
                .is_some_and(|s| SPANS.contains(&s.as_str()))
            && ["after", "before", "since"].iter().any(|a| is(k + 4, a))
        {
            found.push((k, clause_end(sentence, &w, k + 5)));
        }
        // before|after the <noun>
        if (is(k, "before") || is(k, "after")) && is(k + 1, "the") && w.get(k + 2).is_some() {
            found.push((k, k + 3));
        }
    }
    // Longest first, then drop any phrase inside one already kept.
    found.sort_by_key(|&(a, b)| (std::cmp::Reverse(b - a), a));
    let mut kept: Vec<(usize, usize)> = Vec::new();
    for (a, b) in found {
        if !kept.iter().any(|&(x, y)| x <= a && b <= y) {
            kept.push((a, b));
        }
    }
    kept.sort();
    kept.into_iter()
        .filter_map(|(a, b)| {
            let (s, e) = (w.get(a)?.start, w.get(b.checked_sub(1)?)?.end);
            Some((s, e, sentence.get(s..e)?.to_owned()))
        })
        .collect()
}

/// The word index one past the clause that starts at word `k`: up to a comma, semicolon or the
/// end of the sentence.
fn clause_end(sentence: &str, w: &[Word], k: usize) -> usize {
    let mut end = k;
    while let Some(word) = w.get(end) {
        let gap = w
            .get(end.wrapping_sub(1))
            .map(|p| sentence.get(p.end..word.start).unwrap_or(""));
        if end > k && gap.is_some_and(|g| g.contains([',', ';', '.', '–', '—'])) {
            break;
        }
        end += 1;
    }
    end
}
