use yew::prelude::*;

use super::Citation;
use crate::core::content::{Cited, Text};

#[derive(Properties, PartialEq)]
pub struct DisagreementProps {
    pub positions: &'static [Cited],
    /// Closed until the reader opens it, where a part must stay short (a fact, a situation);
    /// its heading still says the articles disagree.
    #[prop_or_default]
    pub folded: bool,
}

/// Where the articles disagree: every position, each with its source, wherever the topic is
/// met (a duty, a reason, a fact, a situation). Nothing when they agree.
#[function_component]
pub fn Disagreement(props: &DisagreementProps) -> Html {
    if props.positions.is_empty() {
        return Html::default();
    }
    let positions = props.positions.iter().map(|position| {
        html! {
            <li class="disagreement__position">
                <p>{ position.text }</p>
                <Citation sources={position.sources} reasoning={position.reasoning} />
            </li>
        }
    });
    html! {
        <details class="disagreement" open={!props.folded}>
            <summary class="disagreement__heading">{ Text::WhereSourcesDisagree.get() }</summary>
            <ul class="disagreement__positions">{ for positions }</ul>
        </details>
    }
}
