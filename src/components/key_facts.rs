use yew::prelude::*;

use super::{Citation, Disagreement};
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
                <Citation sources={fact.body.sources} reasoning={fact.body.reasoning} />
                <Disagreement positions={fact.disagreement} folded=true />
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
