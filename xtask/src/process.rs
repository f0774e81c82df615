//! Starting child processes: plain, probing, and teed.

use std::env;
use std::ffi::OsString;
use std::io::{self, Write};
use std::iter;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::Result;

/// The cargo that launched us, so nested builds use the same toolchain.
pub fn cargo() -> Command {
    Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// The app's release wasm built by cargo alone, with `rustflags`, into `target_dir`: a target
/// folder of its own, so that other flags leave Trunk's build cache as it is.
pub fn app_wasm_build(root: &Path, target_dir: &Path, rustflags: &str) -> Command {
    let mut command = cargo();
    command
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target_dir)
        .env("RUSTFLAGS", rustflags)
        .args([
            "build",
            "--quiet",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "--bin",
            "two-hats",
        ]);
    command
}

/// A trunk invocation that finds binaryen's wasm-opt from npm before
/// Debian's, which is too old for the wasm trunk emits.
pub fn trunk(root: &Path) -> Result<Command> {
    let mut command = Command::new("trunk");
    command
        .current_dir(root)
        .env("PATH", path_with_npm_bins(root)?);
    Ok(command)
}

fn path_with_npm_bins(root: &Path) -> Result<OsString> {
    let inherited = env::var_os("PATH").unwrap_or_default();
    let dirs = iter::once(root.join("node_modules/.bin")).chain(env::split_paths(&inherited));
    Ok(env::join_paths(dirs)?)
}

/// Runs `command` on our terminal; an unsuccessful exit is an error.
pub fn run(command: &mut Command) -> Result {
    let status = command
        .status()
        .map_err(|error| format!("cannot start `{}`: {error}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(command)).into())
    }
}

/// Stdout of `program args`, or `None` if it is missing or fails.
pub fn probe(program: &str, args: &[&str]) -> Option<String> {
    let output = Command::new(program)
        .args(args)
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

pub struct TeedRun {
    pub success: bool,
    pub stdout: String,
}

/// Runs `command`, echoing its stdout as it arrives while keeping a copy
/// for parsing. Stderr stays on the terminal so progress output keeps its colours.
pub fn run_teed(command: &mut Command) -> Result<TeedRun> {
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start `{}`: {error}", describe(command)))?;
    let mut child_stdout = child.stdout.take().expect("stdout is piped");
    let mut tee = Tee {
        terminal: io::stdout().lock(),
        copy: Vec::new(),
    };
    io::copy(&mut child_stdout, &mut tee)?;
    let status = child.wait()?;
    Ok(TeedRun {
        success: status.success(),
        stdout: String::from_utf8_lossy(&tee.copy).into_owned(),
    })
}

struct Tee<'a> {
    terminal: io::StdoutLock<'a>,
    copy: Vec<u8>,
}

impl Write for Tee<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.terminal.write_all(bytes)?;
        // Flushing per chunk keeps long test runs visibly live.
        self.terminal.flush()?;
        self.copy.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.terminal.flush()
    }
}

fn describe(command: &Command) -> String {
    iter::once(command.get_program())
        .chain(command.get_args())
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join(" ")
}
