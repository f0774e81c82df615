use yew::prelude::*;

use super::{citation, MatrixRow};
use crate::core::content::{RoleKey, RowId, Text, CONTENT};
use crate::core::state::{Action, RoleSet};

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub roles: RoleSet,
    pub rows: Vec<RowId>,
    pub open_row: Option<RowId>,
    pub dispatch: Callback<Action>,
}

/// The responsibility matrix: one column per compared role, one body per group of duties.
///
/// Which roles the team-size recommendation staffs is not the matrix's to draw: the page marks
/// them on the later parts' region (`data-recommended`), and styles/matrix.css shows each
/// column's badge, shading and hint from there. So the matrix is the same at every team size,
/// a slider move redraws none of it, and a link with a team size needs no code of its own.
#[function_component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let headers = props.roles.iter().map(|role| {
        html! {
            <th scope="col" key={role.slug()} class={classes!("matrix__role", format!("matrix__role--{}", role.slug()))}>
                <abbr title={role.role().name}>{ role.role().short }</abbr>
                <span class="matrix__role-name">{ role.role().name }</span>
                <span class="matrix__badge">{ Text::Recommended.get() }</span>
                if role.role().levels.is_some() {
                    <span class="matrix__derived">{ Text::OurReading.get() }</span>
                }
            </th>
        }
    });
    let columns = props.roles.count() + 1;
    let groups = CONTENT.group_ids().filter_map(|group| {
        let rows: Vec<RowId> = props
            .rows
            .iter()
            .copied()
            .filter(|id| id.row().group == group)
            .collect();
        if rows.is_empty() {
            return None;
        }
        let rows = rows.into_iter().map(|id| {
            html! {
                <MatrixRow key={id.0} id={id} roles={props.roles} open={props.open_row == Some(id)}
                    dispatch={props.dispatch.clone()} />
            }
        });
        Some(html! {
            <tbody key={group.group().id} class="matrix__group">
                <tr class="matrix__group-header">
                    <th scope="rowgroup" colspan={columns.to_string()}>{ group.group().name }</th>
                </tr>
                { for rows }
            </tbody>
        })
    });
    // A column no source rates duty by duty says whose reading it is, under the table.
    let derived_columns = props.roles.iter().filter_map(|role| {
        let levels = role.role().levels.as_ref()?;
        Some(html! {
            <div class="matrix__derived-note" key={role.slug()}>
                <p class="matrix__derived-column">{ Text::DerivedColumn.fill(&[("role", &role.role().name)]) }</p>
                { citation(levels.sources, Some(levels.reasoning)) }
            </div>
        })
    });
    let shown = props.rows.len();
    // Shown only for a role the recommendation staffs.
    let left_out = RoleKey::ALL
        .into_iter()
        .filter(|role| !props.roles.contains(*role))
        .map(|role| {
            html! {
                <p key={role.slug()} class={classes!("matrix__hint", format!("matrix__hint--{}", role.slug()))}>
                    { Text::RecommendedHidden.fill(&[("role", &role.role().name)]) }
                </p>
            }
        });

    html! {
        <div class="matrix-frame">
            <div class="matrix__hints">{ for left_out }</div>
            <table class="matrix">
                <caption class="matrix__caption">
                    { Text::MatrixCaption.fill(&[("shown", &shown), ("total", &CONTENT.responsibilities.len())]) }
                </caption>
                <thead>
                    <tr>
                        <th scope="col" class="matrix__duty-header">{ Text::Duty.get() }</th>
                        { for headers }
                    </tr>
                </thead>
                { for groups }
            </table>
            if shown == 0 {
                <p class="matrix__empty">{ Text::MatrixEmpty.get() }</p>
            }
            // Always present, so the table before it is updated, not rebuilt, when a column's
            // note comes or goes.
            <div class="matrix__derived-notes">{ for derived_columns }</div>
        </div>
    }
}
