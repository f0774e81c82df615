use yew::prelude::*;

use crate::core::content::{SourceId, Text, CONTENT};

#[derive(Properties, PartialEq)]
pub struct SourcesProps {
    /// The sources the parts on show cite: a page showing some parts lists only those.
    pub cited: Vec<SourceId>,
    /// Starts closed, to keep an embed short; a citation link still opens it.
    #[prop_or_default]
    pub folded: bool,
}

/// The footer listing the articles the page draws on, the target of every citation link.
/// Each keeps its number from the full list, so a part shown alone reads like the whole page.
#[function_component]
pub fn Sources(props: &SourcesProps) -> Html {
    let items = props.cited.iter().map(|id| {
        let source = id.source();
        html! {
            <li id={format!("source-{}", source.id)} class="sources__item" key={source.id}
                value={(usize::from(id.0) + 1).to_string()}>
                <cite lang={CONTENT.titles_language}>{ source.title }</cite>
                <span class="sources__detail">{ source.detail }</span>
            </li>
        }
    });
    html! {
        <footer class="sources" aria-labelledby="sources-heading">
            <details class="sources__fold" open={!props.folded}>
                <summary><h2 id="sources-heading">{ Text::SourcesHeading.get() }</h2></summary>
                <p class="sources__lead">
                    { Text::SourcesLead.get() }
                </p>
                <ol class="sources__list">{ for items }</ol>
            </details>
        </footer>
    }
}
