//! The content file as written: plain strings, checked afterwards by `validate`.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    pub sources: Vec<Source>,
    pub roles: Roles,
    pub groups: Vec<Group>,
    pub responsibilities: Vec<Responsibility>,
    pub facts: Vec<Fact>,
    pub scenarios: Vec<Scenario>,
    pub rules: Vec<Rule>,
    pub team_size: TeamSize,
    pub reasons: BTreeMap<String, Reason>,
    /// The team check's findings, keyed as `FINDING_KEYS`.
    pub findings: BTreeMap<String, Cited>,
    /// The states each text of the recommendation card may appear in, keyed as `CARD_KEYS`.
    pub card: BTreeMap<String, Fits>,
    pub questions: Vec<Question>,
    pub assessment: PerRole<Cited>,
    /// Required of the built-in file and its translations; an author's own file may leave
    /// both out and keep the built-in interface words (see `crate::interface`).
    #[serde(default)]
    pub language: Option<Language>,
    #[serde(default)]
    pub ui: Option<BTreeMap<String, String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Language {
    /// The language's code as HTML's `lang` attribute takes it, e.g. "en" or "de".
    pub code: String,
    /// Its name in itself, as the language menu shows it: "English", "Deutsch".
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub prompt: String,
    pub sources: Vec<String>,
    pub options: Vec<AnswerOption>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub text: String,
    pub lean: i8,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    pub detail: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Roles {
    pub tl: Role,
    pub em: Role,
    pub tlm: Role,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub name: String,
    pub short: String,
    pub focus: String,
    pub focus_sources: Vec<String>,
    pub measured_by: String,
    #[serde(default)]
    pub measured_by_sources: Vec<String>,
    #[serde(default)]
    pub measured_by_derived_from: Vec<String>,
    #[serde(default)]
    pub measured_by_reasoning: Option<String>,
    pub trap: String,
    pub trap_sources: Vec<String>,
    pub coding_min: u8,
    pub coding_max: u8,
    #[serde(default)]
    pub coding_sources: Vec<String>,
    #[serde(default)]
    pub coding_derived_from: Vec<String>,
    #[serde(default)]
    pub coding_reasoning: Option<String>,
    /// Set when this role's column of levels is the widget's reading rather than any
    /// article's: no source rates the hybrid duty by duty.
    #[serde(default)]
    pub levels_derived_from: Vec<String>,
    #[serde(default)]
    pub levels_reasoning: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Responsibility {
    pub id: String,
    pub group: String,
    pub name: String,
    pub ladder: Option<String>,
    pub tl: String,
    pub em: String,
    pub tlm: String,
    pub explanation: String,
    /// The articles the text paraphrases. A statement either cites these or, when it is the
    /// widget's own inference, names what it is `derived_from` and gives its `reasoning`.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub derived_from: Vec<String>,
    #[serde(default)]
    pub reasoning: Option<String>,
    #[serde(default)]
    pub notes: PerRole<Option<String>>,
    #[serde(default)]
    pub disagreement: Vec<Cited>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerRole<T> {
    pub tl: T,
    pub em: T,
    pub tlm: T,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cited {
    pub text: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub derived_from: Vec<String>,
    #[serde(default)]
    pub reasoning: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub id: String,
    pub title: String,
    pub text: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub derived_from: Vec<String>,
    #[serde(default)]
    pub reasoning: Option<String>,
    #[serde(default)]
    pub disagreement: Vec<Cited>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub id: String,
    pub title: String,
    pub tl: Cited,
    pub em: Cited,
    pub tlm: Cited,
    #[serde(default)]
    pub disagreement: Vec<Cited>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub derived_from: Vec<String>,
    #[serde(default)]
    pub reasoning: Option<String>,
    pub fits: Fits,
}

/// A reason the recommendation gives: a statement like any other, the states it fits, and,
/// where the articles disagree about it, every position.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    pub text: String,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub derived_from: Vec<String>,
    #[serde(default)]
    pub reasoning: Option<String>,
    pub fits: Fits,
    #[serde(default)]
    pub disagreement: Vec<Cited>,
}

/// The states of the team-size part a text may be shown in. A field left out allows every
/// value; `contradicts` names texts (`reasons.KEY`, `rules.ID`, `card.KEY`) that must never
/// be shown in the same state, which the compiler checks against both declarations.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fits {
    /// Where the size sits against the thresholds in force: `ZONE_KEYS`.
    #[serde(default)]
    pub zones: Option<Vec<String>>,
    /// The setup the card recommends: `SETUP_KEYS`.
    #[serde(default)]
    pub setups: Option<Vec<String>>,
    /// The first and last team size, whatever the thresholds.
    #[serde(default)]
    pub sizes: Option<[u8; 2]>,
    /// The team is new.
    #[serde(default)]
    pub new: Option<bool>,
    /// The lead has done both jobs before.
    #[serde(default)]
    pub both: Option<bool>,
    /// The page's author moved the thresholds from the sources'.
    #[serde(default)]
    pub moved: Option<bool>,
    #[serde(default)]
    pub contradicts: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamSize {
    pub min: u8,
    pub max: u8,
    pub default: u8,
    pub hybrid_from: u8,
    pub split_from: u8,
    pub multi_team_from: u8,
    pub borderline_within: u8,
    pub hybrid_technical_percent: u8,
    pub hybrid_people_percent: u8,
    /// A size past the split point at which a source still has a new team led by one person:
    /// the opinion piece's startup of ten. Optional; without it no such tension is shown.
    #[serde(default)]
    pub startup_size: Option<u8>,
}

impl TeamSize {
    /// Every threshold with its name, in the order the app's `TeamSize` declares them: the
    /// order the Rust source and the binary form both write them in.
    pub fn fields(&self) -> [(&'static str, u8); 9] {
        [
            ("min", self.min),
            ("max", self.max),
            ("default", self.default),
            ("hybrid_from", self.hybrid_from),
            ("split_from", self.split_from),
            ("multi_team_from", self.multi_team_from),
            ("borderline_within", self.borderline_within),
            ("hybrid_technical_percent", self.hybrid_technical_percent),
            ("hybrid_people_percent", self.hybrid_people_percent),
        ]
    }
}

/// What a statement rests on: the sources it paraphrases, or the sources it is derived from
/// and the reasoning that gets there. Validation makes it exactly one of the two.
#[derive(Clone, Copy, Debug)]
pub struct Basis<'a> {
    pub sources: &'a [String],
    pub derived_from: &'a [String],
    pub reasoning: Option<&'a str>,
}

impl<'a> Basis<'a> {
    /// A text that paraphrases `sources`.
    pub fn paraphrase(sources: &'a [String]) -> Basis<'a> {
        Basis {
            sources,
            derived_from: &[],
            reasoning: None,
        }
    }

    /// The sources shown beside the statement, whichever kind it is.
    pub fn cited(&self) -> &[String] {
        if self.derived_from.is_empty() {
            self.sources
        } else {
            self.derived_from
        }
    }
}

macro_rules! basis {
    ($($kind:ident),*) => {
        $(impl $kind {
            pub fn basis(&self) -> Basis<'_> {
                Basis {
                    sources: &self.sources,
                    derived_from: &self.derived_from,
                    reasoning: self.reasoning.as_deref(),
                }
            }
        })*
    };
}

basis!(Cited, Responsibility, Fact, Rule, Reason);

impl Role {
    pub fn measured_by_basis(&self) -> Basis<'_> {
        Basis {
            sources: &self.measured_by_sources,
            derived_from: &self.measured_by_derived_from,
            reasoning: self.measured_by_reasoning.as_deref(),
        }
    }

    pub fn coding_basis(&self) -> Basis<'_> {
        Basis {
            sources: &self.coding_sources,
            derived_from: &self.coding_derived_from,
            reasoning: self.coding_reasoning.as_deref(),
        }
    }

    /// The reading behind this role's column, when it is the widget's own.
    pub fn levels_basis(&self) -> Option<Basis<'_>> {
        let derived = !self.levels_derived_from.is_empty() || self.levels_reasoning.is_some();
        derived.then(|| Basis {
            sources: &[],
            derived_from: &self.levels_derived_from,
            reasoning: self.levels_reasoning.as_deref(),
        })
    }
}
