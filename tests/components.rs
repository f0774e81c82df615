//! Component tests: mount the real App (or one component) in headless Chromium, drive it with
//! DOM events, await Yew's scheduler, and read the DOM back.
#![cfg(target_arch = "wasm32")]

use two_hats::components::Recommendation;
use two_hats::core::content::CONTENT;
use two_hats::core::recommend::{recommend, Inputs};
use two_hats::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};
use yew::scheduler::flush;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh root per test, so tests never see each other's DOM.
fn new_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn address_query() -> String {
    web_sys::window().unwrap().location().search().unwrap()
}

fn set_address_query(query: &str) {
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(query))
        .unwrap();
}

/// Mounts the App on a clean address, since the App reads its state from the URL.
async fn mount_app() -> Element {
    mount_app_at("?").await
}

async fn mount_app_at(query: &str) -> Element {
    set_address_query(query);
    let root = new_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    flush().await;
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(kind, &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

async fn slide_to(root: &Element, team: u8) {
    let slider: HtmlInputElement = find(root, "#team-size").unchecked_into();
    slider.set_value(&team.to_string());
    fire(&slider, "input");
    flush().await;
}

async fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
    flush().await;
}

fn column_headers(root: &Element) -> Vec<String> {
    let headers = root
        .query_selector_all(".matrix thead th.matrix__role abbr")
        .unwrap();
    (0..headers.length())
        .map(|i| headers.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn slider_moves_the_recommendation_from_hybrid_to_split() {
    let root = mount_app().await;
    slide_to(&root, 5).await;
    assert!(text(&root, ".recommendation__setup").contains("hybrid Tech Lead Manager"));
    assert!(root.query_selector(".time-split").unwrap().is_some());

    slide_to(&root, 12).await;
    let setup = text(&root, ".recommendation__setup");
    assert!(setup.starts_with("12 engineers"), "{setup}");
    assert!(setup.contains("Split"), "{setup}");
    assert!(root.query_selector(".time-split").unwrap().is_none());
    assert_eq!(
        find(&root, ".team-size__value").text_content().unwrap(),
        "12"
    );
}

#[wasm_bindgen_test]
async fn recommendation_is_announced_politely() {
    let root = mount_app().await;
    let live = find(&root, ".recommendation__setup");
    assert_eq!(live.get_attribute("aria-live").as_deref(), Some("polite"));
}

#[wasm_bindgen_test]
async fn the_recommended_roles_are_marked_around_a_matrix_that_stays_the_same() {
    let root = mount_app().await;
    let region = find(&root, ".layout__later");
    slide_to(&root, 5).await;
    assert_eq!(
        region.get_attribute("data-recommended").as_deref(),
        Some("tlm")
    );
    let matrix = find(&root, ".matrix-frame").outer_html();
    for role in ["tl", "em", "tlm"] {
        let header = format!(".matrix__role--{role} .matrix__badge");
        assert_eq!(
            count(&root, &header),
            1,
            "{role}'s column has its badge, for the stylesheet"
        );
    }
    slide_to(&root, 12).await;
    assert_eq!(
        region.get_attribute("data-recommended").as_deref(),
        Some("tl em")
    );
    assert_eq!(
        find(&root, ".matrix-frame").outer_html(),
        matrix,
        "nothing in the matrix redrawn"
    );
}

#[wasm_bindgen_test]
async fn modifiers_keep_a_hybrid_just_past_the_split_point() {
    let root = mount_app().await;
    slide_to(&root, 9).await;
    assert!(text(&root, ".recommendation__setup").contains("Split"));
    click(&root, ".team-size__modifiers input").await;
    assert!(text(&root, ".recommendation__setup").contains("hybrid"));
    assert!(text(&root, ".flags").contains("Burn-out"));
}

#[wasm_bindgen_test]
async fn role_picker_changes_the_columns() {
    let root = mount_app().await;
    assert_eq!(column_headers(&root), ["TL", "EM", "TLM"]);
    let options = root
        .query_selector_all("input[name=compared-roles]")
        .unwrap();
    options
        .item(0)
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    flush().await;
    assert_eq!(column_headers(&root), ["TL", "EM"]);
    assert_eq!(count(&root, ".role-card"), 2);
    options
        .item(2)
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    flush().await;
    assert_eq!(column_headers(&root), ["EM", "TLM"]);
}

#[wasm_bindgen_test]
async fn a_row_opens_to_its_explanation_and_sources() {
    let root = mount_app().await;
    let toggle = "#responsibilities-heading ~ .matrix-frame .duty__toggle";
    let first = CONTENT.responsibilities[0].explanation.text;
    assert_eq!(
        find(&root, toggle)
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("false")
    );
    click(&root, toggle).await;
    assert_eq!(
        find(&root, toggle)
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    let detail = find(&root, ".duty-detail:not([hidden])");
    assert!(detail.text_content().unwrap().contains(first));
    assert!(
        detail.query_selector("cite").unwrap().is_some(),
        "sources are named"
    );
    click(&root, toggle).await;
    assert_eq!(count(&root, ".duty-detail:not([hidden])"), 0);
}

#[wasm_bindgen_test]
async fn group_filter_and_difference_toggle_narrow_the_rows() {
    let root = mount_app().await;
    let all = count(&root, "tr.duty");
    assert_eq!(all as usize, CONTENT.responsibilities.len());

    let select: HtmlSelectElement = find(&root, ".matrix-filters select").unchecked_into();
    select.set_value("1");
    fire(&select, "change");
    flush().await;
    let people = CONTENT
        .responsibilities
        .iter()
        .filter(|r| r.group.0 == 1)
        .count();
    assert_eq!(count(&root, "tr.duty") as usize, people);
    assert_eq!(count(&root, "tbody.matrix__group"), 1);

    select.set_value("");
    fire(&select, "change");
    flush().await;
    click(&root, "input[name=compared-roles]").await;
    click(&root, ".matrix-filters input[type=checkbox]").await;
    let differing = count(&root, "tr.duty");
    assert!(differing > 0 && differing < all, "{differing} of {all}");
}

#[wasm_bindgen_test]
async fn an_unsourced_size_says_so() {
    let root = new_root();
    let advice = recommend(
        &CONTENT.team_size,
        Inputs {
            team: 2,
            new_team: false,
            lead_has_done_both: false,
        },
    );
    yew::Renderer::<Recommendation>::with_root_and_props(
        root.clone(),
        two_hats::components::RecommendationProps {
            advice,
            author_sizes: None,
            folded: false,
        },
    )
    .render();
    flush().await;
    assert!(text(&root, ".flags").contains("No source"));
    assert!(text(&root, ".recommendation__setup").contains("hands-on lead"));
    assert!(
        root.query_selector(".time-split").unwrap().is_none(),
        "no leadership split for a lead who mostly codes"
    );
    assert_eq!(
        count(&root, ".recommendation__coding"),
        0,
        "no coding range to head"
    );
    let reasons = find(&root, ".recommendation__reasons");
    assert!(
        reasons
            .query_selector(".citation--derived details")
            .unwrap()
            .is_some(),
        "the size is the widget's own reading, with its reasoning"
    );
}

#[wasm_bindgen_test]
async fn the_tlm_column_and_range_are_marked_as_our_reading_with_the_reasoning() {
    let root = mount_app().await;
    let tlm = two_hats::core::content::RoleKey::TechLeadManager.role();
    let levels = tlm.levels.as_ref().expect("the TLM column is derived");
    let header = find(&root, ".matrix thead th:last-child");
    assert!(header.text_content().unwrap().contains("Our reading"));
    assert_eq!(
        count(&root, ".matrix thead .matrix__derived"),
        1,
        "only TLM"
    );
    let note = find(&root, ".matrix__derived-note");
    assert!(note
        .text_content()
        .unwrap()
        .contains("Tech Lead Manager column"));
    assert_eq!(
        text(&root, ".matrix__derived-note summary"),
        "How we read it"
    );
    assert_eq!(
        text(&root, ".matrix__derived-note details p"),
        levels.reasoning
    );
    assert!(text(&root, ".matrix__derived-note .citation__line").starts_with("Our reading of:"));

    let derived = root
        .query_selector_all(".role-card--tlm .citation--derived")
        .unwrap();
    let derived: Vec<String> = (0..derived.length())
        .map(|i| derived.item(i).unwrap().text_content().unwrap_or_default())
        .collect();
    for reasoning in [tlm.coding.reasoning, tlm.measured_by.reasoning] {
        let reasoning = reasoning.expect("the hybrid's range and scorecard are our reading");
        assert!(
            derived.iter().any(|text| text.contains(reasoning)),
            "{derived:?}"
        );
    }
    assert_eq!(count(&root, ".role-card--tl .citation--derived"), 0);

    // Leave the TLM out: the column's note goes with it.
    click(&root, "input[name=compared-roles]").await;
    assert_eq!(count(&root, ".matrix__derived-note"), 0);
    assert_eq!(count(&root, ".matrix thead .matrix__derived"), 0);
}

#[wasm_bindgen_test]
async fn nine_and_ten_show_the_opinion_pieces_two_answers_and_a_new_team_stays_hybrid() {
    let root = mount_app().await;
    slide_to(&root, 8).await;
    assert_eq!(count(&root, ".tension"), 0);
    for team in [9, 10] {
        slide_to(&root, team).await;
        assert_eq!(count(&root, ".tension .tension__answer"), 2, "team {team}");
        assert_eq!(text(&root, ".tension__heading"), "One source, two answers");
        let titles = root.query_selector_all(".tension__answer cite").unwrap();
        assert_eq!(titles.length(), 2);
        assert_eq!(
            titles.item(0).unwrap().text_content(),
            titles.item(1).unwrap().text_content(),
            "both answers come from one article"
        );
        assert!(text(&root, ".tension").contains("startup of ten"));
        assert_eq!(
            count(&root, ".tension .disagreement__position"),
            2,
            "what the other articles make the split depend on, beside the two answers"
        );
        assert!(text(&root, ".recommendation__setup").contains("Split"));
    }
    // The team is new: a hybrid for a while, with the split planned.
    click(&root, ".team-size__modifiers input").await;
    assert!(text(&root, ".recommendation__setup").contains("hybrid"));
    assert!(text(&root, ".flag--stretched").contains("plan the split"));
    assert!(root.query_selector(".time-split").unwrap().is_some());
    slide_to(&root, 11).await;
    assert_eq!(count(&root, ".tension"), 0);
    assert_eq!(count(&root, ".flag--stretched"), 0);
    assert!(text(&root, ".recommendation__setup").contains("Split"));
}

#[wasm_bindgen_test]
async fn the_announced_recommendation_is_updated_in_place_as_blocks_come_and_go() {
    let root = mount_app().await;
    let live = find(&root, ".recommendation__setup");
    let table = find(&root, "table.matrix");
    for team in [8, 9, 10, 11, 5] {
        slide_to(&root, team).await;
        assert!(
            live.is_connected(),
            "the live region was replaced at {team}"
        );
    }
    click(&root, "input[name=compared-roles]").await;
    assert!(
        table.is_connected(),
        "the table was rebuilt when the TLM's note went"
    );
}

#[wasm_bindgen_test]
async fn who_sets_priorities_shows_both_sources_positions() {
    let root = mount_app().await;
    let rows = root.query_selector_all("tr.duty").unwrap();
    let priorities = (0..rows.length())
        .map(|index| rows.item(index).unwrap().unchecked_into::<Element>())
        .find(|row| {
            row.text_content()
                .unwrap_or_default()
                .contains("Setting priorities")
        })
        .expect("a priorities row");
    assert!(priorities
        .text_content()
        .unwrap()
        .contains("Sources disagree"));
    priorities
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into::<HtmlElement>()
        .click();
    flush().await;
    let positions = root
        .query_selector_all(".duty-detail:not([hidden]) .disagreement__position cite")
        .unwrap();
    assert_eq!(positions.length(), 2);
    assert_ne!(
        positions.item(0).unwrap().text_content(),
        positions.item(1).unwrap().text_content()
    );
}

#[wasm_bindgen_test]
async fn disagreements_beyond_the_matrix_show_every_position_where_the_topic_is() {
    let root = mount_app_at("?team=12").await;
    let positions = |selector: &str| {
        let list = root.query_selector_all(selector).unwrap();
        (0..list.length())
            .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
            .collect::<Vec<_>>()
    };
    let split = positions(".recommendation__reason .disagreement__position cite");
    assert_eq!(
        split.len(),
        2,
        "when to split, beside the reason's head count: {split:?}"
    );
    let mut distinct = split.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 2, "one position per article: {split:?}");
    let rung = positions(".fact .disagreement__position");
    assert!(rung.len() >= 2, "is TL a rung: {rung:?}");
    let late_sprint = positions(".scenario .disagreement__position");
    assert!(
        late_sprint.len() >= 2,
        "delegate or dive in: {late_sprint:?}"
    );
}

#[wasm_bindgen_test]
async fn a_recommended_role_left_out_of_the_comparison_is_pointed_out() {
    let root = mount_app().await;
    slide_to(&root, 5).await;
    assert_eq!(count(&root, ".matrix__hint"), 0, "all three compared");
    click(&root, "input[name=compared-roles]").await;
    // TL and EM compared: the TLM's hint, which the stylesheet shows while it is recommended.
    assert_eq!(count(&root, ".matrix__hint"), 1);
    assert!(text(&root, ".matrix__hint--tlm").contains("Tech Lead Manager"));
}

#[wasm_bindgen_test]
async fn the_address_opens_and_follows_the_state() {
    let root = mount_app_at("?team=12&roles=em,tlm&theme=dark").await;
    assert!(text(&root, ".recommendation__setup").starts_with("12 engineers"));
    assert_eq!(column_headers(&root), ["EM", "TLM"]);
    let html = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .document_element()
        .unwrap();
    assert_eq!(html.get_attribute("data-theme").as_deref(), Some("dark"));

    slide_to(&root, 3).await;
    assert_eq!(address_query(), "?team=3&roles=em,tlm&theme=dark");
    click(&root, ".matrix-filters input[type=checkbox]").await;
    assert_eq!(address_query(), "?team=3&roles=em,tlm&diff=1&theme=dark");
    html.remove_attribute("data-theme").unwrap();
}

#[wasm_bindgen_test]
async fn the_self_assessment_leans_with_the_answers() {
    let root = mount_app().await;
    assert!(text(&root, ".quiz__result").contains("Answer any question"));
    let questions = root.query_selector_all(".quiz__question").unwrap();
    for index in 0..questions.length() {
        let question: Element = questions.item(index).unwrap().unchecked_into();
        // The last option of every question leans furthest to the EM.
        let options = question.query_selector_all("input[type=radio]").unwrap();
        let last: HtmlElement = options.item(options.length() - 1).unwrap().unchecked_into();
        last.click();
        flush().await;
    }
    let verdict = text(&root, ".quiz__verdict");
    assert!(verdict.ends_with("Engineering Manager"), "{verdict}");
    assert!(address_query().contains("quiz="));
    click(&root, ".quiz__questions button").await;
    assert!(text(&root, ".quiz__result").contains("Answer any question"));
}

#[wasm_bindgen_test]
async fn the_language_menu_links_each_language_with_the_state_on_screen() {
    let root = mount_app_at("?team=12&roles=tl,em").await;
    let links = root.query_selector_all("nav.languages a").unwrap();
    let names: Vec<String> = (0..links.length())
        .map(|index| {
            links
                .item(index)
                .unwrap()
                .text_content()
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(names, ["English", "Deutsch"]);
    let english = find(&root, "nav.languages a[hreflang=en]");
    assert_eq!(
        english.get_attribute("aria-current").as_deref(),
        Some("true")
    );
    assert_eq!(english.get_attribute("lang").as_deref(), Some("en"));
    let german = find(&root, "nav.languages a[hreflang=de]");
    assert_eq!(german.get_attribute("aria-current"), None);
    assert_eq!(german.get_attribute("lang").as_deref(), Some("de"));
    assert_eq!(
        german.get_attribute("href").as_deref(),
        Some("?team=12&roles=tl,em&lang=de")
    );

    slide_to(&root, 4).await;
    let german = find(&root, "nav.languages a[hreflang=de]");
    assert_eq!(
        german.get_attribute("href").as_deref(),
        Some("?team=4&roles=tl,em&lang=de")
    );
}

fn address_hash() -> String {
    web_sys::window().unwrap().location().hash().unwrap()
}

#[wasm_bindgen_test]
async fn the_team_check_finds_what_an_answer_breaks_and_its_move_settles_it() {
    let root = mount_app_at("?view=check#size=14&lead=one").await;
    flush().await;
    assert_eq!(count(&root, "[data-finding]"), 1);
    assert_eq!(count(&root, "[data-finding=split-now]"), 1);
    assert!(text(&root, "[data-finding=split-now]").contains("One person leads 14 engineers"));

    let hiring: HtmlSelectElement = find(&root, "#team-check-duty-hiring").unchecked_into();
    assert_eq!(
        hiring.value(),
        "both",
        "the one lead, as the articles have it"
    );
    hiring.set_value("none");
    fire(&hiring, "change");
    flush().await;
    assert_eq!(count(&root, "[data-finding=unowned][data-duty=hiring]"), 1);
    assert_eq!(address_hash(), "#size=14&lead=one&o.hiring=none");
    assert!(text(&root, ".team-check__summary").starts_with("Rules broken: 1 · Risks: 1"));

    click(&root, "[data-finding=unowned] button").await;
    assert_eq!(count(&root, "[data-finding=unowned]"), 0);
    let now: HtmlSelectElement = find(&root, "#team-check-duty-hiring").unchecked_into();
    assert!(
        now.is_same_node(Some(&hiring)),
        "the menu was drawn anew, and a keyboard reader's focus lost with it"
    );
    assert_eq!(hiring.value(), "both");
    click(&root, "[data-finding=split-now] button").await;
    assert_eq!(count(&root, "[data-finding]"), 0);
    assert_eq!(address_hash(), "#size=14");
    let lead: HtmlInputElement =
        find(&root, "input[name=team-check-lead][value=two]").unchecked_into();
    assert!(lead.checked());
}

#[wasm_bindgen_test]
async fn a_drag_back_and_forth_over_its_start_is_one_history_entry() {
    let history = web_sys::window().unwrap().history().unwrap();
    let root = mount_app_at("?team=30").await;
    let before = history.length().unwrap();
    for team in [31, 30, 31, 30, 31] {
        slide_to(&root, team).await;
    }
    assert_eq!(history.length().unwrap(), before + 1);
}
