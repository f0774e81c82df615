//! Project automation, run as `cargo xtask <command>` (see `USAGE`).

mod dist;
mod files;
mod fuzz;
mod hashed_names;
mod previews;
mod process;
mod short_imports;
mod split;
mod test;
mod tools;
mod wasm_binary;

use std::env;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use tools::Installer;

pub type Result<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

const USAGE: &str = "\
Usage: cargo xtask <command> [args]

Commands:
  serve [trunk args]  dev build served by `trunk serve --offline` on http://127.0.0.1:8080/
  dist [--public-url URL] [--archive]
                      release build into dist/, then a table of file sizes (raw and gzip);
                      with the address it will be served at (or TWOHATS_PUBLIC_URL), also
                      oEmbed discovery and an address for each part, for WordPress; with
                      --archive, also target/two-hats-<version>.tar.gz of dist/
  test                native tests, wasm component tests, release build, end-to-end tests;
                      stops at the first failing layer
  bench               release build, then cold loads of dist/ and of static-HTML baselines
                      in headless Chromium, timings as ratios to them: the page, links with
                      state, each part embedded in a blog post and in WordPress, locally and
                      as a phone; prints the tables and the wasm's bytes by module, writes
                      target/bench/latest.json and docs/measured.md
  previews            draws the link preview images, previews/<slug>.png, from the content
                      with headless Chromium (commit them; a test checks they are current)
  check-content FILE  checks a content file: every problem with its line and field
  fuzz [cases]        the URL, fragment and content parsers' property tests with many cases
                      (default 100000 per property)
  help                show this text

Every command first installs whichever build tools are missing (test also the browser).
";

fn main() -> ExitCode {
    let mut args = env::args().skip(1);
    let command = args.next();
    let extra_args: Vec<String> = args.collect();
    match run(command.as_deref(), &extra_args) {
        Ok(exit_code) => exit_code,
        Err(error) => {
            eprintln!("xtask: error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run(command: Option<&str>, extra_args: &[String]) -> Result<ExitCode> {
    let root = repo_root();
    match command {
        None | Some("help" | "-h" | "--help") => {
            print!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some("serve") => serve(&root, extra_args).map(|()| ExitCode::SUCCESS),
        Some("dist") => {
            let options = dist::Options::parse(extra_args)?;
            dist::run(&root, &options).map(|()| ExitCode::SUCCESS)
        }
        Some("bench") => {
            reject_extra_args("bench", extra_args)?;
            bench(&root).map(|()| ExitCode::SUCCESS)
        }
        Some("previews") => {
            reject_extra_args("previews", extra_args)?;
            previews::run(&root).map(|()| ExitCode::SUCCESS)
        }
        Some("check-content") => {
            let [file] = extra_args else {
                return Err("usage: cargo xtask check-content FILE".into());
            };
            check_content(&root, file)
        }
        Some("fuzz") => {
            if extra_args.len() > 1 {
                return Err("`fuzz` takes at most one argument: the number of cases".into());
            }
            fuzz::run(&root, extra_args.first().map(String::as_str)).map(|()| ExitCode::SUCCESS)
        }
        Some("test") => {
            reject_extra_args("test", extra_args)?;
            test::run(&root)
        }
        Some(unknown) => Err(format!("unknown command `{unknown}`\n\n{USAGE}").into()),
    }
}

fn serve(root: &Path, trunk_args: &[String]) -> Result {
    Installer::default().ensure_build_tools(root)?;
    println!("xtask: serving on http://127.0.0.1:8080/ (Ctrl-C to stop)");
    process::run(
        process::trunk(root)?
            .args(["serve", "--offline=true"])
            .args(trunk_args),
    )
}

fn check_content(root: &Path, file: &str) -> Result<ExitCode> {
    let status = std::process::Command::new("cargo")
        .current_dir(root)
        .args([
            "run",
            "--quiet",
            "--package",
            "two-hats-content",
            "--bin",
            "check-content",
            "--",
        ])
        .arg(std::path::absolute(file)?)
        .status()?;
    Ok(if status.success() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn bench(root: &Path) -> Result {
    let mut installer = Installer::default();
    installer.ensure_build_tools(root)?;
    installer.ensure_test_tools()?;
    dist::build_release(root, None)?;
    build_wasm_with_names(root)?;
    build_yew_floor(root)?;
    process::run(
        std::process::Command::new("node")
            .current_dir(root)
            .arg("bench/bench.mjs"),
    )
}

/// The app's wasm built as the release is, but with its function names kept (and readable:
/// v0 symbols name each generic's type arguments), so the bench can say which module each
/// byte of code comes from.
fn build_wasm_with_names(root: &Path) -> Result {
    let folder = root.join("target/names");
    process::run(&mut process::app_wasm_build(
        root,
        &folder,
        "-C symbol-mangling-version=v0",
    ))?;
    process::run(
        std::process::Command::new("wasm-bindgen")
            .args([
                "--target",
                "web",
                "--no-typescript",
                "--keep-debug",
                "--out-dir",
            ])
            .arg(folder.join("bindgen"))
            .arg(folder.join("wasm32-unknown-unknown/release/two-hats.wasm")),
    )?;
    process::run(
        std::process::Command::new(root.join("node_modules/.bin/wasm-opt"))
            .args(["-Oz", "--debuginfo"])
            .arg(folder.join("bindgen/two-hats_bg.wasm"))
            .arg("-o")
            .arg(folder.join("two-hats.names.wasm")),
    )
}

/// `bench/yew-floor`, the smallest page Yew redraws on a slider move, built as the release
/// is, into `target/yew-floor/page` beside its plain-JavaScript twin: the bench measures both,
/// to show how much of the slider's ratio is Yew's own.
fn build_yew_floor(root: &Path) -> Result {
    let source = root.join("bench/yew-floor");
    let target = root.join("target/yew-floor");
    let page = target.join("page");
    process::run(
        process::cargo()
            .current_dir(&source)
            .env("CARGO_TARGET_DIR", &target)
            .args(["build", "--quiet", "--locked", "--release"])
            .args(["--target", "wasm32-unknown-unknown"]),
    )?;
    process::run(
        std::process::Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&page)
            .arg(target.join("wasm32-unknown-unknown/release/yew-floor.wasm")),
    )?;
    let wasm = page.join("yew-floor_bg.wasm");
    files::optimise_wasm(root, &wasm, &wasm)?;
    for html in ["index.html", "plain.html"] {
        std::fs::copy(source.join(html), page.join(html))?;
    }
    Ok(())
}

fn reject_extra_args(command: &str, extra_args: &[String]) -> Result {
    match extra_args {
        [] => Ok(()),
        _ => Err(format!(
            "`{command}` takes no arguments, got: {}",
            extra_args.join(" ")
        )
        .into()),
    }
}

/// xtask's manifest sits one directory below the workspace root.
fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}
