//! Lists feature flags with the generated client (keys from DD_API_KEY and DD_APP_KEY):
//! the program whose clean release build bench/build-cost.sh measures.

#[tokio::main]
async fn main() -> Result<(), datadog_feature_flags::Error> {
    let client = datadog_feature_flags::Client::from_env()?;
    let page = client.feature_flags().list_feature_flags().send().await?;
    println!("{} feature flags", page.data.len());
    Ok(())
}
