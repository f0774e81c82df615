use yew::prelude::*;

use crate::core::content::{SourceId, Text, CONTENT};

/// The titles a text rests on, each linking to its numbered entry in the sources footer. A
/// paraphrase names them as its sources; the widget's own reading says so and keeps its
/// reasoning one click away (`reasoning` is set when the text is the widget's own reading of
/// its sources rather than a paraphrase). The content compiler sees to it that every text has
/// some. A function, not a component: a slider move that crosses a zone draws a score of
/// these at once, and a component apiece would cost each a mount of its own for nothing to
/// remember.
pub fn citation(sources: &'static [SourceId], reasoning: Option<&'static str>) -> Html {
    let titles = sources.iter().enumerate().map(|(index, id)| {
        let source = id.source();
        html! {
            <>
                if index > 0 { { "; " } }
                <a class="citation__link" href={format!("#source-{}", source.id)}>
                    // Compact embeds show the number from the sources list instead of the
                    // title (styles/embed.css); the link's name starts with what it shows.
                    <span class="citation__number">{ format!("[{}]", id.0 + 1) }</span>
                    <cite class="citation__title" lang={CONTENT.titles_language}>{ source.title }</cite>
                </a>
            </>
        }
    });
    let Some(reasoning) = reasoning else {
        let label = if sources.len() == 1 {
            Text::SourceOne
        } else {
            Text::SourceMany
        };
        return html! { <p class="citation">{ label.get() }{ " " }{ for titles }</p> };
    };
    html! {
        <div class="citation citation--derived">
            <p class="citation__line">
                <span class="citation__derived">{ Text::DerivedFrom.get() }</span>{ " " }{ for titles }
            </p>
            <details class="citation__reasoning">
                <summary>{ Text::Reasoning.get() }</summary>
                <p>{ reasoning }</p>
            </details>
        </div>
    }
}
