//! "Check your team": a leader's answers about their own team (its size, who leads it, how
//! much each lead codes, who does each duty today) and the findings the articles' rules make
//! of them. `fragment` writes the answers into the address's fragment and reads them back;
//! `findings` judges them.
//!
//! A duty the reader has not answered keeps the articles' answer for their set-up (`expected`),
//! so a team that follows the articles needs no answer per duty at all.

pub mod findings;
pub mod fragment;
pub mod words;

use super::content::{Level, RoleKey, RowId, CONTENT, MAX_RESPONSIBILITIES};

/// Who leads the team today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lead {
    /// One person as both TL and EM.
    One,
    /// A TL and an EM.
    Two,
    /// An EM and no TL.
    EmOnly,
    /// A TL and no EM.
    TlOnly,
    Nobody,
}

impl Lead {
    pub const ALL: [Lead; 5] = [
        Lead::One,
        Lead::Two,
        Lead::EmOnly,
        Lead::TlOnly,
        Lead::Nobody,
    ];

    /// As the fragment writes it.
    pub fn key(self) -> &'static str {
        match self {
            Lead::One => "one",
            Lead::Two => "two",
            Lead::EmOnly => "em",
            Lead::TlOnly => "tl",
            Lead::Nobody => "none",
        }
    }

    pub fn has_tl(self) -> bool {
        matches!(self, Lead::Two | Lead::TlOnly)
    }

    pub fn has_em(self) -> bool {
        matches!(self, Lead::Two | Lead::EmOnly)
    }

    /// Someone holds the TL's part: a TL, or the one lead.
    pub fn leads_technically(self) -> bool {
        self.has_tl() || self == Lead::One
    }

    /// Someone holds the EM's part: an EM, or the one lead.
    pub fn manages(self) -> bool {
        self.has_em() || self == Lead::One
    }

    /// Who may be named as doing a duty under this lead. With one lead, `Both` stands for the
    /// one person (the fragment also takes `tl` and `em` for them).
    pub fn holders(self) -> &'static [Holder] {
        use Holder::*;
        match self {
            Lead::One => &[Both, Other, Nobody],
            Lead::Two => &[Tl, Em, Both, Other, Nobody],
            Lead::EmOnly => &[Em, Other, Nobody],
            Lead::TlOnly => &[Tl, Other, Nobody],
            Lead::Nobody => &[Other, Nobody],
        }
    }

    /// `holder` as this lead reads it, or `None` where it names someone the team lacks.
    pub fn read(self, holder: Holder) -> Option<Holder> {
        let holder = match (self, holder) {
            (Lead::One, Holder::Tl | Holder::Em) => Holder::Both,
            (_, holder) => holder,
        };
        self.holders().contains(&holder).then_some(holder)
    }
}

/// Who does a duty today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Holder {
    Tl,
    Em,
    /// The TL and the EM both; with one lead, that person.
    Both,
    /// Someone else: a PM, a senior engineer, the team.
    Other,
    Nobody,
}

impl Holder {
    pub const ALL: [Holder; 5] = [
        Holder::Tl,
        Holder::Em,
        Holder::Both,
        Holder::Other,
        Holder::Nobody,
    ];

    /// As the fragment writes it.
    pub fn key(self) -> &'static str {
        match self {
            Holder::Tl => "tl",
            Holder::Em => "em",
            Holder::Both => "both",
            Holder::Other => "other",
            Holder::Nobody => "none",
        }
    }

    /// The holder `key` names, as the fragment and the duties' menus write it.
    pub fn from_key(key: &str) -> Option<Holder> {
        Holder::ALL.into_iter().find(|holder| holder.key() == key)
    }

    /// Whether the team's TL (or its one lead) does the duty.
    pub fn includes_tl(self) -> bool {
        matches!(self, Holder::Tl | Holder::Both)
    }

    /// Whether the team's EM (or its one lead) does the duty.
    pub fn includes_em(self) -> bool {
        matches!(self, Holder::Em | Holder::Both)
    }
}

/// Whether the EM (or the one lead) has written production code in the last six months.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum EmCode {
    #[default]
    Recent,
    Stale,
}

/// Whose answers about the duties: the person who filled the check in first, or a second
/// person answering the same link as themselves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Person {
    #[default]
    First,
    Second,
}

impl Person {
    /// Where this person's answer sits in a duty's byte.
    fn shift(self) -> u8 {
        match self {
            Person::First => 0,
            Person::Second => 4,
        }
    }

    pub fn other(self) -> Person {
        match self {
            Person::First => Person::Second,
            Person::Second => Person::First,
        }
    }
}

/// Both people's answers, a byte a duty: the first person's in the low four bits, the
/// second's in the high four; 0 keeps the articles' answer, else 1 + the index in
/// `Holder::ALL`. Packed, the state stays small enough to copy on every change.
type Duties = [u8; MAX_RESPONSIBILITIES];

/// Everything the reader said about their team.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct TeamAnswers {
    pub size: u8,
    pub lead: Lead,
    pub new_team: bool,
    /// The TL's (or the one lead's) share of the week in code, in percent; `None` keeps the
    /// middle of their range.
    pub tl_coding: Option<u8>,
    /// The EM's share of the week in code.
    pub em_coding: Option<u8>,
    pub em_code: EmCode,
    /// Whether a second person answers the duties too.
    pub second: bool,
    /// Whose answers the reader is giving now.
    pub answering: Person,
    /// The duties list shows only those answered differently from the articles.
    pub only_changed: bool,
    duties: Duties,
}

impl Default for TeamAnswers {
    fn default() -> Self {
        TeamAnswers {
            size: CONTENT.team_size.default,
            lead: Lead::Two,
            new_team: false,
            tl_coding: None,
            em_coding: None,
            em_code: EmCode::Recent,
            second: false,
            answering: Person::First,
            only_changed: false,
            duties: [0; MAX_RESPONSIBILITIES],
        }
    }
}

/// A change to the answers: what the check's controls and its findings' moves dispatch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Change {
    Size(u8),
    Lead(Lead),
    NewTeam(bool),
    TlCoding(u8),
    EmCoding(u8),
    EmCode(EmCode),
    /// The answering person says who does a duty.
    Duty(RowId, Holder),
    /// Both people settle on who does a duty.
    Settle(RowId, Holder),
    /// A second person answers (or stops answering) as themselves.
    Second(bool),
    Answering(Person),
    /// Every duty back to the articles' answer, for the answering person.
    ResetDuties,
    OnlyChanged(bool),
}

/// The most a share of the week can be.
pub const FULL_WEEK: u8 = 100;

impl TeamAnswers {
    pub fn apply(mut self, change: Change) -> TeamAnswers {
        let sizes = CONTENT.team_size;
        match change {
            Change::Size(size) => self.size = size.clamp(sizes.min, sizes.max),
            Change::Lead(lead) if lead != self.lead => {
                self.lead = lead;
                // Who "the TL" or "the lead" was no longer holds: only "someone else" and
                // "nobody" keep their meaning.
                for person in [Person::First, Person::Second] {
                    for row in CONTENT.row_ids() {
                        let kept = self
                            .answer(person, row)
                            .filter(|answer| matches!(answer, Holder::Other | Holder::Nobody));
                        self.put(person, row, None);
                        if let Some(holder) = kept {
                            self.set_duty(person, row, holder);
                        }
                    }
                }
            }
            Change::Lead(_) => {}
            Change::NewTeam(new_team) => self.new_team = new_team,
            Change::TlCoding(percent) => self.tl_coding = Some(percent.min(FULL_WEEK)),
            Change::EmCoding(percent) => self.em_coding = Some(percent.min(FULL_WEEK)),
            Change::EmCode(em_code) => self.em_code = em_code,
            Change::Duty(row, holder) => self.set_duty(self.answering, row, holder),
            Change::Settle(row, holder) => {
                self.set_duty(Person::First, row, holder);
                if self.second {
                    self.set_duty(Person::Second, row, holder);
                }
            }
            Change::Second(second) => {
                self.second = second;
                if !second {
                    self.clear(Person::Second);
                    self.answering = Person::First;
                }
            }
            Change::Answering(person) => {
                self.answering = person;
                self.second |= person == Person::Second;
            }
            Change::OnlyChanged(only) => self.only_changed = only,
            Change::ResetDuties => self.clear(self.answering),
        }
        self
    }

    /// These answers with the numbers a reader types (size, coding shares) of `other`.
    pub fn with_numbers_of(self, other: &TeamAnswers) -> TeamAnswers {
        TeamAnswers {
            size: other.size,
            tl_coding: other.tl_coding,
            em_coding: other.em_coding,
            ..self
        }
    }

    /// Who does `row` today, in `person`'s answers.
    pub fn holder(&self, person: Person, row: RowId) -> Holder {
        self.answer(person, row)
            .unwrap_or_else(|| expected(self.lead, row))
    }

    /// What `person` answered for `row`, where it differs from the articles' answer.
    pub fn answer(&self, person: Person, row: RowId) -> Option<Holder> {
        let byte = self.duties.get(usize::from(row.0))?;
        let code = usize::from(byte >> person.shift() & 0xf);
        code.checked_sub(1)
            .and_then(|index| Holder::ALL.get(index).copied())
    }

    /// The duties `person` answered differently from the articles, in content order.
    pub fn changed(&self, person: Person) -> impl Iterator<Item = (RowId, Holder)> + '_ {
        CONTENT
            .row_ids()
            .filter_map(move |row| Some((row, self.answer(person, row)?)))
    }

    /// The TL's (or the one lead's) share of the week in code.
    pub fn tl_coding(&self) -> u8 {
        self.tl_coding.unwrap_or_else(|| {
            let role = if self.lead == Lead::One {
                RoleKey::TechLeadManager
            } else {
                RoleKey::TechLead
            };
            middle(role)
        })
    }

    pub fn em_coding(&self) -> u8 {
        self.em_coding
            .unwrap_or_else(|| middle(RoleKey::EngineeringManager))
    }

    fn set_duty(&mut self, person: Person, row: RowId, holder: Holder) {
        let Some(holder) = self.lead.read(holder) else {
            return;
        };
        // An answer that only repeats the articles' is not kept, so equal answers are equal
        // values.
        let answer = (holder != expected(self.lead, row)).then_some(holder);
        self.put(person, row, answer);
    }

    fn put(&mut self, person: Person, row: RowId, answer: Option<Holder>) {
        let code = answer.map_or(0, |holder| {
            1 + Holder::ALL.iter().position(|h| *h == holder).unwrap_or(0) as u8
        });
        if let Some(byte) = self.duties.get_mut(usize::from(row.0)) {
            *byte = *byte & !(0xf << person.shift()) | code << person.shift();
        }
    }

    fn clear(&mut self, person: Person) {
        for byte in &mut self.duties {
            *byte &= !(0xf << person.shift());
        }
    }
}

fn middle(role: RoleKey) -> u8 {
    let range = &role.role().coding;
    let sum = u16::from(range.min_percent) + u16::from(range.max_percent);
    u8::try_from(sum / 2).unwrap_or(FULL_WEEK)
}

/// The articles' answer to who does `row` under `lead`: the matrix's owner for that set-up.
/// With one lead, the hybrid's column; with a TL and an EM, whoever owns or shares it (both
/// where both do); where the set-up lacks the role that holds it, or nobody holds it,
/// someone else.
pub fn expected(lead: Lead, row: RowId) -> Holder {
    let Some(duty) = CONTENT.responsibilities.get(usize::from(row.0)) else {
        return Holder::Other;
    };
    let holds = |role: RoleKey| matches!(duty.level(role), Level::Owns | Level::Shares);
    let (tl, em) = (holds(RoleKey::TechLead), holds(RoleKey::EngineeringManager));
    match lead {
        Lead::One if holds(RoleKey::TechLeadManager) => Holder::Both,
        Lead::Two if tl && em => Holder::Both,
        Lead::Two | Lead::TlOnly if tl => Holder::Tl,
        Lead::Two | Lead::EmOnly if em => Holder::Em,
        _ => Holder::Other,
    }
}

/// A duty of the built-in content by its id, where the content in force has it: the rules
/// name duties, and an author's own content file may not.
pub fn duty(id: &str) -> Option<RowId> {
    CONTENT
        .row_ids()
        .find(|row| CONTENT.responsibilities[usize::from(row.0)].id == id)
}

/// Any answers a reader can reach, for the property tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod strategy {
    use super::*;
    use proptest::prelude::*;

    pub fn any_answers() -> impl Strategy<Value = TeamAnswers> {
        let rows = CONTENT.responsibilities.len() as u8;
        let change = prop_oneof![
            (1u8..=50).prop_map(Change::Size),
            prop::sample::select(Lead::ALL.to_vec()).prop_map(Change::Lead),
            any::<bool>().prop_map(Change::NewTeam),
            (0u8..=100).prop_map(Change::TlCoding),
            (0u8..=100).prop_map(Change::EmCoding),
            prop::sample::select(vec![EmCode::Recent, EmCode::Stale]).prop_map(Change::EmCode),
            (0..rows, prop::sample::select(Holder::ALL.to_vec()))
                .prop_map(|(row, holder)| Change::Duty(RowId(row), holder)),
            (0..rows, prop::sample::select(Holder::ALL.to_vec()))
                .prop_map(|(row, holder)| Change::Settle(RowId(row), holder)),
            any::<bool>().prop_map(Change::Second),
            any::<bool>().prop_map(Change::OnlyChanged),
            prop::sample::select(vec![Person::First, Person::Second]).prop_map(Change::Answering),
        ];
        prop::collection::vec(change, 0..40).prop_map(|changes| {
            changes
                .into_iter()
                .fold(TeamAnswers::default(), TeamAnswers::apply)
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn row(id: &str) -> RowId {
        duty(id).unwrap()
    }

    #[test]
    fn the_articles_answer_follows_the_matrix_for_each_set_up() {
        assert_eq!(expected(Lead::Two, row("architecture")), Holder::Tl);
        assert_eq!(expected(Lead::Two, row("one-on-ones")), Holder::Em);
        assert_eq!(
            expected(Lead::Two, row("development-process")),
            Holder::Both
        );
        assert_eq!(expected(Lead::One, row("one-on-ones")), Holder::Both);
        assert_eq!(expected(Lead::One, row("multi-team-scope")), Holder::Other);
        assert_eq!(expected(Lead::EmOnly, row("architecture")), Holder::Other);
        assert_eq!(
            expected(Lead::EmOnly, row("development-process")),
            Holder::Em
        );
        assert_eq!(expected(Lead::TlOnly, row("one-on-ones")), Holder::Other);
        assert_eq!(expected(Lead::Nobody, row("architecture")), Holder::Other);
    }

    #[test]
    fn an_answer_equal_to_the_articles_is_not_kept() {
        let answers = TeamAnswers::default()
            .apply(Change::Duty(row("one-on-ones"), Holder::Tl))
            .apply(Change::Duty(row("architecture"), Holder::Tl));
        assert_eq!(
            answers.changed(Person::First).collect::<Vec<_>>(),
            [(row("one-on-ones"), Holder::Tl)]
        );
        let back = answers.apply(Change::Duty(row("one-on-ones"), Holder::Em));
        assert_eq!(back, TeamAnswers::default());
    }

    #[test]
    fn a_holder_the_set_up_lacks_is_refused_and_one_lead_reads_either_role_as_the_lead() {
        let em_only = TeamAnswers::default().apply(Change::Lead(Lead::EmOnly));
        assert_eq!(
            em_only.apply(Change::Duty(row("one-on-ones"), Holder::Tl)),
            em_only
        );
        let one = TeamAnswers::default().apply(Change::Lead(Lead::One));
        let moved = one
            .apply(Change::Duty(row("multi-team-scope"), Holder::Em))
            .holder(Person::First, row("multi-team-scope"));
        assert_eq!(moved, Holder::Both);
    }

    #[test]
    fn changing_the_lead_keeps_only_someone_else_and_nobody() {
        let answers = TeamAnswers::default()
            .apply(Change::Duty(row("one-on-ones"), Holder::Tl))
            .apply(Change::Duty(row("hiring"), Holder::Nobody))
            .apply(Change::Lead(Lead::One));
        assert_eq!(
            answers.changed(Person::First).collect::<Vec<_>>(),
            [(row("hiring"), Holder::Nobody)]
        );
    }

    #[test]
    fn each_person_answers_on_their_own_and_settling_sets_both() {
        let answers = TeamAnswers::default()
            .apply(Change::Answering(Person::Second))
            .apply(Change::Duty(row("one-on-ones"), Holder::Tl));
        assert!(answers.second);
        assert_eq!(
            answers.holder(Person::First, row("one-on-ones")),
            Holder::Em
        );
        assert_eq!(
            answers.holder(Person::Second, row("one-on-ones")),
            Holder::Tl
        );
        let settled = answers.apply(Change::Settle(row("one-on-ones"), Holder::Em));
        assert_eq!(
            settled.holder(Person::Second, row("one-on-ones")),
            Holder::Em
        );
        let alone = answers.apply(Change::Second(false));
        assert_eq!(alone.answering, Person::First);
        assert_eq!(alone.changed(Person::Second).count(), 0);
    }

    #[test]
    fn coding_defaults_to_the_middle_of_each_range() {
        let two = TeamAnswers::default();
        assert_eq!((two.tl_coding(), two.em_coding()), (50, 15));
        assert_eq!(two.apply(Change::Lead(Lead::One)).tl_coding(), 25);
        assert_eq!(two.apply(Change::TlCoding(250)).tl_coding(), 100);
    }
}
