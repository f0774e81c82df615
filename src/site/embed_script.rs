//! `embed.js` as the build ships it: the parts' typical heights written in from the core,
//! where they are kept, so a frame starts near its final height and no second table can drift;
//! and where the drawn embeds are (`core::drawn`), so a placeholder becomes a frame that
//! arrives drawn.

use crate::core::content::CONTENT;
use crate::core::drawn;
use crate::core::state::{Part, Parts};

/// What `js/embed.js` holds until the build fills it in. Unfilled, every frame starts at the
/// whole page's estimate, which still works.
const UNFILLED: &str = "var PART_HEIGHTS = {}, TITLE_AND_SOURCES = 0;";
/// Unfilled, every frame shows its state through a query, which is slower but never wrong.
const UNFILLED_DRAWN: &str = "var DRAWN = '', TEAM_SIZES = [0, 0, 0];";

/// `script` with the heights and the drawn embeds written in, or `None` if it has no unfilled
/// tables (already filled, or not `embed.js`).
pub fn with_tables(script: &str) -> Option<String> {
    if !script.contains(UNFILLED) || !script.contains(UNFILLED_DRAWN) {
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
    let sizes = &CONTENT.team_size;
    let drawn = format!(
        "var DRAWN = '{}', TEAM_SIZES = [{}, {}, {}];",
        drawn::FOLDER,
        sizes.min,
        sizes.max,
        sizes.default
    );
    Some(
        script
            .replacen(UNFILLED, &filled, 1)
            .replacen(UNFILLED_DRAWN, &drawn, 1),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    const SCRIPT: &str = include_str!("../../js/embed.js");

    #[test]
    fn the_build_writes_every_parts_height_into_embed_js_once() {
        let filled = with_tables(SCRIPT).expect("js/embed.js has the unfilled table");
        for part in Part::ALL {
            let entry = format!("{}: {}", part.slug(), part.typical_embed_height());
            assert!(filled.contains(&entry), "no `{entry}`");
        }
        assert!(filled.contains("TITLE_AND_SOURCES = 130;"));
        assert!(filled.contains("var DRAWN = 'embed', TEAM_SIZES = [1, 50, 5];"));
        assert!(
            filled.contains("PART_HEIGHTS[part]; }, TITLE_AND_SOURCES)"),
            "a view adds the title and sources to its parts"
        );
        assert_eq!(with_tables(&filled), None, "filled only once");
    }
}
