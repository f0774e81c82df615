use yew::prelude::*;

use crate::core::content::{Text, CONTENT};

/// The footer listing every article the widget draws on, the target of every citation link.
#[function_component]
pub fn Sources() -> Html {
    let items = CONTENT.sources.iter().map(|source| {
        html! {
            <li id={format!("source-{}", source.id)} class="sources__item" key={source.id}>
                <cite lang={CONTENT.titles_language}>{ source.title }</cite>
                <span class="sources__detail">{ source.detail }</span>
            </li>
        }
    });
    html! {
        <footer class="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{ Text::SourcesHeading.get() }</h2>
            <p class="sources__lead">
                { Text::SourcesLead.get() }
            </p>
            <ol class="sources__list">{ for items }</ol>
        </footer>
    }
}
