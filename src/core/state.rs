//! The single state of the widget and the one reducer that changes it.

use super::assessment::{assess, Answers};
use super::check::{Change, TeamAnswers};
use super::content::{GroupId, RoleKey, RowId, SourceId, TeamSize, Text, CONTENT, MAX_QUESTIONS};
use super::language::LanguageId;
use super::recommend::{recommend, Inputs, Recommendation};

/// Which roles the matrix and comparison show: always two or three of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RoleSet([bool; 3]);

impl RoleSet {
    pub const ALL: RoleSet = RoleSet([true; 3]);

    /// The choices the role picker offers, in order.
    pub const CHOICES: [RoleSet; 4] = [
        RoleSet([true, true, false]),
        RoleSet([true, false, true]),
        RoleSet([false, true, true]),
        RoleSet::ALL,
    ];

    /// Builds a set from its roles; fewer than two is not a comparison and gives `None`.
    pub fn of(roles: &[RoleKey]) -> Option<RoleSet> {
        let mut set = [false; 3];
        for role in roles {
            set[role.index()] = true;
        }
        (set.iter().filter(|chosen| **chosen).count() >= 2).then_some(RoleSet(set))
    }

    pub fn contains(self, role: RoleKey) -> bool {
        self.0[role.index()]
    }

    pub fn iter(self) -> impl Iterator<Item = RoleKey> {
        RoleKey::ALL
            .into_iter()
            .filter(move |role| self.contains(*role))
    }

    pub fn count(self) -> usize {
        self.iter().count()
    }

    /// "TL & EM", or "All three".
    pub fn label(self) -> String {
        if self == RoleSet::ALL {
            return Text::AllThree.get().to_owned();
        }
        let shorts: Vec<&str> = self.iter().map(|role| role.role().short).collect();
        shorts.join(" & ")
    }
}

/// A part of the page a reader or an embed can show on its own, in page order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// The slider and its recommendation.
    Team,
    /// Who owns what, with its controls and export.
    Matrix,
    /// How each role is judged.
    Compare,
    /// Check your own team against the articles' rules.
    Check,
    /// Same situation, different hats.
    Situations,
    /// Which hat fits you.
    Quiz,
    /// Worth knowing.
    Facts,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::Team,
        Part::Matrix,
        Part::Compare,
        Part::Check,
        Part::Situations,
        Part::Quiz,
        Part::Facts,
    ];

    /// The key used in `view=`, in data-view and in a part's own address.
    pub fn slug(self) -> &'static str {
        match self {
            Part::Team => "team",
            Part::Matrix => "matrix",
            Part::Compare => "compare",
            Part::Check => "check",
            Part::Situations => "situations",
            Part::Quiz => "quiz",
            Part::Facts => "facts",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.slug() == slug)
    }

    /// About how tall the part is embedded at 720 px in the default state, title and
    /// sources aside: where a frame showing it starts. `js/embed.js` keeps the same figures.
    pub fn typical_embed_height(self) -> u32 {
        match self {
            Part::Team => 460,
            Part::Matrix => 3350,
            Part::Compare => 1200,
            Part::Check => 3780,
            Part::Situations => 1220,
            Part::Quiz => 1200,
            Part::Facts => 1050,
        }
    }

    /// The part's heading, which also names it where an author picks parts to embed.
    pub fn name(self) -> &'static str {
        match self {
            Part::Team => Text::TeamSizeHeading,
            Part::Matrix => Text::MatrixHeading,
            Part::Compare => Text::ComparisonHeading,
            Part::Check => Text::CheckHeading,
            Part::Situations => Text::ScenariosHeading,
            Part::Quiz => Text::QuizHeading,
            Part::Facts => Text::KeyFactsHeading,
        }
        .get()
    }
}

/// Which parts the page shows: never none, all of them unless a `view` says otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Parts(u8);

impl Parts {
    pub const ALL: Parts = Parts((1 << Part::ALL.len()) - 1);

    /// The set of `parts`; an empty list shows nothing and gives `None`.
    pub fn of(parts: &[Part]) -> Option<Parts> {
        let bits = parts.iter().fold(0, |bits, part| bits | 1 << *part as u8);
        (bits != 0).then_some(Parts(bits))
    }

    pub fn contains(self, part: Part) -> bool {
        self.0 & 1 << part as u8 != 0
    }

    /// In page order.
    pub fn iter(self) -> impl Iterator<Item = Part> {
        Part::ALL
            .into_iter()
            .filter(move |part| self.contains(*part))
    }

    /// About how tall these parts are embedded at 720 px in the default state: their typical
    /// heights, the title and the folded sources.
    pub fn typical_embed_height(self) -> u32 {
        Parts::TITLE_AND_SOURCES + self.iter().map(Part::typical_embed_height).sum::<u32>()
    }

    /// What an embed shows besides its parts: the title and the folded sources, at 720 px.
    pub const TITLE_AND_SOURCES: u32 = 130;

    /// Whether `part` can be shown or hidden: the last part shown stays, since an embed
    /// always shows something.
    pub fn can_toggle(self, part: Part) -> bool {
        !self.contains(part) || self.with(part, false) != self
    }

    /// These parts with `part` shown or hidden; hiding the last one leaves it shown.
    pub fn with(self, part: Part, shown: bool) -> Parts {
        let bits = if shown {
            self.0 | 1 << part as u8
        } else {
            self.0 & !(1 << part as u8)
        };
        if bits == 0 {
            self
        } else {
            Parts(bits)
        }
    }
}

/// The colour theme: `Auto` follows the reader's (or the host page's) system setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn slug(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|theme| theme.slug() == slug)
    }
}

/// Everything a reader can set; `core::url` mirrors all of it to the query string.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct State {
    pub team: u8,
    pub new_team: bool,
    pub lead_has_done_both: bool,
    pub roles: RoleSet,
    pub group: Option<GroupId>,
    pub only_differences: bool,
    pub open_row: Option<RowId>,
    pub theme: Theme,
    /// Compact mode for iframes: no page chrome, a link to the full page.
    pub embed: bool,
    /// No background of its own, so an embed takes the host page's.
    pub transparent: bool,
    /// Thresholds an embedding author set instead of the sources' (see `team_sizes`).
    pub author_hybrid_from: Option<u8>,
    pub author_split_at: Option<u8>,
    /// The self-assessment's answers.
    pub answers: Answers,
    /// The language the address asks for; without one, the browser's languages decide.
    pub language: Option<LanguageId>,
    /// The parts of the page on show.
    pub view: Parts,
    /// What the reader said about their own team, for "Check your team". The address keeps
    /// it in its fragment (`core::check::fragment`), never in the query.
    pub check: TeamAnswers,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    SetTeam(u8),
    SetNewTeam(bool),
    SetLeadHasDoneBoth(bool),
    SetRoles(RoleSet),
    SetGroup(Option<GroupId>),
    SetOnlyDifferences(bool),
    ToggleRow(RowId),
    Answer {
        question: u8,
        option: u8,
    },
    ClearAnswers,
    ShowPart {
        part: Part,
        shown: bool,
    },
    /// A change to the team check's answers.
    Check(Change),
    /// Back or Forward: take the state a URL describes.
    Restore(State),
}

impl Default for State {
    fn default() -> Self {
        State {
            team: CONTENT.team_size.default,
            new_team: false,
            lead_has_done_both: false,
            roles: RoleSet::ALL,
            group: None,
            only_differences: false,
            open_row: None,
            theme: Theme::Auto,
            embed: false,
            transparent: false,
            author_hybrid_from: None,
            author_split_at: None,
            answers: [None; MAX_QUESTIONS],
            language: None,
            view: Parts::ALL,
            check: TeamAnswers::default(),
        }
    }
}

impl State {
    pub fn apply(mut self, action: Action) -> State {
        match action {
            Action::SetTeam(team) => {
                self.team = team.clamp(CONTENT.team_size.min, CONTENT.team_size.max)
            }
            Action::SetNewTeam(on) => self.new_team = on,
            Action::SetLeadHasDoneBoth(on) => self.lead_has_done_both = on,
            Action::SetRoles(roles) => self.roles = roles,
            Action::SetGroup(group) => {
                self.group = group.filter(|id| usize::from(id.0) < CONTENT.groups.len())
            }
            Action::SetOnlyDifferences(on) => self.only_differences = on,
            Action::ToggleRow(row) if usize::from(row.0) < CONTENT.responsibilities.len() => {
                self.open_row = if self.open_row == Some(row) {
                    None
                } else {
                    Some(row)
                }
            }
            Action::ToggleRow(_) => {}
            Action::Answer { question, option } => {
                let known = CONTENT
                    .questions
                    .get(usize::from(question))
                    .is_some_and(|q| usize::from(option) < q.options.len());
                if known {
                    self.answers[usize::from(question)] = Some(option);
                }
            }
            Action::ClearAnswers => self.answers = [None; MAX_QUESTIONS],
            Action::ShowPart { part, shown } => self.view = self.view.with(part, shown),
            Action::Check(change) => self.check = self.check.apply(change),
            Action::Restore(state) => return state,
        }
        self
    }

    /// The team-size thresholds in force: the content's, unless the page's author moved the
    /// hybrid's start or the split point. The multi-team point follows the split, at about
    /// twice it. Overrides that would leave the ranges out of order are ignored.
    pub fn team_sizes(&self) -> TeamSize {
        let sources = CONTENT.team_size;
        let hybrid_from = self.author_hybrid_from.unwrap_or(sources.hybrid_from);
        let split_from = self.author_split_at.unwrap_or(sources.split_from);
        let multi_team_from = if self.author_split_at.is_some() {
            split_from
                .saturating_mul(2)
                .saturating_add(1)
                .min(sources.max)
        } else {
            sources.multi_team_from
        };
        let ordered = sources.min <= hybrid_from
            && hybrid_from < split_from
            && split_from < multi_team_from
            && multi_team_from <= sources.max;
        if !ordered {
            return sources;
        }
        TeamSize {
            hybrid_from,
            split_from,
            multi_team_from,
            // The startup of ten is a tension with the sources' own split point.
            startup_size: sources
                .startup_size
                .filter(|_| split_from == sources.split_from),
            ..sources
        }
    }

    /// The thresholds in force when the page's author moved them from the sources'.
    pub fn author_thresholds(&self) -> Option<TeamSize> {
        Some(self.team_sizes()).filter(|sizes| *sizes != CONTENT.team_size)
    }

    /// The sources the parts on show cite, in the order of the sources list, so a page
    /// showing only some parts lists only those. The team-size part cites what its current
    /// recommendation, `advice` (the one the page shows, computed once), says.
    pub fn cited_sources(&self, advice: &Recommendation) -> Vec<SourceId> {
        let roles = || self.roles.iter().map(RoleKey::role);
        let mut cited: Vec<&[SourceId]> = Vec::new();
        for part in self.view.iter() {
            match part {
                Part::Team => {
                    let reasons = advice.reasons.iter().chain(advice.tension.iter().flatten());
                    cited.extend(reasons.flat_map(|reason| {
                        let reason = CONTENT.reason(*reason);
                        let positions = reason.disagreement.iter().map(|position| position.sources);
                        std::iter::once(reason.cited.sources).chain(positions)
                    }));
                    cited.extend(CONTENT.rules.iter().map(|rule| rule.sources));
                    cited.extend(
                        advice
                            .setup
                            .roles()
                            .iter()
                            .map(|role| role.role().coding.sources),
                    );
                }
                Part::Matrix => {
                    for row in self.visible_rows().map(RowId::row) {
                        cited.push(row.explanation.sources);
                        cited.extend(row.disagreement.iter().map(|position| position.sources));
                    }
                    cited.extend(roles().filter_map(|role| Some(role.levels.as_ref()?.sources)));
                }
                Part::Compare => cited.extend(roles().flat_map(|role| {
                    [
                        role.focus.sources,
                        role.measured_by.sources,
                        role.trap.sources,
                        role.coding.sources,
                    ]
                })),
                // The check names every source its rules rest on, whatever it finds.
                Part::Check => cited.push(CONTENT.check_sources),
                Part::Situations => {
                    for scenario in CONTENT.scenarios {
                        let shown = self
                            .roles
                            .iter()
                            .map(|role| &scenario.responses[role.index()]);
                        cited.extend(shown.map(|response| response.sources));
                        cited.extend(scenario.disagreement.iter().map(|p| p.sources));
                    }
                }
                Part::Quiz => {
                    cited.extend(CONTENT.questions.iter().map(|question| question.sources));
                    if let Some(fit) = assess(&self.answers) {
                        cited.push(CONTENT.assessment[fit.role.index()].sources);
                        cited.push(fit.role.role().trap.sources);
                    }
                }
                Part::Facts => cited.extend(CONTENT.facts.iter().flat_map(|fact| {
                    let positions = fact.disagreement.iter().map(|position| position.sources);
                    std::iter::once(fact.body.sources).chain(positions)
                })),
            }
        }
        // In id order, once each: a table of 256 flags rather than a sort, whose code would
        // cost 2.4 KB of gzipped wasm (docs/speed-and-size.md).
        let mut seen = [false; 256];
        for source in cited.into_iter().flatten() {
            seen[usize::from(source.0)] = true;
        }
        (0..=u8::MAX)
            .filter(|id| seen[usize::from(*id)])
            .map(SourceId)
            .collect()
    }

    pub fn recommendation(&self) -> Recommendation {
        recommend(
            &self.team_sizes(),
            Inputs {
                team: self.team,
                new_team: self.new_team,
                lead_has_done_both: self.lead_has_done_both,
            },
        )
    }

    /// The rows the matrix shows under the current filters, in content order.
    pub fn visible_rows(&self) -> impl Iterator<Item = RowId> {
        visible_rows(self.roles, self.group, self.only_differences)
    }
}

/// The rows the matrix shows of the duties in `group` (all, for none), comparing `roles`, and
/// only those where they differ if asked: in content order.
fn visible_rows(
    roles: RoleSet,
    group: Option<GroupId>,
    only_differences: bool,
) -> impl Iterator<Item = RowId> {
    CONTENT.row_ids().filter(move |id| {
        let row = id.row();
        group.is_none_or(|group| row.group == group)
            && (!only_differences || row.differs_between(roles.iter()))
    })
}

/// What the parts below the slider draw (`components::LaterParts`), and nothing else: two
/// states that draw them alike give equal views. The team size is not among it (the page marks
/// the recommended columns around them, `recommended_roles`), so a slider move does not redraw
/// them, and while their code loads, the page keeps their prerendered HTML only as long as the
/// address's view equals the drawn one: a link with a team size needs none of their code.
/// Built on every render of the page, so it holds nothing it would have to allocate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LaterPartsView {
    pub roles: RoleSet,
    pub group: Option<GroupId>,
    pub only_differences: bool,
    pub open_row: Option<RowId>,
    pub answers: Answers,
    /// The parts on show.
    pub view: Parts,
    /// The team check's answers, and the team sizes in force it judges them by.
    pub check: TeamAnswers,
    pub sizes: TeamSize,
}

impl LaterPartsView {
    /// The rows the matrix shows under the filters, as `State::visible_rows`.
    pub fn visible_rows(&self) -> impl Iterator<Item = RowId> {
        visible_rows(self.roles, self.group, self.only_differences)
    }
}

impl State {
    /// What the later parts draw of this state.
    pub fn later_parts_view(&self) -> LaterPartsView {
        LaterPartsView {
            roles: self.roles,
            group: self.group,
            only_differences: self.only_differences,
            open_row: self.open_row,
            answers: self.answers,
            view: self.view,
            check: self.check,
            sizes: self.team_sizes(),
        }
    }
}

/// The roles `advice` staffs, as the page marks them around the later parts for the matrix's
/// columns (`data-recommended`, styles/matrix.css): their slugs, space-separated. Written out
/// for each set `Setup::roles` names, not joined: the page asks on every slider move, and the
/// test below holds the two together.
pub fn recommended_roles(advice: &Recommendation) -> &'static str {
    match advice.setup.roles() {
        [RoleKey::TechLeadManager] => "tlm",
        _ => "tl em",
    }
}

/// What the recommendation card says below its first line, the only one that names the team
/// size (`components::Recommendation`): equal for two sizes advised alike, so a slider move
/// within a zone redraws that line alone.
#[derive(Clone, Debug)]
pub struct AdviceDetails(pub Recommendation);

impl PartialEq for AdviceDetails {
    fn eq(&self, other: &Self) -> bool {
        // Every field but the team's size, each named, so that a new one is not left out.
        let Recommendation {
            team: _,
            zone,
            setup,
            time_split,
            size_is_sourced,
            borderline,
            stretched,
            tension,
            warnings,
            reasons,
        } = &self.0;
        let other = &other.0;
        *zone == other.zone
            && *setup == other.setup
            && *time_split == other.time_split
            && *size_is_sourced == other.size_is_sourced
            && *borderline == other.borderline
            && *stretched == other.stretched
            && *tension == other.tension
            && *warnings == other.warnings
            && *reasons == other.reasons
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::recommend::Setup;
    use proptest::prelude::*;

    #[test]
    fn the_later_parts_view_follows_what_they_draw_and_nothing_else() {
        let default = State::default();
        let view = |state: &State| state.later_parts_view();
        let drawn_alike = [
            State {
                theme: Theme::Dark,
                ..default
            },
            State {
                embed: true,
                transparent: true,
                ..default
            },
            State { team: 7, ..default },
            // Another setup: the page marks its columns around the parts.
            State {
                team: 12,
                ..default
            },
        ];
        for state in drawn_alike {
            assert!(view(&state) == view(&default), "{state:?}");
        }
        let drawn_differently = [
            State {
                only_differences: true,
                ..default
            },
            State {
                group: Some(GroupId(1)),
                ..default
            },
            State {
                open_row: CONTENT.row_ids().next(),
                ..default
            },
            default.apply(Action::ShowPart {
                part: Part::Matrix,
                shown: false,
            }),
            default.apply(Action::Check(crate::core::check::Change::Size(12))),
            State {
                author_split_at: Some(7),
                ..default
            },
        ];
        for state in drawn_differently {
            assert!(view(&state).visible_rows().eq(state.visible_rows()));
            assert!(view(&state) != view(&default), "{state:?}");
        }
    }

    #[test]
    fn the_recommended_roles_are_named_as_the_stylesheet_reads_them() {
        let roles = |team: u8| {
            recommended_roles(
                &State {
                    team,
                    ..State::default()
                }
                .recommendation(),
            )
        };
        assert_eq!(roles(5), "tlm");
        assert_eq!(roles(12), "tl em");
        for state in crate::core::drawn::page_states().chain([State::default()]) {
            let advice = state.recommendation();
            let slugs: Vec<&str> = advice
                .setup
                .roles()
                .iter()
                .map(|role| role.slug())
                .collect();
            assert_eq!(recommended_roles(&advice), slugs.join(" "), "{state:?}");
        }
    }

    fn group(id: &str) -> GroupId {
        CONTENT
            .group_ids()
            .find(|g| g.group().id == id)
            .expect("group exists")
    }

    #[test]
    fn the_default_compares_all_three_roles_for_a_small_team() {
        let state = State::default();
        assert_eq!(state.roles.count(), 3);
        assert_eq!(state.recommendation().setup, Setup::Hybrid);
        assert_eq!(state.visible_rows().count(), CONTENT.responsibilities.len());
    }

    #[test]
    fn parts_keep_page_order_and_never_empty() {
        let chosen = Parts::of(&[Part::Quiz, Part::Team]).unwrap();
        assert_eq!(chosen.iter().collect::<Vec<_>>(), [Part::Team, Part::Quiz]);
        assert_eq!(Parts::of(&[]), None);
        let team = Parts::of(&[Part::Team]).unwrap();
        assert_eq!(team.with(Part::Team, false), team, "the last part stays");
        assert_eq!(team.with(Part::Facts, true).iter().count(), 2);
        assert_eq!(Parts::ALL.iter().count(), Part::ALL.len());
        assert_eq!(team.typical_embed_height(), 590);
        assert!(!team.can_toggle(Part::Team) && team.can_toggle(Part::Facts));
        assert!(chosen.can_toggle(Part::Team) && chosen.can_toggle(Part::Quiz));
        assert_eq!(chosen.typical_embed_height(), 130 + 460 + 1200);
        let state = State::default().apply(Action::ShowPart {
            part: Part::Matrix,
            shown: false,
        });
        assert!(!state.view.contains(Part::Matrix));
        assert_eq!(state.view.iter().count(), Part::ALL.len() - 1);
    }

    fn cited(state: &State) -> Vec<SourceId> {
        state.cited_sources(&state.recommendation())
    }

    fn showing(parts: &[Part]) -> State {
        State {
            view: Parts::of(parts).unwrap(),
            ..State::default()
        }
    }

    #[test]
    fn a_view_starts_at_its_parts_heights_and_the_title_and_sources() {
        assert_eq!(
            Parts::of(&[Part::Team]).unwrap().typical_embed_height(),
            130 + 460
        );
    }

    #[test]
    fn a_part_lists_only_the_sources_it_cites() {
        let all = cited(&State::default());
        assert_eq!(
            all.len(),
            CONTENT.sources.len(),
            "every source is cited somewhere"
        );
        let mut expected: Vec<SourceId> = CONTENT
            .facts
            .iter()
            .flat_map(|fact| {
                let positions = fact.disagreement.iter().flat_map(|p| p.sources);
                fact.body.sources.iter().chain(positions).copied()
            })
            .collect();
        expected.sort_unstable();
        expected.dedup();
        assert_eq!(cited(&showing(&[Part::Facts])), expected);
        let situations = cited(&showing(&[Part::Situations]));
        assert!(situations.len() < all.len(), "{situations:?}");
        for part in Part::ALL {
            let alone = cited(&showing(&[part]));
            assert!(!alone.is_empty(), "{part:?}");
        }
    }

    #[test]
    fn the_team_part_lists_what_its_recommendation_cites() {
        let five = showing(&[Part::Team]);
        let cited_by_five = cited(&five);
        let advice = five.recommendation();
        for reason in &advice.reasons {
            for source in CONTENT.reason(*reason).cited.sources {
                assert!(cited_by_five.contains(source), "{reason:?}");
            }
        }
        let stevens = CONTENT
            .sources
            .iter()
            .position(|s| s.id == "stevens")
            .unwrap();
        assert!(
            !cited_by_five.contains(&SourceId(stevens as u8)),
            "no reason at 5 cites it"
        );
        let thirty = cited(&five.apply(Action::SetTeam(30)));
        assert!(
            thirty.contains(&SourceId(stevens as u8)),
            "the multi-team reason does"
        );
    }

    #[test]
    fn moving_the_slider_from_five_to_twelve_splits_the_roles() {
        let state = State::default().apply(Action::SetTeam(5));
        assert_eq!(state.recommendation().setup, Setup::Hybrid);
        let state = state.apply(Action::SetTeam(12));
        assert_eq!(state.recommendation().setup, Setup::Split);
    }

    #[test]
    fn an_author_can_move_the_split_point() {
        let state = State {
            team: 8,
            author_split_at: Some(7),
            ..State::default()
        };
        assert_eq!(state.recommendation().setup, Setup::Split);
        assert_eq!(state.author_thresholds().map(|s| s.split_from), Some(7));
        assert_eq!(
            state.team_sizes().multi_team_from,
            15,
            "about twice the split point"
        );
        let later = State {
            author_split_at: Some(12),
            ..state
        };
        assert_eq!(later.recommendation().setup, Setup::Hybrid);
        let nonsense = State {
            author_hybrid_from: Some(9),
            author_split_at: Some(4),
            ..state
        };
        assert_eq!(
            nonsense.team_sizes(),
            CONTENT.team_size,
            "out-of-order overrides are ignored"
        );
        assert_eq!(nonsense.author_thresholds(), None);
        let the_sources_own = State {
            team: 9,
            author_split_at: Some(9),
            ..State::default()
        };
        assert_eq!(
            the_sources_own.author_thresholds(),
            None,
            "nothing was moved"
        );
        assert!(the_sources_own.recommendation().tension.is_some());
        let hybrid_only = State {
            author_hybrid_from: Some(4),
            ..State::default()
        };
        assert_eq!(
            hybrid_only
                .author_thresholds()
                .map(|s| (s.hybrid_from, s.split_from)),
            Some((4, 9))
        );
    }

    #[test]
    fn team_size_is_clamped() {
        assert_eq!(State::default().apply(Action::SetTeam(0)).team, 1);
        assert_eq!(State::default().apply(Action::SetTeam(200)).team, 50);
    }

    #[test]
    fn a_row_toggles_open_and_closed_and_only_one_is_open() {
        let first = RowId(0);
        let second = RowId(1);
        let state = State::default().apply(Action::ToggleRow(first));
        assert_eq!(state.open_row, Some(first));
        let state = state.apply(Action::ToggleRow(second));
        assert_eq!(state.open_row, Some(second));
        assert_eq!(state.apply(Action::ToggleRow(second)).open_row, None);
        assert_eq!(
            State::default()
                .apply(Action::ToggleRow(RowId(250)))
                .open_row,
            None
        );
    }

    #[test]
    fn group_filter_shows_only_that_group() {
        let people = group("people");
        let state = State::default().apply(Action::SetGroup(Some(people)));
        assert!(state.visible_rows().count() > 0);
        assert!(state.visible_rows().all(|id| id.row().group == people));
        assert_eq!(
            State::default()
                .apply(Action::SetGroup(Some(GroupId(99))))
                .group,
            None
        );
    }

    #[test]
    fn only_differences_depends_on_the_compared_roles() {
        let tl_em = RoleSet::of(&[RoleKey::TechLead, RoleKey::EngineeringManager]).unwrap();
        let state = State::default()
            .apply(Action::SetRoles(tl_em))
            .apply(Action::SetOnlyDifferences(true));
        let visible: Vec<_> = state.visible_rows().map(|id| id.row().id).collect();
        assert!(!visible.contains(&"team-visibility"), "shared by TL and EM");
        assert!(visible.contains(&"code-reviews"));
        let all = state.apply(Action::SetRoles(RoleSet::ALL));
        assert!(
            all.visible_rows()
                .any(|id| id.row().id == "team-visibility"),
            "TLM owns it"
        );
    }

    #[test]
    fn role_sets_need_two_roles() {
        assert_eq!(RoleSet::of(&[RoleKey::TechLead]), None);
        assert_eq!(RoleSet::of(&RoleKey::ALL), Some(RoleSet::ALL));
        assert_eq!(RoleSet::CHOICES[0].label(), "TL & EM");
        assert_eq!(RoleSet::ALL.label(), "All three");
    }

    fn any_action() -> impl Strategy<Value = Action> {
        prop_oneof![
            any::<u8>().prop_map(Action::SetTeam),
            any::<bool>().prop_map(Action::SetNewTeam),
            any::<bool>().prop_map(Action::SetLeadHasDoneBoth),
            (0usize..4).prop_map(|i| Action::SetRoles(RoleSet::CHOICES[i])),
            proptest::option::of(any::<u8>()).prop_map(|g| Action::SetGroup(g.map(GroupId))),
            any::<bool>().prop_map(Action::SetOnlyDifferences),
            any::<u8>().prop_map(|r| Action::ToggleRow(RowId(r))),
            (any::<u8>(), any::<u8>())
                .prop_map(|(question, option)| Action::Answer { question, option }),
            Just(Action::ClearAnswers),
        ]
    }

    proptest! {
        #[test]
        fn any_sequence_of_actions_keeps_the_state_valid(actions in proptest::collection::vec(any_action(), 0..40)) {
            let state = actions.into_iter().fold(State::default(), State::apply);
            prop_assert!((CONTENT.team_size.min..=CONTENT.team_size.max).contains(&state.team));
            prop_assert!(state.roles.count() >= 2);
            prop_assert!(state.group.is_none_or(|g| usize::from(g.0) < CONTENT.groups.len()));
            prop_assert!(state.open_row.is_none_or(|r| usize::from(r.0) < CONTENT.responsibilities.len()));
            for (question, answer) in state.answers.iter().enumerate() {
                let options = CONTENT.questions.get(question).map_or(0, |q| q.options.len());
                prop_assert!(answer.is_none_or(|option| usize::from(option) < options));
            }
            let visible: Vec<_> = state.visible_rows().collect();
            prop_assert!(visible.windows(2).all(|pair| pair[0] < pair[1]), "content order");
        }
    }

    #[test]
    fn the_advice_details_ignore_only_the_team_size() {
        let at = |team| {
            AdviceDetails(
                State {
                    team,
                    ..State::default()
                }
                .recommendation(),
            )
        };
        let mut redrawn = 0;
        for team in CONTENT.team_size.min..CONTENT.team_size.max {
            let (this, next) = (at(team), at(team + 1));
            // Without the team, the rest of the advice says the same for both sizes.
            let alike = Recommendation {
                team: next.0.team,
                ..this.0.clone()
            } == next.0;
            assert_eq!(this == next, alike, "{team} and {}", team + 1);
            redrawn += usize::from(!alike);
        }
        assert_eq!(at(20), at(20));
        assert!(at(20) == at(21), "a move within a zone keeps the details");
        assert!(at(8) != at(9), "the split changes them");
        assert!(
            redrawn < 15,
            "most moves keep the details: {redrawn} do not"
        );
    }
}
