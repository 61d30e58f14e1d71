//! Every operation of the spec, called through the generated client against a loopback
//! server: the request is the documented one (method, encoded path, query, key, content-type
//! and user-agent headers, the spec's request example as body), the spec's response examples
//! decode, and every documented error status becomes `Error::Api` with the typed error body.

#[path = "../support/client.rs"]
mod client;
#[path = "../support/json.rs"]
mod json;
#[path = "../support/server.rs"]
mod server;
#[path = "../support/spec.rs"]
mod spec;

use std::fmt::Debug;

use datadog_feature_flags::models::ApiErrorResponse;
use datadog_feature_flags::{Client, Error, UnstableOperation};
use serde::Serialize;
use serde_json::Value;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Request};

use client::{API_KEY, APP_KEY, USER_AGENT};
use server::{header, received, reply};
use spec::{Operation, Response, QUERY_BOOLEAN, QUERY_INTEGER, QUERY_TEXT};

/// Calls `operation` the typed way, with the spec's path parameter examples, the request
/// example decoded into the generated body type, and every query parameter set to its test
/// value; returns the decoded response re-encoded as JSON. `None` when the table has no
/// entry for the operation: a spec operation without an entry fails the tests.
async fn call(client: &Client, operation: &Operation) -> Option<Result<Value, Error>> {
    let flags = client.feature_flags();
    let path = |name: &'static str| operation.path_example(name);
    let result = match operation.id.as_str() {
        "ListEnvironments" => json(
            flags
                .list_environments()
                .name(QUERY_TEXT)
                .key(QUERY_TEXT)
                .limit(QUERY_INTEGER)
                .offset(QUERY_INTEGER)
                .await,
        ),
        "CreateEnvironment" => json(flags.create_environment(&operation.body()).await),
        "GetEnvironment" => json(flags.get_environment(path("environment_id")).await),
        "UpdateEnvironment" => json(
            flags
                .update_environment(path("environment_id"), &operation.body())
                .await,
        ),
        "DeleteEnvironment" => json(flags.delete_environment(path("environment_id")).await),
        "ListFeatureFlags" => json(
            flags
                .list_feature_flags()
                .key(QUERY_TEXT)
                .is_archived(QUERY_BOOLEAN)
                .limit(QUERY_INTEGER)
                .offset(QUERY_INTEGER)
                .await,
        ),
        "CreateFeatureFlag" => json(flags.create_feature_flag(&operation.body()).await),
        "GetFeatureFlag" => json(flags.get_feature_flag(path("feature_flag_id")).await),
        "UpdateFeatureFlag" => json(
            flags
                .update_feature_flag(path("feature_flag_id"), &operation.body())
                .await,
        ),
        "ArchiveFeatureFlag" => json(flags.archive_feature_flag(path("feature_flag_id")).await),
        "UnarchiveFeatureFlag" => json(flags.unarchive_feature_flag(path("feature_flag_id")).await),
        "EnableFeatureFlagEnvironment" => json(
            flags
                .enable_feature_flag_environment(path("feature_flag_id"), path("environment_id"))
                .await,
        ),
        "DisableFeatureFlagEnvironment" => json(
            flags
                .disable_feature_flag_environment(path("feature_flag_id"), path("environment_id"))
                .await,
        ),
        "CreateAllocation" => json(
            flags
                .create_allocation(
                    path("feature_flag_id"),
                    path("environment_id"),
                    &operation.body(),
                )
                .await,
        ),
        "ReplaceAllocations" => json(
            flags
                .replace_allocations(
                    path("feature_flag_id"),
                    path("environment_id"),
                    &operation.body(),
                )
                .await,
        ),
        "StartExposureSchedule" => json(
            flags
                .start_exposure_schedule(path("exposure_schedule_id"))
                .await,
        ),
        "PauseExposureSchedule" => json(
            flags
                .pause_exposure_schedule(path("exposure_schedule_id"))
                .await,
        ),
        "ResumeExposureSchedule" => json(
            flags
                .resume_exposure_schedule(path("exposure_schedule_id"))
                .await,
        ),
        "StopExposureSchedule" => json(
            flags
                .stop_exposure_schedule(path("exposure_schedule_id"))
                .await,
        ),
        "CancelFleetDeployment" => json(
            client
                .fleet_automation()
                .cancel_fleet_deployment(path("deployment_id"))
                .await,
        ),
        _ => return None,
    };
    Some(result)
}

/// A decoded response re-encoded as JSON, to compare with the spec's example.
fn json<T: Serialize>(result: Result<T, Error>) -> Result<Value, Error> {
    result.map(|body| serde_json::to_value(body).expect("decoded responses encode as JSON"))
}

/// A client of `server` on which the unstable operation is enabled.
fn client_of(server: &MockServer) -> Client {
    client::builder(server)
        .enable_unstable_operation(UnstableOperation::CancelFleetDeployment)
        .build()
        .expect("the test client configuration is valid")
}

/// Serves `response` for any request, calls `operation` once and returns the result with
/// the requests the server received; `None` when the table has no entry.
async fn exchange(
    operation: &Operation,
    response: &Response,
) -> Option<(Result<Value, Error>, Vec<Request>)> {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(reply(response.status, response.example.as_ref()))
        .mount(&server)
        .await;
    let result = call(&client_of(&server), operation).await?;
    Some((result, received(&server).await))
}

/// Records a problem when `actual` differs from `expected`.
fn compare<T: PartialEq + Debug>(problems: &mut Vec<String>, what: &str, expected: T, actual: T) {
    if expected != actual {
        problems.push(format!("{what}: expected {expected:?}, got {actual:?}"));
    }
}

/// How the one request the server received differs from what the spec documents.
fn request_problems(operation: &Operation, requests: &[Request]) -> Vec<String> {
    let mut problems = Vec::new();
    let [request] = requests else {
        return vec![format!(
            "expected exactly one request, the server received {}",
            requests.len()
        )];
    };
    compare(
        &mut problems,
        "method",
        operation.method.as_str(),
        request.method.as_str(),
    );
    compare(
        &mut problems,
        "path",
        operation.expected_path().as_str(),
        request.url.path(),
    );
    let query: Vec<(String, String)> = request.url.query_pairs().into_owned().collect();
    compare(&mut problems, "query", operation.expected_query(), query);
    compare(
        &mut problems,
        "DD-API-KEY",
        Some(API_KEY),
        header(request, "dd-api-key"),
    );
    compare(
        &mut problems,
        "DD-APPLICATION-KEY",
        Some(APP_KEY),
        header(request, "dd-application-key"),
    );
    compare(
        &mut problems,
        "User-Agent",
        Some(USER_AGENT),
        header(request, "user-agent"),
    );
    let content_type = operation
        .request_example
        .as_ref()
        .map(|_| "application/json");
    compare(
        &mut problems,
        "Content-Type",
        content_type,
        header(request, "content-type"),
    );
    match (&operation.request_example, request.body.as_slice()) {
        (None, []) => {}
        (None, body) => problems.push(format!(
            "body: expected none, got {}",
            String::from_utf8_lossy(body)
        )),
        (Some(example), body) => match serde_json::from_slice::<Value>(body) {
            Ok(sent) => {
                problems.extend(json::difference(example, &sent).map(|d| format!("body {d}")))
            }
            Err(error) => problems.push(format!("body: not JSON ({error})")),
        },
    }
    problems
}

/// Everything wrong with `operation`'s request and its documented 2xx responses.
async fn success_problems(operation: &Operation) -> Vec<String> {
    let mut problems = Vec::new();
    for response in &operation.successes {
        let Some((result, requests)) = exchange(operation, response).await else {
            return vec!["the typed-call table has no entry for this operation".to_owned()];
        };
        problems.extend(request_problems(operation, &requests));
        match (result, &response.example) {
            (Ok(decoded), Some(example)) => {
                problems.extend(json::difference(example, &decoded).map(|difference| {
                    format!(
                        "HTTP {} example, decoded and encoded again: {difference}",
                        response.status
                    )
                }))
            }
            (Ok(_), None) => {}
            (Err(error), _) => problems.push(format!(
                "HTTP {}: the spec's response does not decode: {error}",
                response.status
            )),
        }
    }
    problems
}

/// Everything wrong with how `operation`'s documented error responses are reported.
async fn error_problems(operation: &Operation) -> Vec<String> {
    let mut problems = Vec::new();
    for response in &operation.errors {
        let Some((result, _)) = exchange(operation, response).await else {
            return vec!["the typed-call table has no entry for this operation".to_owned()];
        };
        let what = format!("HTTP {}", response.status);
        let Err(Error::Api(api)) = result else {
            problems.push(format!("{what}: expected Error::Api, got {result:?}"));
            continue;
        };
        compare(&mut problems, &what, response.status, api.status());
        let expected: Option<ApiErrorResponse> = response
            .example
            .clone()
            .map(|example| serde_json::from_value(example).expect("error examples decode"));
        compare(
            &mut problems,
            &format!("{what} typed error body"),
            expected.as_ref(),
            api.json::<ApiErrorResponse>().as_ref(),
        );
        compare(
            &mut problems,
            &format!("{what} error messages"),
            expected
                .map(|body| body.errors)
                .unwrap_or_default()
                .as_slice(),
            api.errors(),
        );
    }
    problems
}

/// Runs `check` on every operation of the spec and fails with every problem found.
async fn assert_every_operation(check: impl AsyncFn(&Operation) -> Vec<String>) {
    let operations = spec::operations();
    assert!(!operations.is_empty(), "the spec lists operations");
    let mut report = Vec::new();
    for operation in &operations {
        let problems = check(operation).await;
        report.extend(
            problems
                .into_iter()
                .map(|problem| format!("{}: {problem}", operation.id)),
        );
    }
    assert!(report.is_empty(), "\n{}", report.join("\n"));
}

#[tokio::test]
async fn every_operation_sends_the_documented_request_and_decodes_its_examples() {
    assert_every_operation(success_problems).await;
}

#[tokio::test]
async fn every_documented_error_status_decodes_into_the_typed_error() {
    assert_every_operation(error_problems).await;
}
