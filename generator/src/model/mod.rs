//! The intermediate representation: what the spec means, independent of Rust tokens.
//!
//! `build` turns a checked `openapiv3::OpenAPI` into an [`Api`]; the emitters only read it.
//! Every OpenAPI quirk (nullable, allOf, oneOf, additionalProperties, recursion, inline
//! schema naming) is resolved here, once.

pub mod names;
pub mod operations;
pub mod pagination;
pub mod resolve;
pub mod schemas;
pub mod servers;

use serde_json::Value;

/// The whole API, ready for emission.
#[derive(Debug, Clone, PartialEq)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`.
    pub description: Option<String>,
    /// The sites (base URLs) the API is served on.
    pub sites: Sites,
    /// API-key credentials the client sends, in spec order.
    pub credentials: Vec<Credential>,
    /// Named types, sorted by Rust name.
    pub types: Vec<TypeDef>,
    /// Operations, sorted by (group, Rust name).
    pub operations: Vec<Operation>,
    /// The schema shared by every documented error response, if they all agree.
    pub error_body: Option<TypeRef>,
}

impl Api {
    /// The environment variables a client reads: each credential's, then the site's.
    pub fn env_vars(&self) -> Vec<&str> {
        let credentials = self.credentials.iter().filter_map(|c| c.env_var.as_deref());
        credentials.chain(self.sites.env_var.as_deref()).collect()
    }

    /// The named type called `name` (a binary search: `types` is sorted by name).
    pub fn type_def(&self, name: &str) -> Option<&TypeDef> {
        let index = self
            .types
            .binary_search_by(|t| t.name.as_str().cmp(name))
            .ok()?;
        self.types.get(index)
    }
}

/// Where the API is served: one typed variant per site.
#[derive(Debug, Clone, PartialEq)]
pub struct Sites {
    /// The URL template of the first server, e.g. `https://api.{site}`.
    pub url_template: String,
    /// One variant per allowed value of the first server's enum variable, or per server.
    pub variants: Vec<Site>,
    /// Index into `variants` of the default site.
    pub default: usize,
    /// Environment variable a client reads the site from (`x-env-var`), e.g. `DD_SITE`.
    pub env_var: Option<String>,
}

/// One site.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    /// Rust variant name, e.g. `Us3DatadoghqCom`.
    pub rust_name: String,
    /// The variable's value as written in the spec, e.g. `us3.datadoghq.com`.
    pub value: String,
    /// The base URL with the variable substituted, without a trailing slash.
    pub base_url: String,
}

/// An API key sent in a header (`securitySchemes` of type `apiKey`, `in: header`).
#[derive(Debug, Clone, PartialEq)]
pub struct Credential {
    /// The scheme's name in `components/securitySchemes`.
    pub scheme: String,
    /// snake_case name of the builder method that sets it, e.g. `api_key`.
    pub rust_name: String,
    /// The header name, e.g. `DD-API-KEY`.
    pub header: String,
    /// Environment variable a client reads it from (`x-env-var`).
    pub env_var: Option<String>,
    /// The scheme's description.
    pub description: Option<String>,
}

/// Documentation carried from the spec.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Docs {
    /// A one-line summary (`summary`, or the `title` of a schema).
    pub summary: Option<String>,
    /// The long description.
    pub description: Option<String>,
}

/// A named Rust type.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    /// PascalCase Rust name, unique in the crate.
    pub name: String,
    /// JSON pointer of the schema it comes from, for error messages and docs.
    pub pointer: String,
    /// Documentation.
    pub docs: Docs,
    /// `deprecated: true` on the schema.
    pub deprecated: bool,
    /// What kind of type it is.
    pub kind: TypeKind,
}

/// The shape of a named type.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    /// An object with known fields; unknown fields are kept.
    Struct(Struct),
    /// A string or integer enum; unknown values are kept.
    Enum(Enum),
    /// `oneOf` / `anyOf`.
    Union(Union),
    /// A named schema that is not an object, enum or union (e.g. an array or a string),
    /// emitted as a type alias.
    Alias(TypeRef),
}

/// An object schema.
#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    /// Fields in the spec's order (allOf parts in order).
    pub fields: Vec<Field>,
    /// What happens to properties the spec does not list.
    pub additional: Additional,
}

/// Properties not listed in `properties`.
#[derive(Debug, Clone, PartialEq)]
pub enum Additional {
    /// Kept as raw JSON and sent back unchanged (the default).
    Keep,
    /// `additionalProperties: <schema>`: a typed map of the extra properties.
    Typed(TypeRef),
}

/// One field of a struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The JSON property name.
    pub json_name: String,
    /// snake_case Rust name, keywords escaped (`r#type` is never used: `type_`).
    pub rust_name: String,
    /// The value type (without the Option wrappers).
    pub ty: TypeRef,
    /// Listed in `required`.
    pub required: bool,
    /// `nullable: true`: null is a value distinct from absence.
    pub nullable: bool,
    /// Boxed to break a recursive cycle.
    pub boxed: bool,
    /// `default` value.
    pub default: Option<Value>,
    /// `readOnly: true`.
    pub read_only: bool,
    /// `writeOnly: true`.
    pub write_only: bool,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// Documentation.
    pub docs: Docs,
}

impl Field {
    /// Whether the Rust field is an `Option`: the spec does not require it, or only one
    /// direction carries it (`readOnly` fields are absent from requests, `writeOnly` ones
    /// from responses).
    pub fn is_optional(&self) -> bool {
        !self.required || self.read_only || self.write_only
    }
}

/// A string or integer enum.
#[derive(Debug, Clone, PartialEq)]
pub struct Enum {
    /// The JSON type of the values.
    pub repr: EnumRepr,
    /// Known values in spec order.
    pub variants: Vec<EnumVariant>,
}

/// The JSON type of enum values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EnumRepr {
    /// `type: string`.
    String,
    /// `type: integer`.
    Integer,
}

/// One known enum value.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumVariant {
    /// PascalCase Rust name.
    pub rust_name: String,
    /// The JSON value (a string or an integer).
    pub value: Value,
}

/// `oneOf` / `anyOf`.
#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    /// `discriminator.propertyName`, when given: the union is internally tagged and every
    /// variant has a `tag`.
    pub discriminator: Option<String>,
    /// The alternatives, in spec order.
    pub variants: Vec<UnionVariant>,
}

/// One alternative of a union.
#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    /// PascalCase Rust name.
    pub rust_name: String,
    /// The alternative's type.
    pub ty: TypeRef,
    /// The discriminator value selecting it (from `mapping`, or the schema name).
    pub tag: Option<String>,
}

/// A reference to a type, as used by a field, parameter or body.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TypeRef {
    /// A named type of the crate.
    Named(String),
    /// `type: string`.
    String,
    /// `type: boolean`.
    Bool,
    /// `integer` / `int32`.
    I32,
    /// `integer` (no format) / `int64`.
    I64,
    /// `number` / `float`.
    F32,
    /// `number` (no format) / `double`.
    F64,
    /// `format: uuid`.
    Uuid,
    /// `format: date-time`.
    DateTime,
    /// `format: date`.
    Date,
    /// `format: byte` (base64 in JSON).
    Base64,
    /// `format: binary`.
    Binary,
    /// A free-form value (`{}` or `type: object` without properties).
    Json,
    /// `type: array`.
    Vec(Box<TypeRef>),
    /// A map with string keys (`additionalProperties` only).
    Map(Box<TypeRef>),
    /// A `nullable` array item or map value (`Option<T>`). Fields and parameters never use
    /// it: their nullability is a flag of their own.
    Nullable(Box<TypeRef>),
}

/// HTTP methods an operation can use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Method {
    /// GET
    Get,
    /// PUT
    Put,
    /// POST
    Post,
    /// DELETE
    Delete,
    /// OPTIONS
    Options,
    /// HEAD
    Head,
    /// PATCH
    Patch,
    /// TRACE
    Trace,
}

impl Method {
    /// The method as HTTP spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Options => "OPTIONS",
            Method::Head => "HEAD",
            Method::Patch => "PATCH",
            Method::Trace => "TRACE",
        }
    }
}

/// One operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Operation {
    /// `operationId` as written in the spec (or, when it has none, derived from the method
    /// and path: `get_pets_pet_id`).
    pub id: String,
    /// snake_case method name.
    pub rust_name: String,
    /// PascalCase name, for the request builder and response types.
    pub type_name: String,
    /// The first tag (or `untagged`): operations are grouped by it.
    pub group: String,
    /// snake_case name of the group's module and `Client` accessor, distinct among groups.
    pub group_rust: String,
    /// HTTP method.
    pub method: Method,
    /// Path template, e.g. `/api/v2/feature-flags/{feature_flag_id}`.
    pub path: String,
    /// The path split at `/`, literals and parameters.
    pub segments: Vec<PathSegment>,
    /// Path, query and header parameters, in spec order (path-level ones first).
    pub params: Vec<Param>,
    /// The request body.
    pub body: Option<RequestBody>,
    /// Documented responses, by status.
    pub responses: Vec<Response>,
    /// Site values the operation is served on, when they differ from the API's list.
    pub sites: Option<Vec<String>>,
    /// Names of the credentials it requires.
    pub security: Vec<String>,
    /// `x-unstable`: the preview notice.
    pub unstable: Option<String>,
    /// `x-permissions`.
    pub permissions: Vec<String>,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// Documentation.
    pub docs: Docs,
    /// Offset/limit pagination, when the operation supports it.
    pub pagination: Option<Pagination>,
}

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSegment {
    /// Literal text between slashes.
    Literal(String),
    /// A `{name}` parameter filling a whole segment; the index into `params`.
    Param(usize),
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// In the path.
    Path,
    /// In the query string.
    Query,
    /// In a header.
    Header,
}

impl ParamLocation {
    /// The location as OpenAPI's `in` spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            ParamLocation::Path => "path",
            ParamLocation::Query => "query",
            ParamLocation::Header => "header",
        }
    }
}

/// A parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// Name as sent on the wire.
    pub name: String,
    /// snake_case Rust name.
    pub rust_name: String,
    /// Where it goes.
    pub location: ParamLocation,
    /// Its type.
    pub ty: TypeRef,
    /// `required: true` (always for path parameters).
    pub required: bool,
    /// `default` value.
    pub default: Option<Value>,
    /// The parameter's example (its own, or its schema's), for generated examples.
    pub example: Option<Value>,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// Documentation.
    pub docs: Docs,
}

/// How a body is encoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MediaKind {
    /// `application/json` or any `+json` type: serde_json.
    Json,
    /// `text/*`: a String.
    Text,
    /// Anything else: raw bytes.
    Binary,
}

/// A request body.
#[derive(Debug, Clone, PartialEq)]
pub struct RequestBody {
    /// The media type sent as content-type.
    pub media_type: String,
    /// How it is encoded.
    pub kind: MediaKind,
    /// Its type.
    pub ty: TypeRef,
    /// `required: true`.
    pub required: bool,
    /// The spec's example, for generated examples and tests.
    pub example: Option<Value>,
    /// Documentation.
    pub docs: Docs,
}

/// A documented response.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The status it applies to.
    pub status: Status,
    /// Its description.
    pub description: String,
    /// The body, if documented.
    pub body: Option<ResponseBody>,
}

/// A response status as the spec keys it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// An exact code.
    Code(u16),
    /// `1XX`..`5XX`: the hundreds digit.
    Range(u16),
    /// `default`.
    Default,
}

impl Status {
    /// Whether this is a success (2xx).
    pub fn is_success(self) -> bool {
        matches!(self, Status::Code(200..=299) | Status::Range(2))
    }
}

/// A documented response body.
#[derive(Debug, Clone, PartialEq)]
pub struct ResponseBody {
    /// The media type chosen (JSON ones preferred).
    pub media_type: String,
    /// How it is decoded.
    pub kind: MediaKind,
    /// Its type.
    pub ty: TypeRef,
    /// The spec's example.
    pub example: Option<Value>,
}

/// Offset/limit pagination of an operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Pagination {
    /// Index into `params` of the offset parameter.
    pub offset_param: usize,
    /// Index into `params` of the limit parameter.
    pub limit_param: usize,
    /// Rust field name of the item array in the success body (e.g. `data`).
    pub items_field: String,
    /// Type of one item.
    pub item_type: TypeRef,
    /// Rust field path to the total count in the success body, when there is one.
    pub total_path: Vec<String>,
}

/// Builds the model of a checked spec, with every problem found on the way (the model is
/// what the spec means only when none of them is an error).
pub fn build(spec: &openapiv3::OpenAPI) -> (Api, Vec<crate::diagnostics::Diagnostic>) {
    let mut types = schemas::TypeBuilder::new(spec);
    let mut diagnostics = Vec::new();
    let sites = servers::build_sites(spec, &mut diagnostics);
    let credentials = servers::build_credentials(spec);
    let (operations, error_body) =
        operations::build_operations(spec, &mut types, &sites, &mut diagnostics);
    let (types, more) = types.finish();
    diagnostics.extend(more);
    diagnostics.sort();
    diagnostics.dedup();
    let api = Api {
        title: spec.info.title.clone(),
        version: spec.info.version.clone(),
        description: spec.info.description.clone(),
        sites,
        credentials,
        types,
        operations,
        error_body,
    };
    (api, diagnostics)
}
