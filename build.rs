//! Compiles `content/two-hats.toml` into Rust statics, so a broken content file fails the build
//! with errors naming the entry and field, and the wasm carries no TOML parser.

use std::{env, fs, path::Path, process};

const CONTENT_FILE: &str = "content/two-hats.toml";

fn main() {
    println!("cargo::rerun-if-changed={CONTENT_FILE}");
    let bytes = fs::read(CONTENT_FILE)
        .unwrap_or_else(|error| fail(&format!("cannot read {CONTENT_FILE}: {error}")));
    let source = two_hats_content::compile_bytes(&bytes).unwrap_or_else(|errors| {
        let lines: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
        fail(&format!(
            "{CONTENT_FILE} has {} problem(s):\n{}",
            errors.len(),
            lines.join("\n")
        ))
    });
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("content.rs");
    fs::write(&out, source)
        .unwrap_or_else(|error| fail(&format!("cannot write {}: {error}", out.display())));
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    process::exit(1);
}
