//! Mutated specs: the project spec and every fixture with keys deleted or renamed, scalars
//! retyped, dangling and cyclic `$ref`s, duplicate operationIds, deep nesting, huge strings,
//! invalid UTF-8, truncation and empty documents. Every case generates or returns located
//! problems; none panics or overflows the stack.

mod hardening_support;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use generator::{generate, read_spec};
use hardening_support::{assert_located, on_small_stack, options, outcome};
use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::{Config, FileFailurePersistence};
use serde_json::{json, Value};

/// Cases per run: enough to meet every mutation on every seed, few enough for CI
/// (`PROPTEST_CASES=5000` runs more).
const CASES: u32 = 256;

/// [`CASES`], or `PROPTEST_CASES` when set.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(CASES)
}

/// Where proptest records failing cases, to replay them first on the next run.
const REGRESSIONS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/proptest-regressions/hardening_mutations.txt"
);

/// Whole documents that are empty or nearly so.
const EMPTY_DOCUMENTS: &[&str] = &[
    "",
    " ",
    "\n\n",
    "---",
    "--- \n...\n",
    "~",
    "null",
    "[]",
    "{}",
    "\u{feff}",
    "# only a comment\n",
    "openapi: 3.0.3",
    "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n",
    "a: &a [*a]",
    "--- {}\n--- {}\n",
];

/// `$ref`s that name nothing, name the wrong thing, or are not local.
const BAD_REFS: &[&str] = &[
    "",
    "#",
    "#/",
    "#/components/schemas",
    "#/components/schemas/Missing",
    "#/components/schemas/",
    "#/components/schemas/~",
    "#/components/schemas/a~1b",
    "#/components/parameters/Missing",
    "#/components/responses/Missing",
    "#/paths/~1missing/get",
    "#/info",
    "other.yaml#/components/schemas/A",
    "https://example.com/spec.yaml#/A",
    "#/components/schemas/%7B%7D",
];

/// The specs mutated: `spec/openapi.yaml` and every fixture spec.
fn seeds() -> &'static [Value] {
    static SEEDS: OnceLock<Vec<Value>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![root.join("../spec/openapi.yaml")];
        files.extend(yaml_files(&root.join("tests/fixtures")));
        let seeds: Vec<Value> = files
            .iter()
            .filter_map(|file| std::fs::read_to_string(file).ok())
            .filter_map(|text| serde_yaml::from_str(&text).ok())
            .collect();
        assert!(seeds.len() > 5, "too few seed specs: {}", seeds.len());
        seeds
    })
}

/// The `*.yaml` files directly in `dir`, sorted.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .filter_map(|entry| Some(entry.ok()?.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// A place in a document: where the walk starts (a JSON pointer), then at each step which
/// child to enter (modulo the number of children). The walk stops early at a scalar or an
/// empty container.
#[derive(Debug, Clone)]
struct Place {
    start: &'static str,
    steps: Vec<Index>,
}

/// One change to a parsed document.
#[derive(Debug, Clone)]
enum Mutation {
    /// Removes the node.
    Delete(Place),
    /// Replaces the node.
    Replace(Place, Replacement),
    /// Renames the node's key (when it is in a mapping).
    Rename(Place, String),
    /// Copies the node at `from` over the node at `to` (duplicate names, ids, parameters).
    Copy { from: Place, to: Place },
    /// Gives every operation the operationId of the first one.
    DuplicateOperationIds,
}

/// What a node is replaced by.
#[derive(Debug, Clone)]
enum Replacement {
    /// A scalar, a list or a mapping of another type.
    Value(Value),
    /// A `$ref` that does not resolve to something usable.
    BadRef(&'static str),
    /// A `$ref` to the node itself or one of its ancestors: a cycle.
    RefToAncestor(Index),
    /// A schema nested `depth` times through `keyword`.
    Deep(&'static str, usize),
    /// `count` copies of `unit`.
    Huge(String, usize),
}

/// A change to the serialized bytes.
#[derive(Debug, Clone)]
enum ByteEdit {
    /// Cuts the text at a point.
    Truncate(Index),
    /// Inserts bytes (often not UTF-8) at a point.
    Insert(Index, Vec<u8>),
}

/// A whole case: which seed, what to change, how to write it.
#[derive(Debug, Clone)]
struct Case {
    seed: Index,
    mutations: Vec<Mutation>,
    as_json: bool,
    bytes: Option<ByteEdit>,
    empty: Option<&'static str>,
}

fn place() -> impl Strategy<Value = Place> {
    let start = prop::sample::select(vec![
        "",
        "/paths",
        "/paths",
        "/components/schemas",
        "/components/schemas",
        "/components",
    ]);
    (start, prop::collection::vec(any::<Index>(), 1..14))
        .prop_map(|(start, steps)| Place { start, steps })
}

fn scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e12f64..1e12).prop_map(Value::from),
        "\\PC{0,12}".prop_map(Value::from),
        Just(json!([])),
        Just(json!({})),
        Just(json!(["a", 1, null])),
        Just(json!({ "type": "object" })),
        Just(Value::from("3.0.3")),
    ]
}

fn replacement() -> impl Strategy<Value = Replacement> {
    let keywords = prop::sample::select(vec![
        "properties",
        "items",
        "allOf",
        "oneOf",
        "anyOf",
        "additionalProperties",
        "list",
    ]);
    let units = prop::sample::select(vec!["a", "é", "🦀", "\"", "\\", "*/", "`", "\n", "{", "$"]);
    prop_oneof![
        2 => scalar().prop_map(Replacement::Value),
        2 => prop::sample::select(BAD_REFS).prop_map(Replacement::BadRef),
        2 => any::<Index>().prop_map(Replacement::RefToAncestor),
        1 => (keywords, 1usize..200).prop_map(|(k, d)| Replacement::Deep(k, d)),
        1 => (units, 1usize..20_000).prop_map(|(u, n)| Replacement::Huge(u.to_string(), n)),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        3 => place().prop_map(Mutation::Delete),
        4 => (place(), replacement()).prop_map(|(p, r)| Mutation::Replace(p, r)),
        2 => (place(), key()).prop_map(|(p, k)| Mutation::Rename(p, k)),
        2 => (place(), place()).prop_map(|(from, to)| Mutation::Copy { from, to }),
        1 => Just(Mutation::DuplicateOperationIds),
    ]
}

/// A key: short and arbitrary, or huge.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "\\PC{0,16}",
        1 => ("[a-zA-Z_ é-]", 1usize..20_000).prop_map(|(unit, n)| unit.repeat(n)),
    ]
}

fn byte_edit() -> impl Strategy<Value = ByteEdit> {
    let bytes = prop::sample::select(vec![
        vec![0xff],
        vec![0xc3],
        vec![0xed, 0xa0, 0x80],
        vec![0xf4, 0x90, 0x80, 0x80],
        vec![0xc0, 0xaf],
        vec![0x00],
        vec![0xef, 0xbb, 0xbf],
        b"\r".to_vec(),
        b"\t".to_vec(),
        b": ".to_vec(),
    ]);
    prop_oneof![
        any::<Index>().prop_map(ByteEdit::Truncate),
        (any::<Index>(), bytes).prop_map(|(at, b)| ByteEdit::Insert(at, b)),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    (
        any::<Index>(),
        prop::collection::vec(mutation(), 1..3),
        any::<bool>(),
        prop::option::weighted(0.1, byte_edit()),
        prop::option::weighted(0.05, prop::sample::select(EMPTY_DOCUMENTS)),
    )
        .prop_map(|(seed, mutations, as_json, bytes, empty)| Case {
            seed,
            mutations,
            as_json,
            bytes,
            empty,
        })
}

/// The tokens of the node a place leads to.
fn locate(document: &Value, place: &Place) -> Vec<String> {
    let start: Vec<String> = place.start.split('/').skip(1).map(str::to_string).collect();
    let Some(mut node) = document.pointer(place.start) else {
        return Vec::new();
    };
    let mut tokens = start;
    for step in &place.steps {
        let next = match node {
            Value::Object(map) if !map.is_empty() => map
                .iter()
                .nth(step.index(map.len()))
                .map(|(k, v)| (k.clone(), v)),
            Value::Array(items) if !items.is_empty() => {
                let i = step.index(items.len());
                Some((i.to_string(), &items[i]))
            }
            _ => None,
        };
        let Some((token, child)) = next else { break };
        tokens.push(token);
        node = child;
    }
    tokens
}

/// The JSON pointer of `tokens` (without `#`).
fn pointer(tokens: &[String]) -> String {
    tokens
        .iter()
        .map(|t| format!("/{}", t.replace('~', "~0").replace('/', "~1")))
        .collect()
}

/// A schema nested `depth` times through `keyword`.
fn deep(keyword: &str, depth: usize) -> Value {
    let mut schema = json!({ "type": "string" });
    for _ in 0..depth {
        schema = match keyword {
            "properties" => json!({ "type": "object", "properties": { "a": schema } }),
            "items" => json!({ "type": "array", "items": schema }),
            "additionalProperties" => json!({ "type": "object", "additionalProperties": schema }),
            "list" => json!([schema]),
            all_of => json!({ all_of: [schema] }),
        };
    }
    schema
}

impl Replacement {
    /// Whether it stands for an object (a `$ref` or a schema): it then replaces the nearest
    /// mapping at or above the place, not a scalar.
    fn is_object(&self) -> bool {
        matches!(
            self,
            Replacement::BadRef(_) | Replacement::RefToAncestor(_) | Replacement::Deep(..)
        )
    }

    /// The new node, for a node at `tokens`.
    fn value(&self, tokens: &[String]) -> Value {
        match self {
            Replacement::Value(value) => value.clone(),
            Replacement::BadRef(reference) => json!({ "$ref": reference }),
            Replacement::RefToAncestor(up) => {
                let ancestor = &tokens[..up.index(tokens.len() + 1)];
                json!({ "$ref": format!("#{}", pointer(ancestor)) })
            }
            Replacement::Deep(keyword, depth) => deep(keyword, *depth),
            Replacement::Huge(unit, count) => Value::from(unit.repeat(*count)),
        }
    }
}

impl Mutation {
    /// Applies the change to `document`.
    fn apply(&self, document: &mut Value) {
        match self {
            Mutation::Delete(place) => {
                let tokens = locate(document, place);
                remove(document, &tokens);
            }
            Mutation::Replace(place, replacement) => {
                let mut tokens = locate(document, place);
                if replacement.is_object() {
                    while !tokens.is_empty()
                        && !document
                            .pointer(&pointer(&tokens))
                            .is_some_and(Value::is_object)
                    {
                        tokens.pop();
                    }
                }
                let value = replacement.value(&tokens);
                set(document, &tokens, value);
            }
            Mutation::Rename(place, key) => {
                let tokens = locate(document, place);
                if let Some(value) = remove(document, &tokens) {
                    let (_, parent) = tokens.split_last().unwrap_or((&String::new(), &[]));
                    if let Some(Value::Object(map)) = document.pointer_mut(&pointer(parent)) {
                        map.insert(key.clone(), value);
                    }
                }
            }
            Mutation::Copy { from, to } => {
                let from = locate(document, from);
                let to = locate(document, to);
                if let Some(value) = document.pointer(&pointer(&from)).cloned() {
                    set(document, &to, value);
                }
            }
            Mutation::DuplicateOperationIds => duplicate_operation_ids(document),
        }
    }
}

/// Removes the node at `tokens` (the root becomes null), returning it.
fn remove(document: &mut Value, tokens: &[String]) -> Option<Value> {
    let Some((last, parent)) = tokens.split_last() else {
        return Some(std::mem::take(document));
    };
    match document.pointer_mut(&pointer(parent))? {
        Value::Object(map) => map.shift_remove(last),
        Value::Array(items) => {
            let i: usize = last.parse().ok()?;
            (i < items.len()).then(|| items.remove(i))
        }
        _ => None,
    }
}

/// Puts `value` at `tokens`.
fn set(document: &mut Value, tokens: &[String], value: Value) {
    if let Some(node) = document.pointer_mut(&pointer(tokens)) {
        *node = value;
    }
}

/// Every operation gets the first operation's operationId.
fn duplicate_operation_ids(document: &mut Value) {
    let Some(Value::Object(paths)) = document.get_mut("paths") else {
        return;
    };
    let mut first: Option<Value> = None;
    let operations = paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
        .filter_map(Value::as_object_mut);
    for operation in operations {
        match &first {
            None => first = operation.get("operationId").cloned(),
            Some(id) => {
                operation.insert("operationId".to_string(), id.clone());
            }
        }
    }
}

impl Case {
    /// The bytes of the mutated spec.
    fn bytes(&self) -> Vec<u8> {
        if let Some(text) = self.empty {
            return text.as_bytes().to_vec();
        }
        let mut document = self.seed.get(seeds()).clone();
        for mutation in &self.mutations {
            mutation.apply(&mut document);
        }
        let text = if self.as_json {
            serde_json::to_string_pretty(&document).expect("JSON text")
        } else {
            serde_yaml::to_string(&document).expect("YAML text")
        };
        let mut bytes = text.into_bytes();
        match &self.bytes {
            None => {}
            Some(ByteEdit::Truncate(at)) => bytes.truncate(at.index(bytes.len() + 1)),
            Some(ByteEdit::Insert(at, inserted)) => {
                let at = at.index(bytes.len() + 1);
                bytes.splice(at..at, inserted.iter().copied());
            }
        }
        bytes
    }
}

/// Loads the bytes as a file (the only way non-UTF-8 reaches the generator), then generates
/// from text that loaded.
fn run(bytes: Vec<u8>) {
    let file = tempfile::NamedTempFile::new().expect("temporary file");
    std::fs::write(file.path(), &bytes).expect("write the spec");
    match read_spec(file.path()) {
        Ok(source) => {
            outcome(generate(&source, &options()));
        }
        Err(problems) => {
            assert_located(&problems);
            assert!(
                std::str::from_utf8(&bytes).is_ok() || problems.0[0].line.is_some(),
                "invalid UTF-8 reported without a line: {problems}"
            );
        }
    }
}

proptest! {
    #![proptest_config(Config {
        cases: cases(),
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(REGRESSIONS))),
        ..Config::default()
    })]

    #[test]
    fn mutated_specs_generate_or_report_located_problems(case in case()) {
        let bytes = case.bytes();
        on_small_stack(move || run(bytes));
    }

    #[test]
    fn arbitrary_bytes_load_or_report_located_problems(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        on_small_stack(move || run(bytes));
    }
}
