//! `offence-charts serve` over real HTTP: the store's cache headers, gzip and ETags, paths kept
//! inside their roots, and the publishing API: nothing written without a credential, a chart
//! that moved on, a correction without its note, a bad ID, a body over the limit.
#![cfg(not(target_arch = "wasm32"))]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_offence-charts");

struct Server {
    child: Child,
    addr: String,
    dir: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A server on a free port over a tiny site and an empty store; `token` is a credential's.
fn start(name: &str, publishing: bool) -> (Server, String) {
    let dir = std::env::temp_dir().join(format!("oc-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("dist")).unwrap();
    std::fs::write(
        dir.join("dist/embed.html"),
        "<!doctype html><title>t</title>",
    )
    .unwrap();
    std::fs::write(dir.join("dist/oc-0123456789.js"), "x".repeat(4000)).unwrap();
    let mut token = String::new();
    let mut cmd = Command::new(BIN);
    cmd.args(["serve", "--port", "0", "--dist"])
        .arg(dir.join("dist"))
        .arg("--store")
        .arg(dir.join("store"));
    if publishing {
        let file = dir.join("credentials");
        let o = Command::new(BIN)
            .args(["credential", "add", "Ann Editor", "--file"])
            .arg(&file)
            .output()
            .unwrap();
        assert!(o.status.success());
        token = String::from_utf8(o.stdout).unwrap().trim().to_owned();
        cmd.arg("--credentials").arg(&file);
    }
    let mut child = cmd.stdout(Stdio::piped()).spawn().unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap()
        .trim_end_matches('/')
        .to_owned();
    (Server { child, addr, dir }, token)
}

struct Response {
    status: u16,
    head: String,
    body: Vec<u8>,
}

impl Response {
    fn header(&self, name: &str) -> Option<String> {
        self.head.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn request(s: &Server, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> Response {
    let mut stream = TcpStream::connect(&s.addr).unwrap();
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
        s.addr
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    if !headers.iter().any(|(k, _)| *k == "Content-Length") {
        req.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    req.push_str("\r\n");
    req.push_str(body);
    stream.write_all(req.as_bytes()).unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    Response {
        status,
        head,
        body: raw[split + 4..].to_vec(),
    }
}

fn files(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            if e.path().is_dir() {
                out.extend(files(&e.path()));
            } else {
                out.push(e.path().display().to_string());
            }
        }
    }
    out.sort();
    out
}

fn body(spec: &str, base: Option<u32>, note: Option<&str>) -> String {
    serde_json::json!({ "spec": serde_json::from_str::<serde_json::Value>(spec).unwrap(),
        "base": base, "note": note })
    .to_string()
}

const TREND: &str = include_str!("../data/offence-trend.json");

/// Publishes the default trend as chart `trend` in the server's store with the command.
fn publish_trend(s: &Server) {
    let spec = s.dir.join("trend.json");
    std::fs::write(&spec, TREND).unwrap();
    let o = Command::new(BIN)
        .args([
            "publish",
            spec.to_str().unwrap(),
            "--id",
            "trend",
            "--store",
        ])
        .arg(s.dir.join("store"))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn publishing_needs_a_credential_and_refusals_write_nothing() {
    let (s, token) = start("api", true);
    let store = s.dir.join("store");
    let status = request(&s, "GET", "/api/status", &[], "");
    assert_eq!(status.text(), r#"{"publishing":true}"#);

    let bearer = format!("Bearer {token}");
    for auth in [
        None,
        Some("Bearer wrong"),
        Some("Basic YW5uOng="),
        Some(&token[..]),
    ] {
        let headers: Vec<(&str, &str)> = auth.map(|a| ("Authorization", a)).into_iter().collect();
        let r = request(
            &s,
            "POST",
            "/api/charts/online-abuse",
            &headers,
            &body(TREND, None, None),
        );
        assert_eq!(r.status, 401, "{auth:?}: {}", r.text());
        assert!(r.text().contains("nothing was written"));
        assert!(files(&store).is_empty(), "{auth:?}: nothing written");
    }
    let auth = [("Authorization", bearer.as_str())];
    let r = request(
        &s,
        "POST",
        "/api/charts/..%2fx",
        &auth,
        &body(TREND, None, None),
    );
    assert_eq!(r.status, 400, "{}", r.text());
    let r = request(
        &s,
        "POST",
        "/api/charts/online-abuse",
        &auth,
        "{\"spec\": 1",
    );
    assert_eq!(r.status, 400);
    let over = [
        ("Authorization", bearer.as_str()),
        ("Content-Length", "40000000"),
    ];
    let r = request(&s, "POST", "/api/charts/online-abuse", &over, "");
    assert_eq!(r.status, 413);
    let bad = TREND.replace("\"value\": 1573", "\"value\": -1573");
    let r = request(
        &s,
        "POST",
        "/api/charts/online-abuse",
        &auth,
        &body(&bad, None, None),
    );
    assert_eq!(r.status, 422);
    assert!(r.text().contains("series[0].values[0]"), "{}", r.text());
    assert!(files(&store).is_empty());

    let r = request(
        &s,
        "POST",
        "/api/charts/online-abuse",
        &auth,
        &body(TREND, None, None),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(
        (v["version"].as_u64(), v["by"].as_str()),
        (Some(1), Some("Ann Editor"))
    );

    // A dry run: what would change, nothing written, no credential needed.
    let fixed = TREND.replace("\"value\": 1694", "\"value\": 1690");
    let before = files(&store);
    let r = request(
        &s,
        "POST",
        "/api/charts/online-abuse/check",
        &[],
        &body(&fixed, Some(1), None),
    );
    assert_eq!(r.status, 200);
    let c: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(c["kind"], "correction");
    assert_eq!(c["needsNote"], true);
    assert_eq!(c["current"], 1);
    assert!(c["changes"][0]["text"]
        .as_str()
        .unwrap()
        .ends_with("1,694 → 1,690"));
    // Without its note: refused with the changes.
    let r = request(
        &s,
        "POST",
        "/api/charts/online-abuse",
        &auth,
        &body(&fixed, Some(1), None),
    );
    assert_eq!(r.status, 422);
    assert!(r.text().contains("1,694 → 1,690"));
    assert_eq!(files(&store), before);
    let r = request(
        &s,
        "POST",
        "/api/charts/online-abuse",
        &auth,
        &body(&fixed, Some(1), Some("n")),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    // A second journalist who edited version 1 too: told the chart moved on, nothing written.
    let before = files(&store);
    let other = TREND.replace("Online child", "Child");
    let r = request(
        &s,
        "POST",
        "/api/charts/online-abuse",
        &auth,
        &body(&other, Some(1), None),
    );
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(r.text().contains("1,694 → 1,690"), "{}", r.text());
    assert_eq!(files(&store), before);
}

#[test]
fn publishing_is_off_without_credentials() {
    let (s, _) = start("off", false);
    assert_eq!(
        request(&s, "GET", "/api/status", &[], "").text(),
        r#"{"publishing":false}"#
    );
    let r = request(
        &s,
        "POST",
        "/api/charts/online-abuse",
        &[("Authorization", "Bearer x")],
        &body(TREND, None, None),
    );
    assert_eq!(r.status, 403);
    assert!(files(&s.dir.join("store")).is_empty());
}

#[test]
fn the_store_and_site_with_the_headers_a_host_should_send() {
    let (s, _) = start("files", false);
    let store = s.dir.join("store");
    std::fs::create_dir_all(store.join("trend")).unwrap();
    // Files a newsroom might leave in the store's folder by mistake are never served.
    std::fs::write(store.join("credentials"), "Ann\tsecret").unwrap();
    std::fs::write(store.join("trend/notes.txt"), "draft").unwrap();
    publish_trend(&s);

    let current = request(&s, "GET", "/charts/trend/current.json", &[], "");
    assert_eq!(current.status, 200);
    assert_eq!(current.header("Cache-Control").as_deref(), Some("no-cache"));
    assert_eq!(
        current.header("Access-Control-Allow-Origin").as_deref(),
        Some("*")
    );
    assert_eq!(
        current.header("Content-Type").as_deref(),
        Some("application/json")
    );
    assert!(current
        .header("Content-Security-Policy")
        .unwrap()
        .contains("script-src 'self'"));
    let etag = current.header("ETag").unwrap();
    let again = request(
        &s,
        "GET",
        "/charts/trend/current.json",
        &[("If-None-Match", &etag)],
        "",
    );
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    let one = request(&s, "GET", "/charts/trend/1.json", &[], "");
    assert_eq!(
        one.header("Cache-Control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    let gz = request(
        &s,
        "GET",
        "/charts/trend/1.json",
        &[("Accept-Encoding", "gzip, br")],
        "",
    );
    assert_eq!(gz.header("Content-Encoding").as_deref(), Some("gzip"));
    let mut plain = String::new();
    flate2::read::GzDecoder::new(&gz.body[..])
        .read_to_string(&mut plain)
        .unwrap();
    assert_eq!(plain.as_bytes(), &one.body[..]);
    assert!(gz.body.len() < one.body.len() / 2, "compressed");
    let page = request(&s, "GET", "/charts/trend/changes.html", &[], "");
    assert_eq!(
        page.header("Content-Type").as_deref(),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(page.header("Access-Control-Allow-Origin"), None);
    let hashed = request(&s, "GET", "/oc-0123456789.js", &[], "");
    assert_eq!(
        hashed.header("Cache-Control").as_deref(),
        Some("public, max-age=31536000, immutable")
    );
    assert_eq!(
        request(&s, "GET", "/embed.html", &[], "")
            .header("Cache-Control")
            .as_deref(),
        Some("no-cache")
    );
    for bad in [
        "/charts/trend/.lock",
        "/charts/%2e%2e/dist/embed.html",
        "/../../etc/passwd",
        "/charts/trend/%2e%2e/%2e%2e/credentials",
        "/nothing.js",
    ] {
        assert_eq!(request(&s, "GET", bad, &[], "").status, 404, "{bad}");
    }
    assert_eq!(request(&s, "DELETE", "/embed.html", &[], "").status, 405);
}

/// The oEmbed endpoint: a chart's link on this site becomes its iframe at the width asked for;
/// another site, an unknown chart or XML is refused without repeating the request.
#[test]
fn oembed_answers_for_this_sites_charts_only() {
    let (s, _) = start("oembed", false);
    publish_trend(&s);
    let site = format!("http://{}/", s.addr);
    let q = |url: &str| {
        url.replace(':', "%3A")
            .replace('/', "%2F")
            .replace('?', "%3F")
            .replace('&', "%26")
            .replace('=', "%3D")
    };
    let r = request(
        &s,
        "GET",
        &format!(
            "/oembed?url={}&maxwidth=300&format=json",
            q(&format!("{site}charts/trend/"))
        ),
        &[],
        "",
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(v["width"], 300);
    let chart = offence_charts::Chart::from_json(TREND).unwrap();
    let m = offence_charts::FontMeasure::new().unwrap();
    assert_eq!(
        v["height"].as_u64(),
        Some(chart.tallest(264.0, 300.0, &m).ceil() as u64)
    );
    assert!(v["html"]
        .as_str()
        .unwrap()
        .starts_with(&format!("<iframe src=\"{site}embed.html?id=trend\"")));
    let pinned = format!(
        "/oembed?url={}&maxheight=100",
        q(&format!("{site}embed.html?id=trend&v=1"))
    );
    let r = request(&s, "GET", &pinned, &[], "");
    let v: serde_json::Value = serde_json::from_slice(&r.body).unwrap();
    assert_eq!(v["height"], 100);
    assert!(
        v["html"].as_str().unwrap().contains("id=trend&amp;v=1"),
        "{v}"
    );
    let r = request(&s, "GET", "/charts/trend/oembed.json?maxwidth=320", &[], "");
    assert_eq!(r.status, 200);
    for (path, status) in [
        (
            format!("/oembed?url={}", q("https://evil.example/charts/trend/")),
            404,
        ),
        (
            format!("/oembed?url={}", q(&format!("{site}charts/nothing/"))),
            404,
        ),
        (
            format!("/oembed?url={}", q(&format!("{site}charts/%3Cscript%3E/"))),
            404,
        ),
        (
            format!(
                "/oembed?url={}&format=xml",
                q(&format!("{site}charts/trend/"))
            ),
            501,
        ),
        ("/oembed".to_owned(), 404),
    ] {
        let r = request(&s, "GET", &path, &[], "");
        assert_eq!(r.status, status, "{path}");
        assert!(
            !r.text().contains("evil") && !r.text().contains("script"),
            "{path}: echoed"
        );
    }
}
