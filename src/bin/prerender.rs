//! Renders the default page to HTML and writes it into the built `index.html`, so the page
//! paints (and reads, with JavaScript off) before the wasm arrives; the wasm then hydrates it.
//!
//! Usage: `cargo run --features ssr --bin prerender -- dist/index.html`

use std::{env, fs, process};

use yew::LocalServerRenderer;

const ROOT_OPEN: &str = r#"<div id="two-hats">"#;

fn main() {
    let Some(path) = env::args().nth(1) else {
        fail("usage: prerender <path to the built index.html>");
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
    let rendered = format!("{}{app}{}", &page[..at], &page[at..]);
    fs::write(&path, rendered).unwrap_or_else(|error| fail(&format!("{path}: {error}")));
    println!("prerender: wrote {} bytes of HTML into {path}", app.len());
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    process::exit(1);
}
