use yew::prelude::*;

use crate::core::content::{SourceId, Text, CONTENT};

#[derive(Properties, PartialEq)]
pub struct CitationProps {
    pub sources: &'static [SourceId],
}

/// The titles a text paraphrases, each linking to its entry in the sources footer. A text
/// without sources says so rather than showing nothing.
#[function_component]
pub fn Citation(props: &CitationProps) -> Html {
    if props.sources.is_empty() {
        return html! { <p class="citation citation--none">{ Text::NoSource.get() }</p> };
    }
    let label = if props.sources.len() == 1 {
        Text::SourceOne
    } else {
        Text::SourceMany
    };
    let titles = props.sources.iter().enumerate().map(|(index, id)| {
        let source = id.source();
        html! {
            <>
                if index > 0 { { "; " } }
                <a class="citation__link" href={format!("#source-{}", source.id)}>
                    <cite lang={CONTENT.titles_language}>{ source.title }</cite>
                </a>
            </>
        }
    });
    html! { <p class="citation">{ label.get() }{ " " }{ for titles }</p> }
}
