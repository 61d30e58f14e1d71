//! Deep and large specs: a schema nested 10,000 levels deep, and 10,000 component schemas
//! chained or looped through every kind of `$ref` link, are handled (files or located
//! problems) on a small stack, so no step recurses once per level or per schema.
//!
//! The chains are loaded, checked and modelled; emitting recurses only as deep as one type's
//! syntax, and `a_spec_of_ten_thousand_schemas_generates` runs it on 10,000 types.
//! Time linear in size is measured by hand (see `generator/benches`), not asserted.

mod hardening_support;

use hardening_support::{generate_on_small_stack, model_on_small_stack, options, outcome, Outcome};

/// Levels of nesting, and schemas in a chain.
const DEPTH: usize = 10_000;

/// A spec with one operation returning `S0` with `example` (validated against it), and the
/// component schemas written by `schemas` (the entries of a JSON object).
fn spec(schemas: &str, example: &str) -> String {
    format!(
        r##"{{"openapi": "3.0.3", "info": {{"title": "Deep", "version": "1"}},
"paths": {{"/s": {{"get": {{"operationId": "getS", "responses": {{"200": {{"description": "ok",
  "content": {{"application/json": {{"schema": {{"$ref": "#/components/schemas/S0"}},
    "example": {example}}}}}}}}}}}}}}},
"components": {{"schemas": {{
{schemas}
}}}}}}"##
    )
}

/// How schema `i` refers to schema `i + 1`.
struct Link {
    /// What the link goes through.
    name: &'static str,
    /// Schema `i`, given the `$ref` object naming schema `i + 1`.
    schema: fn(&str) -> String,
    /// An example of `S0` that is valid when the chain ends.
    example: &'static str,
    /// Whether the chain can be generated.
    chain_generates: bool,
    /// Whether a chain that loops back to `S0` can be generated.
    cycle_generates: bool,
}

/// Every kind of link: an object property, an alias, a single-part allOf, array items, map
/// values, and a oneOf alternative.
const LINKS: &[Link] = &[
    Link {
        name: "property",
        schema: |next| format!(r#"{{"type": "object", "properties": {{"next": {next}}}}}"#),
        example: r#"{"next": {"next": {}}}"#,
        chain_generates: true,
        cycle_generates: true,
    },
    Link {
        name: "alias",
        schema: |next| next.to_string(),
        example: "{}",
        chain_generates: true,
        cycle_generates: false,
    },
    Link {
        name: "allOf",
        schema: |next| format!(r#"{{"allOf": [{next}]}}"#),
        example: "{}",
        chain_generates: true,
        cycle_generates: false,
    },
    Link {
        name: "allOf merge",
        schema: |next| {
            format!(
                r#"{{"allOf": [{next}, {{"type": "object", "properties": {{"own": {{"type": "string"}}}}}}]}}"#
            )
        },
        example: "{}",
        chain_generates: false,
        cycle_generates: false,
    },
    Link {
        name: "items",
        schema: |next| format!(r#"{{"type": "array", "items": {next}}}"#),
        example: "[[[]]]",
        chain_generates: true,
        cycle_generates: false,
    },
    Link {
        name: "map",
        schema: |next| format!(r#"{{"type": "object", "additionalProperties": {next}}}"#),
        example: r#"{"a": {"b": {}}}"#,
        chain_generates: true,
        cycle_generates: false,
    },
    Link {
        name: "oneOf",
        schema: |next| format!(r#"{{"oneOf": [{next}, {{"type": "string"}}]}}"#),
        example: r#""text""#,
        chain_generates: true,
        cycle_generates: false,
    },
];

impl Link {
    /// `count` component schemas `S0`..; the last links back to `S0` when `cyclic`, else it is
    /// a plain object.
    fn chain(&self, count: usize, cyclic: bool) -> String {
        let entries: Vec<String> = (0..count)
            .map(|i| {
                let next = if i + 1 < count {
                    Some(i + 1)
                } else {
                    cyclic.then_some(0)
                };
                let body = match next {
                    Some(n) => {
                        (self.schema)(&format!(r##"{{"$ref": "#/components/schemas/S{n}"}}"##))
                    }
                    None => r#"{"type": "object"}"#.to_string(),
                };
                format!(r#""S{i}": {body}"#)
            })
            .collect();
        spec(&entries.join(",\n"), self.example)
    }
}

/// A spec whose `S0` is nested `depth` times through `open` ... `close` around a string.
fn nested(depth: usize, open: &str, close: &str) -> String {
    let inner = format!(
        "{}{{\"type\": \"string\"}}{}",
        open.repeat(depth),
        close.repeat(depth)
    );
    spec(&format!(r#""S0": {inner}"#), r#""text""#)
}

/// Ways to nest a schema: properties, items, allOf, oneOf, and plain lists.
const NESTINGS: &[(&str, &str)] = &[
    (r#"{"type": "object", "properties": {"a": "#, "}}"),
    (r#"{"type": "array", "items": "#, "}"),
    (r#"{"allOf": ["#, "]}"),
    (r#"{"oneOf": ["#, "]}"),
    ("[", "]"),
];

#[test]
fn a_schema_nested_ten_thousand_levels_deep_is_refused_with_a_located_problem() {
    for (open, close) in NESTINGS {
        let outcome = generate_on_small_stack(nested(DEPTH, open, close));
        let Outcome::Refused(problems) = outcome else {
            panic!("{open}: {outcome:?}")
        };
        // Refused before serde_yaml, whose scanner is quadratic in flow nesting.
        let problem = &problems.0[0];
        assert!(
            problem.message.contains("nested more than 255 levels"),
            "{problem}"
        );
        assert_eq!(problem.line, Some(6), "{problem}"); // the line of `"S0"`
    }
}

#[test]
fn nesting_as_deep_as_the_yaml_reader_accepts_is_handled() {
    for (open, close) in NESTINGS {
        for depth in [30, 60, 120] {
            generate_on_small_stack(nested(depth, open, close));
        }
    }
}

#[test]
fn deep_specs_generate_whatever_the_callers_stack() {
    // `generate` runs on a thread of its own with a large stack, so a caller on a 1 MiB
    // thread (half a default test thread) is as safe as the CLI's main thread.
    for (open, close) in NESTINGS {
        let source = nested(120, open, close);
        let thread = std::thread::Builder::new()
            .stack_size(1024 * 1024)
            .spawn(move || outcome(generator::generate(&source, &options())))
            .expect("a thread");
        let result = thread.join();
        assert!(result.is_ok(), "{open}: generation overflowed or panicked");
    }
}

/// The link called `name`.
fn link(name: &str) -> &'static Link {
    LINKS
        .iter()
        .find(|link| link.name == name)
        .unwrap_or_else(|| panic!("no link {name}"))
}

/// Models the chain of the link `name` (looping when `cyclic`), expecting types when it
/// generates, else located problems.
fn assert_chain(name: &str, cyclic: bool) {
    let link = link(name);
    let generates = if cyclic {
        link.cycle_generates
    } else {
        link.chain_generates
    };
    match model_on_small_stack(link.chain(DEPTH, cyclic)) {
        Ok(types) => assert!(generates && types >= DEPTH, "{name}"),
        Err(problems) => assert!(!generates, "{name}: {problems}"),
    }
}

/// A module of two tests per link (a chain, a loop), so the harness spreads them over cores.
macro_rules! chain_tests {
    ($($module:ident: $name:literal),* $(,)?) => {$(
        mod $module {
            #[test]
            fn ten_thousand_chained_schemas_are_modelled_or_refused() {
                super::assert_chain($name, false);
            }

            #[test]
            fn a_loop_of_ten_thousand_schemas_is_modelled_or_refused() {
                super::assert_chain($name, true);
            }
        }
    )*};
}

chain_tests!(
    through_properties: "property",
    through_aliases: "alias",
    through_all_of: "allOf",
    through_all_of_merges: "allOf merge",
    through_items: "items",
    through_map_values: "map",
    through_one_of: "oneOf",
);

#[test]
fn a_spec_of_ten_thousand_schemas_generates() {
    // Array aliases: a small file each, so the test stays fast in debug builds.
    let outcome = generate_on_small_stack(link("items").chain(DEPTH, false));
    assert!(
        matches!(outcome, Outcome::Generated(files) if files > DEPTH),
        "{outcome:?}"
    );
}
