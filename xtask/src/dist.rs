//! `cargo xtask dist`: release build into dist/ and a report of what it weighs.

use std::fmt::Display;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::files::{files_under, optimise_wasm};
use crate::hashed_names;
use crate::process;
use crate::split;
use crate::tools::Installer;
use crate::Result;

/// What `cargo xtask dist` was asked for besides the build.
pub struct Options {
    /// The address dist/ will be served at, if known.
    public_url: Option<String>,
    /// Also pack dist/ for a release.
    archive: bool,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Options> {
        let mut options = Options {
            public_url: std::env::var("TWOHATS_PUBLIC_URL")
                .ok()
                .filter(|url| !url.is_empty()),
            archive: false,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--archive" => options.archive = true,
                "--public-url" => options.public_url = args.next().cloned(),
                _ => return Err("usage: cargo xtask dist [--public-url URL] [--archive]".into()),
            }
        }
        Ok(options)
    }
}

pub fn run(root: &Path, options: &Options) -> Result {
    Installer::default().ensure_build_tools(root)?;
    build_release(root, options.public_url.as_deref())?;
    print_size_table(&root.join("dist"))?;
    if options.archive {
        let archive = archive(root)?;
        println!("\nxtask: packed dist/ into {}", archive.display());
    }
    Ok(())
}

/// `target/two-hats-<version>.tar.gz` of dist/'s contents, for a release to carry a ready build.
fn archive(root: &Path) -> Result<PathBuf> {
    let manifest = fs::read_to_string(root.join("Cargo.toml"))?;
    let version = manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .ok_or("no version in Cargo.toml")?;
    let archive = root.join(format!("target/two-hats-{version}.tar.gz"));
    process::run(
        Command::new("tar")
            .arg("-czf")
            .arg(&archive)
            .arg("-C")
            .arg(root.join("dist"))
            .arg("."),
    )?;
    Ok(archive)
}

/// Builds the release into dist/ (Trunk's post_build hook prerenders the default page into
/// its index.html, for the wasm to hydrate, and adds the translations), splits the later
/// parts' code into a chunk of its own, readies it for its
/// public address when one is known, then adds the content parser module that a page loads
/// only when it names its own content file, then minifies the JavaScript, then moves what the
/// page loads into `assets/` under names that change with their content, then writes a `.gz`
/// and a `.br` copy beside each asset for hosts that serve precompressed files.
pub fn build_release(root: &Path, public_url: Option<&str>) -> Result {
    let (rustflags, value) = split::RUSTFLAGS;
    process::run(
        process::trunk(root)?
            .args(["build", "--release", "--offline=true", "--features"])
            .arg(split::TRUNK_FEATURES)
            .env(rustflags, value),
    )?;
    split::apply(root)?;
    match public_url {
        Some(url) => publish(root, &root.join("dist"), url)?,
        None => println!(
            "xtask: no --public-url: no oEmbed discovery, part addresses or link preview images, which need absolute addresses"
        ),
    }
    build_content_parser(root)?;
    process::run(
        Command::new("node")
            .current_dir(root)
            .args(["xtask/minify.mjs", "dist"]),
    )?;
    hashed_names::apply(&root.join("dist"))?;
    process::run(
        Command::new("node")
            .current_dir(root)
            .args(["xtask/precompress.mjs", "dist"]),
    )
}

/// Adds what a blog engine given only a link needs, for the address `folder` will be served
/// at: oEmbed discovery, the oEmbed responses and an address for each part.
pub fn publish(root: &Path, folder: &Path, public_url: &str) -> Result {
    process::run(prerender(root).args(["--publish", public_url]).arg(folder))
}

/// The native prerender binary (`src/bin/prerender.rs`), ready for its arguments.
pub fn prerender(root: &Path) -> Command {
    let mut command = process::cargo();
    command.current_dir(root).args([
        "run",
        "--quiet",
        "--features",
        "ssr",
        "--bin",
        "prerender",
        "--",
    ]);
    command
}

fn build_content_parser(root: &Path) -> Result {
    process::run(Command::new("cargo").current_dir(root).args([
        "build",
        "--quiet",
        "--release",
        "--target",
        "wasm32-unknown-unknown",
        "--package",
        "two-hats-content-parser",
    ]))?;
    let out_dir = root.join("dist/content-parser");
    process::run(
        Command::new("wasm-bindgen")
            .current_dir(root)
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&out_dir)
            .arg("target/wasm32-unknown-unknown/release/two_hats_content_parser.wasm"),
    )?;
    let module = out_dir.join("two_hats_content_parser_bg.wasm");
    optimise_wasm(root, &module, &module)
}

struct FileSize {
    name: String,
    raw: u64,
    gzip: u64,
    /// The precompressed `.br` copy beside the file, if one was worth writing.
    brotli: u64,
}

fn print_size_table(dist: &Path) -> Result {
    let mut sizes = Vec::new();
    for path in files_under(dist)? {
        if is_precompressed_copy(&path) {
            continue;
        }
        let raw = fs::metadata(&path)?.len();
        let mut brotli_copy = path.clone().into_os_string();
        brotli_copy.push(".br");
        sizes.push(FileSize {
            name: path.strip_prefix(dist)?.display().to_string(),
            raw,
            gzip: gzip_size(&path)?,
            brotli: fs::metadata(brotli_copy).map_or(raw, |copy| copy.len()),
        });
    }
    let total = FileSize {
        name: "total".into(),
        raw: sizes.iter().map(|size| size.raw).sum(),
        gzip: sizes.iter().map(|size| size.gzip).sum(),
        brotli: sizes.iter().map(|size| size.brotli).sum(),
    };
    let name_width = sizes
        .iter()
        .chain([&total])
        .map(|size| size.name.len())
        .max()
        .unwrap_or(0);
    println!();
    print_row([&"dist/", &"bytes", &"gzip -9", &".br copy"], name_width);
    for size in sizes.iter().chain([&total]) {
        print_row(
            [
                &size.name as &dyn Display,
                &size.raw,
                &size.gzip,
                &size.brotli,
            ],
            name_width,
        );
    }
    Ok(())
}

fn print_row([name, raw, gzip, brotli]: [&dyn Display; 4], name_width: usize) {
    let name = name.to_string();
    println!("{name:<name_width$}  {raw:>10}  {gzip:>10}  {brotli:>10}");
}

fn is_precompressed_copy(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension == "gz" || extension == "br")
}

fn gzip_size(path: &Path) -> Result<u64> {
    let output = Command::new("gzip").args(["-9", "-c"]).arg(path).output()?;
    if !output.status.success() {
        return Err(format!("gzip failed on {}", path.display()).into());
    }
    Ok(output.stdout.len().try_into()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(args: &[&str]) -> Result<Options> {
        Options::parse(&args.iter().map(|arg| (*arg).to_owned()).collect::<Vec<_>>())
    }

    #[test]
    fn dist_takes_a_public_url_and_archive_in_any_order() {
        let options = parsed(&["--archive", "--public-url", "https://example.org/"]).unwrap();
        assert!(options.archive);
        assert_eq!(options.public_url.as_deref(), Some("https://example.org/"));
        let options = parsed(&["--public-url", "https://example.org/", "--archive"]).unwrap();
        assert!(options.archive);
        assert!(parsed(&["--zip"]).is_err());
    }
}
