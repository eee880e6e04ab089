//! A chart's history as a page for readers (`changes.html`): every version, latest first, with
//! its date, note, publisher and the figures that changed, old → new. Plain HTML, no script, one
//! stylesheet beside the charts (`page.css`): it reads the same with JavaScript off, passes
//! the host's strict CSP, and prints.

use crate::spec::Spec;
use crate::store::record::History;

/// The store's pages' stylesheet (`STORE/page.css`: history pages, chart pages): the article's system font, light and
/// dark, forced colours left to the browser.
pub const CSS: &str = "\
:root{color-scheme:light dark;font:1rem/1.5 \"Liberation Sans\",Arial,Helvetica,sans-serif}
body{margin:0 auto;max-width:44rem;padding:1rem;color:#1a1a1a;background:#fff}
h1{font-size:1.5rem;line-height:1.25}h2{font-size:1.125rem;margin:1.5rem 0 .25rem}
ol{padding:0;list-style:none}li li{margin:.25rem 0}ul{padding-left:1.25rem}
.meta{color:#595959;margin:0}.note{margin:.25rem 0}
a{color:#1d5a8c}
.hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
@media (prefers-color-scheme:dark){body{color:#eee;background:#16181b}.meta{color:#b3b3b3}\
a{color:#6eb0ec}}
";

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The history page of the chart whose latest spec is `spec`.
pub fn history(spec: &Spec, h: &History) -> String {
    let title = esc(spec.title.trim());
    let id = esc(&h.id);
    let n = h.versions.len();
    let mut out = cat!(
        "<!doctype html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<link rel=\"icon\" href=\"data:,\">\n<title>Changes: ",
        title,
        "</title>\n<link rel=\"stylesheet\" href=\"../page.css\">\n</head>\n<body>\n<main>\n",
        "<h1>Changes to the chart “",
        title,
        "”</h1>\n<p>",
        if n == 1 {
            "One version, never changed since it was published."
        } else {
            "Every version, latest first, with what changed in each."
        },
        " <a href=\"../../embed.html?id=",
        id.clone(),
        "\">The chart as it is now</a></p>\n<ol reversed>\n"
    );
    for v in h.versions.iter().rev() {
        put!(&mut out;
            "<li>\n<h2>Version ", v.version, ": ", v.kind.heading(), " ", esc(&v.date), "</h2>\n"
        );
        if let Some(note) = &v.note {
            put!(&mut out; "<p class=\"note\">", esc(note), "</p>\n");
        }
        let by =
            v.by.as_deref()
                .map(|b| cat!(" by ", esc(b)))
                .unwrap_or_default();
        put!(&mut out;
            "<p class=\"meta\">Published <time datetime=\"", esc(&v.published), "\">",
            esc(&v.published.replace('T', " ").replace('Z', " UTC")), "</time>", by,
            ". <a href=\"../../embed.html?id=", id.clone(), "&amp;v=", v.version,
            "\">Version ", v.version, " as published</a></p>\n"
        );
        if !v.changes.is_empty() {
            out.push_str("<ul>\n");
            for c in &v.changes {
                let label = match c.kind.as_str() {
                    "correction" => "Corrected: ",
                    "update" => "New: ",
                    _ => "",
                };
                put!(&mut out; "<li>", label, esc(&c.text), "</li>\n");
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            esc("<img src=x onerror='a'>&\""),
            "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;"
        );
    }
}
