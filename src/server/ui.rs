//! The web UI: one HTML page, its script and its style sheet, embedded in
//! the binary (nothing from another host; it works offline). The script
//! draws every view from the JSON API, so the UI and the API cannot give
//! two answers; it puts article text on the page only as text nodes, and
//! the Content-Security-Policy runs no script but these files.

use std::sync::LazyLock;

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use warta::search::facet_spec::{FACETS, Shown};

/// The page, with a placeholder for the facet table.
const TEMPLATE: &str = include_str!("ui/index.html");
const SCRIPT: &str = include_str!("ui/app.js");
const STYLE: &str = include_str!("ui/style.css");

/// Only this server's own files run or style the page; nothing may frame it.
const POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
                      img-src 'self' data: blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

fn asset(kind: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
            (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(POLICY)),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
        ],
        body,
    )
        .into_response()
}

/// The page as served: the facets the script draws (name, API parameter,
/// labels, filter, panel, whether hits show its values) from the facet table, as JSON in a data block
/// that no browser runs (`type="application/json"`).
static INDEX: LazyLock<String> = LazyLock::new(|| TEMPLATE.replace("@facet-table", &facet_table()));

/// The facet table for the script, escaped for a `<script>` element: no
/// `<`, `>` or `&` is left that could end it.
fn facet_table() -> String {
    let rows: Vec<serde_json::Value> = FACETS
        .iter()
        .map(|s| {
            serde_json::json!({
                "name": s.name,
                "param": s.param,
                "label": {"id": s.label[0], "en": s.label[1]},
                "shared": s.shared,
                "panel": s.panel,
                "values": s.shown == Shown::Values,
            })
        })
        .collect();
    serde_json::Value::from(rows)
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// `GET /`: the page (every view; the URL's query string holds the state).
pub async fn index() -> Response {
    asset("text/html; charset=utf-8", &INDEX)
}

/// `GET /assets/app.js`
pub async fn script() -> Response {
    asset("text/javascript; charset=utf-8", SCRIPT)
}

/// `GET /assets/style.css`
pub async fn style() -> Response {
    asset("text/css; charset=utf-8", STYLE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_script_never_writes_html() {
        for sink in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ] {
            assert!(!SCRIPT.contains(sink), "app.js uses {sink}: article text must stay text");
        }
    }

    #[test]
    fn the_page_holds_the_facet_table_as_escaped_data() {
        assert!(!INDEX.contains("@facet-table"));
        let open = r#"id="facet-table">"#;
        let start = INDEX.find(open).expect("the data block") + open.len();
        let end = start + INDEX[start..].find("</script>").expect("its end");
        let data = &INDEX[start..end];
        assert!(!data.contains(['<', '>', '&']), "{data}");
        let rows: Vec<serde_json::Value> = serde_json::from_str(data).expect("JSON");
        assert_eq!(rows.len(), FACETS.len());
        assert_eq!(rows[0]["name"], FACETS[0].name);
        assert_eq!(rows[0]["label"]["en"], FACETS[0].label[1]);
        for (row, spec) in rows.iter().zip(FACETS) {
            assert_eq!(row["values"], spec.shown == Shown::Values, "{}", spec.name);
        }
        let escaped = facet_table();
        assert!(!escaped.contains("</"));
    }

    #[test]
    fn nothing_comes_from_another_host() {
        for text in [INDEX.as_str(), SCRIPT, STYLE] {
            for line in text.lines() {
                let fetched = line.contains("src=\"http")
                    || line.contains("href=\"http")
                    || line.contains("url(http");
                assert!(!fetched, "{line}");
            }
        }
        assert!(INDEX.contains("/assets/app.js") && INDEX.contains("/assets/style.css"));
    }
}
