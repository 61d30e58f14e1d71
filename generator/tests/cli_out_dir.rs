//! What the `generator` binary may touch under `--out`, on real directories: a project's own
//! files (README, docs/, .git/) survive byte for byte, a non-empty directory it never generated
//! into is refused (exit 3, naming it and `--force`), and only files it wrote and no longer
//! generates are removed, each printed. `--check` deletes nothing.

mod cli_support;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use cli_support::{run_generator, snapshot};

/// A small spec with two schemas; `with_coupon: false` drops the second.
fn shop_spec(with_coupon: bool) -> String {
    let coupon =
        "    Coupon:\n      type: object\n      properties:\n        code: {type: string}\n";
    format!(
        "openapi: 3.0.3
info: {{title: Shop, version: 1.0.0}}
servers: [{{url: \"https://api.example.com\"}}]
paths:
  /items:
    get:
      operationId: ListItems
      responses:
        \"200\":
          description: Items.
          content:
            application/json:
              schema: {{$ref: \"#/components/schemas/Item\"}}
components:
  schemas:
    Item:
      type: object
      properties:
        name: {{type: string}}
{}",
        if with_coupon { coupon } else { "" }
    )
}

/// Writes the spec beside `out` and runs the real binary on it.
fn generate(out: &Path, with_coupon: bool, extra: &[&str]) -> Output {
    let spec = out.with_extension("openapi.yaml");
    fs::write(&spec, shop_spec(with_coupon)).expect("write spec");
    run_generator(&spec, out, extra)
}

/// A project directory: a README, docs/ (and a symlink to it), a .gitignore and a hand-made
/// .git/ repository.
fn existing_project(out: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    for (path, contents) in [
        ("README.md", "# My project\n"),
        ("docs/guide.md", "How to use it.\n"),
        (".gitignore", "/target\n"),
        (".git/HEAD", "ref: refs/heads/main\n"),
        (".git/config", "[core]\n\trepositoryformatversion = 0\n"),
        (".git/objects/ab/cdef0123", "blob"),
    ] {
        let path = out.join(path);
        fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        fs::write(path, contents).expect("write");
    }
    #[cfg(unix)]
    std::os::unix::fs::symlink("docs", out.join("docs-link")).expect("symlink to a directory");
    snapshot(out)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_non_empty_directory_never_generated_into_is_refused() {
    let parent = tempfile::tempdir().expect("dir");
    let out = parent.path().join("project");
    let before = existing_project(&out);
    let output = generate(&out, true, &[]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains(&out.display().to_string()), "{stderr}");
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(
        snapshot(&out),
        before,
        "a refused run wrote or removed something"
    );
}

#[test]
fn a_project_survives_forced_generation_and_regeneration_byte_for_byte() {
    let parent = tempfile::tempdir().expect("dir");
    let out = parent.path().join("project");
    let before = existing_project(&out);
    for extra in [&["--force"][..], &[]] {
        let output = generate(&out, true, extra);
        assert!(output.status.success(), "{}", text(&output.stderr));
        let after = snapshot(&out);
        for (path, bytes) in &before {
            assert_eq!(after.get(path), Some(bytes), "{} changed", path.display());
        }
        assert!(after.contains_key(Path::new("src/models/coupon.rs")));
    }
}

#[test]
fn removing_a_schema_removes_exactly_its_file_and_keeps_files_the_generator_did_not_write() {
    let parent = tempfile::tempdir().expect("dir");
    let out = parent.path().join("crate");
    let sibling = parent.path().join("keep.txt");
    fs::write(&sibling, "beside the crate\n").expect("sibling");
    assert!(generate(&out, true, &[]).status.success());
    fs::write(out.join("src/models/notes.md"), "my notes\n").expect("user file");
    let before = snapshot(&out);
    let output = generate(&out, false, &[]);
    let stdout = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let removals: Vec<&str> = stdout
        .lines()
        .filter(|l| l.starts_with("removed: "))
        .collect();
    assert_eq!(removals, ["removed: src/models/coupon.rs"], "{stdout}");
    let after = snapshot(&out);
    let gone: Vec<&PathBuf> = before.keys().filter(|p| !after.contains_key(*p)).collect();
    assert_eq!(gone, [Path::new("src/models/coupon.rs")]);
    assert_eq!(
        after
            .get(Path::new("src/models/notes.md"))
            .map(Vec::as_slice),
        Some(&b"my notes\n"[..])
    );
    assert!(
        stdout.contains("1 removed, 1 not generated (kept)"),
        "{stdout}"
    );
    let sibling_text = fs::read_to_string(&sibling).expect("sibling");
    assert_eq!(sibling_text, "beside the crate\n");
}

#[test]
fn check_names_stale_and_stray_files_and_deletes_nothing() {
    let parent = tempfile::tempdir().expect("dir");
    let out = parent.path().join("crate");
    assert!(generate(&out, true, &[]).status.success());
    fs::write(out.join("src/mine.rs"), "// mine\n").expect("user file");
    let before = snapshot(&out);
    let output = generate(&out, false, &["--check"]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("would remove: src/models/coupon.rs"),
        "{stderr}"
    );
    assert!(
        stderr.contains("not generated (kept; remove it by hand): src/mine.rs"),
        "{stderr}"
    );
    assert_eq!(snapshot(&out), before, "--check changed the directory");
}
