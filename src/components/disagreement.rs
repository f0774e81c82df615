use yew::prelude::*;

use super::citation;
use crate::core::content::{Cited, Text};

/// Where the articles disagree: every position, each with its source, wherever the topic is
/// met (a duty, a reason, a fact, a situation). Nothing when they agree. `folded` keeps it
/// closed until the reader opens it, where a part must stay short (a fact, a situation); its
/// heading still says the articles disagree. A function for the reason `citation` is one.
pub fn disagreement(positions: &'static [Cited], folded: bool) -> Html {
    if positions.is_empty() {
        return Html::default();
    }
    let positions = positions.iter().map(|position| {
        html! {
            <li class="disagreement__position">
                <p>{ position.text }</p>
                { citation(position.sources, position.reasoning) }
            </li>
        }
    });
    html! {
        <details class="disagreement" open={!folded}>
            <summary class="disagreement__heading">{ Text::WhereSourcesDisagree.get() }</summary>
            <ul class="disagreement__positions">{ for positions }</ul>
        </details>
    }
}
