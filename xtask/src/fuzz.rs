//! `cargo xtask fuzz [cases]`: the property tests of the parsers that face input, run with
//! many more cases than the normal test run (proptest's 256).

use std::path::Path;
use std::process::Command;

use crate::process;
use crate::Result;

const DEFAULT_CASES: u32 = 100_000;

/// (package, test filter, what it covers)
const TARGETS: &[(&str, &[&str], &str)] = &[
    (
        "two-hats",
        &["--lib", "core::url::tests::"],
        "URL state: parse never panics, print then parse round-trips",
    ),
    (
        "two-hats",
        &["--lib", "core::check::fragment::tests::"],
        "the team check's fragment: reading never panics, print then read round-trips",
    ),
    (
        "two-hats-content",
        &["--test", "fuzz"],
        "content file: the compiler never panics",
    ),
    (
        "two-hats",
        &["--lib", "core::content_binary::tests::"],
        "binary content: decoding never panics",
    ),
];

pub fn run(root: &Path, cases: Option<&str>) -> Result {
    let cases: u32 = match cases {
        Some(text) => text
            .parse()
            .map_err(|_| format!("`{text}` is not a number of cases"))?,
        None => DEFAULT_CASES,
    };
    for (package, filter, covers) in TARGETS {
        println!("xtask: fuzz {covers}, {cases} cases per property");
        process::run(
            Command::new("cargo")
                .current_dir(root)
                .env("PROPTEST_CASES", cases.to_string())
                .args(["test", "--release", "--package", package])
                .args(*filter),
        )?;
    }
    println!("xtask: fuzz: no panic and no round-trip failure in {cases} cases per property");
    Ok(())
}
