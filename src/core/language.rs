//! Which language the page speaks: the one the address names with `lang=`, else the first of
//! the reader's browser languages that the widget speaks, else the built-in one.

use super::content::{Language, LANGUAGES};

/// An index into `LANGUAGES`; 0 is the built-in language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LanguageId(pub u8);

impl LanguageId {
    pub const BUILT_IN: LanguageId = LanguageId(0);

    pub fn language(self) -> &'static Language {
        LANGUAGES.get(usize::from(self.0)).unwrap_or(&LANGUAGES[0])
    }

    /// The language whose code is `code` ("de"), if the widget speaks it.
    pub fn from_code(code: &str) -> Option<LanguageId> {
        LANGUAGES
            .iter()
            .position(|language| language.code.eq_ignore_ascii_case(code))
            .map(|index| LanguageId(index as u8))
    }
}

/// `asked` is the address's `lang=` choice; `preferred` the browser's languages, best first,
/// as tags like "de-AT". A region or script never matters: "de-AT" reads German.
pub fn choose(asked: Option<LanguageId>, preferred: &[String]) -> LanguageId {
    asked
        .or_else(|| {
            preferred
                .iter()
                .find_map(|tag| LanguageId::from_code(tag.split(['-', '_']).next().unwrap_or("")))
        })
        .unwrap_or(LanguageId::BUILT_IN)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn tags(tags: &[&str]) -> Vec<String> {
        tags.iter().map(|tag| (*tag).to_owned()).collect()
    }

    fn german() -> LanguageId {
        LanguageId::from_code("de").expect("German is shipped")
    }

    #[test]
    fn the_built_in_language_comes_first() {
        assert_eq!(LanguageId::BUILT_IN.language().code, "en");
        assert_eq!(german().language().name, "Deutsch");
    }

    #[test]
    fn the_address_wins_over_the_browser() {
        assert_eq!(
            choose(Some(LanguageId::BUILT_IN), &tags(&["de-DE"])),
            LanguageId::BUILT_IN
        );
        assert_eq!(choose(Some(german()), &tags(&["en-US"])), german());
    }

    #[test]
    fn the_first_spoken_browser_language_wins() {
        assert_eq!(choose(None, &tags(&["de-AT", "en"])), german());
        assert_eq!(choose(None, &tags(&["en-GB", "de"])), LanguageId::BUILT_IN);
        assert_eq!(choose(None, &tags(&["fr-FR", "DE"])), german());
    }

    #[test]
    fn an_unspoken_or_missing_preference_falls_back_to_the_built_in_language() {
        assert_eq!(choose(None, &tags(&["fr-FR", "ja"])), LanguageId::BUILT_IN);
        assert_eq!(choose(None, &[]), LanguageId::BUILT_IN);
        assert_eq!(choose(None, &tags(&[""])), LanguageId::BUILT_IN);
    }

    proptest! {
        #[test]
        fn any_preferences_give_a_spoken_language(preferred in proptest::collection::vec(".{0,12}", 0..5)) {
            let chosen = choose(None, &preferred);
            prop_assert!(usize::from(chosen.0) < LANGUAGES.len());
        }
    }
}
