use yew::prelude::*;

use super::citation;
use crate::core::assessment::{assess, Answers};
use crate::core::content::{Text, CONTENT};
use crate::core::state::Action;

#[derive(Properties, PartialEq)]
pub struct SelfAssessmentProps {
    pub answers: Answers,
    pub dispatch: Callback<Action>,
}

/// "Which hat fits you?": a few questions, and the role they lean to, with the answers that
/// decided it and the trap to watch.
#[function_component]
pub fn SelfAssessment(props: &SelfAssessmentProps) -> Html {
    let questions = CONTENT.questions.iter().enumerate().map(|(index, question)| {
        let options = question.options.iter().enumerate().map(|(option_index, option)| {
            let action = Action::Answer {
                question: index as u8,
                option: option_index as u8,
            };
            let onchange = props.dispatch.reform(move |_: Event| action);
            html! {
                <label class="check quiz__option" key={option_index}>
                    <input type="radio" name={format!("quiz-{}", question.id)}
                        checked={props.answers[index] == Some(option_index as u8)} {onchange} />
                    { option.text }
                </label>
            }
        });
        html! {
            <fieldset class="quiz__question" key={question.id}>
                <legend class="quiz__prompt">{ format!("{}. {}", index + 1, question.prompt) }</legend>
                { for options }
                { citation(question.sources, None) }
            </fieldset>
        }
    });
    let on_clear = props.dispatch.reform(|_: MouseEvent| Action::ClearAnswers);
    let fit = assess(&props.answers);

    let result = match &fit {
        None => html! {
            <p class="quiz__waiting">{ Text::QuizWaiting.get() }</p>
        },
        Some(fit) => {
            let role = fit.role.role();
            let verdict = &CONTENT.assessment[fit.role.index()];
            let deciding = fit.deciding.iter().filter_map(|&question| {
                let asked = CONTENT.questions.get(question)?;
                let chosen = asked.options.get(usize::from(props.answers[question]?))?;
                Some(html! {
                    <li key={asked.id}>
                        <span class="quiz__asked">{ asked.prompt }</span>{ " " }{ chosen.text }
                    </li>
                })
            });
            html! {
                <>
                    <p class="quiz__verdict">
                        { Text::QuizAnswered.fill(&[("answered", &fit.answered), ("total", &CONTENT.questions.len())]) }{ " " }
                        <strong>{ role.name }</strong>
                    </p>
                    <p>{ verdict.text }</p>
                    { citation(verdict.sources, verdict.reasoning) }
                    <h3 class="quiz__subheading">{ Text::WhatDecided.get() }</h3>
                    <ul class="quiz__deciding">{ for deciding }</ul>
                    <h3 class="quiz__subheading">{ Text::TrapToWatch.get() }</h3>
                    <p>{ role.trap.text }</p>
                    { citation(role.trap.sources, role.trap.reasoning) }
                </>
            }
        }
    };

    html! {
        <section class="quiz" aria-labelledby="quiz-heading">
            <h2 id="quiz-heading">{ Text::QuizHeading.get() }</h2>
            <div class="quiz__layout">
                <form class="quiz__questions" aria-label={Text::QuizQuestions.get()}>
                    { for questions }
                    <button type="button" class="button" onclick={on_clear}>{ Text::StartOver.get() }</button>
                </form>
                <div class="quiz__result" aria-live="polite">{ result }</div>
            </div>
        </section>
    }
}
