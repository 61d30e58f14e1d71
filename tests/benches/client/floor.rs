//! The floor: the least a typed decoder of a list-flags response can do. Plain serde
//! derives with the same field types as the generated models, unknown properties skipped
//! and unknown enum values collapsed to one variant (both lost, unlike the generated
//! models, which keep them).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use uuid::Uuid;

/// `ListFeatureFlagsResponse`.
#[derive(Deserialize, Serialize)]
pub struct ListFeatureFlagsResponse {
    data: Vec<FeatureFlag>,
    #[serde(skip_serializing_if = "Option::is_none")]
    meta: Option<PaginationMeta>,
}

#[derive(Deserialize, Serialize)]
struct PaginationMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<PaginationMetaPage>,
}

#[derive(Deserialize, Serialize)]
struct PaginationMetaPage {
    #[serde(skip_serializing_if = "Option::is_none")]
    total_count: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total_filtered_count: Option<i64>,
}

#[derive(Deserialize, Serialize)]
struct FeatureFlag {
    attributes: FeatureFlagAttributes,
    id: Uuid,
    #[serde(rename = "type")]
    type_: FeatureFlagResourceType,
}

#[derive(Deserialize, Serialize)]
enum FeatureFlagResourceType {
    #[serde(rename = "feature-flags")]
    FeatureFlags,
    #[serde(other)]
    Unknown,
}

#[derive(Deserialize, Serialize)]
struct FeatureFlagAttributes {
    #[serde(skip_serializing_if = "Option::is_none")]
    archived_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    created_by: Option<Uuid>,
    description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    distribution_channel: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    feature_flag_environments: Option<Vec<FeatureFlagEnvironment>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    json_schema: Option<String>,
    key: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    last_updated_by: Option<Uuid>,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    require_approval: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated_at: Option<DateTime<Utc>>,
    value_type: FeatureFlagValueType,
    variants: Vec<Variant>,
}

#[derive(Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum FeatureFlagValueType {
    Boolean,
    Integer,
    Numeric,
    String,
    Json,
    #[serde(other)]
    Unknown,
}

#[derive(Deserialize, Serialize)]
struct FeatureFlagEnvironment {
    #[serde(skip_serializing_if = "Option::is_none")]
    allocations: Option<BTreeMap<String, Value>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_allocation_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_variant_id: Option<String>,
    environment_id: Uuid,
    #[serde(skip_serializing_if = "Option::is_none")]
    environment_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    environment_queries: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_production: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    override_allocation_key: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    override_variant_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pending_suggestion_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    require_feature_flag_approval: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rollout_percentage: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    rules: Option<Vec<BTreeMap<String, Value>>>,
    status: FeatureFlagStatus,
}

#[derive(Deserialize, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
enum FeatureFlagStatus {
    Enabled,
    Disabled,
    #[serde(other)]
    Unknown,
}

#[derive(Deserialize, Serialize)]
struct Variant {
    #[serde(skip_serializing_if = "Option::is_none")]
    created_at: Option<DateTime<Utc>>,
    id: Uuid,
    key: String,
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated_at: Option<DateTime<Utc>>,
    value: String,
}
