//! An environment cannot be created without its required `queries`.

use datadog_feature_flags::models::CreateEnvironmentAttributes;

fn main() {
    let _attributes = CreateEnvironmentAttributes::new("Staging".to_owned());
}
