//! What several build steps share, below all of them: listing a folder's files, the name the
//! splitter gives the module that links the chunks, and the one wasm-opt step.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process;
use crate::Result;

/// The module `wasm-split-cli` writes to link the chunks to the main module: `split` puts it
/// in dist/, `hashed_names` names it by its content.
pub const LINK_MODULE: &str = "__wasm_split.js";

/// npm's binaryen wasm-opt: the release's one optimisation of each module, at `-Oz`, told that the lowest kilobyte of memory is never used (Rust places nothing there),
/// which lets it fold addresses into loads and stores, until a pass changes nothing more.
/// Judged on the gzip size of the first module: 0.65 KB less than `-Oz` alone; `-Os`, `-O2`
/// and `-O3` give larger files.
const OPTIMISATION: [&str; 3] = ["-Oz", "--low-memory-unused", "--converge"];

pub fn optimise_wasm(root: &Path, input: &Path, output: &Path) -> Result {
    process::run(
        Command::new(root.join("node_modules/.bin/wasm-opt"))
            .args(OPTIMISATION)
            .arg(input)
            .arg("-o")
            .arg(output),
    )
}

/// The files directly in `dir`, by name (names that are not UTF-8 are left out).
pub fn files_in(dir: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if let Some(name) = path.file_name().and_then(|name| name.to_str()) {
            if path.is_file() {
                files.push((name.to_owned(), path));
            }
        }
    }
    Ok(files)
}

/// Every file below `dir`, recursively, in a stable order.
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let entries =
        fs::read_dir(dir).map_err(|error| format!("cannot list {}: {error}", dir.display()))?;
    for entry in entries {
        let path = entry?.path();
        if path.is_dir() {
            files.extend(files_under(&path)?);
        } else {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
