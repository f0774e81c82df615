//! "Check your team": the reader's set-up, who does each duty today, and what the articles'
//! rules make of it. The answers and the findings come from `core::check`; this draws them.
//! Except in its own embed it is drawn once live, with its words and stylesheet, which arrive
//! with its code in the later parts' chunk (`core::drawn::check_drawn_ahead`).

use web_sys::Element;
use yew::prelude::*;

use super::{CheckDuties, CheckFindings, CheckSetup};
use crate::browser;
use crate::core::check::findings::findings;
use crate::core::check::{Change, Person, TeamAnswers};
use crate::core::content::{CheckText, TeamSize, Text};
use crate::core::state::Action;

#[derive(Properties, PartialEq)]
pub struct TeamCheckProps {
    pub answers: TeamAnswers,
    /// The team sizes in force, the sources' or an embedding author's.
    pub sizes: TeamSize,
    /// Whether the page arrived with the check drawn (`core::drawn::check_drawn_ahead`); if
    /// not, it draws once live, as it first hydrates nothing.
    pub drawn_ahead: bool,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn TeamCheck(props: &TeamCheckProps) -> Html {
    let live = use_state_eq(|| props.drawn_ahead);
    let section = use_node_ref();
    let before = use_mut_ref(|| None);
    {
        let (live, linked, before) = (live.clone(), props.drawn_ahead, before.clone());
        use_effect_with((), move |_| {
            // A page drawn with the check links its stylesheet (`site::drawn_pages`).
            if !linked {
                browser::adopt_check_stylesheet();
                *before.borrow_mut() = Some(browser::reading_place());
            }
            live.set(true);
        });
    }
    {
        let section = section.clone();
        use_effect_with(*live, move |_| {
            // Drawn above a reader who had gone past it (a citation's link leads to the sources
            // at the bottom), it must not push what they read out of sight.
            if let Some(drawn) = section.cast::<Element>() {
                if let Some(place) = before.take() {
                    browser::keep_reading_place(place, &drawn);
                }
            }
        });
    }
    if !*live {
        return Html::default();
    }
    let answers = props.answers;
    let found = findings(&answers, &props.sizes);
    let change = props.dispatch.reform(Action::Check);
    let whose = if answers.second {
        let person = |who: Person, label: CheckText| {
            let onchange = change.reform(move |_: Event| Change::Answering(who));
            html! {
                <label class="check">
                    <input type="radio" name="team-check-whose" checked={answers.answering == who} {onchange} />
                    { label.get() }
                </label>
            }
        };
        let remove = change.reform(|_: MouseEvent| Change::Second(false));
        html! {
            <fieldset class="team-check__whose">
                <legend>{ CheckText::Whose.get() }</legend>
                { person(Person::First, CheckText::First) }
                { person(Person::Second, CheckText::Second) }
                <button type="button" class="button" onclick={remove}>{ CheckText::RemoveSecond.get() }</button>
            </fieldset>
        }
    } else {
        let add = change.reform(|_: MouseEvent| Change::Answering(Person::Second));
        html! {
            <div class="team-check__whose">
                <p>{ CheckText::SecondIntro.get() }</p>
                <button type="button" class="button" onclick={add}>{ CheckText::AddSecond.get() }</button>
            </div>
        }
    };
    html! {
        <section class="team-check" aria-labelledby="team-check-heading" ref={section}>
            <h2 id="team-check-heading">{ Text::CheckHeading.get() }</h2>
            <p class="team-check__intro">{ CheckText::Intro.get() }</p>
            <p class="team-check__private">{ CheckText::Private.get() }</p>
            // The findings come between the team and its duties, so that on a phone they
            // follow the answers that matter most; on a wide screen they stay beside both.
            <div class="team-check__layout">
                <div class="team-check__team">
                    <CheckSetup answers={answers} change={change.clone()} />
                    { whose }
                </div>
                <CheckFindings answers={answers} findings={found.clone()} change={change.clone()} />
                <CheckDuties answers={answers} findings={found} change={change} />
            </div>
        </section>
    }
}
