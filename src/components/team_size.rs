use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::content::{TeamSize as Sizes, Text};
use crate::core::recommend::{zone, zone_ranges, Zone};
use crate::core::state::Action;

#[derive(Properties, PartialEq)]
pub struct TeamSizeProps {
    pub team: u8,
    pub new_team: bool,
    pub lead_has_done_both: bool,
    /// The thresholds in force, which the page's author may have moved.
    pub sizes: Sizes,
    pub dispatch: Callback<Action>,
}

/// The team-size slider, its zones, and the two modifiers the sources name.
#[function_component]
pub fn TeamSize(props: &TeamSizeProps) -> Html {
    let sizes = &props.sizes;
    let on_team = props.dispatch.reform(|event: InputEvent| {
        let input: HtmlInputElement = event.target_unchecked_into();
        Action::SetTeam(input.value().parse().unwrap_or(0))
    });
    let engineers = Text::engineers(props.team);

    html! {
        <section class="team-size" aria-labelledby="team-size-heading">
            <h2 id="team-size-heading">{ Text::TeamSizeHeading.get() }</h2>
            <div class="team-size__control">
                <label class="team-size__label" for="team-size">{ Text::TeamSizeLabel.get() }</label>
                <output class="team-size__value" for="team-size" aria-hidden="true">{ props.team }</output>
                <input id="team-size" class="team-size__slider" type="range"
                    min={sizes.min.to_string()} max={sizes.max.to_string()} step="1"
                    value={props.team.to_string()}
                    aria-valuetext={engineers}
                    list="team-size-ticks"
                    oninput={on_team} />
                <datalist id="team-size-ticks">
                    <option value={sizes.hybrid_from.to_string()}></option>
                    <option value={sizes.split_from.to_string()}></option>
                    <option value={sizes.multi_team_from.to_string()}></option>
                </datalist>
                <Zones sizes={*sizes} current={zone(sizes, props.team)} />
            </div>
            <Modifiers new_team={props.new_team} lead_has_done_both={props.lead_has_done_both}
                dispatch={props.dispatch.clone()} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ZonesProps {
    sizes: Sizes,
    current: Zone,
}

/// The slider's legend, the current zone marked: redrawn only when a move changes zone.
#[function_component]
fn Zones(props: &ZonesProps) -> Html {
    let legend = zone_ranges(&props.sizes).map(|(zone, from, to)| {
        let is_current = zone == props.current;
        html! {
            <li class={classes!("zones__item", is_current.then_some("zones__item--current"))}
                aria-current={is_current.then_some("true")}>
                <span class="zones__range">{ format!("{from}–{to}") }</span>
                <span class="zones__label">{ zone.label() }</span>
            </li>
        }
    });
    html! {
        <ol class="zones" aria-label={Text::Zones.get()}>{ for legend }</ol>
    }
}

#[derive(Properties, PartialEq)]
struct ModifiersProps {
    new_team: bool,
    lead_has_done_both: bool,
    dispatch: Callback<Action>,
}

/// The two modifiers: apart from the slider, since Yew sets a checkbox's `checked` on every
/// render, which a slider move then need not do.
#[function_component]
fn Modifiers(props: &ModifiersProps) -> Html {
    let on_new_team = props.dispatch.reform(|event: Event| {
        Action::SetNewTeam(event.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let on_both = props.dispatch.reform(|event: Event| {
        Action::SetLeadHasDoneBoth(event.target_unchecked_into::<HtmlInputElement>().checked())
    });
    html! {
        <div class="team-size__modifiers">
            <label class="check">
                <input type="checkbox" checked={props.new_team} onchange={on_new_team} />
                { Text::NewTeam.get() }
            </label>
            <label class="check">
                <input type="checkbox" checked={props.lead_has_done_both} onchange={on_both} />
                { Text::LeadHasDoneBoth.get() }
            </label>
        </div>
    }
}
