use yew::prelude::*;

use super::{citation, disagreement};
use crate::core::content::{RowId, Text};
use crate::core::state::{Action, RoleSet};

#[derive(Properties, PartialEq)]
pub struct MatrixRowProps {
    pub id: RowId,
    pub roles: RoleSet,
    pub open: bool,
    pub dispatch: Callback<Action>,
}

/// One duty: its ownership per role and, when open, the explanation, any disagreement
/// between the sources, and the sources themselves.
#[function_component]
pub fn MatrixRow(props: &MatrixRowProps) -> Html {
    let row = props.id.row();
    let detail_id = format!("duty-{}", row.id);
    let id = props.id;
    let on_toggle = props
        .dispatch
        .reform(move |_: MouseEvent| Action::ToggleRow(id));

    let cells = props.roles.iter().map(|role| {
        let level = row.level(role);
        // Which columns are recommended is the page's to say (`data-recommended` around the
        // later parts), so that a slider move across a boundary redraws no row.
        html! {
            <td key={role.slug()} class={classes!(
                "level", format!("level--{}", level.slug()), format!("matrix__cell--{}", role.slug()),
            )}>
                <span class="level__symbol" aria-hidden="true">{ level.symbol() }</span>
                <span class="level__label">{ level.label() }</span>
                if let Some(note) = row.note(role) {
                    <span class="level__note">{ note }</span>
                }
            </td>
        }
    });

    html! {
        <>
            <tr class={classes!("duty", props.open.then_some("duty--open"))}>
                <th scope="row" class="duty__name">
                    <button type="button" class="duty__toggle" aria-expanded={props.open.to_string()}
                        aria-controls={detail_id.clone()} onclick={on_toggle}>
                        <span class="duty__chevron" aria-hidden="true"></span>
                        { row.name }
                    </button>
                    if row.is_disputed() {
                        <span class="duty__disputed">{ Text::SourcesDisagree.get() }</span>
                    }
                </th>
                { for cells }
            </tr>
            <tr id={detail_id} class="duty-detail" hidden={!props.open}>
                <td colspan={(props.roles.count() + 1).to_string()}>
                    if props.open {
                        <p class="duty-detail__text">{ row.explanation.text }</p>
                        { disagreement(row.disagreement, false) }
                        { citation(row.explanation.sources, row.explanation.reasoning) }
                    }
                </td>
            </tr>
        </>
    }
}
