#![cfg(not(target_arch = "wasm32"))]
//! Every rule of `docs/spec.md` with the exact message a journalist sees (`ChartError`'s Display).

use offence_charts::limits::MAX_SPEC_BYTES;
use offence_charts::Chart;
use offence_charts::Kind;
use serde_json::json;

mod common;
use common::{accepted, edited, refused as error, RATE, TREND};

/// The inputs behind the messages quoted in docs/spec.md, with their messages.
fn documented_cases() -> Vec<(String, String)> {
    let cases = [
        edited(TREND, |v| v["series"][0]["values"][1] = json!(-1)),
        edited(RATE, |v| v["categories"][0]["detected"] = json!(99)),
        edited(TREND, |v| {
            v["sources"][0]["url"] = json!("javascript:alert(1)")
        }),
        edited(TREND, |v| v["periods"][1]["label"] = json!("a")),
        TREND.replace(r#""title":"T","#, r#""tittle":"T","title":"T","#),
        TREND.replace(r#""title":"T","#, ""),
        r#"{"version":1,"#.to_owned(),
    ];
    cases
        .into_iter()
        .map(|c| {
            let e = error(&c);
            (c, e)
        })
        .collect()
}

#[test]
fn both_shipped_specs_validate() {
    let trend = Chart::named("offence-trend").expect("offence-trend validates");
    assert_eq!(trend.spec().kind, Kind::Trend);
    let values: Vec<f64> = trend.spec().series[0]
        .values
        .iter()
        .map(|f| f.value)
        .collect();
    assert_eq!(values, [1573.0, 1694.0]);
    let rate = Chart::named("detection-rate").expect("detection-rate validates");
    assert_eq!(rate.spec().kind, Kind::Rate);
    assert_eq!(rate.spec().categories.len(), 2);
    // The files on disk, not only the copies compiled in.
    for f in ["data/offence-trend.json", "data/detection-rate.json"] {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_owned() + f)
            .unwrap();
        accepted(&text);
    }
    assert_eq!(
        Chart::named("pie").unwrap_err().to_string(),
        "no chart is called \"pie\" (the named charts are: offence-trend, detection-rate)"
    );
    accepted(TREND);
    accepted(RATE);
}

#[test]
fn negative_figures_are_refused() {
    assert_eq!(
        error(&edited(TREND, |v| v["series"][0]["values"][1] = json!(-1))),
        "series[0].values[1]: must be a non-negative number"
    );
    assert_eq!(
        error(&edited(TREND, |v| v["series"][0]["values"][0] =
            json!({"value": -0.5}))),
        "series[0].values[0]: must be a non-negative number"
    );
    assert_eq!(
        error(&edited(RATE, |v| v["categories"][0] =
            json!({"label": "c", "rate": -3}))),
        "categories[0].rate: must be a non-negative number"
    );
    accepted(&edited(TREND, |v| v["series"][0]["values"][0] = json!(0)));
}

#[test]
fn detected_must_be_at_most_recorded() {
    let e = error(&edited(RATE, |v| {
        v["categories"][0]["detected"] = json!(99)
    }));
    assert_eq!(
        e,
        "categories[0].detected: 99 detected is more than the 98 recorded; detected \
        must be at most recorded"
    );
    accepted(&edited(RATE, |v| {
        v["categories"][0]["detected"] = json!(98)
    }));
}

#[test]
fn only_http_and_https_urls() {
    for url in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,x",
        "ftp://example.org/",
        "https://",
        "//example.org/x",
        "example.org",
    ] {
        assert_eq!(
            error(&edited(TREND, |v| v["sources"][0]["url"] = json!(url))),
            "sources[0].url: must be an http:// or https:// address",
            "{url}"
        );
    }
    for url in [
        "https://example.org/a b",
        "https://example.org/\"><script>",
        " https://example.org/",
    ] {
        assert_eq!(
            error(&edited(TREND, |v| v["sources"][0]["url"] = json!(url))),
            "sources[0].url: must be a single web address of at most 2000 characters, without \
                spaces, quotes or angle brackets",
            "{url}"
        );
    }
    let long = format!("https://example.org/{}", "a".repeat(2000));
    assert!(
        error(&edited(TREND, |v| v["sources"][0]["url"] = json!(long)))
            .starts_with("sources[0].url: must be a single web address of at most 2000")
    );
    for url in ["http://example.org/", "HTTPS://EXAMPLE.ORG/?a=1&b=2"] {
        accepted(&edited(TREND, |v| v["sources"][0]["url"] = json!(url)));
    }
}

#[test]
fn unknown_fields_are_named() {
    let text = TREND.replace(r#""title":"T","#, r#""tittle":"T","title":"T","#);
    assert_eq!(
        error(&text),
        "tittle: unknown field `tittle`, expected one of `version`, `kind`, `title`, `subtitle`, \
            `unit`, `sources`, `notes`, `revision`, `periods`, `series`, `mark`, `categories`, \
            `annotations`"
    );
    let text = TREND.replace("[1,2]", r#"[1,{"value":2,"sauce":0}]"#);
    assert_eq!(
        error(&text),
        "series[0].values[1].sauce: unknown field `sauce`, expected one of `value`, \
            `approximate`, `published`, `quote`, `source`, `missing`, `status`, `cell`"
    );
    let e = error(&TREND.replace(
        r#"{"name":"S"}"#,
        r#"{"name":"S","link":"https://example.org/"}"#,
    ));
    assert!(
        e.starts_with(
            "sources[0].link: unknown field `link`, expected one of `name`, `url`, `date`"
        ),
        "{e}"
    );
}

#[test]
fn missing_title() {
    let text = TREND.replace(r#""title":"T","#, "");
    assert_eq!(error(&text), "spec: missing required field `title`");
    assert_eq!(
        error(&edited(TREND, |v| v["title"] = json!(" \n "))),
        "title: must not be empty"
    );
    let text = TREND.replace(r#""title":"T""#, r#""title":null"#);
    assert_eq!(error(&text), "title: wrong type: null, expected a string");
}

#[test]
fn malformed_json() {
    assert_eq!(
        error(r#"{"version":1,"#),
        "spec is not valid JSON: EOF while parsing a value at line 1 column 13"
    );
    assert!(
        error("").starts_with("spec: is empty:"),
        "an empty spec is not a JSON problem"
    );
    let e = error(&format!("{TREND} x"));
    assert!(
        e.starts_with("spec is not valid JSON: trailing characters at line 1 column"),
        "{e}"
    );
    let e = error(&TREND.replace('"', "'"));
    assert!(
        e.starts_with("spec is not valid JSON: key must be a string at line 1 column 2"),
        "{e}"
    );
    let e = error(&TREND.replace("[1,2]", "[1,2,]"));
    assert!(
        e.starts_with("spec is not valid JSON: trailing comma"),
        "{e}"
    );
}

#[test]
fn version_must_be_1() {
    assert_eq!(
        error(&edited(TREND, |v| v["version"] = json!(2))),
        "version: must be 1 (this build reads version 1 specs), not 2"
    );
    assert_eq!(
        error(&edited(TREND, |v| v["version"] = json!(0))),
        "version: must be 1 (this build reads version 1 specs), not 0"
    );
    let e = error(&TREND.replace(r#""version":1"#, r#""version":"1""#));
    assert_eq!(
        e,
        "version: wrong type: string \"1\", expected the number 1"
    );
    // 1.0 is the number 1 in JSON; 1.5 is no version.
    accepted(&TREND.replace(r#""version":1"#, r#""version":1.0"#));
    let text = TREND.replace(r#""version":1"#, r#""version":1.5"#);
    assert_eq!(
        error(&text),
        "version: must be 1 (this build reads version 1 specs)"
    );
}

#[test]
fn title_and_text_limits() {
    assert_eq!(
        error(&edited(TREND, |v| v["title"] = json!("x".repeat(2000)))),
        "title: is 2000 characters long; at most 200 fit"
    );
    assert_eq!(
        error(&edited(TREND, |v| v["title"] = json!("x".repeat(201)))),
        "title: is 201 characters long; at most 200 fit"
    );
    // Characters, not bytes: 200 two-byte characters fit.
    accepted(&edited(TREND, |v| v["title"] = json!("é".repeat(200))));
    assert_eq!(
        error(&edited(TREND, |v| v["subtitle"] = json!("x".repeat(501)))),
        "subtitle: is 501 characters long; at most 500 fit"
    );
    assert_eq!(
        error(&edited(TREND, |v| v["periods"][0]["label"] = json!("x".repeat(121)))),
        "periods[0].label: is 121 characters long; at most 120 fit"
    );
    assert_eq!(
        error(&edited(TREND, |v| v["title"] = json!("a\u{7}b"))),
        "title: must not contain control characters"
    );
    accepted(&edited(TREND, |v| v["title"] = json!("two\nlines")));
    assert_eq!(
        error(&edited(TREND, |v| v["notes"] = json!(vec!["n"; 11]))),
        "notes: has 11 entries; at most 10 are allowed"
    );
    assert_eq!(
        error(&edited(TREND, |v| v["sources"] = json!([]))),
        "sources: needs at least 1 entry"
    );
    assert_eq!(
        error(&edited(TREND, |v| v["sources"] =
            json!(vec![json!({"name": "S"}); 11]))),
        "sources: has 11 entries; at most 10 are allowed"
    );
}

#[test]
fn at_most_12_series() {
    let series = |n: usize| {
        json!((0..n)
            .map(|i| json!({"name": format!("s{i}"), "values": [1, 2]}))
            .collect::<Vec<_>>())
    };
    assert_eq!(
        error(&edited(TREND, |v| v["series"] = series(13))),
        "series: has 13 entries; at most 12 are allowed"
    );
    accepted(&edited(TREND, |v| v["series"] = series(12)));
    assert_eq!(
        error(&edited(TREND, |v| v["series"] = json!([]))),
        "series: needs at least 1 entry"
    );
}

#[test]
fn one_figure_per_period() {
    assert_eq!(
        error(&edited(TREND, |v| v["series"][0]["values"] = json!([1]))),
        "series[0].values: has 1 figure but there are 2 periods; give one figure per period"
    );
    assert_eq!(
        error(&edited(TREND, |v| v["series"][0]["values"] = json!([1, 2, 3]))),
        "series[0].values: has 3 figures but there are 2 periods; give one figure per period"
    );
}

#[test]
fn period_labels_are_unique() {
    let msg = "periods[1].label: \"a\" is already the label of periods[0]; each period needs its \
        own label";
    assert_eq!(
        error(&edited(TREND, |v| v["periods"][1]["label"] = json!("a"))),
        msg
    );
    // Compared after trimming.
    assert_eq!(
        error(&edited(TREND, |v| v["periods"][1]["label"] = json!(" a "))),
        msg
    );
}

#[test]
fn rates_are_0_to_100() {
    assert_eq!(
        error(&edited(RATE, |v| v["categories"][0] =
            json!({"label": "c", "rate": 101}))),
        "categories[0].rate: must be a per cent from 0 to 100, not 101"
    );
    assert_eq!(
        error(&edited(
            RATE,
            |v| v["categories"][0] =
                json!({"label": "c", "rate": {"value": 100.5, "approximate": true}})
        )),
        "categories[0].rate: must be a per cent from 0 to 100, not 100.5"
    );
    accepted(&edited(RATE, |v| {
        v["categories"][0] = json!({"label": "c", "rate": 100})
    }));
}

#[test]
fn counts_are_whole_numbers() {
    assert_eq!(
        error(&edited(RATE, |v| v["categories"][0]["recorded"] = json!(98.5))),
        "categories[0].recorded: must be a whole number of offences, not 98.5"
    );
    assert_eq!(
        error(&edited(RATE, |v| v["categories"][0]["detected"] =
            json!({"value": 85.5}))),
        "categories[0].detected: must be a whole number of offences, not 85.5"
    );
    accepted(&RATE.replace("86", "86.0"));
    // Trend figures need not be whole.
    accepted(&edited(TREND, |v| {
        v["series"][0]["values"][0] = json!(12.5)
    }));
}

#[test]
fn huge_numbers() {
    // JSON has no NaN or Infinity; 1e400 overflows f64 and serde_json refuses it while parsing.
    let text = TREND.replace("[1,2]", "[1,1e400]");
    assert_eq!(
        error(&text),
        format!(
            "spec is not valid JSON: number out of range at line 1 column {}",
            text.find("1e400").unwrap() + 5
        )
    );
    let text = TREND.replace("[1,2]", r#"[1,{"value":-1e400}]"#);
    assert_eq!(
        error(&text),
        format!(
            "spec is not valid JSON: number out of range at line 1 column {}",
            text.find("1e400").unwrap() + 5
        )
    );
    assert_eq!(
        error(&TREND.replace("[1,2]", "[1,9007199254740993]")),
        "series[0].values[1]: must be at most 9007199254740991 (2^53 − 1)"
    );
    accepted(&TREND.replace("[1,2]", "[1,9007199254740991]"));
}

#[test]
fn specs_over_32_mib_are_refused_quickly() {
    let mut text = String::with_capacity(MAX_SPEC_BYTES + 1);
    text.push_str(TREND);
    text.push_str(&" ".repeat(MAX_SPEC_BYTES + 1 - TREND.len()));
    assert_eq!(text.len(), 33_554_433);
    let e = Chart::from_json(&text).unwrap_err();
    assert_eq!(
        e.to_string(),
        "spec: is 33554433 bytes long; at most 33554432 bytes are read"
    );
    // Exactly at the limit is read.
    text.pop();
    assert_eq!(text.len(), MAX_SPEC_BYTES);
    accepted(&text);
}

#[test]
fn fields_belong_to_their_kind() {
    assert_eq!(
        error(&edited(TREND, |v| v["categories"] =
            json!([{"label": "c", "rate": 5}]))),
        "categories: belongs to kind \"rate\"; a trend has periods and series"
    );
    assert_eq!(
        error(&edited(RATE, |v| v["periods"] = json!([{"label": "a"}]))),
        "periods: belongs to kind \"trend\"; a rate chart has categories"
    );
    assert_eq!(
        error(&edited(RATE, |v| v["series"] =
            json!([{"name": "x", "values": [1]}]))),
        "series: belongs to kind \"trend\"; a rate chart has categories"
    );
    accepted(&edited(TREND, |v| v["categories"] = json!([])));
    accepted(&edited(RATE, |v| {
        v["periods"] = json!([]);
        v["series"] = json!([]);
    }));
    assert_eq!(
        error(&edited(RATE, |v| v["categories"] = json!([]))),
        "categories: needs at least 1 entry"
    );
    assert_eq!(
        error(&edited(TREND, |v| v["periods"] = json!([]))),
        "periods: needs at least 1 entry"
    );
    let text = TREND.replace(r#""kind":"trend""#, r#""kind":"pie""#);
    assert_eq!(
        error(&text),
        "kind: unknown variant `pie`, expected `trend` or `rate`"
    );
    let text = TREND.replace(r#""title":"T""#, r#""title":"T","mark":"pie""#);
    assert_eq!(
        error(&text),
        "mark: unknown variant `pie`, expected one of `auto`, `bar`, `line`"
    );
}

#[test]
fn a_category_needs_counts_or_a_rate() {
    assert_eq!(
        error(&edited(RATE, |v| v["categories"][0] =
            json!({"label": "c", "detected": 3}))),
        "categories[0].recorded: is required with detected, to compute the rate"
    );
    assert_eq!(
        error(&edited(RATE, |v| v["categories"][0] =
            json!({"label": "c", "recorded": 3}))),
        "categories[0]: needs recorded and detected counts, or a published rate"
    );
    assert_eq!(
        error(&edited(RATE, |v| v["categories"][0] =
            json!({"label": "c", "recorded": 0, "detected": 0}))),
        "categories[0].recorded: must be more than 0 to compute a detection rate"
    );
    accepted(&edited(RATE, |v| {
        v["categories"][0] = json!({"label": "c", "recorded": 5, "rate": 40})
    }));
}

#[test]
fn figure_sources_and_types() {
    assert_eq!(
        error(&edited(TREND, |v| v["series"][0]["values"][0] =
            json!({"value": 1, "source": 1}))),
        "series[0].values[0].source: is 1 but there is only 1 source (counting from 0)"
    );
    let text = TREND.replace("[1,2]", r#"["12",2]"#);
    assert_eq!(
        error(&text),
        "series[0].values[0]: wrong type: string \"12\", expected a number, null or an object \
            with a \"value\" or \"missing\""
    );
    // null is a missing figure (not available), not a wrong type.
    let text = TREND.replace("[1,2]", "[null,2]");
    assert!(Chart::from_json(&text).is_ok());
    let text = TREND.replace("[1,2]", r#"[{"approximate":true},2]"#);
    assert_eq!(
        error(&text),
        "series[0].values[0]: missing required field `value` (or `missing`, saying why there \
            is none)"
    );
    let text = TREND.replace("[1,2]", r#"[{"value":1,"value":2},2]"#);
    assert_eq!(error(&text), "series[0].values[0]: duplicate field `value`");
    let text = TREND.replace("[1,2]", r#"[{"value":1,"source":0.5},2]"#);
    assert_eq!(
        error(&text),
        "series[0].values[0].source: must be a whole number from 0: the \
        index of a source in `sources`"
    );
    let text = TREND.replace("[1,2]", r#"[{"value":1,"source":"0"},2]"#);
    assert_eq!(
        error(&text),
        "series[0].values[0].source: wrong type: string \"0\", expected a whole number"
    );
}

/// The ```json blocks of docs/spec.md are accepted by the crate, and the messages it quotes are
/// the crate's own.
#[test]
fn docs_examples_are_real() {
    let md = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/spec.md"))
        .expect("docs/spec.md");
    let blocks: Vec<&str> = md
        .split("```json\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap_or(""))
        .collect();
    assert!(
        blocks.len() >= 2,
        "json examples in docs/spec.md: {}",
        blocks.len()
    );
    let kinds: Vec<Kind> = blocks.iter().map(|b| accepted(b).spec().kind).collect();
    assert!(
        kinds.contains(&Kind::Trend) && kinds.contains(&Kind::Rate),
        "{kinds:?}"
    );

    let quoted = md
        .split("## Error messages")
        .nth(1)
        .and_then(|s| s.split("```text\n").nth(1))
        .and_then(|s| s.split("```").next())
        .expect("error examples block");
    let real: Vec<String> = documented_cases().into_iter().map(|(_, e)| e).collect();
    let lines: Vec<&str> = quoted.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.len() >= 4, "{lines:?}");
    for line in lines {
        assert!(
            real.iter().any(|r| r == line),
            "docs/spec.md quotes a message the crate does not give:\n{line}\nreal:\n{}",
            real.join("\n")
        );
    }
}

#[test]
fn an_empty_or_blank_spec_is_an_error_that_says_so() {
    for text in ["", "   ", "\n\t "] {
        let e = Chart::from_json(text).unwrap_err().to_string();
        assert!(
            e.starts_with("spec: is empty: give a chart spec"),
            "{text:?}: {e}"
        );
    }
}

#[test]
fn annotations_mark_a_period_a_range_a_figure_or_a_category() {
    let with =
        |spec: &str, notes: &str| spec.replacen('{', &format!("{{\"annotations\":{notes},"), 1);
    let ok = with(
        TREND,
        r#"[{"text":"Campaign","period":"a"},{"text":"Lockdown","period":"a","to":"b"},
        {"text":"This one","period":"b","series":0}]"#,
    );
    assert!(
        Chart::from_json(&ok).is_ok(),
        "{:?}",
        Chart::from_json(&ok).err()
    );
    assert!(Chart::from_json(&with(RATE, r#"[{"text":"Grooming","category":0}]"#)).is_ok());
    let cases = [
        (
            with(TREND, r#"[{"text":"x","period":"c"}]"#),
            "annotations[0].period: \"c\" is not the label of any period",
        ),
        (
            with(TREND, r#"[{"text":"x"}]"#),
            "annotations[0]: missing field `period`: the label of the period it marks",
        ),
        (
            with(TREND, r#"[{"text":"x","period":"b","to":"a"}]"#),
            "annotations[0].to: must be a period at or after `period`",
        ),
        (
            with(TREND, r#"[{"text":"x","period":"a","series":3}]"#),
            "annotations[0].series: is not a series: there are 1",
        ),
        (
            with(TREND, r#"[{"text":"x","period":"a","category":0}]"#),
            "annotations[0].category: belongs to annotations of a rate chart",
        ),
        (
            with(TREND, r#"[{"text":" ","period":"a"}]"#),
            "annotations[0].text: must not be empty",
        ),
        (
            with(TREND, r#"[{"txt":"x","period":"a"}]"#),
            "annotations[0].txt: unknown field `txt`, expected one of `text`, `period`, `to`, \
                `series`, `category`",
        ),
        (
            with(RATE, r#"[{"text":"x","category":1}]"#),
            "annotations[0].category: is not a category: there are 1",
        ),
        (
            with(RATE, r#"[{"text":"x","category":0,"period":"a"}]"#),
            "annotations[0].period: belongs to annotations of a trend",
        ),
        (
            with(RATE, r#"[{"text":"x"}]"#),
            "annotations[0]: missing field `category`: the index of the category it marks",
        ),
        (
            with(RATE, r#"[{"text":"x","category":-1}]"#),
            "annotations[0].category: must be a whole number from 0: the index of a category in \
                `categories`",
        ),
    ];
    for (spec, message) in cases {
        assert_eq!(error(&spec), message, "{spec}");
    }
}

/// The one rule for a source's address, on the cases where the builder's checks and the crate's
/// once disagreed (`tests/fixtures/urls.json`; the builder's JavaScript reads the same file).
#[test]
fn the_url_rule_on_the_shared_cases() {
    let cases: serde_json::Value =
        serde_json::from_str(include_str!("fixtures/urls.json")).unwrap();
    for case in cases.as_array().unwrap() {
        let url = case["url"].as_str().unwrap();
        let ok = case["ok"].as_bool().unwrap();
        let mut spec: serde_json::Value = serde_json::from_str(TREND).unwrap();
        spec["sources"][0]["url"] = url.into();
        let result = Chart::from_json(&spec.to_string());
        assert_eq!(
            result.is_ok(),
            ok,
            "{}: {url:?}: {:?}",
            case["why"],
            result.err().map(|e| e.to_string())
        );
    }
}
