//! The parts below the slider and its recommendation: the matrix, the role comparison, the
//! situations, the quiz and the facts. A release build moves their code into a wasm chunk of
//! its own (`cargo xtask dist`, docs/speed-and-size.md), loaded once the reader comes near them
//! or the state differs from the default where they draw it; until then Yew's `<Suspense>`
//! keeps the prerendered HTML on the page, marked busy by `browser`, and `js/boot.js` holds the
//! reader's clicks and choices there and hands them to the parts once they are live.

use yew::prelude::*;
use yew::suspense::SuspensionResult;

use super::{
    Comparison, KeyFacts, Matrix, MatrixExport, MatrixFilters, RolePicker, Scenarios,
    SelfAssessment, TeamCheck,
};
use crate::browser::LaterPartsLoading;
use crate::core::content::Text;
use crate::core::drawn::check_drawn_ahead;
use crate::core::state::{Action, LaterPartsView, Part};

/// The parts this component draws, in page order.
pub const LATER_PARTS: [Part; 6] = [
    Part::Matrix,
    Part::Compare,
    Part::Check,
    Part::Situations,
    Part::Quiz,
    Part::Facts,
];

/// Only what the parts draw, so a slider move that keeps the recommended columns passes
/// them by.
#[derive(Properties, PartialEq, Clone)]
pub struct LaterPartsProps {
    pub view: LaterPartsView,
    pub dispatch: Callback<Action>,
    /// When their code loads, and what waits for it.
    pub loading: LaterPartsLoading,
}

/// Suspends until the chunk is in (a release build), then draws the parts.
#[function_component]
pub fn LaterParts(props: &LaterPartsProps) -> HtmlResult {
    let draw = use_view(&props.loading)?;
    let loading = props.loading.clone();
    use_effect_with((), move |_| loading.arrived());
    Ok(draw(props))
}

#[cfg(all(feature = "split", target_arch = "wasm32"))]
#[hook]
fn use_view(loading: &LaterPartsLoading) -> SuspensionResult<fn(&LaterPartsProps) -> Html> {
    let loading = loading.clone();
    let loaded = yew::suspense::use_future(|| async move {
        loading.until_wanted().await;
        match load_view().await {
            Ok(draw) => draw,
            // The prerendered parts stay on the page, readable, as they do when the app
            // cannot start at all: the component never stops waiting.
            Err(_) => {
                loading.failed();
                std::future::pending().await
            }
        }
    })?;
    Ok(*loaded)
}

#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
#[hook]
fn use_view(_loading: &LaterPartsLoading) -> SuspensionResult<fn(&LaterPartsProps) -> Html> {
    Ok(view)
}

/// Loading the chunk and returning its entry point; everything only `view` reaches moves
/// into the chunk with it.
#[cfg(all(feature = "split", target_arch = "wasm32"))]
#[wasm_split_helpers::wasm_split(later_parts, fallible, preload(preload))]
pub fn load_view() -> Result<fn(&LaterPartsProps) -> Html, wasm_split_helpers::SplitLoaderError> {
    Ok(view)
}

/// Without the split there is nothing to fetch first.
#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
pub async fn preload() -> Result<(), std::convert::Infallible> {
    Ok(())
}

fn view(props: &LaterPartsProps) -> Html {
    let state = &props.view;
    let dispatch = &props.dispatch;
    let shows = |part: Part| state.view.contains(part);
    html! {
        <>
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
                    <Matrix roles={state.roles} rows={state.visible_rows().collect::<Vec<_>>()} open_row={state.open_row}
                        dispatch={dispatch.clone()} />
                    <MatrixExport roles={state.roles} group={state.group}
                        only_differences={state.only_differences} />
                </section>
            }
            if shows(Part::Compare) {
                <Comparison roles={state.roles} />
            }
            if shows(Part::Check) {
                <TeamCheck answers={state.check} sizes={state.sizes}
                    drawn_ahead={check_drawn_ahead(state.view)} dispatch={dispatch.clone()} />
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
        </>
    }
}
