//! Renders the default page to HTML and writes it into the built `index.html`, so the page
//! paints (and reads, with JavaScript off) before the wasm arrives; the wasm then hydrates it.
//! Puts each translation beside it as `lang/<code>.bin`, fetched only by readers who choose
//! that language, and names them on `<html data-translations>` for `boot.js`.
//!
//! Trunk runs it after every build, `serve` included (the `post_build` hook in Trunk.toml),
//! on the page it has just written; by hand: `cargo run --features ssr --bin prerender -- PATH`.

use std::path::Path;
use std::{env, fs, process};

use two_hats::core::content::TRANSLATIONS;

use yew::LocalServerRenderer;

const ROOT_OPEN: &str = r#"<div id="two-hats">"#;

fn main() {
    let Some(path) = env::args().nth(1).or_else(|| {
        let staging = env::var_os("TRUNK_STAGING_DIR")?;
        Some(Path::new(&staging).join("index.html").display().to_string())
    }) else {
        fail("usage: prerender <path to the built index.html> (or run it as Trunk's post_build hook)");
    };
    let page = fs::read_to_string(&path).unwrap_or_else(|error| fail(&format!("{path}: {error}")));
    let Some(at) = page.find(ROOT_OPEN).map(|start| start + ROOT_OPEN.len()) else {
        fail(&format!("{path}: no {ROOT_OPEN} to render into"));
    };
    if !page[at..].starts_with("</div>") {
        fail(&format!(
            "{path}: {ROOT_OPEN} is not empty; was it prerendered already?"
        ));
    }
    let app = futures::executor::block_on(LocalServerRenderer::<two_hats::App>::new().render());
    let mut rendered = format!("{}{app}{}", &page[..at], &page[at..]);
    let codes: Vec<&str> = TRANSLATIONS.iter().map(|(code, _)| *code).collect();
    let html_open = r#"<html lang="en">"#;
    if !rendered.contains(html_open) {
        fail(&format!(
            "{path}: no {html_open} to name the translations on"
        ));
    }
    rendered = rendered.replacen(
        html_open,
        &format!(
            r#"<html lang="en" data-translations="{}">"#,
            codes.join(" ")
        ),
        1,
    );
    let folder = Path::new(&path)
        .parent()
        .unwrap_or(Path::new("."))
        .join("lang");
    fs::create_dir_all(&folder)
        .unwrap_or_else(|error| fail(&format!("{}: {error}", folder.display())));
    for (code, pack) in TRANSLATIONS {
        let file = folder.join(format!("{code}.bin"));
        fs::write(&file, pack)
            .unwrap_or_else(|error| fail(&format!("{}: {error}", file.display())));
    }
    fs::write(&path, rendered).unwrap_or_else(|error| fail(&format!("{path}: {error}")));
    println!("prerender: wrote {} bytes of HTML into {path}", app.len());
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    process::exit(1);
}
