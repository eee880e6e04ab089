//! HTTP/1.1 over `std::net`, one request a connection: a thread for each connection (at most
//! [`MAX_CONNECTIONS`] at once), the request head parsed by `httparse`, the body read by its
//! `Content-Length` (refused past a limit before it is read), the answer written with
//! `Connection: close`. Idle or slow clients time out.
//!
//! Why not a thread pool with keep-alive (tiny_http, which this replaced): its pool hands a new
//! connection to a thread only when one is free, and kept-alive or never-used connections (a
//! browser opens some ahead of time) hold their threads; under a page's parallel requests some
//! requests waited forever (one end-to-end run in ten). A connection a request costs next to
//! nothing on loopback or behind the CDN a newsroom puts in front.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// Most connections served at once; more are answered 503 and closed.
pub const MAX_CONNECTIONS: usize = 256;
/// Longest request head (request line and headers), bytes.
const MAX_HEAD: usize = 64 * 1024;
/// How long a client may take to send its request, or to take the answer.
const TIMEOUT: Duration = Duration::from_secs(15);

/// A request as read.
pub struct Request {
    /// `GET`, `POST`, …
    pub method: String,
    /// The request target: path and query.
    pub target: String,
    /// Header names (as sent) and values.
    pub headers: Vec<(String, String)>,
    /// The body (empty for a request refused before reading it).
    pub body: Vec<u8>,
}

impl Request {
    /// The value of header `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// An answer.
pub struct Response {
    /// Status code.
    pub status: u16,
    /// Headers besides `Content-Length` and `Connection`.
    pub headers: Vec<(&'static str, String)>,
    /// The body (not sent for `HEAD` or `304`, its length still said for `HEAD`).
    pub body: Vec<u8>,
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        201 => "Created",
        304 => "Not Modified",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        413 => "Content Too Large",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Accepts connections on `listener` until the process ends, answering each request with
/// `handle`; a body over `max_body` bytes is answered 413 by `too_large` without being read.
pub fn serve(
    listener: TcpListener,
    max_body: usize,
    handle: Arc<dyn Fn(&Request) -> Response + Send + Sync>,
    too_large: fn() -> Response,
) {
    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(mut stream) = stream else { continue };
        if open.fetch_add(1, Ordering::AcqRel) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::AcqRel);
            let busy = text(503, "busy: try again");
            let _ = write_response(&mut stream, "GET", &busy);
            continue;
        }
        let (open, handle) = (open.clone(), handle.clone());
        let spawned = std::thread::Builder::new().spawn(move || {
            connection(stream, max_body, &*handle, too_large);
            open.fetch_sub(1, Ordering::AcqRel);
        });
        if spawned.is_err() {
            // No thread for it: the stream was moved into the closure and is dropped (closed).
            continue;
        }
    }
}

/// A plain-text answer.
pub fn text(status: u16, body: &str) -> Response {
    Response {
        status,
        headers: vec![
            ("Content-Type", "text/plain; charset=utf-8".into()),
            ("X-Content-Type-Options", "nosniff".into()),
            // Readable from any origin: a loader on an article's page can tell a missing chart
            // (404) from a network failure.
            ("Access-Control-Allow-Origin", "*".into()),
        ],
        body: body.as_bytes().to_vec(),
    }
}

fn connection(
    stream: TcpStream,
    max_body: usize,
    handle: &dyn Fn(&Request) -> Response,
    too_large: fn() -> Response,
) {
    let _ = stream.set_read_timeout(Some(TIMEOUT));
    let _ = stream.set_write_timeout(Some(TIMEOUT));
    let Ok(mut out) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(stream);
    let answer = match read_head(&mut reader) {
        Ok(Some(mut req)) => {
            let length = req
                .header("Content-Length")
                .and_then(|l| l.trim().parse::<usize>().ok())
                .unwrap_or(0);
            if req.header("Transfer-Encoding").is_some() {
                (
                    req.method.clone(),
                    text(501, "chunked bodies are not taken"),
                )
            } else if length > max_body {
                (req.method.clone(), too_large())
            } else {
                let mut body = vec![0; length];
                match reader.read_exact(&mut body) {
                    Ok(()) => {
                        req.body = body;
                        (req.method.clone(), handle(&req))
                    }
                    Err(_) => ("GET".into(), text(400, "the body ended early")),
                }
            }
        }
        Ok(None) => return, // closed, or timed out, before a request
        Err(status) => ("GET".into(), text(status, "bad request")),
    };
    let _ = write_response(&mut out, &answer.0, &answer.1);
    let _ = out.flush();
    let _ = out.shutdown(std::net::Shutdown::Write);
}

/// Reads and parses the request head; `None` if the client sent nothing, `Err(status)` for a
/// head too large (431) or malformed (400).
fn read_head(reader: &mut BufReader<TcpStream>) -> Result<Option<Request>, u16> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        match reader.read_until(b'\n', &mut head) {
            Ok(0) => return if head.is_empty() { Ok(None) } else { Err(400) },
            Ok(_) => {}
            Err(e) if head.is_empty() && is_timeout(&e) => return Ok(None),
            Err(_) => return Err(400),
        }
        if head.len() > MAX_HEAD {
            return Err(431);
        }
        // A blank line ends the head (a stray blank line before the request line is skipped).
        let line = head.get(before..).unwrap_or(&[]);
        if line == b"\r\n" || line == b"\n" {
            if before == 0 {
                head.clear();
                continue;
            }
            break;
        }
    }
    let mut headers = [httparse::EMPTY_HEADER; 100];
    let mut parsed = httparse::Request::new(&mut headers);
    match parsed.parse(&head) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => return Err(431),
        _ => return Err(400),
    }
    let (Some(method), Some(target)) = (parsed.method, parsed.path) else {
        return Err(400);
    };
    let headers = parsed
        .headers
        .iter()
        .map(|h| {
            let value = String::from_utf8_lossy(h.value).into_owned();
            (h.name.to_owned(), value)
        })
        .collect();
    Ok(Some(Request {
        method: method.to_owned(),
        target: target.to_owned(),
        headers,
        body: Vec::new(),
    }))
}

fn is_timeout(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

fn write_response(out: &mut impl Write, method: &str, r: &Response) -> io::Result<()> {
    let mut head = format!("HTTP/1.1 {} {}\r\n", r.status, reason(r.status));
    for (k, v) in &r.headers {
        // Header values come from us, never from a request; a line break would end the head.
        if !v.contains(['\r', '\n']) {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        r.body.len()
    ));
    out.write_all(head.as_bytes())?;
    if method != "HEAD" && r.status != 304 {
        out.write_all(&r.body)?;
    }
    Ok(())
}
