//! The check's answers in the address's fragment, so that they never reach a server's log:
//! `#size=12&lead=one&new=1&tl-coding=60&em-coding=10&em-code=stale&o.one-on-ones=tl`.
//! docs/url-parameters.md documents every key. Whatever the fragment holds, reading it never
//! fails: a key it cannot use keeps its default, and `print` writes the canonical form back.

use std::fmt::{self, Write as _};

use super::{Change, EmCode, Holder, Lead, Person, TeamAnswers, FULL_WEEK};
use crate::core::content::{RowId, CONTENT};

/// The prefix of the first person's answer for a duty, `o.DUTY-ID=HOLDER`.
const FIRST: &str = "o.";
/// The prefix of the second person's, `o2.DUTY-ID=HOLDER`.
const SECOND: &str = "o2.";

/// Whether a fragment speaks to the check: it holds a `key=value` pair, which no anchor does
/// (WordPress's `#?secret=` segment aside). Then the page shows a state it was not drawn in,
/// and the fragment is written back in canonical form, without what the check cannot use.
/// `boot.js` reads a fragment the same way.
pub fn names_answers(fragment: &str) -> bool {
    pairs(fragment).next().is_some()
}

/// Reads the answers from a fragment (without its `#`), key by key.
pub fn parse(fragment: &str) -> TeamAnswers {
    let sizes = CONTENT.team_size;
    let mut answers = TeamAnswers::default();
    let percent = |value: &str| value.parse::<u8>().ok().filter(|p| *p <= FULL_WEEK);
    for (key, value) in pairs(fragment) {
        match key {
            "size" => {
                if let Some(size) = value
                    .parse::<u8>()
                    .ok()
                    .filter(|size| (sizes.min..=sizes.max).contains(size))
                {
                    answers.size = size;
                }
            }
            "lead" => {
                if let Some(lead) = Lead::ALL.into_iter().find(|lead| lead.key() == value) {
                    answers.lead = lead;
                }
            }
            "new" => answers.new_team = value == "1",
            "tl-coding" => answers.tl_coding = percent(value).or(answers.tl_coding),
            "em-coding" => answers.em_coding = percent(value).or(answers.em_coding),
            "em-code" => match value {
                "recent" => answers.em_code = EmCode::Recent,
                "stale" => answers.em_code = EmCode::Stale,
                _ => {}
            },
            "second" => answers.second = value == "1",
            "only-changed" => answers.only_changed = value == "1",
            _ => {}
        }
    }
    // The duties last: which answers a set-up takes depends on its lead.
    for (key, value) in pairs(fragment) {
        let (person, id) = if let Some(id) = key.strip_prefix(SECOND) {
            (Person::Second, id)
        } else if let Some(id) = key.strip_prefix(FIRST) {
            (Person::First, id)
        } else {
            continue;
        };
        // With one lead, "tl", "em" and "both" all name that person.
        let Some(holder) = Holder::from_key(value) else {
            continue;
        };
        if let Some(row) = super::duty(id) {
            answers.answering = person;
            answers = answers.apply(Change::Duty(row, holder));
        }
    }
    let second_answered = answers.changed(Person::Second).next().is_some();
    answers.second |= second_answered;
    answers.answering = match pairs(fragment).filter(|(key, _)| *key == "as").last() {
        Some((_, "2")) if answers.second => Person::Second,
        _ => Person::First,
    };
    answers
}

/// The canonical fragment (without its `#`): only what differs from the defaults, in a fixed
/// order; empty for the defaults.
pub fn print(answers: &TeamAnswers) -> String {
    let defaults = TeamAnswers::default();
    let mut written = String::new();
    let mut add = |key: &dyn fmt::Display, value: &dyn fmt::Display| {
        let separator = if written.is_empty() { "" } else { "&" };
        let _ = write!(written, "{separator}{key}={value}");
    };
    if answers.size != defaults.size {
        add(&"size", &answers.size);
    }
    if answers.lead != defaults.lead {
        add(&"lead", &answers.lead.key());
    }
    if answers.new_team {
        add(&"new", &1);
    }
    if let Some(percent) = answers.tl_coding {
        add(&"tl-coding", &percent);
    }
    if let Some(percent) = answers.em_coding {
        add(&"em-coding", &percent);
    }
    if answers.em_code == EmCode::Stale {
        add(&"em-code", &"stale");
    }
    if answers.only_changed {
        add(&"only-changed", &1);
    }
    let duty = |row: RowId| CONTENT.responsibilities[usize::from(row.0)].id;
    for (row, holder) in answers.changed(Person::First) {
        add(&format_args!("{FIRST}{}", duty(row)), &holder.key());
    }
    if answers.second {
        add(&"second", &1);
        if answers.answering == Person::Second {
            add(&"as", &2);
        }
        for (row, holder) in answers.changed(Person::Second) {
            add(&format_args!("{SECOND}{}", duty(row)), &holder.key());
        }
    }
    written
}

/// A fragment (with or without its `#`) as the check's own segment and the one another party
/// added: WordPress puts `#?secret=…` on its frames, before or after the widget's own.
pub fn segments(fragment: &str) -> (&str, Option<&str>) {
    let mut segments = fragment.trim_start_matches('#').split('#');
    let own = segments
        .clone()
        .find(|segment| !segment.starts_with('?'))
        .unwrap_or_default();
    (own, segments.find(|segment| segment.starts_with('?')))
}

fn pairs(fragment: &str) -> impl Iterator<Item = (&str, &str)> {
    segments(fragment)
        .0
        .split('&')
        .filter_map(|pair| pair.split_once('='))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::super::duty;
    use super::super::strategy::any_answers;
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_documented_example_reads_as_written() {
        let answers = parse("size=12&lead=one&new=1&tl-coding=60&em-coding=10&em-code=stale&o.one-on-ones=tl&o.architecture=em&o.hiring=none");
        assert_eq!(answers.size, 12);
        assert_eq!(answers.lead, Lead::One);
        assert!(answers.new_team);
        assert_eq!((answers.tl_coding(), answers.em_coding()), (60, 10));
        assert_eq!(answers.em_code, EmCode::Stale);
        let hiring = duty("hiring").unwrap();
        assert_eq!(answers.holder(Person::First, hiring), Holder::Nobody);
        // The one lead holds both, as the articles have it, so nothing else is kept.
        assert_eq!(
            print(&answers),
            "size=12&lead=one&new=1&tl-coding=60&em-coding=10&em-code=stale&o.hiring=none"
        );
    }

    #[test]
    fn what_cannot_be_used_falls_back_key_by_key() {
        let answers = parse("size=99&lead=three&tl-coding=101&em-coding=-1&em-code=old&o.nothing=tl&o.hiring=boss&o.one-on-ones=tl&as=2&zzz");
        let expected =
            TeamAnswers::default().apply(Change::Duty(duty("one-on-ones").unwrap(), Holder::Tl));
        assert_eq!(answers, expected);
        assert_eq!(print(&answers), "o.one-on-ones=tl");
    }

    #[test]
    fn a_duty_the_lead_lacks_keeps_the_articles_answer() {
        let answers = parse("lead=em&o.architecture=tl&o.hiring=other");
        assert_eq!(print(&answers), "lead=em&o.hiring=other");
    }

    #[test]
    fn the_second_persons_answers_ride_along() {
        let answers = parse("o.one-on-ones=tl&o2.one-on-ones=em&o2.hiring=tl&as=2");
        assert!(answers.second);
        assert_eq!(answers.answering, Person::Second);
        let one_on_ones = duty("one-on-ones").unwrap();
        assert_eq!(answers.holder(Person::First, one_on_ones), Holder::Tl);
        assert_eq!(answers.holder(Person::Second, one_on_ones), Holder::Em);
        assert_eq!(
            print(&answers),
            "o.one-on-ones=tl&second=1&as=2&o2.hiring=tl"
        );
        assert!(parse("second=1").second);
    }

    #[test]
    fn an_anchor_is_not_answers() {
        assert!(!names_answers("responsibilities-heading"));
        assert!(!names_answers(""));
        assert!(names_answers("size=3"));
        assert!(names_answers("o.hiring=tl"));
        assert!(
            names_answers("?secret=abc#size=3"),
            "WordPress's secret beside answers"
        );
        assert!(!names_answers("?secret=abc"), "WordPress's secret alone");
        assert!(names_answers("unknown=1"), "written back without it");
    }

    #[test]
    fn the_defaults_print_nothing() {
        assert_eq!(print(&TeamAnswers::default()), "");
        assert_eq!(parse(""), TeamAnswers::default());
    }

    #[test]
    fn a_huge_fragment_is_read_without_fault() {
        let huge = "o.hiring=tl&".repeat(20_000) + "size=7";
        assert_eq!(parse(&huge).size, 7);
    }

    proptest! {
        #[test]
        fn any_fragment_reads_without_panic_and_prints_canonically(fragment in ".{0,400}") {
            let answers = parse(&fragment);
            prop_assert_eq!(parse(&print(&answers)), answers);
        }

        #[test]
        fn fragments_of_known_keys_read_without_panic(
            pairs in prop::collection::vec(
                (prop::sample::select(vec!["size", "lead", "new", "tl-coding", "em-coding", "em-code", "second", "as", "o.hiring", "o2.architecture", "o.one-on-ones"]),
                 prop::sample::select(vec!["1", "2", "12", "99", "one", "two", "em", "tl", "none", "both", "other", "stale", "recent", ""])),
                0..20)
        ) {
            let fragment: Vec<String> = pairs.iter().map(|(key, value)| format!("{key}={value}")).collect();
            let answers = parse(&fragment.join("&"));
            prop_assert_eq!(parse(&print(&answers)), answers);
        }

        #[test]
        fn answers_print_then_read_back_equal(answers in any_answers()) {
            prop_assert_eq!(parse(&print(&answers)), answers);
        }
    }
}
