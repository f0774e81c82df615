//! The widget's content, compiled from `content/two-hats.toml` by the build script, and the
//! languages it is translated into.

use std::fmt::{self, Write as _};
use std::ops::Deref;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/content.rs"));

/// The content in force: the built-in file compiled in, or an author's own file installed
/// once at start-up (`?content=`). Everything reads it through `CONTENT`.
pub static CONTENT: ActiveContent = ActiveContent;

static INSTALLED: OnceLock<&'static Content> = OnceLock::new();

pub struct ActiveContent;

impl Deref for ActiveContent {
    type Target = Content;

    fn deref(&self) -> &Content {
        INSTALLED.get().copied().unwrap_or(&BUILT_IN)
    }
}

/// Makes `content` the content in force for the rest of the page's life. Only the first call
/// counts, before anything renders; it returns false for any later one.
pub fn install(content: Content) -> bool {
    INSTALLED.set(Box::leak(Box::new(content))).is_ok()
}

/// The three roles the widget compares, in column order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RoleKey {
    TechLead,
    EngineeringManager,
    TechLeadManager,
}

impl RoleKey {
    pub const ALL: [RoleKey; 3] = [
        RoleKey::TechLead,
        RoleKey::EngineeringManager,
        RoleKey::TechLeadManager,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// The key used in URLs and CSS classes.
    pub fn slug(self) -> &'static str {
        match self {
            RoleKey::TechLead => "tl",
            RoleKey::EngineeringManager => "em",
            RoleKey::TechLeadManager => "tlm",
        }
    }

    pub fn role(self) -> &'static Role {
        &CONTENT.roles[self.index()]
    }
}

/// How much of a duty belongs to a role. Shown by word and symbol, never by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Owns,
    Shares,
    Supports,
    NotTheirs,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Owns => Text::Owns,
            Level::Shares => Text::Shares,
            Level::Supports => Text::Supports,
            Level::NotTheirs => Text::NotTheirs,
        }
        .get()
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Level::Owns => "●",
            Level::Shares => "◐",
            Level::Supports => "○",
            Level::NotTheirs => "–",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Level::Owns => "owns",
            Level::Shares => "shares",
            Level::Supports => "supports",
            Level::NotTheirs => "none",
        }
    }
}

/// Which side of the Engineering Ladders table a row comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LadderSide {
    TechLead,
    EngineeringManager,
    Shared,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(pub u8);

impl SourceId {
    pub fn source(self) -> &'static Source {
        &CONTENT.sources[usize::from(self.0)]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct GroupId(pub u8);

impl GroupId {
    pub fn group(self) -> &'static Group {
        &CONTENT.groups[usize::from(self.0)]
    }
}

/// Index of a responsibility in `CONTENT.responsibilities`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RowId(pub u8);

impl RowId {
    pub fn row(self) -> &'static Responsibility {
        &CONTENT.responsibilities[usize::from(self.0)]
    }
}

pub struct Content {
    pub sources: &'static [Source],
    pub roles: [Role; 3],
    pub groups: &'static [Group],
    pub responsibilities: &'static [Responsibility],
    pub facts: &'static [Fact],
    pub scenarios: &'static [Scenario],
    pub rules: &'static [Cited],
    pub team_size: TeamSize,
    pub reasons: &'static [ReasonText],
    /// Every source the team check's findings rest on, in the sources' order: the check names
    /// them all, whatever it finds.
    pub check_sources: &'static [SourceId],
    /// The team check's words when they come from a file read at run time; the built-in ones
    /// are `CHECK_BUILT_IN`, apart from this struct so that only the check's code reaches
    /// them (`check_words`).
    pub check: Option<CheckWords>,
    pub questions: &'static [Question],
    /// The self-assessment's verdict for each role, in column order.
    pub assessment: [Cited; 3],
    pub language: Language,
    /// The interface's own words, indexed by `Text`.
    pub ui: &'static [&'static str],
    /// The language of the sources' titles when it is not `language`'s: a translation keeps
    /// the original's titles (the build checks it), so screen readers must read them as such.
    pub titles_language: Option<&'static str>,
}

/// The team check's words. Only the check's code reads them, and it arrives in the later
/// parts' chunk: kept out of `Content`'s built-in value, they arrive with it.
#[derive(Debug, PartialEq, Eq)]
pub struct CheckWords {
    /// Indexed by `check::findings::FindingId`.
    pub findings: &'static [Cited],
    /// Indexed by `CheckText`; empty when a file gives no interface texts, which keeps the
    /// built-in ones.
    pub ui: &'static [&'static str],
}

/// The team check's words in force.
pub fn check_words() -> &'static CheckWords {
    CONTENT.check.as_ref().unwrap_or(&CHECK_BUILT_IN)
}

/// The language content is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Language {
    /// As HTML's `lang` attribute takes it: "en", "de".
    pub code: &'static str,
    /// In the language itself: "English", "Deutsch".
    pub name: &'static str,
}

impl Text {
    /// The text in the language in force.
    pub fn get(self) -> &'static str {
        CONTENT.ui[self as usize]
    }

    /// The text with each `{name}` placeholder replaced by its value.
    pub fn fill(self, values: &[(&str, &dyn fmt::Display)]) -> String {
        fill(self.get(), values)
    }

    /// "1 engineer", "12 engineers", in the language in force.
    pub fn engineers(count: u8) -> String {
        let text = if count == 1 {
            Text::EngineersOne
        } else {
            Text::EngineersMany
        };
        text.fill(&[("n", &count)])
    }
}

/// Replaces each `{name}` in `template` by its value; unknown names are left as written.
pub fn fill(template: &str, values: &[(&str, &dyn fmt::Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open..];
        let close = after
            .find('}')
            .map(|close| close + 1)
            .unwrap_or(after.len());
        let name = after[..close].trim_start_matches('{').trim_end_matches('}');
        match values.iter().find(|(key, _)| *key == name) {
            Some((_, value)) => {
                let _ = write!(out, "{value}");
            }
            None => out.push_str(&after[..close]),
        }
        rest = &after[close..];
    }
    out.push_str(rest);
    out
}

impl CheckText {
    /// The text in the language in force.
    pub fn get(self) -> &'static str {
        let ui = match check_words().ui {
            [] => CHECK_BUILT_IN.ui,
            ui => ui,
        };
        ui[self as usize]
    }

    /// The text with each `{name}` placeholder replaced by its value.
    pub fn fill(self, values: &[(&str, &dyn fmt::Display)]) -> String {
        fill(self.get(), values)
    }
}

impl Content {
    pub fn reason(&self, reason: Reason) -> &ReasonText {
        &self.reasons[reason as usize]
    }

    pub fn row_ids(&self) -> impl Iterator<Item = RowId> {
        (0..self.responsibilities.len()).map(|index| RowId(index as u8))
    }

    pub fn group_ids(&self) -> impl Iterator<Item = GroupId> {
        (0..self.groups.len()).map(|index| GroupId(index as u8))
    }
}

/// A text and what it rests on: the sources it paraphrases or, when `reasoning` is given, the
/// sources it is the widget's own reading of.
#[derive(Debug, PartialEq, Eq)]
pub struct Cited {
    pub text: &'static str,
    pub sources: &'static [SourceId],
    pub reasoning: Option<&'static str>,
}

/// A judgement no source makes in so many words: the sources it reads, and how.
#[derive(Debug, PartialEq, Eq)]
pub struct Derivation {
    pub sources: &'static [SourceId],
    pub reasoning: &'static str,
}

#[derive(Debug, PartialEq, Eq)]
pub struct Source {
    pub id: &'static str,
    pub title: &'static str,
    pub detail: &'static str,
}

#[derive(Debug)]
pub struct Role {
    pub name: &'static str,
    pub short: &'static str,
    pub focus: Cited,
    pub measured_by: Cited,
    pub trap: Cited,
    pub coding: CodingRange,
    /// Set when this role's column of levels is the widget's reading, not a source's.
    pub levels: Option<Derivation>,
}

#[derive(Debug, PartialEq, Eq)]
pub struct CodingRange {
    pub min_percent: u8,
    pub max_percent: u8,
    pub sources: &'static [SourceId],
    /// Set when the range is derived from its sources rather than given by one.
    pub reasoning: Option<&'static str>,
}

impl fmt::Display for CodingRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}–{}%", self.min_percent, self.max_percent)
    }
}

#[derive(Debug)]
pub struct Group {
    pub id: &'static str,
    pub name: &'static str,
}

#[derive(Debug)]
pub struct Responsibility {
    pub id: &'static str,
    pub group: GroupId,
    pub name: &'static str,
    pub ladder: Option<LadderSide>,
    pub levels: [Level; 3],
    pub notes: [Option<&'static str>; 3],
    pub explanation: Cited,
    pub disagreement: &'static [Cited],
}

impl Responsibility {
    pub fn level(&self, role: RoleKey) -> Level {
        self.levels[role.index()]
    }

    pub fn note(&self, role: RoleKey) -> Option<&'static str> {
        self.notes[role.index()]
    }

    /// Whether the given roles hold this duty at different levels.
    pub fn differs_between(&self, roles: impl IntoIterator<Item = RoleKey>) -> bool {
        let mut levels = roles.into_iter().map(|role| self.level(role));
        match levels.next() {
            Some(first) => levels.any(|level| level != first),
            None => false,
        }
    }

    pub fn is_disputed(&self) -> bool {
        !self.disagreement.is_empty()
    }
}

#[derive(Debug)]
pub struct Fact {
    pub id: &'static str,
    pub title: &'static str,
    pub body: Cited,
    /// Where the articles disagree about it: every position, each with its source.
    pub disagreement: &'static [Cited],
}

#[derive(Debug)]
pub struct Scenario {
    pub id: &'static str,
    pub title: &'static str,
    pub responses: [Cited; 3],
    pub disagreement: &'static [Cited],
}

/// A reason the recommendation gives, and where the articles disagree about it, every position.
#[derive(Debug)]
pub struct ReasonText {
    pub cited: Cited,
    pub disagreement: &'static [Cited],
}

/// The states a text of the team-size part declares it fits (the content file's `fits`),
/// each list spelled out in full. Only the tests read it: they hold every text shown to it.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[derive(Debug)]
pub struct Fits {
    pub zones: &'static [&'static str],
    pub setups: &'static [&'static str],
    pub sizes: (u8, u8),
    pub new: Option<bool>,
    pub both: Option<bool>,
    pub moved: Option<bool>,
}

/// A self-assessment question; each option leans toward the TL (negative) or the EM.
#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub prompt: &'static str,
    pub sources: &'static [SourceId],
    pub options: &'static [AnswerOption],
}

#[derive(Debug)]
pub struct AnswerOption {
    pub text: &'static str,
    pub lean: i8,
}

/// Team-size thresholds: the rules in `recommend` read them, the slider draws them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    /// The size past the split point at which a source still has a new team led by one
    /// person (the opinion piece's startup of ten), when the content names one.
    pub startup_size: Option<u8>,
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_each_named_placeholder_and_keeps_unknown_ones() {
        assert_eq!(
            fill("{shown} of {total} shown", &[("total", &40), ("shown", &7)]),
            "7 of 40 shown"
        );
        assert_eq!(fill("{n} and {n}", &[("n", &"x")]), "x and x");
        assert_eq!(fill("keep {other}", &[("n", &1)]), "keep {other}");
        assert_eq!(fill("open { brace", &[]), "open { brace");
        assert_eq!(fill("no placeholder", &[("n", &1)]), "no placeholder");
    }

    #[test]
    fn engineers_counts_one_and_many() {
        assert_eq!(Text::engineers(1), "1 engineer");
        assert_eq!(Text::engineers(12), "12 engineers");
    }

    /// The sixteen rows of the Engineering Ladders table, each as (TL cell, EM cell) paraphrase
    /// anchor: a row id in the content that must carry that ladder side and cite the ladder.
    const LADDER_TABLE: [(&str, &str); 16] = [
        ("technical-excellence", "career-planning"),
        ("architecture", "hiring"),
        ("tech-mentoring", "team-planning"),
        ("spikes", "performance-reviews"),
        ("code-reviews", "one-on-ones"),
        ("system-design-presentations", "technical-decisions"),
        ("technical-capacity", "cascading-communications"),
        ("production-issues", "team-culture"),
        ("slas-monitoring", "team-happiness"),
        ("platform-direction", "team-productivity"),
        ("tech-lead-alignment", "manager-alignment"),
        ("hands-on-coding", "hands-on-coding"),
        ("system-roadmap", "system-roadmap"),
        ("development-process", "development-process"),
        ("team-visibility", "team-visibility"),
        ("covering-for-the-other", "covering-for-the-other"),
    ];

    fn row_by_id(id: &str) -> &'static Responsibility {
        CONTENT
            .responsibilities
            .iter()
            .find(|row| row.id == id)
            .unwrap_or_else(|| panic!("no responsibility {id:?}"))
    }

    fn ladders() -> SourceId {
        let index = CONTENT
            .sources
            .iter()
            .position(|s| s.id == "ladders")
            .expect("ladders source");
        SourceId(index as u8)
    }

    #[test]
    fn every_ladder_row_is_a_cited_responsibility_on_its_side() {
        for (tl_cell, em_cell) in LADDER_TABLE {
            let shared = tl_cell == em_cell;
            for (id, role) in [
                (tl_cell, RoleKey::TechLead),
                (em_cell, RoleKey::EngineeringManager),
            ] {
                let row = row_by_id(id);
                assert!(
                    row.explanation.sources.contains(&ladders()),
                    "{id} must cite the ladder"
                );
                let expected_side = match (shared, role) {
                    (true, _) => LadderSide::Shared,
                    (false, RoleKey::TechLead) => LadderSide::TechLead,
                    (false, _) => LadderSide::EngineeringManager,
                };
                assert_eq!(row.ladder, Some(expected_side), "{id}");
            }
        }
        let marked = CONTENT
            .responsibilities
            .iter()
            .filter(|row| row.ladder.is_some())
            .count();
        assert_eq!(
            marked,
            16 * 2 - 5,
            "no row claims the ladder without being in the table"
        );
    }

    #[test]
    fn ladder_side_owns_its_rows_and_shared_rows_are_shared() {
        for row in CONTENT.responsibilities {
            match row.ladder {
                Some(LadderSide::TechLead) => {
                    assert_eq!(row.level(RoleKey::TechLead), Level::Owns, "{}", row.id)
                }
                // The ladder lists the EM's *participation* in technical decisions; the TL owns them.
                Some(LadderSide::EngineeringManager) if row.id != "technical-decisions" => {
                    assert_eq!(
                        row.level(RoleKey::EngineeringManager),
                        Level::Owns,
                        "{}",
                        row.id
                    )
                }
                _ => {}
            }
        }
        for id in [
            "system-roadmap",
            "development-process",
            "team-visibility",
            "covering-for-the-other",
        ] {
            let row = row_by_id(id);
            assert_eq!(row.level(RoleKey::TechLead), Level::Shares, "{id}");
            assert_eq!(
                row.level(RoleKey::EngineeringManager),
                Level::Shares,
                "{id}"
            );
        }
    }

    /// The hybrid's column follows the rule its reasoning states: every duty either role owns
    /// or shares is the hybrid's own, except the two the reasoning names.
    #[test]
    fn the_hybrid_column_follows_its_stated_rule_and_names_its_exceptions() {
        let reasoning = RoleKey::TechLeadManager
            .role()
            .levels
            .as_ref()
            .unwrap()
            .reasoning;
        assert!(reasoning.contains("several teams") && reasoning.contains("hands-on coding"));
        for row in CONTENT.responsibilities {
            let held = [RoleKey::TechLead, RoleKey::EngineeringManager]
                .map(|role| row.level(role))
                .into_iter()
                .min()
                .unwrap();
            let expected = match row.id {
                "multi-team-scope" => Level::NotTheirs,
                "hands-on-coding" => Level::Supports,
                _ if held <= Level::Shares => Level::Owns,
                _ => held,
            };
            assert_eq!(row.level(RoleKey::TechLeadManager), expected, "{}", row.id);
        }
    }

    #[test]
    fn coding_ranges_match_the_ladder_and_the_halving_rule() {
        let tl = &RoleKey::TechLead.role().coding;
        let em = &RoleKey::EngineeringManager.role().coding;
        let tlm = &RoleKey::TechLeadManager.role().coding;
        assert_eq!((tl.min_percent, tl.max_percent), (30, 70));
        assert_eq!((em.min_percent, em.max_percent), (0, 30));
        assert_eq!(
            (tlm.min_percent * 2, tlm.max_percent * 2),
            (tl.min_percent, tl.max_percent)
        );
        assert_eq!(tl.to_string(), "30–70%");
    }

    #[test]
    fn the_disputed_topics_show_every_position_with_sources() {
        for id in ["velocity", "development-process", "project-management"] {
            let row = row_by_id(id);
            assert!(row.disagreement.len() >= 2, "{id}");
            let cited: std::collections::BTreeSet<_> = row
                .disagreement
                .iter()
                .flat_map(|p| p.sources.iter().copied())
                .collect();
            assert!(
                cited.len() >= 2,
                "{id}: positions must come from different sources"
            );
        }
    }

    /// The Sources section promises every position where the articles disagree: these are
    /// the disagreements beyond the disputed duties, each where the reader meets its topic.
    #[test]
    fn every_disagreement_the_page_names_is_shown_where_its_topic_is() {
        let fact = |id: &str| CONTENT.facts.iter().find(|fact| fact.id == id).unwrap();
        let scenario = |id: &str| CONTENT.scenarios.iter().find(|s| s.id == id).unwrap();
        let shown: [(&str, &[Cited]); 4] = [
            ("delegate or dive in", scenario("late-sprint").disagreement),
            (
                "how much an EM codes",
                row_by_id("hands-on-coding").disagreement,
            ),
            (
                "when to split",
                CONTENT.reason(Reason::SplitRange).disagreement,
            ),
            ("is TL a rung", fact("role-vs-title").disagreement),
        ];
        for (topic, positions) in shown {
            let sources: std::collections::BTreeSet<_> =
                positions.iter().flat_map(|p| p.sources).collect();
            assert!(positions.len() >= 2, "{topic}");
            assert!(sources.len() >= 2, "{topic}: positions from one source");
            assert!(positions.iter().all(|p| !p.sources.is_empty()), "{topic}");
        }
        let split_sources = CONTENT
            .reason(Reason::SplitRange)
            .disagreement
            .iter()
            .flat_map(|p| p.sources.iter().map(|id| id.source().id))
            .collect::<Vec<_>>();
        // The reason itself is the opinion piece's head count; the other two give no number.
        assert_eq!(split_sources, ["both", "ladders"]);
    }

    #[test]
    fn the_duties_named_by_the_other_articles_are_present() {
        for id in [
            "architecture",
            "code-reviews",
            "spikes",
            "technical-debt",
            "coding-standards",
            "milestones",
            "delegation",
            "career-planning",
            "performance-reviews",
            "salaries-ratings",
            "hiring",
            "one-on-ones",
            "stakeholders",
            "multi-team-scope",
            "team-culture",
            "schedules-benchmarks",
        ] {
            row_by_id(id);
        }
    }

    #[test]
    fn differs_between_compares_only_the_given_roles() {
        let visibility = row_by_id("team-visibility");
        assert!(!visibility.differs_between([RoleKey::TechLead, RoleKey::EngineeringManager]));
        assert!(visibility.differs_between(RoleKey::ALL));
        let reviews = row_by_id("code-reviews");
        assert!(!reviews.differs_between([RoleKey::TechLead, RoleKey::TechLeadManager]));
        assert!(reviews.differs_between([RoleKey::TechLead, RoleKey::EngineeringManager]));
    }

    #[test]
    fn ids_fit_their_index_types() {
        assert!(CONTENT.responsibilities.len() <= usize::from(u8::MAX));
        assert!(CONTENT.groups.len() <= usize::from(u8::MAX));
        assert_eq!(CONTENT.row_ids().count(), CONTENT.responsibilities.len());
    }
}
