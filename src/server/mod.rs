//! `warta serve`: the web UI and the read-only JSON API over one index.
//!
//! The server lives beside the CLI on the binary side, so the library stays
//! free of tokio and axum. Handlers are thin: parameters ([`params`]) →
//! the library call the CLI makes for the same command, on a blocking thread
//! → the serde type `--json` prints. It binds 127.0.0.1 unless told
//! otherwise (there is no authentication), sends no CORS headers unless
//! `--cors` names an origin, bounds the searches in flight, the time a
//! request may take and the time a client may take to send a request head
//! ([`conn`]), catches panics as 500s, reopens the index when
//! `warta index` commits, and stops on Ctrl-C or SIGTERM once the requests
//! in progress are answered (at most `--timeout` + 5 s later).

mod api;
mod conn;
mod error;
mod export;
mod openapi;
mod params;
mod stall;
mod state;
mod ui;

use std::io::Write;
use std::sync::Arc;
use std::time::Duration;

use crate::cli::args::ServeArgs;
use crate::cli::{CliError, Status};
use axum::Router;
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::cors::CorsLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use warta::error::{Error, UserError};

use api::App;
use error::ApiError;

/// Most searches in flight (`--max-in-flight`); each may take a thread.
const MAX_IN_FLIGHT: usize = 1_024;

/// Runs the server until Ctrl-C or SIGTERM.
pub fn run(a: ServeArgs) -> Result<Status, CliError> {
    // The default index is built from the corpus first if it is missing, as for search.
    let (dir, _) = crate::cli::config::index_dir(&a.at.index.index);
    drop(crate::cli::open_index(&a.at.index.index, &a.at.corpus)?);
    let current = state::Current::open(&dir)?;
    if !(1..=MAX_IN_FLIGHT).contains(&a.max_in_flight) || a.timeout == 0 {
        return Err(Error::from(UserError::Usage(format!(
            "--max-in-flight must be from 1 to {MAX_IN_FLIGHT} and --timeout at least 1"
        )))
        .into());
    }
    let cors = match &a.cors {
        None => None,
        Some(text) => Some(origin(text).ok_or_else(|| {
            Error::from(UserError::Usage(format!(
                "--cors {text:?} is not one origin like https://example.org (scheme and host, \
                 no path; `*` is refused: every site could read the index)"
            )))
        })?),
    };
    let app = Arc::new(App {
        current,
        permits: Arc::new(Semaphore::new(a.max_in_flight)),
        timeout: Duration::from_secs(a.timeout),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(a.max_in_flight.saturating_mul(2).max(4))
        .build()?;
    // Requests in progress at a shutdown signal have the request timeout to finish.
    let grace = Duration::from_secs(a.timeout.saturating_add(5));
    // A request head must arrive within the same time (`conn`).
    let head_limit = Duration::from_secs(a.timeout);
    runtime.block_on(serve(a.bind, router(app, cors), head_limit, grace))?;
    Ok(Status::Found)
}

/// One origin for `--cors`: `http://` or `https://`, a host and maybe a port.
fn origin(text: &str) -> Option<HeaderValue> {
    let host = text.strip_prefix("https://").or_else(|| text.strip_prefix("http://"))?;
    let clean = |c: char| c.is_ascii_alphanumeric() || "-.:[]".contains(c);
    if host.is_empty() || !host.chars().all(clean) {
        return None;
    }
    HeaderValue::from_str(text).ok()
}

/// The routes and their layers.
fn router(app: Arc<App>, cors: Option<HeaderValue>) -> Router {
    let mut router = Router::new()
        .route("/", get(ui::index))
        .route("/assets/app.js", get(ui::script))
        .route("/assets/style.css", get(ui::style))
        .route("/api/health", get(api::health))
        .route("/api/search", get(api::search))
        .route("/api/facets", get(api::facets))
        .route("/api/timeline", get(api::timeline))
        .route("/api/terms", get(api::terms))
        .route("/api/articles/{*id}", get(api::article))
        .route("/api/analyze", get(api::analyze))
        .route("/api/export", get(export::export))
        .route("/api/openapi.json", get(api::openapi))
        .route("/api/{*rest}", get(api::unknown))
        .method_not_allowed_fallback(method_not_allowed)
        .fallback(not_found)
        .with_state(app)
        .layer(CatchPanicLayer::custom(panicked))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("referrer-policy"),
            HeaderValue::from_static("no-referrer"),
        ));
    if let Some(origin) = cors {
        router = router.layer(CorsLayer::new().allow_origin(origin).allow_methods([Method::GET]));
    }
    router
}

async fn not_found() -> ApiError {
    ApiError::not_found("no such page; the web UI is at / and the API under /api/".into())
}

/// POST, PUT … on a page that exists (the `Allow` header says GET, HEAD).
async fn method_not_allowed(method: Method) -> ApiError {
    ApiError::method_not_allowed(method.as_str())
}

/// A panic in a handler: a 500 with the usual error body.
fn panicked(payload: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "panic".into());
    ApiError::internal(format!("internal error (a bug in warta): {what}")).into_response()
}

/// Listens on `bind` and serves until a shutdown signal; says where on stderr.
/// A client has `head_limit` to send each request head, the first on a new
/// connection and the next on a kept-alive one ([`conn`]). After the signal,
/// connections still open once `grace` has passed (a client that never
/// finishes reading its answer, a stalled download) are closed.
async fn serve(
    bind: std::net::SocketAddr,
    router: Router,
    head_limit: Duration,
    grace: Duration,
) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(bind)
        .await
        .map_err(|e| std::io::Error::new(e.kind(), format!("cannot listen on {bind}: {e}")))?;
    let addr = listener.local_addr()?;
    let mut err = std::io::stderr().lock();
    if !addr.ip().is_loopback() {
        writeln!(
            err,
            "warta: warning: listening on {addr}, beyond this machine: the API has no \
             authentication, so anyone who can reach this address can read the whole index"
        )?;
    }
    writeln!(err, "warta: serving on http://{addr}/ (Ctrl-C stops)")?;
    drop(err);
    let (stopping, stopped) = tokio::sync::oneshot::channel::<()>();
    let signal = async move {
        shutdown().await;
        let _ = stopping.send(());
    };
    let cut_off = async move {
        match stopped.await {
            Ok(()) => tokio::time::sleep(grace).await,
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        () = conn::serve(listener, router, head_limit, signal) => {}
        () = cut_off => eprintln!(
            "warta: closed the connections still open {} s after the signal",
            grace.as_secs()
        ),
    }
    eprintln!("warta: stopped");
    Ok(())
}

/// Ctrl-C or SIGTERM.
async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cors_takes_one_origin() {
        for good in ["https://example.org", "http://localhost:3000", "http://[::1]:8080"] {
            assert!(origin(good).is_some(), "{good}");
        }
        for bad in [
            "*",
            "null",
            "",
            "https://",
            "example.org",
            "https://a.example, https://b.example",
            "https://example.org/path",
            "javascript:alert(1)",
            "https://exa mple.org",
        ] {
            assert!(origin(bad).is_none(), "{bad}");
        }
    }
}
