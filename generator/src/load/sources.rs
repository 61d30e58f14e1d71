//! The files a spec was read from, and where each part of the bundled document came from:
//! a pointer into the bundled document is located in its own file, pointer and line.

use std::collections::HashMap;

use super::lines::LineMap;
use crate::diagnostics::Diagnostic;

/// One file of the spec.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// How problems name the file: its path relative to the entry file's directory, with `/`
    /// separators (empty for the entry file, whose pointers are written `#/...`).
    pub name: String,
    /// The text read.
    pub text: String,
    /// Where each node of the file starts.
    pub lines: LineMap,
}

impl SourceFile {
    /// `pointer` (`/a/b`, no `#`) in this file, as a diagnostic writes it: `#/a/b` in the
    /// entry file, `schemas/pet.yaml#/a/b` in another.
    pub fn pointer(&self, pointer: &str) -> String {
        format!("{}#{pointer}", self.name)
    }
}

/// Every file read (the entry file first) and the origin of each part of the document.
#[derive(Debug, Clone)]
pub struct SourceMap {
    files: Vec<SourceFile>,
    /// Bundled pointer (no `#`) of a part -> the file it came from and its pointer there.
    origins: HashMap<String, (usize, String)>,
}

impl SourceMap {
    /// The map of a document read from `entry` alone.
    pub fn new(entry: SourceFile) -> Self {
        SourceMap {
            files: vec![entry],
            origins: HashMap::from([(String::new(), (0, String::new()))]),
        }
    }

    /// Adds a file; returns its index.
    pub fn add_file(&mut self, file: SourceFile) -> usize {
        self.files.push(file);
        self.files.len() - 1
    }

    /// The file at `index`.
    pub fn file(&self, index: usize) -> &SourceFile {
        &self.files[index]
    }

    /// Every file, the entry file first, then in the order they were first referenced.
    pub fn files(&self) -> &[SourceFile] {
        &self.files
    }

    /// Records that the part of the document at `bundled` is `pointer` in file `file`.
    pub fn place(&mut self, bundled: String, file: usize, pointer: String) {
        self.origins.insert(bundled, (file, pointer));
    }

    /// Where the node at `pointer` (`#/a/b` or `/a/b`) of the document was written: its file
    /// and pointer there.
    fn origin(&self, pointer: &str) -> (&SourceFile, String) {
        let pointer = pointer.strip_prefix('#').unwrap_or(pointer);
        let mut part = pointer;
        loop {
            if let Some((file, origin)) = self.origins.get(part) {
                return (
                    &self.files[*file],
                    format!("{origin}{}", &pointer[part.len()..]),
                );
            }
            match part.rfind('/') {
                Some(end) => part = &part[..end],
                // The root is always placed; this is unreachable in practice.
                None => return (&self.files[0], pointer.to_string()),
            }
        }
    }

    /// The 1-based line of the node at `pointer` in the file it was written in, or of its
    /// nearest located ancestor there.
    pub fn line_of(&self, pointer: &str) -> Option<usize> {
        let (file, origin) = self.origin(pointer);
        file.lines.line_of(&origin)
    }

    /// Rewrites `problem`'s pointer to the file it is in (`schemas/pet.yaml#/Pet/...` for a
    /// part pulled in from another file) and fills in its line. A problem already located in
    /// another file is left as it is.
    pub fn locate(&self, problem: &mut Diagnostic) {
        if !problem.pointer.starts_with('#') {
            return;
        }
        let (file, origin) = self.origin(&problem.pointer);
        problem.line = problem.line.or_else(|| file.lines.line_of(&origin));
        problem.pointer = file.pointer(&origin);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    fn file(name: &str, text: &str) -> SourceFile {
        SourceFile {
            name: name.to_string(),
            text: text.to_string(),
            lines: LineMap::build(text),
        }
    }

    #[test]
    fn locates_parts_in_the_file_they_came_from() {
        let mut map = SourceMap::new(file("", "a: 1\ncomponents:\n  schemas:\n    Pet: {}\n"));
        let pets = map.add_file(file(
            "schemas/pets.yaml",
            "x: 1\nPet:\n  properties:\n    name: {}\n",
        ));
        map.place("/components/schemas/Pet".into(), pets, "/Pet".into());
        assert_eq!(map.line_of("#/a"), Some(1));
        assert_eq!(
            map.line_of("#/components/schemas/Pet/properties/name/type"),
            Some(4)
        );
        let mut problem = Diagnostic::new(
            Code::UnresolvedRef,
            "#/components/schemas/Pet/properties",
            "bad",
        );
        map.locate(&mut problem);
        assert_eq!(problem.pointer, "schemas/pets.yaml#/Pet/properties");
        assert_eq!(problem.line, Some(3));
        let mut in_entry = Diagnostic::new(Code::UnresolvedRef, "#/a", "bad");
        map.locate(&mut in_entry);
        assert_eq!((in_entry.pointer.as_str(), in_entry.line), ("#/a", Some(1)));
    }
}
