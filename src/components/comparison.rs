use yew::prelude::*;

use super::citation;
use crate::core::content::Text;
use crate::core::state::RoleSet;

#[derive(Properties, PartialEq)]
pub struct ComparisonProps {
    pub roles: RoleSet,
}

/// One card per compared role: what it focuses on, how it is measured, its trap, how much
/// it codes.
#[function_component]
pub fn Comparison(props: &ComparisonProps) -> Html {
    let cards = props.roles.iter().map(|key| {
        let role = key.role();
        html! {
            <article class={classes!("role-card", format!("role-card--{}", key.slug()))} key={key.slug()}>
                <h3 class="role-card__name">
                    { role.name }<span class="role-card__short">{ format!(" ({})", role.short) }</span>
                </h3>
                <dl class="role-card__facts">
                    <div class="role-card__fact">
                        <dt>{ Text::Focus.get() }</dt>
                        <dd>{ role.focus.text }{ citation(role.focus.sources, role.focus.reasoning) }</dd>
                    </div>
                    <div class="role-card__fact">
                        <dt>{ Text::MeasuredBy.get() }</dt>
                        <dd>{ role.measured_by.text }{ citation(role.measured_by.sources, role.measured_by.reasoning) }</dd>
                    </div>
                    <div class="role-card__fact">
                        <dt>{ Text::TheTrap.get() }</dt>
                        <dd>{ role.trap.text }{ citation(role.trap.sources, role.trap.reasoning) }</dd>
                    </div>
                    <div class="role-card__fact">
                        <dt>{ Text::HandsOnCoding.get() }</dt>
                        <dd>{ Text::ShareOfTime.fill(&[("range", &role.coding)]) }{ citation(role.coding.sources, role.coding.reasoning) }</dd>
                    </div>
                </dl>
            </article>
        }
    });
    html! {
        <section class="comparison" aria-labelledby="comparison-heading">
            <h2 id="comparison-heading">{ Text::ComparisonHeading.get() }</h2>
            <div class="comparison__cards">{ for cards }</div>
        </section>
    }
}
