//! What the articles' rules make of a team's answers: each finding, how serious it is, and the
//! move that settles it. The words and the sources of each finding are in the content file
//! (`[findings.ID]`); the rules are here.

use super::{duty, expected, Change, EmCode, Holder, Lead, Person, TeamAnswers};
use crate::core::content::{check_words, Cited, RoleKey, RowId, TeamSize, CONTENT};
use crate::core::recommend::{recommend, zone, Inputs, Setup, Zone};

/// Every finding the check can make, in the order the page lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FindingId {
    SplitNow,
    NoLead,
    TlCodingNotHalved,
    EmArchitectureStale,
    TlAuthority,
    TlTrap,
    EmTrap,
    Unowned,
    DoubleOwned,
    TlCodingRange,
    EmCodingRange,
    PerspectivesDiffer,
}

impl FindingId {
    pub const ALL: [FindingId; 12] = [
        FindingId::SplitNow,
        FindingId::NoLead,
        FindingId::TlCodingNotHalved,
        FindingId::EmArchitectureStale,
        FindingId::TlAuthority,
        FindingId::TlTrap,
        FindingId::EmTrap,
        FindingId::Unowned,
        FindingId::DoubleOwned,
        FindingId::TlCodingRange,
        FindingId::EmCodingRange,
        FindingId::PerspectivesDiffer,
    ];

    /// As the content file and the page's `data-finding` name it.
    pub fn key(self) -> &'static str {
        match self {
            FindingId::SplitNow => "split-now",
            FindingId::NoLead => "no-lead",
            FindingId::TlCodingNotHalved => "tl-coding-not-halved",
            FindingId::EmArchitectureStale => "em-architecture-stale",
            FindingId::TlAuthority => "tl-authority",
            FindingId::TlTrap => "tl-trap",
            FindingId::EmTrap => "em-trap",
            FindingId::Unowned => "unowned",
            FindingId::DoubleOwned => "double-owned",
            FindingId::TlCodingRange => "tl-coding-range",
            FindingId::EmCodingRange => "em-coding-range",
            FindingId::PerspectivesDiffer => "perspectives-differ",
        }
    }
}

impl FindingId {
    /// Its words and what they rest on, in the language in force.
    pub fn words(self) -> &'static Cited {
        &check_words().findings[self as usize]
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// It breaks one of the articles' rules.
    BreaksRule,
    /// The articles warn of it.
    Risk,
    /// The articles disagree about it: one rule says one thing, another the other.
    Disagreement,
}

impl Severity {
    pub fn key(self) -> &'static str {
        match self {
            Severity::BreaksRule => "breaks-rule",
            Severity::Risk => "risk",
            Severity::Disagreement => "disagreement",
        }
    }
}

/// One finding about the team: which, about which duty if about one, how serious, and the
/// move that settles it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    pub id: FindingId,
    pub duty: Option<RowId>,
    pub severity: Severity,
    /// Every finding has one; the property test below holds it to that.
    pub fix: Option<Move>,
}

/// What a finding's button does to the answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Move {
    /// The answering person gives a duty to someone.
    Duty(RowId, Holder),
    /// Both people settle on who does a duty.
    Settle(RowId, Holder),
    TlCoding(u8),
    EmCoding(u8),
    Lead(Lead),
}

impl Move {
    pub fn change(self) -> Change {
        match self {
            Move::Duty(row, holder) => Change::Duty(row, holder),
            Move::Settle(row, holder) => Change::Settle(row, holder),
            Move::TlCoding(percent) => Change::TlCoding(percent),
            Move::EmCoding(percent) => Change::EmCoding(percent),
            Move::Lead(lead) => Change::Lead(lead),
        }
    }
}

/// A finding before its move is chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Problem {
    id: FindingId,
    duty: Option<RowId>,
    severity: Severity,
}

impl Problem {
    fn is(&self, other: &Problem) -> bool {
        (self.id, self.duty) == (other.id, other.duty)
    }
}

/// The duties the rules speak of, by the built-in content's ids.
const PROCESS: [&str; 2] = ["development-process", "team-planning"];
const CAREERS: [&str; 2] = ["career-planning", "performance-reviews"];
const ARCHITECTURE: [&str; 2] = ["architecture", "technical-decisions"];
const AUTHORITY: [&str; 2] = ["salaries-ratings", "performance-reviews"];
const ONE_ON_ONES: &str = "one-on-ones";

/// The TL's coding time, halved as the opinion piece's first rule asks: half the top of the
/// ladder's range.
pub fn halved_tl_coding() -> u8 {
    RoleKey::TechLead.role().coding.max_percent / 2
}

/// The findings for the answering person's answers, most serious first, under the team
/// sizes in force (`sizes`: the sources', or an embedding author's).
pub fn findings(answers: &TeamAnswers, sizes: &TeamSize) -> Vec<Finding> {
    let problems = problems(answers, sizes);
    let mut found: Vec<Finding> = problems
        .iter()
        .map(|problem| Finding {
            id: problem.id,
            duty: problem.duty,
            severity: problem.severity,
            fix: fix(answers, sizes, problem, &problems),
        })
        .collect();
    found.sort_by_key(|finding| (finding.severity, finding.id, finding.duty));
    found
}

fn problems(answers: &TeamAnswers, sizes: &TeamSize) -> Vec<Problem> {
    let person = answers.answering;
    let holder = |row: RowId| answers.holder(person, row);
    let rows = |ids: &'static [&'static str]| ids.iter().filter_map(|id| duty(id));
    let lead = answers.lead;
    let mut found = Vec::new();
    let mut add = |id, duty, severity| found.push(Problem { id, duty, severity });

    let size_zone = zone(sizes, answers.size);
    if lead == Lead::One && matches!(size_zone, Zone::Split | Zone::MultiTeam) {
        let advice = recommend(
            sizes,
            Inputs {
                team: answers.size,
                new_team: answers.new_team,
                lead_has_done_both: false,
            },
        );
        // The same article that splits from nine keeps a startup of ten under one person, and
        // a new team may keep its hybrid for a while past the split point.
        let disputed = advice.setup == Setup::Hybrid || advice.tension.is_some();
        let severity = if disputed {
            Severity::Disagreement
        } else {
            Severity::BreaksRule
        };
        add(FindingId::SplitNow, None, severity);
    }
    if lead == Lead::Nobody {
        add(FindingId::NoLead, None, Severity::Risk);
    }

    let tl_holds_any = |ids| rows(ids).any(|row| holder(row).includes_tl());
    if lead.leads_technically()
        && tl_holds_any(&PROCESS)
        && tl_holds_any(&CAREERS)
        && answers.tl_coding() > halved_tl_coding()
    {
        add(FindingId::TlCodingNotHalved, None, Severity::BreaksRule);
    }
    if lead.manages() && answers.em_code == EmCode::Stale {
        for row in rows(&ARCHITECTURE).filter(|row| holder(*row).includes_em()) {
            add(
                FindingId::EmArchitectureStale,
                Some(row),
                Severity::BreaksRule,
            );
        }
    }
    if lead == Lead::Two {
        for row in rows(&AUTHORITY).filter(|row| holder(*row).includes_tl()) {
            add(FindingId::TlAuthority, Some(row), Severity::Risk);
        }
    }
    let one_on_ones = duty(ONE_ON_ONES);
    if let Some(row) = one_on_ones {
        if lead.has_tl() && holder(row).includes_tl() {
            add(FindingId::TlTrap, Some(row), Severity::Risk);
        }
        let em_range = &RoleKey::EngineeringManager.role().coding;
        if lead.has_em() && holder(row).includes_em() && answers.em_coding() > em_range.max_percent
        {
            add(FindingId::EmTrap, Some(row), Severity::Risk);
        }
    }
    for row in CONTENT.row_ids() {
        let answer = holder(row);
        if answer == Holder::Nobody {
            add(FindingId::Unowned, Some(row), Severity::Risk);
        }
        if lead == Lead::Two
            && answer == Holder::Both
            && matches!(expected(lead, row), Holder::Tl | Holder::Em)
        {
            add(FindingId::DoubleOwned, Some(row), Severity::Risk);
        }
    }
    let outside = |role: RoleKey, percent: u8| {
        let range = &role.role().coding;
        !(range.min_percent..=range.max_percent).contains(&percent)
    };
    if lead.has_tl() && outside(RoleKey::TechLead, answers.tl_coding()) {
        add(FindingId::TlCodingRange, None, Severity::Risk);
    }
    if lead.has_em() && outside(RoleKey::EngineeringManager, answers.em_coding()) {
        add(FindingId::EmCodingRange, None, Severity::Risk);
    }
    if answers.second {
        for row in CONTENT.row_ids() {
            if answers.holder(Person::First, row) != answers.holder(Person::Second, row) {
                add(FindingId::PerspectivesDiffer, Some(row), Severity::Risk);
            }
        }
    }
    found
}

/// The move that settles `problem`: of the moves the articles suggest, in order, the first
/// that settles it and raises nothing new; else the first that settles it and breaks no new
/// rule; else the first.
fn fix(
    answers: &TeamAnswers,
    sizes: &TeamSize,
    problem: &Problem,
    before: &[Problem],
) -> Option<Move> {
    let candidates = candidates(answers, sizes, problem);
    let judged: Vec<(Move, Vec<Problem>)> = candidates
        .iter()
        .map(|candidate| {
            (
                *candidate,
                problems(&answers.apply(candidate.change()), sizes),
            )
        })
        .filter(|(_, after)| !after.iter().any(|found| found.is(problem)))
        .collect();
    let new = |after: &[Problem], serious: fn(&Problem) -> bool| {
        after
            .iter()
            .filter(|found| serious(found))
            .any(|found| !before.iter().any(|was| was.is(found)))
    };
    judged
        .iter()
        .find(|(_, after)| !new(after, |_| true))
        .or_else(|| {
            judged
                .iter()
                .find(|(_, after)| !new(after, |found| found.severity == Severity::BreaksRule))
        })
        .map(|(candidate, _)| *candidate)
        .or_else(|| candidates.first().copied())
}

fn candidates(answers: &TeamAnswers, sizes: &TeamSize, problem: &Problem) -> Vec<Move> {
    let lead = answers.lead;
    // The duty's articles' answer first, then someone else, who breaks no rule of the TL's
    // or the EM's.
    let duty_moves = |first: &[Holder]| -> Vec<Move> {
        let Some(row) = problem.duty else {
            return Vec::new();
        };
        first
            .iter()
            .chain([expected(lead, row), Holder::Other].iter())
            .filter(|holder| lead.read(**holder) == Some(**holder))
            .map(|holder| Move::Duty(row, *holder))
            .collect()
    };
    let to_em: &[Holder] = if lead.has_em() { &[Holder::Em] } else { &[] };
    match problem.id {
        FindingId::SplitNow => vec![Move::Lead(Lead::Two)],
        FindingId::NoLead => {
            let advice = recommend(
                sizes,
                Inputs {
                    team: answers.size,
                    new_team: answers.new_team,
                    lead_has_done_both: false,
                },
            );
            match advice.setup {
                Setup::HandsOnLead | Setup::Hybrid => {
                    vec![Move::Lead(Lead::One), Move::Lead(Lead::Two)]
                }
                Setup::Split | Setup::MultiTeam => {
                    vec![Move::Lead(Lead::Two), Move::Lead(Lead::One)]
                }
            }
        }
        FindingId::TlCodingNotHalved => vec![Move::TlCoding(halved_tl_coding())],
        FindingId::EmArchitectureStale => {
            let to_tl: &[Holder] = if lead.has_tl() { &[Holder::Tl] } else { &[] };
            duty_moves(to_tl)
        }
        FindingId::TlAuthority | FindingId::TlTrap => duty_moves(to_em),
        FindingId::EmTrap => {
            vec![Move::EmCoding(
                RoleKey::EngineeringManager.role().coding.max_percent,
            )]
        }
        FindingId::Unowned | FindingId::DoubleOwned => duty_moves(&[]),
        FindingId::TlCodingRange => vec![Move::TlCoding(clamped(
            RoleKey::TechLead,
            answers.tl_coding(),
        ))],
        FindingId::EmCodingRange => vec![Move::EmCoding(clamped(
            RoleKey::EngineeringManager,
            answers.em_coding(),
        ))],
        FindingId::PerspectivesDiffer => {
            let Some(row) = problem.duty else {
                return Vec::new();
            };
            let person = answers.answering;
            [
                answers.holder(person, row),
                answers.holder(person.other(), row),
                expected(lead, row),
                Holder::Other,
            ]
            .into_iter()
            .filter(|holder| *holder != Holder::Nobody)
            .map(|holder| Move::Settle(row, holder))
            .collect()
        }
    }
}

fn clamped(role: RoleKey, percent: u8) -> u8 {
    let range = &role.role().coding;
    percent.clamp(range.min_percent, range.max_percent)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::strategy::any_answers;
    use super::super::{fragment, Person};
    use super::*;
    use proptest::prelude::*;

    fn sizes() -> TeamSize {
        CONTENT.team_size
    }

    fn found(fragment_text: &str) -> Vec<(&'static str, Option<&'static str>, Severity)> {
        findings(&fragment::parse(fragment_text), &sizes())
            .into_iter()
            .map(|finding| {
                let duty = finding
                    .duty
                    .map(|row| CONTENT.responsibilities[usize::from(row.0)].id);
                (finding.id.key(), duty, finding.severity)
            })
            .collect()
    }

    fn ids(fragment_text: &str) -> Vec<&'static str> {
        found(fragment_text)
            .into_iter()
            .map(|(id, _, _)| id)
            .collect()
    }

    fn fix_of(fragment_text: &str, id: FindingId) -> Move {
        let answers = fragment::parse(fragment_text);
        findings(&answers, &sizes())
            .into_iter()
            .find(|finding| finding.id == id)
            .unwrap()
            .fix
            .unwrap()
    }

    #[test]
    fn each_finding_has_its_words_in_the_content_files_order() {
        let keys: Vec<&str> = FindingId::ALL.iter().map(|id| id.key()).collect();
        let content_keys: Vec<&str> = two_hats_content::FINDING_KEYS
            .iter()
            .map(|(key, _)| *key)
            .collect();
        assert_eq!(keys, content_keys);
        assert!(FindingId::ALL.iter().all(|id| !id.words().text.is_empty()));
    }

    #[test]
    fn a_team_that_follows_the_articles_gets_no_finding() {
        assert_eq!(
            ids("size=6&lead=two&tl-coding=50&em-coding=10&em-code=recent"),
            Vec::<&str>::new()
        );
        assert_eq!(ids("size=5&lead=one&tl-coding=30"), Vec::<&str>::new());
    }

    #[test]
    fn one_lead_past_the_split_point_must_split_except_where_the_article_disagrees() {
        assert_eq!(
            found("size=14&lead=one"),
            [("split-now", None, Severity::BreaksRule)]
        );
        // The startup of ten.
        assert_eq!(
            found("size=10&lead=one"),
            [("split-now", None, Severity::Disagreement)]
        );
        // A new team just past the split point keeps its hybrid for a while.
        assert_eq!(
            found("size=9&lead=one&new=1"),
            [("split-now", None, Severity::Disagreement)]
        );
        assert_eq!(ids("size=8&lead=one"), Vec::<&str>::new());
        // An author's own split point moves it.
        let moved = TeamSize {
            split_from: 7,
            multi_team_from: 15,
            startup_size: None,
            ..sizes()
        };
        let answers = fragment::parse("size=8&lead=one");
        assert_eq!(findings(&answers, &moved)[0].id, FindingId::SplitNow);
        assert_eq!(
            fix_of("size=14&lead=one", FindingId::SplitNow),
            Move::Lead(Lead::Two)
        );
    }

    #[test]
    fn nobody_leading_is_found_and_the_move_fits_the_size() {
        assert_eq!(ids("lead=none"), ["no-lead"]);
        assert_eq!(
            fix_of("lead=none&size=4", FindingId::NoLead),
            Move::Lead(Lead::One)
        );
        assert_eq!(
            fix_of("lead=none&size=30", FindingId::NoLead),
            Move::Lead(Lead::Two)
        );
    }

    #[test]
    fn a_tl_over_process_and_careers_must_halve_their_coding() {
        let fragment_text = "tl-coding=50&o.performance-reviews=tl";
        assert!(ids(fragment_text).contains(&"tl-coding-not-halved"));
        assert_eq!(
            fix_of(fragment_text, FindingId::TlCodingNotHalved),
            Move::TlCoding(35)
        );
        assert!(!ids("tl-coding=35&o.performance-reviews=tl").contains(&"tl-coding-not-halved"));
        // One lead holds everything: at 60% they code too much.
        assert_eq!(ids("lead=one&tl-coding=60"), ["tl-coding-not-halved"]);
    }

    #[test]
    fn an_em_without_recent_code_must_not_make_architecture_calls() {
        let fragment_text = "em-code=stale&o.architecture=em";
        assert_eq!(
            found(fragment_text),
            [(
                "em-architecture-stale",
                Some("architecture"),
                Severity::BreaksRule
            )]
        );
        let row = duty("architecture").unwrap();
        assert_eq!(
            fix_of(fragment_text, FindingId::EmArchitectureStale),
            Move::Duty(row, Holder::Tl)
        );
        // An EM with no TL hands it to someone else; one lead holds both architecture duties.
        assert_eq!(
            fix_of(
                "lead=em&em-code=stale&o.architecture=em",
                FindingId::EmArchitectureStale
            ),
            Move::Duty(row, Holder::Other)
        );
        assert_eq!(
            ids("lead=one&em-code=stale"),
            ["em-architecture-stale", "em-architecture-stale"]
        );
        assert_eq!(ids("em-code=stale"), Vec::<&str>::new());
    }

    #[test]
    fn duties_nobody_or_both_hold() {
        assert_eq!(
            found("o.hiring=none"),
            [("unowned", Some("hiring"), Severity::Risk)]
        );
        assert_eq!(
            fix_of("o.hiring=none", FindingId::Unowned),
            Move::Duty(duty("hiring").unwrap(), Holder::Em)
        );
        assert_eq!(
            found("o.hiring=both"),
            [("double-owned", Some("hiring"), Severity::Risk)]
        );
        // A duty the articles give to both is not double-owned.
        assert_eq!(ids("o.development-process=both"), Vec::<&str>::new());
    }

    #[test]
    fn the_tl_holds_no_pay_and_no_one_on_ones_beside_an_em() {
        assert_eq!(
            found("o.salaries-ratings=tl"),
            [("tl-authority", Some("salaries-ratings"), Severity::Risk)]
        );
        assert_eq!(
            found("o.one-on-ones=tl"),
            [("tl-trap", Some("one-on-ones"), Severity::Risk)]
        );
        assert_eq!(
            fix_of("o.one-on-ones=tl", FindingId::TlTrap),
            Move::Duty(duty("one-on-ones").unwrap(), Holder::Em)
        );
        // With an EM coding past their range, the one-on-ones go to someone else instead.
        assert_eq!(
            fix_of("o.one-on-ones=tl&em-coding=50", FindingId::TlTrap),
            Move::Duty(duty("one-on-ones").unwrap(), Holder::Other)
        );
    }

    #[test]
    fn coding_outside_the_ladders_ranges_and_the_ems_trap() {
        assert_eq!(ids("tl-coding=80"), ["tl-coding-range"]);
        assert_eq!(
            fix_of("tl-coding=80", FindingId::TlCodingRange),
            Move::TlCoding(70)
        );
        assert_eq!(ids("tl-coding=10"), ["tl-coding-range"]);
        assert_eq!(ids("em-coding=40"), ["em-trap", "em-coding-range"]);
        assert_eq!(
            fix_of("em-coding=40", FindingId::EmTrap),
            Move::EmCoding(30)
        );
        // Without an EM there is no EM's range to keep.
        assert_eq!(ids("lead=tl&em-coding=40"), Vec::<&str>::new());
    }

    #[test]
    fn two_people_answering_differently_is_found_duty_by_duty() {
        let fragment_text = "o.hiring=tl&second=1&as=2&o2.architecture=both";
        let differ: Vec<_> = found(fragment_text)
            .into_iter()
            .filter(|(id, _, _)| *id == "perspectives-differ")
            .map(|(_, duty, _)| duty.unwrap())
            .collect();
        assert_eq!(differ, ["architecture", "hiring"]);
        let answers = fragment::parse(fragment_text);
        assert_eq!(answers.answering, Person::Second);
        assert_eq!(ids("second=1"), Vec::<&str>::new());
    }

    proptest! {
        #[test]
        fn every_move_settles_its_finding_and_breaks_no_new_rule(answers in any_answers(), split_from in 4u8..=20) {
            let moved = TeamSize { split_from, multi_team_from: split_from * 2 + 1, ..sizes() };
            for sizes in [sizes(), moved] {
                let before = findings(&answers, &sizes);
                let breaks = |found: &[Finding]| -> Vec<(FindingId, Option<RowId>)> {
                    found.iter().filter(|f| f.severity == Severity::BreaksRule).map(|f| (f.id, f.duty)).collect()
                };
                for finding in &before {
                    let Some(fix) = finding.fix else {
                        return Err(TestCaseError::fail(format!("{finding:?} has no move")));
                    };
                    let after = findings(&answers.apply(fix.change()), &sizes);
                    prop_assert!(
                        !after.iter().any(|f| (f.id, f.duty) == (finding.id, finding.duty)),
                        "{:?} stays after its move", finding
                    );
                    let was = breaks(&before);
                    for broken in breaks(&after) {
                        prop_assert!(was.contains(&broken), "{:?}'s move breaks {:?}", finding, broken);
                    }
                }
            }
        }
    }
}
