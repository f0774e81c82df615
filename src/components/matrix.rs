use yew::prelude::*;

use super::{Citation, MatrixRow};
use crate::core::content::{RoleKey, RowId, Text, CONTENT};
use crate::core::state::{Action, RoleSet};

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub roles: RoleSet,
    pub rows: Vec<RowId>,
    pub open_row: Option<RowId>,
    /// The roles the team-size recommendation staffs; their columns are emphasised.
    pub recommended: &'static [RoleKey],
    pub dispatch: Callback<Action>,
}

/// The responsibility matrix: one column per compared role, one body per group of duties.
#[function_component]
pub fn Matrix(props: &MatrixProps) -> Html {
    let is_recommended = |role: &RoleKey| props.recommended.contains(role);
    let headers = props.roles.iter().map(|role| {
        let recommended = is_recommended(&role);
        html! {
            <th scope="col" key={role.slug()}
                class={classes!("matrix__role", recommended.then_some("matrix__role--recommended"))}>
                <abbr title={role.role().name}>{ role.role().short }</abbr>
                <span class="matrix__role-name">{ role.role().name }</span>
                if recommended {
                    <span class="matrix__badge">{ Text::Recommended.get() }</span>
                }
                if role.role().levels.is_some() {
                    <span class="matrix__derived">{ Text::OurReading.get() }</span>
                }
            </th>
        }
    });
    let recommended_slugs = props
        .recommended
        .iter()
        .map(|role| role.slug())
        .collect::<Vec<_>>()
        .join(" ");
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
                <Citation sources={levels.sources} reasoning={Some(levels.reasoning)} />
            </div>
        })
    });
    let shown = props.rows.len();
    let recommended_but_hidden: Vec<&str> = props
        .recommended
        .iter()
        .filter(|role| !props.roles.contains(**role))
        .map(|role| role.role().name)
        .collect();

    html! {
        <div class="matrix-frame">
            if !recommended_but_hidden.is_empty() {
                <p class="matrix__hint">
                    { Text::RecommendedHidden.fill(&[("roles", &recommended_but_hidden.join(&format!(" {} ", Text::And.get())))]) }
                </p>
            }
            <table class="matrix" data-recommended={recommended_slugs}>
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
