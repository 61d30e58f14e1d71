//! One `ListFeatureFlags` round trip on loopback: the generated client against raw
//! reqwest + serde_json doing the same work (same headers, same body, same model type).

use std::time::Duration;

use criterion::Criterion;
use datadog_feature_flags::models::ListFeatureFlagsResponse;
use datadog_feature_flags::Client;
use reqwest::header::{ACCEPT, USER_AGENT};

use crate::loopback;

/// The keys both sides send.
const API_KEY: &str = "bench-api-key";
const APP_KEY: &str = "bench-app-key";

/// `round_trip/{generated_client,raw_reqwest}` against a loopback server answering `body`.
pub fn bench_round_trip(criterion: &mut Criterion, body: &[u8]) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    let server = runtime
        .block_on(loopback::serve(body))
        .map_err(|e| e.to_string())?;
    let base_url = format!("http://{server}");
    let client = Client::builder()
        .base_url(&base_url)
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .build()
        .map_err(|e| e.to_string())?;
    let raw = Raw::new(&base_url)?;
    let ours = runtime
        .block_on(client.feature_flags().list_feature_flags().send())
        .map_err(|e| e.to_string())?;
    let theirs = runtime.block_on(raw.list_feature_flags())?;
    if ours != theirs {
        return Err("the two clients decoded different responses".to_string());
    }

    let mut group = criterion.benchmark_group("round_trip");
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("generated_client", |b| {
        b.iter(|| runtime.block_on(client.feature_flags().list_feature_flags().send()))
    });
    group.bench_function("raw_reqwest", |b| {
        b.iter(|| runtime.block_on(raw.list_feature_flags()))
    });
    group.finish();
    Ok(())
}

/// The baseline: what a hand-written call does.
struct Raw {
    http: reqwest::Client,
    url: reqwest::Url,
}

impl Raw {
    fn new(base_url: &str) -> Result<Raw, String> {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|e| e.to_string())?;
        let url = reqwest::Url::parse(&format!("{base_url}/api/v2/feature-flags"))
            .map_err(|e| e.to_string())?;
        Ok(Raw { http, url })
    }

    async fn list_feature_flags(&self) -> Result<ListFeatureFlagsResponse, String> {
        let response = self
            .http
            .get(self.url.clone())
            .header("DD-API-KEY", API_KEY)
            .header("DD-APPLICATION-KEY", APP_KEY)
            .header(ACCEPT, "application/json")
            .header(USER_AGENT, "raw-reqwest/1.0")
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| e.to_string())?;
        let body = response.bytes().await.map_err(|e| e.to_string())?;
        serde_json::from_slice(&body).map_err(|e| e.to_string())
    }
}
