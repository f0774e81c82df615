//! What a release built for a known public address adds, so that a blog engine that is given
//! only a link (WordPress's embed block, a pasted address on its own line) embeds the widget:
//! oEmbed discovery on every page, a static oEmbed response per part, and an address of its
//! own for each part. Pure text; `src/bin/prerender.rs` writes it into dist/.

use super::content::Text;
use super::share::page_link;
use super::state::{Part, Parts, State};

/// The folder each part's own address lives in, and its oEmbed response's name. The whole
/// widget's response is `oembed/all.json`.
pub fn slug(view: Parts) -> &'static str {
    match view.iter().collect::<Vec<_>>()[..] {
        [part] if view != Parts::ALL => part.slug(),
        _ => "all",
    }
}

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
        [part] if view != Parts::ALL => format!("Two Hats: {}", part.name()),
        _ => Text::PageTitle.get().to_owned(),
    }
}

/// The `<link>` that tells an oEmbed consumer where the response for this page is.
pub fn discovery_link(public_url: &str, view: Parts) -> String {
    format!(
        r#"<link rel="alternate" type="application/json+oembed" href="{}oembed/{}.json" title="{}">"#,
        attribute(public_url),
        slug(view),
        attribute(&title(view))
    )
}

/// A static oEmbed response of type `rich` for `view`. Its `html` is what WordPress keeps of
/// an unknown provider: a blockquote with a link, then one iframe with only the attributes it
/// allows, at the part's typical height for the width it names. The frame may scroll:
/// WordPress never makes one taller than 1,000 px, and the matrix, say, is taller.
pub fn oembed_response(public_url: &str, view: Parts) -> String {
    const WIDTH: u32 = 720;
    let state = State {
        view,
        ..State::default()
    };
    let page = page_link(public_url, &state);
    let frame = format!("{page}&embed=1");
    let height = view.typical_embed_height();
    let title = title(view);
    let html = format!(
        r#"<blockquote class="wp-embedded-content"><a href="{}">{}</a></blockquote><iframe src="{}" width="{WIDTH}" height="{height}" title="{}" frameborder="0" marginwidth="0" marginheight="0"></iframe>"#,
        attribute(&page),
        text(&title),
        attribute(&frame),
        attribute(Text::FrameTitle.get()),
    );
    format!(
        r#"{{"version":"1.0","type":"rich","title":{},"provider_name":"Two Hats","provider_url":{},"html":{},"width":{WIDTH},"height":{height}}}"#,
        json(&title),
        json(public_url),
        json(&html)
    )
}

/// The page at a part's own address (`<public-url>/team/`): its discovery link for oEmbed
/// consumers, and for a reader, straight on to the widget showing that part.
pub fn part_page(public_url: &str, part: Part) -> String {
    let view = Parts::of(&[part]).unwrap_or(Parts::ALL);
    let state = State {
        view,
        ..State::default()
    };
    let page = page_link(public_url, &state);
    let relative = page_link("../", &state);
    let title = title(view);
    format!(
        r#"<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{}</title><link rel="icon" href="data:,"><link rel="canonical" href="{}">{}<meta http-equiv="refresh" content="0; url={}"></head><body><p><a href="{}">{}</a></p></body></html>
"#,
        text(&title),
        attribute(&page),
        discovery_link(public_url, view),
        attribute(&relative),
        attribute(&relative),
        text(&title),
        lang = super::content::CONTENT.language.code,
    )
}

fn text(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn attribute(value: &str) -> String {
    text(value).replace('"', "&quot;")
}

fn json(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for character in value.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            control if u32::from(control) < 0x20 => {
                out.push_str(&format!("\\u{:04x}", u32::from(control)))
            }
            other => out.push(other),
        }
    }
    out.push('"');
    out
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
        assert!(response.contains(r#"<iframe src=\"https://example.org/two-hats/?team=5&amp;view=team&amp;embed=1\" width=\"720\" height=\"590\""#), "{response}");
        assert!(response.contains(r#"<blockquote class=\"wp-embedded-content\"><a href=\"https://example.org/two-hats/?team=5&amp;view=team\">"#), "{response}");
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
        assert!(page.contains(
            r#"<link rel="canonical" href="https://example.org/two-hats/?team=5&amp;view=quiz">"#
        ));
        assert!(page
            .contains(r#"<meta http-equiv="refresh" content="0; url=../?team=5&amp;view=quiz">"#));
        assert_eq!(slug(Parts::of(&[Part::Quiz]).unwrap()), "quiz");
        assert_eq!(slug(Parts::ALL), "all");
    }

    #[test]
    fn json_strings_escape_what_they_must() {
        assert_eq!(json("a\"b\\c\nd\u{1}"), r#""a\"b\\c\nd\u0001""#);
    }
}
