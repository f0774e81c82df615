use yew::prelude::*;

use super::{citation, disagreement};
use crate::core::content::{Text, CONTENT};
use crate::core::state::RoleSet;

#[derive(Properties, PartialEq)]
pub struct ScenariosProps {
    pub roles: RoleSet,
}

/// The same three situations, answered side by side by each compared role.
#[function_component]
pub fn Scenarios(props: &ScenariosProps) -> Html {
    let scenarios = CONTENT.scenarios.iter().map(|scenario| {
        let responses = props.roles.iter().map(|role| {
            let response = &scenario.responses[role.index()];
            html! {
                <div class={classes!("scenario__response", format!("scenario__response--{}", role.slug()))} key={role.slug()}>
                    <dt>{ role.role().name }</dt>
                    <dd>{ response.text }{ citation(response.sources, response.reasoning) }</dd>
                </div>
            }
        });
        html! {
            <article class="scenario" key={scenario.id}>
                <h3 class="scenario__title">{ scenario.title }</h3>
                <dl class="scenario__responses">{ for responses }</dl>
                { disagreement(scenario.disagreement, true) }
            </article>
        }
    });
    html! {
        <section class="scenarios" aria-labelledby="scenarios-heading">
            <h2 id="scenarios-heading">{ Text::ScenariosHeading.get() }</h2>
            <div class="scenarios__list">{ for scenarios }</div>
        </section>
    }
}
