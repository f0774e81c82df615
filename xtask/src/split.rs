//! Moves the later parts' code (`src/components/later_parts.rs`) into a wasm chunk of its own,
//! fetched only when a page shows them and the reader comes near them. Trunk cannot do this,
//! so its release build compiles the app once with the `split` feature and relocations kept
//! (`TRUNK_FEATURES`, `RUSTFLAGS` below) and leaves it unoptimised; here the linked module is
//! split by `wasm-split-cli` (wasm_split_cli_support), bound by wasm-bindgen with the linker's
//! exports kept for the chunk to link against, given short import names (`short_imports`),
//! optimised, and put in place of Trunk's one module. `cargo xtask serve` stays one module.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::files::{files_in, optimise_wasm, LINK_MODULE};
use crate::process;
use crate::Result;
use crate::{short_imports, wasm_binary};

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
    let (module, glue) = short_imports::shorten(
        &fs::read(bound.join(format!("{NAME}_bg.wasm")))?,
        &fs::read_to_string(bound.join(format!("{NAME}.js")))?,
        &format!("./{NAME}_bg.js"),
    )?;
    let shortened = work.join(format!("{NAME}_bg.wasm"));
    fs::write(&shortened, module)?;
    fs::write(dist.join(format!("{NAME}.js")), glue)?;
    fs::copy(chunks.join(LINK_MODULE), dist.join(LINK_MODULE))?;
    optimise_wasm(root, &shortened, &dist.join(format!("{NAME}_bg.wasm")))?;
    for chunk in chunk_names(&chunks)? {
        // The splitter writes a name section with label names (subsection 3), which binaryen
        // cannot read and warns about; the release strips names anyway.
        let path = chunks.join(&chunk);
        let unnamed = without_name_section(&fs::read(&path)?)
            .ok_or_else(|| format!("{}: not a wasm module", path.display()))?;
        fs::write(&path, unnamed)?;
        optimise_wasm(root, &path, &dist.join(&chunk))?;
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

/// `module` without its `name` custom section; `None` if it is not a well-formed wasm binary.
fn without_name_section(module: &[u8]) -> Option<Vec<u8>> {
    let sections = wasm_binary::sections(module)?;
    let mut out = module[..wasm_binary::HEADER].to_vec();
    for section in sections {
        if wasm_binary::custom_name(module, &section) != Some(b"name") {
            out.extend_from_slice(&module[section.whole]);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_section_goes_and_every_other_section_stays() {
        let custom = |name: &[u8], body: &[u8]| {
            let mut section = vec![0, (1 + name.len() + body.len()) as u8, name.len() as u8];
            section.extend_from_slice(name);
            section.extend_from_slice(body);
            section
        };
        let mut module = b"\0asm\x01\0\0\0".to_vec();
        let kept = [custom(b"producers", b"xy"), vec![1, 2, 0x60, 0]];
        module.extend_from_slice(&kept[0]);
        module.extend_from_slice(&custom(b"name", b"\x03\x01\0"));
        module.extend_from_slice(&kept[1]);
        let mut expected = b"\0asm\x01\0\0\0".to_vec();
        expected.extend(kept.concat());
        assert_eq!(without_name_section(&module), Some(expected));
        assert_eq!(without_name_section(b"GIF89a"), None);
    }
}
