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

/// The tags to find, as written in index.html and as Trunk's release minifier writes them.
const ROOT_OPEN: [&str; 2] = [r#"<div id="two-hats">"#, "<div id=two-hats>"];
const HTML_OPEN: [&str; 2] = [r#"<html lang="en">"#, "<html lang=en>"];

fn main() {
    let Some(path) = env::args().nth(1).or_else(|| {
        let staging = env::var_os("TRUNK_STAGING_DIR")?;
        Some(Path::new(&staging).join("index.html").display().to_string())
    }) else {
        fail("usage: prerender <path to the built index.html> (or run it as Trunk's post_build hook)");
    };
    let page = fs::read_to_string(&path).unwrap_or_else(|error| fail(&format!("{path}: {error}")));
    let Some(at) = end_of_first(&page, ROOT_OPEN) else {
        fail(&format!("{path}: no {} to render into", ROOT_OPEN[0]));
    };
    if !page[at..].starts_with("</div>") {
        fail(&format!(
            "{path}: {} is not empty; was it prerendered already?",
            ROOT_OPEN[0]
        ));
    }
    let Some(html_close) = end_of_first(&page, HTML_OPEN).map(|end| end - 1) else {
        fail(&format!(
            "{path}: no {} to name the translations on",
            HTML_OPEN[0]
        ));
    };
    let app = futures::executor::block_on(LocalServerRenderer::<two_hats::App>::new().render());
    let codes: Vec<&str> = TRANSLATIONS.iter().map(|(code, _)| *code).collect();
    let rendered = format!(
        r#"{} data-translations="{}"{}{app}{}"#,
        &page[..html_close],
        codes.join(" "),
        &page[html_close..at],
        &page[at..]
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

/// Where the first of `tags` found in `page` ends.
fn end_of_first(page: &str, tags: [&str; 2]) -> Option<usize> {
    tags.iter()
        .find_map(|tag| page.find(tag).map(|start| start + tag.len()))
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    process::exit(1);
}
