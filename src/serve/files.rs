//! Static files: the site (`dist/`) at `/` and the store at `/charts/`, with the headers a real
//! host should send: the strict CSP, nosniff, CORS for everything but pages, an ETag on every
//! file, `no-cache` for what changes under a stable name (pages, the loader, a chart's
//! `current.json`) and `immutable` for what never does (content-hashed files, numbered
//! versions), and gzip for text and WebAssembly when the browser takes it.

use flate2::{write::GzEncoder, Compression};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// The chart host's Content-Security-Policy, as `scripts/serve.mjs` sent it.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data:; frame-ancestors *";

const FOREVER: &str = "public, max-age=31536000, immutable";

/// A file ready to send.
pub struct Found {
    /// The body, gzipped when `gzip` is set.
    pub body: Arc<Vec<u8>>,
    /// Response headers (name, value).
    pub headers: Vec<(&'static str, String)>,
    /// The request's `If-None-Match` matched: send 304 with the headers and no body.
    pub not_modified: bool,
}

/// Gzipped bodies by ETag, so a file is compressed once however often it is sent.
#[derive(Default)]
pub struct GzipCache(Mutex<HashMap<String, Arc<Vec<u8>>>>);

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// `name-0123456789.js` (and `.wasm`, `.css`, `.json`): a content-hashed file of `dist/`.
fn content_hashed(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    let Some((_, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    matches!(ext, "js" | "wasm" | "css" | "json")
        && hash.len() == 10
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `3.json`, `3.png`: a numbered version of a published chart, or its card.
fn numbered(name: &str) -> bool {
    name.strip_suffix(".json")
        .or_else(|| name.strip_suffix(".png"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Whether `rest` (a path under `/charts/`) names a file the store publishes: `page.css`, and in
/// a chart's folder its versions and cards (`N.json`, `N.png`), `current.json`, `history.json`,
/// `changes.html`, `index.html` (also as the folder itself) and `oembed.json`. Anything else
/// that may sit in the store's folder (`site.json`, a lock, a file put there by mistake) is not
/// served.
pub fn published_name(rest: &str) -> bool {
    let parts: Vec<&str> = rest.split('/').collect();
    match parts.as_slice() {
        ["page.css"] => true,
        [id, ""] => crate::store::check_id(id).is_ok(),
        [id, name] => {
            crate::store::check_id(id).is_ok()
                && (numbered(name)
                    || matches!(
                        *name,
                        "current.json"
                            | "history.json"
                            | "changes.html"
                            | "index.html"
                            | "oembed.json"
                    ))
        }
        _ => false,
    }
}

/// Decodes `%XX` escapes; `None` for a bad escape or text that is not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file `url_path` names under `root`: each segment decoded and refused if empty after the
/// first, `.`, `..`, hidden (`.lock`, temporaries) or holding `\` or NUL; a folder gives its
/// `index.html`.
pub fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    let trimmed = url_path.trim_start_matches('/');
    for seg in trimmed.split('/') {
        if seg.is_empty() {
            continue;
        }
        let seg = percent_decode(seg)?;
        if seg.starts_with('.') || seg.contains(['\\', '\0', '/']) {
            return None;
        }
        path.push(seg);
    }
    if path.is_dir() {
        path.push("index.html");
    }
    Some(path)
}

/// Reads `path` and builds its response; `store` says it is a store file. `None` if missing.
pub fn load(
    path: &Path,
    store: bool,
    if_none_match: Option<&str>,
    accepts_gzip: bool,
    cache: &GzipCache,
) -> Option<Found> {
    let body = std::fs::read(path).ok()?;
    let name = path.file_name()?.to_str()?;
    let digest = Sha256::digest(&body);
    let tag = super::credentials::hex(digest.get(..12).unwrap_or(&digest));
    let ctype = content_type(path);
    let compress = accepts_gzip
        && body.len() > 512
        && (ctype.starts_with("text/")
            || ctype.ends_with("json")
            || ctype.ends_with("wasm")
            || ctype.ends_with("svg+xml"));
    let etag = if compress {
        format!("\"{tag}-gz\"")
    } else {
        format!("\"{tag}\"")
    };
    let immutable = if store {
        numbered(name)
    } else {
        content_hashed(name)
    };
    let mut headers = vec![
        ("ETag", etag.clone()),
        (
            "Cache-Control",
            if immutable { FOREVER } else { "no-cache" }.to_owned(),
        ),
        ("Vary", "Accept-Encoding".to_owned()),
    ];
    if if_none_match.is_some_and(|m| m.split(',').any(|t| t.trim() == etag)) {
        return Some(Found {
            body: Arc::new(Vec::new()),
            headers,
            not_modified: true,
        });
    }
    headers.push(("Content-Type", ctype.to_owned()));
    headers.push(("X-Content-Type-Options", "nosniff".to_owned()));
    headers.push(("Content-Security-Policy", CSP.to_owned()));
    if !ctype.starts_with("text/html") {
        // The script snippet and the component load from another origin than the article's:
        // module scripts and fetches are CORS requests. Public files, no cookies.
        headers.push(("Access-Control-Allow-Origin", "*".to_owned()));
    }
    let body = if compress {
        headers.push(("Content-Encoding", "gzip".to_owned()));
        let mut map = cache.0.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() > 512 {
            map.clear();
        }
        map.entry(etag)
            .or_insert_with(|| Arc::new(gzip(&body)))
            .clone()
    } else {
        Arc::new(body)
    };
    Some(Found {
        body,
        headers,
        not_modified: false,
    })
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = GzEncoder::new(Vec::new(), Compression::best());
    if e.write_all(bytes).is_err() {
        return bytes.to_vec();
    }
    e.finish().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_never_change() {
        assert!(content_hashed("oc-25e624214d.wasm"));
        assert!(content_hashed("embed-0123456789.css"));
        assert!(!content_hashed("offence-charts.js"));
        assert!(!content_hashed("embed.html"));
        assert!(numbered("12.json") && numbered("3.png"));
        assert!(!numbered("current.json"));
        assert!(!numbered(".json"));
        assert!(
            published_name("page.css")
                && published_name("a-b/")
                && !published_name("a-b")
                && published_name("a/2.png")
        );
        for hidden in [
            "site.json",
            "credentials",
            "a/.lock",
            "a/credentials",
            "a/x.json",
            "A/1.json",
        ] {
            assert!(!published_name(hidden), "{hidden}");
        }
    }

    #[test]
    fn paths_stay_inside_their_root() {
        let root = Path::new("/srv/root-that-does-not-exist");
        assert_eq!(resolve(root, "/a/b.json"), Some(root.join("a/b.json")));
        for bad in [
            "/../etc/passwd",
            "/a/%2e%2e/x",
            "/%2e%2e/x",
            "/a/.lock",
            "/a%2fb",
            "/a%5cb",
            "/%zz",
            "/a%00",
        ] {
            assert_eq!(resolve(root, bad), None, "{bad}");
        }
    }
}
