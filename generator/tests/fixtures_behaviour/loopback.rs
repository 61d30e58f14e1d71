//! A one-request HTTP server on 127.0.0.1 for the fixture crates' behaviour tests: it answers
//! with a canned response and hands back what it received. (Placed in each fixture crate as
//! `tests/loopback/mod.rs`; each test uses what it needs.)
#![allow(dead_code)]

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// A request as received: the head (request line and headers, lowercased names) and body.
pub struct Received {
    pub head: String,
    pub body: Vec<u8>,
}

impl Received {
    pub fn request_line(&self) -> &str {
        self.head.lines().next().unwrap_or_default()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// Serves `response` (status line onwards) to one request; the handle yields what was received.
pub async fn serve_once(
    status: &str,
    content_type: &str,
    body: &str,
) -> (String, JoinHandle<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let base = format!("http://{}/v1", listener.local_addr().expect("address"));
    let response = format!(
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let handle = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("accept");
        let mut data = Vec::new();
        let mut buffer = [0u8; 4096];
        let head_end = loop {
            let n = socket.read(&mut buffer).await.expect("read");
            assert!(n > 0, "connection closed before the request head ended");
            data.extend_from_slice(&buffer[..n]);
            if let Some(at) = data.windows(4).position(|w| w == b"\r\n\r\n") {
                break at + 4;
            }
        };
        let head = String::from_utf8_lossy(&data[..head_end]).into_owned();
        let received = Received {
            head,
            body: Vec::new(),
        };
        let length: usize = received
            .header("content-length")
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        while data.len() < head_end + length {
            let n = socket.read(&mut buffer).await.expect("read body");
            assert!(n > 0, "connection closed before the body ended");
            data.extend_from_slice(&buffer[..n]);
        }
        socket
            .write_all(response.as_bytes())
            .await
            .expect("write response");
        Received {
            body: data[head_end..head_end + length].to_vec(),
            ..received
        }
    });
    (base, handle)
}
