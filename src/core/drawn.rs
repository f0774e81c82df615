//! The pages a release draws ahead, and when a page may show as it arrived.
//!
//! A page that arrives drawn in the state its address asks for can show at once, before any
//! of its code runs. So a release draws each part's embed, and the team part in every size and
//! modifier an author can pick, as pages of their own (`embed/team-7-new/`); the snippets, the
//! oEmbed frame and `embed.js` hand out those addresses. The widget's own page is drawn in
//! the same team states too, each as the changes that redraw its default (`page_states`), so
//! that a shared link to one paints as fast as the page. Any other state is a query, which the
//! app draws once it has started.

use super::content::CONTENT;
use super::language::LanguageId;
use super::state::{Part, Parts, State, Theme};
use super::url;

/// The folder of the drawn embeds, beside the widget's own page. Every drawn page sits one
/// folder below it, so its base address is `../../`.
pub const FOLDER: &str = "embed";

/// Where a release draws `state`, relative to the widget's folder, if it draws it.
pub fn address(state: &State) -> Option<String> {
    let part = single_part(state.view)?;
    let embedded = State {
        embed: true,
        view: state.view,
        ..State::default()
    };
    if *state == embedded {
        return Some(format!("{FOLDER}/{}/", part.slug()));
    }
    let team = State {
        team: state.team,
        new_team: state.new_team,
        lead_has_done_both: state.lead_has_done_both,
        ..embedded
    };
    (part == Part::Team && *state == team).then(|| {
        let new = if state.new_team { "-new" } else { "" };
        let both = if state.lead_has_done_both {
            "-both"
        } else {
            ""
        };
        format!("{FOLDER}/team-{}{new}{both}/", state.team)
    })
}

/// What `boot.js` applies itself, on `<html>`, before the first paint: the colour theme and
/// the transparency. A drawn page's address may add these to its state, and a masthead is the
/// same with any of them.
pub const BOOT_APPLIED: [&str; 2] = ["theme", "transparent"];

/// The state an address asks of a page drawn as `drawn`: without a query, the drawn state;
/// with one that sets only what `boot.js` applies itself (`BOOT_APPLIED`), the drawn state
/// with those; else the state the query describes.
pub fn asked(drawn: &State, query: &str) -> State {
    let described = url::parse(query);
    let only_boot_applied = query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .all(|pair| BOOT_APPLIED.contains(&pair.split('=').next().unwrap_or(pair)));
    if only_boot_applied {
        State {
            theme: described.theme,
            transparent: described.transparent,
            ..*drawn
        }
    } else {
        described
    }
}

/// Where an embed of `state` arrives drawn: its drawn page, with the query `boot.js` applies
/// (`BOOT_APPLIED`) when the state has any; `None` if no page is drawn in the rest of it.
pub fn embed_address(state: &State) -> Option<String> {
    let page = address(&State {
        theme: Theme::Auto,
        transparent: false,
        ..*state
    })?;
    let applied: Vec<String> = url::params(state)
        .into_iter()
        .filter(|(key, _)| BOOT_APPLIED.contains(key))
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    Some(if applied.is_empty() {
        page
    } else {
        format!("{page}?{}", applied.join("&"))
    })
}

/// Every state a release draws ahead: each part embedded, and the team part at every size,
/// new or not, its lead having done both jobs or not.
pub fn states() -> impl Iterator<Item = State> {
    let parts = Part::ALL.into_iter().filter(|part| *part != Part::Team);
    parts.map(embedded).chain(team_states(embedded(Part::Team)))
}

/// The states a release draws the widget's own page in as changes to its default: the team
/// part's, as for its embed, but the default. A shared link that sets only `CHANGE_KEYS`
/// names one of them or a state the app has to draw.
pub fn page_states() -> impl Iterator<Item = State> {
    team_states(State::default())
        .into_iter()
        .filter(|state| *state != State::default())
}

/// The parameters of the states in `page_states`, as `url::print` writes them: the size, then
/// the flags, each `=1` where it is set. `boot.js` fetches changes only for a query written so.
pub const CHANGE_KEYS: [&str; 3] = ["team", "new", "both"];

/// The folder of the changes, beside the widget's page; each release's in a folder of its own
/// below it, which the page names (`data-changes`), so that a page kept in a cache never
/// takes another release's changes.
pub const CHANGES_FOLDER: &str = "drawn";

/// The file, in the release's folder of changes, that redraws the widget's page as `state`:
/// the query that asks for it, which is all `boot.js` needs to find it.
pub fn changes_name(state: &State) -> String {
    format!("{}.json", url::print(state))
}

/// `base` at every team size, new or not, its lead having done both jobs or not.
fn team_states(base: State) -> Vec<State> {
    let mut states = Vec::new();
    for team in CONTENT.team_size.min..=CONTENT.team_size.max {
        for (new_team, lead_has_done_both) in
            [(false, false), (true, false), (false, true), (true, true)]
        {
            states.push(State {
                team,
                new_team,
                lead_has_done_both,
                ..base
            });
        }
    }
    states
}

fn embedded(part: Part) -> State {
    State {
        embed: true,
        view: Parts::of(&[part]).unwrap_or(Parts::ALL),
        ..State::default()
    }
}

/// Whether a page drawn showing `view` carries the team check's HTML: only where the check is
/// its one part, its embed. On a page of several parts the check is drawn once the later
/// parts' chunk is live, so that its HTML comes with its code and words, not with the first
/// view; it sits below the matrix and the comparison, far out of sight when that happens.
pub fn check_drawn_ahead(view: Parts) -> bool {
    single_part(view) == Some(Part::Check)
}

/// How far to scroll, once a part is drawn where the page had none, so that a reader already
/// past it still sees what they saw: as far as the page grew when the part begins above the
/// viewport (`part_top` < 0, from the viewport's top) and the browser has not kept their place
/// itself (scroll anchoring, which `scrolled` tells); else nothing.
pub fn keep_place(part_top: f64, grew_by: f64, scrolled: bool) -> f64 {
    if part_top < 0.0 && !scrolled {
        grew_by
    } else {
        0.0
    }
}

fn single_part(view: Parts) -> Option<Part> {
    let mut parts = view.iter();
    match (parts.next(), parts.next()) {
        (Some(part), None) => Some(part),
        _ => None,
    }
}

/// The parameters the masthead is drawn from, besides the language (`Known::language_differs`)
/// and what `boot.js` applies itself (`BOOT_APPLIED`): an embed's masthead is another, and a
/// page's own content file has no language menu. Where the address and the drawn state agree
/// on these, the masthead the page arrived with is the one the address asks for.
pub const MASTHEAD_KEYS: [&str; 2] = ["embed", "content"];

/// What `boot.js` knows before any of the app's code runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Known {
    /// The address asks for the state the page was drawn in (`asked`), but for what `boot.js`
    /// applies itself: it has no query (a drawn page at its own address, or the widget's page
    /// in its default state), one that sets only `BOOT_APPLIED`, or exactly the drawn one; and
    /// its fragment names no answers for the team check (`check::fragment::names_answers`).
    pub address_is_drawn: bool,
    /// The address and the drawn state agree on every one of `MASTHEAD_KEYS`.
    pub masthead_is_drawn: bool,
    /// The reader gets another language than the page is drawn in: the address names one, or
    /// names none and the browser prefers one the page is translated into. Only the app can
    /// load its words.
    pub language_differs: bool,
    /// The page names a folder of changes (only the widget's own page does), the fragment
    /// names no answers and the query is one `url::print` writes for a team state: a size in
    /// range and the flags of `CHANGE_KEYS`, in that order. That is a state of `page_states`,
    /// or the page's own, which `address_is_drawn` then says.
    pub changes_drawn: bool,
}

impl Known {
    /// In the order `boot.js` looks a plan up: `changes_drawn * 8 + address_is_drawn *
    /// 4 + masthead_is_drawn * 2 + language_differs`.
    pub const ALL: [Known; 16] = {
        let mut all = [Known::of(0); 16];
        let mut index = 0;
        while index < all.len() {
            all[index] = Known::of(index);
            index += 1;
        }
        all
    };

    const fn of(index: usize) -> Known {
        Known {
            changes_drawn: index & 8 != 0,
            address_is_drawn: index & 4 != 0,
            masthead_is_drawn: index & 2 != 0,
            language_differs: index & 1 != 0,
        }
    }
}

/// How much of the page shows before the app has started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Show {
    /// All of it, as it arrived.
    Page,
    /// Its masthead, whose words are the same in every state; the rest, drawn in another
    /// state than the address asks for, waits for the app.
    Masthead,
    /// Nothing: every word may change, as the reader gets another language.
    Nothing,
}

impl Show {
    /// As `boot.js` names it.
    pub fn slug(self) -> &'static str {
        match self {
            Show::Page => "page",
            Show::Masthead => "masthead",
            Show::Nothing => "nothing",
        }
    }
}

/// What `boot.js` does with a page before the app has started; the build writes the plan for
/// everything it can know into it (`site::boot_script`). A reader never sees a state or a
/// language other than the address's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plan {
    pub show: Show,
    /// The app's code waits until the reader reaches for the page (a pointer over it, a touch,
    /// a key, the focus); otherwise it loads at once. A page that is right as it arrived needs
    /// no code until then, so a reader who only reads downloads a static page.
    pub start_on_intent: bool,
    /// `boot.js` first fetches the changes that redraw the page in the address's state,
    /// showing nothing meanwhile, so that the first paint is the address's state and nothing
    /// changes after it. Once they are applied the page is drawn as the address asks, and that
    /// plan follows; should they not come, or the reader reach for the page first, the app
    /// starts.
    pub fetch_changes: bool,
}

pub fn plan(known: Known) -> Plan {
    let fetch_changes = known.changes_drawn && !known.address_is_drawn && !known.language_differs;
    let show = if known.language_differs || fetch_changes {
        Show::Nothing
    } else if known.address_is_drawn {
        Show::Page
    } else if known.masthead_is_drawn {
        Show::Masthead
    } else {
        Show::Nothing
    };
    Plan {
        show,
        start_on_intent: show == Show::Page || fetch_changes,
        fetch_changes,
    }
}

/// How the app starts on a page (`main.rs`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    /// The page names its own content file: it is fetched first, then the page is drawn
    /// afresh in its words, as the prerendered page shows the built-in ones.
    OwnContent(String),
    /// The reader gets another language: its words are fetched, then the page is drawn afresh.
    Translation(LanguageId),
    /// The page arrived prerendered in its words: the app adopts it as it is.
    Hydrate,
    /// Nothing was prerendered (a build without the prerender step): the app draws it.
    Render,
}

pub fn start(content_address: Option<String>, language: LanguageId, prerendered: bool) -> Start {
    match content_address {
        Some(address) => Start::OwnContent(address),
        None if language != LanguageId::BUILT_IN => Start::Translation(language),
        None if prerendered => Start::Hydrate,
        None => Start::Render,
    }
}

/// What the app knows of the later parts (`components::LaterParts`), whose code is a chunk of
/// its own, once it has started.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaterKnown {
    /// Their prerendered HTML is on the page: the page was not drawn afresh.
    pub prerendered: bool,
    /// The state differs from the drawn one where they draw it (`State::later_parts_view`).
    pub stale: bool,
    /// The page is hidden until the app has drawn what the address asks for.
    pub page_waiting: bool,
}

/// When the later parts' chunk loads, and whether a waiting page waits for it too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LaterPlan {
    /// Now; otherwise when the reader comes within a quarter screen of them or reaches for
    /// them (a pointer, the focus, a choice), as their prerendered HTML is right until then.
    pub fetch_now: bool,
    /// The page shows once they have arrived, as what it would show before is not the
    /// address's state.
    pub page_waits_for_them: bool,
}

pub fn later_parts_plan(known: LaterKnown) -> LaterPlan {
    let not_right = known.stale || !known.prerendered;
    LaterPlan {
        fetch_now: not_right,
        page_waits_for_them: not_right && known.page_waiting,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::url;

    #[test]
    fn the_check_is_drawn_ahead_in_its_embed_alone() {
        assert!(check_drawn_ahead(Parts::of(&[Part::Check]).unwrap()));
        assert!(!check_drawn_ahead(Parts::ALL));
        assert!(!check_drawn_ahead(
            Parts::of(&[Part::Check, Part::Matrix]).unwrap()
        ));
        for part in Part::ALL.into_iter().filter(|part| *part != Part::Check) {
            assert!(!check_drawn_ahead(Parts::of(&[part]).unwrap()), "{part:?}");
        }
    }

    #[test]
    fn a_reader_past_a_part_drawn_above_keeps_their_place_once() {
        assert_eq!(keep_place(-1200.0, 5600.0, false), 5600.0);
        assert_eq!(
            keep_place(-10.0, 5600.0, false),
            5600.0,
            "a part begun above them"
        );
        assert_eq!(
            keep_place(-1200.0, 5600.0, true),
            0.0,
            "the browser kept it"
        );
        assert_eq!(keep_place(0.0, 5600.0, false), 0.0, "drawn where they look");
        assert_eq!(keep_place(300.0, 5600.0, false), 0.0, "drawn below them");
    }

    #[test]
    fn every_drawn_state_has_an_address_of_its_own_one_folder_deep() {
        let addresses: Vec<String> = states().map(|state| address(&state).unwrap()).collect();
        let mut unique = addresses.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), addresses.len(), "two states share an address");
        assert_eq!(addresses.len(), Part::ALL.len() - 1 + 50 * 4);
        for address in &addresses {
            assert!(address.starts_with("embed/") && address.ends_with('/'));
            assert_eq!(address.matches('/').count(), 2, "{address}");
        }
    }

    #[test]
    fn the_addresses_an_author_meets() {
        let team = |query: &str| address(&url::parse(query));
        assert_eq!(team("view=team&embed=1").as_deref(), Some("embed/team/"));
        assert_eq!(
            team("team=7&view=team&embed=1").as_deref(),
            Some("embed/team-7/")
        );
        assert_eq!(
            team("team=12&new=1&both=1&view=team&embed=1").as_deref(),
            Some("embed/team-12-new-both/")
        );
        assert_eq!(
            team("view=matrix&embed=1").as_deref(),
            Some("embed/matrix/")
        );
    }

    #[test]
    fn a_drawn_page_asked_for_a_theme_or_transparency_keeps_its_state() {
        let drawn = url::parse("team=7&view=team&embed=1");
        let asked_for = |query| asked(&drawn, query);
        assert_eq!(asked_for(""), drawn);
        assert_eq!(
            asked_for("?theme=dark&transparent=1"),
            State {
                theme: Theme::Dark,
                transparent: true,
                ..drawn
            }
        );
        assert_eq!(
            asked_for("team=9"),
            url::parse("team=9"),
            "any other query says it all"
        );
        let dark = State {
            theme: Theme::Dark,
            transparent: true,
            ..drawn
        };
        assert_eq!(
            embed_address(&dark).as_deref(),
            Some("embed/team-7/?theme=dark&transparent=1")
        );
        assert_eq!(embed_address(&drawn).as_deref(), Some("embed/team-7/"));
        assert_eq!(
            embed_address(&State {
                roles: url::parse("roles=tl,em").roles,
                ..dark
            }),
            None
        );
        let page = embed_address(&dark).unwrap();
        let (_, query) = page.split_once('?').unwrap();
        assert_eq!(
            asked(&drawn, query),
            dark,
            "the address reads back as the state"
        );
    }

    #[test]
    fn a_state_the_release_does_not_draw_has_no_address() {
        for query in [
            "team=7&view=team",
            "team=7&embed=1",
            "team=7&view=team,matrix&embed=1",
            "team=7&view=matrix&embed=1",
            "team=7&view=team&embed=1&theme=dark",
            "team=7&view=team&embed=1&lang=de",
            "team=7&view=team&embed=1&hybrid_from=4",
            "view=matrix&roles=tl,em&embed=1",
        ] {
            assert_eq!(address(&url::parse(query)), None, "{query}");
        }
    }

    #[test]
    fn a_page_shows_and_waits_for_the_reader_only_when_it_arrived_as_the_address_asks() {
        for known in Known::ALL {
            let Plan {
                show,
                start_on_intent,
                fetch_changes,
            } = plan(known);
            let right = known.address_is_drawn && !known.language_differs;
            assert_eq!(show == Show::Page, right, "{known:?}");
            let redraw = known.changes_drawn && !right && !known.language_differs;
            let masthead = !known.address_is_drawn
                && known.masthead_is_drawn
                && !known.language_differs
                && !redraw;
            assert_eq!(show == Show::Masthead, masthead, "{known:?}");
            assert_eq!(fetch_changes, redraw, "{known:?}");
            assert_eq!(start_on_intent, right || redraw, "{known:?}");
        }
    }

    #[test]
    fn a_redrawn_page_shows_nothing_but_its_changes_applied_and_then_waits_for_the_reader() {
        let link = Known {
            address_is_drawn: false,
            masthead_is_drawn: true,
            language_differs: false,
            changes_drawn: true,
        };
        assert_eq!(
            plan(link),
            Plan {
                show: Show::Nothing,
                start_on_intent: true,
                fetch_changes: true
            }
        );
        let redrawn = plan(Known {
            address_is_drawn: true,
            ..link
        });
        assert_eq!((redrawn.show, redrawn.start_on_intent), (Show::Page, true));
        assert!(!redrawn.fetch_changes, "applied once");
        let german = plan(Known {
            language_differs: true,
            ..link
        });
        assert!(!german.fetch_changes && !german.start_on_intent);
    }

    #[test]
    fn the_page_is_redrawn_in_every_team_state_from_a_query_of_only_the_change_keys() {
        let names: Vec<String> = page_states().map(|state| changes_name(&state)).collect();
        assert_eq!(names.len(), 50 * 4 - 1);
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), names.len());
        for state in page_states() {
            let query = url::print(&state);
            assert_eq!(url::parse(&query), state, "{query}");
            let (size, flags) = CHANGE_KEYS.split_first().unwrap();
            let as_boot_writes_it: String = flags
                .iter()
                .filter(|flag| query.contains(&format!("&{flag}=1")))
                .map(|flag| format!("&{flag}=1"))
                .collect();
            assert_eq!(query, format!("{size}={}{as_boot_writes_it}", state.team));
            assert!(!state.embed && state.view == Parts::ALL);
        }
        assert_eq!(
            changes_name(&url::parse("team=12&new=1&both=1")),
            "team=12&new=1&both=1.json"
        );
    }

    #[test]
    fn the_later_parts_load_at_once_only_when_what_is_on_the_page_is_not_right() {
        for prerendered in [false, true] {
            for stale in [false, true] {
                for page_waiting in [false, true] {
                    let plan = later_parts_plan(LaterKnown {
                        prerendered,
                        stale,
                        page_waiting,
                    });
                    let right = prerendered && !stale;
                    assert_eq!(plan.fetch_now, !right);
                    assert_eq!(plan.page_waits_for_them, !right && page_waiting);
                }
            }
        }
    }

    #[test]
    fn the_app_adopts_the_page_only_when_it_arrived_in_the_words_it_speaks() {
        let english = LanguageId::BUILT_IN;
        let german = LanguageId::from_code("de").unwrap();
        let own = || Some("acme.toml".to_owned());
        assert_eq!(
            start(own(), german, true),
            Start::OwnContent("acme.toml".into())
        );
        assert_eq!(start(None, german, true), Start::Translation(german));
        assert_eq!(start(None, english, true), Start::Hydrate);
        assert_eq!(start(None, english, false), Start::Render);
    }
}
