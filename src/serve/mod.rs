//! `offence-charts serve`: the site and the store over HTTP for a newsroom (and `make serve`),
//! and, with credentials, the publishing API the builder uses. Static files as any host should
//! send them (`files`), the API (`api`), the newsroom's credentials (`credentials`).
//! Native only; uses `store` and everything below it.

mod api;
mod credentials;
mod files;
mod oembed;

pub use credentials::{add as add_credential, Credentials};

use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

/// Threads answering requests.
const WORKERS: usize = 16;

/// What `serve` serves.
pub struct Options {
    /// The built site (`dist/`), served at `/`.
    pub dist: PathBuf,
    /// The store, served at `/charts/`.
    pub store: PathBuf,
    /// Address to listen on (`127.0.0.1:8080`; port 0 for any free port).
    pub addr: SocketAddr,
    /// Who may publish; publishing is off without.
    pub credentials: Option<credentials::Credentials>,
    /// The site's public address (`https://charts.example.org/oc/`); else the store's
    /// `site.json`, else `http://` and the request's `Host`.
    pub site: Option<String>,
}

/// Serves until the process ends, with [`WORKERS`] threads; calls `ready` with the address
/// bound once it accepts connections.
pub fn run(opts: Options, ready: impl FnOnce(SocketAddr)) -> io::Result<()> {
    let server = tiny_http::Server::http(opts.addr).map_err(|e| io::Error::other(e.to_string()))?;
    let addr = server
        .server_addr()
        .to_ip()
        .ok_or_else(|| io::Error::other("not an IP address"))?;
    crate::store::repair(&opts.store).map_err(|e| io::Error::other(e.to_string()))?;
    ready(addr);
    let server = Arc::new(server);
    let opts = Arc::new(opts);
    let cache = Arc::new(files::GzipCache::default());
    // Each worker answers one request at a time and blocks while writing it: enough of them that
    // a few slow or stalled readers never hold up the rest of a page's requests.
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (server, opts, cache) = (server.clone(), opts.clone(), cache.clone());
            std::thread::spawn(move || {
                while let Ok(req) = server.recv() {
                    respond(req, &opts, &cache);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

fn header<'a>(req: &'a tiny_http::Request, name: &'static str) -> Option<&'a str> {
    req.headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

fn with_headers<R: io::Read>(
    mut res: tiny_http::Response<R>,
    headers: &[(&str, String)],
) -> tiny_http::Response<R> {
    for (k, v) in headers {
        if let Ok(h) = tiny_http::Header::from_bytes(k.as_bytes(), v.as_bytes()) {
            res.add_header(h);
        }
    }
    res
}

/// A plain answer; readable from any origin, so that a loader on an article's page can tell a
/// missing chart (404) from a network failure.
fn text(status: u16, body: &str) -> tiny_http::Response<io::Cursor<Vec<u8>>> {
    with_headers(
        tiny_http::Response::from_string(body).with_status_code(status),
        &[
            ("Content-Type", "text/plain; charset=utf-8".into()),
            ("X-Content-Type-Options", "nosniff".into()),
            ("Access-Control-Allow-Origin", "*".into()),
        ],
    )
}

fn respond(mut req: tiny_http::Request, opts: &Options, cache: &files::GzipCache) {
    let url = req.url().to_owned();
    let path = url.split(['?', '#']).next().unwrap_or("/").to_owned();
    let method = req.method().as_str().to_owned();
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    let oembed_id = path
        .strip_prefix("/charts/")
        .and_then(|p| p.strip_suffix("/oembed.json"));
    if path == "/oembed" || oembed_id.is_some() {
        let site = match &opts.site {
            Some(s) => s.clone(),
            None => match header(&req, "Host").filter(|h| {
                h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
            }) {
                Some(host) => format!("http://{host}/"),
                None => String::new(),
            },
        };
        let (status, body) = oembed::answer(&opts.store, &site, query, oembed_id);
        let res = match body {
            Some(body) => with_headers(
                tiny_http::Response::from_data(body.to_string().into_bytes()),
                &[
                    ("Content-Type", "application/json".into()),
                    ("Cache-Control", "no-cache".into()),
                    ("X-Content-Type-Options", "nosniff".into()),
                    ("Access-Control-Allow-Origin", "*".into()),
                ],
            ),
            None => text(
                status,
                if status == 501 {
                    "only format=json"
                } else {
                    "not found"
                },
            ),
        };
        let _ = req.respond(res.with_status_code(status));
        return;
    }
    if let Some(api_path) = path.strip_prefix("/api/") {
        let authorization = header(&req, "Authorization").map(str::to_owned);
        let length = header(&req, "Content-Length").and_then(|l| l.trim().parse().ok());
        let api = api::Api {
            store: &opts.store,
            credentials: opts.credentials.as_ref(),
        };
        let call = api::Call {
            method: &method,
            path: api_path,
            authorization: authorization.as_deref(),
            length,
        };
        let a = api.handle(&call, req.as_reader());
        let body = serde_json::to_vec(&a.body).unwrap_or_default();
        let res = with_headers(
            tiny_http::Response::from_data(body).with_status_code(a.status),
            &[
                ("Content-Type", "application/json".into()),
                ("Cache-Control", "no-store".into()),
                ("X-Content-Type-Options", "nosniff".into()),
            ],
        );
        let _ = req.respond(res);
        return;
    }
    if method != "GET" && method != "HEAD" {
        let _ = req.respond(text(405, "method not allowed"));
        return;
    }
    let (root, rest, store) = match path.strip_prefix("/charts/") {
        Some(rest) => (&opts.store, rest, true),
        None => (&opts.dist, path.as_str(), false),
    };
    if store && !files::published_name(rest) {
        let _ = req.respond(text(404, "not found"));
        return;
    }
    let found = files::resolve(root, rest).and_then(|p| {
        let gzip = header(&req, "Accept-Encoding")
            .is_some_and(|a| a.split(',').any(|e| e.trim().starts_with("gzip")));
        files::load(&p, store, header(&req, "If-None-Match"), gzip, cache)
    });
    let Some(found) = found else {
        let _ = req.respond(text(404, "not found"));
        return;
    };
    let status = if found.not_modified { 304 } else { 200 };
    let body = if method == "HEAD" || found.not_modified {
        Vec::new()
    } else {
        found.body.to_vec()
    };
    let length = found.body.len();
    let mut res = with_headers(
        tiny_http::Response::from_data(body).with_status_code(status),
        &found.headers,
    );
    if method == "HEAD" {
        res = res.with_data(io::Cursor::new(Vec::new()), Some(length));
    }
    let _ = req.respond(res);
}
