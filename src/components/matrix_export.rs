use yew::prelude::*;

use super::CopyButton;
use crate::core::content::{GroupId, Text};
use crate::core::export::{csv, csv_data_url, markdown};
use crate::core::state::{RoleSet, State};

/// Only what shapes the table, so moving the slider does not rebuild the exports.
#[derive(Properties, PartialEq)]
pub struct MatrixExportProps {
    pub roles: RoleSet,
    pub group: Option<GroupId>,
    pub only_differences: bool,
}

/// Takes the matrix, as filtered, into the reader's own documents.
#[function_component]
pub fn MatrixExport(props: &MatrixExportProps) -> Html {
    let table = State {
        roles: props.roles,
        group: props.group,
        only_differences: props.only_differences,
        ..State::default()
    };
    // Built on click, so the CSV neither weighs on the prerendered page nor on every render.
    let on_download = Callback::from(move |event: MouseEvent| {
        let link: web_sys::HtmlAnchorElement = event.target_unchecked_into();
        link.set_href(&csv_data_url(&csv(&table)));
    });
    html! {
        <div class="matrix-export">
            <CopyButton text={markdown(&table)} label={Text::CopyMarkdown.get()} what={Text::WhatTable.get()} />
            <a class="button" download="two-hats.csv" href="#" onclick={on_download}>
                { Text::DownloadCsv.get() }
            </a>
        </div>
    }
}
