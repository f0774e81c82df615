//! Moves the later parts' code (`src/components/later_parts.rs`) into a wasm chunk of its own,
//! fetched only when a page shows them and the reader comes near them. Trunk cannot do this,
//! so its release build compiles the app once with the `split` feature and relocations kept
//! (`TRUNK_FEATURES`, `RUSTFLAGS` below) and leaves it unoptimised; here the linked module is
//! split by `wasm-split-cli` (wasm_split_cli_support), bound by wasm-bindgen with the linker's
//! exports kept for the chunk to link against, optimised, and put in place of Trunk's one
//! module. `cargo xtask serve` stays one module.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::files::{files_in, optimise_wasm, LINK_MODULE};
use crate::process;
use crate::Result;

/// The module name `start.js` and the glue use; the splitter names the chunks after
/// `#[wasm_split(...)]` and writes `__wasm_split.js`, which links them to it.
const NAME: &str = "two-hats";

/// What Trunk's release build compiles the app with, for the splitter to read what it links.
pub const TRUNK_FEATURES: &str = "split";
/// Only for the wasm target: the native prerender step Trunk runs afterwards keeps its build.
pub const RUSTFLAGS: (&str, &str) = (
    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
    "-Clink-args=--emit-relocs",
);

pub fn apply(root: &Path) -> Result {
    let work = root.join("target/split");
    let chunks = fresh_folder(work.join("chunks"))?;
    process::run(
        Command::new("wasm-split-cli")
            .arg(root.join(format!("target/wasm32-unknown-unknown/release/{NAME}.wasm")))
            .arg(&chunks)
            .args(["--out-name", NAME]),
    )?;
    let bound = fresh_folder(work.join("bound"))?;
    process::run(
        Command::new("wasm-bindgen")
            .args(["--target", "web", "--no-typescript", "--keep-lld-exports"])
            .args(["--out-name", NAME, "--out-dir"])
            .arg(&bound)
            .arg(chunks.join(format!("{NAME}.wasm"))),
    )?;

    let dist = root.join("dist");
    let snippets = dist.join("snippets");
    if snippets.exists() {
        fs::remove_dir_all(&snippets)?;
    }
    fs::rename(bound.join("snippets"), &snippets)?;
    fs::copy(
        bound.join(format!("{NAME}.js")),
        dist.join(format!("{NAME}.js")),
    )?;
    fs::copy(chunks.join(LINK_MODULE), dist.join(LINK_MODULE))?;
    optimise_wasm(
        root,
        &bound.join(format!("{NAME}_bg.wasm")),
        &dist.join(format!("{NAME}_bg.wasm")),
    )?;
    for chunk in chunk_names(&chunks)? {
        optimise_wasm(root, &chunks.join(&chunk), &dist.join(&chunk))?;
    }
    Ok(())
}

/// The chunks the splitter wrote (everything but the main module, which wasm-bindgen takes).
fn chunk_names(folder: &Path) -> Result<Vec<String>> {
    let main = format!("{NAME}.wasm");
    let names: Vec<String> = files_in(folder)?
        .into_iter()
        .map(|(name, _)| name)
        .filter(|name| name.ends_with(".wasm") && *name != main)
        .collect();
    if names.is_empty() {
        return Err(format!("wasm-split-cli wrote no chunk into {}", folder.display()).into());
    }
    Ok(names)
}

fn fresh_folder(folder: PathBuf) -> Result<PathBuf> {
    if folder.exists() {
        fs::remove_dir_all(&folder)?;
    }
    fs::create_dir_all(&folder)?;
    Ok(folder)
}
