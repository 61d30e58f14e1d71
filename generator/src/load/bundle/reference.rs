//! What a `$ref` string names: a node of the same document, a node of another file, or a
//! remote resource (which is refused: generation reads no network).

/// A `$ref` taken apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference<'r> {
    /// `#/components/schemas/Pet`: the JSON pointer after `#` in the same document.
    Local(&'r str),
    /// `schemas/pet.yaml#/Pet` or `pet.json`: a file path (relative to the referring file's
    /// directory) and a JSON pointer in it (empty for the whole file).
    File { path: &'r str, pointer: &'r str },
    /// `https://example.com/pet.yaml`, `//host/pet.yaml`, `file:///pet.yaml`: anything with a
    /// URI scheme or an authority.
    Remote,
}

impl<'r> Reference<'r> {
    /// Takes `text` apart.
    pub fn parse(text: &'r str) -> Self {
        if let Some(pointer) = text.strip_prefix('#') {
            return Reference::Local(pointer);
        }
        if text.starts_with("//") || has_scheme(text) {
            return Reference::Remote;
        }
        let (path, pointer) = text.split_once('#').unwrap_or((text, ""));
        Reference::File { path, pointer }
    }
}

/// Whether `text` starts with a URI scheme (`https:`, `file:`); a single letter is a Windows
/// drive (`C:`), not a scheme.
fn has_scheme(text: &str) -> bool {
    let Some((scheme, _)) = text.split_once(':') else {
        return false;
    };
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_local_file_and_remote_references_apart() {
        assert_eq!(Reference::parse("#/a/b"), Reference::Local("/a/b"));
        assert_eq!(
            Reference::parse("../common.json#/Error"),
            Reference::File {
                path: "../common.json",
                pointer: "/Error"
            }
        );
        assert_eq!(
            Reference::parse("pet.yaml"),
            Reference::File {
                path: "pet.yaml",
                pointer: ""
            }
        );
        for remote in [
            "https://x.io/a.yaml#/A",
            "http://x.io/a",
            "//x.io/a.yaml",
            "file:///a.yaml",
        ] {
            assert_eq!(Reference::parse(remote), Reference::Remote, "{remote}");
        }
        assert!(matches!(
            Reference::parse("C:/specs/a.yaml"),
            Reference::File { .. }
        ));
    }
}
