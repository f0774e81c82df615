//! The query string is a public contract: every state a reader can set, in a link they can
//! share or an embed an author can configure. Parsing never fails: a missing, unknown or
//! out-of-range value falls back to the default or is clamped, and the first of duplicated
//! keys wins.

use std::borrow::Cow;

use super::assessment::Answers;
use super::check::fragment;
use super::content::{RoleKey, CONTENT, MAX_QUESTIONS};
use super::language::LanguageId;
use super::state::{Part, Parts, RoleSet, State, Theme};

/// Reads a query string, with or without its leading `?`.
pub fn parse(query: &str) -> State {
    let pairs: Vec<(Cow<str>, Cow<str>)> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key), decode(value))
        })
        .collect();
    let value = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_ref())
    };
    let flag = |key: &str| value(key) == Some("1");
    let sizes = &CONTENT.team_size;
    let defaults = State::default();

    State {
        team: value("team")
            .and_then(parse_team)
            .map_or(defaults.team, |team| team.clamp(sizes.min, sizes.max)),
        roles: value("roles")
            .and_then(parse_roles)
            .unwrap_or(defaults.roles),
        group: value("group").and_then(|id| CONTENT.group_ids().find(|g| g.group().id == id)),
        only_differences: flag("diff"),
        open_row: value("row").and_then(|id| CONTENT.row_ids().find(|r| r.row().id == id)),
        new_team: flag("new"),
        lead_has_done_both: flag("both"),
        theme: value("theme")
            .and_then(Theme::from_slug)
            .unwrap_or_default(),
        embed: flag("embed"),
        transparent: flag("transparent"),
        author_hybrid_from: value("hybrid_from").and_then(parse_team),
        author_split_at: value("split_at").and_then(parse_team),
        answers: value("quiz").map_or([None; MAX_QUESTIONS], parse_answers),
        language: value("lang").and_then(LanguageId::from_code),
        view: value("view").and_then(parse_view).unwrap_or(defaults.view),
        // Kept in the fragment instead (`core::check::fragment`), away from servers' logs.
        check: defaults.check,
    }
}

/// Splits the `content=` pair off a query string (with or without its `?`): the rest, which
/// is the state, and that pair as it was typed. The content file is not part of the state;
/// the address carries it along unchanged.
pub fn split_content(query: &str) -> (String, Option<&str>) {
    let pairs = query.trim_start_matches('?').split('&');
    let content = pairs.clone().find(|pair| pair.starts_with("content="));
    let rest: Vec<&str> = pairs
        .filter(|pair| !pair.is_empty() && !pair.starts_with("content="))
        .collect();
    (rest.join("&"), content)
}

/// The content file a query names, decoded; `None` when it names none or an empty one.
pub fn content_address(query: &str) -> Option<String> {
    let (_, pair) = split_content(query);
    let address = decode(pair?.trim_start_matches("content="));
    (!address.is_empty()).then(|| address.into_owned())
}

/// Writes the query string (without `?`) that `parse` reads back as the same state.
pub fn print(state: &State) -> String {
    let pairs: Vec<String> = params(state)
        .into_iter()
        .map(|(key, value)| format!("{key}={value}"))
        .collect();
    pairs.join("&")
}

/// The parameters that describe `state`, in a stable order. The team size is always given,
/// so a shared link keeps its meaning if the default changes; other values only when they
/// differ from the default. Values need no escaping: they are digits, slugs and commas.
pub fn params(state: &State) -> Vec<(&'static str, String)> {
    let defaults = State::default();
    let mut params = vec![("team", state.team.to_string())];
    if state.roles != defaults.roles {
        let slugs: Vec<&str> = state.roles.iter().map(RoleKey::slug).collect();
        params.push(("roles", slugs.join(",")));
    }
    if let Some(group) = state.group {
        params.push(("group", group.group().id.to_owned()));
    }
    let flags = [
        ("diff", state.only_differences),
        ("new", state.new_team),
        ("both", state.lead_has_done_both),
    ];
    params.extend(
        flags
            .into_iter()
            .filter(|(_, on)| *on)
            .map(|(key, _)| (key, "1".to_owned())),
    );
    if let Some(row) = state.open_row {
        params.push(("row", row.row().id.to_owned()));
    }
    if state.theme != Theme::Auto {
        params.push(("theme", state.theme.slug().to_owned()));
    }
    if let Some(language) = state.language {
        params.push(("lang", language.language().code.to_owned()));
    }
    if state.view != defaults.view {
        let slugs: Vec<&str> = state.view.iter().map(Part::slug).collect();
        params.push(("view", slugs.join(",")));
    }
    if state.answers.iter().any(Option::is_some) {
        params.push(("quiz", print_answers(&state.answers)));
    }
    if let Some(hybrid_from) = state.author_hybrid_from {
        params.push(("hybrid_from", hybrid_from.to_string()));
    }
    if let Some(split_at) = state.author_split_at {
        params.push(("split_at", split_at.to_string()));
    }
    if state.transparent {
        params.push(("transparent", "1".to_owned()));
    }
    if state.embed {
        params.push(("embed", "1".to_owned()));
    }
    params
}

/// `id.option` for each answered question, by the question's id, so a link keeps its answers
/// when questions are added or reordered: `day.2,rewrite.1`.
fn print_answers(answers: &Answers) -> String {
    let pairs: Vec<String> = CONTENT
        .questions
        .iter()
        .zip(answers)
        .filter_map(|(question, answer)| Some(format!("{}.{}", question.id, (*answer)?)))
        .collect();
    pairs.join(",")
}

fn parse_answers(text: &str) -> Answers {
    if text
        .bytes()
        .all(|byte| byte.is_ascii_digit() || byte == b'-')
    {
        return parse_positional_answers(text);
    }
    let mut answers = [None; MAX_QUESTIONS];
    for pair in text.split(',') {
        let Some((id, option)) = pair.rsplit_once('.') else {
            continue;
        };
        let Some(index) = CONTENT.questions.iter().position(|q| q.id == id) else {
            continue;
        };
        let options = CONTENT.questions[index].options.len();
        if let (Some(answer), Ok(option)) = (answers.get_mut(index), option.parse::<u8>()) {
            if answer.is_none() && usize::from(option) < options {
                *answer = Some(option);
            }
        }
    }
    answers
}

/// The older form, still read from links made before answers were keyed by question: one
/// character per question in order, the option's digit or `-` for none.
fn parse_positional_answers(text: &str) -> Answers {
    let mut answers = [None; MAX_QUESTIONS];
    for ((question, answer), character) in answers.iter_mut().enumerate().zip(text.chars()) {
        let options = CONTENT
            .questions
            .get(question)
            .map_or(0, |q| q.options.len());
        *answer = character
            .to_digit(10)
            .and_then(|digit| u8::try_from(digit).ok())
            .filter(|option| usize::from(*option) < options);
    }
    answers
}

/// The parts a `view=` names, in page order whatever the order written; `None` when it names
/// none, which shows the whole page.
fn parse_view(list: &str) -> Option<Parts> {
    let parts: Vec<Part> = list
        .split(',')
        .filter_map(|slug| Part::from_slug(slug.trim()))
        .collect();
    Parts::of(&parts)
}

/// How a change enters the browser history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryStep {
    Push,
    Replace,
}

/// Whether `next` differs from `previous` only in a number the reader drags or types: the
/// team size on the slider, or the team check's size and coding shares.
pub fn is_continuous_move(previous: &State, next: &State) -> bool {
    let numbers = |state: &State| {
        (
            state.team,
            state.check.size,
            state.check.tl_coding,
            state.check.em_coding,
        )
    };
    numbers(previous) != numbers(next)
        && previous.check.with_numbers_of(&next.check) == next.check
        && State {
            team: next.team,
            check: next.check,
            ..*previous
        } == *next
}

/// `state` with the team check's answers an address's fragment (`#…`) gives.
pub fn with_fragment(state: State, hash: &str) -> State {
    State {
        check: fragment::parse(hash),
        ..state
    }
}

/// The fragment to write for `state` where the address has `hash` (each with its `#`), or
/// `None` to leave it: an anchor stays while the check has nothing to say. What another
/// party added after a second `#` (WordPress's `#?secret=`) stays too.
pub fn fragment_for(state: &State, hash: &str) -> Option<String> {
    let printed = fragment::print(&state.check);
    let (own, added) = fragment::segments(hash);
    if printed.is_empty() && !fragment::names_answers(own) || printed == own {
        return None;
    }
    let added = added.map_or(String::new(), |added| format!("#{added}"));
    Some(match (printed.is_empty(), added.is_empty()) {
        (true, true) => String::new(),
        (true, false) => added,
        (false, _) => format!("#{printed}{added}"),
    })
}

/// Discrete changes each get an entry, so Back undoes them one by one. A run of slider moves
/// shares one entry: the first move pushes, the rest replace it, so dragging does not flood
/// the history and Back returns to where the drag began. An unchanged state only rewrites the
/// address into its canonical form. An embedded widget never adds entries: a frame's entries
/// join the host page's history, and Back would walk the widget instead of leaving the page.
pub fn history_step(previous: &State, next: &State, previous_was_slider_move: bool) -> HistoryStep {
    let continues_drag = is_continuous_move(previous, next) && previous_was_slider_move;
    if previous == next || continues_drag || next.embed {
        HistoryStep::Replace
    } else {
        HistoryStep::Push
    }
}

fn parse_team(text: &str) -> Option<u8> {
    let digits = text.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Any run of digits is a number; too large for u8 clamps to the top like 9999 does.
    Some(digits.parse().unwrap_or(u8::MAX))
}

fn parse_roles(list: &str) -> Option<RoleSet> {
    let mut roles = Vec::new();
    for slug in list.split(',') {
        let role = RoleKey::ALL
            .into_iter()
            .find(|role| role.slug() == slug.trim())?;
        if !roles.contains(&role) {
            roles.push(role);
        }
    }
    RoleSet::of(&roles)
}

/// Percent-decoding as browsers encode query strings; malformed escapes stay as written.
fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains(['%', '+']) {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let escaped = (bytes[index] == b'%')
            .then(|| bytes.get(index + 1..index + 3))
            .flatten()
            .and_then(|hex| u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok());
        match (bytes[index], escaped) {
            (_, Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                index += 1;
            }
            (byte, None) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::check::{Change, Holder, Lead};
    use crate::core::content::{GroupId, RowId};
    use crate::core::state::Action;
    use proptest::prelude::*;

    #[test]
    fn the_check_writes_its_fragment_and_leaves_an_anchor_or_a_secret_alone() {
        let answering = State::default().apply(Action::Check(Change::Lead(Lead::One)));
        assert_eq!(fragment_for(&State::default(), "#source-showdown"), None);
        assert_eq!(fragment_for(&State::default(), ""), None);
        assert_eq!(
            fragment_for(&answering, "#source-showdown").as_deref(),
            Some("#lead=one")
        );
        assert_eq!(fragment_for(&answering, "#lead=one"), None);
        assert_eq!(
            fragment_for(&answering, "#?secret=abc").as_deref(),
            Some("#lead=one#?secret=abc")
        );
        assert_eq!(
            fragment_for(&answering, "#lead=two#?secret=abc").as_deref(),
            Some("#lead=one#?secret=abc")
        );
        assert_eq!(
            fragment_for(&State::default(), "#lead=one").as_deref(),
            Some("")
        );
        assert_eq!(
            fragment_for(&State::default(), "#lead=one#?secret=abc").as_deref(),
            Some("#?secret=abc")
        );
        assert_eq!(
            with_fragment(State::default(), "#lead=one#?secret=abc"),
            answering
        );
    }

    #[test]
    fn typing_the_checks_numbers_is_one_history_entry_and_a_duty_another() {
        let start = State::default();
        let typed = start
            .apply(Action::Check(Change::Size(1)))
            .apply(Action::Check(Change::TlCoding(4)));
        assert!(is_continuous_move(&start, &typed));
        let duty = typed.apply(Action::Check(Change::Duty(RowId(0), Holder::Nobody)));
        assert!(!is_continuous_move(&typed, &duty));
        assert_eq!(history_step(&typed, &duty, true), HistoryStep::Push);
    }

    fn row(id: &str) -> RowId {
        CONTENT.row_ids().find(|r| r.row().id == id).unwrap()
    }

    #[test]
    fn a_drag_shares_one_history_entry_and_discrete_changes_get_their_own() {
        let start = State::default();
        let moved = State { team: 6, ..start };
        let moved_again = State { team: 7, ..start };
        assert_eq!(history_step(&start, &moved, false), HistoryStep::Push);
        assert_eq!(
            history_step(&moved, &moved_again, true),
            HistoryStep::Replace
        );
        let filtered = State {
            only_differences: true,
            ..moved_again
        };
        assert_eq!(
            history_step(&moved_again, &filtered, true),
            HistoryStep::Push
        );
        assert_eq!(
            history_step(&start, &start, false),
            HistoryStep::Replace,
            "canonical form"
        );
        let both = State {
            team: 9,
            new_team: true,
            ..start
        };
        assert!(!is_continuous_move(&start, &both));
    }

    #[test]
    fn the_content_pair_is_split_off_as_typed() {
        assert_eq!(
            split_content("?team=7&content=own%2Ffile.toml&roles=tl,em"),
            (
                "team=7&roles=tl,em".to_owned(),
                Some("content=own%2Ffile.toml")
            )
        );
        assert_eq!(split_content("team=7"), ("team=7".to_owned(), None));
        assert_eq!(
            content_address("?content=own%2Ffile.toml&team=7").as_deref(),
            Some("own/file.toml")
        );
        assert_eq!(content_address("?content=&team=7"), None);
        assert_eq!(content_address("?team=7"), None);
    }

    #[test]
    fn an_empty_query_is_the_default_state() {
        assert_eq!(parse(""), State::default());
        assert_eq!(parse("?"), State::default());
    }

    #[test]
    fn every_parameter_is_read() {
        let state = parse("?team=12&roles=tl,em&group=people&diff=1&row=one-on-ones&new=1&both=1&theme=dark&embed=1&transparent=1");
        assert_eq!(state.team, 12);
        assert_eq!(
            state.roles,
            RoleSet::of(&[RoleKey::TechLead, RoleKey::EngineeringManager]).unwrap()
        );
        assert_eq!(state.group.map(|g| g.group().id), Some("people"));
        assert!(state.only_differences && state.new_team && state.lead_has_done_both);
        assert_eq!(state.open_row, Some(row("one-on-ones")));
        assert_eq!(state.theme, Theme::Dark);
        assert!(state.embed && state.transparent);
        let author = parse("split_at=12&hybrid_from=2");
        assert_eq!(
            (author.author_hybrid_from, author.author_split_at),
            (Some(2), Some(12))
        );
        assert_eq!(parse(&print(&author)), author);
        assert_eq!(
            parse("theme=host").theme,
            Theme::Auto,
            "embed.js resolves host before the widget sees it"
        );
    }

    #[test]
    fn bad_values_fall_back_or_clamp() {
        let default = State::default();
        assert_eq!(parse("team=0").team, 1);
        assert_eq!(parse("team=9999").team, 50);
        assert_eq!(parse("team=99999999999999999999").team, 50);
        assert_eq!(parse("team=abc").team, default.team);
        assert_eq!(parse("team=-3").team, default.team);
        assert_eq!(parse("team=").team, default.team);
        assert_eq!(parse("roles=xyz").roles, default.roles);
        assert_eq!(
            parse("roles=tl").roles,
            default.roles,
            "one role is not a comparison"
        );
        assert_eq!(parse("roles=tl,tl").roles, default.roles);
        assert_eq!(parse("roles=tl,xyz").roles, default.roles);
        assert_eq!(parse("group=nope").group, None);
        assert_eq!(parse("row=nope").open_row, None);
        assert_eq!(parse("theme=purple").theme, Theme::Auto);
        assert!(!parse("diff=yes").only_differences);
        assert_eq!(
            parse("quiz=9x").answers,
            [None; MAX_QUESTIONS],
            "no such options"
        );
        assert_eq!(
            parse(&format!("quiz={}", "1".repeat(500))).answers.len(),
            MAX_QUESTIONS
        );
        let huge = format!(
            "team={}&roles={}",
            "9".repeat(100_000),
            "tl,".repeat(50_000)
        );
        assert_eq!(parse(&huge).team, 50);
    }

    #[test]
    fn quiz_answers_are_keyed_by_question_and_old_positional_links_still_read() {
        let mut answers = [None; MAX_QUESTIONS];
        answers[0] = Some(2);
        answers[2] = Some(1);
        let state = State {
            answers,
            ..State::default()
        };
        assert_eq!(print(&state), "team=5&quiz=day.2,decision.1");
        assert_eq!(parse("team=5&quiz=day.2,decision.1"), state);
        assert_eq!(parse("team=5&quiz=decision.1,day.2"), state, "any order");
        assert_eq!(
            parse("team=5&quiz=2-1"),
            state,
            "the positional form of old links"
        );
        assert_eq!(
            parse("quiz=nope.1,day.9,decision.x,day.2,day.0").answers,
            answers_with(&[(0, 2)]),
            "unknown ids and options are skipped; the first answer wins"
        );
    }

    fn answers_with(picks: &[(usize, u8)]) -> Answers {
        let mut answers = [None; MAX_QUESTIONS];
        for (question, option) in picks {
            answers[*question] = Some(*option);
        }
        answers
    }

    #[test]
    fn a_view_names_parts_in_page_order_and_nothing_valid_shows_all() {
        let view = parse("view=quiz,team").view;
        assert_eq!(view.iter().collect::<Vec<_>>(), [Part::Team, Part::Quiz]);
        assert_eq!(print(&parse("view=quiz,team")), "team=5&view=team,quiz");
        assert_eq!(
            parse("view=team,nope").view,
            Parts::of(&[Part::Team]).unwrap()
        );
        assert_eq!(parse("view=nope").view, Parts::ALL);
        assert_eq!(parse("view=").view, Parts::ALL);
        let every = Part::ALL.map(Part::slug).join(",");
        assert_eq!(
            print(&parse(&format!("view={every}"))),
            "team=5",
            "all is the default"
        );
    }

    #[test]
    fn the_first_of_duplicated_keys_wins() {
        assert_eq!(parse("team=7&team=30").team, 7);
        assert_eq!(parse("team=abc&team=30").team, State::default().team);
    }

    #[test]
    fn encoded_values_are_decoded() {
        let state = parse("roles=tl%2Ctlm&te%61m=%312");
        assert_eq!(
            state.roles,
            RoleSet::of(&[RoleKey::TechLead, RoleKey::TechLeadManager]).unwrap()
        );
        assert_eq!(state.team, 12);
        assert_eq!(
            parse("roles=tl%2").roles,
            State::default().roles,
            "a broken escape is no role"
        );
    }

    #[test]
    fn printing_keeps_links_short_and_readable() {
        assert_eq!(print(&State::default()), "team=5");
        let state = State {
            team: 12,
            roles: RoleSet::of(&[RoleKey::EngineeringManager, RoleKey::TechLead]).unwrap(),
            group: Some(GroupId(1)),
            only_differences: true,
            open_row: Some(row("hiring")),
            theme: Theme::Light,
            embed: true,
            ..State::default()
        };
        assert_eq!(
            print(&state),
            "team=12&roles=tl,em&group=people&diff=1&row=hiring&theme=light&embed=1"
        );
    }

    fn any_state() -> impl Strategy<Value = State> {
        let groups = CONTENT.groups.len() as u8;
        let rows = CONTENT.responsibilities.len() as u8;
        (
            1u8..=50,
            0usize..4,
            proptest::option::of(0..groups),
            proptest::option::of(0..rows),
            any::<[bool; 5]>(),
            0usize..3,
            any::<[u8; MAX_QUESTIONS]>(),
            proptest::option::of(1u8..=50),
            proptest::option::of(1u8..=50),
            proptest::option::of(0..crate::core::content::LANGUAGES.len() as u8),
            1u8..64,
        )
            .prop_map(
                move |(
                    team,
                    roles,
                    group,
                    row,
                    [diff, new_team, both, embed, transparent],
                    theme,
                    picks,
                    hybrid_from,
                    split_at,
                    language,
                    view,
                )| {
                    State {
                        team,
                        roles: RoleSet::CHOICES[roles],
                        group: group.map(GroupId),
                        only_differences: diff,
                        open_row: row.map(RowId),
                        new_team,
                        lead_has_done_both: both,
                        theme: [Theme::Auto, Theme::Light, Theme::Dark][theme],
                        embed,
                        transparent,
                        author_hybrid_from: hybrid_from,
                        author_split_at: split_at,
                        answers: std::array::from_fn(|question| {
                            let options = CONTENT
                                .questions
                                .get(question)
                                .map_or(0, |q| q.options.len() as u8);
                            // One pick in (options + 1) stays unanswered.
                            let pick = picks[question] % (options + 1);
                            (pick < options).then_some(pick)
                        }),
                        check: crate::core::check::TeamAnswers::default(),
                        language: language.map(LanguageId),
                        view: Parts::of(
                            &Part::ALL
                                .into_iter()
                                .filter(|part| view & 1 << *part as u8 != 0)
                                .collect::<Vec<_>>(),
                        )
                        .unwrap_or(Parts::ALL),
                    }
                },
            )
    }

    proptest! {
        #[test]
        fn parse_never_panics(query in ".*") {
            let state = parse(&query);
            prop_assert!((1..=50).contains(&state.team));
            prop_assert!(state.roles.count() >= 2);
        }

        #[test]
        fn parse_never_panics_on_near_miss_queries(
            pairs in proptest::collection::vec(
                ("(team|roles|group|diff|row|new|both|theme|embed|quiz|transparent|hybrid_from|split_at|view|%7|x)", "[a-z0-9,.%+=&-]{0,12}"),
                0..12,
            )
        ) {
            let query: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let state = parse(&query.join("&"));
            prop_assert_eq!(parse(&print(&state)), state);
        }

        #[test]
        fn print_then_parse_round_trips(state in any_state()) {
            prop_assert_eq!(parse(&print(&state)), state);
        }
    }
}
