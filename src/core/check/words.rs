//! What the check says: each finding's text with its blanks filled, the label of each move,
//! the names of who does a duty, the summary line, and the findings as Markdown.

use super::findings::{halved_tl_coding, Finding, FindingId, Move, Severity};
use super::{Holder, Lead, Person, TeamAnswers};
use crate::core::content::{fill, CheckText, RoleKey, RowId, Text, CONTENT};

/// How the check's controls name each of `Lead`'s set-ups.
pub fn lead_label(lead: Lead) -> CheckText {
    match lead {
        Lead::One => CheckText::LeadOne,
        Lead::Two => CheckText::LeadTwo,
        Lead::EmOnly => CheckText::LeadEm,
        Lead::TlOnly => CheckText::LeadTl,
        Lead::Nobody => CheckText::LeadNone,
    }
}

/// Who does a duty, as a choice in its menu: with one lead, `Both` is that person.
pub fn holder_label(holder: Holder, lead: Lead) -> CheckText {
    match holder {
        Holder::Tl => CheckText::HolderTl,
        Holder::Em => CheckText::HolderEm,
        Holder::Both if lead == Lead::One => CheckText::HolderLead,
        Holder::Both => CheckText::HolderBoth,
        Holder::Other => CheckText::HolderOther,
        Holder::Nobody => CheckText::HolderNobody,
    }
}

/// Who does a duty, inside a sentence.
pub fn who(holder: Holder, lead: Lead) -> CheckText {
    match holder {
        Holder::Tl => CheckText::WhoTl,
        Holder::Em => CheckText::WhoEm,
        Holder::Both if lead == Lead::One => CheckText::WhoLead,
        Holder::Both => CheckText::WhoBoth,
        Holder::Other => CheckText::WhoOther,
        Holder::Nobody => CheckText::WhoNobody,
    }
}

pub fn severity_label(severity: Severity) -> CheckText {
    match severity {
        Severity::BreaksRule => CheckText::BreaksRule,
        Severity::Risk => CheckText::Risk,
        Severity::Disagreement => CheckText::Disagreement,
    }
}

pub fn duty_name(row: RowId) -> &'static str {
    CONTENT
        .responsibilities
        .get(usize::from(row.0))
        .map_or("", |duty| duty.name)
}

/// The short name of whoever codes `tl_coding`: the TL, or the one lead as the hybrid.
fn tl_role(lead: Lead) -> RoleKey {
    if lead == Lead::One {
        RoleKey::TechLeadManager
    } else {
        RoleKey::TechLead
    }
}

fn em_role(lead: Lead) -> RoleKey {
    if lead == Lead::One {
        RoleKey::TechLeadManager
    } else {
        RoleKey::EngineeringManager
    }
}

/// The finding's text, its blanks filled from the answers.
pub fn finding_text(finding: &Finding, answers: &TeamAnswers) -> String {
    let lead = answers.lead;
    let duty = finding.duty.map_or("", duty_name);
    let engineers = Text::engineers(answers.size);
    let tl = RoleKey::TechLead.role();
    let em = RoleKey::EngineeringManager.role();
    let holder = |person: Person| {
        finding
            .duty
            .map_or("", |row| who(answers.holder(person, row), lead).get())
    };
    let template = finding.id.words().text;
    let fill = |values: &[(&str, &dyn std::fmt::Display)]| fill(template, values);
    match finding.id {
        FindingId::SplitNow => fill(&[("engineers", &engineers)]),
        FindingId::TlCodingNotHalved => fill(&[
            ("role", &tl_role(lead).role().short),
            ("percent", &answers.tl_coding()),
            ("half", &halved_tl_coding()),
        ]),
        FindingId::EmArchitectureStale => {
            fill(&[("role", &em_role(lead).role().short), ("duty", &duty)])
        }
        FindingId::EmTrap => fill(&[
            ("percent", &answers.em_coding()),
            ("max", &em.coding.max_percent),
        ]),
        FindingId::TlCodingRange => {
            fill(&[("percent", &answers.tl_coding()), ("range", &tl.coding)])
        }
        FindingId::EmCodingRange => {
            fill(&[("percent", &answers.em_coding()), ("range", &em.coding)])
        }
        FindingId::PerspectivesDiffer => fill(&[
            ("duty", &duty),
            ("first", &holder(Person::First)),
            ("second", &holder(Person::Second)),
        ]),
        FindingId::TlAuthority | FindingId::Unowned | FindingId::DoubleOwned => {
            fill(&[("duty", &duty)])
        }
        FindingId::NoLead | FindingId::TlTrap => template.to_owned(),
    }
}

/// The label of the button that makes `fix`.
pub fn move_label(fix: Move, answers: &TeamAnswers) -> String {
    let lead = answers.lead;
    match fix {
        Move::Duty(row, holder) => CheckText::MoveDuty
            .fill(&[("duty", &duty_name(row)), ("who", &who(holder, lead).get())]),
        Move::Settle(row, holder) => {
            CheckText::Settle.fill(&[("duty", &duty_name(row)), ("who", &who(holder, lead).get())])
        }
        Move::TlCoding(percent) => CheckText::SetCoding
            .fill(&[("role", &tl_role(lead).role().short), ("percent", &percent)]),
        Move::EmCoding(percent) => CheckText::SetCoding
            .fill(&[("role", &em_role(lead).role().short), ("percent", &percent)]),
        Move::Lead(Lead::One) => CheckText::OneLead.get().to_owned(),
        Move::Lead(_) => CheckText::Split.get().to_owned(),
    }
}

/// How many findings of each severity, for the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub breaks: usize,
    pub risks: usize,
    pub disagreements: usize,
}

pub fn summary(findings: &[Finding]) -> Summary {
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    Summary {
        breaks: count(Severity::BreaksRule),
        risks: count(Severity::Risk),
        disagreements: count(Severity::Disagreement),
    }
}

pub fn summary_line(findings: &[Finding]) -> String {
    if findings.is_empty() {
        return CheckText::AllClear.get().to_owned();
    }
    let counts = summary(findings);
    CheckText::Summary.fill(&[
        ("breaks", &counts.breaks),
        ("risks", &counts.risks),
        ("disagreements", &counts.disagreements),
    ])
}

/// The findings as Markdown, for a one-on-one or a retro: the team in a line, the summary,
/// then each finding with how serious it is, its source and what to move.
pub fn markdown(answers: &TeamAnswers, findings: &[Finding]) -> String {
    let mut out = format!(
        "## {}\n\n{} · {}\n\n{}\n",
        Text::CheckHeading.get(),
        Text::engineers(answers.size),
        lead_label(answers.lead).get(),
        summary_line(findings),
    );
    for finding in findings {
        let words = finding.id.words();
        let titles: Vec<String> = words
            .sources
            .iter()
            .map(|id| format!("*{}*", id.source().title))
            .collect();
        let basis = match (words.reasoning, words.sources.len()) {
            (Some(_), _) => Text::DerivedFrom,
            (None, 1) => Text::SourceOne,
            (None, _) => Text::SourceMany,
        };
        out.push_str(&format!(
            "\n- **{}:** {}\n  {} {}\n",
            severity_label(finding.severity).get(),
            finding_text(finding, answers),
            basis.get(),
            titles.join("; "),
        ));
        if let Some(fix) = finding.fix {
            out.push_str(&format!(
                "  {}: {}\n",
                CheckText::WhatToMove.get(),
                move_label(fix, answers)
            ));
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::{findings::findings, fragment};
    use super::*;

    fn check(fragment_text: &str) -> (TeamAnswers, Vec<Finding>) {
        let answers = fragment::parse(fragment_text);
        let found = findings(&answers, &CONTENT.team_size);
        (answers, found)
    }

    #[test]
    fn each_finding_fills_every_blank() {
        let cases = [
            "size=14&lead=one&tl-coding=60&em-code=stale",
            "lead=none",
            "o.performance-reviews=tl&o.one-on-ones=both&o.hiring=none&tl-coding=80&em-coding=40&em-code=stale&o.architecture=em&second=1&o2.hiring=tl",
        ];
        let mut seen = std::collections::BTreeSet::new();
        for case in cases {
            let (answers, found) = check(case);
            for finding in &found {
                let text = finding_text(finding, &answers);
                assert!(!text.contains('{'), "{text}");
                assert!(!move_label(finding.fix.unwrap(), &answers).contains('{'));
                seen.insert(finding.id);
            }
        }
        assert_eq!(seen.len(), FindingId::ALL.len(), "{seen:?}");
    }

    #[test]
    fn a_finding_says_the_figures_of_the_team() {
        let (answers, found) = check("lead=one&tl-coding=60");
        assert_eq!(
            finding_text(&found[0], &answers),
            "The TLM answers for how the team works and for careers, and still spends 60% of the week coding. The opinion piece's first rule: whoever carries both gets their coding time cut by half, here to 35% at most."
        );
        assert_eq!(
            move_label(found[0].fix.unwrap(), &answers),
            "Set the TLM's coding to 35%"
        );
        let (answers, found) = check("o.hiring=none");
        assert_eq!(
            move_label(found[0].fix.unwrap(), &answers),
            "Move Headcount planning, hiring and onboarding to the EM"
        );
    }

    #[test]
    fn the_summary_counts_by_severity() {
        let (_, found) = check("size=14&lead=one&o.hiring=none");
        assert_eq!(
            summary_line(&found),
            "Rules broken: 1 · Risks: 1 · Where the articles disagree: 0"
        );
        let (_, none) = check("");
        assert_eq!(summary_line(&none), CheckText::AllClear.get());
    }

    #[test]
    fn the_markdown_holds_every_finding_with_its_source_and_move() {
        let (answers, found) = check("size=14&lead=one&em-code=stale");
        let markdown = markdown(&answers, &found);
        assert!(
            markdown.starts_with("## Check your team\n\n14 engineers · One person, as TL and EM\n")
        );
        assert_eq!(markdown.matches("\n- **").count(), found.len());
        assert!(markdown.contains(
            "*Tech Lead vs Engineering Manager: The Real Difference (Not the Same Role)*"
        ));
        assert!(markdown.contains("What to move: Split the roles: a TL and an EM"));
    }
}
