//! Workspace tests that need several crates. The README is included here so its Rust code
//! blocks are compiled as doctests: the quick start in the README cannot rot.
#![doc = include_str!("../../README.md")]
