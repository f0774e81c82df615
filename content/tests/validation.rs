//! The shipped content file compiles, and each kind of mistake is reported at its entry and field.

mod common;

use common::{assert_reported, replaced};
use two_hats_content::{compile, ContentError};

const SHIPPED: &str = include_str!("../two-hats.toml");

fn errors_after(find: &str, replace: &str) -> Vec<ContentError> {
    compile(&replaced(SHIPPED, find, replace)).expect_err("the broken file should not compile")
}

#[test]
fn shipped_content_compiles_to_rust_statics() {
    let source = compile(SHIPPED).unwrap_or_else(|errors| panic!("{errors:#?}"));
    assert!(source.contains("static BUILT_IN: Content"));
    assert!(source.contains("pub enum Reason"));
    assert!(source.contains("BurnOut"));
}

#[test]
fn unknown_level_names_the_row_and_role() {
    let errors = errors_after(
        "id = \"velocity\"\ngroup = \"delivery\"\nname = \"Team velocity\"\ntl = \"shares\"",
        "id = \"velocity\"\ngroup = \"delivery\"\nname = \"Team velocity\"\ntl = \"own\"",
    );
    assert_reported(
        &errors,
        "responsibilities[id = \"velocity\"].tl",
        "unknown level \"own\"",
    );
}

#[test]
fn unknown_source_names_the_field() {
    let errors = errors_after(
        "sources = [\"both\", \"stevens\"]\n\n[[responsibilities]]\nid = \"team-culture\"",
        "sources = [\"both\", \"stevnes\"]\n\n[[responsibilities]]\nid = \"team-culture\"",
    );
    assert_reported(
        &errors,
        "responsibilities[id = \"delegation\"].sources",
        "unknown source \"stevnes\"",
    );
}

#[test]
fn unknown_group_is_reported() {
    let errors = errors_after(
        "group = \"people\"\nname = \"One-on-ones\"",
        "group = \"humans\"\nname = \"One-on-ones\"",
    );
    assert_reported(
        &errors,
        "responsibilities[id = \"one-on-ones\"].group",
        "unknown group \"humans\"",
    );
}

#[test]
fn duplicate_ids_are_reported() {
    let errors = errors_after("id = \"spikes\"", "id = \"code-reviews\"");
    assert_reported(
        &errors,
        "responsibilities[id = \"code-reviews\"].id",
        "used twice",
    );
}

#[test]
fn missing_field_is_named_by_the_parser() {
    let errors = errors_after(
        "explanation = \"Regular one-on-ones",
        "explanations = \"Regular one-on-ones",
    );
    assert_eq!(errors.len(), 1);
    assert!(errors[0].message.contains("explanations"), "{errors:#?}");
}

#[test]
fn long_explanation_is_refused() {
    let errors = errors_after(
        "explanation = \"Making the team's work seen and credited is listed as shared.\"",
        "explanation = \"One. Two. Three. Four.\"",
    );
    assert_reported(
        &errors,
        "responsibilities[id = \"team-visibility\"].explanation",
        "4 sentences",
    );
}

const JUNIOR_TL: &str = "text = \"Spends an hour pair-programming with them on the exact code they are stuck on.\"\nsources = [\"showdown\"]";
const JUNIOR_TL_AT: &str = "scenarios[id = \"struggling-junior\"].tl";

fn junior_tl_with(basis: &str) -> Vec<ContentError> {
    errors_after(
        JUNIOR_TL,
        &format!("text = \"Spends an hour pair-programming with them on the exact code they are stuck on.\"\n{basis}"),
    )
}

#[test]
fn a_text_that_neither_cites_nor_derives_is_refused() {
    for basis in ["sources = []", "", "derived_from = []"] {
        assert_reported(
            &junior_tl_with(basis),
            &format!("{JUNIOR_TL_AT}.sources"),
            "cites no source and derives from none",
        );
    }
}

#[test]
fn a_derived_text_needs_its_reasoning_and_only_it_has_one() {
    assert_reported(
        &junior_tl_with("derived_from = [\"showdown\"]"),
        &format!("{JUNIOR_TL_AT}.reasoning"),
        "is missing",
    );
    assert_reported(
        &junior_tl_with("derived_from = [\"showdown\"]\nreasoning = \"  \""),
        &format!("{JUNIOR_TL_AT}.reasoning"),
        "is missing",
    );
    assert_reported(
        &junior_tl_with("sources = [\"showdown\"]\nreasoning = \"Because.\""),
        &format!("{JUNIOR_TL_AT}.reasoning"),
        "belongs to a derived statement",
    );
    assert_reported(
        &junior_tl_with("derived_from = [\"showdown\"]\nreasoning = \"One. Two. Three.\""),
        &format!("{JUNIOR_TL_AT}.reasoning"),
        "3 sentences",
    );
    assert_reported(
        &junior_tl_with("derived_from = [\"showdwn\"]\nreasoning = \"Read so.\""),
        &format!("{JUNIOR_TL_AT}.derived_from"),
        "unknown source \"showdwn\"",
    );
    let compiled = compile(&replaced(
        SHIPPED,
        JUNIOR_TL,
        "text = \"Pairs with them.\"\nderived_from = [\"showdown\"]\nreasoning = \"Read so.\"",
    ))
    .unwrap_or_else(|errors| panic!("{errors:#?}"));
    assert!(compiled.contains("Cited { text: \"Pairs with them.\", sources: &[SourceId(0)], reasoning: Some(\"Read so.\") }"));
}

#[test]
fn a_text_is_either_a_paraphrase_or_derived_never_both() {
    assert_reported(
        &junior_tl_with(
            "sources = [\"showdown\"]\nderived_from = [\"both\"]\nreasoning = \"Read so.\"",
        ),
        &format!("{JUNIOR_TL_AT}.derived_from"),
        "is given beside sources",
    );
}

#[test]
fn a_derived_role_column_and_range_are_checked_like_any_text() {
    let errors = errors_after(
        "levels_derived_from = [\"both\", \"ladders\", \"showdown\"]\n",
        "",
    );
    assert_reported(&errors, "roles.tlm.levels_derived_from", "is missing");
    let errors = errors_after("coding_derived_from = [\"ladders\", \"showdown\"]\n", "");
    assert_reported(
        &errors,
        "roles.tlm.coding_sources",
        "cites no source and derives from none",
    );
    assert_reported(
        &errors,
        "roles.tlm.coding_reasoning",
        "belongs to a derived statement",
    );
}

#[test]
fn the_startup_size_lies_between_the_split_and_several_teams() {
    let errors = errors_after("startup_size = 10", "startup_size = 8");
    assert_reported(
        &errors,
        "team_size.startup_size",
        "split_from <= startup_size < multi_team_from",
    );
}

#[test]
fn missing_and_unknown_reasons_are_reported() {
    let errors = errors_after("[reasons.burn-out]", "[reasons.burnout]");
    assert_reported(&errors, "reasons.burn-out", "missing");
    assert_reported(&errors, "reasons.burnout", "not used by the rules");
}

#[test]
fn a_finding_without_sources_or_reasoning_is_refused() {
    let errors = errors_after(
        "and the other {second}. Two leads who see the split of duties differently are what the ladder warns against: it breeds conflicts and misunderstandings.\"\nsources = [\"ladders\"]",
        "and the other {second}.\"",
    );
    assert_reported(
        &errors,
        "findings.perspectives-differ.sources",
        "cites no source and derives from none",
    );
    let errors = errors_after(
        "reasoning = \"Each article has a team led by a TL",
        "reason = \"Each article has a team led by a TL",
    );
    assert!(!errors.is_empty());
}

#[test]
fn findings_are_checked_for_presence_and_placeholders() {
    let errors = errors_after("[findings.tl-trap]", "[findings.tl-traps]");
    assert_reported(&errors, "findings.tl-trap", "missing");
    assert_reported(
        &errors,
        "findings.tl-traps",
        "not a finding the team check makes",
    );
    let errors = errors_after("Nobody does {duty}.", "Nobody does {task}.");
    assert_reported(&errors, "findings.unowned.text", "must contain {duty}");
    assert_reported(
        &errors,
        "findings.unowned.text",
        "unknown placeholder {task}",
    );
}

#[test]
fn disordered_thresholds_are_reported() {
    let errors = errors_after("split_from = 9", "split_from = 2");
    assert_reported(&errors, "team_size", "hybrid_from < split_from");
}

#[test]
fn time_split_must_add_up() {
    let errors = errors_after("hybrid_people_percent = 40", "hybrid_people_percent = 50");
    assert_reported(&errors, "team_size.hybrid_people_percent", "add up to 100");
}

#[test]
fn a_lone_disagreement_position_is_refused() {
    let errors = errors_after(
        "[[responsibilities.disagreement]]\ntext = \"A developer can be TL",
        "[[responsibilities.notadisagreement]]\ntext = \"A developer can be TL",
    );
    assert_eq!(
        errors.len(),
        1,
        "unknown table is a parse error: {errors:#?}"
    );
    let errors = errors_after(
        "\n[[responsibilities.disagreement]]\ntext = \"A developer can be TL for several projects at once, on top of their own work.\"\nsources = [\"key-differences\"]\n",
        "\n",
    );
    assert_reported(
        &errors,
        "responsibilities[id = \"multi-team-scope\"].disagreement",
        "at least two",
    );
}

#[test]
fn uncited_source_is_reported() {
    let extra = "[[sources]]\nid = \"unused\"\ntitle = \"Unused\"\ndetail = \"\"\n\n[[sources]]\nid = \"showdown\"";
    let errors = errors_after("[[sources]]\nid = \"showdown\"", extra);
    assert_reported(&errors, "sources[id = \"unused\"]", "never cited");
}

#[test]
fn contradicting_texts_whose_declared_states_overlap_are_refused() {
    let errors = errors_after(
        "fits = { setups = [\"split\", \"multi-team\"], new = false, contradicts",
        "fits = { setups = [\"split\", \"multi-team\"], contradicts",
    );
    assert_eq!(errors[0].at, "reasons.established-team.fits.contradicts");
    assert_eq!(
        errors[0].message,
        "names \"card.new-team\", yet both declare they fit setups split/multi-team, \
         new = true: narrow one so no state shows both"
    );
    assert!(
        errors[0].line.is_some(),
        "the error points at the reason's line"
    );
    assert_eq!(errors.len(), 1, "{errors:#?}");
}

#[test]
fn declarations_name_known_zones_and_setups_and_every_card_text() {
    let errors = errors_after(
        "setup-split = { zones = [\"split\"], setups = [\"split\"] }\n",
        "",
    );
    assert_reported(&errors, "card.setup-split", "is missing");
    let errors = errors_after(
        "fits = { zones = [\"hybrid\"], setups = [\"hybrid\"] }",
        "fits = { zones = [\"small\"], setups = [\"hybrid\"], sizes = [9, 3] }",
    );
    assert_reported(
        &errors,
        "reasons.hybrid-range.fits.zones",
        "unknown \"small\"",
    );
    assert_reported(
        &errors,
        "reasons.hybrid-range.fits.sizes",
        "[9, 3] must satisfy",
    );
}
