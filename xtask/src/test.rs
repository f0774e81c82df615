//! `cargo xtask test`: every test layer in order, stopping at the first failure.

use std::ops::Add;
use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use crate::process::{self, TeedRun};
use crate::tools::{Installer, CHROMEDRIVER};
use crate::{dist, Result};

type Layer = fn(&Path) -> Result<LayerRun>;

const LAYERS: [(&str, Layer); 4] = [
    ("native tests", native_tests),
    ("wasm component tests", wasm_component_tests),
    ("release build", release_build),
    ("end-to-end tests", end_to_end_tests),
];

#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Counts {
    passed: u64,
    failed: u64,
    /// Tests that did not run, such as the paraphrase check where `../shared/seeds` is absent.
    skipped: u64,
}

impl Add for Counts {
    type Output = Counts;

    fn add(self, other: Counts) -> Counts {
        Counts {
            passed: self.passed + other.passed,
            failed: self.failed + other.failed,
            skipped: self.skipped + other.skipped,
        }
    }
}

struct LayerRun {
    success: bool,
    /// `None` for layers that build rather than test.
    counts: Option<Counts>,
}

/// A failing layer is reported by the summary and the exit code alone, so
/// that the totals stay the last line of output.
pub fn run(root: &Path) -> Result<ExitCode> {
    let started = Instant::now();
    let mut installer = Installer::default();
    installer.ensure_build_tools(root)?;
    installer.ensure_test_tools()?;
    let tools = started.elapsed();
    let mut finished = Vec::new();
    let outcome = run_layers_until_failure(root, &mut finished);
    print_summary(tools, &finished);
    outcome?;
    if finished.iter().all(|(_, layer_run, _)| layer_run.success) {
        Ok(ExitCode::SUCCESS)
    } else {
        Ok(ExitCode::FAILURE)
    }
}

/// Each layer run, with how long it took: where a run's time goes.
type Finished = Vec<(&'static str, LayerRun, Duration)>;

fn run_layers_until_failure(root: &Path, finished: &mut Finished) -> Result {
    for (name, layer) in LAYERS {
        println!("\nxtask: ==> {name}");
        let started = Instant::now();
        let layer_run = layer(root)?;
        let success = layer_run.success;
        finished.push((name, layer_run, started.elapsed()));
        if !success {
            break;
        }
    }
    Ok(())
}

fn native_tests(root: &Path) -> Result<LayerRun> {
    let teed = process::run_teed(
        process::cargo()
            .current_dir(root)
            // With the server renderer, as the prerender step builds it, so that what the
            // build writes from the page's renderings (site::changes) is tested on them.
            .args(["test", "--workspace", "--features", "ssr"]),
    )?;
    Ok(counted(&teed, cargo_counts(&teed.stdout)))
}

fn wasm_component_tests(root: &Path) -> Result<LayerRun> {
    let teed = process::run_teed(
        process::cargo()
            .current_dir(root)
            .args([
                "test",
                "--target",
                "wasm32-unknown-unknown",
                "--test",
                "components",
            ])
            .env(
                "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
                "wasm-bindgen-test-runner",
            )
            .env("CHROMEDRIVER", CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
    )?;
    Ok(counted(&teed, cargo_counts(&teed.stdout)))
}

fn release_build(root: &Path) -> Result<LayerRun> {
    let built = dist::build_release(root, None);
    if let Err(error) = &built {
        eprintln!("xtask: {error}");
    }
    Ok(LayerRun {
        success: built.is_ok(),
        counts: None,
    })
}

fn end_to_end_tests(root: &Path) -> Result<LayerRun> {
    let teed = process::run_teed(
        Command::new("node")
            // TAP is also node's default when piped; asking for it pins the summary format.
            .args(["--test", "--test-reporter=tap", "tests/e2e/"])
            .current_dir(root)
            .env("TWOHATS_DIST", root.join("dist")),
    )?;
    Ok(counted(&teed, node_counts(&teed.stdout)))
}

fn counted(teed: &TeedRun, counts: Counts) -> LayerRun {
    LayerRun {
        success: teed.success,
        counts: Some(counts),
    }
}

fn print_summary(tools: Duration, finished: &Finished) {
    let name_width = LAYERS.iter().map(|(name, _)| name.len()).max().unwrap_or(0);
    println!("\nxtask: summary");
    println!(
        "  {:<name_width$}  {:<6}  {:<24}  {}",
        "tools",
        "ok",
        "",
        seconds(tools)
    );
    for (name, layer_run, took) in finished {
        let verdict = if layer_run.success { "ok" } else { "FAILED" };
        let counts = layer_run.counts.map(describe).unwrap_or_default();
        println!(
            "  {name:<name_width$}  {verdict:<6}  {counts:<24}  {}",
            seconds(*took)
        );
    }
    let total = finished
        .iter()
        .filter_map(|(_, layer_run, _)| layer_run.counts)
        .fold(Counts::default(), Add::add);
    println!("{}", describe(total));
}

fn seconds(took: Duration) -> String {
    format!("{:.0} s", took.as_secs_f64())
}

fn describe(counts: Counts) -> String {
    let done = format!("{} passed, {} failed", counts.passed, counts.failed);
    match counts.skipped {
        0 => done,
        skipped => format!("{done}, {skipped} skipped"),
    }
}

/// Sums libtest's `test result: ok. 3 passed; 0 failed; ...` lines, one per
/// test binary (wasm-bindgen-test-runner prints the same shape).
fn cargo_counts(output: &str) -> Counts {
    output
        .lines()
        .filter_map(|line| line.trim().strip_prefix("test result: "))
        .map(cargo_result_counts)
        .fold(Counts::default(), Add::add)
}

fn cargo_result_counts(result: &str) -> Counts {
    let mut counts = Counts::default();
    for field in result.split(';') {
        let mut words = field.split_whitespace().rev();
        let (Some(label), Some(Ok(number))) = (words.next(), words.next().map(str::parse::<u64>))
        else {
            continue;
        };
        match label {
            "passed" => counts.passed += number,
            "failed" => counts.failed += number,
            "ignored" => counts.skipped += number,
            _ => {}
        }
    }
    counts
}

/// Reads the `# pass N`, `# fail N` and `# skipped N` lines of node's TAP summary.
fn node_counts(output: &str) -> Counts {
    let total_after = |prefix: &str| -> u64 {
        output
            .lines()
            .filter_map(|line| line.strip_prefix(prefix)?.trim().parse::<u64>().ok())
            .sum()
    };
    Counts {
        passed: total_after("# pass "),
        failed: total_after("# fail "),
        skipped: total_after("# skipped "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_counts_sums_every_test_binary() {
        let output = "\
running 2 tests
test parses ... ok
test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s

running 3 tests
test result: FAILED. 1 passed; 2 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s

test result: ok. 4 passed; 0 failed; 0 ignored; 0 filtered out; finished in 1.52s
";
        assert_eq!(
            cargo_counts(output),
            Counts {
                passed: 7,
                failed: 2,
                skipped: 1
            }
        );
    }

    #[test]
    fn the_summary_names_skipped_tests_only_when_there_are_some() {
        let counts = Counts {
            passed: 3,
            failed: 0,
            skipped: 0,
        };
        assert_eq!(describe(counts), "3 passed, 0 failed");
        assert_eq!(
            describe(Counts {
                skipped: 2,
                ..counts
            }),
            "3 passed, 0 failed, 2 skipped"
        );
    }

    #[test]
    fn cargo_counts_ignores_other_lines() {
        assert_eq!(
            cargo_counts("test passed ... ok\n3 passed; 1 failed\n"),
            Counts::default()
        );
    }

    #[test]
    fn node_counts_reads_the_tap_summary() {
        let output = "\
TAP version 13
# Subtest: loads the page
ok 1 - loads the page
1..5
# tests 5
# suites 0
# pass 4
# fail 1
# cancelled 0
# skipped 2
";
        assert_eq!(
            node_counts(output),
            Counts {
                passed: 4,
                failed: 1,
                skipped: 2
            }
        );
    }
}
