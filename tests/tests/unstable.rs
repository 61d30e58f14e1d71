//! The unstable `CancelFleetDeployment` fails fast, sending nothing, until it is enabled on
//! the builder; once enabled it is sent like any other operation.

#[path = "../support/client.rs"]
mod client;
#[path = "../support/server.rs"]
mod server;

use datadog_feature_flags::{Error, UnstableOperation};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use server::received;

/// The deployment the tests cancel.
const DEPLOYMENT_ID: &str = "abc-def-ghi";

/// A server that accepts the cancellation of [`DEPLOYMENT_ID`].
async fn fleet() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/unstable/fleet/deployments/abc-def-ghi/cancel"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn unstable_operation_fails_fast_until_enabled() -> Result<(), Error> {
    let server = fleet().await;
    let client = client::builder(&server).build()?;
    let result = client
        .fleet_automation()
        .cancel_fleet_deployment(DEPLOYMENT_ID)
        .await;
    let Err(error) = result else {
        panic!("a disabled unstable operation must fail");
    };
    assert!(
        matches!(
            error,
            Error::UnstableOperationDisabled {
                operation: "CancelFleetDeployment"
            }
        ),
        "{error:?}"
    );
    assert!(
        error.to_string().contains("CancelFleetDeployment"),
        "the message names the operation: {error}"
    );
    assert!(received(&server).await.is_empty(), "nothing was sent");
    Ok(())
}

#[tokio::test]
async fn unstable_operation_works_once_enabled() -> Result<(), Error> {
    let server = fleet().await;
    let client = client::builder(&server)
        .enable_unstable_operation(UnstableOperation::CancelFleetDeployment)
        .build()?;
    client
        .fleet_automation()
        .cancel_fleet_deployment(DEPLOYMENT_ID)
        .await?;
    assert_eq!(received(&server).await.len(), 1);
    Ok(())
}
