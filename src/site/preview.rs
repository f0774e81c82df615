//! The link preview cards: for the whole widget and for each part, a page of 1,200 × 630 px
//! drawn from the content, which `cargo xtask previews` photographs into `previews/<slug>.png`
//! for the Open Graph tags to name. Pure text, like `publish`; the card's look is the widget's
//! theme and `styles/preview.css`.
//!
//! Each PNG carries the fingerprint of the page and stylesheets it was taken from, so a test can
//! tell when the content or the look has moved on without the images.

use crate::core::check::findings::findings;
use crate::core::check::fragment;
use crate::core::check::words::{finding_text, lead_label, severity_label};
use crate::core::content::{Level, Role, RoleKey, Text, CONTENT};
use crate::core::html::text;
use crate::core::recommend::{recommend, zone_ranges, Inputs, Zone};
use crate::core::state::{Part, Parts};

use super::fnv1a;

/// The folder each part's own address lives in, and its oEmbed response's name. The whole
/// widget's response is `oembed/all.json`.
pub fn slug(view: Parts) -> &'static str {
    match view.iter().collect::<Vec<_>>()[..] {
        [part] if view != Parts::ALL => part.slug(),
        _ => "all",
    }
}

/// The size every platform's large preview card expects.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// The PNG text chunk's keyword under which an image keeps its card's fingerprint.
pub const FINGERPRINT_KEYWORD: &str = "two-hats-card";

/// The stylesheets a card's page links, by name, in order: the widget's own theme, so the
/// cards wear its colours and type, then the cards' layout. `cargo xtask previews` puts them
/// beside the page; the fingerprint covers them.
pub const STYLESHEETS: [(&str, &str); 2] = [
    ("theme.css", include_str!("../../styles/theme.css")),
    ("preview.css", include_str!("../../styles/preview.css")),
];

/// How many duties, facts or situations a card has room for.
const MATRIX_ROWS: usize = 5;
const FACTS: usize = 4;

/// What a preview card shows, in words and in HTML.
pub struct Card {
    /// `all` or the part's slug: the image's file name.
    pub slug: &'static str,
    pub title: String,
    /// The image's alternative text: the title and what the picture lists.
    pub alt: String,
    body: String,
}

/// Every card: the whole widget's, then each part's in page order.
pub fn cards() -> impl Iterator<Item = Card> {
    [Parts::ALL]
        .into_iter()
        .chain(Part::ALL.into_iter().filter_map(|part| Parts::of(&[part])))
        .map(card)
}

/// The card for `view`, the whole widget or a single part.
pub fn card(view: Parts) -> Card {
    let part = match view.iter().collect::<Vec<_>>()[..] {
        [part] if view != Parts::ALL => Some(part),
        _ => None,
    };
    let (title, body, summary) = match part {
        None => whole(),
        Some(Part::Team) => team(),
        Some(Part::Matrix) => matrix(),
        Some(Part::Compare) => compare(),
        Some(Part::Check) => check(),
        Some(Part::Situations) => situations(),
        Some(Part::Quiz) => quiz(),
        Some(Part::Facts) => facts(),
    };
    let kicker = part.map_or(String::new(), |_| {
        format!(
            r#"<p class="card__kicker">{}</p>"#,
            text(Text::PageTitle.get())
        )
    });
    Card {
        slug: slug(view),
        alt: Text::PreviewAlt.fill(&[("title", &title), ("summary", &summary.join("; "))]),
        body: format!(
            r#"{kicker}<h1 class="card__title">{}</h1>{body}<p class="card__footer">{}</p>"#,
            text(&title),
            text(Text::PreviewFooter.get())
        ),
        title,
    }
}

impl Card {
    /// The page `cargo xtask previews` photographs, with `STYLESHEETS` beside it, in the light
    /// theme. Its script marks whether the card's content fits, which the command checks:
    /// longer words in an author's content would otherwise be cut off without a word.
    pub fn document(&self) -> String {
        let stylesheets: String = STYLESHEETS
            .iter()
            .map(|(name, _)| format!(r#"<link rel="stylesheet" href="{name}">"#))
            .collect();
        format!(
            r#"<!doctype html><html lang="{}" data-theme="light"><head><meta charset="utf-8"><title>{}</title>{stylesheets}</head><body><main class="card card--{}">{}</main><script>const card = document.querySelector("main"); document.documentElement.dataset.fits = card.scrollHeight <= card.clientHeight && card.scrollWidth <= card.clientWidth;</script></body></html>
"#,
            CONTENT.language.code,
            text(&self.title),
            self.slug,
            self.body
        )
    }

    /// The PNG text chunk's data that carries the fingerprint: keyword, NUL, text.
    pub fn text_chunk(&self) -> String {
        let [(_, theme), (_, layout)] = STYLESHEETS;
        format!(
            "{FINGERPRINT_KEYWORD}\0{}",
            self.fingerprint(&[theme, layout])
        )
    }

    /// Names the card's page and its stylesheets together: when any changes, the image taken
    /// from them is out of date.
    fn fingerprint(&self, stylesheets: &[&str]) -> String {
        let document = self.document();
        let parts: Vec<&[u8]> = [document.as_str()]
            .iter()
            .chain(stylesheets)
            .map(|part| part.as_bytes())
            .collect();
        format!("{:016x}", fnv1a(&parts))
    }
}

type Drawn = (String, String, Vec<String>);

fn whole() -> Drawn {
    let (roles, summary) = roles(false);
    (
        Text::PageTitle.get().to_owned(),
        format!(
            r#"<p class="card__lead">{}</p><ul class="roles">{roles}</ul>"#,
            text(Text::Question.get())
        ),
        summary,
    )
}

/// The three roles side by side, each with its focus and, on the comparison's card, its share
/// of the week in code; and the same in words.
fn roles(with_coding: bool) -> (String, Vec<String>) {
    let coding =
        |role: &Role| with_coding.then(|| (Text::HandsOnCoding.get(), role.coding.to_string()));
    let cards = RoleKey::ALL
        .into_iter()
        .map(|key| {
            let role = key.role();
            let coding = coding(role).map_or(String::new(), |(label, range)| {
                format!(
                    r#"<span class="role__coding">{}: <span class="role__range">{}</span></span>"#,
                    text(label),
                    text(&range)
                )
            });
            format!(
                r#"<li class="role"><span class="role__name">{}</span><span class="role__focus">{}</span>{coding}</li>"#,
                text(role.name),
                text(role.focus.text)
            )
        })
        .collect();
    let summary = RoleKey::ALL
        .into_iter()
        .map(|key| {
            let role = key.role();
            let coding =
                coding(role).map_or(String::new(), |(label, range)| format!(" {label}: {range}"));
            format!("{}: {}{coding}", role.name, role.focus.text)
        })
        .collect();
    (cards, summary)
}

/// The slider's zones, each with its sizes and what the widget recommends there.
fn team() -> Drawn {
    let sizes = &CONTENT.team_size;
    let zones: Vec<(Zone, String, &str, &str)> = zone_ranges(sizes)
        .map(|(zone, from, to)| {
            let advice = recommend(
                sizes,
                Inputs {
                    team: from,
                    new_team: false,
                    lead_has_done_both: false,
                },
            );
            (
                zone,
                format!("{from}–{to}"),
                zone.label(),
                advice.setup.title(),
            )
        })
        .collect();
    let items: Vec<String> = zones
        .iter()
        .map(|(zone, range, label, setup)| {
            let class = match zone {
                Zone::BelowSources => "below",
                Zone::Hybrid => "hybrid",
                Zone::Split => "split",
                Zone::MultiTeam => "multi-team",
            };
            format!(
                r#"<li class="zone zone--{class}"><span class="zone__range">{}</span><span class="zone__label">{}</span><span class="zone__setup">{}</span></li>"#,
                text(range),
                text(label),
                text(setup)
            )
        })
        .collect();
    let summary = zones
        .iter()
        .map(|(_, range, label, setup)| format!("{range}: {label}, {setup}"))
        .collect();
    (
        Part::Team.name().to_owned(),
        format!(
            r#"<p class="card__lead">{}</p><ol class="zones">{}</ol>"#,
            text(Text::TeamSizeLabel.get()),
            items.concat()
        ),
        summary,
    )
}

/// A few duties on which the Tech Lead and the Engineering Manager differ.
fn matrix() -> Drawn {
    let differing: Vec<_> = CONTENT
        .row_ids()
        .filter(|id| {
            id.row()
                .differs_between([RoleKey::TechLead, RoleKey::EngineeringManager])
        })
        .collect();
    // One duty from each group first, so the card shows both sides of the split.
    let mut chosen: Vec<_> = CONTENT
        .group_ids()
        .filter_map(|group| differing.iter().find(|id| id.row().group == group).copied())
        .collect();
    for id in &differing {
        if chosen.len() < MATRIX_ROWS && !chosen.contains(id) {
            chosen.push(*id);
        }
    }
    chosen.truncate(MATRIX_ROWS);
    chosen.sort();
    let rows: Vec<_> = chosen.into_iter().map(|id| id.row()).collect();
    let header: String = RoleKey::ALL
        .into_iter()
        .map(|key| format!(r#"<th scope="col">{}</th>"#, text(key.role().short)))
        .collect();
    let cell = |level: Level| {
        format!(
            r#"<td class="level level--{}"><span aria-hidden="true">{}</span> {}</td>"#,
            level.slug(),
            level.symbol(),
            text(level.label())
        )
    };
    let body: String = rows
        .iter()
        .map(|row| {
            let cells: String = RoleKey::ALL
                .into_iter()
                .map(|key| cell(row.level(key)))
                .collect();
            format!(r#"<tr><th scope="row">{}</th>{cells}</tr>"#, text(row.name))
        })
        .collect();
    let summary = rows
        .iter()
        .map(|row| {
            let levels: Vec<String> = RoleKey::ALL
                .into_iter()
                .map(|key| format!("{} {}", key.role().short, row.level(key).label()))
                .collect();
            format!("{}: {}", row.name, levels.join(", "))
        })
        .collect();
    (
        Part::Matrix.name().to_owned(),
        format!(
            r#"<table class="matrix"><thead><tr><th scope="col">{}</th>{header}</tr></thead><tbody>{body}</tbody></table>"#,
            text(Text::Duty.get())
        ),
        summary,
    )
}

fn compare() -> Drawn {
    let (roles, summary) = roles(true);
    (
        Part::Compare.name().to_owned(),
        format!(r#"<ul class="roles">{roles}</ul>"#),
        summary,
    )
}

/// The first situation and each hat's answer to it.
fn situations() -> Drawn {
    let Some(scenario) = CONTENT.scenarios.first() else {
        return (
            Part::Situations.name().to_owned(),
            String::new(),
            Vec::new(),
        );
    };
    let answers: Vec<String> = RoleKey::ALL
        .into_iter()
        .zip(&scenario.responses)
        .map(|(key, response)| {
            format!(
                r#"<li class="answer"><span class="answer__role">{}</span><span class="answer__text">{}</span></li>"#,
                text(key.role().short),
                text(response.text)
            )
        })
        .collect();
    (
        Part::Situations.name().to_owned(),
        format!(
            r#"<p class="card__lead">{}</p><ul class="answers">{}</ul>"#,
            text(scenario.title),
            answers.concat()
        ),
        vec![scenario.title.to_owned()],
    )
}

/// The first question and its answers.
fn quiz() -> Drawn {
    let Some(question) = CONTENT.questions.first() else {
        return (Part::Quiz.name().to_owned(), String::new(), Vec::new());
    };
    let options: String = question
        .options
        .iter()
        .map(|option| format!(r#"<li class="option">{}</li>"#, text(option.text)))
        .collect();
    let listed: Vec<&str> = question.options.iter().map(|option| option.text).collect();
    (
        Part::Quiz.name().to_owned(),
        format!(
            r#"<p class="card__lead">{}</p><ul class="options">{options}</ul>"#,
            text(question.prompt)
        ),
        vec![format!("{} {}", question.prompt, listed.join(" / "))],
    )
}

/// The check's findings for an example team: one person leading twelve engineers and coding
/// most of the week.
fn check() -> Drawn {
    let answers = fragment::parse(CHECK_EXAMPLE);
    let found = findings(&answers, &CONTENT.team_size);
    let items: String = found
        .iter()
        .take(FINDINGS)
        .map(|finding| {
            format!(
                r#"<li class="finding finding--{}"><span class="finding__severity">{}</span><span class="finding__text">{}</span></li>"#,
                finding.severity.key(),
                text(severity_label(finding.severity).get()),
                text(&finding_text(finding, &answers))
            )
        })
        .collect();
    let team = format!(
        "{} · {}",
        Text::engineers(answers.size),
        lead_label(answers.lead).get()
    );
    (
        Part::Check.name().to_owned(),
        format!(
            r#"<p class="card__lead">{}</p><ul class="findings">{items}</ul>"#,
            text(&team)
        ),
        std::iter::once(team)
            .chain(
                found
                    .iter()
                    .take(FINDINGS)
                    .map(|finding| finding_text(finding, &answers)),
            )
            .collect(),
    )
}

/// The example team on the check's card.
const CHECK_EXAMPLE: &str = "size=12&lead=one&tl-coding=60";
/// How many of its findings the card has room for.
const FINDINGS: usize = 2;

fn facts() -> Drawn {
    let facts: Vec<_> = CONTENT.facts.iter().take(FACTS).collect();
    let items: String = facts
        .iter()
        .map(|fact| format!(r#"<li class="fact">{}</li>"#, text(fact.title)))
        .collect();
    (
        Part::Facts.name().to_owned(),
        format!(r#"<ul class="facts">{items}</ul>"#),
        facts.iter().map(|fact| fact.title.to_owned()).collect(),
    )
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn png(slug: &str) -> Vec<u8> {
        let path = format!("{}/previews/{slug}.png", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(&path).unwrap_or_else(|error| {
            panic!("{path}: {error}; run `cargo xtask previews` to draw the preview images")
        })
    }

    /// The PNG's chunks as (type, data), checking the signature and each length.
    fn chunks(png: &[u8]) -> Vec<([u8; 4], &[u8])> {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
        let mut chunks = Vec::new();
        let mut at = 8;
        while at + 8 <= png.len() {
            let length = u32::from_be_bytes(png[at..at + 4].try_into().unwrap()) as usize;
            let kind: [u8; 4] = png[at + 4..at + 8].try_into().unwrap();
            let data = &png[at + 8..at + 8 + length];
            chunks.push((kind, data));
            at += 12 + length;
        }
        assert_eq!(at, png.len(), "the chunks do not end where the file does");
        chunks
    }

    #[test]
    fn every_preview_image_is_a_card_sized_png_of_the_current_content() {
        for card in cards() {
            let png = png(card.slug);
            assert!(
                png.len() <= 120_000,
                "{}.png is {} bytes; a preview card should stay small",
                card.slug,
                png.len()
            );
            let chunks = chunks(&png);
            let (kind, header) = chunks[0];
            assert_eq!(&kind, b"IHDR");
            let width = u32::from_be_bytes(header[0..4].try_into().unwrap());
            let height = u32::from_be_bytes(header[4..8].try_into().unwrap());
            assert_eq!((width, height), (WIDTH, HEIGHT), "{}.png", card.slug);
            let expected = card.text_chunk();
            assert!(
                chunks
                    .iter()
                    .any(|(kind, data)| kind == b"tEXt" && *data == expected.as_bytes()),
                "previews/{}.png was drawn from other content or another stylesheet: run `cargo xtask previews`",
                card.slug
            );
        }
    }

    #[test]
    fn there_is_a_card_for_the_whole_widget_and_for_each_part() {
        let slugs: Vec<&str> = cards().map(|card| card.slug).collect();
        assert_eq!(
            slugs,
            [
                "all",
                "team",
                "matrix",
                "compare",
                "check",
                "situations",
                "quiz",
                "facts"
            ]
        );
        let images = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/previews"))
            .unwrap()
            .count();
        assert_eq!(
            images,
            slugs.len(),
            "previews/ holds an image no card draws"
        );
    }

    #[test]
    fn the_team_card_names_each_zone_and_what_it_recommends() {
        let card = card(Parts::of(&[Part::Team]).unwrap());
        assert_eq!(card.title, "How big is the team?");
        let document = card.document();
        for expected in [
            "one hybrid",
            "TL + EM",
            "several teams",
            "One hybrid Tech Lead Manager",
            "Split: a Tech Lead and an Engineering Manager",
        ] {
            assert!(document.contains(expected), "{expected} in {document}");
            assert!(card.alt.contains(expected), "{expected} in {}", card.alt);
        }
        assert!(
            card.alt.starts_with("How big is the team? – 1–"),
            "{}",
            card.alt
        );
    }

    #[test]
    fn the_matrix_card_shows_rows_where_the_two_roles_differ() {
        let card = card(Parts::of(&[Part::Matrix]).unwrap());
        let rows = card.document().matches("<th scope=\"row\">").count();
        assert_eq!(rows, MATRIX_ROWS);
        assert!(card.alt.contains("TL Owns"), "{}", card.alt);
        assert!(card.alt.contains("EM Owns"), "{}", card.alt);
    }

    #[test]
    fn a_changed_word_or_rule_changes_the_fingerprint() {
        let card = card(Parts::ALL);
        let [(_, theme), (_, layout)] = STYLESHEETS;
        let before = card.fingerprint(&[theme, layout]);
        assert!(card.text_chunk().ends_with(&before));
        assert_ne!(before, card.fingerprint(&[theme, &format!("{layout} ")]));
        assert_ne!(before, card.fingerprint(&[&format!("{theme} "), layout]));
        let changed = Card {
            body: card.body.replacen("Tech Lead", "Tech Leader", 1),
            ..card
        };
        assert_ne!(before, changed.fingerprint(&[theme, layout]));
    }
}
