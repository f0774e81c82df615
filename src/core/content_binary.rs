//! Reads the binary form of an author's own content file (written by the content compiler's
//! `compile_to_binary`, whose module documents the layout) into `Content`. The file was
//! validated before it was encoded; a malformed buffer gives `None`, never a panic.
//!
//! The content lives for the rest of the page, so its texts and lists are leaked into
//! `'static` on purpose: the built-in content is `'static` too, and the page loads at most one.

use super::content::{
    AnswerOption, CheckWords, Cited, CodingRange, Content, Derivation, Fact, Group, GroupId,
    LadderSide, Language, Level, Question, ReasonText, Responsibility, Role, Scenario, Source,
    SourceId, TeamSize, CHECK_TEXT_COUNT, FINDING_COUNT, MAX_QUESTIONS, TEXT_COUNT,
};

pub fn decode(bytes: &[u8]) -> Option<Content> {
    let mut reader = Reader { bytes, at: 0 };
    let content = reader.content()?;
    (reader.at == bytes.len() && references_hold(&content)).then_some(content)
}

/// What the rest of the widget indexes without checking: every reason the rules give, both
/// rules never to break, groups and every cited source that exist, answer slots enough for
/// the questions.
fn references_hold(content: &Content) -> bool {
    let sources_exist = |sources: &[SourceId]| {
        sources
            .iter()
            .all(|id| usize::from(id.0) < content.sources.len())
    };
    let cited = |cited: &Cited| sources_exist(cited.sources);
    content.reasons.len() == super::content::CONTENT.reasons.len()
        && content.check.as_ref().is_some_and(|check| {
            check.findings.len() == FINDING_COUNT
                && check.findings.iter().all(cited)
                && [0, CHECK_TEXT_COUNT].contains(&check.ui.len())
        })
        && content.ui.len() == TEXT_COUNT
        && content.rules.len() >= 2
        && !content.groups.is_empty()
        && content.questions.len() <= MAX_QUESTIONS
        && content.responsibilities.len() <= usize::from(u8::MAX)
        && content.responsibilities.iter().all(|row| {
            usize::from(row.group.0) < content.groups.len()
                && cited(&row.explanation)
                && row.disagreement.iter().all(cited)
        })
        && content
            .reasons
            .iter()
            .all(|reason| cited(&reason.cited) && reason.disagreement.iter().all(cited))
        && content.rules.iter().all(cited)
        && content
            .facts
            .iter()
            .all(|fact| cited(&fact.body) && fact.disagreement.iter().all(cited))
        && content.scenarios.iter().all(|scenario| {
            scenario.responses.iter().all(cited) && scenario.disagreement.iter().all(cited)
        })
        && content
            .questions
            .iter()
            .all(|question| sources_exist(question.sources))
        && content.assessment.iter().all(cited)
        && content.roles.iter().all(|role| {
            [&role.focus, &role.measured_by, &role.trap]
                .into_iter()
                .all(cited)
                && sources_exist(role.coding.sources)
                && role
                    .levels
                    .as_ref()
                    .is_none_or(|levels| sources_exist(levels.sources))
        })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn content(&mut self) -> Option<Content> {
        let sources = self.list(|r| {
            Some(Source {
                id: r.text()?,
                title: r.text()?,
                detail: r.text()?,
            })
        })?;
        let roles = [self.role()?, self.role()?, self.role()?];
        let groups = self.list(|r| {
            Some(Group {
                id: r.text()?,
                name: r.text()?,
            })
        })?;
        let responsibilities = self.list(Reader::responsibility)?;
        let facts = self.list(|r| {
            Some(Fact {
                id: r.text()?,
                title: r.text()?,
                body: r.cited()?,
                disagreement: r.list(Reader::cited)?,
            })
        })?;
        let scenarios = self.list(|r| {
            Some(Scenario {
                id: r.text()?,
                title: r.text()?,
                responses: [r.cited()?, r.cited()?, r.cited()?],
                disagreement: r.list(Reader::cited)?,
            })
        })?;
        let rules = self.list(Reader::cited)?;
        let team_size = self.team_size()?;
        let reasons = self.list(|r| {
            Some(ReasonText {
                cited: r.cited()?,
                disagreement: r.list(Reader::cited)?,
            })
        })?;
        let findings: &'static [Cited] = self.list(Reader::cited)?;
        let check_ui = self.list(Reader::text)?;
        // In the sources' order, as the compiler lists them for the built-in file.
        let check_sources: Vec<SourceId> = (0..sources.len())
            .filter_map(|index| u8::try_from(index).ok().map(SourceId))
            .filter(|id| findings.iter().any(|finding| finding.sources.contains(id)))
            .collect();
        let questions = self.list(|r| {
            Some(Question {
                id: r.text()?,
                prompt: r.text()?,
                sources: r.sources()?,
                options: r.list(|r| {
                    Some(AnswerOption {
                        text: r.text()?,
                        lean: r.byte()? as i8,
                    })
                })?,
            })
        })?;
        let assessment = [self.cited()?, self.cited()?, self.cited()?];
        let language = Language {
            code: self.text()?,
            name: self.text()?,
        };
        let ui = self.list(Reader::text)?;
        // A file that names no language and gives no interface texts keeps the built-in
        // ones: nothing is installed yet while a file is decoded, so CONTENT is the built-in.
        let built_in = &super::content::CONTENT;
        let language = if language.code.is_empty() {
            built_in.language
        } else {
            language
        };
        let ui = if ui.is_empty() { built_in.ui } else { ui };
        Some(Content {
            sources,
            roles,
            groups,
            responsibilities,
            facts,
            scenarios,
            rules,
            team_size,
            reasons,
            check_sources: check_sources.leak(),
            check: Some(CheckWords {
                findings,
                ui: check_ui,
            }),
            questions,
            assessment,
            language,
            ui,
            titles_language: None,
        })
    }

    fn role(&mut self) -> Option<Role> {
        Some(Role {
            name: self.text()?,
            short: self.text()?,
            focus: self.cited()?,
            measured_by: self.cited()?,
            trap: self.cited()?,
            coding: {
                let (min_percent, max_percent) = (self.byte()?, self.byte()?);
                let (sources, reasoning) = self.basis()?;
                CodingRange {
                    min_percent,
                    max_percent,
                    sources,
                    reasoning,
                }
            },
            levels: match self.byte()? {
                0 => None,
                _ => {
                    let (sources, reasoning) = self.basis()?;
                    Some(Derivation {
                        sources,
                        reasoning: reasoning.unwrap_or_default(),
                    })
                }
            },
        })
    }

    fn responsibility(&mut self) -> Option<Responsibility> {
        let id = self.text()?;
        let group = GroupId(self.byte()?);
        let name = self.text()?;
        let ladder = match self.byte()? {
            0 => None,
            1 => Some(LadderSide::TechLead),
            2 => Some(LadderSide::EngineeringManager),
            _ => Some(LadderSide::Shared),
        };
        let levels = [self.level()?, self.level()?, self.level()?];
        let notes = [self.note()?, self.note()?, self.note()?];
        Some(Responsibility {
            id,
            group,
            name,
            ladder,
            levels,
            notes,
            explanation: self.cited()?,
            disagreement: self.list(Reader::cited)?,
        })
    }

    fn level(&mut self) -> Option<Level> {
        Some(match self.byte()? {
            0 => Level::Owns,
            1 => Level::Shares,
            2 => Level::Supports,
            _ => Level::NotTheirs,
        })
    }

    fn note(&mut self) -> Option<Option<&'static str>> {
        match self.byte()? {
            0 => Some(None),
            _ => Some(Some(self.text()?)),
        }
    }

    fn team_size(&mut self) -> Option<TeamSize> {
        Some(TeamSize {
            min: self.byte()?,
            max: self.byte()?,
            default: self.byte()?,
            hybrid_from: self.byte()?,
            split_from: self.byte()?,
            multi_team_from: self.byte()?,
            borderline_within: self.byte()?,
            hybrid_technical_percent: self.byte()?,
            hybrid_people_percent: self.byte()?,
            startup_size: match self.byte()? {
                0 => None,
                size => Some(size),
            },
        })
    }

    fn cited(&mut self) -> Option<Cited> {
        let text = self.text()?;
        let (sources, reasoning) = self.basis()?;
        Some(Cited {
            text,
            sources,
            reasoning,
        })
    }

    /// The sources, then the reasoning: empty for a paraphrase.
    fn basis(&mut self) -> Option<(&'static [SourceId], Option<&'static str>)> {
        let sources = self.sources()?;
        let reasoning = self.text()?;
        Some((sources, (!reasoning.is_empty()).then_some(reasoning)))
    }

    fn sources(&mut self) -> Option<&'static [SourceId]> {
        self.list(|r| r.byte().map(SourceId))
    }

    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<&'static [T]> {
        let count = self.count()?;
        // Each item takes at least a byte, so a count beyond what is left is a broken buffer.
        if count > self.bytes.len() - self.at {
            return None;
        }
        let items: Option<Vec<T>> = (0..count).map(|_| item(self)).collect();
        Some(items?.leak())
    }

    fn text(&mut self) -> Option<&'static str> {
        let length = self.count()?;
        let end = self.at.checked_add(length)?;
        let text = std::str::from_utf8(self.bytes.get(self.at..end)?).ok()?;
        self.at = end;
        Some(String::from(text).leak())
    }

    fn count(&mut self) -> Option<usize> {
        let end = self.at.checked_add(4)?;
        let bytes: [u8; 4] = self.bytes.get(self.at..end)?.try_into().ok()?;
        self.at = end;
        usize::try_from(u32::from_le_bytes(bytes)).ok()
    }

    fn byte(&mut self) -> Option<u8> {
        let value = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(value)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::content::{CHECK_BUILT_IN, CONTENT};

    const SHIPPED: &[u8] = include_bytes!("../../content/two-hats.toml");

    fn encoded_shipped() -> &'static [u8] {
        static ENCODED: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
        ENCODED.get_or_init(|| two_hats_content::compile_to_binary(SHIPPED).unwrap())
    }

    #[test]
    fn the_shipped_file_decodes_to_the_built_in_content() {
        let bytes = two_hats_content::compile_to_binary(SHIPPED).unwrap();
        let decoded = decode(&bytes).expect("decodes");
        let debug = |content: &Content| {
            format!(
                "{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}{:?}",
                content.sources,
                content.roles,
                content.groups,
                content.responsibilities,
                content.facts,
                content.scenarios,
                content.rules,
                content.team_size,
                content.reasons,
                content.check_sources,
                content.questions,
                content.assessment,
            ) + &format!("{:?}{:?}", content.language, content.ui)
        };
        assert_eq!(debug(&decoded), debug(&CONTENT));
        assert_eq!(decoded.check.as_ref(), Some(&CHECK_BUILT_IN));
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_or_are_refused_without_panicking(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..2048)) {
            let _ = decode(&bytes);
        }

        #[test]
        fn a_corrupted_encoding_decodes_or_is_refused(at in 0usize..40_000, value in proptest::num::u8::ANY) {
            let mut bytes = encoded_shipped().to_vec();
            let at = at % bytes.len();
            bytes[at] = value;
            let _ = decode(&bytes);
        }
    }

    #[test]
    fn a_file_without_language_or_interface_texts_keeps_the_built_in_words() {
        let shipped = std::str::from_utf8(SHIPPED).unwrap();
        let without = &shipped[..shipped
            .find("\n[language]")
            .expect("the shipped file has [language]")];
        let bytes = two_hats_content::compile_to_binary(without.as_bytes()).unwrap();
        let decoded = decode(&bytes).expect("decodes");
        assert_eq!(decoded.language, CONTENT.language);
        assert_eq!(decoded.ui, CONTENT.ui);
        let check = decoded
            .check
            .as_ref()
            .expect("a file words its own findings");
        assert_eq!(check.findings, CHECK_BUILT_IN.findings);
        assert!(
            check.ui.is_empty(),
            "the check keeps its built-in words too"
        );
        assert_eq!(
            decoded.responsibilities.len(),
            CONTENT.responsibilities.len()
        );
    }

    #[test]
    fn each_translation_decodes_to_the_same_facts_in_its_own_words() {
        use crate::core::content::{Text, LANGUAGES, TRANSLATIONS};
        assert_eq!(TRANSLATIONS.len() + 1, LANGUAGES.len());
        for ((code, pack), language) in TRANSLATIONS.iter().zip(&LANGUAGES[1..]) {
            let translated = decode(pack).unwrap_or_else(|| panic!("{code} decodes"));
            assert_eq!(translated.language, *language);
            assert_eq!(translated.ui.len(), CONTENT.ui.len());
            assert_ne!(translated.ui[Text::Question as usize], Text::Question.get());
            let check = translated
                .check
                .as_ref()
                .expect("a translation words the findings");
            assert_eq!(check.ui.len(), CHECK_BUILT_IN.ui.len());
            assert_ne!(check.ui[0], CHECK_BUILT_IN.ui[0]);
            assert_ne!(check.findings[0].text, CHECK_BUILT_IN.findings[0].text);
            assert_eq!(
                check.findings[0].sources,
                CHECK_BUILT_IN.findings[0].sources
            );
            let levels = |content: &Content| -> Vec<_> {
                content
                    .responsibilities
                    .iter()
                    .map(|row| (row.id, row.levels))
                    .collect()
            };
            assert_eq!(levels(&translated), levels(&CONTENT));
            assert_eq!(translated.team_size, CONTENT.team_size);
        }
    }

    #[test]
    fn a_truncated_or_padded_buffer_is_refused() {
        let bytes = two_hats_content::compile_to_binary(SHIPPED).unwrap();
        for cut in [0, 1, 4, bytes.len() / 2, bytes.len() - 1] {
            assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
        }
        let mut padded = bytes.clone();
        padded.push(0);
        assert!(decode(&padded).is_none());
    }
}
