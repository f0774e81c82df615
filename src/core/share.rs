//! What the Share controls hand out: a link to the current state and the two embed snippets.

use super::check::{fragment, TeamAnswers};
use super::content::Text;
use super::drawn;
use super::html::attribute;
use super::language::LanguageId;
use super::state::State;
use super::url;

/// The folder a page URL lives in, where `embed.js` sits beside `index.html`.
pub fn folder_of(page_url: &str) -> &str {
    let without_query = page_url.split(['?', '#']).next().unwrap_or(page_url);
    match without_query.rfind('/') {
        Some(slash) => &without_query[..=slash],
        None => without_query,
    }
}

/// A link that reopens `state` as a full page (never in embed mode).
pub fn page_link(page_url: &str, state: &State) -> String {
    let page = State {
        embed: false,
        ..*state
    };
    with_answers(
        format!("{}?{}", folder_of(page_url), url::print(&page)),
        state,
    )
}

/// `link` with the team check's answers as its fragment, if there are any.
fn with_answers(link: String, state: &State) -> String {
    match fragment::print(&state.check) {
        answers if answers.is_empty() => link,
        answers => format!("{link}#{answers}"),
    }
}

/// This page in `language`, with the state on screen: what the language menu links to.
pub fn language_link(state: &State, language: LanguageId) -> String {
    let page = State {
        language: Some(language),
        ..*state
    };
    with_answers(format!("?{}", url::print(&page)), state)
}

/// The compact embed-mode page for `state`: what a platform that only takes a link frames.
/// The release's drawn page when it has one, which arrives drawn; else the query.
pub fn embed_link(page_url: &str, state: &State) -> String {
    let embedded = State {
        embed: true,
        check: TeamAnswers::default(),
        ..*state
    };
    let link = match drawn::embed_address(&embedded) {
        Some(address) => format!("{}{address}", folder_of(page_url)),
        None => format!("{}?{}", folder_of(page_url), url::print(&embedded)),
    };
    with_answers(link, state)
}

/// An iframe that shows `state` in embed mode; `embed.js` on the host page sizes it. It starts
/// at `height`, the widget's height as the author sees it, so the host page barely moves.
pub fn iframe_snippet(page_url: &str, state: &State, height: u32) -> String {
    titled_iframe(page_url, state, height, Text::FrameTitle.get())
}

fn titled_iframe(page_url: &str, state: &State, height: u32, title: &str) -> String {
    format!(
        "<iframe data-twohats src=\"{}\" title=\"{}\" loading=\"lazy\" \
         width=\"100%\" height=\"{height}\" frameborder=\"0\"></iframe>\n{}",
        attribute(&embed_link(page_url, state)),
        attribute(title),
        script_tag(folder_of(page_url)),
    )
}

/// A placeholder that `embed.js` turns into the auto-sized iframe, configured by data attributes
/// and starting at `height`.
pub fn div_snippet(page_url: &str, state: &State, height: u32) -> String {
    titled_div(page_url, state, height, Text::FrameTitle.get())
}

fn titled_div(page_url: &str, state: &State, height: u32, title: &str) -> String {
    let page = State {
        embed: false,
        ..*state
    };
    let attributes: String = url::params(&page)
        .into_iter()
        .map(|(key, value)| format!(" data-{key}=\"{value}\""))
        .chain(
            Some(fragment::print(&state.check))
                .filter(|answers| !answers.is_empty())
                .map(|answers| format!(" data-answers=\"{}\"", attribute(&answers))),
        )
        .chain([
            format!(" data-title=\"{}\"", attribute(title)),
            format!(" data-height=\"{height}\""),
        ])
        .collect();
    format!(
        "<div data-twohats{attributes}></div>\n{}",
        script_tag(folder_of(page_url))
    )
}

fn script_tag(folder: &str) -> String {
    format!(
        "<script src=\"{}embed.js\" async></script>",
        attribute(folder)
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::content::RoleKey;
    use crate::core::state::{Part, Parts, RoleSet};

    const PAGE: &str = "https://example.org/widgets/two-hats/index.html?team=3#matrix";

    /// An organisation's own content may title its frames with any words.
    #[test]
    fn a_frame_title_with_markup_characters_stays_inside_its_attribute() {
        let title = r#"Acme & Co <handbook> "roles""#;
        let escaped = r#""Acme &amp; Co &lt;handbook&gt; &quot;roles&quot;""#;
        let iframe = titled_iframe(PAGE, &seven_tl_em(), 590, title);
        assert!(iframe.contains(&format!("title={escaped}")), "{iframe}");
        let div = titled_div(PAGE, &seven_tl_em(), 590, title);
        assert!(div.contains(&format!("data-title={escaped}")), "{div}");
        for snippet in [iframe, div] {
            assert!(
                !snippet.contains("<handbook>") && !snippet.contains(" & "),
                "{snippet}"
            );
        }
    }

    fn seven_tl_em() -> State {
        State {
            team: 7,
            roles: RoleSet::of(&[RoleKey::TechLead, RoleKey::EngineeringManager]).unwrap(),
            ..State::default()
        }
    }

    #[test]
    fn the_team_checks_answers_ride_in_every_link_and_snippet_as_a_fragment() {
        use crate::core::check::{Change, Lead};
        use crate::core::state::Action;
        let state = State {
            view: Parts::of(&[Part::Check]).unwrap(),
            ..State::default()
        }
        .apply(Action::Check(Change::Lead(Lead::One)))
        .apply(Action::Check(Change::Size(12)));
        let answers = "size=12&lead=one";
        assert_eq!(
            page_link(PAGE, &state),
            format!("https://example.org/widgets/two-hats/?team=5&view=check#{answers}")
        );
        assert_eq!(
            embed_link(PAGE, &state),
            format!("https://example.org/widgets/two-hats/embed/check/#{answers}")
        );
        assert!(language_link(&state, LanguageId::BUILT_IN).ends_with(&format!("#{answers}")));
        let div = div_snippet(PAGE, &state, 900);
        assert!(
            div.contains(r#" data-answers="size=12&amp;lead=one""#),
            "{div}"
        );
        assert!(!div.contains("data-size"), "{div}");
        let none = div_snippet(PAGE, &State::default(), 900);
        assert!(
            !none.contains("data-answers") && !page_link(PAGE, &State::default()).contains('#')
        );
    }

    #[test]
    fn the_folder_drops_file_query_and_fragment() {
        assert_eq!(folder_of(PAGE), "https://example.org/widgets/two-hats/");
        assert_eq!(
            folder_of("http://127.0.0.1:8080/?team=4"),
            "http://127.0.0.1:8080/"
        );
    }

    #[test]
    fn the_page_link_reopens_the_state_outside_embed_mode() {
        let state = State {
            embed: true,
            ..seven_tl_em()
        };
        let link = page_link(PAGE, &state);
        assert_eq!(
            link,
            "https://example.org/widgets/two-hats/?team=7&roles=tl,em"
        );
        let query = link.split_once('?').unwrap().1;
        assert_eq!(url::parse(query), seven_tl_em());
    }

    #[test]
    fn the_language_link_keeps_the_state_and_names_the_language() {
        let german = LanguageId::from_code("de").expect("German is shipped");
        assert_eq!(
            language_link(&seven_tl_em(), german),
            "?team=7&roles=tl,em&lang=de"
        );
        let state = url::parse(&language_link(&seven_tl_em(), german));
        assert_eq!(state.language, Some(german));
        assert_eq!(state.team, 7);
    }

    #[test]
    fn the_embed_link_opens_embed_mode() {
        assert_eq!(
            embed_link(PAGE, &seven_tl_em()),
            "https://example.org/widgets/two-hats/?team=7&roles=tl,em&embed=1"
        );
    }

    #[test]
    fn the_embed_link_of_a_drawn_state_is_its_drawn_page() {
        let team = |team, new_team| State {
            team,
            new_team,
            view: Parts::of(&[Part::Team]).unwrap(),
            ..State::default()
        };
        assert_eq!(
            embed_link(PAGE, &team(7, true)),
            "https://example.org/widgets/two-hats/embed/team-7-new/"
        );
        assert_eq!(
            embed_link(PAGE, &team(5, false)),
            "https://example.org/widgets/two-hats/embed/team/"
        );
        let filtered = State {
            roles: seven_tl_em().roles,
            ..team(7, false)
        };
        assert_eq!(
            embed_link(PAGE, &filtered),
            "https://example.org/widgets/two-hats/?team=7&roles=tl,em&view=team&embed=1"
        );
    }

    #[test]
    fn the_iframe_snippet_embeds_the_state() {
        let snippet = iframe_snippet(PAGE, &seven_tl_em(), 8400);
        assert!(snippet.contains("height=\"8400\""));
        assert!(snippet.contains(
            "src=\"https://example.org/widgets/two-hats/?team=7&amp;roles=tl,em&amp;embed=1\""
        ));
        assert!(snippet.contains("loading=\"lazy\""));
        assert!(snippet.contains(&format!("title=\"{}\"", Text::FrameTitle.get())));
        assert!(snippet.ends_with(
            "<script src=\"https://example.org/widgets/two-hats/embed.js\" async></script>"
        ));
    }

    #[test]
    fn the_div_snippet_carries_the_state_as_data_attributes() {
        let snippet = div_snippet(PAGE, &seven_tl_em(), 8400);
        assert!(snippet.starts_with(
            "<div data-twohats data-team=\"7\" data-roles=\"tl,em\" data-title=\"Two Hats: Tech Lead vs Engineering Manager, interactive\" data-height=\"8400\"></div>\n"
        ));
        assert!(!snippet.contains("data-embed"));
    }
}
