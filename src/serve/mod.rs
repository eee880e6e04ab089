//! `offence-charts serve`: the site and the store over HTTP for a newsroom (and `make serve`),
//! and, with credentials, the publishing API the builder uses. Static files as any host should
//! send them (`files`), the API (`api`), the newsroom's credentials (`credentials`), over HTTP/1.1
//! a connection a request (`http`).
//! Native only; uses `store` and everything below it.

mod api;
mod credentials;
mod files;
mod http;
mod oembed;

pub use credentials::{add as add_credential, Credentials};

use std::io;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

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

/// Serves until the process ends (a thread a connection, see [`http`]); calls `ready` with the
/// address bound once it accepts connections.
pub fn run(opts: Options, ready: impl FnOnce(SocketAddr)) -> io::Result<()> {
    let listener = std::net::TcpListener::bind(opts.addr)?;
    let addr = listener.local_addr()?;
    crate::store::repair(&opts.store).map_err(|e| io::Error::other(e.to_string()))?;
    ready(addr);
    let cache = files::GzipCache::default();
    let handle = Arc::new(move |req: &http::Request| answer(req, &opts, &cache));
    http::serve(listener, api::MAX_BODY_BYTES, handle, || {
        let a = api::too_large();
        json(a.status, &a.body)
    });
    Ok(())
}

fn json(status: u16, body: &serde_json::Value) -> http::Response {
    http::Response {
        status,
        headers: vec![
            ("Content-Type", "application/json".into()),
            ("Cache-Control", "no-store".into()),
            ("X-Content-Type-Options", "nosniff".into()),
        ],
        body: serde_json::to_vec(body).unwrap_or_default(),
    }
}

fn answer(req: &http::Request, opts: &Options, cache: &files::GzipCache) -> http::Response {
    let url = req.target.as_str();
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let method = req.method.as_str();
    let query = url.split_once('?').map(|(_, q)| q).unwrap_or("");
    let oembed_id = path
        .strip_prefix("/charts/")
        .and_then(|p| p.strip_suffix("/oembed.json"));
    if path == "/oembed" || oembed_id.is_some() {
        let site = match &opts.site {
            Some(s) => s.clone(),
            None => match req.header("Host").filter(|h| {
                h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
            }) {
                Some(host) => format!("http://{host}/"),
                None => String::new(),
            },
        };
        let (status, body) = oembed::answer(&opts.store, &site, query, oembed_id);
        return match body {
            Some(body) => {
                let mut r = json(status, &body);
                r.headers = vec![
                    ("Content-Type", "application/json".into()),
                    ("Cache-Control", "no-cache".into()),
                    ("X-Content-Type-Options", "nosniff".into()),
                    ("Access-Control-Allow-Origin", "*".into()),
                ];
                r
            }
            None => http::text(
                status,
                if status == 501 {
                    "only format=json"
                } else {
                    "not found"
                },
            ),
        };
    }
    if let Some(api_path) = path.strip_prefix("/api/") {
        let api = api::Api {
            store: &opts.store,
            credentials: opts.credentials.as_ref(),
        };
        let call = api::Call {
            method,
            path: api_path,
            authorization: req.header("Authorization"),
            length: req
                .header("Content-Length")
                .and_then(|l| l.trim().parse().ok()),
        };
        let a = api.handle(&call, &mut &req.body[..]);
        return json(a.status, &a.body);
    }
    if method != "GET" && method != "HEAD" {
        return http::text(405, "method not allowed");
    }
    let (root, rest, store) = match path.strip_prefix("/charts/") {
        Some(rest) => (&opts.store, rest, true),
        None => (&opts.dist, path, false),
    };
    if store && !files::published_name(rest) {
        return http::text(404, "not found");
    }
    let found = files::resolve(root, rest).and_then(|p| {
        let gzip = req
            .header("Accept-Encoding")
            .is_some_and(|a| a.split(',').any(|e| e.trim().starts_with("gzip")));
        files::load(&p, store, req.header("If-None-Match"), gzip, cache)
    });
    let Some(found) = found else {
        return http::text(404, "not found");
    };
    http::Response {
        status: if found.not_modified { 304 } else { 200 },
        headers: found.headers,
        body: found.body.to_vec(),
    }
}
