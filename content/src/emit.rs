//! Writes validated content as Rust source for the types in the app's `core::content`.

use std::fmt::Write;

use crate::raw::{Basis, Cited, File, Fits, Role};
use crate::{
    Interface, CARD_KEYS, CHECK_UI_KEYS, FINDING_KEYS, REASON_KEYS, SETUP_KEYS, UI_KEYS, ZONE_KEYS,
};

pub fn rust_source(file: &File, interface: Interface) -> String {
    let emitter = Emitter { file, interface };
    let mut out =
        String::from("// @generated from the content file by two-hats-content. Do not edit.\n\n");
    emitter.reason_enum(&mut out);
    text_enum(&mut out, "Text", "", UI_KEYS, "");
    // Their keys say `check-` for the content file's one `[ui]` table; the enum says it once.
    text_enum(
        &mut out,
        "CheckText",
        " of the team check",
        CHECK_UI_KEYS,
        "check-",
    );
    let language = interface.language;
    let _ = writeln!(
        out,
        "/// The language the content file is written in.\npub const BUILT_IN_LANGUAGE: Language = Language {{ code: {:?}, name: {:?} }};\n",
        language.code, language.name
    );
    let _ = writeln!(out, "static BUILT_IN: Content = Content {{");
    emitter.sources(&mut out);
    emitter.roles(&mut out);
    emitter.groups(&mut out);
    emitter.responsibilities(&mut out);
    emitter.facts(&mut out);
    emitter.scenarios(&mut out);
    emitter.rules(&mut out);
    emitter.team_size(&mut out);
    emitter.reasons(&mut out);
    emitter.check_sources(&mut out);
    emitter.questions(&mut out);
    emitter.language_and_ui(&mut out);
    out.push_str("};\n\n");
    emitter.check_words(&mut out);
    emitter.declarations(&mut out);
    let _ = writeln!(
        out,
        "\n/// The most questions a content file may ask: the answer slots the state keeps.\npub const MAX_QUESTIONS: usize = {};",
        crate::MAX_QUESTIONS
    );
    let _ = writeln!(
        out,
        "/// How many texts the interface has: every language provides them all.\npub const TEXT_COUNT: usize = {};\n/// How many of them are the team check's own.\npub const CHECK_TEXT_COUNT: usize = {};\n/// How many findings the team check knows: every content file words them all.\npub const FINDING_COUNT: usize = {};",
        UI_KEYS.len(),
        CHECK_UI_KEYS.len(),
        FINDING_KEYS.len()
    );
    let _ = writeln!(
        out,
        "/// The most duties a content file may list: the answer slots the team check keeps.\npub const MAX_RESPONSIBILITIES: usize = {};",
        crate::MAX_RESPONSIBILITIES
    );
    out
}

struct Emitter<'a> {
    file: &'a File,
    interface: Interface<'a>,
}

impl Emitter<'_> {
    fn reason_enum(&self, out: &mut String) {
        let variants: Vec<String> = REASON_KEYS.iter().map(|key| camel_case(key)).collect();
        out.push_str(
            "/// A reason the recommendation gives; its text lives in the content file.\n",
        );
        out.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]\n");
        out.push_str("pub enum Reason {\n");
        for variant in &variants {
            let _ = writeln!(out, "    {variant},");
        }
        out.push_str("}\n\nimpl Reason {\n");
        out.push_str("    pub fn key(self) -> &'static str {\n        match self {\n");
        for (variant, key) in variants.iter().zip(REASON_KEYS) {
            let _ = writeln!(out, "            Reason::{variant} => {key:?},");
        }
        out.push_str("        }\n    }\n}\n\n");
    }

    fn sources(&self, out: &mut String) {
        out.push_str("    sources: &[\n");
        for source in &self.file.sources {
            let _ = writeln!(
                out,
                "        Source {{ id: {:?}, title: {:?}, detail: {:?} }},",
                source.id, source.title, source.detail
            );
        }
        out.push_str("    ],\n");
    }

    fn roles(&self, out: &mut String) {
        let roles = &self.file.roles;
        out.push_str("    roles: [\n");
        for role in [&roles.tl, &roles.em, &roles.tlm] {
            self.role(out, role);
        }
        out.push_str("    ],\n");
    }

    fn role(&self, out: &mut String, role: &Role) {
        let _ = writeln!(
            out,
            "        Role {{ name: {:?}, short: {:?}, focus: {}, measured_by: {}, trap: {}, \
             coding: CodingRange {{ min_percent: {}, max_percent: {}, sources: {}, reasoning: {} }}, \
             levels: {} }},",
            role.name,
            role.short,
            self.cited(&role.focus, Basis::paraphrase(&role.focus_sources)),
            self.cited(&role.measured_by, role.measured_by_basis()),
            self.cited(&role.trap, Basis::paraphrase(&role.trap_sources)),
            role.coding_min,
            role.coding_max,
            self.source_ids(role.coding_basis().cited()),
            optional(role.coding_basis().reasoning),
            match role.levels_basis() {
                Some(levels) => format!(
                    "Some(Derivation {{ sources: {}, reasoning: {:?} }})",
                    self.source_ids(levels.derived_from),
                    levels.reasoning.unwrap_or_default()
                ),
                None => "None".to_owned(),
            },
        );
    }

    fn groups(&self, out: &mut String) {
        out.push_str("    groups: &[\n");
        for group in &self.file.groups {
            let _ = writeln!(
                out,
                "        Group {{ id: {:?}, name: {:?} }},",
                group.id, group.name
            );
        }
        out.push_str("    ],\n");
    }

    fn responsibilities(&self, out: &mut String) {
        out.push_str("    responsibilities: &[\n");
        for row in &self.file.responsibilities {
            let group = self
                .file
                .groups
                .iter()
                .position(|g| g.id == row.group)
                .unwrap_or(0);
            let ladder = match row.ladder.as_deref() {
                Some("tl") => "Some(LadderSide::TechLead)",
                Some("em") => "Some(LadderSide::EngineeringManager)",
                Some(_) => "Some(LadderSide::Shared)",
                None => "None",
            };
            let notes = [&row.notes.tl, &row.notes.em, &row.notes.tlm].map(|note| match note {
                Some(text) => format!("Some({text:?})"),
                None => "None".to_owned(),
            });
            let _ = writeln!(
                out,
                "        Responsibility {{ id: {:?}, group: GroupId({group}), name: {:?}, ladder: {ladder}, \
                 levels: [{}, {}, {}], notes: [{}], explanation: {}, disagreement: {} }},",
                row.id,
                row.name,
                level(&row.tl),
                level(&row.em),
                level(&row.tlm),
                notes.join(", "),
                self.cited(&row.explanation, row.basis()),
                self.cited_list(&row.disagreement),
            );
        }
        out.push_str("    ],\n");
    }

    fn facts(&self, out: &mut String) {
        out.push_str("    facts: &[\n");
        for fact in &self.file.facts {
            let _ = writeln!(
                out,
                "        Fact {{ id: {:?}, title: {:?}, body: {}, disagreement: {} }},",
                fact.id,
                fact.title,
                self.cited(&fact.text, fact.basis()),
                self.cited_list(&fact.disagreement),
            );
        }
        out.push_str("    ],\n");
    }

    fn scenarios(&self, out: &mut String) {
        out.push_str("    scenarios: &[\n");
        for scenario in &self.file.scenarios {
            let _ = writeln!(
                out,
                "        Scenario {{ id: {:?}, title: {:?}, responses: [{}, {}, {}], disagreement: {} }},",
                scenario.id,
                scenario.title,
                self.cited_struct(&scenario.tl),
                self.cited_struct(&scenario.em),
                self.cited_struct(&scenario.tlm),
                self.cited_list(&scenario.disagreement),
            );
        }
        out.push_str("    ],\n");
    }

    fn rules(&self, out: &mut String) {
        out.push_str("    rules: &[\n");
        for rule in &self.file.rules {
            let _ = writeln!(out, "        {},", self.cited(&rule.text, rule.basis()));
        }
        out.push_str("    ],\n");
    }

    fn team_size(&self, out: &mut String) {
        let fields: Vec<String> = self
            .file
            .team_size
            .fields()
            .iter()
            .map(|(name, value)| format!("{name}: {value}"))
            .collect();
        let _ = writeln!(
            out,
            "    team_size: TeamSize {{ {}, startup_size: {:?} }},",
            fields.join(", "),
            self.file.team_size.startup_size
        );
    }

    /// Every source a finding rests on, in the sources' order: what the check cites whatever
    /// it finds, and what the page's sources list names with it before its words arrive.
    fn check_sources(&self, out: &mut String) {
        let cited: Vec<String> = self
            .file
            .sources
            .iter()
            .filter(|source| {
                self.file
                    .findings
                    .values()
                    .any(|finding| finding.basis().cited().contains(&source.id))
            })
            .map(|source| source.id.clone())
            .collect();
        let _ = writeln!(out, "    check_sources: {},", self.source_ids(&cited));
        out.push_str("    check: None,\n");
    }

    /// The team check's words, in a static of their own that only the check's code reads, so
    /// that they go where that code goes: into the later parts' chunk.
    fn check_words(&self, out: &mut String) {
        out.push_str("pub static CHECK_BUILT_IN: CheckWords = CheckWords {\n    findings: &[\n");
        for (key, _) in FINDING_KEYS {
            let finding = &self.file.findings[*key];
            let _ = writeln!(out, "        {},", self.cited_struct(finding));
        }
        out.push_str("    ],\n    ui: &[\n");
        for (key, _) in CHECK_UI_KEYS {
            let _ = writeln!(out, "        {:?},", self.interface.ui[*key]);
        }
        out.push_str("    ],\n};\n");
    }

    fn reasons(&self, out: &mut String) {
        out.push_str("    reasons: &[\n");
        for key in REASON_KEYS {
            let reason = &self.file.reasons[*key];
            let _ = writeln!(
                out,
                "        ReasonText {{ cited: {}, disagreement: {} }},",
                self.cited(&reason.text, reason.basis()),
                self.cited_list(&reason.disagreement),
            );
        }
        out.push_str("    ],\n");
    }

    fn questions(&self, out: &mut String) {
        out.push_str("    questions: &[\n");
        for question in &self.file.questions {
            let options: Vec<String> = question
                .options
                .iter()
                .map(|option| {
                    format!(
                        "AnswerOption {{ text: {:?}, lean: {} }}",
                        option.text, option.lean
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "        Question {{ id: {:?}, prompt: {:?}, sources: {}, options: &[{}] }},",
                question.id,
                question.prompt,
                self.source_ids(&question.sources),
                options.join(", "),
            );
        }
        out.push_str("    ],\n");
        let results = &self.file.assessment;
        let _ = writeln!(
            out,
            "    assessment: [{}, {}, {}],",
            self.cited_struct(&results.tl),
            self.cited_struct(&results.em),
            self.cited_struct(&results.tlm),
        );
    }

    fn language_and_ui(&self, out: &mut String) {
        out.push_str("    language: BUILT_IN_LANGUAGE,\n    titles_language: None,\n");
        out.push_str("    ui: &[\n");
        for (key, _) in UI_KEYS {
            let _ = writeln!(out, "        {:?},", self.interface.ui[*key]);
        }
        out.push_str("    ],\n");
    }

    fn cited_list(&self, positions: &[Cited]) -> String {
        let positions: Vec<String> = positions.iter().map(|p| self.cited_struct(p)).collect();
        format!("&[{}]", positions.join(", "))
    }

    /// What each text of the team-size part declares it fits, for the app's property test
    /// alone: the app decides what to show, the test holds it to these.
    fn declarations(&self, out: &mut String) {
        out.push_str(
            "\n/// What each reason, rule and card text declares it fits, for the tests.\n\
             #[cfg(all(test, not(target_arch = \"wasm32\")))]\npub mod declared {\n    use super::Fits;\n",
        );
        let reasons: Vec<String> = REASON_KEYS
            .iter()
            .map(|key| self.fits(&self.file.reasons[*key].fits))
            .collect();
        let rules: Vec<String> = self
            .file
            .rules
            .iter()
            .map(|rule| self.fits(&rule.fits))
            .collect();
        let card: Vec<String> = CARD_KEYS
            .iter()
            .map(|key| format!("({key:?}, {})", self.fits(&self.file.card[*key])))
            .collect();
        for (name, what, list) in [
            ("REASONS", "In `Reason` order.", reasons),
            ("RULES", "In the order of the rules.", rules),
            ("CARD", "Each card text by its key.", card),
        ] {
            let ty = if name == "CARD" {
                "(&str, Fits)"
            } else {
                "Fits"
            };
            let _ = writeln!(
                out,
                "    /// {what}\n    pub static {name}: &[{ty}] = &[\n        {},\n    ];",
                list.join(",\n        ")
            );
        }
        out.push_str("}\n");
    }

    fn fits(&self, fits: &Fits) -> String {
        let names = |values: &Option<Vec<String>>, all: &[&str]| -> String {
            let names: Vec<String> = match values {
                Some(values) => values.iter().map(|v| format!("{v:?}")).collect(),
                None => all.iter().map(|v| format!("{v:?}")).collect(),
            };
            format!("&[{}]", names.join(", "))
        };
        let sizes = fits
            .sizes
            .unwrap_or([self.file.team_size.min, self.file.team_size.max]);
        format!(
            "Fits {{ zones: {}, setups: {}, sizes: ({}, {}), new: {:?}, both: {:?}, moved: {:?} }}",
            names(&fits.zones, ZONE_KEYS),
            names(&fits.setups, SETUP_KEYS),
            sizes[0],
            sizes[1],
            fits.new,
            fits.both,
            fits.moved,
        )
    }

    fn cited_struct(&self, cited: &Cited) -> String {
        self.cited(&cited.text, cited.basis())
    }

    fn cited(&self, text: &str, basis: Basis) -> String {
        format!(
            "Cited {{ text: {text:?}, sources: {}, reasoning: {} }}",
            self.source_ids(basis.cited()),
            optional(basis.reasoning)
        )
    }

    fn source_ids(&self, sources: &[String]) -> String {
        let ids: Vec<String> = sources
            .iter()
            .filter_map(|id| self.file.sources.iter().position(|s| &s.id == id))
            .map(|index| format!("SourceId({index})"))
            .collect();
        format!("&[{}]", ids.join(", "))
    }
}

fn text_enum(
    out: &mut String,
    name: &str,
    whose: &str,
    keys: &[(&str, &[&str])],
    said_by_name: &str,
) {
    let _ = writeln!(
        out,
        "/// A text of the interface{whose}; its words live in the content file's `[ui]`."
    );
    let _ = writeln!(
        out,
        "#[derive(Clone, Copy, Debug, PartialEq, Eq)]\npub enum {name} {{"
    );
    for (key, _) in keys {
        let _ = writeln!(
            out,
            "    {},",
            camel_case(key.strip_prefix(said_by_name).unwrap_or(key))
        );
    }
    out.push_str("}\n\n");
}

fn optional(text: Option<&str>) -> String {
    match text {
        Some(text) => format!("Some({text:?})"),
        None => "None".to_owned(),
    }
}

fn level(name: &str) -> &'static str {
    match name {
        "owns" => "Level::Owns",
        "shares" => "Level::Shares",
        "supports" => "Level::Supports",
        _ => "Level::NotTheirs",
    }
}

fn camel_case(key: &str) -> String {
    key.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}
