//! The headline checked against the figures: the default charts' titles hold, and a title the
//! figures contradict is a warning (`describe::claims`).
#![cfg(not(target_arch = "wasm32"))]

use offence_charts::{check_claims as check, Chart, Claim, Verdict};

fn claims(name: &str) -> Vec<Claim> {
    check(Chart::named(name).unwrap().spec())
}

#[test]
fn the_default_charts_headlines_hold() {
    let t = claims("offence-trend");
    assert_eq!(t.len(), 1, "{t:?}");
    assert_eq!(t[0].words, "rose by 7.7 %");
    assert_eq!(t[0].figures, "1,573 → 1,694, +7.7 %");
    assert_eq!(t[0].verdict, Verdict::Holds);
    let r = claims("detection-rate");
    let nine = r
        .iter()
        .find(|c| c.words == "Nearly nine in ten")
        .expect("{r:?}");
    assert_eq!(nine.verdict, Verdict::Holds, "{nine:?}");
    assert!(nine.figures.contains("86 of 98 = 87.8 %"), "{nine:?}");
}

#[test]
fn a_headline_the_figures_contradict_is_a_warning() {
    let chart = Chart::named("offence-trend").unwrap();
    let mut spec = chart.spec().clone();
    spec.title = "Offences fell by 7.7 %".into();
    assert_eq!(check(&spec)[0].verdict, Verdict::Contradicted);
    spec.title = "Offences rose by 8.2 per cent".into();
    let c = &check(&spec)[0];
    assert_eq!(
        (c.words.as_str(), c.verdict),
        ("rose by 8.2 per cent", Verdict::Contradicted)
    );
    spec.title = "Offences rose by 8%".into();
    assert_eq!(
        check(&spec)[0].verdict,
        Verdict::Holds,
        "7.7 rounds to 8 at no decimals"
    );
    let rate = Chart::named("detection-rate").unwrap();
    let mut spec = rate.spec().clone();
    spec.title = "Nearly all, 95 per cent, were detected".into();
    let c = check(&spec);
    assert_eq!(c.len(), 1, "{c:?}");
    assert_eq!(c[0].verdict, Verdict::Contradicted);
}
