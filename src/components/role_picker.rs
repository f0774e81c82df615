use yew::prelude::*;

use crate::core::content::Text;
use crate::core::state::{Action, RoleSet};

#[derive(Properties, PartialEq)]
pub struct RolePickerProps {
    pub roles: RoleSet,
    pub dispatch: Callback<Action>,
}

/// Which roles to compare: any two of TL, EM and TLM, or all three.
#[function_component]
pub fn RolePicker(props: &RolePickerProps) -> Html {
    let choices = RoleSet::CHOICES.iter().map(|choice| {
        let choice = *choice;
        let onchange = props
            .dispatch
            .reform(move |_: Event| Action::SetRoles(choice));
        let label = choice.label();
        html! {
            <label class="segmented__option" key={label.clone()}>
                <input class="segmented__input" type="radio" name="compared-roles"
                    checked={choice == props.roles} {onchange} />
                <span class="button segmented__text">{ label }</span>
            </label>
        }
    });
    html! {
        <fieldset class="segmented">
            <legend class="segmented__legend">{ Text::Compare.get() }</legend>
            { for choices }
        </fieldset>
    }
}
