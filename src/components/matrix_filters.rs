use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::core::content::{GroupId, Text, CONTENT};
use crate::core::state::Action;

#[derive(Properties, PartialEq)]
pub struct MatrixFiltersProps {
    pub group: Option<GroupId>,
    pub only_differences: bool,
    pub dispatch: Callback<Action>,
}

/// Narrows the matrix to one group of duties, or to the rows where the roles differ.
#[function_component]
pub fn MatrixFilters(props: &MatrixFiltersProps) -> Html {
    let on_group = props.dispatch.reform(|event: Event| {
        let select: HtmlSelectElement = event.target_unchecked_into();
        Action::SetGroup(select.value().parse().ok().map(GroupId))
    });
    let on_differences = props.dispatch.reform(|event: Event| {
        Action::SetOnlyDifferences(event.target_unchecked_into::<HtmlInputElement>().checked())
    });
    let options = CONTENT.group_ids().map(|id| {
        html! {
            <option value={id.0.to_string()} selected={props.group == Some(id)} key={id.group().id}>
                { id.group().name }
            </option>
        }
    });
    html! {
        <div class="matrix-filters">
            <label class="matrix-filters__group">
                <span>{ Text::Show.get() }</span>
                <select class="field" onchange={on_group}>
                    <option value="" selected={props.group.is_none()}>{ Text::AllGroups.get() }</option>
                    { for options }
                </select>
            </label>
            <label class="check">
                <input type="checkbox" checked={props.only_differences} onchange={on_differences} />
                { Text::OnlyDifferences.get() }
            </label>
        </div>
    }
}
