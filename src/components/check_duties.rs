use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::core::check::findings::Finding;
use crate::core::check::words::{holder_label, severity_label};
use crate::core::check::{expected, Change, Holder, TeamAnswers};
use crate::core::content::{CheckText, CONTENT};

#[derive(Properties, PartialEq)]
pub struct CheckDutiesProps {
    pub answers: TeamAnswers,
    pub findings: Vec<Finding>,
    pub change: Callback<Change>,
}

/// Every duty, grouped as in the matrix, with who does it today: the articles' answer until
/// the reader says otherwise. A duty a finding is about says so beside it.
#[function_component]
pub fn CheckDuties(props: &CheckDutiesProps) -> Html {
    let answers = props.answers;
    let lead = answers.lead;
    let person = answers.answering;
    let list = use_node_ref();
    {
        let list = list.clone();
        // A menu the reader has used no longer follows its options' `selected` attributes, so
        // each is set to the state once drawn: a move, Back or the other person's answers.
        use_effect_with(answers, move |answers| {
            let Some(list) = list.cast::<web_sys::Element>() else {
                return;
            };
            for row in CONTENT.row_ids() {
                let menu = list.query_selector(&format!("#team-check-duty-{}", row.row().id));
                if let Ok(Some(menu)) = menu {
                    let menu: web_sys::HtmlSelectElement = menu.unchecked_into();
                    menu.set_value(answers.holder(answers.answering, row).key());
                }
            }
        });
    }
    let groups = CONTENT.group_ids().map(|group| {
        let rows = CONTENT.row_ids().filter(|row| {
            row.row().group == group
                && (!answers.only_changed || answers.answer(person, *row).is_some())
        });
        let rows: Html = rows
            .map(|row| {
                let duty = row.row();
                let holder = answers.holder(person, row);
                let changed = answers.answer(person, row).is_some();
                let id = format!("team-check-duty-{}", duty.id);
                let onchange = props.change.reform(move |event: Event| {
                    let select: web_sys::HtmlSelectElement = event.target_unchecked_into();
                    Change::Duty(row, Holder::from_key(&select.value()).unwrap_or(holder))
                });
                let options = lead.holders().iter().map(|choice| {
                    html! {
                        <option value={choice.key()} selected={*choice == holder}>
                            { holder_label(*choice, lead).get() }
                        </option>
                    }
                });
                let flags = props
                    .findings
                    .iter()
                    .filter(|finding| finding.duty == Some(row))
                    .map(|finding| {
                        html! {
                            <span class={classes!("team-check__flag", format!("team-check__flag--{}", finding.severity.key()))}>
                                { severity_label(finding.severity).get() }
                            </span>
                        }
                    });
                html! {
                    <div class={classes!("team-check__duty", changed.then_some("team-check__duty--changed"))}
                        key={duty.id} data-duty={duty.id}>
                        <label for={id.clone()}>{ duty.name }</label>
                        <select class="field" {id} {onchange}>{ for options }</select>
                        // Always there, so the menu before it keeps its place among the row's
                        // children, and with it the reader's focus.
                        <div class="team-check__notes">
                            if changed {
                                <span class="team-check__articles">
                                    <span class="team-check__changed">{ CheckText::Changed.get() }</span>{ " · " }
                                    { CheckText::ArticlesSay.fill(&[("who", &holder_label(expected(lead, row), lead).get())]) }
                                </span>
                            }
                            { for flags }
                        </div>
                    </div>
                }
            })
            .collect();
        let empty = matches!(&rows, Html::VList(list) if list.is_empty());
        html! {
            if !empty {
                <fieldset class="team-check__group" key={group.group().id}>
                    <legend>{ group.group().name }</legend>
                    { rows }
                </fieldset>
            }
        }
    });
    let on_only = props.change.reform(|event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        Change::OnlyChanged(input.checked())
    });
    let on_reset = props.change.reform(|_: MouseEvent| Change::ResetDuties);
    let nothing_changed = answers.changed(person).next().is_none();
    html! {
        <div class="team-check__duties" ref={list}>
            <h3>{ CheckText::Duties.get() }</h3>
            <div class="team-check__duty-controls">
                <label class="check">
                    <input type="checkbox" checked={answers.only_changed} onchange={on_only} />
                    { CheckText::OnlyChanged.get() }
                </label>
                if !nothing_changed {
                    <button type="button" class="button" onclick={on_reset}>{ CheckText::Reset.get() }</button>
                }
            </div>
            if answers.only_changed && nothing_changed {
                <p class="team-check__nothing">{ CheckText::NothingChanged.get() }</p>
            }
            { for groups }
        </div>
    }
}
