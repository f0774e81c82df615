//! Gives every file the page loads by a name written in the release (the stylesheets, the
//! scripts, the wasm, the wasm-bindgen snippets) a name that changes with its content, in
//! `dist/assets/`, so hosts may cache that folder for a year (deploy/ says so). What an
//! address must keep stays where it is and is checked on every use: `index.html`, `embed.js`,
//! the part pages and the drawn embeds' pages, the translations, the preview images, the content parser.
//!
//! Trunk's own hashing is off (Trunk.toml): its names would reach `index.html` but not
//! `start.js`, which a strict Content-Security-Policy needs in place of Trunk's inline loader.

use std::fs;
use std::path::Path;

use crate::files::{files_in, files_under, LINK_MODULE};
use crate::Result;

const FOLDER: &str = "assets";
/// Where the prerender puts the drawn embeds' pages (`core::drawn::FOLDER`).
const DRAWN: &str = "embed";
/// The wasm-bindgen glue and the module it instantiates, as `start.js` names them.
const GLUE: &str = "two-hats.js";
const WASM: &str = "two-hats_bg.wasm";
/// The team check's stylesheet: only the check's drawn embed links it (the widget's page gets
/// it from the check's code), so a page need not load it, but one must.
const CHECK_STYLESHEET: &str = "check.css";
pub fn apply(dist: &Path) -> Result {
    let assets = dist.join(FOLDER);
    fs::create_dir_all(&assets)?;
    let mut glue = read(&dist.join(GLUE))?;
    // Snippets first: the glue imports them by path, so its own hash covers their new names.
    let snippets = dist.join("snippets");
    if snippets.exists() {
        for file in files_under(&snippets)? {
            let old = format!("./{}", relative(dist, &file)?);
            let new = move_hashed(&file, &assets)?;
            replace_once(&mut glue, &old, &format!("./{new}"), GLUE)?;
        }
        fs::remove_dir_all(&snippets)?;
    }
    let wasm = move_hashed(&dist.join(WASM), &assets)?;
    let link = dist.join(LINK_MODULE);
    let glue = if link.exists() {
        name_with_link_module(&assets, glue, &link)?
    } else {
        fs::write(dist.join(GLUE), glue)?;
        move_hashed(&dist.join(GLUE), &assets)?
    };

    let start = dist.join("start.js");
    let mut loader = read(&start)?;
    replace_once(
        &mut loader,
        &format!("./{GLUE}"),
        &format!("./{glue}"),
        "start.js",
    )?;
    replace_once(&mut loader, WASM, &wasm, "start.js")?;
    fs::write(&start, loader)?;

    let mut renamed = vec![(GLUE.to_owned(), glue), (WASM.to_owned(), wasm)];
    for (name, path) in files_in(dist)? {
        if name.ends_with(".css") || name == "start.js" || name == "boot.js" {
            renamed.push((name, move_hashed(&path, &assets)?));
        }
    }
    // The drawn embeds load what the widget's page loads, through their base address.
    let drawn = dist.join(DRAWN);
    let drawn_pages = if drawn.exists() {
        files_under(&drawn)?
    } else {
        Vec::new()
    };
    let mut check_stylesheet_linked = false;
    for page_path in [dist.join("index.html")].into_iter().chain(drawn_pages) {
        let mut page = read(&page_path)?;
        for (old, new) in &renamed {
            match point_at(&page, old, &format!("{FOLDER}/{new}")) {
                Some(pointed) => {
                    check_stylesheet_linked |= old == CHECK_STYLESHEET;
                    page = pointed;
                }
                None if old == CHECK_STYLESHEET => {}
                None => return Err(format!("{} does not load {old}", page_path.display()).into()),
            }
        }
        fs::write(&page_path, page)?;
    }
    if drawn.exists() && !check_stylesheet_linked {
        return Err(format!("no drawn page links {CHECK_STYLESHEET}").into());
    }
    Ok(())
}

/// A split build's glue imports the link module (`__wasm_split.js`), which imports the glue
/// back: neither name can follow the other's. Both take one hash, of both files as written
/// (the chunks' names included), so a change to either renames both. Returns the glue's name.
fn name_with_link_module(assets: &Path, mut glue: String, link: &Path) -> Result<String> {
    let mut linker = read(link)?;
    let dist = link.parent().ok_or("the link module has no folder")?;
    for (chunk, path) in files_in(dist)? {
        if chunk.ends_with(".wasm") {
            let hashed = move_hashed(&path, assets)?;
            replace_once(
                &mut linker,
                &format!("./{chunk}"),
                &format!("./{hashed}"),
                LINK_MODULE,
            )?;
        }
    }
    let hash = fnv1a(format!("{glue}{linker}").as_bytes());
    let glue_name = hashed_name(GLUE, hash);
    let link_name = hashed_name(LINK_MODULE, hash);
    // The glue names the link module twice: the file it imports (renamed) and the module name
    // the wasm imports from (kept).
    replace_import(&mut glue, LINK_MODULE, &link_name, GLUE)?;
    replace_import(&mut linker, GLUE, &glue_name, LINK_MODULE)?;
    fs::write(assets.join(&glue_name), glue)?;
    fs::write(assets.join(&link_name), linker)?;
    fs::remove_file(link)?;
    fs::remove_file(dist.join(GLUE))?;
    Ok(glue_name)
}

fn hashed_name(name: &str, hash: u64) -> String {
    let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
    format!("{stem}-{hash:016x}.{extension}")
}

/// Moves `file` into `folder` as `<stem>-<hash>.<extension>`; returns that name.
fn move_hashed(file: &Path, folder: &Path) -> Result<String> {
    let bytes = fs::read(file).map_err(|error| format!("{}: {error}", file.display()))?;
    let name = file
        .file_name()
        .and_then(|name| name.to_str())
        .ok_or("a file name that is not UTF-8")?;
    let hashed = hashed_name(name, fnv1a(&bytes));
    fs::rename(file, folder.join(&hashed))?;
    Ok(hashed)
}

/// `page` with every attribute whose value is `old` (as Trunk and its minifier write it:
/// quoted or not, with or without `./`) pointing at `new` instead; `None` if there is none.
fn point_at(page: &str, old: &str, new: &str) -> Option<String> {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    let mut found = false;
    while let Some(at) = rest.find(old) {
        let before = &rest[..at];
        let after = &rest[at + old.len()..];
        let value_start = if before.ends_with("=\"./") || before.ends_with("=./") {
            Some(at - "./".len())
        } else if before.ends_with("=\"") || before.ends_with('=') {
            Some(at)
        } else {
            None
        };
        let ends_value = after.starts_with(['"', ' ', '>']);
        match value_start {
            Some(start) if ends_value => {
                out.push_str(&rest[..start]);
                out.push_str(new);
                found = true;
            }
            _ => out.push_str(&rest[..at + old.len()]),
        }
        rest = after;
    }
    out.push_str(rest);
    found.then_some(out)
}

/// Points `import … from "./old"` at `./new`, as written or minified (no space after `from`).
fn replace_import(text: &mut String, old: &str, new: &str, file: &str) -> Result {
    let minified = format!("from\"./{old}\"");
    let spaced = format!("from \"./{old}\"");
    let written = if text.contains(&minified) {
        minified
    } else {
        spaced
    };
    let renamed = written.replace(old, new);
    // The glue imports the link module once per chunk.
    match text.matches(&written).count() {
        0 => Err(format!("{file} does not import {old}").into()),
        _ => {
            *text = text.replace(&written, &renamed);
            Ok(())
        }
    }
}

fn replace_once(text: &mut String, old: &str, new: &str, file: &str) -> Result {
    match text.matches(old).count() {
        1 => {
            *text = text.replacen(old, new, 1);
            Ok(())
        }
        count => Err(format!("{file} names {old} {count} times; expected once").into()),
    }
}

fn read(path: &Path) -> Result<String> {
    fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()).into())
}

fn relative(base: &Path, file: &Path) -> Result<String> {
    Ok(file
        .strip_prefix(base)?
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/"))
}

/// 64-bit FNV-1a: names a file's content well enough to tell versions apart, and needs no
/// dependency (xtask stays std-only so that it compiles in seconds).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_repointed_however_they_are_quoted() {
        let page = r#"<link href=./theme.css rel=stylesheet><link href="./theme.css"><script src=boot.js></script><script src="boot.js"></script><p>theme.css boot.js</p><a href=x-theme.css>"#;
        let page = point_at(page, "theme.css", "assets/theme-1.css").unwrap();
        let page = point_at(&page, "boot.js", "assets/boot-2.js").unwrap();
        assert_eq!(
            page,
            r#"<link href=assets/theme-1.css rel=stylesheet><link href="assets/theme-1.css"><script src=assets/boot-2.js></script><script src="assets/boot-2.js"></script><p>theme.css boot.js</p><a href=x-theme.css>"#
        );
        assert_eq!(point_at("<p>no link</p>", "theme.css", "x"), None);
    }

    #[test]
    fn a_name_changes_with_the_content_and_only_then() {
        assert_eq!(fnv1a(b"a"), fnv1a(b"a"));
        assert_ne!(fnv1a(b"a"), fnv1a(b"b"));
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn a_reference_must_be_there_exactly_once() {
        let mut text = String::from("import x from './two-hats.js'");
        replace_once(&mut text, "./two-hats.js", "./two-hats-1.js", "start.js").unwrap();
        assert_eq!(text, "import x from './two-hats-1.js'");
        assert!(replace_once(&mut text, "./two-hats.js", "y", "start.js").is_err());
    }
}
