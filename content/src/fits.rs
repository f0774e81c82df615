//! The states each text of the team-size part declares it fits, and the check that two texts
//! declared to contradict each other can never be shown in the same state.
//!
//! The declarations are a contract, not a second set of rules: the app decides what to show
//! (`src/core/recommend.rs`), and its property test walks every state and holds each text shown
//! to its declaration. The compiler's part is to refuse declarations that are wrong on their
//! face: unknown names, sizes out of range, a missing or unused card text, and contradicting
//! texts whose states overlap.

use std::collections::BTreeMap;

use crate::raw::{File, Fits};
use crate::validate::Errors;
use crate::{CARD_KEYS, SETUP_KEYS, ZONE_KEYS};

pub fn check(errors: &mut Errors, file: &File) {
    for key in CARD_KEYS {
        if !file.card.contains_key(*key) {
            errors.push(
                format!("card.{key}"),
                "is missing; every text of the recommendation card declares the states it fits",
            );
        }
    }
    for key in file.card.keys() {
        if !CARD_KEYS.contains(&key.as_str()) {
            errors.push(
                format!("card.{key}"),
                format!(
                    "is not a text of the recommendation card; known texts: {}",
                    CARD_KEYS.join(", ")
                ),
            );
        }
    }
    let declared = declarations(file);
    let (min, max) = (file.team_size.min, file.team_size.max);
    for (name, fits) in &declared {
        let at = format!("{name}.fits");
        for (field, values, known) in [
            ("zones", &fits.zones, ZONE_KEYS),
            ("setups", &fits.setups, SETUP_KEYS),
        ] {
            for value in values.iter().flatten() {
                if !known.contains(&value.as_str()) {
                    errors.push(
                        format!("{at}.{field}"),
                        format!("unknown {value:?}; expected one of {}", known.join(", ")),
                    );
                }
            }
            if values.as_ref().is_some_and(Vec::is_empty) {
                errors.push(
                    format!("{at}.{field}"),
                    "is empty, so the text fits no state: leave it out to allow every one",
                );
            }
        }
        if let Some([first, last]) = fits.sizes {
            if !(min <= first && first <= last && last <= max) {
                errors.push(
                    format!("{at}.sizes"),
                    format!("[{first}, {last}] must satisfy {min} <= first <= last <= {max}"),
                );
            }
        }
        for other in &fits.contradicts {
            match declared.get(other.as_str()) {
                None => errors.push(
                    format!("{at}.contradicts"),
                    format!("names {other:?}, which is no reasons.KEY, rules.ID or card.KEY"),
                ),
                Some(_) if other == name => {
                    errors.push(format!("{at}.contradicts"), "names the text itself")
                }
                Some(theirs) => {
                    if let Some(shared) = overlap(fits, theirs) {
                        errors.push(
                            format!("{at}.contradicts"),
                            format!(
                                "names {other:?}, yet both declare they fit {shared}: \
                                 narrow one so no state shows both"
                            ),
                        );
                    }
                }
            }
        }
    }
}

/// Every declaration by the name a `contradicts` list uses for it.
fn declarations(file: &File) -> BTreeMap<String, &Fits> {
    let reasons = file
        .reasons
        .iter()
        .map(|(key, reason)| (format!("reasons.{key}"), &reason.fits));
    let rules = file
        .rules
        .iter()
        .map(|rule| (format!("rules.{}", rule.id), &rule.fits));
    let card = file
        .card
        .iter()
        .map(|(key, fits)| (format!("card.{key}"), fits));
    reasons.chain(rules).chain(card).collect()
}

/// The states both declarations allow, described, or `None` when no state fits both.
fn overlap(a: &Fits, b: &Fits) -> Option<String> {
    let mut shared = Vec::new();
    for (field, mine, theirs) in [
        ("zones", &a.zones, &b.zones),
        ("setups", &a.setups, &b.setups),
    ] {
        match (mine, theirs) {
            (None, None) => {}
            (Some(only), None) | (None, Some(only)) => {
                shared.push(format!("{field} {}", only.join("/")))
            }
            (Some(mine), Some(theirs)) => {
                let common: Vec<&str> = mine
                    .iter()
                    .filter(|value| theirs.contains(value))
                    .map(String::as_str)
                    .collect();
                if common.is_empty() {
                    return None;
                }
                shared.push(format!("{field} {}", common.join("/")));
            }
        }
    }
    let whole = [u8::MIN, u8::MAX];
    let ([a_first, a_last], [b_first, b_last]) =
        (a.sizes.unwrap_or(whole), b.sizes.unwrap_or(whole));
    let (first, last) = (a_first.max(b_first), a_last.min(b_last));
    if first > last {
        return None;
    }
    if [first, last] != whole {
        shared.push(format!("sizes {first}–{last}"));
    }
    for (field, mine, theirs) in [
        ("new", a.new, b.new),
        ("both", a.both, b.both),
        ("moved", a.moved, b.moved),
    ] {
        match (mine, theirs) {
            (Some(mine), Some(theirs)) if mine != theirs => return None,
            (Some(value), _) | (_, Some(value)) => shared.push(format!("{field} = {value}")),
            (None, None) => {}
        }
    }
    Some(if shared.is_empty() {
        "every state".to_owned()
    } else {
        shared.join(", ")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fits(toml_text: &str) -> Fits {
        toml::from_str(toml_text).expect("a valid declaration")
    }

    #[test]
    fn declarations_that_differ_on_one_field_never_overlap() {
        assert_eq!(overlap(&fits("new = true"), &fits("new = false")), None);
        assert_eq!(
            overlap(&fits("zones = [\"split\"]"), &fits("zones = [\"hybrid\"]")),
            None
        );
        assert_eq!(
            overlap(&fits("sizes = [1, 2]"), &fits("sizes = [3, 50]")),
            None
        );
    }

    #[test]
    fn overlapping_declarations_name_the_states_they_share() {
        assert_eq!(
            overlap(
                &fits("zones = [\"split\", \"multi-team\"]"),
                &fits("zones = [\"split\"]\nnew = true")
            )
            .as_deref(),
            Some("zones split, new = true")
        );
        assert_eq!(
            overlap(&fits("sizes = [1, 20]"), &fits("sizes = [19, 50]")).as_deref(),
            Some("sizes 19–20")
        );
        assert_eq!(
            overlap(&fits(""), &fits("")).as_deref(),
            Some("every state")
        );
    }
}
