//! The matrix as the reader sees it, for their own documents: Markdown and CSV.

use super::content::{Cited, RoleKey, RowId, SourceId, Text, CONTENT};
use super::state::State;

fn source_titles(cited: &Cited) -> Vec<&'static str> {
    cited.sources.iter().map(|id| id.source().title).collect()
}

/// "[1] [4]": sources by their number in the list under the table.
fn source_numbers(sources: &[SourceId]) -> String {
    let numbers: Vec<String> = sources
        .iter()
        .map(|source| format!("[{}]", source.0 + 1))
        .collect();
    numbers.join(" ")
}

/// A role's column heading, marked when the column is the widget's own reading.
fn column_name(role: RoleKey, name: &str) -> String {
    match role.role().levels {
        Some(_) => format!("{name} ({})", Text::OurReading.get()),
        None => name.to_owned(),
    }
}

/// A Markdown table of the visible rows for the compared roles, then the sources it cites.
pub fn markdown(state: &State) -> String {
    let roles: Vec<_> = state.roles.iter().collect();
    let mut out = format!("| {} |", Text::Duty.get());
    for role in &roles {
        out.push_str(&format!(" {} |", column_name(*role, role.role().short)));
    }
    out.push_str(&format!(" {} |\n|---|", Text::SourcesHeading.get()));
    out.push_str(&"---|".repeat(roles.len()));
    out.push_str("---|\n");
    let rows: Vec<RowId> = state.visible_rows().collect();
    for id in &rows {
        let row = id.row();
        out.push_str(&format!("| {} |", escape_markdown(row.name)));
        for role in &roles {
            let level = row.level(*role);
            out.push_str(&format!(" {} {} |", level.symbol(), level.label()));
        }
        out.push_str(&format!(" {} |\n", source_numbers(row.explanation.sources)));
    }
    out.push_str(&format!("\n{}\n", Text::SourceMany.get()));
    for (index, source) in CONTENT.sources.iter().enumerate() {
        out.push_str(&format!(
            "{}. \"{}\" ({})\n",
            index + 1,
            source.title,
            source.detail
        ));
    }
    for role in &roles {
        if let Some(levels) = &role.role().levels {
            out.push_str(&format!(
                "\n{}: {} {}. {}\n",
                Text::DerivedColumn.fill(&[("role", &role.role().name)]),
                Text::DerivedFrom.get(),
                source_numbers(levels.sources),
                levels.reasoning
            ));
        }
    }
    out.push_str(&format!("\n{}\n", Text::ExportedFrom.get()));
    out
}

/// One line per visible row: group, duty, each compared role's level, the sources' titles.
pub fn csv(state: &State) -> String {
    let roles: Vec<_> = state.roles.iter().collect();
    let mut header = vec![Text::Group.get().to_owned(), Text::Duty.get().to_owned()];
    header.extend(
        roles
            .iter()
            .map(|role| column_name(*role, role.role().name)),
    );
    header.push(Text::SourcesHeading.get().to_owned());
    let mut lines = vec![csv_line(&header)];
    for id in state.visible_rows() {
        let row = id.row();
        let mut fields = vec![row.group.group().name.to_owned(), row.name.to_owned()];
        fields.extend(roles.iter().map(|role| row.level(*role).label().to_owned()));
        fields.push(source_titles(&row.explanation).join("; "));
        lines.push(csv_line(&fields));
    }
    lines.join("\r\n") + "\r\n"
}

/// A `data:` URL that downloads `text` as a UTF-8 CSV file.
pub fn csv_data_url(text: &str) -> String {
    let mut url = String::from("data:text/csv;charset=utf-8,");
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

fn csv_line(fields: &[String]) -> String {
    let quoted: Vec<String> = fields
        .iter()
        .map(|field| {
            if field.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", field.replace('"', "\"\""))
            } else {
                field.clone()
            }
        })
        .collect();
    quoted.join(",")
}

fn escape_markdown(text: &str) -> String {
    text.replace('|', "\\|")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::content::RoleKey;
    use crate::core::state::{Action, RoleSet};

    fn tl_em() -> State {
        State::default().apply(Action::SetRoles(
            RoleSet::of(&[RoleKey::TechLead, RoleKey::EngineeringManager]).unwrap(),
        ))
    }

    #[test]
    fn markdown_is_a_table_of_the_visible_rows_with_numbered_sources() {
        let text = markdown(&tl_em());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "| Duty | TL | EM | Sources |");
        assert_eq!(lines[1], "|---|---|---|---|");
        assert!(
            lines[2].starts_with(
                "| Technical excellence and innovation | ● Owns | ○ Supports | [4] [5] |"
            ),
            "{}",
            lines[2]
        );
        assert_eq!(
            lines
                .iter()
                .filter(|line| line.starts_with("| ") && !line.starts_with("| Duty"))
                .count(),
            CONTENT.responsibilities.len()
        );
        assert!(text.contains(
            "1. \"Tech Lead vs Engineering Manager: The Real Difference (Not the Same Role)\""
        ));
    }

    #[test]
    fn the_derived_tlm_column_is_marked_with_its_reasoning() {
        let all = State::default();
        let text = markdown(&all);
        assert!(text.starts_with("| Duty | TL | EM | TLM (Our reading) | Sources |"));
        let levels = RoleKey::TechLeadManager.role().levels.as_ref().unwrap();
        assert!(text.contains(&format!(
            "Tech Lead Manager column: Our reading of: {}. {}",
            source_numbers(levels.sources),
            levels.reasoning
        )));
        assert!(csv(&all).starts_with(
            "Group,Duty,Tech Lead,Engineering Manager,Tech Lead Manager (Our reading),Sources"
        ));
        assert!(!markdown(&tl_em()).contains("Our reading"));
    }

    #[test]
    fn markdown_follows_the_filters() {
        let state = tl_em().apply(Action::SetOnlyDifferences(true));
        let rows = markdown(&state)
            .lines()
            .filter(|line| line.starts_with("| "))
            .count()
            - 1;
        assert_eq!(rows, state.visible_rows().count());
        assert!(!markdown(&state).contains("Team visibility"));
    }

    #[test]
    fn csv_quotes_what_needs_quoting() {
        let text = csv(&tl_em());
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "Group,Duty,Tech Lead,Engineering Manager,Sources");
        assert!(lines.contains(&"Technology,\"Platform direction, patterns and practices\",Owns,Supports,Tech Lead vs Engineering Manager"));
        assert_eq!(
            lines.len(),
            CONTENT.responsibilities.len() + 2,
            "header, rows, final empty"
        );
        assert_eq!(csv_line(&["say \"hi\"".to_owned()]), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn the_data_url_escapes_everything_but_unreserved_bytes() {
        assert_eq!(
            csv_data_url("a,b\r\n–"),
            "data:text/csv;charset=utf-8,a%2Cb%0D%0A%E2%80%93"
        );
    }
}
