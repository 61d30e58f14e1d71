//! A loopback HTTP/1.1 server that answers every request with one fixed 200 JSON response.
//! It runs as tasks on the caller's runtime: with a current-thread runtime, client and server
//! take turns on one thread, so no cross-thread wake-up (and its scheduling noise on a busy
//! machine) enters the measurement. Requests are read up to the end of their headers: the
//! benchmarks send only bodiless `GET`s.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Starts the server on the current runtime; it runs as long as the runtime does. Returns
/// its address.
pub async fn serve(body: &[u8]) -> io::Result<SocketAddr> {
    let response: Arc<[u8]> = response_bytes(body).into();
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    tokio::spawn(async move {
        while let Ok((stream, _)) = listener.accept().await {
            tokio::spawn(answer_each_request(stream, Arc::clone(&response)));
        }
    });
    Ok(address)
}

/// The whole response: status line, headers and `body`.
fn response_bytes(body: &[u8]) -> Vec<u8> {
    let mut response = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(body);
    response
}

/// Serves the connection's requests (keep-alive) until the client closes it.
async fn answer_each_request(mut stream: TcpStream, response: Arc<[u8]>) -> io::Result<()> {
    let mut pending = Vec::new();
    let mut chunk = [0_u8; 4096];
    loop {
        while let Some(end) = header_end(&pending) {
            pending.drain(..end);
            stream.write_all(&response).await?;
        }
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Ok(());
        }
        pending.extend_from_slice(&chunk[..read]);
    }
}

/// The length of the first complete request head in `bytes`, if any.
fn header_end(bytes: &[u8]) -> Option<usize> {
    bytes
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .map(|start| start + 4)
}
