//! From team size and two modifiers to a leadership setup, with the reasons behind it.
//!
//! The thresholds come from the content file; the rules are here. The rules stay inside what
//! the sources say and mark the sizes they do not cover instead of inventing a source.

use super::content::{Reason, RoleKey, TeamSize, Text};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Inputs {
    pub team: u8,
    pub new_team: bool,
    pub lead_has_done_both: bool,
}

/// Ordered from one person leading to several teams, so sizes map monotonically onto it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Setup {
    /// A team smaller than any source speaks of: its lead is mostly one more engineer, with
    /// no leadership split of the week to make.
    HandsOnLead,
    /// One Tech Lead Manager wearing both hats.
    Hybrid,
    /// A Tech Lead and an Engineering Manager as partners.
    Split,
    /// Several teams, each with its own TL, and EMs who often look after more than one.
    MultiTeam,
}

impl Setup {
    /// The name the content file's declarations (`fits.setups`) and the CSS use.
    pub fn key(self) -> &'static str {
        match self {
            Setup::HandsOnLead => "hands-on-lead",
            Setup::Hybrid => "hybrid",
            Setup::Split => "split",
            Setup::MultiTeam => "multi-team",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Setup::HandsOnLead => Text::SetupHandsOnLead,
            Setup::Hybrid => Text::SetupHybrid,
            Setup::Split => Text::SetupSplit,
            Setup::MultiTeam => Text::SetupMultiTeam,
        }
        .get()
    }

    /// The roles this setup staffs, which the matrix emphasises: a hands-on lead holds what
    /// leading there is, as a hybrid does.
    pub fn roles(self) -> &'static [RoleKey] {
        match self {
            Setup::HandsOnLead | Setup::Hybrid => &[RoleKey::TechLeadManager],
            Setup::Split | Setup::MultiTeam => &[RoleKey::TechLead, RoleKey::EngineeringManager],
        }
    }
}

/// Where a size sits on the slider, including the stretch the sources never speak about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Zone {
    BelowSources,
    Hybrid,
    Split,
    MultiTeam,
}

impl Zone {
    /// The name the content file's declarations (`fits.zones`) use.
    pub fn key(self) -> &'static str {
        match self {
            Zone::BelowSources => "below-sources",
            Zone::Hybrid => "hybrid",
            Zone::Split => "split",
            Zone::MultiTeam => "multi-team",
        }
    }

    /// What the slider's legend calls the zone: what it recommends, in a word or two.
    pub fn label(self) -> &'static str {
        match self {
            Zone::BelowSources => Text::ZoneBelowSources,
            Zone::Hybrid => Text::ZoneHybrid,
            Zone::Split => Text::ZoneSplit,
            Zone::MultiTeam => Text::ZoneMultiTeam,
        }
        .get()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeSplit {
    pub technical_percent: u8,
    pub people_percent: u8,
}

/// A flag the card raises over its recommendation, in the order the card shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flag {
    Borderline,
    Stretched,
    BurnOut,
    UnsourcedSize,
}

impl Flag {
    /// The name the content file's `[card]` declarations use.
    pub fn key(self) -> &'static str {
        match self {
            Flag::Borderline => "borderline",
            Flag::Stretched => "stretched",
            Flag::BurnOut => "burn-out-risk",
            Flag::UnsourcedSize => "unsourced-size",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Flag::Borderline => Text::Borderline,
            Flag::Stretched => Text::Stretched,
            Flag::BurnOut => Text::BurnOutRisk,
            Flag::UnsourcedSize => Text::UnsourcedSize,
        }
        .get()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// One of the content's rules never to break, by index.
    NeverBreak(usize),
    BurnOut,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recommendation {
    pub team: u8,
    pub zone: Zone,
    pub setup: Setup,
    pub time_split: Option<TimeSplit>,
    /// True where a source speaks about a team of this size.
    pub size_is_sourced: bool,
    /// True within `borderline_within` of a boundary, where either setup can be argued.
    pub borderline: bool,
    /// A hybrid kept past the split point: for a while, with the split planned.
    pub stretched: bool,
    /// Where one source gives two answers for this size, those answers. The reasons then
    /// leave them out, so nothing is said twice.
    pub tension: Option<[Reason; 2]>,
    pub warnings: Vec<Warning>,
    pub reasons: Vec<Reason>,
}

impl Recommendation {
    /// The flags the card raises, in order.
    pub fn flags(&self) -> Vec<Flag> {
        [
            (self.borderline, Flag::Borderline),
            (self.stretched, Flag::Stretched),
            (self.warnings.contains(&Warning::BurnOut), Flag::BurnOut),
            (!self.size_is_sourced, Flag::UnsourcedSize),
        ]
        .into_iter()
        .filter_map(|(raised, flag)| raised.then_some(flag))
        .collect()
    }

    /// The roles whose coding range the card gives: those the setup staffs, except a
    /// hands-on lead, for whom no source gives a range.
    pub fn coding_roles(&self) -> &'static [RoleKey] {
        match self.setup {
            Setup::HandsOnLead => &[],
            setup => setup.roles(),
        }
    }
}

pub fn zone(sizes: &TeamSize, team: u8) -> Zone {
    if team < sizes.hybrid_from {
        Zone::BelowSources
    } else if team < sizes.split_from {
        Zone::Hybrid
    } else if team < sizes.multi_team_from {
        Zone::Split
    } else {
        Zone::MultiTeam
    }
}

/// Each zone with its first and last size, in order; a zone the thresholds leave empty (the
/// hybrid starting at the smallest size, say) is left out.
pub fn zone_ranges(sizes: &TeamSize) -> impl Iterator<Item = (Zone, u8, u8)> {
    [
        (
            Zone::BelowSources,
            sizes.min,
            sizes.hybrid_from.saturating_sub(1),
        ),
        (
            Zone::Hybrid,
            sizes.hybrid_from,
            sizes.split_from.saturating_sub(1),
        ),
        (
            Zone::Split,
            sizes.split_from,
            sizes.multi_team_from.saturating_sub(1),
        ),
        (Zone::MultiTeam, sizes.multi_team_from, sizes.max),
    ]
    .into_iter()
    .filter(|(_, from, to)| from <= to)
}

pub fn is_borderline(sizes: &TeamSize, team: u8) -> bool {
    let near = |boundary: u8| {
        let from = boundary.saturating_sub(sizes.borderline_within);
        let to = boundary.saturating_add(sizes.borderline_within);
        (from..to).contains(&team)
    };
    near(sizes.split_from) || near(sizes.multi_team_from)
}

pub fn recommend(sizes: &TeamSize, inputs: Inputs) -> Recommendation {
    let team = inputs.team.clamp(sizes.min, sizes.max);
    let zone = zone(sizes, team);
    let borderline = is_borderline(sizes, team);
    let has_experience_or_is_new = inputs.new_team || inputs.lead_has_done_both;
    let just_past_split = team < sizes.split_from.saturating_add(sizes.borderline_within);
    // The opinion piece splits from nine yet has a startup of ten led by one person.
    let startup_tension = sizes
        .startup_size
        .is_some_and(|startup| (sizes.split_from..=startup).contains(&team));
    let stretch =
        (just_past_split && has_experience_or_is_new) || (startup_tension && inputs.new_team);
    let mut reasons = Vec::new();

    let setup = match zone {
        Zone::BelowSources => {
            reasons.push(Reason::TooSmall);
            Setup::HandsOnLead
        }
        Zone::Hybrid => {
            reasons.push(Reason::HybridRange);
            Setup::Hybrid
        }
        Zone::Split if stretch => {
            reasons.push(Reason::StretchedHybrid);
            Setup::Hybrid
        }
        Zone::Split => {
            reasons.push(Reason::SplitRange);
            // The pair is argued for established teams; a new one gets the split on size alone.
            if !inputs.new_team {
                reasons.push(Reason::EstablishedTeam);
            }
            Setup::Split
        }
        Zone::MultiTeam => {
            reasons.extend([Reason::MultiTeam, Reason::LargeTeam, Reason::SplitRange]);
            Setup::MultiTeam
        }
    };

    if setup == Setup::Hybrid {
        if inputs.new_team {
            reasons.push(Reason::NascentTeam);
        }
        reasons.push(if inputs.lead_has_done_both {
            Reason::BothJobs
        } else {
            Reason::FirstTimeHybrid
        });
        reasons.push(Reason::TemporaryCompromise);
        reasons.push(Reason::TimeSplit);
    }

    let stretched = setup == Setup::Hybrid && zone == Zone::Split;
    let mut warnings = vec![Warning::NeverBreak(0), Warning::NeverBreak(1)];
    if setup == Setup::Hybrid && (borderline || stretched) {
        warnings.push(Warning::BurnOut);
        reasons.push(Reason::BurnOut);
    }
    let tension = startup_tension.then_some([Reason::SplitRange, Reason::StartupOfTen]);
    if let Some(answers) = tension {
        reasons.retain(|reason| !answers.contains(reason));
    }

    Recommendation {
        team,
        zone,
        setup,
        time_split: (setup == Setup::Hybrid).then_some(TimeSplit {
            technical_percent: sizes.hybrid_technical_percent,
            people_percent: sizes.hybrid_people_percent,
        }),
        size_is_sourced: matches!(zone, Zone::Hybrid | Zone::Split),
        borderline,
        stretched,
        tension,
        warnings,
        reasons,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::content::{declared, Fits, CONTENT};
    use crate::core::state::State;
    use proptest::prelude::*;

    fn sizes() -> TeamSize {
        CONTENT.team_size
    }

    fn inputs(team: u8, new_team: bool, lead_has_done_both: bool) -> Inputs {
        Inputs {
            team,
            new_team,
            lead_has_done_both,
        }
    }

    fn plain(team: u8) -> Recommendation {
        recommend(&sizes(), inputs(team, false, false))
    }

    const MODIFIERS: [(bool, bool); 4] =
        [(false, false), (true, false), (false, true), (true, true)];

    #[test]
    fn the_shipped_thresholds_are_the_articles_numbers() {
        let sizes = sizes();
        assert_eq!((sizes.hybrid_from, sizes.split_from), (3, 9));
        assert_eq!(
            sizes.multi_team_from, 19,
            "past about twice the split point"
        );
        assert_eq!((sizes.min, sizes.max), (1, 50));
    }

    #[test]
    fn one_or_two_engineers_get_a_hands_on_lead_and_no_leadership_split() {
        for team in [1, 2] {
            for (new_team, both) in MODIFIERS {
                let rec = recommend(&sizes(), inputs(team, new_team, both));
                assert_eq!(rec.setup, Setup::HandsOnLead, "team {team}");
                assert_eq!(rec.time_split, None);
                assert!(rec.coding_roles().is_empty(), "no source sizes its coding");
                assert_eq!(rec.reasons, [Reason::TooSmall]);
            }
        }
        assert_eq!(plain(3).setup, Setup::Hybrid);
        assert!(plain(3).time_split.is_some());
    }

    #[test]
    fn a_new_team_is_never_told_established_teams_do_better() {
        for team in 9..=50 {
            let new = recommend(&sizes(), inputs(team, true, false));
            assert!(
                !new.reasons.contains(&Reason::EstablishedTeam),
                "team {team}"
            );
        }
        assert!(plain(12).reasons.contains(&Reason::EstablishedTeam));
        assert_eq!(
            recommend(&sizes(), inputs(12, true, false)).setup,
            Setup::Split
        );
    }

    #[test]
    fn two_to_three_leaves_the_unsourced_sizes() {
        assert_eq!(plain(2).zone, Zone::BelowSources);
        assert!(!plain(2).size_is_sourced);
        assert!(plain(2).reasons.contains(&Reason::TooSmall));
        assert_eq!(plain(3).zone, Zone::Hybrid);
        assert!(plain(3).size_is_sourced);
        assert!(!plain(3).reasons.contains(&Reason::TooSmall));
    }

    #[test]
    fn zone_ranges_cover_every_size_once_in_order() {
        let ranges: Vec<_> = zone_ranges(&sizes()).collect();
        assert_eq!(
            ranges,
            [
                (Zone::BelowSources, 1, 2),
                (Zone::Hybrid, 3, 8),
                (Zone::Split, 9, 18),
                (Zone::MultiTeam, 19, 50)
            ]
        );
        let from_one = TeamSize {
            hybrid_from: 1,
            ..sizes()
        };
        assert_eq!(zone_ranges(&from_one).next(), Some((Zone::Hybrid, 1, 8)));
    }

    #[test]
    fn eight_is_hybrid_and_nine_is_split() {
        assert_eq!(plain(8).setup, Setup::Hybrid);
        assert_eq!(plain(9).setup, Setup::Split);
        assert!(plain(8).borderline && plain(9).borderline);
        assert!(!plain(7).borderline && !plain(10).borderline);
    }

    #[test]
    fn five_and_twelve_are_the_slider_demo() {
        assert_eq!(plain(5).setup, Setup::Hybrid);
        assert_eq!(plain(12).setup, Setup::Split);
    }

    #[test]
    fn eighteen_is_split_and_nineteen_is_several_teams() {
        assert_eq!(plain(18).setup, Setup::Split);
        assert_eq!(plain(19).setup, Setup::MultiTeam);
        assert!(plain(19).reasons.contains(&Reason::LargeTeam));
        assert!(!plain(19).size_is_sourced);
        assert!(plain(18).borderline && plain(19).borderline);
    }

    #[test]
    fn a_new_team_or_a_seasoned_lead_keeps_the_hybrid_just_past_the_split_point() {
        for (new_team, both) in MODIFIERS {
            let at_split = recommend(&sizes(), inputs(9, new_team, both));
            let expected = if new_team || both {
                Setup::Hybrid
            } else {
                Setup::Split
            };
            assert_eq!(at_split.setup, expected, "new={new_team} both={both}");
            assert_eq!(at_split.stretched, expected == Setup::Hybrid);
            if expected == Setup::Hybrid {
                assert!(at_split.reasons.contains(&Reason::StretchedHybrid));
                assert!(at_split.warnings.contains(&Warning::BurnOut));
            }
            assert_eq!(
                recommend(&sizes(), inputs(11, new_team, both)).setup,
                Setup::Split
            );
        }
    }

    #[test]
    fn the_startup_of_ten_keeps_a_new_team_of_ten_on_a_hybrid_for_a_while() {
        assert_eq!(sizes().startup_size, Some(10));
        let new_ten = recommend(&sizes(), inputs(10, true, false));
        assert_eq!(new_ten.setup, Setup::Hybrid);
        assert!(new_ten.stretched);
        assert!(new_ten.reasons.contains(&Reason::StretchedHybrid));
        assert!(new_ten.reasons.contains(&Reason::NascentTeam));
        assert!(new_ten.reasons.contains(&Reason::TemporaryCompromise));
        assert!(new_ten.warnings.contains(&Warning::BurnOut));
        assert!(new_ten.time_split.is_some());
        // The startup is about a new team: experience alone keeps the hybrid only at nine.
        assert_eq!(
            recommend(&sizes(), inputs(10, false, true)).setup,
            Setup::Split
        );
        assert_eq!(plain(10).setup, Setup::Split);
        assert_eq!(
            recommend(&sizes(), inputs(11, true, true)).setup,
            Setup::Split
        );
    }

    #[test]
    fn nine_and_ten_show_both_of_the_opinion_pieces_answers_and_only_there() {
        for team in 1..=50 {
            for (new_team, both) in MODIFIERS {
                let rec = recommend(&sizes(), inputs(team, new_team, both));
                let expected = (9..=10)
                    .contains(&team)
                    .then_some([Reason::SplitRange, Reason::StartupOfTen]);
                assert_eq!(rec.tension, expected, "team {team}");
                if let Some(answers) = rec.tension {
                    for answer in answers {
                        assert!(!rec.reasons.contains(&answer), "{answer:?} said twice");
                        assert_eq!(
                            CONTENT.reason(answer).cited.sources,
                            CONTENT.reason(Reason::SplitRange).cited.sources,
                            "one source, two answers"
                        );
                    }
                }
            }
        }
        assert!(plain(11).reasons.contains(&Reason::SplitRange));
    }

    #[test]
    fn modifiers_add_their_own_reasons_to_a_hybrid() {
        let new_team = recommend(&sizes(), inputs(5, true, false));
        assert!(new_team.reasons.contains(&Reason::NascentTeam));
        assert!(new_team.reasons.contains(&Reason::FirstTimeHybrid));
        let seasoned = recommend(&sizes(), inputs(5, false, true));
        assert!(seasoned.reasons.contains(&Reason::BothJobs));
        assert!(!seasoned.reasons.contains(&Reason::FirstTimeHybrid));
    }

    #[test]
    fn hybrid_gets_the_written_sixty_forty_split() {
        let hybrid = plain(5);
        assert_eq!(
            hybrid.time_split,
            Some(TimeSplit {
                technical_percent: 60,
                people_percent: 40
            })
        );
        assert!(hybrid.reasons.contains(&Reason::TimeSplit));
        assert_eq!(plain(12).time_split, None);
    }

    #[test]
    fn burn_out_is_flagged_only_for_a_hybrid_near_the_split_point() {
        assert!(plain(8).warnings.contains(&Warning::BurnOut));
        assert!(!plain(5).warnings.contains(&Warning::BurnOut));
        assert!(!plain(9).warnings.contains(&Warning::BurnOut));
    }

    #[test]
    fn every_size_and_modifier_gets_a_complete_answer() {
        for team in 1..=50 {
            for (new_team, both) in MODIFIERS {
                let rec = recommend(&sizes(), inputs(team, new_team, both));
                assert_eq!(rec.team, team);
                assert!(!rec.reasons.is_empty());
                assert!(rec.warnings.contains(&Warning::NeverBreak(0)));
                assert!(rec.warnings.contains(&Warning::NeverBreak(1)));
                assert_eq!(rec.time_split.is_some(), rec.setup == Setup::Hybrid);
                for reason in &rec.reasons {
                    let cited = &CONTENT.reason(*reason).cited;
                    assert!(!cited.sources.is_empty(), "{reason:?} names no source");
                    if matches!(reason, Reason::TooSmall | Reason::LargeTeam) {
                        assert!(cited.reasoning.is_some(), "{reason:?} is our own reading");
                    }
                }
                let unsourced_said = rec.reasons.contains(&Reason::TooSmall)
                    || rec.reasons.contains(&Reason::LargeTeam);
                assert_eq!(unsourced_said, !rec.size_is_sourced, "team {team}");
                let mut unique = rec.reasons.clone();
                unique.sort();
                unique.dedup();
                assert_eq!(
                    unique.len(),
                    rec.reasons.len(),
                    "team {team}: repeated reason"
                );
            }
        }
    }

    /// Every state the team-size part can be in: each size, both modifiers, and the sources'
    /// thresholds or any an author can set in the address (`hybrid_from`, `split_at`), the
    /// ones `State::team_sizes` refuses among them.
    fn every_state() -> impl Iterator<Item = State> {
        let hybrid_from = std::iter::once(None).chain((1..=6).map(Some));
        let thresholds = hybrid_from.flat_map(|hybrid_from| {
            std::iter::once(None)
                .chain((2..=25).map(Some))
                .map(move |split_at| (hybrid_from, split_at))
        });
        thresholds.flat_map(|(author_hybrid_from, author_split_at)| {
            (1..=50).flat_map(move |team| {
                MODIFIERS.into_iter().map(move |(new_team, both)| State {
                    team,
                    new_team,
                    lead_has_done_both: both,
                    author_hybrid_from,
                    author_split_at,
                    ..State::default()
                })
            })
        })
    }

    /// Every text the card shows for `rec`, by the name its declaration has in the content
    /// file, with that declaration.
    fn shown(rec: &Recommendation, state: &State, moved: bool) -> Vec<(String, &'static Fits)> {
        let card = |key: String| {
            let (_, fits) = declared::CARD
                .iter()
                .find(|(declared, _)| *declared == key)
                .unwrap_or_else(|| panic!("card.{key} declares nothing"));
            (format!("card.{key}"), fits)
        };
        let mut shown = vec![card(format!("setup-{}", rec.setup.key()))];
        if rec.time_split.is_some() {
            shown.push(card("time-split".into()));
        }
        shown.extend(rec.flags().into_iter().map(|flag| card(flag.key().into())));
        if moved {
            shown.push(card("author-thresholds".into()));
        }
        if state.new_team {
            shown.push(card("new-team".into()));
        }
        if state.lead_has_done_both {
            shown.push(card("lead-has-done-both".into()));
        }
        shown.extend(
            rec.coding_roles()
                .iter()
                .map(|role| card(format!("coding-{}", role.slug()))),
        );
        let reasons = rec.reasons.iter().chain(rec.tension.iter().flatten());
        shown.extend(reasons.map(|reason| {
            (
                format!("reasons.{}", reason.key()),
                &declared::REASONS[*reason as usize],
            )
        }));
        shown.extend(rec.warnings.iter().filter_map(|warning| match warning {
            Warning::NeverBreak(index) => {
                Some((format!("rules[{index}]"), &declared::RULES[*index]))
            }
            Warning::BurnOut => None,
        }));
        shown
    }

    /// The fields of `fits` that the state breaks, by name; none when the text fits.
    fn misfits(fits: &Fits, rec: &Recommendation, state: &State, moved: bool) -> Vec<String> {
        let mut broken = Vec::new();
        if !fits.zones.contains(&rec.zone.key()) {
            broken.push(format!("zones {:?}", fits.zones));
        }
        if !fits.setups.contains(&rec.setup.key()) {
            broken.push(format!("setups {:?}", fits.setups));
        }
        if !(fits.sizes.0..=fits.sizes.1).contains(&rec.team) {
            broken.push(format!("sizes {:?}", fits.sizes));
        }
        for (field, declared, actual) in [
            ("new", fits.new, state.new_team),
            ("both", fits.both, state.lead_has_done_both),
            ("moved", fits.moved, moved),
        ] {
            if declared.is_some_and(|declared| declared != actual) {
                broken.push(format!("{field} = {}", !actual));
            }
        }
        broken
    }

    #[test]
    fn every_text_shown_in_every_state_fits_its_declaration_and_the_card_agrees() {
        let mut broken: std::collections::BTreeMap<String, (usize, String)> = Default::default();
        let mut states = 0;
        for state in every_state() {
            states += 1;
            let sizes = state.team_sizes();
            let moved = sizes != CONTENT.team_size;
            let rec = state.recommendation();
            let describe = || {
                format!(
                    "e.g. {} engineers, new {}, both {}, thresholds {}–{}–{}{} ({} shown as {:?})",
                    rec.team,
                    state.new_team,
                    state.lead_has_done_both,
                    sizes.hybrid_from,
                    sizes.split_from,
                    sizes.multi_team_from,
                    if moved { " (moved)" } else { "" },
                    rec.zone.key(),
                    rec.setup.key(),
                )
            };
            let mut problems = Vec::new();
            for (name, fits) in shown(&rec, &state, moved) {
                for field in misfits(fits, &rec, &state, moved) {
                    problems.push(format!("{name} is shown, yet it declares {field}"));
                }
            }
            if rec.time_split.is_some() != rec.reasons.contains(&Reason::TimeSplit) {
                problems.push("the time split and its reason disagree".to_owned());
            }
            for problem in problems {
                let entry = broken.entry(problem).or_insert_with(|| (0, describe()));
                entry.0 += 1;
            }
        }
        assert!(states > 30_000, "walked only {states} states");
        let report: Vec<String> = broken
            .iter()
            .map(|(problem, (count, example))| format!("{problem}: {count} states, {example}"))
            .collect();
        assert!(
            report.is_empty(),
            "texts shown where they do not fit, of {states} states:\n{}",
            report.join("\n")
        );
    }

    #[test]
    fn the_rules_name_real_content() {
        assert_eq!(CONTENT.rules.len(), 2);
    }

    fn any_sizes() -> impl Strategy<Value = TeamSize> {
        (
            1u8..5,
            1u8..10,
            1u8..10,
            1u8..20,
            0u8..4,
            proptest::option::of(0u8..20),
        )
            .prop_map(
                |(min, hybrid_gap, split_gap, multi_gap, within, startup_gap)| {
                    let hybrid_from = min + hybrid_gap;
                    let split_from = hybrid_from + split_gap;
                    let multi_team_from = split_from + multi_gap;
                    let startup_size = startup_gap.map(|gap| split_from + gap % multi_gap);
                    TeamSize {
                        min,
                        max: multi_team_from + 10,
                        default: min,
                        hybrid_from,
                        split_from,
                        multi_team_from,
                        borderline_within: within,
                        hybrid_technical_percent: 60,
                        hybrid_people_percent: 40,
                        startup_size,
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn any_team_is_clamped_into_range(team in any::<u8>(), new_team: bool, both: bool) {
            let rec = recommend(&sizes(), inputs(team, new_team, both));
            prop_assert!((sizes().min..=sizes().max).contains(&rec.team));
        }

        #[test]
        fn a_bigger_team_never_gets_a_smaller_setup(
            sizes in any_sizes(), a in 0u8..60, b in 0u8..60, new_team: bool, both: bool
        ) {
            let (small, large) = (a.min(b), a.max(b));
            let small_rec = recommend(&sizes, inputs(small, new_team, both));
            let large_rec = recommend(&sizes, inputs(large, new_team, both));
            prop_assert!(small_rec.zone <= large_rec.zone);
            prop_assert!(small_rec.setup <= large_rec.setup);
        }

        #[test]
        fn modifiers_change_the_setup_only_just_past_the_split_point(
            sizes in any_sizes(), team in 0u8..60, new_team: bool, both: bool
        ) {
            let plain = recommend(&sizes, inputs(team, false, false));
            let modified = recommend(&sizes, inputs(team, new_team, both));
            if plain.setup != modified.setup {
                let borderline = team < sizes.split_from + sizes.borderline_within;
                let startup = new_team && sizes.startup_size.is_some_and(|size| team <= size);
                prop_assert!(borderline || startup);
                prop_assert_eq!(plain.zone, Zone::Split);
                prop_assert_eq!(modified.setup, Setup::Hybrid);
                prop_assert!(modified.stretched);
            }
        }

        #[test]
        fn the_hybrid_zone_is_always_hybrid(sizes in any_sizes(), offset in 0u8..20) {
            let team = sizes.hybrid_from + offset % (sizes.split_from - sizes.hybrid_from);
            prop_assert_eq!(recommend(&sizes, inputs(team, false, false)).setup, Setup::Hybrid);
        }
    }
}
