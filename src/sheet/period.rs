//! A period as a statistics table heads it, named the way the release route names one: a
//! financial year `2023-24` is "April 2023–March 2024", a quarter `Q3 2023-24` "October–December
//! 2023", a cumulative one (`Q1-Q3 2023-24`, `Q3 2023-24 YTD`) "April–December 2023", a month
//! `Jan 2024` "January 2024", a span of months `Apr '11 to Mar '12` "April 2011–March 2012"
//! (labelled "Apr 2011–Mar 2012"), a calendar year `1971` itself.

/// A period's label (as the table writes it, or months cut to three letters) and its full name
/// when that says more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodName {
    /// Short: `2023-24`, `Q3 2023-24`, `Jan 2024`, `Apr 2011–Mar 2012`, `1971`.
    pub label: String,
    /// Full, when it differs from the label: `April 2023–March 2024`.
    pub name: Option<String>,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The month (1–12) a word names: `jan`, `January`, `sept`.
fn month(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| {
            let m = m.to_ascii_lowercase();
            m == w || (w.len() == 3 && m.starts_with(&w))
        })
        .map(|i| i as u32 + 1)
}

fn month_name(m: u32) -> &'static str {
    MONTHS
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    /// A number: value, digits, whether an apostrophe stands before it (`'11`).
    Num(u32, usize, bool),
    /// `-`, `–`, `/` or the word `to`.
    Sep(char),
}

fn tokens(text: &str) -> Option<Vec<Tok>> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    let mut apostrophe = false;
    while let Some(&c) = chars.peek() {
        if c.is_ascii_digit() {
            let mut digits = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(d);
                chars.next();
            }
            if digits.len() > 4 {
                return None;
            }
            let v = digits.parse().ok()?;
            out.push(Tok::Num(v, digits.len(), apostrophe));
            apostrophe = false;
            continue;
        }
        apostrophe = false;
        if c.is_alphabetic() {
            let mut word = String::new();
            while let Some(&d) = chars.peek().filter(|d| d.is_alphabetic()) {
                word.push(d);
                chars.next();
            }
            let lower = word.to_lowercase();
            out.push(if lower == "to" {
                Tok::Sep('-')
            } else {
                Tok::Word(lower)
            });
            continue;
        }
        chars.next();
        match c {
            '-' | '–' | '—' | '−' => out.push(Tok::Sep('-')),
            '/' => out.push(Tok::Sep('/')),
            '\'' | '’' | '‘' => apostrophe = true,
            '.' | ',' | '(' | ')' => {}
            c if c.is_whitespace() => {}
            _ => return None,
        }
    }
    Some(out)
}

/// A year from a number token: four digits 1900–2100, or two (`'11`, `24`) read as 1950–2049.
fn year(t: Option<&Tok>) -> Option<u32> {
    match t? {
        Tok::Num(v, 4, false) if (1900..=2100).contains(v) => Some(*v),
        Tok::Num(v, 2, _) => Some(if *v >= 50 { 1900 + v } else { 2000 + v }),
        _ => None,
    }
}

/// The financial year `2023-24`, `2023/24`, `2023-2024` at `toks[i..i + 3]`: its first year.
fn financial_year(toks: &[Tok]) -> Option<u32> {
    let [Tok::Num(first, 4, false), Tok::Sep(_), second] = toks else {
        return None;
    };
    if !(1900..=2100).contains(first) {
        return None;
    }
    match second {
        Tok::Num(v, 2, false) if *v == (first + 1) % 100 => Some(*first),
        Tok::Num(v, 4, false) if *v == first + 1 => Some(*first),
        _ => None,
    }
}

/// A span of months `from_m from_y – to_m to_y` named as the release route names it.
fn months_name(from_m: u32, from_y: u32, to_m: u32, to_y: u32) -> String {
    if from_m == to_m && from_y == to_y {
        return cat!(month_name(from_m), " ", from_y);
    }
    if from_y == to_y {
        cat!(month_name(from_m), "–", month_name(to_m), " ", to_y)
    } else {
        cat!(
            month_name(from_m),
            " ",
            from_y,
            "–",
            month_name(to_m),
            " ",
            to_y
        )
    }
}

/// Months cut to three letters: "April 2011–March 2012" → "Apr 2011–Mar 2012".
fn short(name: &str) -> String {
    let mut out = name.to_owned();
    for m in MONTHS {
        if m.len() > 3 {
            out = out.replace(m, m.get(..3).unwrap_or(m));
        }
    }
    out
}

/// The months (first month, its year, last month, its year) of quarter `q` (1–4) of financial
/// year `fy` (April to March), or of the cumulative quarters 1 to `q` when `cumulative`.
fn fy_quarter(fy: u32, q: u32, cumulative: bool) -> (u32, u32, u32, u32) {
    let at = |k: u32| {
        // Month k (0 = April) of the financial year.
        let m = (3 + k) % 12 + 1;
        (m, if k >= 9 { fy + 1 } else { fy })
    };
    let (first_m, first_y) = at(if cumulative { 0 } else { (q - 1) * 3 });
    let (last_m, last_y) = at(q * 3 - 1);
    (first_m, first_y, last_m, last_y)
}

/// Whether `toks` say the quarters are cumulative: `YTD`, `year to date`, `cumulative`.
fn take_cumulative(toks: &mut Vec<Tok>) -> bool {
    let mut found = false;
    let mut i = 0;
    while i < toks.len() {
        let w = |k: usize| match toks.get(k) {
            Some(Tok::Word(w)) => Some(w.as_str()),
            _ => None,
        };
        if matches!(w(i), Some("ytd" | "cumulative")) {
            toks.remove(i);
            found = true;
        } else if w(i) == Some("year")
            && toks.get(i + 1) == Some(&Tok::Sep('-'))
            && w(i + 2) == Some("date")
        {
            toks.drain(i..i + 3);
            found = true;
        } else {
            i += 1;
        }
    }
    found
}

/// A quarter number after `q`/`quarter` at `toks[i]`: (quarter, tokens used).
fn quarter_at(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    match (toks.get(i), toks.get(i + 1)) {
        (Some(Tok::Word(w)), Some(Tok::Num(n, 1, false)))
            if (w == "q" || w == "quarter") && (1..=4).contains(n) =>
        {
            Some((*n, 2))
        }
        _ => None,
    }
}

fn quarter(toks: &[Tok], text: &str, cumulative: bool) -> Option<PeriodName> {
    // The quarters first or last: "Q3 2023-24", "2023-24 Q3", "Q1-Q3 2023-24".
    let (q_at, year_toks) = if quarter_at(toks, 0).is_some() {
        (0, None)
    } else {
        let k = toks.iter().position(|t| matches!(t, Tok::Word(_)))?;
        (k, Some(toks.get(..k)?))
    };
    let (first, used) = quarter_at(toks, q_at)?;
    let mut end = q_at + used;
    let mut last = first;
    if toks.get(end) == Some(&Tok::Sep('-')) {
        if let Some((q, used)) = quarter_at(toks, end + 1) {
            last = q;
            end += 1 + used;
        }
    }
    let cumulative = cumulative || (first == 1 && last > 1);
    if last < first || (first != last && first != 1) {
        return None;
    }
    let year_toks = match year_toks {
        Some(y) => y,
        None => toks.get(end..)?,
    };
    if year_toks.is_empty() || (q_at > 0 && toks.len() != end) {
        return None;
    }
    let label = text.to_owned();
    if let Some(fy) = financial_year(year_toks) {
        let (a, ay, b, by) = fy_quarter(fy, last, cumulative);
        return Some(named(label, months_name(a, ay, b, by)));
    }
    if let [t] = year_toks {
        let y = year(Some(t)).filter(|_| matches!(t, Tok::Num(_, 4, _)))?;
        let from = if cumulative { 1 } else { (last - 1) * 3 + 1 };
        return Some(named(label, months_name(from, y, last * 3, y)));
    }
    None
}

fn named(label: String, name: String) -> PeriodName {
    let name = (!name.is_empty() && name != label).then_some(name);
    PeriodName { label, name }
}

/// The period `text` (a table's heading or first cell) names, if it names one.
pub fn period(text: &str) -> Option<PeriodName> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > 60 {
        return None;
    }
    let mut toks = tokens(text)?;
    let cumulative = take_cumulative(&mut toks);
    let label = text.to_owned();
    // A calendar year.
    if let [Tok::Num(y, 4, false)] = toks.as_slice() {
        return (1900..=2100)
            .contains(y)
            .then(|| named(label, String::new()));
    }
    if let Some(fy) = financial_year(&toks) {
        return Some(named(label, months_name(4, fy, 3, fy + 1)));
    }
    if let Some(p) = quarter(&toks, text, cumulative) {
        return Some(p);
    }
    // Months: "January 2024", "Jan-24", "2024-01", "Apr '11 to Mar '12", "April to December 2023".
    match toks.as_slice() {
        [Tok::Word(m), y] | [Tok::Word(m), Tok::Sep('-'), y] => {
            let m = month(m)?;
            let y = year(Some(y))?;
            let name = months_name(m, y, m, y);
            Some(named(short(&name), name))
        }
        [Tok::Num(y, 4, false), Tok::Sep('-'), Tok::Num(m, 2, false)] => {
            let y = year(Some(&Tok::Num(*y, 4, false)))?;
            let m = Some(*m).filter(|m| (1..=12).contains(m))?;
            let name = months_name(m, y, m, y);
            Some(named(short(&name), name))
        }
        [Tok::Word(a), rest @ ..] => {
            let from_m = month(a)?;
            let (from_y, rest) = match rest {
                [y @ Tok::Num(..), rest @ ..] => (Some(year(Some(y))?), rest),
                _ => (None, rest),
            };
            let [Tok::Sep('-'), Tok::Word(b), y] = rest else {
                return None;
            };
            let to_m = month(b)?;
            let to_y = year(Some(y))?;
            let from_y = from_y.unwrap_or(if from_m > to_m { to_y - 1 } else { to_y });
            if (from_y, from_m) > (to_y, to_m) || to_y - from_y > 1 {
                return None;
            }
            let name = months_name(from_m, from_y, to_m, to_y);
            Some(named(short(&name), name))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Option<(String, Option<String>)> {
        period(text).map(|p| (p.label, p.name))
    }

    fn both(label: &str, name: &str) -> Option<(String, Option<String>)> {
        Some((label.to_owned(), Some(name.to_owned())))
    }

    #[test]
    fn years_and_financial_years() {
        assert_eq!(p("1971"), Some(("1971".into(), None)));
        assert_eq!(p("2023-24"), both("2023-24", "April 2023–March 2024"));
        assert_eq!(p("2018/19"), both("2018/19", "April 2018–March 2019"));
        assert_eq!(p("1999-00"), both("1999-00", "April 1999–March 2000"));
        assert_eq!(p("2023-2024"), both("2023-2024", "April 2023–March 2024"));
        assert_eq!(p("2023-25"), None);
        assert_eq!(p("1573"), None);
        assert_eq!(p("12"), None);
        assert_eq!(p("Total crimes"), None);
    }

    #[test]
    fn quarters_plain_and_cumulative() {
        assert_eq!(p("Q3 2023-24"), both("Q3 2023-24", "October–December 2023"));
        assert_eq!(p("Q4 2023/24"), both("Q4 2023/24", "January–March 2024"));
        assert_eq!(
            p("Quarter 1 2023-24"),
            both("Quarter 1 2023-24", "April–June 2023")
        );
        assert_eq!(p("2023-24 Q2"), both("2023-24 Q2", "July–September 2023"));
        assert_eq!(
            p("Q1-Q3 2023-24"),
            both("Q1-Q3 2023-24", "April–December 2023")
        );
        assert_eq!(
            p("Q3 2023-24 YTD"),
            both("Q3 2023-24 YTD", "April–December 2023")
        );
        assert_eq!(
            p("Q4 2023-24 year to date"),
            both("Q4 2023-24 year to date", "April 2023–March 2024")
        );
        assert_eq!(p("Q3 2023"), both("Q3 2023", "July–September 2023"));
        assert_eq!(p("Q5 2023"), None);
    }

    #[test]
    fn months_and_spans_of_months() {
        assert_eq!(p("January 2024"), both("Jan 2024", "January 2024"));
        assert_eq!(p("Jan 2024"), both("Jan 2024", "January 2024"));
        assert_eq!(p("Jan-24"), both("Jan 2024", "January 2024"));
        assert_eq!(p("2024-01"), both("Jan 2024", "January 2024"));
        assert_eq!(
            p("Apr '11 to Mar '12"),
            both("Apr 2011–Mar 2012", "April 2011–March 2012")
        );
        assert_eq!(
            p("April 2018 - February 2019"),
            both("Apr 2018–Feb 2019", "April 2018–February 2019")
        );
        assert_eq!(
            p("April to December 2023"),
            both("Apr–Dec 2023", "April–December 2023")
        );
        assert_eq!(
            p("Apr–Feb 2020"),
            both("Apr 2019–Feb 2020", "April 2019–February 2020")
        );
        assert_eq!(p("Apr '11 to Mar '121"), None);
        assert_eq!(p("Mayhem 2020"), None);
    }
}
