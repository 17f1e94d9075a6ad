//! The API's errors: `{"error": {"kind": "user"|"internal", "message": …,
//! "parameter": …}}` with 400 for a request the caller can fix (naming the
//! parameter), 404 for an unknown article or page, 405 for a method other
//! than GET or HEAD, 503 when the server is busy or a request ran out of
//! time, and 500 for a fault inside warta.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use warta::error::{Error, UserError};
use warta::search::FacetKind;
use warta::search::facet_spec::FACETS;

/// An error answer.
#[derive(Debug)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// `user` (the request can be fixed) or `internal`.
    pub kind: &'static str,
    /// What is wrong and how to fix it.
    pub message: String,
    /// The query parameter at fault, if one is.
    pub parameter: Option<String>,
}

impl ApiError {
    /// A bad request, naming its parameter.
    pub fn user(parameter: Option<&str>, message: String) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            kind: "user",
            message,
            parameter: parameter.map(str::to_string),
        }
    }

    /// A fault inside warta.
    pub fn internal(message: String) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            kind: "internal",
            message,
            parameter: None,
        }
    }

    /// The server cannot answer now (busy, out of time); the request may be retried.
    pub fn unavailable(message: String) -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            kind: "internal",
            message,
            parameter: None,
        }
    }

    /// No such page.
    pub fn not_found(message: String) -> ApiError {
        ApiError { status: StatusCode::NOT_FOUND, kind: "user", message, parameter: None }
    }

    /// A method other than GET or HEAD on a page that exists.
    pub fn method_not_allowed(method: &str) -> ApiError {
        ApiError {
            status: StatusCode::METHOD_NOT_ALLOWED,
            kind: "user",
            message: format!(
                "{method} is not answered here; the web UI and the API take GET (or HEAD)"
            ),
            parameter: None,
        }
    }

    /// A library error about a facet value that came from `field:value` in
    /// `q` (the request has no such filter parameter) names `q`.
    pub fn within(mut self, given: impl Fn(&str) -> bool) -> ApiError {
        let from_query = self.status == StatusCode::BAD_REQUEST
            && given("q")
            && self
                .parameter
                .as_deref()
                .is_some_and(|name| FACETS.iter().any(|spec| spec.param == name) && !given(name));
        if from_query {
            self.parameter = Some("q".into());
        }
        self
    }
}

/// CLI flags named in library messages, and their parameter.
const FLAGS: [(&str, &str); 5] = [
    ("--quoted-by", "quoted_by"),
    ("--include-undated", "include_undated"),
    ("--from", "from"),
    ("--to", "to"),
    ("--by", "by"),
];

/// A library message in the API's words: the command that lists a facet's
/// values as its request, `--province Bali` as `province=Bali`, and the
/// other flags as their parameters. Only whole flags are replaced (`--top`
/// is not `--to` followed by `p`).
fn api_wording(message: &str) -> String {
    let mut text = message.to_string();
    // "`warta facets --by source --top 20`" → "`/api/facets?by=source&top=20`".
    while let Some(start) = text.find("`warta facets --by ") {
        let Some(len) = text[start + 1..].find('`') else { break };
        let command = &text[start + 1..start + 1 + len];
        let words: Vec<&str> = command.split_whitespace().collect();
        let request = match words.as_slice() {
            ["warta", "facets", "--by", by, "--top", top] => {
                format!("/api/facets?by={by}&top={top}")
            }
            ["warta", "facets", "--by", by] => format!("/api/facets?by={by}"),
            _ => break,
        };
        text.replace_range(start + 1..start + 1 + len, &request);
    }
    let flags = FACETS
        .iter()
        .map(|spec| (spec.filter, spec.param, "="))
        .chain(FLAGS.iter().map(|(flag, param)| (&flag[2..], *param, "")));
    for (flag, param, joiner) in flags {
        text = replace_flag(&text, flag, param, joiner);
    }
    text
}

/// `--FLAG` (a whole flag) as `param`; with `joiner` `=`, a space after the
/// flag becomes the `=` of `param=value`.
fn replace_flag(text: &str, flag: &str, param: &str, joiner: &str) -> String {
    let pattern = format!("--{flag}");
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(&pattern) {
        let after = &rest[at + pattern.len()..];
        let whole = !after.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_');
        out.push_str(&rest[..at]);
        if whole {
            out.push_str(param);
            match after.strip_prefix(' ') {
                Some(value) if !joiner.is_empty() => {
                    out.push_str(joiner);
                    rest = value;
                }
                _ => rest = after,
            }
        } else {
            out.push_str(&pattern);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// The parameter a library user error is about.
fn parameter_of(e: &UserError) -> Option<&'static str> {
    Some(match e {
        UserError::QuerySyntax { .. } => "q",
        UserError::UnknownFacetValue { facet, .. } => {
            FacetKind::from_name(facet).map_or(*facet, |k| k.spec().param)
        }
        UserError::BadDate { flag, .. } => flag,
        UserError::DateRange { .. } => "from",
        UserError::TooManyPeriods { .. } => "by",
        UserError::UnknownId { .. } => "id",
        // What the library refuses at search time as usage is the query's
        // wildcards and prefixes (`a*`, `kl?im`).
        UserError::Usage(_) => "q",
        _ => return None,
    })
}

impl From<Error> for ApiError {
    fn from(e: Error) -> ApiError {
        match e {
            Error::User(UserError::UnknownId { id }) => ApiError {
                parameter: Some("id".into()),
                ..ApiError::not_found(format!("no article with id `{id}` in the index"))
            },
            Error::User(u) => {
                let parameter = parameter_of(&u);
                let mut message = u.to_string();
                // The library's messages speak of CLI flags; here they are parameters
                // (a query syntax error quotes the query as given: left alone).
                if !matches!(u, UserError::QuerySyntax { .. }) {
                    message = api_wording(&message);
                }
                ApiError::user(parameter, message)
            }
            Error::Internal(i) => ApiError::internal(i.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::json!({
            "error": { "kind": self.kind, "message": self.message, "parameter": self.parameter }
        });
        (self.status, Json(body)).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_speak_of_parameters_and_requests() {
        assert_eq!(
            api_wording(
                "`warta facets --by source --top 20` lists every source value in the index"
            ),
            "`/api/facets?by=source&top=20` lists every source value in the index"
        );
        assert_eq!(
            api_wording("Jakarta is a province (DKI Jakarta): use --province Jakarta"),
            "Jakarta is a province (DKI Jakarta): use province=Jakarta"
        );
        assert_eq!(
            api_wording("Budi is a speaker: use --quoted-by \"Budi S\""),
            "Budi is a speaker: use quoted_by=\"Budi S\""
        );
        assert_eq!(api_wording("--from 2024 is after --to 2023"), "from 2024 is after to 2023");
        assert_eq!(api_wording("--topic stays"), "--topic stays");
    }

    #[test]
    fn library_errors_name_their_parameter() {
        let unknown = Error::from(UserError::UnknownFacetValue {
            facet: "province",
            value: "Atlantis".into(),
            suggestions: vec![],
            hint: None,
        });
        let e = ApiError::from(unknown);
        assert_eq!((e.status, e.parameter.as_deref()), (StatusCode::BAD_REQUEST, Some("province")));
        let e = ApiError::from(Error::from(UserError::UnknownId { id: "x.txt".into() }));
        assert_eq!((e.status, e.parameter.as_deref()), (StatusCode::NOT_FOUND, Some("id")));
        let e = ApiError::from(Error::from(UserError::Usage("`a*`: too short".into())));
        assert_eq!((e.status, e.parameter.as_deref()), (StatusCode::BAD_REQUEST, Some("q")));
    }

    #[test]
    fn a_facet_value_from_the_query_names_q() {
        let unknown = || {
            ApiError::from(Error::from(UserError::UnknownFacetValue {
                facet: "province",
                value: "Atlantis".into(),
                suggestions: vec![],
                hint: None,
            }))
        };
        let only_q = unknown().within(|name| name == "q");
        assert_eq!(only_q.parameter.as_deref(), Some("q"));
        let both = unknown().within(|name| name == "q" || name == "province");
        assert_eq!(both.parameter.as_deref(), Some("province"));
        let busy = ApiError::unavailable("busy".into()).within(|_| true);
        assert_eq!(busy.parameter, None);
        let by = ApiError::user(Some("by"), "too many periods".into()).within(|n| n == "q");
        assert_eq!(by.parameter.as_deref(), Some("by"), "not a facet filter: kept");
    }

    #[test]
    fn internal_faults_are_500() {
        let io = warta::error::InternalError::Io {
            context: "reading".into(),
            source: std::io::Error::other("disk"),
        };
        assert_eq!(ApiError::from(Error::from(io)).status, StatusCode::INTERNAL_SERVER_ERROR);
    }
}
