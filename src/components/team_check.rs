//! "Check your team": the reader's set-up, who does each duty today, and what the articles'
//! rules make of it. The answers and the findings come from `core::check`; this draws them.

use yew::prelude::*;

use super::{CheckDuties, CheckFindings, CheckSetup};
use crate::core::check::findings::findings;
use crate::core::check::{Change, Person, TeamAnswers};
use crate::core::content::{TeamSize, Text};
use crate::core::state::Action;

#[derive(Properties, PartialEq)]
pub struct TeamCheckProps {
    pub answers: TeamAnswers,
    /// The team sizes in force, the sources' or an embedding author's.
    pub sizes: TeamSize,
    pub dispatch: Callback<Action>,
}

#[function_component]
pub fn TeamCheck(props: &TeamCheckProps) -> Html {
    let answers = props.answers;
    let found = findings(&answers, &props.sizes);
    let change = props.dispatch.reform(Action::Check);
    let whose = if answers.second {
        let person = |who: Person, label: Text| {
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
                <legend>{ Text::CheckWhose.get() }</legend>
                { person(Person::First, Text::CheckFirst) }
                { person(Person::Second, Text::CheckSecond) }
                <button type="button" class="button" onclick={remove}>{ Text::CheckRemoveSecond.get() }</button>
            </fieldset>
        }
    } else {
        let add = change.reform(|_: MouseEvent| Change::Answering(Person::Second));
        html! {
            <div class="team-check__whose">
                <p>{ Text::CheckSecondIntro.get() }</p>
                <button type="button" class="button" onclick={add}>{ Text::CheckAddSecond.get() }</button>
            </div>
        }
    };
    html! {
        <section class="team-check" aria-labelledby="team-check-heading">
            <h2 id="team-check-heading">{ Text::CheckHeading.get() }</h2>
            <p class="team-check__intro">{ Text::CheckIntro.get() }</p>
            <p class="team-check__private">{ Text::CheckPrivate.get() }</p>
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
