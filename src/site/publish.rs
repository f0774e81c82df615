//! What a release built for a known public address adds, so that a blog engine that is given
//! only a link (WordPress's embed block, a pasted address on its own line) embeds the widget:
//! oEmbed discovery on every page, a static oEmbed response per part, and an address of its
//! own for each part; and the tags a link preview is built from (Open Graph and Twitter's
//! card), on every page. Pure text; `src/bin/prerender.rs` writes it into dist/.

use super::preview::{self, slug};
use crate::core::content::{Text, CONTENT};
use crate::core::html::{attribute, text};
use crate::core::share::{embed_link, page_link};
use crate::core::state::{Part, Parts, State};

/// The public address as given, with exactly one trailing slash; `None` unless it is an
/// absolute http(s) address without a query or fragment.
pub fn normalise(public_url: &str) -> Option<String> {
    let url = public_url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split('/').next().unwrap_or_default();
    let plain = !host.is_empty()
        && !url.contains(['?', '#', '"', '\'', '<', '>', '&', '\\'])
        && !url.chars().any(|c| c.is_whitespace() || c.is_control());
    plain.then(|| format!("{}/", url.trim_end_matches('/')))
}

/// The title a page or an embed of `view` goes by: the widget's name, and the part's.
pub fn title(view: Parts) -> String {
    match view.iter().collect::<Vec<_>>()[..] {
        [part] if view != Parts::ALL => Text::PartTitle.fill(&[("part", &part.name())]),
        _ => Text::PageTitle.get().to_owned(),
    }
}

/// What a link preview says of `view`: the page's description, or the part's.
pub fn description(view: Parts) -> &'static str {
    match view.iter().collect::<Vec<_>>()[..] {
        [part] if view != Parts::ALL => match part {
            Part::Team => Text::PreviewTeam,
            Part::Matrix => Text::PreviewMatrix,
            Part::Compare => Text::PreviewCompare,
            Part::Check => Text::PreviewCheck,
            Part::Situations => Text::PreviewSituations,
            Part::Quiz => Text::PreviewQuiz,
            Part::Facts => Text::PreviewFacts,
        },
        _ => Text::PageDescription,
    }
    .get()
}

/// The address a link preview of `view` points at: the widget's, or the part's own.
fn preview_address(public_url: &str, view: Parts) -> String {
    match slug(view) {
        "all" => public_url.to_owned(),
        part => format!("{public_url}{part}/"),
    }
}

/// The page's `<title>` and the tags a platform builds its link preview from. Those that need
/// an absolute address (the page's own and its image, which Open Graph requires absolute) come
/// only with a public address; without one a preview shows the title and description alone.
pub fn head(public_url: Option<&str>, view: Parts) -> String {
    let title = attribute(&title(view));
    let description = attribute(description(view));
    let mut head = format!(
        r#"<title>{title}</title><meta name="description" content="{description}"><meta property="og:type" content="website"><meta property="og:title" content="{title}"><meta property="og:description" content="{description}">"#
    );
    if let Some(public_url) = public_url {
        let card = preview::card(view);
        head.push_str(&format!(
            r#"<meta property="og:url" content="{}"><meta property="og:image" content="{}previews/{}.png"><meta property="og:image:type" content="image/png"><meta property="og:image:width" content="{}"><meta property="og:image:height" content="{}"><meta property="og:image:alt" content="{}"><meta name="twitter:card" content="summary_large_image">"#,
            attribute(&preview_address(public_url, view)),
            attribute(public_url),
            card.slug,
            preview::WIDTH,
            preview::HEIGHT,
            attribute(&card.alt),
        ));
    }
    head
}

/// `page` with its `<title>` replaced by `head`, and every preview tag `head` writes removed
/// from wherever an earlier run put it; `None` if the page has no title or a tag is not closed.
pub fn replace_head(page: &str, head: &str) -> Option<String> {
    const WRITTEN: [&str; 3] = [
        r#"<meta name="description""#,
        r#"<meta property="og:"#,
        r#"<meta name="twitter:"#,
    ];
    let mut page = page.to_owned();
    while let Some(start) = WRITTEN.iter().filter_map(|tag| page.find(tag)).min() {
        let end = start + page[start..].find('>')? + 1;
        page.replace_range(start..end, "");
    }
    let start = page.find("<title>")?;
    let end = start + page[start..].find("</title>")? + "</title>".len();
    page.replace_range(start..end, head);
    Some(page)
}

/// The `<link>` that tells an oEmbed consumer where the response for this page is.
pub fn discovery_link(public_url: &str, view: Parts) -> String {
    linked_response(public_url, slug(view), view)
}

/// The discovery link of a drawn embed's page (`core::drawn`), whose address an author may
/// paste as it is: its response frames that page, in the author's state.
pub fn drawn_discovery_link(public_url: &str, address: &str, view: Parts) -> String {
    linked_response(public_url, &drawn_response_name(address), view)
}

/// The name of a drawn embed's oEmbed response, `oembed/<name>.json`: its address as one word.
pub fn drawn_response_name(address: &str) -> String {
    address.trim_end_matches('/').replace('/', "-")
}

/// `page` without a discovery link, such as an earlier run or the widget's page put there.
pub fn without_discovery_link(page: &str) -> String {
    const DISCOVERY_LINK: &str = r#"<link rel="alternate" type="application/json+oembed""#;
    match page.find(DISCOVERY_LINK) {
        Some(start) => {
            let end = start + page[start..].find('>').map_or(0, |end| end + 1);
            format!("{}{}", &page[..start], &page[end..])
        }
        None => page.to_owned(),
    }
}

fn linked_response(public_url: &str, name: &str, view: Parts) -> String {
    format!(
        r#"<link rel="alternate" type="application/json+oembed" href="{}oembed/{name}.json" title="{}">"#,
        attribute(public_url),
        attribute(&title(view))
    )
}

/// A static oEmbed response of type `rich` for `view`. Its `html` is what WordPress keeps of
/// an unknown provider: a blockquote with a link, then one iframe with only the attributes it
/// allows, at the part's typical height for the width it names. The frame may scroll:
/// WordPress never makes one taller than 1,000 px, and the matrix, say, is taller.
pub fn oembed_response(public_url: &str, view: Parts) -> String {
    let state = State {
        view,
        ..State::default()
    };
    response_framing(public_url, &state)
}

/// The oEmbed response of a drawn embed: like a part's, for the state it is drawn in.
pub fn drawn_oembed_response(public_url: &str, drawn: &State) -> String {
    response_framing(public_url, drawn)
}

fn response_framing(public_url: &str, state: &State) -> String {
    const WIDTH: u32 = 720;
    let view = state.view;
    let page = page_link(public_url, state);
    // A part's drawn page, which arrives drawn: WordPress shows it before any code runs.
    let frame = embed_link(public_url, state);
    let height = view.typical_embed_height();
    let title = title(view);
    let html = format!(
        r#"<blockquote class="wp-embedded-content"><a href="{}">{}</a></blockquote><iframe src="{}" width="{WIDTH}" height="{height}" title="{}" frameborder="0" marginwidth="0" marginheight="0"></iframe>"#,
        attribute(&page),
        text(&title),
        attribute(&frame),
        attribute(Text::FrameTitle.get()),
    );
    serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "title": title,
        "provider_name": "Two Hats",
        "provider_url": public_url,
        "html": html,
        "width": WIDTH,
        "height": height,
    })
    .to_string()
}

/// The page at a part's own address (`<public-url>/team/`): its discovery link for oEmbed
/// consumers, and for a reader, straight on to the widget showing that part. It names itself
/// as canonical, as its Open Graph address does: the widget's page it sends readers on to
/// describes the whole widget, not the part.
pub fn part_page(public_url: &str, part: Part) -> String {
    let view = Parts::of(&[part]).unwrap_or(Parts::ALL);
    let state = State {
        view,
        ..State::default()
    };
    let relative = page_link("../", &state);
    let title = title(view);
    format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8">{}<link rel="icon" href="data:,"><link rel="canonical" href="{}">{}<meta http-equiv="refresh" content="0; url={}"></head><body><p><a href="{}">{}</a></p></body></html>
"#,
        head(Some(public_url), view),
        attribute(&preview_address(public_url, view)),
        discovery_link(public_url, view),
        attribute(&relative),
        attribute(&relative),
        text(&title),
        lang = CONTENT.language.code,
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const PUBLIC: &str = "https://example.org/two-hats/";

    fn team() -> Parts {
        Parts::of(&[Part::Team]).unwrap()
    }

    #[test]
    fn a_public_address_is_absolute_and_ends_in_one_slash() {
        assert_eq!(
            normalise("https://example.org/two-hats").as_deref(),
            Some(PUBLIC)
        );
        assert_eq!(
            normalise("http://127.0.0.1:8080//").as_deref(),
            Some("http://127.0.0.1:8080/")
        );
        for bad in [
            "",
            "/two-hats/",
            "example.org",
            "ftp://example.org/",
            "https:///x",
            "https://e.org/?a=1",
            "https://e.org/\"x",
        ] {
            assert_eq!(normalise(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_oembed_response_is_rich_with_absolute_addresses_and_the_parts_height() {
        let response = oembed_response(PUBLIC, team());
        for field in [
            r#""version":"1.0""#,
            r#""type":"rich""#,
            r#""title":"Two Hats: How big is the team?""#,
            r#""provider_name":"Two Hats""#,
            r#""provider_url":"https://example.org/two-hats/""#,
            r#""width":720"#,
            r#""height":590"#,
        ] {
            assert!(response.contains(field), "{field} in {response}");
        }
        assert!(response.contains(r#"<iframe src=\"https://example.org/two-hats/embed/team/\" width=\"720\" height=\"590\""#), "{response}");
        assert!(response.contains(r#"<blockquote class=\"wp-embedded-content\"><a href=\"https://example.org/two-hats/?team=5&amp;view=team\">"#), "{response}");
    }

    #[test]
    fn a_drawn_embed_has_a_response_of_its_own_that_frames_it() {
        let state = crate::core::url::parse("team=12&new=1&view=team&embed=1");
        let address = crate::core::drawn::address(&state).unwrap();
        assert_eq!(drawn_response_name(&address), "embed-team-12-new");
        assert!(drawn_discovery_link(PUBLIC, &address, state.view)
            .contains(r#"href="https://example.org/two-hats/oembed/embed-team-12-new.json""#));
        let response: serde_json::Value =
            serde_json::from_str(&drawn_oembed_response(PUBLIC, &state)).unwrap();
        let html = response["html"].as_str().unwrap();
        assert!(
            html.contains(r#"<iframe src="https://example.org/two-hats/embed/team-12-new/""#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<a href="https://example.org/two-hats/?team=12&amp;new=1&amp;view=team">"#
            ),
            "{html}"
        );
        assert_eq!(response["height"], team().typical_embed_height());
    }

    #[test]
    fn the_frame_carries_only_what_wordpress_keeps() {
        let response = oembed_response(PUBLIC, Parts::ALL);
        let start = response.find("<iframe").unwrap();
        let iframe = &response[start..response[start..].find('>').unwrap() + start];
        let attributes: Vec<&str> = iframe
            .split(' ')
            .skip(1)
            .filter_map(|pair| pair.split_once('=').map(|(name, _)| name))
            .collect();
        assert_eq!(
            attributes,
            [
                "src",
                "width",
                "height",
                "title",
                "frameborder",
                "marginwidth",
                "marginheight",
            ]
        );
        assert!(response.contains(r#""title":"Two Hats: Tech Lead or Engineering Manager?""#));
    }

    #[test]
    fn each_part_has_an_address_that_discovers_its_response_and_moves_on_to_it() {
        let page = part_page(PUBLIC, Part::Quiz);
        assert!(page.contains(r#"<link rel="alternate" type="application/json+oembed" href="https://example.org/two-hats/oembed/quiz.json" title="Two Hats: Which hat fits you?">"#), "{page}");
        assert!(
            page.contains(r#"<link rel="canonical" href="https://example.org/two-hats/quiz/">"#)
        );
        assert!(page
            .contains(r#"<meta http-equiv="refresh" content="0; url=../?team=5&amp;view=quiz">"#));
        assert!(page
            .contains(r#"<meta property="og:url" content="https://example.org/two-hats/quiz/">"#));
        assert!(page.contains(
            r#"<meta property="og:image" content="https://example.org/two-hats/previews/quiz.png">"#
        ));
        assert_eq!(slug(Parts::of(&[Part::Quiz]).unwrap()), "quiz");
        assert_eq!(slug(Parts::ALL), "all");
    }

    #[test]
    fn previews_carry_absolute_addresses_and_the_image_only_with_a_public_address() {
        let local = head(None, Parts::ALL);
        assert!(local.starts_with("<title>Two Hats: Tech Lead or Engineering Manager?</title>"));
        assert!(local.contains(
            r#"<meta property="og:title" content="Two Hats: Tech Lead or Engineering Manager?">"#
        ));
        assert!(local.contains(r#"<meta property="og:type" content="website">"#));
        for absent in ["og:url", "og:image", "twitter:card"] {
            assert!(!local.contains(absent), "{absent} in {local}");
        }
        let published = head(Some(PUBLIC), team());
        for tag in [
            r#"<meta property="og:title" content="Two Hats: How big is the team?">"#,
            r#"<meta property="og:url" content="https://example.org/two-hats/team/">"#,
            r#"<meta property="og:image" content="https://example.org/two-hats/previews/team.png">"#,
            r#"<meta property="og:image:width" content="1200">"#,
            r#"<meta property="og:image:height" content="630">"#,
            r#"<meta property="og:image:alt" content="How big is the team? – 1–"#,
            r#"<meta name="twitter:card" content="summary_large_image">"#,
        ] {
            assert!(published.contains(tag), "{tag} in {published}");
        }
        assert!(head(Some(PUBLIC), Parts::ALL)
            .contains(r#"<meta property="og:url" content="https://example.org/two-hats/">"#));
    }

    #[test]
    fn each_part_is_described_in_its_own_words() {
        let mut descriptions: Vec<&str> = Part::ALL
            .into_iter()
            .filter_map(|part| Parts::of(&[part]))
            .chain([Parts::ALL])
            .map(description)
            .collect();
        descriptions.sort_unstable();
        descriptions.dedup();
        assert_eq!(descriptions.len(), Part::ALL.len() + 1);
        assert!(descriptions.iter().all(|text| text.len() > 40));
    }

    #[test]
    fn replacing_the_head_keeps_one_title_and_one_set_of_tags() {
        let page = r#"<html><head><meta charset="utf-8"><title>Two Hats</title><link rel="icon" href="data:,"></head></html>"#;
        let once = replace_head(page, &head(None, Parts::ALL)).unwrap();
        let twice = replace_head(&once, &head(Some(PUBLIC), Parts::ALL)).unwrap();
        assert_eq!(twice.matches("<title>").count(), 1);
        assert_eq!(twice.matches("og:title").count(), 1);
        assert_eq!(twice.matches(r#"name="description""#).count(), 1);
        assert!(twice.contains("og:image"));
        assert!(twice.starts_with(r#"<html><head><meta charset="utf-8"><title>"#));
        assert!(twice.ends_with(r#"<link rel="icon" href="data:,"></head></html>"#));
        assert_eq!(replace_head("<p>no title</p>", "x"), None);
        let scattered = r#"<meta name="description" content="old"><title>T</title><link rel="icon"><meta property="og:title" content="old">"#;
        let replaced = replace_head(scattered, &head(None, Parts::ALL)).unwrap();
        assert!(!replaced.contains("old"), "{replaced}");
        assert_eq!(replaced.matches("og:title").count(), 1);
        assert_eq!(
            replace_head(r#"<title>T</title><meta property="og:x""#, "x"),
            None
        );
    }

    #[test]
    fn the_oembed_response_is_json_a_parser_reads_back() {
        let response: serde_json::Value =
            serde_json::from_str(&oembed_response(PUBLIC, Parts::ALL)).unwrap();
        assert_eq!(response["type"], "rich");
        assert!(response["html"]
            .as_str()
            .unwrap()
            .starts_with("<blockquote"));
    }
}
