//! A connection whose writes may not stall: when the client stops reading
//! (its receive window full) and nothing can be sent for the limit, writing
//! fails with `TimedOut` and hyper closes the connection. Backpressure
//! shorter than the limit is only waited out, so a slow download that keeps
//! moving is never cut.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};

/// `inner`, failing a write that cannot make progress for `limit`.
pub(super) struct StallLimit<T> {
    inner: T,
    limit: Duration,
    /// Running from the first write that could not proceed, until one does.
    stalled: Option<Pin<Box<Sleep>>>,
}

impl<T> StallLimit<T> {
    pub(super) fn new(inner: T, limit: Duration) -> Self {
        StallLimit { inner, limit, stalled: None }
    }

    /// `polled`'s result; a `Pending` that has lasted the limit becomes a
    /// `TimedOut` error.
    fn watch<R>(
        &mut self,
        cx: &mut Context<'_>,
        polled: Poll<io::Result<R>>,
    ) -> Poll<io::Result<R>> {
        if polled.is_ready() {
            self.stalled = None;
            return polled;
        }
        let limit = self.limit;
        let sleep = self.stalled.get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        ready!(sleep.as_mut().poll(cx));
        // Reset the sleep so that a caller polling again is woken, not spun.
        sleep.as_mut().reset(Instant::now() + limit);
        Poll::Ready(Err(io::Error::new(
            io::ErrorKind::TimedOut,
            format!("the client read nothing for {} s", limit.as_secs()),
        )))
    }
}

impl<T: AsyncRead + Unpin> AsyncRead for StallLimit<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<T: AsyncWrite + Unpin> AsyncWrite for StallLimit<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.watch(cx, polled)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let polled = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.watch(cx, polled)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let polled = Pin::new(&mut self.inner).poll_flush(cx);
        self.watch(cx, polled)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let polled = Pin::new(&mut self.inner).poll_shutdown(cx);
        self.watch(cx, polled)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::future::poll_fn;

    /// Writes `chunk` until a write fails; the bytes written and the error.
    async fn write_until_error(
        out: &mut StallLimit<tokio::net::TcpStream>,
        chunk: &[u8],
    ) -> (usize, io::Error) {
        let mut sent = 0;
        loop {
            match poll_fn(|cx| Pin::new(&mut *out).poll_write(cx, chunk)).await {
                Ok(n) => sent += n,
                Err(e) => return (sent, e),
            }
        }
    }

    #[test]
    fn a_peer_that_reads_nothing_fails_the_write_after_the_limit() {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let peer =
                tokio::net::TcpStream::connect(listener.local_addr().unwrap()).await.unwrap();
            let (stream, _) = listener.accept().await.unwrap();
            let mut out = StallLimit::new(stream, Duration::from_millis(300));
            let started = std::time::Instant::now();
            let chunk = vec![b'x'; 64 * 1024];
            let written =
                tokio::time::timeout(Duration::from_secs(30), write_until_error(&mut out, &chunk));
            let (sent, e) = written.await.expect("the write failed within 30 s");
            assert_eq!(e.kind(), io::ErrorKind::TimedOut, "{e}");
            assert!(sent > 0, "nothing was written before the stall");
            assert!(started.elapsed() >= Duration::from_millis(300));
            drop(peer);
        });
    }

    #[test]
    fn backpressure_shorter_than_the_limit_is_waited_out() {
        let runtime = tokio::runtime::Runtime::new().unwrap();
        runtime.block_on(async {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            let peer = std::net::TcpStream::connect(listener.local_addr().unwrap()).unwrap();
            let (stream, _) = listener.accept().await.unwrap();
            let mut out = StallLimit::new(stream, Duration::from_secs(10));
            // A reader that drains slowly: a pause, then everything.
            let reader = std::thread::spawn(move || {
                use std::io::Read;
                std::thread::sleep(Duration::from_millis(500));
                let mut all = Vec::new();
                (&peer).read_to_end(&mut all).map(|_| all.len())
            });
            let chunk = vec![b'y'; 1024 * 1024];
            for _ in 0..16 {
                let mut rest: &[u8] = &chunk;
                while !rest.is_empty() {
                    let n = poll_fn(|cx| Pin::new(&mut out).poll_write(cx, rest)).await.unwrap();
                    rest = &rest[n..];
                }
            }
            poll_fn(|cx| Pin::new(&mut out).poll_shutdown(cx)).await.unwrap();
            drop(out);
            let read = tokio::task::spawn_blocking(move || reader.join().unwrap()).await.unwrap();
            assert_eq!(read.unwrap(), 16 * 1024 * 1024);
        });
    }
}
