//! Renders the default page to HTML and writes it into the built `index.html`, so the page
//! paints (and reads, with JavaScript off) before the wasm arrives; the wasm then hydrates it.
//! Puts each translation beside it as `lang/<code>.bin`, fetched only by readers who choose
//! that language, and names them on `<html data-translations>` for `boot.js`; writes the
//! changes that redraw it in each team state (`site::changes`) and names their folder on
//! `<html data-changes>`; writes the parts' heights into `embed.js`.
//!
//! Trunk runs it after every build, `serve` included (the `post_build` hook in Trunk.toml),
//! on the page it has just written; by hand: `cargo run --features ssr --bin prerender -- PATH`.
//!
//! `prerender --publish URL FOLDER` then readies a built folder for a known public address
//! (`cargo xtask dist --public-url` runs it): what a blog engine given only a link needs (see
//! `site::publish`): oEmbed discovery in the page, `oembed/<part>.json`, and a page at each
//! part's own address, and the link preview tags that need that address.
//!
//! `prerender --preview-cards FOLDER` writes the page for each link preview card (see
//! `site::preview`) with its stylesheets and fingerprint, for `cargo xtask previews` to
//! photograph.

use std::path::Path;
use std::{env, fs, process};

use two_hats::core::content::{Text, TRANSLATIONS};
use two_hats::core::drawn;
use two_hats::core::html::text;
use two_hats::core::state::{Part, Parts, State};
use two_hats::site::drawn_pages::{self, ROOT_OPEN};
use two_hats::site::{boot_script, changes, embed_script, preview, publish};
use two_hats::AppProps;

use yew::LocalServerRenderer;

/// The tag to name the translations and the drawn state on, as index.html writes it (Trunk
/// leaves the page unminified).
const HTML_OPEN: &str = r#"<html lang="en">"#;

fn main() {
    let args: Vec<String> = env::args().skip(1).collect();
    if let [flag, public_url, folder] = &args[..] {
        if flag == "--publish" {
            return publish_into(Path::new(folder), public_url);
        }
    }
    if let [flag, folder] = &args[..] {
        if flag == "--preview-cards" {
            return write_preview_cards(Path::new(folder));
        }
    }
    let Some(path) = env::args().nth(1).or_else(|| {
        let staging = env::var_os("TRUNK_STAGING_DIR")?;
        Some(Path::new(&staging).join("index.html").display().to_string())
    }) else {
        fail("usage: prerender <path to the built index.html> (or run it as Trunk's post_build hook)");
    };
    let page = fs::read_to_string(&path).unwrap_or_else(|error| fail(&format!("{path}: {error}")));
    let Some(page) = publish::replace_head(&page, &publish::head(None, Parts::ALL)) else {
        fail(&format!(
            "{path}: no <title> to put the link preview tags after"
        ));
    };
    let Some(at) = end_of(&page, ROOT_OPEN) else {
        fail(&format!("{path}: no {ROOT_OPEN} to render into"));
    };
    if !page[at..].starts_with("</div>") {
        fail(&format!(
            "{path}: {} is not empty; was it prerendered already?",
            ROOT_OPEN
        ));
    }
    let Some(html_close) = end_of(&page, HTML_OPEN).map(|end| end - 1) else {
        fail(&format!(
            "{path}: no {} to name the translations on",
            HTML_OPEN
        ));
    };
    let app = render(State::default());
    let codes: Vec<&str> = TRANSLATIONS.iter().map(|(code, _)| *code).collect();
    let root_start = page[..at].rfind('<').unwrap_or(at);
    // Shown by boot.js instead of the page when the address asks for another state and the
    // app cannot start to draw it.
    let note = format!(
        r#"<p class="unstarted-note">{}</p>"#,
        text(Text::AppNotStarted.get())
    );
    let drawn_in = |changes_attribute: &str| {
        format!(
            r#"{} data-translations="{}" {}{changes_attribute}{}{note}{}{app}{}"#,
            &page[..html_close],
            codes.join(" "),
            drawn_pages::drawn_attribute(&State::default()),
            &page[html_close..root_start],
            &page[root_start..at],
            &page[at..]
        )
    };
    let dist = Path::new(&path).parent().unwrap_or(Path::new("."));
    let changes_folder = write_changes(dist, &app);
    let rendered = drawn_in(&format!(r#" data-changes="{changes_folder}""#));
    let folder = dist.join("lang");
    fs::create_dir_all(&folder)
        .unwrap_or_else(|error| fail(&format!("{}: {error}", folder.display())));
    for (code, pack) in TRANSLATIONS {
        let file = folder.join(format!("{code}.bin"));
        fs::write(&file, pack)
            .unwrap_or_else(|error| fail(&format!("{}: {error}", file.display())));
    }
    fs::write(&path, &rendered).unwrap_or_else(|error| fail(&format!("{path}: {error}")));
    println!("prerender: wrote {} bytes of HTML into {path}", app.len());
    // A drawn embed is redrawn by no changes: they are the widget page's.
    write_drawn_pages(dist, &drawn_in(""));
    fill_in(
        &dist.join("embed.js"),
        "part heights and drawn embeds",
        embed_script::with_tables,
    );
    fill_in(&dist.join("boot.js"), "plans", boot_script::with_plans);
}

fn render(drawn: State) -> String {
    let props = AppProps {
        drawn,
        ..AppProps::default()
    };
    futures::executor::block_on(LocalServerRenderer::<two_hats::App>::with_props(props).render())
}

/// Each drawn embed (`core::drawn`) as a page of its own, from the widget's prerendered `page`.
fn write_drawn_pages(dist: &Path, page: &str) {
    let mut count = 0;
    for state in drawn::states() {
        let Some(address) = drawn::address(&state) else {
            fail(&format!("{state:?} is drawn but has no address"));
        };
        let Some(drawn_page) = drawn_pages::page(page, &state, &render(state)) else {
            fail("the prerendered page lacks the marks a drawn page is made from");
        };
        let folder = dist.join(&address);
        fs::create_dir_all(&folder)
            .unwrap_or_else(|error| fail(&format!("{}: {error}", folder.display())));
        let file = folder.join("index.html");
        fs::write(&file, drawn_page)
            .unwrap_or_else(|error| fail(&format!("{}: {error}", file.display())));
        count += 1;
    }
    println!(
        "prerender: drew {count} embeds as pages of their own in {}/",
        drawn::FOLDER
    );
}

/// The widget's page redrawn in each state of `drawn::page_states` as the changes to `app`,
/// its default, in a folder named for this release (`changes::folder`); returns that folder.
fn write_changes(dist: &Path, app: &str) -> String {
    let files: Vec<(String, String)> = drawn::page_states()
        .map(|state| {
            let Some(list) = changes::between(app, &render(state)) else {
                fail(&format!(
                    "{state:?}: the rendered page is not markup changes can be read from"
                ));
            };
            (drawn::changes_name(&state), list)
        })
        .collect();
    let name = changes::folder(app, &files);
    let top = dist.join(drawn::CHANGES_FOLDER);
    // Only this release's changes: an earlier build's folder would go out with the release.
    if top.exists() {
        fs::remove_dir_all(&top)
            .unwrap_or_else(|error| fail(&format!("{}: {error}", top.display())));
    }
    let folder = dist.join(&name);
    fs::create_dir_all(&folder)
        .unwrap_or_else(|error| fail(&format!("{}: {error}", folder.display())));
    for (file_name, list) in &files {
        let file = folder.join(file_name);
        fs::write(&file, list)
            .unwrap_or_else(|error| fail(&format!("{}: {error}", file.display())));
    }
    println!(
        "prerender: the page redrawn in {} states as changes in {name}",
        files.len()
    );
    name
}

/// Fills in the table the script at `path` holds until the build writes `what` into it.
fn fill_in(path: &Path, what: &str, fill: fn(&str) -> Option<String>) {
    let source = fs::read_to_string(path)
        .unwrap_or_else(|error| fail(&format!("{}: {error}", path.display())));
    let Some(filled) = fill(&source) else {
        fail(&format!("{}: no {what} to fill in", path.display()));
    };
    fs::write(path, filled).unwrap_or_else(|error| fail(&format!("{}: {error}", path.display())));
}

/// Readies the built `folder` for `public_url`: discovery in its page (replacing any from an
/// earlier address), the oEmbed responses, whole and per part, and each part's own address.
fn publish_into(folder: &Path, public_url: &str) {
    let Some(public_url) = publish::normalise(public_url) else {
        fail(&format!(
            "{public_url:?} is not an absolute http(s) address without a query"
        ));
    };
    let index = folder.join("index.html");
    let page = fs::read_to_string(&index)
        .unwrap_or_else(|error| fail(&format!("{}: {error}", index.display())));
    let page = publish::without_discovery_link(&page);
    let Some(page) = publish::replace_head(&page, &publish::head(Some(&public_url), Parts::ALL))
    else {
        fail(&format!(
            "{}: no <title> to put the link preview tags after",
            index.display()
        ));
    };
    let Some(title) = page.find("<title>") else {
        fail(&format!(
            "{}: no <title> to put the oEmbed link before",
            index.display()
        ));
    };
    let page = format!(
        "{}{}{}",
        &page[..title],
        publish::discovery_link(&public_url, Parts::ALL),
        &page[title..]
    );
    fs::write(&index, page).unwrap_or_else(|error| fail(&format!("{}: {error}", index.display())));
    write_published(folder, &public_url);
    publish_drawn(folder, &public_url);
    println!("prerender: oEmbed discovery and an address for each part at {public_url}");
}

/// Each drawn embed's page gets its discovery link and link preview tags, and its response:
/// pasted as it is, its address shows in WordPress in the state it is drawn in.
fn publish_drawn(folder: &Path, public_url: &str) {
    for state in drawn::states() {
        let Some(address) = drawn::address(&state) else {
            continue;
        };
        let file = folder.join(&address).join("index.html");
        let page = fs::read_to_string(&file)
            .unwrap_or_else(|error| fail(&format!("{}: {error}", file.display())));
        let head = publish::head(Some(public_url), state.view);
        let Some(page) = publish::replace_head(&publish::without_discovery_link(&page), &head)
        else {
            fail(&format!(
                "{}: no <title> to put the preview tags after",
                file.display()
            ));
        };
        let title = page.find("<title>").unwrap_or(0);
        let linked = format!(
            "{}{}{}",
            &page[..title],
            publish::drawn_discovery_link(public_url, &address, state.view),
            &page[title..]
        );
        fs::write(&file, linked)
            .unwrap_or_else(|error| fail(&format!("{}: {error}", file.display())));
        let response = folder
            .join("oembed")
            .join(format!("{}.json", publish::drawn_response_name(&address)));
        fs::write(
            &response,
            publish::drawn_oembed_response(public_url, &state),
        )
        .unwrap_or_else(|error| fail(&format!("{}: {error}", response.display())));
    }
}

/// The oEmbed responses, whole and per part, and the page at each part's own address.
fn write_published(dist: &Path, public_url: &str) {
    let write = |file: &Path, text: String| {
        if let Some(folder) = file.parent() {
            fs::create_dir_all(folder)
                .unwrap_or_else(|error| fail(&format!("{}: {error}", folder.display())));
        }
        fs::write(file, text).unwrap_or_else(|error| fail(&format!("{}: {error}", file.display())));
    };
    let views = Part::ALL
        .into_iter()
        .filter_map(|part| Parts::of(&[part]))
        .chain([Parts::ALL]);
    for view in views {
        let name = preview::slug(view);
        write(
            &dist.join("oembed").join(format!("{name}.json")),
            publish::oembed_response(public_url, view),
        );
    }
    for part in Part::ALL {
        write(
            &dist.join(part.slug()).join("index.html"),
            publish::part_page(public_url, part),
        );
    }
}

/// Each preview card's page, `<slug>.html`, and the PNG text chunk that will carry its
/// fingerprint, `<slug>.chunk`, with the stylesheets they share.
fn write_preview_cards(folder: &Path) {
    let write = |name: String, text: &str| {
        let file = folder.join(name);
        fs::write(&file, text)
            .unwrap_or_else(|error| fail(&format!("{}: {error}", file.display())));
    };
    fs::create_dir_all(folder)
        .unwrap_or_else(|error| fail(&format!("{}: {error}", folder.display())));
    for (name, stylesheet) in preview::STYLESHEETS {
        write(name.into(), stylesheet);
    }
    for card in preview::cards() {
        write(format!("{}.html", card.slug), &card.document());
        write(format!("{}.chunk", card.slug), &card.text_chunk());
    }
}

/// Where the first `tag` in `page` ends.
fn end_of(page: &str, tag: &str) -> Option<usize> {
    page.find(tag).map(|start| start + tag.len())
}

fn fail(message: &str) -> ! {
    eprintln!("prerender: {message}");
    process::exit(1);
}
