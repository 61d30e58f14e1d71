//! Operations: parameters, bodies, responses and the extensions Datadog uses (x-unstable,
//! x-permissions), in spec order, grouped by their first tag.

use openapiv3::{OpenAPI, Parameter, ParameterSchemaOrContent, PathItem, ReferenceOr, StatusCode};

use super::names::Wanted;
use super::resolve::component;
use super::schemas::TypeBuilder;
use super::{
    names, pagination, servers, Docs, MediaKind, Method, Operation, Param, ParamLocation,
    PathSegment, RequestBody, Response, ResponseBody, Sites, Status, TypeRef,
};
use crate::diagnostics::{pointer_join, warn, Code, Diagnostic};

/// The extension carrying the preview notice of an unstable operation.
pub const UNSTABLE_EXTENSION: &str = "x-unstable";
/// The group of operations without tags.
pub const UNTAGGED_GROUP: &str = "untagged";
/// The extension listing the permissions an operation requires.
pub const PERMISSIONS_EXTENSION: &str = "x-permissions";

/// Everything an operation builder needs from the rest of the model.
struct Context<'a, 'b> {
    spec: &'a OpenAPI,
    types: &'b mut TypeBuilder<'a>,
    sites: &'b Sites,
    diagnostics: &'b mut Vec<Diagnostic>,
}

/// Every operation, sorted by (group, Rust name), and the error body type shared by all
/// documented error responses (when they all use the same one).
pub fn build_operations<'a>(
    spec: &'a OpenAPI,
    types: &mut TypeBuilder<'a>,
    sites: &Sites,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<Operation>, Option<TypeRef>) {
    let mut cx = Context {
        spec,
        types,
        sites,
        diagnostics,
    };
    let mut sites = Vec::new();
    for (path, item) in &spec.paths.paths {
        let pointer = pointer_join("#/paths", path);
        let ReferenceOr::Item(item) = item else {
            cx.diagnostics.push(Diagnostic::new(
                Code::UnsupportedPath,
                pointer,
                "path item `$ref` is not supported",
            ));
            continue;
        };
        for (method, name, operation) in methods(item) {
            sites.push(OperationSite {
                path,
                item,
                method,
                operation,
                pointer: format!("{pointer}/{name}"),
            });
        }
    }
    let names = operation_names(&mut cx, &sites);
    let groups = group_names(&sites);
    let mut operations = Vec::new();
    for ((site, names), group) in sites.iter().zip(names).zip(groups) {
        operations.push(build_operation(&mut cx, site, names, group));
    }
    operations.sort_by(|a, b| (&a.group, &a.rust_name).cmp(&(&b.group, &b.rust_name)));
    let error_body = shared_error_body(&operations);
    (operations, error_body)
}

/// The operations of a path item with their methods, in a fixed order.
fn methods(item: &PathItem) -> impl Iterator<Item = (Method, &'static str, &openapiv3::Operation)> {
    [
        (Method::Get, "get", &item.get),
        (Method::Put, "put", &item.put),
        (Method::Post, "post", &item.post),
        (Method::Delete, "delete", &item.delete),
        (Method::Options, "options", &item.options),
        (Method::Head, "head", &item.head),
        (Method::Patch, "patch", &item.patch),
        (Method::Trace, "trace", &item.trace),
    ]
    .into_iter()
    .filter_map(|(method, name, op)| op.as_ref().map(|op| (method, name, op)))
}

/// One operation where the spec writes it.
struct OperationSite<'a> {
    path: &'a str,
    item: &'a PathItem,
    method: Method,
    operation: &'a openapiv3::Operation,
    pointer: String,
}

/// The names of one operation: its id (given or derived) and its distinct Rust names.
struct OperationNames {
    id: String,
    rust_name: String,
    type_name: String,
}

/// Names of the group handle's own methods, which an operation's method must not take.
const GROUP_METHODS: &[(&str, &str)] = &[("new", "the group handle's constructor")];

/// Every operation's names, distinct across the crate (they name example files and the
/// variants of `UnstableOperation`). An operation without an `operationId` is named after its
/// method and path (`get_pets_pet_id`), with a warning.
fn operation_names(cx: &mut Context<'_, '_>, sites: &[OperationSite<'_>]) -> Vec<OperationNames> {
    let ids: Vec<String> = sites
        .iter()
        .map(|site| {
            let given = site.operation.operation_id.as_deref().map(str::trim);
            match given.filter(|id| !id.is_empty()) {
                Some(id) => id.to_string(),
                None => {
                    let id = names::field_name(&format!("{} {}", site.method.as_str(), site.path));
                    let message = format!(
                        "operation {} {} has no operationId; it is named `{id}` after its method and path",
                        site.method.as_str(),
                        site.path
                    );
                    warn(cx.diagnostics, Code::MissingOperationId, &site.pointer, message);
                    id
                }
            }
        })
        .collect();
    let wanted: Vec<Wanted> = ids
        .iter()
        .map(|id| Wanted::new(id, format!("operation {id:?}")))
        .collect();
    let methods = names::distinct(&wanted, names::field_name, GROUP_METHODS);
    let types = names::distinct(&wanted, names::type_name, &[]);
    let mut out = Vec::with_capacity(sites.len());
    for (((site, id), method), ty) in sites.iter().zip(ids).zip(methods).zip(types) {
        for renamed in [method.renamed, ty.renamed].into_iter().flatten() {
            warn(
                cx.diagnostics,
                Code::RenamedToAvoidCollision,
                &site.pointer,
                renamed,
            );
        }
        out.push(OperationNames {
            id,
            rust_name: method.rust,
            type_name: ty.rust,
        });
    }
    out
}

/// Each operation's group (its first tag, or [`UNTAGGED_GROUP`]) with the group's snake_case
/// Rust name, distinct among groups (it names a module and a `Client` method).
fn group_names(sites: &[OperationSite<'_>]) -> Vec<(String, String)> {
    let tags: Vec<&str> = sites
        .iter()
        .map(|site| {
            site.operation
                .tags
                .first()
                .map_or(UNTAGGED_GROUP, String::as_str)
        })
        .collect();
    let mut distinct_tags: Vec<&str> = tags.clone();
    distinct_tags.sort_unstable();
    distinct_tags.dedup();
    let wanted: Vec<Wanted> = distinct_tags
        .iter()
        .map(|tag| Wanted::new(tag, format!("tag {tag:?}")))
        .collect();
    let given = names::distinct(&wanted, names::field_name, CLIENT_METHODS);
    tags.iter()
        .map(|tag| {
            let index = distinct_tags.binary_search(tag).unwrap_or_default();
            let rust = given
                .get(index)
                .map_or_else(String::new, |g| g.rust.clone());
            (tag.to_string(), rust)
        })
        .collect()
}

/// Names of `Client`'s own methods, which a group accessor must not take.
const CLIENT_METHODS: &[(&str, &str)] = &[
    ("builder", "a method of `Client`"),
    ("from_env", "a method of `Client`"),
    ("execute", "a method of `Client`"),
    ("new", "a method of `Client`"),
    ("clone", "a method of `Client`"),
    ("fmt", "a method of `Client`"),
];

fn build_operation<'a>(
    cx: &mut Context<'a, '_>,
    site: &OperationSite<'a>,
    names: OperationNames,
    (group, group_rust): (String, String),
) -> Operation {
    let OperationSite {
        path,
        item,
        method,
        operation: op,
        ref pointer,
    } = *site;
    let OperationNames {
        id,
        rust_name,
        type_name,
    } = names;
    let params = build_params(cx, item, op, &type_name, pointer);
    let segments = build_segments(cx, path, &params, pointer);
    let body = op
        .request_body
        .as_ref()
        .and_then(|b| build_body(cx, b, &type_name, pointer));
    let responses = build_responses(cx, op, &type_name, pointer);
    let sites = servers::operation_sites(
        if op.servers.is_empty() {
            &item.servers
        } else {
            &op.servers
        },
        cx.sites,
    );
    let mut operation = Operation {
        rust_name,
        type_name,
        group,
        group_rust,
        method,
        path: path.to_string(),
        segments,
        params,
        body,
        responses,
        sites,
        security: security_schemes(cx.spec, op),
        unstable: unstable_notice(op),
        permissions: permissions(op),
        deprecated: op.deprecated,
        docs: Docs {
            summary: op.summary.clone(),
            description: op.description.clone(),
        },
        pagination: None,
        id,
    };
    operation.pagination = pagination::detect(&operation, cx.types);
    operation
}

/// Path-level parameters then the operation's own; an operation parameter replaces a
/// path-level one with the same name and location.
fn build_params<'a>(
    cx: &mut Context<'a, '_>,
    item: &'a PathItem,
    op: &'a openapiv3::Operation,
    type_name: &str,
    pointer: &str,
) -> Vec<Param> {
    let components = cx.spec.components.as_ref().map(|c| &c.parameters);
    let mut resolved: Vec<(&Parameter, String)> = Vec::new();
    let path_pointer = pointer
        .rsplit_once('/')
        .map_or(pointer, |(parent, _)| parent);
    let path_level = item
        .parameters
        .iter()
        .enumerate()
        .map(|(i, p)| (p, format!("{path_pointer}/parameters/{i}")));
    let own = op
        .parameters
        .iter()
        .enumerate()
        .map(|(i, p)| (p, format!("{pointer}/parameters/{i}")));
    for (reference, param_pointer) in path_level.chain(own) {
        match component(reference, components, "parameters", &param_pointer) {
            Ok(param) => {
                let data = param.parameter_data_ref();
                resolved.retain(|(p, _)| {
                    let other = p.parameter_data_ref();
                    !(other.name == data.name && location(p) == location(param))
                });
                resolved.push((param, param_pointer));
            }
            Err(problem) => cx.diagnostics.push(problem),
        }
    }
    let built: Vec<(Param, String)> = resolved
        .into_iter()
        .filter_map(|(param, param_pointer)| {
            build_param(cx, param, type_name, &param_pointer).map(|p| (p, param_pointer))
        })
        .collect();
    name_params(cx, built)
}

/// Names of the request builder's own fields and methods, which a parameter must not take.
const BUILDER_MEMBERS: &[(&str, &str)] = &[
    ("client", "a field of the request builder"),
    ("body", "the request builder's body"),
    ("send", "a method of the request builder"),
    ("send_with_response", "a method of the request builder"),
    ("to_request", "a method of the request builder"),
    ("into_stream", "a method of the request builder"),
    ("into_future", "a method of the request builder"),
    ("clone", "a method of the request builder"),
    ("fmt", "a method of the request builder"),
];

/// Gives parameters distinct Rust names, clear of the builder's own members: a parameter
/// sharing its name with one in another location takes the location (`id_query`).
fn name_params(cx: &mut Context<'_, '_>, built: Vec<(Param, String)>) -> Vec<Param> {
    let wanted: Vec<Wanted> = built
        .iter()
        .map(|(p, _)| Wanted {
            raw: &p.name,
            label: format!("{} parameter {:?}", p.location.as_str(), p.name),
            qualifier: Some(p.location.as_str()),
        })
        .collect();
    let given = names::distinct(&wanted, names::field_name, BUILDER_MEMBERS);
    built
        .into_iter()
        .zip(given)
        .map(|((mut param, pointer), given)| {
            if let Some(message) = given.renamed {
                warn(
                    cx.diagnostics,
                    Code::RenamedToAvoidCollision,
                    &pointer,
                    message,
                );
            }
            param.rust_name = given.rust;
            param
        })
        .collect()
}

/// Where a parameter goes; `None` for cookies, which the checker reports.
fn location(param: &Parameter) -> Option<ParamLocation> {
    match param {
        Parameter::Path { .. } => Some(ParamLocation::Path),
        Parameter::Query { .. } => Some(ParamLocation::Query),
        Parameter::Header { .. } => Some(ParamLocation::Header),
        Parameter::Cookie { .. } => None,
    }
}

fn build_param<'a>(
    cx: &mut Context<'a, '_>,
    param: &'a Parameter,
    type_name: &str,
    pointer: &str,
) -> Option<Param> {
    let data = param.parameter_data_ref();
    let Some(location) = location(param) else {
        cx.diagnostics.push(Diagnostic::new(
            Code::UnsupportedParameter,
            pointer,
            "cookie parameters are not supported",
        ));
        return None;
    };
    let ParameterSchemaOrContent::Schema(schema) = &data.format else {
        cx.diagnostics.push(Diagnostic::new(
            Code::UnsupportedParameter,
            pointer,
            "parameters described by `content` are not supported",
        ));
        return None;
    };
    let hint = format!("{type_name}{}", names::type_name(&data.name));
    let ty = cx
        .types
        .type_ref(schema, &hint, &format!("{pointer}/schema"));
    let schema_item = schema.as_item();
    Some(Param {
        name: data.name.clone(),
        rust_name: names::field_name(&data.name),
        location,
        ty,
        required: data.required || location == ParamLocation::Path,
        default: schema_item.and_then(|s| s.schema_data.default.clone()),
        example: data
            .example
            .clone()
            .or_else(|| schema_item.and_then(|s| s.schema_data.example.clone())),
        deprecated: data.deprecated.unwrap_or(false),
        docs: Docs {
            summary: None,
            description: data.description.clone(),
        },
    })
}

/// Splits a path template into literal and parameter segments.
fn build_segments(
    cx: &mut Context<'_, '_>,
    path: &str,
    params: &[Param],
    pointer: &str,
) -> Vec<PathSegment> {
    path.split('/')
        .filter(|s| !s.is_empty())
        .map(
            |segment| match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
                Some(name) => {
                    let index = params
                        .iter()
                        .position(|p| p.location == ParamLocation::Path && p.name == name);
                    match index {
                        Some(index) => PathSegment::Param(index),
                        None => {
                            cx.diagnostics.push(Diagnostic::new(
                                Code::UndeclaredPathParameter,
                                pointer,
                                format!("path parameter `{name}` is not declared"),
                            ));
                            PathSegment::Literal(segment.to_string())
                        }
                    }
                }
                None => PathSegment::Literal(segment.to_string()),
            },
        )
        .collect()
}

/// How a media type is encoded.
fn media_kind(media_type: &str) -> MediaKind {
    let essence = media_type
        .split(';')
        .next()
        .unwrap_or(media_type)
        .trim()
        .to_ascii_lowercase();
    if essence == "application/json" || essence.ends_with("+json") {
        MediaKind::Json
    } else if essence.starts_with("text/") {
        MediaKind::Text
    } else {
        MediaKind::Binary
    }
}

/// The preferred media type of a content map: JSON first, then text, then anything.
fn preferred_media(
    content: &indexmap::IndexMap<String, openapiv3::MediaType>,
) -> Option<(&String, &openapiv3::MediaType)> {
    let rank = |media: &str| match media_kind(media) {
        MediaKind::Json if media.starts_with("application/json") => 0,
        MediaKind::Json => 1,
        MediaKind::Text => 2,
        MediaKind::Binary => 3,
    };
    content.iter().min_by_key(|(media, _)| rank(media))
}

/// The example of a media type: `example`, or the first inline `examples` value.
fn media_example(media: &openapiv3::MediaType) -> Option<serde_json::Value> {
    media.example.clone().or_else(|| {
        media
            .examples
            .values()
            .find_map(|e| e.as_item().and_then(|e| e.value.clone()))
    })
}

/// The type of a media type's schema; a missing schema is free-form for JSON, text or bytes otherwise.
fn media_type_ref<'a>(
    cx: &mut Context<'a, '_>,
    media: &'a openapiv3::MediaType,
    kind: &MediaKind,
    hint: &str,
    pointer: &str,
) -> TypeRef {
    match (kind, &media.schema) {
        (MediaKind::Json, Some(schema)) => {
            cx.types
                .type_ref(schema, hint, &format!("{pointer}/schema"))
        }
        (MediaKind::Json, None) => TypeRef::Json,
        (MediaKind::Text, _) => TypeRef::String,
        (MediaKind::Binary, _) => TypeRef::Binary,
    }
}

fn build_body<'a>(
    cx: &mut Context<'a, '_>,
    reference: &'a ReferenceOr<openapiv3::RequestBody>,
    type_name: &str,
    pointer: &str,
) -> Option<RequestBody> {
    let pointer = format!("{pointer}/requestBody");
    let components = cx.spec.components.as_ref().map(|c| &c.request_bodies);
    let body = match component(reference, components, "requestBodies", &pointer) {
        Ok(body) => body,
        Err(problem) => {
            cx.diagnostics.push(problem);
            return None;
        }
    };
    let (media_type, media) = preferred_media(&body.content)?;
    let kind = media_kind(media_type);
    let media_pointer = pointer_join(&format!("{pointer}/content"), media_type);
    let ty = media_type_ref(
        cx,
        media,
        &kind,
        &format!("{type_name}Body"),
        &media_pointer,
    );
    Some(RequestBody {
        media_type: media_type.clone(),
        kind,
        ty,
        required: body.required,
        example: media_example(media),
        docs: Docs {
            summary: None,
            description: body.description.clone(),
        },
    })
}

fn build_responses<'a>(
    cx: &mut Context<'a, '_>,
    op: &'a openapiv3::Operation,
    type_name: &str,
    pointer: &str,
) -> Vec<Response> {
    let components = cx.spec.components.as_ref().map(|c| &c.responses);
    let keyed = op
        .responses
        .responses
        .iter()
        .map(|(code, r)| match code {
            StatusCode::Code(n) => (Status::Code(*n), code.to_string(), r),
            StatusCode::Range(n) => (Status::Range(*n), code.to_string(), r),
        })
        .chain(
            op.responses
                .default
                .iter()
                .map(|r| (Status::Default, "default".to_string(), r)),
        );
    let mut responses = Vec::new();
    for (status, key, reference) in keyed {
        let response_pointer = pointer_join(&format!("{pointer}/responses"), &key);
        let response = match component(reference, components, "responses", &response_pointer) {
            Ok(response) => response,
            Err(problem) => {
                cx.diagnostics.push(problem);
                continue;
            }
        };
        let hint = match status {
            Status::Code(200) => format!("{type_name}Response"),
            _ => format!("{type_name}Response{key}"),
        };
        let body = preferred_media(&response.content).map(|(media_type, media)| {
            let kind = media_kind(media_type);
            let media_pointer = pointer_join(&format!("{response_pointer}/content"), media_type);
            ResponseBody {
                ty: media_type_ref(cx, media, &kind, &names::type_name(&hint), &media_pointer),
                media_type: media_type.clone(),
                kind,
                example: media_example(media),
            }
        });
        responses.push(Response {
            status,
            description: response.description.clone(),
            body,
        });
    }
    responses.sort_by_key(|r| r.status);
    responses
}

/// The one body type every documented error response uses, if there is exactly one.
fn shared_error_body(operations: &[Operation]) -> Option<TypeRef> {
    let mut bodies = operations
        .iter()
        .flat_map(|op| &op.responses)
        .filter(|r| !r.status.is_success())
        .filter_map(|r| r.body.as_ref())
        .filter(|b| b.kind == MediaKind::Json)
        .map(|b| &b.ty);
    let first = bodies.next()?;
    bodies.all(|b| b == first).then(|| first.clone())
}

/// The names of the security schemes an operation requires (its own list, else the spec's).
fn security_schemes(spec: &OpenAPI, op: &openapiv3::Operation) -> Vec<String> {
    let requirements = op.security.as_ref().or(spec.security.as_ref());
    let mut schemes: Vec<String> = requirements
        .into_iter()
        .flatten()
        .flat_map(|requirement| requirement.keys().cloned())
        .collect();
    schemes.dedup();
    schemes
}

/// The `x-unstable` notice: a string, or a default text for `true`.
fn unstable_notice(op: &openapiv3::Operation) -> Option<String> {
    match op.extensions.get(UNSTABLE_EXTENSION)? {
        serde_json::Value::String(notice) => Some(notice.clone()),
        serde_json::Value::Bool(true) => {
            Some("This operation is unstable and may change.".to_string())
        }
        _ => None,
    }
}

/// The `x-permissions` list.
fn permissions(op: &openapiv3::Operation) -> Vec<String> {
    op.extensions
        .get(PERMISSIONS_EXTENSION)
        .and_then(|v| v.as_array())
        .map(|list| {
            list.iter()
                .filter_map(|p| p.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}
