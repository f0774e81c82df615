//! Compiles `content/two-hats.toml` into Rust statics, so a broken content file fails the build
//! with errors naming the entry and field, and the wasm carries no TOML parser.
//!
//! Each translation beside it, `content/two-hats.<code>.toml`, is checked against it and
//! compiled to the binary form the widget fetches only when a reader picks that language: the
//! wasm knows the language's name, never its words.

use std::fmt::Write;
use std::{env, fs, path::Path, process};

const CONTENT_DIR: &str = "content";
/// The team check's stylesheet, which its code carries (`browser::adopt_check_stylesheet`).
const CHECK_STYLESHEET: &str = "styles/check.css";
const CONTENT_FILE: &str = "content/two-hats.toml";

fn main() {
    println!("cargo::rerun-if-changed={CONTENT_DIR}");
    let original = read(CONTENT_FILE);
    let mut source = two_hats_content::compile_bytes(&original)
        .unwrap_or_else(|errors| fail_with(CONTENT_FILE, &errors));
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");

    let mut languages = String::from("BUILT_IN_LANGUAGE");
    let mut packs = String::new();
    for path in translation_files() {
        println!("cargo::rerun-if-changed={path}");
        let translation = two_hats_content::compile_translation(&original, &read(&path))
            .unwrap_or_else(|errors| fail_with(&path, &errors));
        let (code, name) = &translation.language;
        let pack = Path::new(&out_dir).join(format!("{code}.bin"));
        write(&pack, &translation.binary);
        let _ = write!(languages, ", Language {{ code: {code:?}, name: {name:?} }}");
        let _ = write!(
            packs,
            "({code:?}, include_bytes!({:?})), ",
            pack.display().to_string()
        );
    }
    let _ = write!(
        source,
        "\n/// Every language the widget speaks: the built-in one, then its translations.\n\
         pub static LANGUAGES: &[Language] = &[{languages}];\n\n\
         /// Each translation in binary form, for the prerender step to put beside the page.\n\
         #[cfg(not(target_arch = \"wasm32\"))]\n\
         pub static TRANSLATIONS: &[(&str, &[u8])] = &[{packs}];\n"
    );
    write(&Path::new(&out_dir).join("content.rs"), source.as_bytes());

    println!("cargo::rerun-if-changed={CHECK_STYLESHEET}");
    let stylesheet = String::from_utf8(read(CHECK_STYLESHEET))
        .unwrap_or_else(|_| fail(&format!("{CHECK_STYLESHEET} is not UTF-8")));
    write(
        &Path::new(&out_dir).join("check.css"),
        without_comments(&stylesheet).as_bytes(),
    );
}

/// `css` without its comments and with each run of white space one space: what the chunk
/// carries need not explain itself. The stylesheets hold no strings with `/*` in them.
fn without_comments(css: &str) -> String {
    let mut bare = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(open) = rest.find("/*") {
        bare.push_str(&rest[..open]);
        rest = rest[open..]
            .find("*/")
            .map_or("", |close| &rest[open + close + 2..]);
    }
    bare.push_str(rest);
    bare.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `content/two-hats.<code>.toml`, in name order, so the language menu keeps one order.
fn translation_files() -> Vec<String> {
    let entries = fs::read_dir(CONTENT_DIR)
        .unwrap_or_else(|error| fail(&format!("cannot list {CONTENT_DIR}: {error}")));
    let mut files: Vec<String> = entries
        .filter_map(|entry| entry.ok()?.file_name().into_string().ok())
        .filter(|name| {
            name.strip_prefix("two-hats.")
                .and_then(|rest| rest.strip_suffix(".toml"))
                .is_some_and(|code| !code.is_empty() && !code.contains('.'))
        })
        .map(|name| format!("{CONTENT_DIR}/{name}"))
        .collect();
    files.sort();
    files
}

fn read(path: &str) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|error| fail(&format!("cannot read {path}: {error}")))
}

fn write(path: &Path, bytes: &[u8]) {
    fs::write(path, bytes)
        .unwrap_or_else(|error| fail(&format!("cannot write {}: {error}", path.display())));
}

fn fail_with(path: &str, errors: &[two_hats_content::ContentError]) -> ! {
    let lines: Vec<String> = errors.iter().map(|e| format!("  {e}")).collect();
    fail(&format!(
        "{path} has {} problem(s):\n{}",
        errors.len(),
        lines.join("\n")
    ))
}

fn fail(message: &str) -> ! {
    eprintln!("error: {message}");
    process::exit(1);
}
