//! Checks a content file without building the widget: prints every problem with its file,
//! line and field, and exits non-zero if there is any.
//!
//! Usage: `cargo xtask check-content FILE` (or `cargo run -p two-hats-content -- FILE`)

use std::{env, fs, process::ExitCode};

fn main() -> ExitCode {
    let Some(path) = env::args().nth(1) else {
        eprintln!("usage: check-content FILE");
        return ExitCode::FAILURE;
    };
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{path}: cannot read: {error}");
            return ExitCode::FAILURE;
        }
    };
    match two_hats_content::compile_bytes(&bytes) {
        Ok(_) => {
            println!("{path}: ok");
            ExitCode::SUCCESS
        }
        Err(errors) => {
            for error in &errors {
                match error.line {
                    Some(line) => eprintln!("{path}:{line}: {}: {}", error.at, error.message),
                    None => eprintln!("{path}: {}: {}", error.at, error.message),
                }
            }
            eprintln!("{path}: {} problem(s)", errors.len());
            ExitCode::FAILURE
        }
    }
}
