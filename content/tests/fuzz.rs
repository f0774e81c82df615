//! The content compiler never panics, whatever text it is given. These run with proptest's
//! default case count in the normal test run; `cargo xtask fuzz` runs them far longer.

use proptest::prelude::*;
use two_hats_content::compile;

const SHIPPED: &str = include_str!("../two-hats.toml");

/// The shipped file with a slice cut out and arbitrary text put in its place.
fn mutated_shipped_file() -> impl Strategy<Value = String> {
    let length = SHIPPED.len();
    (0..length, 0usize..200, ".{0,40}").prop_map(move |(start, cut, insert)| {
        let start = floor_char_boundary(start);
        let end = floor_char_boundary((start + cut).min(length));
        format!("{}{insert}{}", &SHIPPED[..start], &SHIPPED[end..])
    })
}

fn floor_char_boundary(mut index: usize) -> usize {
    while !SHIPPED.is_char_boundary(index) {
        index -= 1;
    }
    index
}

proptest! {
    #[test]
    fn any_text_gives_content_or_errors(text in ".*") {
        let _ = compile(&text);
    }

    #[test]
    fn a_mutated_shipped_file_gives_content_or_errors(text in mutated_shipped_file()) {
        if let Err(errors) = compile(&text) {
            prop_assert!(!errors.is_empty());
            prop_assert!(errors.iter().all(|error| !error.at.is_empty() && !error.message.is_empty()));
        }
    }
}
