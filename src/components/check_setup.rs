use yew::prelude::*;

use crate::core::check::words::lead_label;
use crate::core::check::{Change, EmCode, Lead, TeamAnswers, FULL_WEEK};
use crate::core::content::{CheckText, CONTENT};

#[derive(Properties, PartialEq)]
pub struct CheckSetupProps {
    pub answers: TeamAnswers,
    pub change: Callback<Change>,
}

/// The team as it is: its size, who leads it, whether it is new, how much each lead codes and
/// whether the one who manages has written production code lately.
#[function_component]
pub fn CheckSetup(props: &CheckSetupProps) -> Html {
    let answers = props.answers;
    let lead = answers.lead;
    let sizes = CONTENT.team_size;
    // A field emptied on the way to another number changes nothing yet.
    let number = |make: fn(u8) -> Change| {
        let change = props.change.clone();
        Callback::from(move |event: InputEvent| {
            let input: web_sys::HtmlInputElement = event.target_unchecked_into();
            if let Ok(value) = input.value().trim().parse::<u8>() {
                change.emit(make(value));
            }
        })
    };
    let leads = Lead::ALL.into_iter().map(|choice| {
        let onchange = props.change.reform(move |_: Event| Change::Lead(choice));
        html! {
            <label class="check" key={choice.key()}>
                <input type="radio" name="team-check-lead" value={choice.key()}
                    checked={lead == choice} {onchange} />
                { lead_label(choice).get() }
            </label>
        }
    });
    let (tl_coding_label, code_label) = if lead == Lead::One {
        (CheckText::LeadCoding, CheckText::LeadCode)
    } else {
        (CheckText::TlCoding, CheckText::EmCode)
    };
    let on_new = props.change.reform(|event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        Change::NewTeam(input.checked())
    });
    let on_code = props.change.reform(|event: Event| {
        let input: web_sys::HtmlInputElement = event.target_unchecked_into();
        Change::EmCode(if input.checked() {
            EmCode::Recent
        } else {
            EmCode::Stale
        })
    });
    html! {
        <fieldset class="team-check__setup">
            <legend>{ CheckText::Team.get() }</legend>
            <label class="team-check__number">
                <span>{ CheckText::Size.get() }</span>
                <input class="field" type="number" inputmode="numeric" min={sizes.min.to_string()} max={sizes.max.to_string()}
                    value={answers.size.to_string()} oninput={number(Change::Size)} />
            </label>
            <fieldset class="team-check__lead">
                <legend>{ CheckText::Lead.get() }</legend>
                { for leads }
            </fieldset>
            <label class="check">
                <input type="checkbox" checked={answers.new_team} onchange={on_new} />
                { CheckText::New.get() }
            </label>
            if lead.leads_technically() {
                <label class="team-check__number">
                    <span>{ tl_coding_label.get() }</span>
                    <input class="field" type="number" inputmode="numeric" min="0" max={FULL_WEEK.to_string()}
                        value={answers.tl_coding().to_string()} oninput={number(Change::TlCoding)} />
                </label>
            }
            if lead.has_em() {
                <label class="team-check__number">
                    <span>{ CheckText::EmCoding.get() }</span>
                    <input class="field" type="number" inputmode="numeric" min="0" max={FULL_WEEK.to_string()}
                        value={answers.em_coding().to_string()} oninput={number(Change::EmCoding)} />
                </label>
            }
            if lead.manages() {
                <label class="check">
                    <input type="checkbox" checked={answers.em_code == EmCode::Recent} onchange={on_code} />
                    { code_label.get() }
                </label>
            }
        </fieldset>
    }
}
