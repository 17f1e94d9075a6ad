//! The accept loop: each TCP connection served by hyper's HTTP/1 server with
//! the router as its service.
//!
//! A client must send each request head (request line and headers) within
//! the head limit (`--timeout`); otherwise its connection is closed. hyper
//! starts that clock when a connection opens and again when a keep-alive
//! connection has answered a request and waits for the next, so a connection
//! that sends nothing, one that stalls halfway through its head (slowloris)
//! and an idle keep-alive connection are all closed after the limit. The
//! handler's own time is bounded by the request timeout layer. A client that
//! stops reading its answer is disconnected once nothing could be sent to it
//! for the same limit ([`StallLimit`]).
//!
//! After the shutdown signal no connection is accepted; idle connections
//! close at once, and the others once their request in progress is
//! answered. The caller bounds that wait.

use std::future::Future;
use std::io;
use std::pin::pin;
use std::time::{Duration, Instant};

use axum::Router;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinSet;

use super::stall::StallLimit;

/// The pause after an accept error that is not the client's (too many open
/// files …) before accepting again.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(500);

/// The shortest time between two reports of accept errors.
const REPORT_EVERY: Duration = Duration::from_secs(60);

/// Accepts and serves connections until `signal` completes, then waits until
/// every connection has closed. Dropping the future closes them all at once.
pub(super) async fn serve(
    listener: TcpListener,
    router: Router,
    head_limit: Duration,
    signal: impl Future<Output = ()>,
) {
    let (stop, stopping) = watch::channel(false);
    let mut signal = pin!(signal);
    let mut connections = JoinSet::new();
    // When an accept error was last reported: at most one line a minute.
    let mut reported: Option<Instant> = None;
    loop {
        tokio::select! {
            () = &mut signal => break,
            // Finished connections are collected as they end, so the set stays small.
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    connections.spawn(connection(stream, router.clone(), head_limit, stopping.clone()));
                }
                Err(e) if is_the_clients(&e) => {}
                Err(e) => {
                    if reported.is_none_or(|at| at.elapsed() >= REPORT_EVERY) {
                        eprintln!(
                            "warta: cannot accept connections ({e}); retrying every {} ms",
                            ACCEPT_BACKOFF.as_millis()
                        );
                        reported = Some(Instant::now());
                    }
                    tokio::select! {
                        () = &mut signal => break,
                        () = tokio::time::sleep(ACCEPT_BACKOFF) => {}
                    }
                }
            },
        }
    }
    drop(listener);
    let _ = stop.send(true);
    while connections.join_next().await.is_some() {}
}

/// One connection, until it closes or, after the stop signal, its request in
/// progress is answered.
async fn connection(
    stream: TcpStream,
    router: Router,
    head_limit: Duration,
    mut stopping: watch::Receiver<bool>,
) {
    let mut builder = http1::Builder::new();
    builder.timer(TokioTimer::new()).header_read_timeout(head_limit);
    let service = TowerToHyperService::new(router);
    let io = TokioIo::new(StallLimit::new(stream, head_limit));
    let mut conn = pin!(builder.serve_connection(io, service));
    tokio::select! {
        // Closed by the client, by the head limit, or an I/O error: nothing to report.
        _ = conn.as_mut() => return,
        _ = stopping.wait_for(|stop| *stop) => {}
    }
    conn.as_mut().graceful_shutdown();
    let _ = conn.await;
}

/// Errors of one connection that went away before it was accepted: the
/// listener is fine.
fn is_the_clients(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_gone_before_accept_is_not_the_listeners_failure() {
        assert!(is_the_clients(&io::Error::from(io::ErrorKind::ConnectionAborted)));
        assert!(is_the_clients(&io::Error::from(io::ErrorKind::ConnectionReset)));
        assert!(!is_the_clients(&io::Error::other("too many open files")));
    }

    /// Reads until the server closes; what it sent. Fails after `within`.
    fn until_closed(stream: &mut std::net::TcpStream, within: Duration) -> Vec<u8> {
        use std::io::Read;
        stream.set_read_timeout(Some(within)).unwrap();
        let mut got = Vec::new();
        match stream.read_to_end(&mut got) {
            Ok(_) => got,
            Err(e) if e.kind() == io::ErrorKind::ConnectionReset => got,
            Err(e) => panic!("still open after {within:?} ({e}); got {} bytes", got.len()),
        }
    }

    #[test]
    fn silent_half_sent_and_idle_connections_are_closed_and_stop_waits_for_none() {
        use std::io::Write;
        use std::net::TcpStream;
        let runtime = tokio::runtime::Runtime::new().unwrap();
        let listener = runtime.block_on(TcpListener::bind("127.0.0.1:0")).unwrap();
        let addr = listener.local_addr().unwrap();
        let router = Router::new().route("/", axum::routing::get(|| async { "ok" }));
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let served = runtime.spawn(serve(listener, router, Duration::from_millis(300), async {
            let _ = stopped.await;
        }));
        let limit = Duration::from_secs(10);

        let mut silent = TcpStream::connect(addr).unwrap();
        assert!(until_closed(&mut silent, limit).is_empty());

        let mut half = TcpStream::connect(addr).unwrap();
        half.write_all(b"GET / HTTP/1.1\r\nHost: a\r\n").unwrap();
        assert!(until_closed(&mut half, limit).is_empty());

        let mut idle = TcpStream::connect(addr).unwrap();
        idle.write_all(b"GET / HTTP/1.1\r\nHost: a\r\n\r\n").unwrap();
        let answer = String::from_utf8(until_closed(&mut idle, limit)).unwrap();
        assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
        assert!(answer.ends_with("ok"), "{answer}");

        // An open idle connection does not hold the stop up.
        let _open = TcpStream::connect(addr).unwrap();
        stop.send(()).unwrap();
        runtime.block_on(async { tokio::time::timeout(limit, served).await }).unwrap().unwrap();
        assert!(TcpStream::connect(addr).is_err(), "still accepting");
    }
}
