use yew::prelude::*;

use super::{citation, CopyButton};
use crate::browser::print_part;
use crate::core::check::findings::Finding;
use crate::core::check::words::{finding_text, markdown, move_label, severity_label, summary_line};
use crate::core::check::{Change, TeamAnswers};
use crate::core::content::{CheckText, CONTENT};

#[derive(Properties, PartialEq)]
pub struct CheckFindingsProps {
    pub answers: TeamAnswers,
    pub findings: Vec<Finding>,
    pub change: Callback<Change>,
}

/// The findings, most serious first, each with its source and the move that settles it; the
/// summary line on top is announced as it changes.
#[function_component]
pub fn CheckFindings(props: &CheckFindingsProps) -> Html {
    let answers = props.answers;
    let summary = use_node_ref();
    let items: Vec<Html> = props.findings.iter().map(|finding| {
        let words = finding.id.words();
        let button = finding.fix.map(|fix| {
            let (change, summary) = (props.change.clone(), summary.clone());
            let onclick = Callback::from(move |_: MouseEvent| {
                change.emit(fix.change());
                // The button goes with its finding: the focus stays with the findings.
                if let Some(summary) = summary.cast::<web_sys::HtmlElement>() {
                    let _ = summary.focus();
                }
            });
            html! {
                <button type="button" class="button finding__move" {onclick}>{ move_label(fix, &answers) }</button>
            }
        });
        let duty = finding.duty.map(|row| row.row().id);
        html! {
            <li class={classes!("finding", format!("finding--{}", finding.severity.key()))}
                data-finding={finding.id.key()} data-duty={duty}>
                <p class="finding__text">
                    <strong class="finding__severity">{ severity_label(finding.severity).get() }</strong>
                    { " " }{ finding_text(finding, &answers) }
                </p>
                { citation(words.sources, words.reasoning) }
                { for button }
            </li>
        }
    }).collect();
    let on_print = Callback::from(|_: MouseEvent| print_part("team-check"));
    html! {
        <section class="team-check__findings" aria-labelledby="team-check-findings-heading">
            <h3 id="team-check-findings-heading">{ CheckText::Findings.get() }</h3>
            <p class="team-check__summary" role="status" tabindex="-1" ref={summary}>{ summary_line(&props.findings) }</p>
            { citation(CONTENT.check_sources, None) }
            <ul class="findings">{ items }</ul>
            <div class="team-check__export">
                <CopyButton text={markdown(&answers, &props.findings)} label={CheckText::CopyMarkdown.get()} what={CheckText::WhatFindings.get()} />
                <button type="button" class="button" onclick={on_print}>{ CheckText::Print.get() }</button>
            </div>
        </section>
    }
}
