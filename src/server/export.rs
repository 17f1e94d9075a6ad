//! `GET /api/export`: every match as CSV or JSON Lines, streamed. The
//! library's export ranks the matches chunk by chunk in constant memory; its
//! rows go through a bounded channel of 64 kB blocks to the response body,
//! so a slow client slows the export down instead of filling memory, and a
//! client that leaves stops it. The request is checked (query, filter
//! values) before the first byte, so a bad one is still a 400.

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tokio::sync::{mpsc, oneshot};
use warta::export as rows;

use super::api::App;
use super::error::ApiError;
use super::params::{self, Export, ExportFormat, Params};

/// Bytes gathered before a block is sent.
const BLOCK: usize = 64 * 1024;
/// Blocks waiting for the client at most (with [`BLOCK`]: 1 MB).
const BLOCKS: usize = 16;

/// A writer that sends its bytes to the response body in blocks.
struct Channel {
    buffer: Vec<u8>,
    tx: mpsc::Sender<Result<Bytes, io::Error>>,
}

impl Write for Channel {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        if self.buffer.len() >= BLOCK {
            self.flush()?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let block = Bytes::from(std::mem::replace(&mut self.buffer, Vec::with_capacity(BLOCK)));
        self.tx
            .blocking_send(Ok(block))
            .map_err(|_| io::Error::new(io::ErrorKind::BrokenPipe, "the client left"))
    }
}

/// Writes every hit of `e` to `out`.
fn write_all(
    index: &warta::index::WartaIndex,
    e: &Export,
    out: &mut dyn Write,
) -> Result<u64, ApiError> {
    let export = warta::search::analytics::export::export;
    let n = match e.format {
        ExportFormat::Csv => {
            let mut w = rows::csv_writer(out, e.bom).map_err(io_error)?;
            w.write_record(rows::columns(e.table)).map_err(|e| io_error(e.into()))?;
            let n = export(index, &e.request, &mut |hit| {
                rows::write_csv(&mut w, e.table, &hit, e.raw_csv)
            })?;
            w.flush().map_err(io_error)?;
            n
        }
        ExportFormat::Jsonl => {
            export(index, &e.request, &mut |hit| rows::write_jsonl(&mut *out, e.table, &hit))?
        }
    };
    Ok(n)
}

fn io_error(e: io::Error) -> ApiError {
    ApiError::internal(format!("cannot write the export: {e}"))
}

/// `GET /api/export?format=csv|jsonl&…`
pub async fn export(
    State(app): State<Arc<App>>,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    let p = Params::parse(raw.as_deref(), params::EXPORT, true)?;
    let e = params::export(&p)?;
    let format = e.format;
    let (tx, rx) = mpsc::channel::<Result<Bytes, io::Error>>(BLOCKS);
    let (ready_tx, ready_rx) = oneshot::channel::<Result<(), ApiError>>();
    // Whoever answers first (the export once checked, or the failure) takes it.
    let ready = Arc::new(Mutex::new(Some(ready_tx)));
    let started = ready.clone();
    let worker = app.clone();
    // The export runs as long as it must: the timeout covers its start.
    tokio::spawn(async move {
        let outcome = worker
            .run(move |index| {
                let r = &e.request;
                // The same checks the export makes, before the first byte.
                warta::search::select(index, &r.query, &r.filters, None, &r.quoted_by)?;
                if let Some(tx) = take(&started) {
                    let _ = tx.send(Ok(()));
                }
                let mut out = Channel { buffer: Vec::with_capacity(BLOCK), tx };
                if let Err(err) =
                    write_all(index, &e, &mut out).and_then(|_| out.flush().map_err(io_error))
                {
                    // The headers are gone: end the body with an error.
                    let _ = out.tx.blocking_send(Err(io::Error::other(err.message)));
                }
                Ok(())
            })
            .await;
        if let (Err(err), Some(tx)) = (outcome, take(&ready)) {
            let _ = tx.send(Err(err));
        }
    });
    match ready_rx.await {
        Ok(Ok(())) => {}
        Ok(Err(err)) => return Err(err.within(|k| p.given(k))),
        Err(_) => return Err(ApiError::internal("the export stopped before it started".into())),
    }
    let stream =
        futures_util::stream::unfold(
            rx,
            |mut rx| async move { rx.recv().await.map(|item| (item, rx)) },
        );
    let (kind, name) = match format {
        ExportFormat::Csv => {
            ("text/csv; charset=utf-8", "attachment; filename=\"warta-export.csv\"")
        }
        ExportFormat::Jsonl => {
            ("application/x-ndjson", "attachment; filename=\"warta-export.jsonl\"")
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static(kind)),
            (header::CONTENT_DISPOSITION, HeaderValue::from_static(name)),
        ],
        Body::from_stream(stream),
    )
        .into_response())
}

type Ready = Arc<Mutex<Option<oneshot::Sender<Result<(), ApiError>>>>>;

fn take(ready: &Ready) -> Option<oneshot::Sender<Result<(), ApiError>>> {
    ready.lock().unwrap_or_else(|p| p.into_inner()).take()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_channel_sends_blocks_and_stops_when_the_client_leaves() {
        let (tx, mut rx) = mpsc::channel(BLOCKS);
        let mut out = Channel { buffer: Vec::new(), tx };
        out.write_all(&vec![b'x'; BLOCK + 1]).unwrap();
        let block = rx.try_recv().unwrap().unwrap();
        assert_eq!(block.len(), BLOCK + 1);
        out.write_all(b"tail").unwrap();
        assert!(rx.try_recv().is_err(), "a small write waits for the block to fill");
        out.flush().unwrap();
        assert_eq!(&rx.try_recv().unwrap().unwrap()[..], b"tail");
        drop(rx);
        out.write_all(b"more").unwrap();
        assert_eq!(out.flush().unwrap_err().kind(), io::ErrorKind::BrokenPipe);
    }
}
