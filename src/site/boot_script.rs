//! `boot.js` as the build ships it: whether a page shows at once and when its app starts,
//! written in from `core::drawn::plan` for everything `boot.js` can know, so that the script
//! applies the core's decisions and makes none of its own.

use crate::core::content::CONTENT;
use crate::core::drawn::{plan, Known, Plan, BOOT_APPLIED, CHANGE_KEYS, MASTHEAD_KEYS};

/// What `js/boot.js` holds until the build fills it in. Unfilled, no page shows before the
/// app has drawn it, and every app starts at once: slower, never wrong.
const UNFILLED: &str =
    "var PLANS = [], MASTHEAD_KEYS = [], BOOT_APPLIED = [], CHANGE_KEYS = [], CHANGE_SIZES = [];";

/// `script` with the masthead's keys, the keys it applies itself, the keys and sizes of the
/// queries the page is redrawn for (`drawn::page_states`) and the plans written in, each plan
/// as `[show, start_on_intent, fetch_changes]` in the order of `Known::ALL`; `None` if it has
/// no unfilled table.
pub fn with_plans(script: &str) -> Option<String> {
    if !script.contains(UNFILLED) {
        return None;
    }
    let answers: Vec<String> = Known::ALL
        .into_iter()
        .map(|known| {
            let Plan {
                show,
                start_on_intent,
                fetch_changes,
            } = plan(known);
            format!("['{}', {start_on_intent}, {fetch_changes}]", show.slug())
        })
        .collect();
    Some(script.replacen(
        UNFILLED,
        &format!(
            "var PLANS = [{}], MASTHEAD_KEYS = ['{}'], BOOT_APPLIED = ['{}'], CHANGE_KEYS = ['{}'], CHANGE_SIZES = [{}, {}];",
            answers.join(", "),
            MASTHEAD_KEYS.join("', '"),
            BOOT_APPLIED.join("', '"),
            CHANGE_KEYS.join("', '"),
            CONTENT.team_size.min,
            CONTENT.team_size.max,
        ),
        1,
    ))
}

/// Where `boot.js` looks `known` up: `Known::ALL` is in this order.
#[cfg(test)]
fn index(known: Known) -> usize {
    usize::from(known.changes_drawn) * 8
        + usize::from(known.address_is_drawn) * 4
        + usize::from(known.masthead_is_drawn) * 2
        + usize::from(known.language_differs)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const SCRIPT: &str = include_str!("../../js/boot.js");

    #[test]
    fn boot_js_gets_the_cores_answer_for_everything_it_can_know() {
        let filled = with_plans(SCRIPT).expect("js/boot.js has the unfilled table");
        assert!(filled.contains(concat!(
            "var PLANS = [['nothing', false, false], ['nothing', false, false], ",
            "['masthead', false, false], ['nothing', false, false], ",
            "['page', true, false], ['nothing', false, false], ['page', true, false], ['nothing', false, false], ",
            "['nothing', true, true], ['nothing', false, false], ['nothing', true, true], ['nothing', false, false], ",
            "['page', true, false], ['nothing', false, false], ['page', true, false], ['nothing', false, false]], ",
            "MASTHEAD_KEYS = ['embed', 'content'], BOOT_APPLIED = ['theme', 'transparent'], ",
            "CHANGE_KEYS = ['team', 'new', 'both'], CHANGE_SIZES = [1, 50];"
        )));
        for known in Known::ALL {
            assert_eq!(Known::ALL[index(known)], known);
        }
        assert!(
            filled.contains(
                "PLANS[(changesDrawn ? 8 : 0) + (addressIsDrawn ? 4 : 0) + (mastheadIsDrawn ? 2 : 0) + (languageDiffers ? 1 : 0)]"
            ),
            "boot.js looks the answer up the way it is written"
        );
        assert_eq!(with_plans(&filled), None, "filled only once");
    }
}
