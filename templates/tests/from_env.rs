//! Reading the configuration from the environment. One test function, run alone in its own
//! binary, because the process environment is shared by every thread.

use client_runtime_template::{ApiSpec, ClientBuilder, CredentialSpec, Error, SiteSpec};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

const SITE_VAR: &str = "FROM_ENV_TEST_SITE";
const API_KEY_VAR: &str = "FROM_ENV_TEST_API_KEY";
const APP_KEY_VAR: &str = "FROM_ENV_TEST_APP_KEY";

static SITES: [SiteSpec; 2] = [
    SiteSpec {
        value: "datadoghq.com",
        base_url: "https://api.datadoghq.com",
    },
    SiteSpec {
        value: "ap1.datadoghq.com",
        base_url: "https://api.ap1.datadoghq.com",
    },
];

static CREDENTIALS: [CredentialSpec; 2] = [
    CredentialSpec {
        name: "apiKey",
        header: "DD-API-KEY",
        env: Some(API_KEY_VAR),
    },
    CredentialSpec {
        name: "appKey",
        header: "DD-APPLICATION-KEY",
        env: Some(APP_KEY_VAR),
    },
];

static SPEC: ApiSpec = ApiSpec {
    name: "from-env-test",
    version: "0.0.1",
    sites: &SITES,
    default_site: 0,
    site_env: Some(SITE_VAR),
    credentials: &CREDENTIALS,
};

fn set(variable: &str, value: Option<&str>) {
    match value {
        Some(value) => std::env::set_var(variable, value),
        None => std::env::remove_var(variable),
    }
}

/// Sets the three variables, then reads the environment and builds.
fn build_with(
    site: Option<&str>,
    api_key: Option<&str>,
    app_key: Option<&str>,
) -> Result<client_runtime_template::Client, Error> {
    set(SITE_VAR, site);
    set(API_KEY_VAR, api_key);
    set(APP_KEY_VAR, app_key);
    ClientBuilder::new(&SPEC).from_env()?.build()
}

fn config_message(result: Result<client_runtime_template::Client, Error>) -> String {
    match result {
        Err(Error::Config { message }) => message,
        other => panic!("expected a configuration error, got {other:?}"),
    }
}

#[tokio::test]
async fn the_environment_configures_site_and_keys() {
    let message = config_message(build_with(None, None, None));
    assert!(
        message.contains("apiKey") && message.contains(API_KEY_VAR),
        "{message}"
    );

    let message = config_message(build_with(None, Some("k1"), None));
    assert!(
        message.contains("appKey") && message.contains(APP_KEY_VAR),
        "{message}"
    );

    let message = config_message(build_with(None, Some("k1"), Some("")));
    assert_eq!(message, format!("{APP_KEY_VAR} is set but empty"));

    let message = config_message(build_with(Some("datadoghq.mars"), Some("k1"), Some("k2")));
    assert!(
        message.contains(SITE_VAR) && message.contains("datadoghq.mars"),
        "{message}"
    );
    assert!(
        message.contains("datadoghq.com, ap1.datadoghq.com"),
        "{message}"
    );

    let default = build_with(None, Some("k1"), Some("k2")).expect("valid");
    assert!(format!("{default:?}").contains("https://api.datadoghq.com/"));
    let blank_site = build_with(Some(" "), Some("k1"), Some("k2")).expect("valid");
    assert!(format!("{blank_site:?}").contains("https://api.datadoghq.com/"));
    let ap1 = build_with(Some("ap1.datadoghq.com"), Some("k1"), Some("k2")).expect("valid");
    assert!(format!("{ap1:?}").contains("https://api.ap1.datadoghq.com/"));

    // A key read with a trailing newline (from a file or a shell) is sent without it, and an
    // explicit base URL is kept over the environment's site.
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    set(SITE_VAR, Some("ap1.datadoghq.com"));
    set(API_KEY_VAR, Some("key-from-file\n"));
    set(APP_KEY_VAR, Some("app-key"));
    let client = ClientBuilder::new(&SPEC)
        .base_url(&server.uri())
        .from_env()
        .expect("a valid environment")
        .build()
        .expect("valid");
    static PING: client_runtime_template::OperationSpec = client_runtime_template::OperationSpec {
        id: "Ping",
        method: client_runtime_template::Method::Get,
        path_template: "/ping",
        unstable: false,
        sites: Some(&["datadoghq.com"]),
        security: &["apiKey", "appKey"],
    };
    let mut request = client_runtime_template::Request::new(&PING);
    request.path_literal("ping");
    client.execute(request).await.expect("sent to the base URL");
    let sent = server.received_requests().await.unwrap_or_default();
    assert_eq!(
        sent[0].headers.get("dd-api-key").map(|v| v.as_bytes()),
        Some(&b"key-from-file"[..])
    );
}
