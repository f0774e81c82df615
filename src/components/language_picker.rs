use yew::prelude::*;

use crate::core::content::{Text, CONTENT, LANGUAGES};
use crate::core::language::LanguageId;
use crate::core::share::language_link;
use crate::core::state::State;

#[derive(Properties, PartialEq)]
pub struct LanguagePickerProps {
    pub state: State,
}

/// Links to the page in each language it speaks, keeping the state on screen. Each reloads
/// the page, since a language's words are fetched only when it is chosen.
#[function_component]
pub fn LanguagePicker(props: &LanguagePickerProps) -> Html {
    if LANGUAGES.len() < 2 {
        return Html::default();
    }
    let links = LANGUAGES.iter().enumerate().map(|(index, language)| {
        let current = language.code == CONTENT.language.code;
        html! {
            <li key={language.code}>
                <a class="languages__link" href={language_link(&props.state, LanguageId(index as u8))}
                    hreflang={language.code} lang={language.code}
                    aria-current={current.then_some("true")}>
                    { language.name }
                </a>
            </li>
        }
    });
    html! {
        <nav class="languages" aria-label={Text::Language.get()}>
            <ul class="languages__list">{ for links }</ul>
        </nav>
    }
}
