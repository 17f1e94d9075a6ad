//! The OpenAPI document of `/api/openapi.json`: `openapi.json` is written by
//! hand, except the facets' parameters, which come from the facet table
//! (`warta::search::facet_spec::FACETS`) when the document is first served.
//!
//! The template is valid JSON with placeholders, each alone on its line and
//! replaced by lines of the same indentation:
//!
//! - `{"$ref": "#/components/parameters/@facet-filters"}` in a parameter
//!   list: a reference to each filter every selecting endpoint takes;
//! - `"@facet-filters": {}` among the components: those parameters;
//! - `"@facet:NAME": {}` among the components: the parameter of facet NAME
//!   (one that only some endpoints take, such as `quoted_by`);
//! - `"@facets",` in an enumeration: every facet's name;
//! - `@facet-names` within a string: the facets' names, comma-separated.

use std::sync::LazyLock;

use warta::search::FacetKind;
use warta::search::facet_spec::FACETS;

/// The template: the hand-written document with its placeholders.
const TEMPLATE: &str = include_str!("openapi.json");

/// The document as served.
pub fn document() -> &'static str {
    static DOCUMENT: LazyLock<String> = LazyLock::new(|| expand(TEMPLATE));
    &DOCUMENT
}

/// The template with its placeholders replaced.
fn expand(template: &str) -> String {
    let shared: Vec<FacetKind> = FACETS.iter().filter(|s| s.shared).map(|s| s.kind).collect();
    let names: Vec<&str> = FACETS.iter().map(|s| s.name).collect();
    let mut out = String::with_capacity(template.len() * 2);
    for line in template.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        let text = body.trim_start();
        let indent = &body[..body.len() - text.len()];
        let (item, comma) = match text.strip_suffix(',') {
            Some(item) => (item, ","),
            None => (text, ""),
        };
        let entries: Vec<String> = match item {
            r##"{"$ref": "#/components/parameters/@facet-filters"}"## => shared
                .iter()
                .map(|k| {
                    let target = format!("#/components/parameters/{}", k.spec().param);
                    format!("{indent}{{\n{indent}  \"$ref\": {}\n{indent}}}", quoted(&target))
                })
                .collect(),
            r#""@facet-filters": {}"# => shared.iter().map(|k| parameter(indent, *k)).collect(),
            r#""@facets""# => names.iter().map(|n| format!("{indent}{}", quoted(n))).collect(),
            _ => match item.strip_prefix(r#""@facet:"#).and_then(|r| r.strip_suffix(r#"": {}"#)) {
                Some(name) => FacetKind::from_name(name)
                    .map(|k| vec![parameter(indent, k)])
                    .unwrap_or_else(|| vec![body.to_string()]),
                None => {
                    out.push_str(&body.replace("@facet-names", &names.join(",")));
                    out.push_str(end);
                    continue;
                }
            },
        };
        // Every entry but the last takes a comma; the last one the
        // placeholder's.
        for (i, entry) in entries.iter().enumerate() {
            out.push_str(entry);
            out.push_str(if i + 1 < entries.len() { "," } else { comma });
            out.push('\n');
        }
        if end.is_empty() && !entries.is_empty() {
            out.pop();
        }
    }
    out
}

/// A facet's filter parameter as a component: `"province": {…}`, repeatable.
fn parameter(indent: &str, kind: FacetKind) -> String {
    let name = quoted(kind.spec().param);
    let help = quoted(kind.spec().param_help);
    let i = |n: usize| format!("{indent}{}", "  ".repeat(n));
    [
        format!("{indent}{name}: {{"),
        format!("{}\"name\": {name},", i(1)),
        format!("{}\"in\": \"query\",", i(1)),
        format!("{}\"description\": {help},", i(1)),
        format!("{}\"required\": false,", i(1)),
        format!("{}\"schema\": {{", i(1)),
        format!("{}\"type\": \"array\",", i(2)),
        format!("{}\"items\": {{", i(2)),
        format!("{}\"type\": \"string\"", i(3)),
        format!("{}}}", i(2)),
        format!("{}}},", i(1)),
        format!("{}\"style\": \"form\",", i(1)),
        format!("{}\"explode\": true", i(1)),
        format!("{indent}}}"),
    ]
    .join("\n")
}

/// A JSON string.
fn quoted(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::server::api::PATHS;
    use crate::server::params;

    #[test]
    fn the_openapi_document_lists_every_path_and_no_other() {
        let doc: serde_json::Value = serde_json::from_str(document()).expect("valid JSON");
        assert_eq!(doc["openapi"].as_str().map(|v| v.starts_with("3.")), Some(true));
        let mut listed: Vec<&str> =
            doc["paths"].as_object().expect("paths").keys().map(String::as_str).collect();
        listed.sort_unstable();
        let mut ours = PATHS.to_vec();
        ours.sort_unstable();
        assert_eq!(listed, ours);
        // Each filter parameter is documented on the endpoints that take it.
        let search =
            doc["paths"]["/api/search"]["get"]["parameters"].as_array().expect("parameters");
        let names: Vec<&str> = search
            .iter()
            .filter_map(|p| {
                p["name"].as_str().or_else(|| p["$ref"].as_str().and_then(|r| r.rsplit('/').next()))
            })
            .collect();
        for name in params::SEARCH.iter().chain(params::FILTERS.iter()) {
            assert!(names.contains(name), "/api/search does not document {name}");
        }
        // Every reference names a component.
        let components = doc["components"]["parameters"].as_object().expect("components");
        for path in doc["paths"].as_object().expect("paths").values() {
            for p in path["get"]["parameters"].as_array().expect("parameters") {
                if let Some(r) = p["$ref"].as_str() {
                    let name = r.rsplit('/').next().unwrap_or_default();
                    assert!(components.contains_key(name), "{r}");
                }
            }
        }
    }

    #[test]
    fn every_placeholder_is_replaced() {
        let doc = document();
        assert!(!doc.contains('@'), "a placeholder is left");
        let parsed: serde_json::Value = serde_json::from_str(doc).expect("valid JSON");
        let by = &parsed["paths"]["/api/facets"]["get"]["parameters"][0];
        let choices: Vec<&str> = by["schema"]["enum"]
            .as_array()
            .expect("enum")
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        let mut expected: Vec<&str> = FACETS.iter().map(|s| s.name).collect();
        expected.extend(["year", "month"]);
        assert_eq!(choices, expected);
        let quoted_by = &parsed["components"]["parameters"]["quoted_by"];
        assert_eq!(quoted_by["description"], FacetKind::Speaker.spec().param_help);
    }
}
