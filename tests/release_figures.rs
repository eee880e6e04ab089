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

mod release_corpus;

#[test]
fn the_corpus_of_real_releases() {
    use release_corpus::{corpus, score, RELEASES};
    // Every release in the folder is in the corpus's list (which the wasm test embeds).
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/releases");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("tests/fixtures/releases")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| n.strip_suffix(".txt").map(str::to_owned))
        .collect();
    files.sort();
    let listed: Vec<&str> = RELEASES.iter().map(|r| r.0).collect();
    assert_eq!(files, listed, "tests/release_corpus/mod.rs: RELEASES");
    let releases = corpus();
    assert!(releases.len() >= 10, "{} releases", releases.len());
    let (mut marked, mut listed, mut right) = (0, 0, 0);
    let mut wrong = Vec::new();
    for r in &releases {
        let s = score(r, &find_figures(&r.text));
        println!(
            "{:<52} precision {:>5.1} % ({}/{}), recall {:>5.1} % ({}/{}), {} not figures",
            r.name,
            s.precision(),
            s.right,
            s.marked,
            s.recall(),
            s.right,
            s.listed,
            r.not.len(),
        );
        marked += s.marked;
        listed += s.listed;
        right += s.right;
        wrong.extend(s.wrong);
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
