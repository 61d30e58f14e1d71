//! Calls refused before sending: unstable operations not enabled, operations off the site.

use client_runtime_template::{
    ApiSpec, ClientBuilder, Error, Method, OperationSpec, Request, SiteSpec,
};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{builder, API_KEY, APP_KEY, CREDENTIALS};

static CANCEL_DEPLOYMENT: OperationSpec = OperationSpec {
    id: "CancelFleetDeployment",
    method: Method::Post,
    path_template: "/api/unstable/fleet/deployments/{deployment_id}/cancel",
    unstable: true,
    sites: None,
    security: &["apiKeyAuth", "appKeyAuth"],
};

fn cancel_deployment() -> Request {
    let mut request = Request::new(&CANCEL_DEPLOYMENT);
    request.path_literal("/api/unstable/fleet/deployments");
    request.path_param(&"dep-1");
    request.path_literal("cancel");
    request
}

#[tokio::test]
async fn an_unstable_operation_not_enabled_fails_without_sending() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = builder(&server.uri()).build().expect("valid");
    let error = client
        .execute(cancel_deployment())
        .await
        .expect_err("gated");
    assert!(
        matches!(
            error,
            Error::UnstableOperationDisabled {
                operation: "CancelFleetDeployment"
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("not enabled"));
    assert_eq!(server.received_requests().await.map(|r| r.len()), Some(0));

    let enabled = builder(&server.uri())
        .enable_unstable("CancelFleetDeployment")
        .build()
        .expect("valid");
    let response = enabled.execute(cancel_deployment()).await.expect("sent");
    assert_eq!(response.status(), 204);
    let sent = server.received_requests().await.unwrap_or_default();
    assert_eq!(
        sent[0].url.path(),
        "/api/unstable/fleet/deployments/dep-1/cancel"
    );
}

/// Sites on loopback ports where nothing listens, so that no test traffic leaves the machine.
static LOCAL_SITES: [SiteSpec; 2] = [
    SiteSpec {
        value: "one.local",
        base_url: "http://127.0.0.1:9",
    },
    SiteSpec {
        value: "two.local",
        base_url: "http://127.0.0.1:9",
    },
];

static LOCAL_SPEC: ApiSpec = ApiSpec {
    name: "runtime-test",
    version: "1.2.3",
    sites: &LOCAL_SITES,
    default_site: 0,
    site_env: None,
    credentials: &CREDENTIALS,
};

static TWO_ONLY: OperationSpec = OperationSpec {
    id: "TwoOnly",
    method: Method::Get,
    path_template: "/two",
    unstable: false,
    sites: Some(&["two.local"]),
    security: &["apiKeyAuth"],
};

fn local_client(site: &str) -> client_runtime_template::Client {
    ClientBuilder::new(&LOCAL_SPEC)
        .site_value(site)
        .credential("apiKeyAuth", API_KEY)
        .credential("appKeyAuth", APP_KEY)
        .retry_policy(client_runtime_template::RetryPolicy::disabled())
        .build()
        .expect("valid")
}

#[tokio::test]
async fn an_operation_off_the_site_fails_without_sending() {
    let error = local_client("one.local")
        .execute(Request::new(&TWO_ONLY))
        .await
        .expect_err("not served");
    let Error::UnsupportedSite {
        operation,
        site,
        supported,
    } = &error
    else {
        panic!("expected an unsupported site error, got {error:?}");
    };
    assert_eq!(
        (*operation, *site, *supported),
        ("TwoOnly", "one.local", &["two.local"][..])
    );
    assert!(error.to_string().contains("two.local"));
}

#[tokio::test]
async fn an_operation_on_its_site_is_sent() {
    // Nothing listens on the site's port: reaching the transport proves the gate let it through.
    let error = local_client("two.local")
        .execute(Request::new(&TWO_ONLY))
        .await
        .expect_err("refused connection");
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
}
