//! The drawn embeds (`core::drawn`) as pages: the prerendered widget page with another state
//! drawn into it, its head's title and description for its part, and a base address so that its
//! relative addresses (the stylesheets, the scripts, the translations) still reach the widget's
//! folder one level up.

use super::publish;
use crate::core::drawn;
use crate::core::html::attribute;
use crate::core::state::State;
use crate::core::url;

/// Where the app is drawn, as index.html writes it.
pub const ROOT_OPEN: &str = r#"<div id="two-hats">"#;
const ROOT_CLOSE: &str = "</div>";
const BODY_CLOSE: &str = "</body>";
const CHARSET: &str = "<meta charset";
const DRAWN_OPEN: &str = "data-drawn=\"";
/// The team check's stylesheet, which the widget's own page leaves to the check's code
/// (`browser::adopt_check_stylesheet`); a page drawn with the check needs it at once.
pub const CHECK_STYLESHEET: &str = "check.css";

/// The attribute on `<html>` naming the state the page is drawn in, as a query string.
pub fn drawn_attribute(state: &State) -> String {
    format!(r#"{DRAWN_OPEN}{}""#, attribute(&url::print(state)))
}

/// `template`, the widget's prerendered page, drawn as `state` with `app`, its rendered HTML,
/// for an address one folder below the widget's; `None` if the template lacks what it needs.
pub fn page(template: &str, state: &State, app: &str) -> Option<String> {
    let page = publish::replace_head(template, &publish::head(None, state.view))?;
    // The widget's discovery link points blog engines at the whole widget, not this page.
    let page = publish::without_discovery_link(&page);
    let start = page.find(ROOT_OPEN)? + ROOT_OPEN.len();
    let body_close = page.rfind(BODY_CLOSE)?;
    let end = page[..body_close].rfind(ROOT_CLOSE)?;
    let drawn_at = page.find(DRAWN_OPEN)?;
    let value_at = drawn_at + DRAWN_OPEN.len();
    let drawn_end = value_at + page[value_at..].find('"')? + 1;
    let charset = page.find(CHARSET)?;
    let head_start = charset + page[charset..].find('>')? + 1;
    let check_stylesheet = if drawn::check_drawn_ahead(state.view) {
        format!(r#"<link rel="stylesheet" href="{CHECK_STYLESHEET}">"#)
    } else {
        String::new()
    };
    (drawn_end <= head_start && head_start <= start).then(|| {
        format!(
            r#"{}{}{}<base href="../../">{check_stylesheet}{}{app}{}"#,
            &page[..drawn_at],
            drawn_attribute(state),
            &page[drawn_end..head_start],
            &page[head_start..start],
            &page[end..]
        )
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const TEMPLATE: &str = concat!(
        r#"<!doctype html><html lang="en" data-translations="de" data-drawn="team=5"><head>"#,
        r#"<meta charset="utf-8" /><title>Two Hats</title><link href="assets/base-1.css" rel="stylesheet">"#,
        r#"</head><body><div id="two-hats"><div class="two-hats">whole page</div></div></body></html>"#
    );

    #[test]
    fn a_drawn_page_names_its_state_reaches_its_assets_and_holds_only_its_app() {
        let state = drawn::states().find(|state| state.team == 7).unwrap();
        let page = page(TEMPLATE, &state, "<p>seven</p>").unwrap();
        assert!(
            page.contains(r#"data-drawn="team=7&amp;view=team&amp;embed=1""#),
            "{page}"
        );
        assert!(
            page.contains(r#"<meta charset="utf-8" /><base href="../../">"#),
            "{page}"
        );
        assert!(
            page.contains(r#"<div id="two-hats"><p>seven</p></div></body>"#),
            "{page}"
        );
        assert!(!page.contains("whole page"));
        assert_eq!(page.matches("<title>").count(), 1);
        assert!(page.contains(r#"href="assets/base-1.css""#));
    }

    #[test]
    fn only_the_checks_drawn_page_links_its_stylesheet() {
        for state in drawn::states() {
            let page = page(TEMPLATE, &state, "<p>part</p>").unwrap();
            let linked = page.contains(r#"<link rel="stylesheet" href="check.css">"#);
            assert_eq!(linked, drawn::check_drawn_ahead(state.view), "{state:?}");
        }
        assert!(drawn::states().any(|state| drawn::check_drawn_ahead(state.view)));
    }

    #[test]
    fn a_template_without_its_marks_gives_no_page() {
        let state = State::default();
        assert_eq!(page("<html><body></body></html>", &state, "x"), None);
        let undrawn = TEMPLATE.replace(r#" data-drawn="team=5""#, "");
        assert_eq!(page(&undrawn, &state, "x"), None);
    }
}
