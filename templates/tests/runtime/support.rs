//! Shared fixtures: a test API description, keys, clients, and raw socket servers.

use std::io::Write;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use client_runtime_template::{
    ApiSpec, Client, ClientBuilder, CredentialSpec, Method, OperationSpec, Request, RetryPolicy,
    SiteSpec,
};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tracing_subscriber::fmt::format::FmtSpan;
use wiremock::MockServer;

/// Real-length keys: Datadog API keys are 32 hex characters, application keys 40.
pub const API_KEY: &str = "5f0c2b7e9d1a4c3b8e6f0a9d7c5b3e1f";
pub const APP_KEY: &str = "a8d3e1f7c2b94e0d6a5c1f3b7e9d2c4a6b8f0e1d";

pub static SITES: [SiteSpec; 3] = [
    SiteSpec {
        value: "datadoghq.com",
        base_url: "https://api.datadoghq.com",
    },
    SiteSpec {
        value: "datadoghq.eu",
        base_url: "https://api.datadoghq.eu",
    },
    SiteSpec {
        value: "us3.datadoghq.com",
        base_url: "https://api.us3.datadoghq.com",
    },
];

pub static CREDENTIALS: [CredentialSpec; 2] = [
    CredentialSpec {
        name: "apiKeyAuth",
        header: "DD-API-KEY",
        env: Some("RUNTIME_TEST_API_KEY"),
    },
    CredentialSpec {
        name: "appKeyAuth",
        header: "DD-APPLICATION-KEY",
        env: Some("RUNTIME_TEST_APP_KEY"),
    },
];

pub static SPEC: ApiSpec = ApiSpec {
    name: "runtime-test",
    version: "1.2.3",
    sites: &SITES,
    default_site: 0,
    site_env: Some("RUNTIME_TEST_SITE"),
    credentials: &CREDENTIALS,
};

/// Builds an operation description with both keys required.
const fn operation(id: &'static str, method: Method, path_template: &'static str) -> OperationSpec {
    OperationSpec {
        id,
        method,
        path_template,
        unstable: false,
        sites: None,
        security: &["apiKeyAuth", "appKeyAuth"],
    }
}

pub static GET_FLAG: OperationSpec =
    operation("GetFeatureFlag", Method::Get, "/api/v2/feature-flags/{id}");
pub static CREATE_FLAG: OperationSpec =
    operation("CreateFeatureFlag", Method::Post, "/api/v2/feature-flags");
pub static DELETE_FLAG: OperationSpec = operation(
    "DeleteFeatureFlag",
    Method::Delete,
    "/api/v2/feature-flags/{id}",
);

/// A request for `GET /api/v2/feature-flags/{id}`.
pub fn get_flag(id: &str) -> Request {
    let mut request = Request::new(&GET_FLAG);
    request.path_literal("/api/v2/feature-flags");
    request.path_param(&id);
    request
}

/// A request for `POST /api/v2/feature-flags` with a small JSON body.
pub fn create_flag() -> Request {
    let mut request = Request::new(&CREATE_FLAG);
    request.path_literal("/api/v2/feature-flags");
    request
        .json_body(&serde_json::json!({"data": {"type": "feature-flags"}}))
        .expect("a JSON value encodes");
    request
}

/// Retries with waits short enough for tests.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .base_delay(Duration::from_millis(1))
        .max_delay(Duration::from_millis(5))
        .max_total_wait(Duration::from_secs(2))
}

/// A builder for `base_url` with both keys and fast retries.
pub fn builder(base_url: &str) -> ClientBuilder {
    ClientBuilder::new(&SPEC)
        .base_url(base_url)
        .credential("apiKeyAuth", API_KEY)
        .credential("appKeyAuth", APP_KEY)
        .retry_policy(fast_retries())
}

/// A client for the wiremock server.
pub fn client(server: &MockServer) -> Client {
    builder(&server.uri())
        .build()
        .expect("a valid configuration")
}

/// Whether `text` shows either key.
pub fn shows_a_key(text: &str) -> bool {
    text.contains(API_KEY) || text.contains(APP_KEY)
}

/// Whether `text` shows 8 or more consecutive characters of either key (a prefix or suffix
/// left by a cut, or any other part).
pub fn shows_part_of_a_key(text: &str) -> bool {
    [API_KEY, APP_KEY]
        .iter()
        .any(|key| (0..=key.len() - 8).any(|start| text.contains(&key[start..start + 8])))
}

/// A raw TCP server on loopback that runs `handle` for each connection and counts them.
pub struct RawServer {
    pub address: SocketAddr,
    connections: Arc<AtomicUsize>,
}

impl RawServer {
    pub async fn start<F, Fut>(handle: F) -> RawServer
    where
        F: Fn(TcpStream) -> Fut + Send + Sync + 'static,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        let listener = TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind loopback");
        let address = listener.local_addr().expect("local address");
        let connections = Arc::new(AtomicUsize::new(0));
        let counter = connections.clone();
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                counter.fetch_add(1, Ordering::SeqCst);
                tokio::spawn(handle(stream));
            }
        });
        RawServer {
            address,
            connections,
        }
    }

    pub fn uri(&self) -> String {
        format!("http://{}", self.address)
    }

    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

/// Reads one request head (up to the blank line); `None` when the peer closed first.
pub async fn read_request_head(stream: &mut (impl AsyncRead + Unpin)) -> Option<String> {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        match stream.read(&mut byte).await {
            Ok(1) => head.push(byte[0]),
            _ => return None,
        }
    }
    String::from_utf8(head).ok()
}

/// Writes a complete keep-alive JSON response.
pub async fn write_json(stream: &mut (impl AsyncWrite + Unpin), body: &str) -> std::io::Result<()> {
    let response = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(response.as_bytes()).await
}

/// Collects everything a tracing subscriber writes.
#[derive(Clone, Default)]
pub struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .expect("not poisoned")
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().expect("not poisoned")).into_owned()
    }
}

thread_local! {
    /// Where tracing output of this thread goes while a capture is active.
    static THREAD_CAPTURE: std::cell::RefCell<Option<Captured>> = const { std::cell::RefCell::new(None) };
}

/// Writes to the capture of the thread that emitted the event, or nowhere.
struct ThreadWriter;

impl Write for ThreadWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        THREAD_CAPTURE.with(|capture| match capture.borrow_mut().as_mut() {
            Some(captured) => captured.write(bytes),
            None => Ok(bytes.len()),
        })
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Ends the capture of its thread when dropped.
pub struct CaptureGuard;

impl Drop for CaptureGuard {
    fn drop(&mut self) {
        THREAD_CAPTURE.with(|capture| capture.borrow_mut().take());
    }
}

/// Captures everything tracing writes on this thread, spans included, while the guard lives.
///
/// One global subscriber serves every test: a thread-local subscriber per test loses events
/// when tests on other threads make tracing rebuild its per-callsite interest cache.
pub fn capture_tracing() -> (Captured, CaptureGuard) {
    static GLOBAL: std::sync::Once = std::sync::Once::new();
    GLOBAL.call_once(|| {
        let subscriber = tracing_subscriber::fmt()
            .with_writer(|| ThreadWriter)
            .with_max_level(tracing::Level::TRACE)
            .with_span_events(FmtSpan::FULL)
            .with_ansi(false)
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only global subscriber");
    });
    let captured = Captured::default();
    THREAD_CAPTURE.with(|capture| *capture.borrow_mut() = Some(captured.clone()));
    (captured, CaptureGuard)
}
