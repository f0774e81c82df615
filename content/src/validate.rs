//! Checks that go beyond the file's shape: references, ranges, uniqueness and coverage.

use std::collections::BTreeSet;

use crate::raw::{Basis, Cited, File, Language, Question, Role, TeamSize};
use crate::{ContentError, CHECK_UI_KEYS, FINDING_KEYS, REASON_KEYS, UI_KEYS};

pub const LEVELS: &[&str] = &["owns", "shares", "supports", "none"];
const LADDER_SIDES: &[&str] = &["tl", "em", "both"];
const MAX_EXPLANATION_SENTENCES: usize = 3;
const MAX_REASONING_SENTENCES: usize = 2;
const QUESTIONS: std::ops::RangeInclusive<usize> = 6..=crate::MAX_QUESTIONS;
const OPTIONS: std::ops::RangeInclusive<usize> = 2..=4;
const LEAN: std::ops::RangeInclusive<i8> = -2..=2;

pub fn check(file: &File) -> Result<(), Vec<ContentError>> {
    let mut errors = Errors::default();
    let source_ids = unique_ids(&mut errors, "sources", file.sources.iter().map(|s| &s.id));
    let group_ids = unique_ids(&mut errors, "groups", file.groups.iter().map(|g| &g.id));
    let mut cited = BTreeSet::new();
    let mut refs = Refs {
        known: &source_ids,
        cited: &mut cited,
        errors: &mut errors,
    };

    for source in &file.sources {
        let at = format!("sources[id = {:?}]", source.id);
        refs.errors.require_text(&at, "title", &source.title);
    }
    for (key, role) in [
        ("tl", &file.roles.tl),
        ("em", &file.roles.em),
        ("tlm", &file.roles.tlm),
    ] {
        check_role(&mut refs, &format!("roles.{key}"), role);
    }
    for group in &file.groups {
        refs.errors
            .require_text(&format!("groups[id = {:?}]", group.id), "name", &group.name);
    }
    check_responsibilities(&mut refs, file, &group_ids);
    unique_ids(refs.errors, "facts", file.facts.iter().map(|f| &f.id));
    for fact in &file.facts {
        let at = format!("facts[id = {:?}]", fact.id);
        refs.errors.require_text(&at, "title", &fact.title);
        refs.statement(&at, "text", &fact.text, fact.basis());
        refs.disagreement(&at, &fact.disagreement);
    }
    unique_ids(
        refs.errors,
        "scenarios",
        file.scenarios.iter().map(|s| &s.id),
    );
    for scenario in &file.scenarios {
        let at = format!("scenarios[id = {:?}]", scenario.id);
        refs.errors.require_text(&at, "title", &scenario.title);
        for (key, response) in [
            ("tl", &scenario.tl),
            ("em", &scenario.em),
            ("tlm", &scenario.tlm),
        ] {
            refs.cited(&format!("{at}.{key}"), response);
        }
        refs.disagreement(&at, &scenario.disagreement);
    }
    unique_ids(refs.errors, "rules", file.rules.iter().map(|r| &r.id));
    for rule in &file.rules {
        refs.statement(
            &format!("rules[id = {:?}]", rule.id),
            "text",
            &rule.text,
            rule.basis(),
        );
    }
    check_reasons(&mut refs, file);
    check_findings(&mut refs, file);
    crate::fits::check(refs.errors, file);
    check_questions(&mut refs, &file.questions);
    for (key, result) in [
        ("tl", &file.assessment.tl),
        ("em", &file.assessment.em),
        ("tlm", &file.assessment.tlm),
    ] {
        refs.cited(&format!("assessment.{key}"), result);
    }
    check_team_size(refs.errors, &file.team_size);
    if let Some(language) = &file.language {
        check_language(refs.errors, language);
    }
    if let Some(ui) = &file.ui {
        check_ui(refs.errors, ui);
    }
    for (what, count) in [
        ("sources", file.sources.len()),
        ("groups", file.groups.len()),
        ("responsibilities", file.responsibilities.len()),
        ("scenarios", file.scenarios.len()),
        ("rules", file.rules.len()),
    ] {
        if count == 0 {
            errors.push(what, "needs at least one entry");
        }
    }
    for (what, count) in [
        ("sources", file.sources.len()),
        ("groups", file.groups.len()),
    ] {
        if count > usize::from(u8::MAX) {
            errors.push(
                what,
                format!("has {count} entries; the limit is {}", u8::MAX),
            );
        }
    }
    for id in source_ids.difference(&cited) {
        errors.push(
            format!("sources[id = {id:?}]"),
            "is never cited; cite it or remove it",
        );
    }
    errors.into_result()
}

fn check_role(refs: &mut Refs, at: &str, role: &Role) {
    refs.errors.require_text(at, "name", &role.name);
    refs.errors.require_text(at, "short", &role.short);
    refs.statement(
        at,
        "focus",
        &role.focus,
        Basis::paraphrase(&role.focus_sources),
    );
    refs.statement(
        at,
        "measured_by",
        &role.measured_by,
        role.measured_by_basis(),
    );
    refs.statement(
        at,
        "trap",
        &role.trap,
        Basis::paraphrase(&role.trap_sources),
    );
    refs.basis(at, "coding", role.coding_basis());
    if let Some(levels) = role.levels_basis() {
        if levels.derived_from.is_empty() {
            refs.errors.push(
                format!("{at}.levels_derived_from"),
                "is missing: a column marked as our reading names the sources it reads",
            );
        }
        refs.basis(at, "levels", levels);
    }
    if role.coding_min > role.coding_max || role.coding_max > 100 {
        refs.errors.push(
            format!("{at}.coding_max"),
            format!(
                "coding range {}–{}% must satisfy coding_min <= coding_max <= 100",
                role.coding_min, role.coding_max
            ),
        );
    }
}

fn check_responsibilities(refs: &mut Refs, file: &File, group_ids: &BTreeSet<String>) {
    unique_ids(
        refs.errors,
        "responsibilities",
        file.responsibilities.iter().map(|r| &r.id),
    );
    for row in &file.responsibilities {
        let at = format!("responsibilities[id = {:?}]", row.id);
        refs.errors.require_text(&at, "name", &row.name);
        if !group_ids.contains(&row.group) {
            refs.errors.push(
                format!("{at}.group"),
                format!("unknown group {:?}", row.group),
            );
        }
        for (key, level) in [("tl", &row.tl), ("em", &row.em), ("tlm", &row.tlm)] {
            if !LEVELS.contains(&level.as_str()) {
                refs.errors.push(
                    format!("{at}.{key}"),
                    format!(
                        "unknown level {level:?}; expected one of {}",
                        LEVELS.join(", ")
                    ),
                );
            }
        }
        if let Some(side) = &row.ladder {
            if !LADDER_SIDES.contains(&side.as_str()) {
                refs.errors.push(
                    format!("{at}.ladder"),
                    format!(
                        "unknown side {side:?}; expected one of {}",
                        LADDER_SIDES.join(", ")
                    ),
                );
            }
        }
        refs.statement(&at, "explanation", &row.explanation, row.basis());
        let sentences = sentence_count(&row.explanation);
        if sentences > MAX_EXPLANATION_SENTENCES {
            refs.errors.push(
                format!("{at}.explanation"),
                format!("has {sentences} sentences; keep it to one to three"),
            );
        }
        refs.disagreement(&at, &row.disagreement);
    }
    for group in &file.groups {
        if !file
            .responsibilities
            .iter()
            .any(|row| row.group == group.id)
        {
            refs.errors.push(
                format!("groups[id = {:?}]", group.id),
                "has no responsibilities",
            );
        }
    }
}

fn check_reasons(refs: &mut Refs, file: &File) {
    for key in REASON_KEYS {
        match file.reasons.get(*key) {
            None => refs.errors.push(
                format!("reasons.{key}"),
                "is missing; the recommendation rules use it",
            ),
            Some(reason) => {
                let at = format!("reasons.{key}");
                refs.statement(&at, "text", &reason.text, reason.basis());
                refs.disagreement(&at, &reason.disagreement);
            }
        }
    }
    for key in file.reasons.keys() {
        if !REASON_KEYS.contains(&key.as_str()) {
            refs.errors.push(
                format!("reasons.{key}"),
                format!(
                    "is not used by the rules; known reasons: {}",
                    REASON_KEYS.join(", ")
                ),
            );
        }
    }
}

/// Each finding of the team check has its words, which rest on sources or say how they read
/// them: a finding without either is refused.
fn check_findings(refs: &mut Refs, file: &File) {
    for (key, placeholders) in FINDING_KEYS {
        let at = format!("findings.{key}");
        match file.findings.get(*key) {
            None => refs
                .errors
                .push(at, "is missing; the team check makes this finding"),
            Some(finding) => {
                refs.cited(&at, finding);
                check_placeholders(
                    refs.errors,
                    &format!("{at}.text"),
                    &finding.text,
                    placeholders,
                );
            }
        }
    }
    for key in file.findings.keys() {
        if !FINDING_KEYS.iter().any(|(known, _)| known == key) {
            let known: Vec<&str> = FINDING_KEYS.iter().map(|(known, _)| *known).collect();
            refs.errors.push(
                format!("findings.{key}"),
                format!(
                    "is not a finding the team check makes; known findings: {}",
                    known.join(", ")
                ),
            );
        }
    }
}

fn check_language(errors: &mut Errors, language: &Language) {
    let code = &language.code;
    if !(2..=3).contains(&code.len()) || !code.bytes().all(|byte| byte.is_ascii_lowercase()) {
        errors.push(
            "language.code",
            format!("{code:?} is not a language code: two or three lowercase letters, like \"en\""),
        );
    }
    errors.require_text("language", "name", &language.name);
}

fn check_ui(errors: &mut Errors, ui: &std::collections::BTreeMap<String, String>) {
    let known = || UI_KEYS.iter().chain(CHECK_UI_KEYS);
    for (key, placeholders) in known() {
        let at = format!("ui.{key}");
        let Some(text) = ui.get(*key) else {
            errors.push(at, "is missing; the interface shows it");
            continue;
        };
        if text.trim().is_empty() {
            errors.push(at, "is empty");
            continue;
        }
        check_placeholders(errors, &at, text, placeholders);
    }
    for key in ui.keys() {
        if !known().any(|(known, _)| known == key) {
            errors.push(format!("ui.{key}"), "is not a text the interface shows");
        }
    }
}

/// That `text` contains each of `placeholders`, and no other.
fn check_placeholders(errors: &mut Errors, at: &str, text: &str, placeholders: &[&str]) {
    let used = placeholders_in(text);
    for wanted in placeholders {
        if !used.contains(wanted) {
            errors.push(at, format!("must contain {{{wanted}}}"));
        }
    }
    for name in used.iter().filter(|name| !placeholders.contains(name)) {
        let known = if placeholders.is_empty() {
            "it takes none".to_owned()
        } else {
            let names: Vec<String> = placeholders.iter().map(|p| format!("{{{p}}}")).collect();
            format!("it takes {}", names.join(", "))
        };
        errors.push(
            at,
            format!("has an unknown placeholder {{{name}}}; {known}"),
        );
    }
}

/// The `{name}` placeholders in a text, in order of appearance.
fn placeholders_in(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

fn check_questions(refs: &mut Refs, questions: &[Question]) {
    if !QUESTIONS.contains(&questions.len()) {
        refs.errors.push(
            "questions",
            format!(
                "has {} questions; the self-assessment takes 6 to 10",
                questions.len()
            ),
        );
    }
    unique_ids(refs.errors, "questions", questions.iter().map(|q| &q.id));
    for question in questions {
        let at = format!("questions[id = {:?}]", question.id);
        refs.statement(
            &at,
            "prompt",
            &question.prompt,
            Basis::paraphrase(&question.sources),
        );
        if !OPTIONS.contains(&question.options.len()) {
            refs.errors.push(
                format!("{at}.options"),
                format!(
                    "has {} options; a question takes 2 to 4",
                    question.options.len()
                ),
            );
        }
        for (index, option) in question.options.iter().enumerate() {
            refs.errors
                .require_text(&format!("{at}.options[{index}]"), "text", &option.text);
            if !LEAN.contains(&option.lean) {
                refs.errors.push(
                    format!("{at}.options[{index}].lean"),
                    format!(
                        "is {}; a lean runs from -2 (Tech Lead) to 2 (Engineering Manager)",
                        option.lean
                    ),
                );
            }
        }
    }
}

fn check_team_size(errors: &mut Errors, size: &TeamSize) {
    let ordered = 1 <= size.min
        && size.min <= size.hybrid_from
        && size.hybrid_from < size.split_from
        && size.split_from < size.multi_team_from
        && size.multi_team_from <= size.max;
    if !ordered {
        errors.push(
            "team_size",
            "must satisfy 1 <= min <= hybrid_from < split_from < multi_team_from <= max",
        );
    }
    if let Some(startup) = size.startup_size {
        if !(size.split_from..size.multi_team_from).contains(&startup) {
            errors.push(
                "team_size.startup_size",
                "must satisfy split_from <= startup_size < multi_team_from",
            );
        }
    }
    if !(size.min..=size.max).contains(&size.default) {
        errors.push("team_size.default", "must lie between min and max");
    }
    if u16::from(size.hybrid_technical_percent) + u16::from(size.hybrid_people_percent) != 100 {
        errors.push(
            "team_size.hybrid_people_percent",
            "hybrid_technical_percent and hybrid_people_percent must add up to 100",
        );
    }
}

fn sentence_count(text: &str) -> usize {
    let ends = text
        .split_inclusive(['.', '!', '?'])
        .filter(|part| part.trim_end().ends_with(['.', '!', '?']))
        .count();
    ends.max(1)
}

fn unique_ids<'a>(
    errors: &mut Errors,
    what: &str,
    ids: impl Iterator<Item = &'a String>,
) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    for id in ids {
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if !valid {
            errors.push(
                format!("{what}[id = {id:?}].id"),
                "must be lowercase letters, digits and dashes",
            );
        }
        if !seen.insert(id.clone()) {
            errors.push(format!("{what}[id = {id:?}].id"), "is used twice");
        }
    }
    seen
}

struct Refs<'a> {
    known: &'a BTreeSet<String>,
    cited: &'a mut BTreeSet<String>,
    errors: &'a mut Errors,
}

impl Refs<'_> {
    /// Where the articles disagree: at least two positions, each cited, and not all from one
    /// source, or it would be one article's two answers, not a disagreement.
    fn disagreement(&mut self, at: &str, positions: &[Cited]) {
        let at = format!("{at}.disagreement");
        if positions.len() == 1 {
            self.errors
                .push(&at, "a disagreement needs at least two positions");
        }
        let sources: BTreeSet<&String> = positions
            .iter()
            .flat_map(|p| {
                if p.derived_from.is_empty() {
                    &p.sources
                } else {
                    &p.derived_from
                }
            })
            .collect();
        if positions.len() > 1 && sources.len() < 2 {
            self.errors.push(
                &at,
                "all its positions cite one source: a disagreement is between articles",
            );
        }
        for (index, position) in positions.iter().enumerate() {
            self.cited(&format!("{at}[{index}]"), position);
        }
    }

    fn cited(&mut self, at: &str, cited: &Cited) {
        self.statement(at, "text", &cited.text, cited.basis());
    }

    /// A text and what it rests on. `text`, `explanation` and `prompt` take plain `sources`,
    /// `derived_from` and `reasoning`; any other field prefixes them with its own name.
    fn statement(&mut self, at: &str, field: &str, text: &str, basis: Basis) {
        self.errors.require_text(at, field, text);
        let prefix = if ["text", "explanation", "prompt"].contains(&field) {
            ""
        } else {
            field
        };
        self.basis(at, prefix, basis);
    }

    /// Every statement either paraphrases its sources or is derived from them with a
    /// reasoning, never neither and never both.
    fn basis(&mut self, at: &str, prefix: &str, basis: Basis) {
        let name = |field: &str| match prefix {
            "" => format!("{at}.{field}"),
            prefix => format!("{at}.{prefix}_{field}"),
        };
        let derived = !basis.derived_from.is_empty();
        let reasoning = basis.reasoning.map(str::trim);
        match (basis.sources.is_empty(), derived) {
            (true, false) if prefix != "levels" => self.errors.push(
                name("sources"),
                "cites no source and derives from none: give sources, or derived_from with a one-line reasoning",
            ),
            (false, true) => self.errors.push(
                name("derived_from"),
                "is given beside sources: a statement either paraphrases its sources or is derived from them",
            ),
            _ => {}
        }
        match reasoning {
            None | Some("") if derived => self.errors.push(
                name("reasoning"),
                "is missing: a derived statement says in a line how it follows from its sources",
            ),
            Some(_) if !derived && prefix != "levels" => self.errors.push(
                name("reasoning"),
                "belongs to a derived statement: name what it is derived_from",
            ),
            Some(text) if sentence_count(text) > MAX_REASONING_SENTENCES => self.errors.push(
                name("reasoning"),
                format!(
                    "has {} sentences; keep the reasoning to one or two",
                    sentence_count(text)
                ),
            ),
            _ => {}
        }
        self.sources(&name("sources"), basis.sources);
        self.sources(&name("derived_from"), basis.derived_from);
    }

    fn sources(&mut self, field: &str, sources: &[String]) {
        for source in sources {
            if self.known.contains(source) {
                self.cited.insert(source.clone());
            } else {
                self.errors
                    .push(field, format!("unknown source {source:?}"));
            }
        }
    }
}

#[derive(Default)]
pub(crate) struct Errors(Vec<ContentError>);

impl Errors {
    pub(crate) fn push(&mut self, at: impl Into<String>, message: impl Into<String>) {
        self.0.push(ContentError {
            line: None,
            at: at.into(),
            message: message.into(),
        });
    }

    fn require_text(&mut self, at: &str, field: &str, text: &str) {
        if text.trim().is_empty() {
            self.push(format!("{at}.{field}"), "is empty");
        }
    }

    fn into_result(self) -> Result<(), Vec<ContentError>> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}
