//! The command line of `cargo xtask corpus`.

use std::path::{Path, PathBuf};

/// How to call the command.
pub const USAGE: &str =
    "usage: cargo xtask corpus DIR [--jobs N] [--filter S] [--no-check] [--out DIR]
  DIR          a directory of OpenAPI specs (.yaml, .yml, .json), each generated on its own;
               a subdirectory is one spec over several files (entry: openapi.* or its only
               top-level spec file)
  --jobs N     generation threads and cargo jobs (default: the machine's cores)
  --filter S   only the specs whose file name contains S
  --no-check   generate only: skip `cargo check`
  --out DIR    where the crates go (default: <target dir>/corpus)";

/// What one run does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The directory of specs.
    pub dir: PathBuf,
    /// Generation threads and cargo jobs.
    pub jobs: usize,
    /// Only specs whose file name contains this.
    pub filter: Option<String>,
    /// Whether to `cargo check` the generated crates.
    pub check: bool,
    /// The workspace of generated crates.
    pub out: PathBuf,
}

impl Options {
    /// Parses the arguments after `corpus`.
    pub fn parse(root: &Path, args: &[&str]) -> Result<Options, String> {
        let mut dir = None;
        let mut options = Options {
            dir: PathBuf::new(),
            jobs: std::thread::available_parallelism().map_or(1, usize::from),
            filter: None,
            check: true,
            out: xtask::target_dir(root).join("corpus"),
        };
        let mut rest = args;
        while let [arg, tail @ ..] = rest {
            rest = tail;
            match *arg {
                "--no-check" => options.check = false,
                "--jobs" | "--filter" | "--out" => {
                    let [value, tail @ ..] = rest else {
                        return Err(format!("{arg} needs a value"));
                    };
                    rest = tail;
                    match *arg {
                        "--jobs" => {
                            options.jobs =
                                value.parse().ok().filter(|&jobs| jobs > 0).ok_or_else(|| {
                                    format!("--jobs takes a positive number, not `{value}`")
                                })?;
                        }
                        "--filter" => options.filter = Some(value.to_string()),
                        _ => options.out = PathBuf::from(value),
                    }
                }
                flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
                path if dir.is_none() => dir = Some(PathBuf::from(path)),
                extra => return Err(format!("one directory only (`{extra}` is a second)")),
            }
        }
        options.dir = dir.ok_or("which directory of specs?")?;
        Ok(options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_option_in_any_order() {
        let root = Path::new("/w");
        let options = Options::parse(
            root,
            &[
                "--jobs",
                "3",
                "specs",
                "--filter",
                "pet",
                "--no-check",
                "--out",
                "o",
            ],
        )
        .unwrap();
        assert_eq!(options.dir, PathBuf::from("specs"));
        assert_eq!(options.jobs, 3);
        assert_eq!(options.filter.as_deref(), Some("pet"));
        assert!(!options.check);
        assert_eq!(options.out, PathBuf::from("o"));
    }

    #[test]
    fn refuses_what_it_cannot_use() {
        let root = Path::new("/w");
        for args in [
            &[][..],
            &["a", "b"],
            &["a", "--jobs", "0"],
            &["a", "--jobs"],
            &["a", "--fast"],
        ] {
            assert!(Options::parse(root, args).is_err(), "{args:?}");
        }
    }
}
