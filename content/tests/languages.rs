//! Every language provides every interface text with its placeholders, and a translation may
//! change words only: each mistake is reported at its field.

mod common;

use common::{assert_reported, replaced};
use two_hats_content::{compile, compile_translation, ContentError, UI_KEYS};

const ENGLISH: &str = include_str!("../two-hats.toml");
const GERMAN: &str = include_str!("../two-hats.de.toml");

fn translation_errors(find: &str, replace: &str) -> Vec<ContentError> {
    let broken = replaced(GERMAN, find, replace);
    match compile_translation(ENGLISH.as_bytes(), broken.as_bytes()) {
        Ok(_) => panic!("the changed translation should be refused"),
        Err(errors) => errors,
    }
}

#[test]
fn every_interface_text_becomes_a_variant() {
    let source = compile(ENGLISH).unwrap_or_else(|errors| panic!("{errors:#?}"));
    assert!(source.contains("pub enum Text"));
    assert!(source.contains("    MatrixCaption,"));
    assert!(source.contains(&format!("pub const TEXT_COUNT: usize = {};", UI_KEYS.len())));
}

#[test]
fn a_missing_interface_text_is_named() {
    let broken = replaced(ENGLISH, "why = \"Why\"\n", "");
    let errors = compile(&broken).expect_err("a missing text should be refused");
    assert_reported(&errors, "ui.why", "is missing");
}

#[test]
fn an_unknown_interface_text_is_named() {
    let broken = replaced(
        ENGLISH,
        "why = \"Why\"\n",
        "why = \"Why\"\nwhy-not = \"Why not\"\n",
    );
    let errors = compile(&broken).expect_err("an unknown text should be refused");
    assert_reported(&errors, "ui.why-not", "is not a text the interface shows");
}

#[test]
fn placeholders_must_be_kept_and_known() {
    let dropped = replaced(
        ENGLISH,
        "engineers-many = \"{n} engineers\"",
        "engineers-many = \"engineers\"",
    );
    let errors = compile(&dropped).expect_err("a dropped placeholder should be refused");
    assert_reported(&errors, "ui.engineers-many", "must contain {n}");

    let unknown = replaced(ENGLISH, "why = \"Why\"", "why = \"Why {n}\"");
    let errors = compile(&unknown).expect_err("an unknown placeholder should be refused");
    assert_reported(&errors, "ui.why", "unknown placeholder {n}; it takes none");
}

#[test]
fn the_built_in_file_must_name_its_language_and_words_but_an_authors_file_may_not() {
    let without = &ENGLISH[..ENGLISH
        .find("\n[language]")
        .expect("[language] is in the file")];
    let errors = compile(without).expect_err("the built-in file needs its interface");
    assert_reported(&errors, "language", "is missing");
    assert_reported(&errors, "ui", "is missing");
    assert!(two_hats_content::compile_to_binary(without.as_bytes()).is_ok());
}

#[test]
fn a_language_code_must_look_like_one() {
    let broken = replaced(ENGLISH, "code = \"en\"", "code = \"English\"");
    let errors = compile(&broken).expect_err("a bad code should be refused");
    assert_reported(&errors, "language.code", "is not a language code");
}

#[test]
fn the_shipped_translation_is_the_original_in_other_words() {
    let translation = compile_translation(ENGLISH.as_bytes(), GERMAN.as_bytes())
        .unwrap_or_else(|errors| panic!("{errors:#?}"));
    assert_eq!(
        translation.original,
        ("en".to_owned(), "English".to_owned())
    );
    assert_eq!(
        translation.language,
        ("de".to_owned(), "Deutsch".to_owned())
    );
    assert!(!translation.binary.is_empty());
}

#[test]
fn a_translation_may_not_move_an_owner() {
    let errors = translation_errors(
        "id = \"code-reviews\"\ngroup = \"technology\"",
        "id = \"code-reviews\"\ngroup = \"people\"",
    );
    assert_reported(
        &errors,
        "responsibilities[id = \"code-reviews\"].group",
        "a translation changes only words",
    );
}

#[test]
fn a_translation_may_not_change_a_number() {
    let errors = translation_errors("split_from = 9", "split_from = 10");
    assert_reported(
        &errors,
        "team_size.split_from",
        "is 10 here but 9 in the original",
    );
}

#[test]
fn a_translation_may_not_rename_or_reorder_entries() {
    let errors = translation_errors("id = \"reporting\"", "id = \"reporting-lines\"");
    assert_reported(&errors, "facts", "has the ids");
}

#[test]
fn a_translation_is_in_another_language() {
    let errors = translation_errors("code = \"de\"", "code = \"en\"");
    assert_reported(
        &errors,
        "language.code",
        "the language of the file it translates",
    );
}
