//! Tells the paraphrase test whether the source articles are beside this clone: they live in
//! `../shared/seeds/`, outside the repository, and a clone elsewhere does not have them.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(seeds)");
    // Read when the script runs, not when it is compiled: a compiled build script may be
    // reused for a clone in another folder.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
    let seeds = Path::new(&manifest_dir).join("../../shared/seeds");
    if seeds.is_dir() {
        println!("cargo::rustc-cfg=seeds");
        println!("cargo::rerun-if-changed={}", seeds.display());
    } else {
        println!("cargo::rerun-if-changed=build.rs");
    }
}
