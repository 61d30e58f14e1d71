//! Getting a feature flag without saying which one does not compile.

use datadog_feature_flags::Client;

async fn get_flag(client: &Client) {
    let _flag = client.feature_flags().get_feature_flag().await;
}

fn main() {
    let _ = get_flag;
}
