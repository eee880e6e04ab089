//! Published charts end to end through the `offence-charts` command: versions, corrections and
//! updates, refusals that write nothing, 20 publishes at once, a publish killed at each step.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_offence-charts");

fn store(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("oc-store-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn trend() -> Value {
    serde_json::from_str(include_str!("../data/offence-trend.json")).unwrap()
}

fn write_spec(dir: &Path, name: &str, spec: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_string(spec).unwrap()).unwrap();
    path
}

fn publish(store: &Path, spec: &Path, extra: &[&str]) -> Output {
    Command::new(BIN)
        .args([
            "publish",
            spec.to_str().unwrap(),
            "--id",
            "online-abuse",
            "--store",
        ])
        .arg(store)
        .args(extra)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn json(path: PathBuf) -> Value {
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Every file under `dir` with its bytes, hidden ones (the lock) left out.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if p.is_dir() {
                out.extend(snapshot(&p));
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn first_correction_update_and_words_each_a_version_with_the_revision_line() {
    let dir = store("flow");
    let st = dir.join("store");
    let v1 = write_spec(&dir, "v1.json", &trend());
    let o = publish(&st, &v1, &["--by", "Ann Editor"]);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("version 1 published"), "{}", text(&o));

    // The same spec again: nothing to publish.
    let before = snapshot(&st);
    let o = publish(&st, &v1, &[]);
    assert!(!o.status.success());
    assert!(text(&o).contains("nothing changed"), "{}", text(&o));
    assert_eq!(snapshot(&st), before);

    // A published figure changed: refused without a note, listing old → new.
    let mut spec = trend();
    spec["series"][0]["values"][1]["value"] = 1537.into();
    let v2 = write_spec(&dir, "v2.json", &spec);
    let o = publish(&st, &v2, &[]);
    assert!(!o.status.success());
    assert!(
        text(&o).contains("Recorded offences, April 2019–February 2020: 1,694 → 1,537"),
        "{}",
        text(&o)
    );
    assert_eq!(snapshot(&st), before, "a refused correction writes nothing");
    let note = "The 2019-20 figure was 1,537, not 1,694";
    let o = publish(&st, &v2, &["--note", note]);
    assert!(o.status.success(), "{}", text(&o));
    let current = json(st.join("online-abuse/current.json"));
    assert_eq!(current["version"], 2);
    assert_eq!(current["kind"], "correction");
    let line = current["spec"]["revision"].as_str().unwrap();
    assert!(
        line.starts_with("Corrected ") && line.ends_with(&format!(": {note}")),
        "{line}"
    );
    assert_eq!(json(st.join("online-abuse/2.json")), current);
    assert_eq!(
        json(st.join("online-abuse/1.json"))["spec"]["series"][0]["values"][1]["value"],
        1694,
        "version 1 is kept as it was"
    );

    // A new period only: an update, no note needed; the correction stays in the line.
    spec["periods"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({"label": "Apr 2020–Feb 2021"}));
    spec["series"][0]["values"]
        .as_array_mut()
        .unwrap()
        .push(1800.into());
    let v3 = write_spec(&dir, "v3.json", &spec);
    let o = publish(&st, &v3, &[]);
    assert!(o.status.success(), "{}", text(&o));
    let line = json(st.join("online-abuse/current.json"))["spec"]["revision"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        line.starts_with("Updated ") && line.contains(". Corrected ") && line.contains(note),
        "{line}"
    );

    // Words only: a plain version, the line unchanged.
    spec["title"] = "Online child sexual abuse offences in Scotland".into();
    let v4 = write_spec(&dir, "v4.json", &spec);
    assert!(publish(&st, &v4, &[]).status.success());
    let current = json(st.join("online-abuse/current.json"));
    assert_eq!(current["kind"], "words");
    assert_eq!(current["spec"]["revision"].as_str(), Some(line.as_str()));

    // The history: four versions, each with its changes; the page lists them, escaped.
    let history = json(st.join("online-abuse/history.json"));
    assert_eq!(history["current"], 4);
    let kinds: Vec<&str> = history["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["first", "correction", "update", "words"]);
    assert_eq!(history["versions"][0]["by"], "Ann Editor");
    let page = std::fs::read_to_string(st.join("online-abuse/changes.html")).unwrap();
    assert!(page.contains("<h2>Version 2: Corrected "), "{page}");
    assert!(page.contains("1,694 → 1,537"));
    assert!(!page.contains("<script"));
    let o = Command::new(BIN)
        .args(["history", "--id", "online-abuse", "--store"])
        .arg(&st)
        .output()
        .unwrap();
    assert!(text(&o).contains("version 2: Corrected"), "{}", text(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn refusals_write_nothing() {
    let dir = store("refusals");
    let st = dir.join("store");
    std::fs::create_dir_all(&st).unwrap();
    let good = write_spec(&dir, "good.json", &trend());
    let mut over = trend();
    over["title"] = "x".repeat(201).into();
    let over = write_spec(&dir, "over.json", &over);
    let mut negative = trend();
    negative["series"][0]["values"][0]["value"] = (-1).into();
    let negative = write_spec(&dir, "negative.json", &negative);
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"version\": 1,").unwrap();
    for (spec, id, says) in [
        (&good, "../x", "may hold only"),
        (&good, "a/b", "may hold only"),
        (&good, ".", "may hold only"),
        (&good, "", "is empty"),
        (&good, "Upper", "may hold only"),
        (&good, &"a".repeat(81), "over 80"),
        (&over, "ok", "title"),
        (&negative, "ok", "series[0].values[0]"),
        (&broken, "ok", "EOF"),
    ] {
        let o = Command::new(BIN)
            .args(["publish", spec.to_str().unwrap(), "--id", id, "--store"])
            .arg(&st)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(1), "{id}: {}", text(&o));
        assert!(text(&o).contains(says), "{id}: {}", text(&o));
        assert!(snapshot(&st).is_empty(), "{id}: nothing written");
        assert_eq!(
            std::fs::read_dir(&st).unwrap().count(),
            0,
            "{id}: no folder"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn twenty_publishes_at_once_are_twenty_whole_versions() {
    let dir = store("parallel");
    let st = dir.join("store");
    for i in 0..20 {
        let mut spec = trend();
        spec["title"] = format!("Version by publisher {i}").into();
        write_spec(&dir, &format!("p{i}.json"), &spec);
    }
    // All spawned before any is waited for.
    let spawned: Vec<_> = (0..20)
        .map(|i| {
            let path = dir.join(format!("p{i}.json"));
            Command::new(BIN)
                .args([
                    "publish",
                    path.to_str().unwrap(),
                    "--id",
                    "parallel",
                    "--store",
                ])
                .arg(&st)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ok = 0;
    for child in spawned {
        let o = child.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", text(&o));
        ok += 1;
    }
    assert_eq!(ok, 20);
    let history = json(st.join("parallel/history.json"));
    assert_eq!(history["current"], 20);
    let mut titles = Vec::new();
    for n in 1..=20 {
        let v = json(st.join(format!("parallel/{n}.json")));
        assert_eq!(v["version"], n, "version {n} numbered once");
        assert_eq!(history["versions"][n - 1]["version"], n);
        titles.push(v["spec"]["title"].as_str().unwrap().to_owned());
    }
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), 20, "every publisher's spec is one version");
    assert!(!st.join("parallel/21.json").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_publish_killed_at_any_step_leaves_the_old_version_or_the_new_one_whole() {
    let steps = [
        "2.json:written",
        "current.json:before",
        "current.json:written",
        "history.json:written",
        "changes.html:written",
    ];
    for step in steps {
        let dir = store(&format!("kill-{}", step.replace([':', '.'], "-")));
        let st = dir.join("store");
        let v1 = write_spec(&dir, "v1.json", &trend());
        assert!(publish(&st, &v1, &[]).status.success());
        let mut spec = trend();
        spec["title"] = "Second".into();
        let v2 = write_spec(&dir, "v2.json", &spec);
        let o = Command::new(BIN)
            .args([
                "publish",
                v2.to_str().unwrap(),
                "--id",
                "online-abuse",
                "--store",
            ])
            .arg(&st)
            .env("OC_KILL_AT", step)
            .output()
            .unwrap();
        assert!(!o.status.success(), "{step}: the publish was killed");
        // What a reader loads is whole: version 1 as it was, or version 2 complete.
        let current = json(st.join("online-abuse/current.json"));
        let n = current["version"].as_u64().unwrap();
        match n {
            1 => assert_eq!(current["spec"]["title"], trend()["title"], "{step}"),
            2 => {
                assert_eq!(current["spec"]["title"], "Second", "{step}");
                assert_eq!(json(st.join("online-abuse/2.json")), current, "{step}");
            }
            _ => panic!("{step}: version {n}"),
        }
        // `FILE:written` is the moment the file is whole beside its name, not yet renamed.
        let expected = if step.starts_with("2.json") || step.starts_with("current.json") {
            1
        } else {
            2
        };
        assert_eq!(n, expected, "{step}");
        // The next publish goes on from there: numbered once, history whole.
        spec["title"] = "Third".into();
        let v3 = write_spec(&dir, "v3.json", &spec);
        let o = publish(&st, &v3, &[]);
        assert!(o.status.success(), "{step}: {}", text(&o));
        let history = json(st.join("online-abuse/history.json"));
        assert_eq!(history["current"], n + 1, "{step}");
        let numbers: Vec<u64> = history["versions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v["version"].as_u64().unwrap())
            .collect();
        assert_eq!(numbers, (1..=n + 1).collect::<Vec<_>>(), "{step}");
        let leftovers: Vec<_> = std::fs::read_dir(st.join("online-abuse"))
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty(), "{step}: temporaries swept");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

/// The chart's own page carries its share card, canonical link and oEmbed discovery, all
/// absolute once the store knows the site's address; the card is the chart as `render` draws
/// it, pixel for pixel; the static oEmbed answer sizes the iframe to the chart's tallest layout.
#[test]
fn the_chart_page_share_card_and_oembed_answer() {
    let dir = store("share");
    let st = dir.join("store");
    let v1 = write_spec(&dir, "v1.json", &trend());
    let site = "https://charts.example.org/oc/";
    let o = publish(&st, &v1, &["--site-url", site]);
    assert!(o.status.success(), "{}", text(&o));
    let page = std::fs::read_to_string(st.join("online-abuse/index.html")).unwrap();
    for tag in [
        "<link rel=\"canonical\" href=\"https://charts.example.org/oc/charts/online-abuse/\">",
        "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://charts.example.org/oc/oembed?format=json&amp;url=https%3A%2F%2Fcharts.example.org%2Foc%2Fcharts%2Fonline-abuse%2F\"",
        "<meta property=\"og:image\" content=\"https://charts.example.org/oc/charts/online-abuse/1.png\">",
        "<meta property=\"og:image:width\" content=\"1200\">",
        "<meta property=\"og:image:height\" content=\"630\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
        "<meta property=\"og:title\" content=\"Online child sexual abuse offences recorded in Scotland rose by 7.7 %\">",
        "<meta property=\"og:description\" content=\"Chart: Online child sexual abuse",
        "data-offence-chart data-chart=\"online-abuse\"",
        "<script type=\"module\" src=\"../../offence-charts.js\"></script>",
    ] {
        assert!(page.contains(tag), "missing {tag}\n{page}");
    }
    // The card: 1200 × 630 and the same pixels as `render` at one of the card's layouts.
    let card = std::fs::read(st.join("online-abuse/1.png")).unwrap();
    assert_eq!(offence_charts::store::png_size(&card), Some((1200, 630)));
    let spec = dir.join("current-spec.json");
    let current = json(st.join("online-abuse/current.json"));
    std::fs::write(&spec, current["spec"].to_string()).unwrap();
    let same = [
        ("960", "504", "1.25"),
        ("1000", "525", "1.2"),
        ("1200", "630", "1"),
    ]
    .iter()
    .any(|(w, h, s)| {
        let out = dir.join(format!("render-{w}.png"));
        let o = Command::new(BIN)
            .args(["render", spec.to_str().unwrap(), out.to_str().unwrap()])
            .args(["--width", w, "--height", h, "--scale", s])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", text(&o));
        pixels(&std::fs::read(&out).unwrap()) == pixels(&card)
    });
    assert!(same, "the card is a render of the chart");
    // A correction: a new card for version 2, the page points at it, version 1's stays.
    let mut fixed = trend();
    fixed["series"][0]["values"][1]["value"] = 1690.into();
    let v2 = write_spec(&dir, "v2.json", &fixed);
    assert!(publish(&st, &v2, &["--note", "It was 1,690"])
        .status
        .success());
    let page = std::fs::read_to_string(st.join("online-abuse/index.html")).unwrap();
    assert!(page.contains("/charts/online-abuse/2.png\">"));
    assert!(page.contains("1,690"), "the summary follows the correction");
    assert_ne!(std::fs::read(st.join("online-abuse/2.png")).unwrap(), card);
    assert_eq!(std::fs::read(st.join("online-abuse/1.png")).unwrap(), card);
    let answer = json(st.join("online-abuse/oembed.json"));
    assert_eq!(answer["type"], "rich");
    assert_eq!(answer["version"], "1.0");
    assert_eq!(answer["width"], 640);
    let chart = offence_charts::Chart::from_json(&answer_spec(&st)).unwrap();
    let m = offence_charts::FontMeasure::new().unwrap();
    let tallest = chart.tallest(264.0, 640.0, &m).ceil() as u64;
    assert_eq!(answer["height"].as_u64(), Some(tallest));
    let html = answer["html"].as_str().unwrap();
    assert!(html.starts_with(
        "<iframe src=\"https://charts.example.org/oc/embed.html?id=online-abuse\" title=\"Online"
    ));
    assert!(html.contains(&format!("height=\"{tallest}\"")));
    assert_eq!(
        answer["thumbnail_url"],
        "https://charts.example.org/oc/charts/online-abuse/2.png"
    );
    // A site address that is not one is refused, and nothing is kept.
    let o = publish(&st, &v2, &["--site-url", "javascript:alert(1)//"]);
    assert!(!o.status.success());
    assert!(text(&o).contains("site address"), "{}", text(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

fn answer_spec(st: &Path) -> String {
    json(st.join("online-abuse/current.json"))["spec"].to_string()
}

/// A PNG's decoded pixels.
fn pixels(png: &[u8]) -> Vec<u8> {
    resvg::tiny_skia::Pixmap::decode_png(png)
        .unwrap()
        .data()
        .to_vec()
}
