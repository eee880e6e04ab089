//! The oEmbed endpoint (`/oembed?url=…&maxwidth=…&maxheight=…`, also answered at
//! `/charts/ID/oembed.json` with the same parameters): a published chart's link, on this site
//! only, becomes its iframe, sized for the width asked. Any other address, an unknown chart or a
//! malformed request is a plain 404 that repeats nothing of the request.

use crate::chart::Chart;
use crate::serve::files::percent_decode;
use crate::store::{card_size, check_id, oembed, Address};
use serde_json::Value;
use std::path::Path;

/// The parameters of a query string, decoded (`+` as a space); a malformed one is dropped.
pub fn params(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((
                percent_decode(&k.replace('+', " "))?,
                percent_decode(&v.replace('+', " "))?,
            ))
        })
        .collect()
}

fn param<'a>(params: &'a [(String, String)], name: &str) -> Option<&'a str> {
    params
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// The chart (ID and pinned version) that `url` names on `site`: its page
/// (`SITE/charts/ID/`, `…/index.html`) or its embed (`SITE/embed.html?id=ID[&v=N]`).
pub fn chart_of(url: &str, site: &str) -> Option<(String, Option<u32>)> {
    let head = url.get(..site.len())?;
    if !head.eq_ignore_ascii_case(site) {
        return None;
    }
    let rest = url.get(site.len()..)?.split('#').next()?;
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    if path == "embed.html" {
        let p = params(query);
        let id = param(&p, "id")?.to_owned();
        let v = match param(&p, "v") {
            Some(v) => Some(v.parse().ok().filter(|n| *n > 0)?),
            None => None,
        };
        check_id(&id).ok()?;
        return Some((id, v));
    }
    let id = path.strip_prefix("charts/")?;
    let id = id
        .strip_suffix("/index.html")
        .or_else(|| id.strip_suffix('/'))
        .unwrap_or(id);
    check_id(id).ok()?;
    Some((id.to_owned(), None))
}

/// The answer to an oEmbed request with `query` on `site`: status and JSON (`None`: not found).
pub fn answer(
    store: &Path,
    site: &str,
    query: &str,
    id_from_path: Option<&str>,
) -> (u16, Option<Value>) {
    let p = params(query);
    if param(&p, "format").is_some_and(|f| f != "json") {
        return (501, None);
    }
    let chart = match id_from_path {
        Some(id) => check_id(id).ok().map(|_| (id.to_owned(), None)),
        None => param(&p, "url").and_then(|u| chart_of(u, site)),
    };
    let Some((id, pinned)) = chart else {
        return (404, None);
    };
    let file = match pinned {
        Some(v) => format!("{v}.json"),
        None => "current.json".to_owned(),
    };
    let Ok(text) = std::fs::read_to_string(store.join(&id).join(file)) else {
        return (404, None);
    };
    let Ok(record) = serde_json::from_str::<Value>(&text) else {
        return (404, None);
    };
    let version = record
        .get("version")
        .and_then(Value::as_u64)
        .and_then(|n| u32::try_from(n).ok());
    let chart = record
        .get("spec")
        .and_then(|s| Chart::from_deserializer(s).ok());
    let (Some(version), Some(chart)) = (version, chart) else {
        return (404, None);
    };
    let number = |name: &str| param(&p, name).and_then(|v| v.parse::<f64>().ok());
    let card = card_size(&store.join(&id), version);
    let at = Address {
        id: &id,
        pinned,
        version,
        site,
        card,
    };
    let body = oembed(&chart, &at, number("maxwidth"), number("maxheight"));
    (200, Some(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_to_charts_on_this_site_only() {
        let site = "https://charts.example.org/oc/";
        let chart = |u: &str| chart_of(u, site);
        assert_eq!(
            chart("https://charts.example.org/oc/charts/abc/"),
            Some(("abc".into(), None))
        );
        assert_eq!(
            chart("HTTPS://charts.example.org/oc/charts/abc"),
            Some(("abc".into(), None))
        );
        assert_eq!(
            chart("https://charts.example.org/oc/charts/abc/index.html"),
            Some(("abc".into(), None))
        );
        assert_eq!(
            chart("https://charts.example.org/oc/embed.html?id=abc&v=2"),
            Some(("abc".into(), Some(2)))
        );
        for bad in [
            "https://evil.example/oc/charts/abc/",
            "https://charts.example.org.evil/oc/charts/abc/",
            "https://charts.example.org/oc/charts/../x/",
            "https://charts.example.org/oc/charts/a%2fb/",
            "https://charts.example.org/oc/charts/ABC/",
            "https://charts.example.org/oc/embed.html?id=abc&v=0",
            "https://charts.example.org/oc/embed.html?id=abc&v=x",
            "https://charts.example.org/oc/embed.html?id=%22%3E",
            "javascript:alert(1)",
            "",
        ] {
            assert_eq!(chart(bad), None, "{bad}");
        }
    }
}
