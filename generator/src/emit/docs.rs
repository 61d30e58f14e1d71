//! Doc comments from spec text, escaped so rustdoc raises no warnings.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Docs;

/// Makes spec prose safe for rustdoc: bare URLs become autolinks, brackets and angle brackets
/// that would be read as links or HTML are escaped, and code fences are marked as text.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            out.push_str(if in_fence { "```" } else { "```text" });
            in_fence = !in_fence;
            continue;
        }
        if in_fence {
            out.push_str(line);
            continue;
        }
        out.push_str(&escape_line(line));
    }
    if in_fence {
        out.push_str("\n```");
    }
    out
}

/// Escapes one line of prose outside code fences.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = find_url(rest) {
        out.push_str(&escape_chars(&rest[..start]));
        let url_len = rest[start..]
            .find(|c: char| c.is_whitespace() || c == ')' || c == '>' || c == '"')
            .unwrap_or(rest.len() - start);
        let url = rest[start..start + url_len].trim_end_matches(['.', ',', ';']);
        out.push('<');
        out.push_str(url);
        out.push('>');
        rest = &rest[start + url.len()..];
    }
    out.push_str(&escape_chars(rest));
    out
}

/// Finds the start of a bare http(s) URL not already inside `<...>` or `(...)`.
fn find_url(text: &str) -> Option<usize> {
    let pos = text.find("https://").or_else(|| text.find("http://"))?;
    let before = text[..pos].chars().last();
    match before {
        Some('<') | Some('(') => None,
        _ => Some(pos),
    }
}

/// Escapes characters rustdoc would read as links, HTML or unbalanced code.
fn escape_chars(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '[' => out.push_str("\\["),
            ']' => out.push_str("\\]"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

/// `#[doc = "..."]` attributes for each line of `text`.
pub fn doc_lines(text: &str) -> TokenStream {
    let escaped = escape(text);
    let lines = escaped.lines().map(|l| format!(" {l}"));
    quote! { #( #[doc = #lines] )* }
}

/// Doc attributes for a [`Docs`], falling back to `fallback` when the spec says nothing.
pub fn docs_or(docs: &Docs, fallback: &str) -> TokenStream {
    let mut text = String::new();
    if let Some(summary) = docs.summary.as_deref().filter(|s| !s.trim().is_empty()) {
        text.push_str(summary.trim());
    }
    if let Some(description) = docs.description.as_deref().filter(|s| !s.trim().is_empty()) {
        if !text.is_empty() && description.trim() != text {
            text.push_str("\n\n");
            text.push_str(description.trim());
        } else if text.is_empty() {
            text.push_str(description.trim());
        }
    }
    if text.is_empty() {
        text.push_str(fallback);
    }
    doc_lines(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_become_autolinks_and_brackets_are_escaped() {
        assert_eq!(
            escape("See https://docs.datadoghq.com/x. [beta] <b>"),
            "See <https://docs.datadoghq.com/x>. \\[beta\\] &lt;b&gt;"
        );
    }

    #[test]
    fn unterminated_fences_are_closed_and_marked_as_text() {
        assert_eq!(escape("```\nlet x = [1];"), "```text\nlet x = [1];\n```");
    }
}
