//! Two Hats: the Tech Lead and Engineering Manager roles, side by side.
//!
//! `core` is plain Rust (content, rules, state, URL); `components` render it; `browser` is the
//! thin glue to the address bar, the words, the page around the app and the later parts'
//! chunk. `js/boot.js` runs first: it shows the page, starts the app when it is wanted, holds
//! what the reader does until a part is live, and talks to an embedding page, so that it works
//! even where the app cannot start. The App below owns the one state and hands every
//! component the same dispatcher.

pub mod browser;
pub mod components;
pub mod core;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;

// What `main.rs` needs beyond the App, so it goes through this file like everything else.
pub use components::{preload_later_parts, LATER_PARTS};

use std::rc::Rc;

use yew::prelude::*;

use components::{
    ContentProblem, LanguagePicker, LaterParts, Recommendation, Share, Sources, TeamSize,
};
use core::content::Text;
use core::share::page_link;
use core::state::{recommended_roles, Action, Part, State};

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Why the page's own content file (`?content=`) or the chosen translation could not be
    /// used, if it could not: a heading that says which, and the details.
    #[prop_or_default]
    pub content_problem: Option<(Text, AttrValue)>,
    /// The page names its own content file, which speaks its own language: the translations
    /// of the built-in content do not apply, so there is no language menu.
    #[prop_or_default]
    pub own_content: bool,
    /// The state the page arrived drawn in (`core::drawn`), which hydration must start from.
    #[prop_or_default]
    pub drawn: State,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let drawn = props.drawn;
    let state = use_reducer_eq(move || drawn);
    let dispatch: Callback<Action> = state.dispatcher().into();
    let shows = |part: Part| state.view.contains(part);
    let later_parts_shown = LATER_PARTS.iter().any(|part| shows(*part));
    // Before the address sync, whose state may have to wait for the later parts.
    let (later_parts_region, later_parts) = browser::use_later_parts(later_parts_shown);
    browser::use_address_sync(*state, drawn, dispatch.clone(), later_parts.clone());
    browser::use_theme_attributes(state.theme, state.transparent);
    let sizes = state.team_sizes();
    let advice = state.recommendation();

    let header = if state.embed {
        html! {
            <header class="masthead masthead--embed">
                <h1 class="masthead__name">{ "Two Hats" }</h1>
                <a class="masthead__full-page" href={page_link("", &state)}
                    target="_blank" rel="noopener">
                    { Text::OpenFullPage.get() }<span class="visually-hidden">{ " " }{ Text::OpensInNewTab.get() }</span>
                </a>
            </header>
        }
    } else {
        html! {
            <header class="masthead">
                <p class="masthead__name">{ "Two Hats" }</p>
                <h1 class="masthead__question">{ Text::Question.get() }</h1>
                if !props.own_content {
                    <LanguagePicker state={*state} />
                }
                <Share state={*state} dispatch={dispatch.clone()} />
            </header>
        }
    };

    html! {
        <div class={classes!("two-hats", state.embed.then_some("two-hats--embed"))}>
            { header }
            if let Some((heading, problem)) = &props.content_problem {
                <ContentProblem heading={*heading} problem={problem.clone()} />
            }
            <main class="layout">
                if shows(Part::Team) {
                    <div class="layout__sizing">
                        <TeamSize team={state.team} new_team={state.new_team}
                            lead_has_done_both={state.lead_has_done_both} sizes={sizes}
                            dispatch={dispatch.clone()} />
                        <Recommendation advice={advice.clone()} author_sizes={state.author_thresholds()}
                            folded={state.embed} />
                    </div>
                }
                if later_parts_shown {
                    // Their code comes in its own wasm chunk in a release build: until it
                    // arrives, the prerendered HTML stays on the page (components/later_parts.rs).
                    <div class="layout__later" ref={later_parts_region} data-recommended={recommended_roles(&advice)}>
                        <Suspense fallback={Html::default()}>
                            <LaterParts view={state.later_parts_view()} dispatch={dispatch.clone()}
                                loading={later_parts} />
                        </Suspense>
                    </div>
                }
            </main>
            <Sources cited={state.cited_sources(&advice)} folded={state.embed} />
        </div>
    }
}
