//! `offence-charts`: the newsroom's command. It only reads arguments and calls the crate:
//!
//! - `render SPEC|NAME OUT.svg|OUT.png`: a chart as a static image, drawn by the same code as the
//!   canvas, for `<noscript>` fallbacks, print and social cards;
//! - `publish SPEC --id ID --store DIR [--note TEXT] [--by NAME] [--base N]`: the chart's next
//!   version, with the changes worked out and a correction refused without its note;
//! - `history --id ID --store DIR`: every version;
//! - `serve --dist DIR --store DIR [--port P] [--credentials FILE]`: the site, the store and the
//!   publishing API;
//! - `credential add NAME --file FILE`: a new token for a journalist (shown once).
//!
//! Exit status: 0 done, 1 refused or failed (the message says why; nothing was written by a
//! refused publish), 2 bad arguments.

#[cfg(not(target_arch = "wasm32"))]
mod cli {
    use clap::{Parser, Subcommand};
    use offence_charts::store::{self, Request};
    use offence_charts::{serve, svg_to_png, to_svg_sized, Chart, Theme};
    use std::path::PathBuf;

    /// Newsroom charts of offence trends and detection rates: render them as images, publish
    /// them as versioned static files, serve the site and the store.
    #[derive(Parser)]
    #[command(name = "offence-charts", version)]
    pub struct Cli {
        #[command(subcommand)]
        command: Command,
    }

    #[derive(Subcommand)]
    enum Command {
        /// Draws a chart as SVG or PNG (by the file name's ending), for fallbacks and share cards.
        Render {
            /// A spec file, or a default chart's name (offence-trend, detection-rate).
            spec: String,
            /// Where to write: OUT.svg or OUT.png.
            out: PathBuf,
            /// Width, CSS px.
            #[arg(long, default_value_t = 640.0)]
            width: f64,
            /// Height, CSS px (the chart's own height if not given; a share card is 630).
            #[arg(long)]
            height: Option<f64>,
            /// Pixels per CSS px of a PNG.
            #[arg(long, default_value_t = 2.0)]
            scale: f32,
            /// light or dark.
            #[arg(long, default_value = "light")]
            theme: String,
        },
        /// Publishes SPEC as the next version of chart ID in the store, and prints what changed.
        ///
        /// A change to a figure already published is a correction: refused unless --note says
        /// what was wrong. New periods or categories only are an update (the chart says "Updated
        /// DATE"); words only, a plain new version. No version is ever rewritten.
        Publish {
            /// The spec file (JSON).
            spec: PathBuf,
            /// The chart's ID: lower-case letters, digits and hyphens, 1–80 characters.
            #[arg(long)]
            id: String,
            /// The store's folder.
            #[arg(long)]
            store: PathBuf,
            /// What was wrong (a correction), or what is new (an update).
            #[arg(long)]
            note: Option<String>,
            /// Who publishes, for the history.
            #[arg(long)]
            by: Option<String>,
            /// The version you edited: refused, with what changed, if another was published since.
            #[arg(long)]
            base: Option<u32>,
            /// The site's public address, where dist/ is served (kept in the store; once is
            /// enough): share cards, canonical links and oEmbed need it.
            #[arg(long)]
            site_url: Option<String>,
        },
        /// Lists every version of chart ID: date, publisher, note and changes.
        History {
            /// The chart's ID.
            #[arg(long)]
            id: String,
            /// The store's folder.
            #[arg(long)]
            store: PathBuf,
        },
        /// Serves the site at / and the store at /charts/, with publishing when given credentials.
        Serve {
            /// The built site.
            #[arg(long, default_value = "dist")]
            dist: PathBuf,
            /// The store's folder (created if missing).
            #[arg(long)]
            store: PathBuf,
            /// Port (0: any free port; the first line printed says which).
            #[arg(long, default_value_t = 8080, env = "PORT")]
            port: u16,
            /// Address to listen on.
            #[arg(long, default_value = "127.0.0.1")]
            host: std::net::IpAddr,
            /// The newsroom's credentials file (`credential add`): turns publishing on.
            #[arg(long)]
            credentials: Option<PathBuf>,
            /// The site's public address (kept in the store), for oEmbed and share cards; else
            /// the store's, else this server's own.
            #[arg(long)]
            site_url: Option<String>,
        },
        /// Manages who may publish.
        Credential {
            #[command(subcommand)]
            action: Credential,
        },
    }

    #[derive(Subcommand)]
    enum Credential {
        /// Adds NAME with a new token, printed once (the file keeps only its hash).
        Add {
            /// The journalist's name, recorded with each version they publish.
            name: String,
            /// The credentials file (created if missing).
            #[arg(long)]
            file: PathBuf,
        },
    }

    pub fn run(cli: Cli) -> Result<(), String> {
        match cli.command {
            Command::Render {
                spec,
                out,
                width,
                height,
                scale,
                theme,
            } => {
                let chart = match std::fs::read_to_string(&spec) {
                    Ok(text) => Chart::from_json(&text).map_err(|e| format!("{spec}: {e}"))?,
                    Err(read) => Chart::named(&spec).map_err(|_| format!("{spec}: {read}"))?,
                };
                let theme = Theme::named(&theme);
                let svg = to_svg_sized(&chart, width, height, theme).map_err(|e| e.to_string())?;
                let png = out
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("png"));
                let bytes = if png {
                    svg_to_png(&svg, scale).map_err(|e| e.to_string())?
                } else {
                    svg.into_bytes()
                };
                std::fs::write(&out, bytes).map_err(|e| format!("{}: {e}", out.display()))
            }
            Command::Publish {
                spec,
                id,
                store: dir,
                note,
                by,
                base,
                site_url,
            } => {
                if let Some(url) = site_url {
                    store::set_site_url(&dir, &url)?;
                }
                let text = std::fs::read_to_string(&spec)
                    .map_err(|e| format!("{}: {e}", spec.display()))?;
                let req = Request {
                    id: &id,
                    spec: &text,
                    note: note.as_deref(),
                    by: by.as_deref(),
                    base,
                };
                let record = store::publish(&dir, &req, time::OffsetDateTime::now_utc())
                    .map_err(|e| e.to_string())?;
                let v: store::Version =
                    serde_json::from_value(record).map_err(|e| e.to_string())?;
                println!(
                    "{}: version {} published ({})",
                    v.id,
                    v.version,
                    v.kind.heading().to_lowercase()
                );
                for c in &v.changes {
                    println!("  {}: {}", c.kind, c.text);
                }
                Ok(())
            }
            Command::History { id, store: dir } => {
                let h = store::history(&dir, &id).map_err(|e| e.to_string())?;
                for v in h.versions.iter().rev() {
                    let by =
                        v.by.as_deref()
                            .map(|b| format!(" by {b}"))
                            .unwrap_or_default();
                    println!(
                        "version {}: {} {} ({}){by}",
                        v.version,
                        v.kind.heading(),
                        v.date,
                        v.published
                    );
                    if let Some(n) = &v.note {
                        println!("  note: {n}");
                    }
                    for c in &v.changes {
                        println!("  {}: {}", c.kind, c.text);
                    }
                }
                Ok(())
            }
            Command::Serve {
                dist,
                store: dir,
                port,
                host,
                credentials,
                site_url,
            } => {
                if !dist.join("embed.html").exists() {
                    return Err(format!(
                        "{}: not a built site (no embed.html): run make dist first",
                        dist.display()
                    ));
                }
                std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                if let Some(url) = &site_url {
                    store::set_site_url(&dir, url)?;
                }
                let site = match site_url {
                    Some(url) => Some(url),
                    None => store::site_url(&dir).map_err(|e| e.to_string())?,
                };
                let credentials = credentials
                    .map(|f| {
                        serve::Credentials::read(&f).map_err(|e| format!("{}: {e}", f.display()))
                    })
                    .transpose()?;
                let publishing = credentials.as_ref().map(|c| c.len()).unwrap_or(0);
                let opts = serve::Options {
                    dist,
                    store: dir,
                    addr: std::net::SocketAddr::new(host, port),
                    credentials,
                    site,
                };
                serve::run(opts, |addr| {
                    // One line on stdout, for scripts and tests to read the address from.
                    use std::io::Write;
                    let mut out = std::io::stdout();
                    let _ = writeln!(out, "listening on http://{addr}/");
                    let _ = out.flush();
                    if publishing > 0 {
                        eprintln!("publishing: on ({publishing} credentials)");
                    } else {
                        eprintln!("publishing: off (start with --credentials FILE to turn it on)");
                    }
                })
                .map_err(|e| e.to_string())
            }
            Command::Credential {
                action: Credential::Add { name, file },
            } => {
                let token = serve::add_credential(&file, &name)
                    .map_err(|e| format!("{}: {e}", file.display()))?;
                println!("{token}");
                eprintln!(
                    "{name} may publish with this token (shown once; {} keeps only its hash)",
                    file.display()
                );
                Ok(())
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use clap::Parser;
    match cli::run(cli::Cli::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("offence-charts: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
