//! What a published chart shows outside its embeds: its own page (the link a journalist copies,
//! with oEmbed discovery and a share card), the share card image drawn by the same code as the
//! canvas, and the oEmbed answer that turns a pasted link into the chart.
//!
//! Absolute addresses (the card, the canonical link, oEmbed) need the site's public address,
//! which the store keeps in `site.json` ([`site_url`]); without it the page links relatively
//! and no static oEmbed answer is written.

use crate::chart::Chart;
use crate::describe::summary;
use crate::paint::Theme;
use crate::paint::{svg_to_png, to_svg_sized};
use crate::spec::ChartError;
use crate::store::files::{read_optional, write_atomic};
use crate::store::page::esc;
use serde_json::{json, Value};
use std::io;
use std::path::Path;

/// The share card's size in pixels, as social sites ask: 1200 × 630 (taller only for a chart
/// that cannot fit, such as a rate chart of 30 categories).
pub const CARD: (f64, f64) = (1200.0, 630.0);

/// The widest an oEmbed answer makes the chart, CSS px, and the narrowest.
pub const OEMBED_WIDTH: (f64, f64) = (264.0, 640.0);

/// CSS widths the card may be laid out at, each drawn `1200 / width` times: the narrowest one
/// whose layout fits 630 px gives the largest text (a feed shows the card small).
const CARD_WIDTHS: [f64; 3] = [960.0, 1000.0, 1200.0];

/// Space around the chart on the card, CSS px (as `to_svg_sized` leaves).
const CARD_PAD: f64 = 24.0;

/// The share card of `chart`: 1200 × 630 px (taller only if even a 1200 px layout is), light
/// theme, as `offence-charts render SPEC card.png --width W --height H --scale S` draws it.
pub fn card_png(chart: &Chart) -> Result<Vec<u8>, ChartError> {
    let m = crate::paint::FontMeasure::new()
        .ok_or_else(|| ChartError::draw("the built-in font is unreadable"))?;
    let fits = |w: f64| {
        let h = CARD.1 * w / CARD.0;
        chart.layout(w - 2.0 * CARD_PAD, &m).height + 2.0 * CARD_PAD <= h
    };
    let width = CARD_WIDTHS.into_iter().find(|w| fits(*w)).unwrap_or(CARD.0);
    let svg = to_svg_sized(chart, width, Some(CARD.1 * width / CARD.0), &Theme::light())?;
    svg_to_png(&svg, (CARD.0 / width) as f32)
}

/// The width and height of a PNG, from its header.
pub fn png_size(png: &[u8]) -> Option<(u32, u32)> {
    let word = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(png.get(at..at + 4)?.try_into().ok()?))
    };
    (png.get(..8)? == b"\x89PNG\r\n\x1a\n").then_some(())?;
    Some((word(16)?, word(20)?))
}

/// The size of version `version`'s card in `dir`, or the usual one if it cannot be read.
pub fn card_size(dir: &Path, version: u32) -> (u64, u64) {
    std::fs::read(dir.join(cat!(version, ".png")))
        .ok()
        .and_then(|b| png_size(&b))
        .map_or((CARD.0 as u64, CARD.1 as u64), |(w, h)| {
            (u64::from(w), u64::from(h))
        })
}

/// The site's public address (`https://charts.example.org/oc/`, ending in `/`), if the store
/// was told it.
pub fn site_url(store: &Path) -> io::Result<Option<String>> {
    let Some(text) = read_optional(&store.join("site.json"))? else {
        return Ok(None);
    };
    let v: Value = serde_json::from_str(&text)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
    Ok(v.get("url").and_then(Value::as_str).map(str::to_owned))
}

/// Checks `url` (the spec's rule for addresses, and ending in `/`) and keeps it
/// as the store's site address.
pub fn set_site_url(store: &Path, url: &str) -> Result<(), String> {
    // The spec's one rule for addresses, and a folder's (the site's pages are beside it).
    if crate::spec::url_problem(url).is_some() || !url.ends_with('/') {
        return Err(cat!(
            "the site address must be an http(s) address ending in / (where dist/ is served, \
             e.g. https://charts.example.org/oc/), not \"",
            url.chars().take(80).collect::<String>(),
            "\""
        ));
    }
    std::fs::create_dir_all(store).map_err(|e| e.to_string())?;
    let bytes = json!({ "url": url }).to_string();
    write_atomic(store, "site.json", bytes.as_bytes()).map_err(|e| e.to_string())
}

/// Where a published chart is: what an oEmbed answer links to.
#[derive(Debug, Clone, Copy)]
pub struct Address<'a> {
    /// The chart's ID.
    pub id: &'a str,
    /// The version the link pins, if any.
    pub pinned: Option<u32>,
    /// The version shown (the pinned one or the current one), whose card is the thumbnail.
    pub version: u32,
    /// The site's public address, ending in `/`.
    pub site: &'a str,
    /// That card's width and height, px.
    pub card: (u64, u64),
}

/// The oEmbed answer (`type: rich`) for chart `id` (version `pinned`, or its current one): the
/// iframe at the width asked for (at most 640 px) and its tallest layout between a phone's width
/// and that, within `max_height`; the share card as thumbnail.
pub fn oembed(
    chart: &Chart,
    at: &Address,
    max_width: Option<f64>,
    max_height: Option<f64>,
) -> Value {
    let width = max_width
        .filter(|w| w.is_finite() && *w > 0.0)
        .map_or(OEMBED_WIDTH.1, |w| w.min(OEMBED_WIDTH.1))
        .floor();
    let narrowest = OEMBED_WIDTH.0.min(width);
    let height = match crate::paint::FontMeasure::new() {
        Some(m) => chart.tallest(narrowest, width, &m),
        None => chart.tallest(narrowest, width, &crate::layout::Approximate),
    };
    let height = max_height
        .filter(|h| h.is_finite() && *h > 0.0)
        .map_or(height, |h| height.min(h))
        .ceil();
    let title = chart.spec().title.trim();
    let Address {
        id,
        pinned,
        version,
        site,
        card,
    } = *at;
    let src = match pinned {
        Some(v) => cat!(site, "embed.html?id=", id, "&v=", v),
        None => cat!(site, "embed.html?id=", id),
    };
    let html = cat!(
        "<iframe src=\"",
        esc(&src),
        "\" title=\"",
        esc(title),
        "\" width=\"",
        width as u64,
        "\" height=\"",
        height as u64,
        "\" loading=\"lazy\" referrerpolicy=\"no-referrer\" ",
        "sandbox=\"allow-scripts allow-same-origin\" frameborder=\"0\"></iframe>",
        "<script src=\"",
        esc(&cat!(site, "embed-host.js")),
        "\" defer></script>"
    );
    json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": "offence-charts",
        "provider_url": site,
        "title": title,
        "html": html,
        "width": width as u64,
        "height": height as u64,
        "thumbnail_url": cat!(site, "charts/", id, "/", version, ".png"),
        "thumbnail_width": card.0,
        "thumbnail_height": card.1,
    })
}

/// The chart's own page (`charts/ID/index.html`): the chart drawn by the loader, its summary
/// and a link for readers without scripts, oEmbed discovery and the share card.
pub fn chart_page(
    chart: &Chart,
    id: &str,
    version: u32,
    card: (u64, u64),
    site: Option<&str>,
) -> String {
    let spec = chart.spec();
    let title = esc(spec.title.trim());
    let said = esc(&summary(spec));
    // Absolute where the site's address is known (crawlers want it), else relative to the page.
    let at = |path: &str| match site {
        Some(s) => esc(&cat!(s, path)),
        None => esc(&cat!("../../", path)),
    };
    let page = at(&cat!("charts/", id, "/"));
    let mut out = cat!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta name=\"referrer\" content=\"no-referrer\">\n<link rel=\"icon\" href=\"data:,\">\n<title>",
        title.clone(),
        "</title>\n<meta name=\"description\" content=\"",
        said.clone(),
        "\">\n"
    );
    if let Some(site) = site {
        let page_url = cat!(site, "charts/", id, "/");
        let oembed_url = cat!(site, "oembed?format=json&url=", query_escape(&page_url));
        put!(&mut out;
            "<link rel=\"canonical\" href=\"", page.clone(), "\">\n",
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"", esc(&oembed_url),
            "\" title=\"", title.clone(), "\">\n"
        );
    }
    put!(&mut out;
        "<meta property=\"og:type\" content=\"website\">\n",
        "<meta property=\"og:title\" content=\"", title.clone(), "\">\n",
        "<meta property=\"og:description\" content=\"", said.clone(), "\">\n",
        "<meta property=\"og:url\" content=\"", page, "\">\n",
        "<meta property=\"og:image\" content=\"", at(&cat!("charts/", id, "/", version, ".png")),
        "\">\n<meta property=\"og:image:width\" content=\"", card.0, "\">\n",
        "<meta property=\"og:image:height\" content=\"", card.1, "\">\n",
        "<meta property=\"og:image:alt\" content=\"", said.clone(), "\">\n",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">\n",
        "<link rel=\"stylesheet\" href=\"../page.css\">\n",
        "<script type=\"module\" src=\"../../offence-charts.js\"></script>\n</head>\n<body>\n",
        "<main>\n<h1 class=\"hidden\">", title, "</h1>\n",
        "<p class=\"offence-chart\" data-offence-chart data-chart=\"", esc(id), "\">", said,
        " <a href=\"../../embed.html?id=", esc(id), "\">Open the chart</a></p>\n",
        "</main>\n</body>\n</html>\n"
    );
    out
}

/// `s` escaped for a URL's query: everything but unreserved characters as `%XX`.
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}
