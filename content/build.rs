//! Tells the paraphrase test whether the source articles are beside this clone: they live in
//! `../shared/seeds/`, outside the repository, and a clone elsewhere does not have them.

use std::path::Path;

fn main() {
    println!("cargo::rustc-check-cfg=cfg(seeds)");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    if seeds.is_dir() {
        println!("cargo::rustc-cfg=seeds");
        println!("cargo::rerun-if-changed={}", seeds.display());
    } else {
        println!("cargo::rerun-if-changed=build.rs");
    }
}
