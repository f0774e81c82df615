//! Two Hats: the Tech Lead and Engineering Manager roles, side by side.
//!
//! `core` is plain Rust (content, rules, state, URL); `components` render it; `browser` is the
//! thin glue to the address bar and the theme attribute. `js/boot.js` talks to an embedding
//! page, so that it works even where the app cannot start. The App below owns
//! the one state and hands every component the same dispatcher.

pub mod browser;
pub mod components;
pub mod core;

use std::rc::Rc;

use yew::prelude::*;

use components::{
    Comparison, ContentProblem, KeyFacts, LanguagePicker, Matrix, MatrixExport, MatrixFilters,
    Recommendation, RolePicker, Scenarios, SelfAssessment, Share, Sources, TeamSize,
};
use core::content::Text;
use core::share::page_link;
use core::state::{Action, Part, State};

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
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer_eq(State::default);
    let dispatch: Callback<Action> = state.dispatcher().into();
    browser::use_address_sync(*state, dispatch.clone());
    browser::use_theme_attributes(state.theme, state.transparent);
    let sizes = state.team_sizes();
    let advice = state.recommendation();
    let recommended = advice.setup.roles();
    let rows: Vec<_> = state.visible_rows().collect();
    let shows = |part: Part| state.view.contains(part);

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
                if shows(Part::Matrix) {
                    <section class="responsibilities" aria-labelledby="responsibilities-heading">
                        <h2 id="responsibilities-heading">{ Text::MatrixHeading.get() }</h2>
                        <div class="responsibilities__controls">
                            <RolePicker roles={state.roles} dispatch={dispatch.clone()} />
                            <MatrixFilters group={state.group} only_differences={state.only_differences}
                                dispatch={dispatch.clone()} />
                        </div>
                        <p class="responsibilities__legend">
                            <span><span aria-hidden="true">{ "● " }</span>{ Text::Owns.get() }</span>
                            <span><span aria-hidden="true">{ "◐ " }</span>{ Text::Shares.get() }</span>
                            <span><span aria-hidden="true">{ "○ " }</span>{ Text::Supports.get() }</span>
                            <span><span aria-hidden="true">{ "– " }</span>{ Text::NotTheirs.get() }</span>
                        </p>
                        <Matrix roles={state.roles} rows={rows} open_row={state.open_row}
                            recommended={recommended} dispatch={dispatch.clone()} />
                        <MatrixExport roles={state.roles} group={state.group}
                            only_differences={state.only_differences} />
                    </section>
                }
                if shows(Part::Compare) {
                    <Comparison roles={state.roles} />
                }
                if shows(Part::Situations) {
                    <Scenarios roles={state.roles} />
                }
                if shows(Part::Quiz) {
                    <SelfAssessment answers={state.answers} dispatch={dispatch.clone()} />
                }
                if shows(Part::Facts) {
                    <KeyFacts />
                }
            </main>
            <Sources cited={state.cited_sources(&advice)} folded={state.embed} />
        </div>
    }
}
