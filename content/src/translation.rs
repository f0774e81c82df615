//! A translation is the content file in other words: the same entries in the same order,
//! owned by the same roles, citing the same sources, with the same numbers. Only texts (and
//! the language itself) may differ, so no fact changes on its way into another language.

use crate::raw::{Basis, Cited, File, Language, PerRole, Role};
use crate::ContentError;

pub fn compare(
    (original, original_language): (&File, &Language),
    (translated, translated_language): (&File, &Language),
) -> Result<(), Vec<ContentError>> {
    let mut same = Same::default();
    if original_language.code == translated_language.code {
        same.errors.push(error(
            "language.code",
            format!(
                "is {:?}, the language of the file it translates",
                translated_language.code
            ),
        ));
    }
    same.list(
        "sources",
        &original.sources,
        &translated.sources,
        |same, at, a, b| {
            same.value(at, "title", &a.title, &b.title);
        },
    );
    for (key, a, b) in roles(&original.roles, &translated.roles) {
        same.role(&format!("roles.{key}"), a, b);
    }
    same.list(
        "groups",
        &original.groups,
        &translated.groups,
        |_, _, _, _| {},
    );
    same.list(
        "responsibilities",
        &original.responsibilities,
        &translated.responsibilities,
        |same, at, a, b| {
            same.value(at, "group", &a.group, &b.group);
            same.value(at, "ladder", &a.ladder, &b.ladder);
            same.value(at, "tl", &a.tl, &b.tl);
            same.value(at, "em", &a.em, &b.em);
            same.value(at, "tlm", &a.tlm, &b.tlm);
            same.basis(at, "", a.basis(), b.basis());
            for (key, a, b) in per_role(&a.notes, &b.notes) {
                same.value(
                    at,
                    &format!("notes.{key} (present)"),
                    &a.is_some(),
                    &b.is_some(),
                );
            }
            same.cited_list(
                &format!("{at}.disagreement"),
                &a.disagreement,
                &b.disagreement,
            );
        },
    );
    same.list(
        "facts",
        &original.facts,
        &translated.facts,
        |same, at, a, b| {
            same.basis(at, "", a.basis(), b.basis());
            same.cited_list(
                &format!("{at}.disagreement"),
                &a.disagreement,
                &b.disagreement,
            );
        },
    );
    same.list(
        "scenarios",
        &original.scenarios,
        &translated.scenarios,
        |same, at, a, b| {
            for (key, a, b) in [
                ("tl", &a.tl, &b.tl),
                ("em", &a.em, &b.em),
                ("tlm", &a.tlm, &b.tlm),
            ] {
                same.basis(&format!("{at}.{key}"), "", a.basis(), b.basis());
            }
            same.cited_list(
                &format!("{at}.disagreement"),
                &a.disagreement,
                &b.disagreement,
            );
        },
    );
    same.list(
        "rules",
        &original.rules,
        &translated.rules,
        |same, at, a, b| {
            same.basis(at, "", a.basis(), b.basis());
            same.value(at, "fits", &a.fits, &b.fits);
        },
    );
    for ((name, a), (_, b)) in original
        .team_size
        .fields()
        .into_iter()
        .zip(translated.team_size.fields())
    {
        same.value("team_size", name, &a, &b);
    }
    same.value(
        "team_size",
        "startup_size",
        &original.team_size.startup_size,
        &translated.team_size.startup_size,
    );
    for (key, a) in &original.reasons {
        if let Some(b) = translated.reasons.get(key) {
            let at = format!("reasons.{key}");
            same.basis(&at, "", a.basis(), b.basis());
            same.value(&at, "fits", &a.fits, &b.fits);
            same.cited_list(
                &format!("{at}.disagreement"),
                &a.disagreement,
                &b.disagreement,
            );
        }
    }
    for (key, a) in &original.findings {
        if let Some(b) = translated.findings.get(key) {
            same.basis(&format!("findings.{key}"), "", a.basis(), b.basis());
        }
    }
    same.value("", "card", &original.card, &translated.card);
    same.list(
        "questions",
        &original.questions,
        &translated.questions,
        |same, at, a, b| {
            same.value(at, "sources", &a.sources, &b.sources);
            let leans = |question: &crate::raw::Question| -> Vec<i8> {
                question.options.iter().map(|option| option.lean).collect()
            };
            same.value(at, "options (count and lean)", &leans(a), &leans(b));
        },
    );
    for (key, a, b) in per_role(&original.assessment, &translated.assessment) {
        same.basis(&format!("assessment.{key}"), "", a.basis(), b.basis());
    }
    if same.errors.is_empty() {
        Ok(())
    } else {
        Err(same.errors)
    }
}

trait Entry {
    fn id(&self) -> &str;
}

macro_rules! entries {
    ($($kind:ident),*) => {
        $(impl Entry for crate::raw::$kind {
            fn id(&self) -> &str {
                &self.id
            }
        })*
    };
}

entries!(
    Source,
    Group,
    Responsibility,
    Fact,
    Scenario,
    Rule,
    Question
);

#[derive(Default)]
struct Same {
    errors: Vec<ContentError>,
}

impl Same {
    fn value<T: PartialEq + std::fmt::Debug>(&mut self, at: &str, field: &str, a: &T, b: &T) {
        if a != b {
            self.errors.push(error(
                &format!("{at}.{field}"),
                format!(
                    "is {b:?} here but {a:?} in the original; a translation changes only words"
                ),
            ));
        }
    }

    /// Same ids in the same order, then `check` on each pair.
    fn list<T: Entry>(
        &mut self,
        what: &str,
        original: &[T],
        translated: &[T],
        mut check: impl FnMut(&mut Self, &str, &T, &T),
    ) {
        let ids =
            |entries: &[T]| -> Vec<String> { entries.iter().map(|e| e.id().to_owned()).collect() };
        if ids(original) != ids(translated) {
            self.errors.push(error(
                what,
                format!(
                    "has the ids {:?} but the original has {:?}, in this order",
                    ids(translated),
                    ids(original)
                ),
            ));
            return;
        }
        for (a, b) in original.iter().zip(translated) {
            check(self, &format!("{what}[id = {:?}]", a.id()), a, b);
        }
    }

    fn cited_list(&mut self, at: &str, original: &[Cited], translated: &[Cited]) {
        if original.len() != translated.len() {
            self.value(at, "(count)", &original.len(), &translated.len());
            return;
        }
        for (index, (a, b)) in original.iter().zip(translated).enumerate() {
            self.basis(&format!("{at}[{index}]"), "", a.basis(), b.basis());
        }
    }

    /// The same sources, cited the same way: a paraphrase stays a paraphrase, and a derived
    /// statement keeps its reasoning (in other words).
    fn basis(&mut self, at: &str, prefix: &str, a: Basis, b: Basis) {
        let field = |name: &str| format!("{prefix}{name}");
        self.value(at, &field("sources"), &a.sources, &b.sources);
        self.value(at, &field("derived_from"), &a.derived_from, &b.derived_from);
        self.value(
            at,
            &field("reasoning (present)"),
            &a.reasoning.is_some(),
            &b.reasoning.is_some(),
        );
    }

    fn role(&mut self, at: &str, a: &Role, b: &Role) {
        self.value(at, "focus_sources", &a.focus_sources, &b.focus_sources);
        self.basis(
            at,
            "measured_by_",
            a.measured_by_basis(),
            b.measured_by_basis(),
        );
        self.value(at, "trap_sources", &a.trap_sources, &b.trap_sources);
        self.value(at, "coding_min", &a.coding_min, &b.coding_min);
        self.value(at, "coding_max", &a.coding_max, &b.coding_max);
        self.basis(at, "coding_", a.coding_basis(), b.coding_basis());
        match (a.levels_basis(), b.levels_basis()) {
            (Some(a), Some(b)) => self.basis(at, "levels_", a, b),
            (a, b) => self.value(
                at,
                "levels_derived_from (present)",
                &a.is_some(),
                &b.is_some(),
            ),
        }
    }
}

fn roles<'a>(
    a: &'a crate::raw::Roles,
    b: &'a crate::raw::Roles,
) -> [(&'static str, &'a Role, &'a Role); 3] {
    [
        ("tl", &a.tl, &b.tl),
        ("em", &a.em, &b.em),
        ("tlm", &a.tlm, &b.tlm),
    ]
}

fn per_role<'a, T>(a: &'a PerRole<T>, b: &'a PerRole<T>) -> [(&'static str, &'a T, &'a T); 3] {
    [
        ("tl", &a.tl, &b.tl),
        ("em", &a.em, &b.em),
        ("tlm", &a.tlm, &b.tlm),
    ]
}

fn error(at: &str, message: String) -> ContentError {
    ContentError {
        line: None,
        at: at.to_owned(),
        message,
    }
}
