use yew::prelude::*;

use super::{citation, disagreement};
use crate::core::content::{Text, CONTENT};

/// Short facts that frame the comparison: role versus title, reporting lines, the hybrid's
/// pull in two directions.
#[function_component]
pub fn KeyFacts() -> Html {
    let facts = CONTENT.facts.iter().map(|fact| {
        html! {
            <article class="fact" key={fact.id}>
                <h3 class="fact__title">{ fact.title }</h3>
                <p class="fact__text">{ fact.body.text }</p>
                { citation(fact.body.sources, fact.body.reasoning) }
                { disagreement(fact.disagreement, true) }
            </article>
        }
    });
    html! {
        <section class="key-facts" aria-labelledby="key-facts-heading">
            <h2 id="key-facts-heading">{ Text::KeyFactsHeading.get() }</h2>
            <div class="key-facts__list">{ for facts }</div>
        </section>
    }
}
