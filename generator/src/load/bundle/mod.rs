//! Bundles a spec written over several files into one document before typed parsing.
//!
//! Every `$ref` to another file (a relative path, with or without a `#/pointer` fragment,
//! YAML or JSON) is resolved from the directory of the file it is written in, and the object
//! it names is pulled into the entry document:
//! - a `components` entry that is just such a `$ref` (`Pet: {$ref: pet.yaml}`) becomes the
//!   object itself, under the entry's own name;
//! - any other referenced object is added to its `components` section under a name of its own
//!   (see `names`), and every reference to it becomes a local `#/components/...` reference;
//! - a path item (which OpenAPI 3.0 has no `components` section for) is written in place.
//!
//! Each object is pulled in once, so references across files may loop (a schema in one file
//! whose property names a schema in another that names the first). A remote reference
//! (`https://...`) is refused: generation reads no network. Problems name the file, pointer
//! and line of the `$ref` at fault. A document without references to other files is left
//! untouched.

mod names;
mod reference;
mod sites;

use std::collections::{HashMap, HashSet, VecDeque};
use std::path::{Component, Path, PathBuf};

use serde_json::{Map, Value};

use self::names::Names;
use self::reference::Reference;
use self::sites::{sites, Kind, Site};
use super::sources::{SourceFile, SourceMap};
use super::{syntax, text};
use crate::diagnostics::{escape_token, Code, Diagnostic};

/// Pulls every object `document` (the entry file's, already in `sources`) references in
/// other files into it. `entry` is the entry file's canonical path (`None` for spec text
/// given without a file: then any reference to a file is a problem).
pub fn bundle(
    document: &mut Value,
    sources: &mut SourceMap,
    entry: Option<&Path>,
) -> Vec<Diagnostic> {
    let found = sites(document, Kind::Document);
    if !found.iter().any(|site| names_other_file(document, site)) {
        return Vec::new();
    }
    let mut bundler = Bundler {
        names: Names::of(document, &SECTIONS),
        sources,
        values: vec![Value::Null],
        paths: vec![entry.map(Path::to_path_buf)],
        by_path: entry.map(|p| (p.to_path_buf(), 0)).into_iter().collect(),
        unreadable: HashSet::new(),
        pulled: HashMap::new(),
        queue: VecDeque::new(),
        additions: Vec::new(),
        inlining: Vec::new(),
        problems: Vec::new(),
    };
    bundler.claim_components(document);
    bundler.rewrite(document, 0, "", "", Kind::Document);
    while let Some(job) = bundler.queue.pop_front() {
        bundler.run(job, document);
    }
    bundler.add_components(document);
    let mut problems = bundler.problems;
    problems.sort();
    problems.dedup();
    problems
}

/// The `components` sections objects can be pulled into.
const SECTIONS: [&str; 9] = [
    "schemas",
    "parameters",
    "headers",
    "requestBodies",
    "responses",
    "examples",
    "links",
    "callbacks",
    "securitySchemes",
];

/// Whether `site` of `document` names something in another file.
fn names_other_file(document: &Value, site: &Site) -> bool {
    site_reference(document, site).is_some_and(|r| !matches!(r, Reference::Local(_)))
}

/// The reference written at `site` of `node`; `None` for a mapping value that is a plain
/// schema name.
fn site_reference<'v>(node: &'v Value, site: &Site) -> Option<Reference<'v>> {
    match site {
        Site::Ref { pointer, .. } => {
            let text = node.pointer(pointer)?.get("$ref")?.as_str()?;
            Some(Reference::parse(text))
        }
        Site::Mapping { pointer } => {
            let text = node.pointer(pointer)?.as_str()?;
            let is_reference = text.contains(['#', '/'])
                || [".yaml", ".yml", ".json"].iter().any(|e| text.ends_with(e));
            is_reference.then(|| Reference::parse(text))
        }
    }
}

/// The `$ref` (or mapping value) a problem is about: where it is written and what it says.
#[derive(Debug, Clone)]
struct Referrer {
    /// The file it is written in.
    file: usize,
    /// Its pointer in that file (no `#`).
    pointer: String,
    /// The reference as written.
    text: String,
}

/// An object to pull in, and where it goes.
struct Job {
    file: usize,
    pointer: String,
    kind: Kind,
    into: Destination,
    from: Referrer,
}

/// Where a pulled-in object goes.
enum Destination {
    /// A new entry of a `components` section.
    Add { section: &'static str, name: String },
    /// In place of the entry document's node at this pointer (a `components` entry that was
    /// only a `$ref`).
    Replace(String),
}

impl Destination {
    /// The pointer of the object in the bundled document.
    fn pointer(&self) -> String {
        match self {
            Destination::Add { section, name } => {
                format!("/components/{section}/{}", escape_token(name))
            }
            Destination::Replace(pointer) => pointer.clone(),
        }
    }
}

/// The state of one bundling.
struct Bundler<'s> {
    sources: &'s mut SourceMap,
    /// Each file's document, by source index (the entry's is the document being bundled).
    values: Vec<Value>,
    /// Each file's canonical path (`None` for spec text given without a file).
    paths: Vec<Option<PathBuf>>,
    by_path: HashMap<PathBuf, usize>,
    /// Files already reported as unreadable or unparsable.
    unreadable: HashSet<PathBuf>,
    /// (file, pointer) of each object pulled in -> its local reference.
    pulled: HashMap<(usize, String), String>,
    names: Names,
    queue: VecDeque<Job>,
    additions: Vec<(&'static str, String, Value)>,
    /// Path items being written in place, to refuse a loop of them.
    inlining: Vec<(usize, String)>,
    problems: Vec<Diagnostic>,
}

impl Bundler<'_> {
    /// Reserves each `components` entry of the entry document that is only a `$ref` to
    /// another file for the object it names, so that object keeps the entry's name.
    fn claim_components(&mut self, document: &Value) {
        for section in SECTIONS {
            let entries = document.get("components").and_then(|c| c.get(section));
            for (name, value) in entries.and_then(Value::as_object).into_iter().flatten() {
                let Some(text) = value.get("$ref").and_then(Value::as_str) else {
                    continue;
                };
                if !matches!(Reference::parse(text), Reference::File { .. }) {
                    continue;
                }
                let at = format!("/components/{section}/{}", escape_token(name));
                let from = Referrer {
                    file: 0,
                    pointer: format!("{at}/$ref"),
                    text: text.to_string(),
                };
                let Some((file, pointer)) = self.target(&from) else {
                    continue;
                };
                let named = self.values[file].pointer(&pointer).is_some();
                if file == 0 || !named || self.pulled.contains_key(&(file, pointer.clone())) {
                    continue;
                }
                let kind = Kind::of_section(section).unwrap_or(Kind::Schema);
                self.pulled
                    .insert((file, pointer.clone()), format!("#{at}"));
                self.queue.push_back(Job {
                    file,
                    pointer,
                    kind,
                    into: Destination::Replace(at),
                    from,
                });
            }
        }
    }

    /// Makes every reference in `node` (an object of `kind`, at `origin` in file `file` and at
    /// `bundled` in the bundled document) local to the bundled document.
    fn rewrite(&mut self, node: &mut Value, file: usize, origin: &str, bundled: &str, kind: Kind) {
        for site in sites(node, kind) {
            let Some(reference) = site_reference(node, &site) else {
                continue;
            };
            if file == 0 && matches!(reference, Reference::Local(_)) {
                continue;
            }
            let (pointer, text) = match &site {
                Site::Ref { pointer, .. } => {
                    (pointer, node.pointer(pointer).and_then(|n| n.get("$ref")))
                }
                Site::Mapping { pointer } => (pointer, node.pointer(pointer)),
            };
            let from = Referrer {
                file,
                pointer: match site {
                    Site::Ref { .. } => format!("{origin}{pointer}/$ref"),
                    Site::Mapping { .. } => format!("{origin}{pointer}"),
                },
                text: text.and_then(Value::as_str).unwrap_or_default().to_string(),
            };
            let replacement = match site {
                Site::Ref {
                    kind: Kind::PathItem,
                    ..
                } => self.inline(&from, &format!("{bundled}{pointer}")),
                Site::Ref { kind, .. } => self.local_reference(&from, kind).map(|local| {
                    Value::Object(Map::from_iter([("$ref".to_string(), local.into())]))
                }),
                Site::Mapping { .. } => {
                    self.local_reference(&from, Kind::Schema).map(Value::String)
                }
            };
            if let (Some(value), Some(slot)) = (replacement, node.pointer_mut(pointer)) {
                *slot = value;
            }
        }
    }

    /// The local reference for what `from` names, pulling it in on first use; `None` (with a
    /// problem) when it cannot be resolved.
    fn local_reference(&mut self, from: &Referrer, kind: Kind) -> Option<String> {
        let (file, pointer) = self.target(from)?;
        if file == 0 {
            return Some(format!("#{pointer}"));
        }
        if let Some(local) = self.pulled.get(&(file, pointer.clone())) {
            return Some(local.clone());
        }
        let section = kind.section()?;
        self.node(file, &pointer, from)?;
        let name = self
            .names
            .choose(section, &self.sources.file(file).name, &pointer);
        let into = Destination::Add { section, name };
        let local = format!("#{}", into.pointer());
        self.pulled.insert((file, pointer.clone()), local.clone());
        self.queue.push_back(Job {
            file,
            pointer,
            kind,
            into,
            from: from.clone(),
        });
        Some(local)
    }

    /// The path item `from` names, its references made local, to be written in place of the
    /// `$ref` at `bundled`.
    fn inline(&mut self, from: &Referrer, bundled: &str) -> Option<Value> {
        let (file, pointer) = self.target(from)?;
        if file == 0 {
            let local = format!("#{pointer}");
            return Some(Value::Object(Map::from_iter([(
                "$ref".to_string(),
                local.into(),
            )])));
        }
        let key = (file, pointer.clone());
        if self.inlining.contains(&key) {
            self.problem(
                from,
                format!("path item `$ref` `{}` loops back to itself", from.text),
            );
            return None;
        }
        let mut value = self.node(file, &pointer, from)?;
        self.inlining.push(key);
        self.rewrite(&mut value, file, &pointer, bundled, Kind::PathItem);
        self.inlining.pop();
        self.sources.place(bundled.to_string(), file, pointer);
        Some(value)
    }

    /// Pulls in the object of `job`.
    fn run(&mut self, job: Job, document: &mut Value) {
        let Some(mut value) = self.node(job.file, &job.pointer, &job.from) else {
            return;
        };
        let bundled = job.into.pointer();
        self.rewrite(&mut value, job.file, &job.pointer, &bundled, job.kind);
        self.sources.place(bundled, job.file, job.pointer);
        match job.into {
            Destination::Add { section, name } => self.additions.push((section, name, value)),
            Destination::Replace(pointer) => {
                if let Some(slot) = document.pointer_mut(&pointer) {
                    *slot = value;
                }
            }
        }
    }

    /// Adds the objects pulled into new `components` entries, in the order they were met.
    fn add_components(&mut self, document: &mut Value) {
        for (section, name, value) in std::mem::take(&mut self.additions) {
            let entries = document
                .as_object_mut()
                .map(|root| {
                    root.entry("components")
                        .or_insert_with(|| Map::new().into())
                })
                .and_then(Value::as_object_mut)
                .map(|components| {
                    components
                        .entry(section)
                        .or_insert_with(|| Map::new().into())
                })
                .and_then(Value::as_object_mut);
            if let Some(entries) = entries {
                entries.insert(name, value);
            }
        }
    }

    /// A copy of the node at `pointer` in file `file`, or a problem at `from`. (Pulled-in
    /// objects are copied: one object may be pulled in and also written in place.)
    fn node(&mut self, file: usize, pointer: &str, from: &Referrer) -> Option<Value> {
        let found = self.values[file].pointer(pointer).cloned();
        if found.is_none() {
            let name = &self.sources.file(file).name;
            self.problem(
                from,
                format!(
                    "`$ref` `{}` names nothing: {name} has no node at `{pointer}`",
                    from.text
                ),
            );
        }
        found
    }

    /// The file and pointer `from` names, opening the file on first use; `None` (with a
    /// problem) for a remote reference or a file that cannot be read.
    fn target(&mut self, from: &Referrer) -> Option<(usize, String)> {
        match Reference::parse(&from.text) {
            Reference::Local(pointer) => Some((from.file, pointer.to_string())),
            Reference::Remote => {
                self.problem(
                    from,
                    format!(
                        "remote `$ref` `{}` is not fetched: generation reads no network; save the file next to the spec and refer to it by a relative path",
                        from.text
                    ),
                );
                None
            }
            Reference::File { path, pointer } => {
                let pointer = pointer.to_string();
                self.open(path, from).map(|file| (file, pointer))
            }
        }
    }

    /// The index of the file at `path` (relative to the directory of `from`'s file), read
    /// and parsed on first use.
    fn open(&mut self, path: &str, from: &Referrer) -> Option<usize> {
        let Some(directory) = self.paths[from.file].as_deref().and_then(Path::parent) else {
            self.problem(
                from,
                format!(
                    "`$ref` `{}` names another file, which needs the spec's own location: generate from the spec file (`generate_file`, or the CLI's `--spec`)",
                    from.text
                ),
            );
            return None;
        };
        let joined = directory.join(path);
        let canonical = match std::fs::canonicalize(&joined) {
            Ok(canonical) => canonical,
            Err(e) => {
                let shown = self.shown(&joined);
                self.problem(
                    from,
                    format!("cannot read {shown} (`$ref` `{}`): {e}", from.text),
                );
                return None;
            }
        };
        if let Some(&index) = self.by_path.get(&canonical) {
            return Some(index);
        }
        if self.unreadable.contains(&canonical) {
            return None;
        }
        match self.read(&canonical, from) {
            Ok(index) => Some(index),
            Err(problems) => {
                self.unreadable.insert(canonical);
                self.problems.extend(problems);
                None
            }
        }
    }

    /// Reads and parses the file at `path`; its problems are located in it.
    fn read(&mut self, path: &Path, from: &Referrer) -> Result<usize, Vec<Diagnostic>> {
        let name = self.shown(path);
        let bytes = std::fs::read(path).map_err(|e| {
            vec![self.problem_at(
                from,
                format!("cannot read {name} (`$ref` `{}`): {e}", from.text),
            )]
        })?;
        let in_file = |mut problem: Diagnostic| {
            problem.pointer = format!("{name}{}", problem.pointer);
            problem
        };
        let text = text::decode(bytes, &name, "#").map_err(|p| vec![in_file(p)])?;
        let parsed = syntax::parse(&text).map_err(|p| vec![in_file(p)])?;
        let duplicates = parsed.lines.duplicate_keys();
        if !duplicates.is_empty() {
            return Err(duplicates.into_iter().map(in_file).collect());
        }
        let index = self.sources.add_file(SourceFile {
            name,
            text,
            lines: parsed.lines,
        });
        self.values.push(parsed.value);
        self.paths.push(Some(path.to_path_buf()));
        self.by_path.insert(path.to_path_buf(), index);
        Ok(index)
    }

    /// `path` as problems name it: relative to the entry file's directory, `/`-separated.
    fn shown(&self, path: &Path) -> String {
        let base = self.paths[0].as_deref().and_then(Path::parent);
        match base {
            Some(base) => relative(path, base),
            None => path.display().to_string(),
        }
    }

    /// Records a problem about `from`.
    fn problem(&mut self, from: &Referrer, message: String) {
        let problem = self.problem_at(from, message);
        self.problems.push(problem);
    }

    /// A problem about `from`, located in its file.
    fn problem_at(&self, from: &Referrer, message: String) -> Diagnostic {
        let file = self.sources.file(from.file);
        let mut problem =
            Diagnostic::new(Code::UnresolvedRef, file.pointer(&from.pointer), message);
        problem.line = file.lines.line_of(&from.pointer);
        problem
    }
}

/// `path` relative to the directory `base`, `/`-separated (`../common/error.json`), both
/// read without following links (`a/../b` is `b`).
fn relative(path: &Path, base: &Path) -> String {
    let path = lexical(path);
    let base = lexical(base);
    let common = path.iter().zip(&base).take_while(|(a, b)| a == b).count();
    let mut parts = vec!["..".to_string(); base.len() - common];
    parts.extend(
        path[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// The components of `path` with `.` and `name/..` taken out.
fn lexical(path: &Path) -> Vec<Component<'_>> {
    let mut kept = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir if matches!(kept.last(), Some(Component::Normal(_))) => {
                kept.pop();
            }
            other => kept.push(other),
        }
    }
    kept
}

#[cfg(test)]
mod tests;
