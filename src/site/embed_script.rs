//! `embed.js` as the build ships it: the parts' typical heights written in from the core,
//! where they are kept, so a frame starts near its final height and no second table can drift.

use crate::core::state::{Part, Parts};

/// What `js/embed.js` holds until the build fills it in. Unfilled, every frame starts at the
/// whole page's estimate, which still works.
const UNFILLED: &str = "var PART_HEIGHTS = {}, TITLE_AND_SOURCES = 0;";

/// `script` with the heights written in, or `None` if it has no unfilled table (already filled,
/// or not `embed.js`).
pub fn with_heights(script: &str) -> Option<String> {
    if !script.contains(UNFILLED) {
        return None;
    }
    let table: Vec<String> = Part::ALL
        .iter()
        .map(|part| format!("{}: {}", part.slug(), part.typical_embed_height()))
        .collect();
    let filled = format!(
        "var PART_HEIGHTS = {{ {} }}, TITLE_AND_SOURCES = {};",
        table.join(", "),
        Parts::TITLE_AND_SOURCES
    );
    Some(script.replacen(UNFILLED, &filled, 1))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const SCRIPT: &str = include_str!("../../js/embed.js");

    #[test]
    fn the_build_writes_every_parts_height_into_embed_js_once() {
        let filled = with_heights(SCRIPT).expect("js/embed.js has the unfilled table");
        for part in Part::ALL {
            let entry = format!("{}: {}", part.slug(), part.typical_embed_height());
            assert!(filled.contains(&entry), "no `{entry}`");
        }
        assert!(filled.contains("TITLE_AND_SOURCES = 130;"));
        assert!(
            filled.contains("PART_HEIGHTS[part]; }, TITLE_AND_SOURCES)"),
            "a view adds the title and sources to its parts"
        );
        assert_eq!(with_heights(&filled), None, "filled only once");
    }
}
