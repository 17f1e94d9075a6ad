//! The JSON endpoints: each one parses its parameters ([`super::params`]),
//! runs the library call the CLI runs for the same command on a blocking
//! thread ([`App::run`]), and returns the type `--json` prints.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::path::ErrorKind;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;
use warta::analysis::View;
use warta::index::WartaIndex;
use warta::search::json::{SearchJson, Views, WithUndated};
use warta::search::{ArticleView, Filters};

use super::error::ApiError;
use super::params::{self, Params};
use super::state::Current;

/// Every API path, as the OpenAPI document lists them.
pub const PATHS: [&str; 9] = [
    "/api/health",
    "/api/search",
    "/api/facets",
    "/api/timeline",
    "/api/terms",
    "/api/articles/{id}",
    "/api/analyze",
    "/api/export",
    "/api/openapi.json",
];

/// Longest text `/api/analyze` takes, in characters.
const MAX_ANALYZE_CHARS: usize = 2_000;

/// What every handler shares.
pub struct App {
    /// The index, reopened on commits.
    pub current: Current,
    /// Requests searching at the same time.
    pub permits: Arc<Semaphore>,
    /// Longest a request may wait and run.
    pub timeout: Duration,
}

impl App {
    /// Runs `f` on the current index on a blocking thread, within the
    /// in-flight bound and the timeout; a panic becomes a 500.
    pub async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&WartaIndex) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let busy = || {
            ApiError::unavailable(format!(
                "the server is busy: no search could start within {} s; try again",
                self.timeout.as_secs()
            ))
        };
        let permit = tokio::time::timeout(self.timeout, self.permits.clone().acquire_owned())
            .await
            .map_err(|_| busy())?
            .map_err(|_| busy())?;
        let app = self.clone();
        let task = tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let index = app.current.get();
            let dir = app.current.dir().to_path_buf();
            match warta::index::guard::catching(&dir, || f(&index)) {
                Ok(result) => result,
                Err(e) => Err(ApiError::from(e)),
            }
        });
        match tokio::time::timeout(self.timeout, task).await {
            Err(_) => Err(ApiError::unavailable(format!(
                "the request took longer than {} s; narrow the query or its filters",
                self.timeout.as_secs()
            ))),
            Ok(Err(join)) => Err(ApiError::internal(format!("the search failed: {join}"))),
            Ok(Ok(result)) => result,
        }
    }
}

/// A JSON body already serialised.
pub fn json_body(body: Vec<u8>) -> Response {
    ([(header::CONTENT_TYPE, HeaderValue::from_static("application/json"))], body).into_response()
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, ApiError> {
    serde_json::to_vec(value).map_err(|e| ApiError::internal(format!("cannot write JSON: {e}")))
}

/// The notes on queries (`or` in lower case …), once each.
fn notes(queries: &[&str]) -> Vec<String> {
    let mut notes: Vec<String> = Vec::new();
    for q in queries {
        for n in warta::search::notes::query_notes(q) {
            if !notes.contains(&n) {
                notes.push(n);
            }
        }
    }
    notes
}

fn left_out(
    index: &WartaIndex,
    query: &str,
    filters: &Filters,
    quoted_by: &[String],
) -> Result<u64, ApiError> {
    Ok(warta::search::undated::left_out(index, query, filters, None, quoted_by)?)
}

/// `GET /api/health`
pub async fn health(State(app): State<Arc<App>>) -> Result<Response, ApiError> {
    let body = app
        .run(|index| {
            let info = index.info();
            to_json(&serde_json::json!({
                "status": "ok",
                "articles": index.searcher().num_docs(),
                "built_at": info.built_at,
                "complete": info.complete,
                "format": info.format,
                "version": env!("CARGO_PKG_VERSION"),
            }))
        })
        .await?;
    Ok(json_body(body))
}

/// `GET /api/search`: the object `warta search --json` prints.
pub async fn search(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), params::SEARCH, true)?;
    let req = params::search(&p)?;
    let body = app
        .run(move |index| {
            let left = left_out(index, &req.query, &req.filters, &req.quoted_by)?;
            let notes = notes(&[&req.query]);
            let response = warta::search::search(index, &req)?;
            to_json(&SearchJson::new(&response, req.dedup, left, &notes))
        })
        .await
        .map_err(|e| e.within(|k| p.given(k)))?;
    Ok(json_body(body))
}

/// `GET /api/facets?by=…`: the object `warta facets --json` prints.
pub async fn facets(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), params::FACETS, true)?;
    let req = params::facets(&p)?;
    let body = app
        .run(move |index| {
            let left = left_out(index, &req.query, &req.filters, &[])?;
            let notes = notes(&[&req.query]);
            let report = warta::search::analytics::facet_counts::facets(index, &req)?;
            to_json(&WithUndated { inner: &report, undated_left_out: left, notes: &notes })
        })
        .await
        .map_err(|e| e.within(|k| p.given(k)))?;
    Ok(json_body(body))
}

/// `GET /api/timeline?q=…&q=…&by=…`: the object `warta timeline --json` prints.
pub async fn timeline(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), params::TIMELINE, true)?;
    let req = params::timeline(&p)?;
    let body = app
        .run(move |index| {
            let mut left = 0;
            for q in &req.queries {
                left += left_out(index, q, &req.filters, &[])?;
            }
            if req.queries.is_empty() {
                left = left_out(index, "", &req.filters, &[])?;
            }
            let queries: Vec<&str> = req.queries.iter().map(String::as_str).collect();
            let notes = notes(&queries);
            let t = warta::search::analytics::timeline::timeline(index, &req)?;
            to_json(&WithUndated { inner: &t, undated_left_out: left, notes: &notes })
        })
        .await
        .map_err(|e| e.within(|k| p.given(k)))?;
    Ok(json_body(body))
}

/// `GET /api/terms`: the object `warta terms --json` prints.
pub async fn terms(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), params::TERMS, true)?;
    let req = params::terms(&p)?;
    let body = app
        .run(move |index| to_json(&warta::search::analytics::terms::terms(index, &req)?))
        .await
        .map_err(|e| e.within(|k| p.given(k)))?;
    Ok(json_body(body))
}

/// `GET /api/articles/{id}`: the object `warta show ID --json` prints.
pub async fn article(
    State(app): State<Arc<App>>,
    id: Result<Path<String>, PathRejection>,
) -> Result<Response, ApiError> {
    let Path(id) = id.map_err(|rejection| {
        let message = match rejection {
            PathRejection::FailedToDeserializePathParams(e)
                if matches!(e.kind(), ErrorKind::InvalidUtf8InPathParam { .. }) =>
            {
                "not UTF-8 text; percent-encode the UTF-8 bytes of each character".to_string()
            }
            other => format!("cannot be read: {}", other.body_text()),
        };
        ApiError::user(Some("id"), message)
    })?;
    if id.chars().count() > params::MAX_VALUE_CHARS {
        return Err(ApiError::user(Some("id"), "id too long".into()));
    }
    let body = app
        .run(move |index| {
            let stored = warta::search::show(index, &id)?;
            to_json(&ArticleView::new(Some(stored.id), stored.path, stored.article))
        })
        .await?;
    Ok(json_body(body))
}

/// `GET /api/analyze?text=…`: the object `warta analyze TEXT --json` prints,
/// with the index's own analyzers (its roots).
pub async fn analyze(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), &["text"], false)?;
    let Some(text) = p.one("text")?.map(str::to_string) else {
        return Err(ApiError::user(Some("text"), "missing: give text=… to analyse".into()));
    };
    if text.chars().count() > MAX_ANALYZE_CHARS {
        return Err(ApiError::user(
            Some("text"),
            format!("at most {MAX_ANALYZE_CHARS} characters"),
        ));
    }
    let body = app
        .run(move |index| {
            let config = index.analysis();
            to_json(&Views {
                exact: config.analyze(View::Exact, &text),
                stemmed: config.analyze(View::Stemmed, &text),
                thesaurus: None,
            })
        })
        .await?;
    Ok(json_body(body))
}

/// `GET /api/openapi.json`
pub async fn openapi() -> Response {
    json_body(super::openapi::document().as_bytes().to_vec())
}

/// Any other `/api/…` path.
pub async fn unknown() -> ApiError {
    ApiError::not_found(format!("no such endpoint; the API has {}", PATHS.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_said_once() {
        assert_eq!(notes(&["JHT or JKP", "JHT or JKP"]).len(), notes(&["JHT or JKP"]).len());
    }
}
