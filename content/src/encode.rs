//! The compact binary form of validated content, for an author's own file loaded at run time.
//! `src/core/content_binary.rs` in the app reads it back; the two follow this layout:
//!
//! - text: u32 little-endian byte length, then UTF-8 bytes;
//! - list: u32 little-endian count, then the items;
//! - basis: a list of u8 source indices, then the reasoning as text, empty for a paraphrase
//!   (the sources are then the ones it paraphrases, else the ones it is derived from);
//! - cited: text, then its basis;
//! - the file: sources (id, title, detail); three roles (name, short, focus, measured_by and
//!   trap as cited, coding min and max as u8, the coding range's basis, then u8 1 and the
//!   levels' basis when the role's column is derived, else u8 0); groups (id, name);
//!   responsibilities (id, group u8, name, ladder u8 0 none 1 tl 2 em 3 both, three level u8
//!   0 owns 1 shares 2 supports 3 none, three notes as u8 presence then text, explanation as
//!   cited, disagreement as a list of cited); facts (id, title, cited, disagreement);
//!   scenarios (id, title, three cited, disagreement); rules (list of cited); team size (nine
//!   u8, then the startup size as u8, 0 for none); reasons (list of cited each followed by its
//!   disagreement, in `REASON_KEYS` order); the team check's words: findings (list of cited,
//!   in `FINDING_KEYS` order), then its interface texts (list of text, in `CHECK_UI_KEYS`
//!   order; empty when the file has none);
//!   questions (id, prompt, source list, options as text and i8 lean);
//!   the assessment (three cited); the language (code, name; both empty when the file names
//!   none); the interface texts (list of text, in `UI_KEYS` order; empty when the file has
//!   none, so the widget keeps its built-in words).

use crate::raw::{Basis, Cited, File, Role};
use crate::validate::LEVELS;
use crate::{CHECK_UI_KEYS, FINDING_KEYS, REASON_KEYS, UI_KEYS};

pub fn binary(file: &File) -> Vec<u8> {
    let mut writer = Writer {
        out: Vec::new(),
        file,
    };
    writer.file();
    writer.out
}

struct Writer<'a> {
    out: Vec<u8>,
    file: &'a File,
}

impl Writer<'_> {
    fn file(&mut self) {
        let file = self.file;
        self.count(file.sources.len());
        for source in &file.sources {
            self.text(&source.id);
            self.text(&source.title);
            self.text(&source.detail);
        }
        for role in [&file.roles.tl, &file.roles.em, &file.roles.tlm] {
            self.role(role);
        }
        self.count(file.groups.len());
        for group in &file.groups {
            self.text(&group.id);
            self.text(&group.name);
        }
        self.count(file.responsibilities.len());
        for row in &file.responsibilities {
            self.text(&row.id);
            let group = file
                .groups
                .iter()
                .position(|g| g.id == row.group)
                .unwrap_or(0);
            self.byte(group as u8);
            self.text(&row.name);
            let ladder = match row.ladder.as_deref() {
                Some("tl") => 1,
                Some("em") => 2,
                Some(_) => 3,
                None => 0,
            };
            self.byte(ladder);
            for level in [&row.tl, &row.em, &row.tlm] {
                let index = LEVELS.iter().position(|known| known == level).unwrap_or(3);
                self.byte(index as u8);
            }
            for note in [&row.notes.tl, &row.notes.em, &row.notes.tlm] {
                self.byte(u8::from(note.is_some()));
                if let Some(note) = note {
                    self.text(note);
                }
            }
            self.cited_parts(&row.explanation, row.basis());
            self.cited_list(&row.disagreement);
        }
        self.count(file.facts.len());
        for fact in &file.facts {
            self.text(&fact.id);
            self.text(&fact.title);
            self.cited_parts(&fact.text, fact.basis());
            self.cited_list(&fact.disagreement);
        }
        self.count(file.scenarios.len());
        for scenario in &file.scenarios {
            self.text(&scenario.id);
            self.text(&scenario.title);
            for response in [&scenario.tl, &scenario.em, &scenario.tlm] {
                self.cited(response);
            }
            self.cited_list(&scenario.disagreement);
        }
        self.count(file.rules.len());
        for rule in &file.rules {
            self.cited_parts(&rule.text, rule.basis());
        }
        for (_, value) in file.team_size.fields() {
            self.byte(value);
        }
        self.byte(file.team_size.startup_size.unwrap_or(0));
        self.count(REASON_KEYS.len());
        for key in REASON_KEYS {
            if let Some(reason) = file.reasons.get(*key) {
                self.cited_parts(&reason.text, reason.basis());
                self.cited_list(&reason.disagreement);
            }
        }
        self.count(FINDING_KEYS.len());
        for (key, _) in FINDING_KEYS {
            if let Some(finding) = file.findings.get(*key) {
                self.cited(finding);
            }
        }
        self.texts(CHECK_UI_KEYS);
        self.count(file.questions.len());
        for question in &file.questions {
            self.text(&question.id);
            self.text(&question.prompt);
            self.source_list(&question.sources);
            self.count(question.options.len());
            for option in &question.options {
                self.text(&option.text);
                self.byte(option.lean as u8);
            }
        }
        let results = &file.assessment;
        for result in [&results.tl, &results.em, &results.tlm] {
            self.cited(result);
        }
        let language = file.language.as_ref();
        self.text(language.map_or("", |language| &language.code));
        self.text(language.map_or("", |language| &language.name));
        self.texts(UI_KEYS);
    }

    /// The interface texts named by `keys`, in their order; none when the file has no `[ui]`.
    fn texts(&mut self, keys: &[(&str, &[&str])]) {
        let file = self.file;
        match &file.ui {
            Some(ui) => {
                self.count(keys.len());
                for (key, _) in keys {
                    self.text(ui.get(*key).map_or("", String::as_str));
                }
            }
            None => self.count(0),
        }
    }

    fn role(&mut self, role: &Role) {
        self.text(&role.name);
        self.text(&role.short);
        self.cited_parts(&role.focus, Basis::paraphrase(&role.focus_sources));
        self.cited_parts(&role.measured_by, role.measured_by_basis());
        self.cited_parts(&role.trap, Basis::paraphrase(&role.trap_sources));
        self.byte(role.coding_min);
        self.byte(role.coding_max);
        self.basis(role.coding_basis());
        match role.levels_basis() {
            Some(levels) => {
                self.byte(1);
                self.basis(levels);
            }
            None => self.byte(0),
        }
    }

    fn cited_list(&mut self, positions: &[Cited]) {
        self.count(positions.len());
        for position in positions {
            self.cited(position);
        }
    }

    fn cited(&mut self, cited: &Cited) {
        self.cited_parts(&cited.text, cited.basis());
    }

    fn cited_parts(&mut self, text: &str, basis: Basis) {
        self.text(text);
        self.basis(basis);
    }

    fn basis(&mut self, basis: Basis) {
        self.source_list(basis.cited());
        self.text(basis.reasoning.unwrap_or_default());
    }

    fn source_list(&mut self, sources: &[String]) {
        let indices: Vec<u8> = sources
            .iter()
            .filter_map(|id| self.file.sources.iter().position(|s| &s.id == id))
            .map(|index| index as u8)
            .collect();
        self.count(indices.len());
        self.out.extend(indices);
    }

    fn text(&mut self, text: &str) {
        self.count(text.len());
        self.out.extend_from_slice(text.as_bytes());
    }

    fn count(&mut self, count: usize) {
        self.out.extend_from_slice(&(count as u32).to_le_bytes());
    }

    fn byte(&mut self, value: u8) {
        self.out.push(value);
    }
}
