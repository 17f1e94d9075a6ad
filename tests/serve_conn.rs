//! `warta serve`'s connections through the real binary: a client that sends
//! nothing, half a request head, its head a byte at a time, leaves a
//! kept-alive connection idle or stops reading its answer is disconnected
//! after `--timeout`; kept-alive connections still carry several requests,
//! and the server stays up.
//! The bounds are generous (the limit is 1 s, the asserts allow 10 s).

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::http::Server;
use crate::util::TestEnv;

/// Longest a test waits for the server to close a connection (the limit is 1 s).
const CLOSED_WITHIN: Duration = Duration::from_secs(10);

/// Reads until the server closes the connection (end of stream or reset); what
/// it sent. Fails when it is still open after [`CLOSED_WITHIN`].
fn until_closed(stream: &mut TcpStream) -> Vec<u8> {
    stream.set_read_timeout(Some(CLOSED_WITHIN)).expect("timeout");
    let started = Instant::now();
    let mut got = Vec::new();
    match stream.read_to_end(&mut got) {
        Ok(_) => {}
        Err(e) if e.kind() == ErrorKind::ConnectionReset => {}
        Err(e) => panic!(
            "still open after {:?} ({e}); got {} bytes: {:?}",
            started.elapsed(),
            got.len(),
            String::from_utf8_lossy(&got[..got.len().min(200)])
        ),
    }
    got
}

/// One answer on a kept-alive connection: the status and the body (the
/// server sends a `content-length` for the API's JSON).
fn answer(stream: &mut TcpStream) -> (u16, Vec<u8>) {
    stream.set_read_timeout(Some(Duration::from_secs(60))).expect("timeout");
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        let n = stream.read(&mut byte).expect("read the head");
        assert_eq!(n, 1, "closed inside the head: {}", String::from_utf8_lossy(&raw));
        raw.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&raw).to_ascii_lowercase();
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).expect("status");
    let length: usize = head
        .lines()
        .find_map(|l| l.strip_prefix("content-length:"))
        .map(|v| v.trim().parse().expect("length"))
        .unwrap_or_else(|| panic!("no content-length: {head}"));
    let mut body = vec![0u8; length];
    stream.read_exact(&mut body).expect("read the body");
    (status, body)
}

fn health(addr: &str) -> Vec<u8> {
    format!("GET /api/health HTTP/1.1\r\nHost: {addr}\r\n\r\n").into_bytes()
}

#[test]
fn a_client_that_sends_nothing_is_disconnected() {
    let env = TestEnv::indexed();
    let s = Server::start(&env, &["--timeout", "1"]);
    let mut silent = TcpStream::connect(&s.addr).expect("connect");
    assert!(until_closed(&mut silent).is_empty());
    assert_eq!(s.json("/api/health")["status"], "ok");
}

#[test]
fn a_client_that_stalls_inside_its_request_head_is_disconnected() {
    let env = TestEnv::indexed();
    let s = Server::start(&env, &["--timeout", "1"]);
    let mut half = TcpStream::connect(&s.addr).expect("connect");
    half.write_all(b"GET /api/search?q=x HTTP/1.1\r\nHost: a\r\n").expect("send");
    assert!(until_closed(&mut half).is_empty());

    // A byte at a time (slowloris): the limit is on the whole head, not on each read.
    let mut drip = TcpStream::connect(&s.addr).expect("connect");
    drip.set_read_timeout(Some(Duration::from_millis(200))).expect("timeout");
    let head = format!("GET /api/health HTTP/1.1\r\nHost: a\r\nX-Pad: {}\r\n\r\n", "a".repeat(200));
    let started = Instant::now();
    let mut closed = false;
    for byte in head.bytes() {
        if drip.write_all(&[byte]).is_err() {
            closed = true;
            break;
        }
        match drip.read(&mut [0u8; 64]) {
            Ok(0) => {
                closed = true;
                break;
            }
            Ok(n) => panic!("answered a head sent over {:?} ({n} bytes)", started.elapsed()),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => {
                closed = true;
                break;
            }
        }
        assert!(started.elapsed() < CLOSED_WITHIN, "still open after {:?}", started.elapsed());
    }
    assert!(closed, "the whole head was taken over {:?}", started.elapsed());
    assert_eq!(s.json("/api/health")["status"], "ok");
}

#[test]
fn a_kept_alive_connection_carries_requests_and_is_closed_when_idle() {
    let env = TestEnv::indexed();
    let s = Server::start(&env, &["--timeout", "1"]);
    let mut conn = TcpStream::connect(&s.addr).expect("connect");
    for _ in 0..2 {
        conn.write_all(&health(&s.addr)).expect("send");
        let (status, body) = answer(&mut conn);
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
        let json: serde_json::Value = serde_json::from_slice(&body).expect("json");
        assert_eq!(json["status"], "ok");
    }
    // Idle after its answers: closed with nothing more sent.
    assert!(until_closed(&mut conn).is_empty());
}

#[test]
fn stalled_clients_neither_block_others_nor_the_stop() {
    let env = TestEnv::indexed();
    let s = Server::start(&env, &["--timeout", "2"]);
    let mut stalled = Vec::new();
    for i in 0..64 {
        let mut c = TcpStream::connect(&s.addr).expect("connect");
        if i % 2 == 0 {
            c.write_all(b"GET /api/health HTTP/1.1\r\n").expect("send");
        }
        stalled.push(c);
    }
    let search = s.json("/api/search?q=BPJS&limit=1");
    assert!(search["total"].as_u64().unwrap() >= 1, "{search}");
    let mut idle = TcpStream::connect(&s.addr).expect("connect");
    idle.write_all(&health(&s.addr)).expect("send");
    assert_eq!(answer(&mut idle).0, 200);
    let started = Instant::now();
    let (status, said) = s.stop();
    assert!(status.success(), "{status:?}: {said}");
    assert!(started.elapsed() < Duration::from_secs(15), "{:?}", started.elapsed());
    assert!(said.contains("stopped"), "{said}");
    assert!(!said.contains("closed the connections still open"), "{said}");
    for c in &mut stalled {
        assert!(until_closed(c).is_empty());
    }
}

#[test]
fn a_client_that_stops_reading_its_download_is_disconnected() {
    // An export far larger than what the sockets' buffers hold (about 33 MB).
    let env = TestEnv::new();
    for args in [
        &["gen", "--out", "gen", "--articles", "10000"][..],
        &["index", "gen", "--index", "index", "-q"],
    ] {
        let out = env.warta(args);
        assert!(out.status.success(), "{args:?}: {}", crate::util::text(&out.stderr));
    }
    let s = Server::start(&env, &["--timeout", "1"]);
    let mut download = TcpStream::connect(&s.addr).expect("connect");
    download.write_all(b"GET /api/export?format=jsonl HTTP/1.1\r\nHost: a\r\n\r\n").expect("send");
    let mut first = [0u8; 15];
    download.read_exact(&mut first).expect("the answer begins");
    assert_eq!(&first, b"HTTP/1.1 200 OK");
    // Reads nothing for a while: the server gives up on it after its limit.
    std::thread::sleep(Duration::from_secs(4));
    let rest = until_closed(&mut download);
    assert!(rest.len() < 20_000_000, "the whole export arrived ({} bytes)", rest.len());
    assert_eq!(s.json("/api/health")["status"], "ok");
}

/// With few file descriptors (`ulimit -n 64`), a flood of connections makes
/// accepting fail: the server says so once, keeps running, and answers again
/// once the flood's connections are gone.
#[cfg(unix)]
#[test]
fn running_out_of_file_descriptors_is_reported_once_and_survived() {
    use std::io::BufRead;
    use std::process::Stdio;
    let env = TestEnv::indexed();
    /// Killed if the test fails before it stops the server.
    struct Running(std::process::Child);
    impl Drop for Running {
        fn drop(&mut self) {
            if let Ok(None) = self.0.try_wait() {
                let _ = self.0.kill();
                let _ = self.0.wait();
            }
        }
    }
    let mut child = std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -n 64 && exec \"$0\" serve --index index --bind 127.0.0.1:0 --timeout 1")
        .arg(crate::util::binary())
        .current_dir(env.root())
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start warta serve");
    let stderr = std::io::BufReader::new(child.stderr.take().expect("stderr"));
    let mut child = Running(child);
    let (lines, said) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stderr.lines().map_while(Result::ok) {
            let _ = lines.send(line);
        }
    });
    let next = || said.recv_timeout(Duration::from_secs(60)).expect("a line on stderr");
    let first = next();
    let addr = first
        .split("serving on http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("{first}"))
        .to_string();

    let flood: Vec<TcpStream> =
        (0..120).map(|_| TcpStream::connect(&addr).expect("connect")).collect();
    let report = next();
    assert!(report.contains("cannot accept connections"), "{report}");
    drop(flood);
    let r = crate::http::get(&addr, "/api/health");
    assert_eq!(r.status, 200, "{}", r.text());

    let _ = std::process::Command::new("kill").args(["-TERM", &child.0.id().to_string()]).status();
    let status = child.0.wait().expect("wait");
    assert!(status.success(), "{status:?}");
    // Everything else it said, up to the end of its standard error.
    let rest: Vec<String> = said.iter().collect();
    assert!(rest.iter().any(|l| l.contains("stopped")), "{rest:?}");
    assert!(!rest.iter().any(|l| l.contains("cannot accept")), "reported again: {rest:?}");
}
