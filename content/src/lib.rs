//! Compiles the human-editable content file into Rust statics.
//!
//! The widget never parses TOML at run time: the build script of the app calls [`compile`],
//! which checks every entry and writes plain `static` data that the core `include!`s. A mistake
//! in the file fails the build with errors that name the entry and the field.

mod emit;
mod encode;
mod fits;
mod raw;
mod translation;
mod validate;

use std::fmt;

/// Reasons the recommendation rules can give, in the order of the generated `Reason` enum.
/// The content file must provide a text for each, and no others.
pub const REASON_KEYS: &[&str] = &[
    "too-small",
    "hybrid-range",
    "nascent-team",
    "both-jobs",
    "first-time-hybrid",
    "temporary-compromise",
    "split-range",
    "established-team",
    "stretched-hybrid",
    "startup-of-ten",
    "multi-team",
    "large-team",
    "time-split",
    "burn-out",
];

/// The findings the team check can make, in the order of the app's `FindingId`, each with the
/// placeholders its text must contain. The content file gives each its words and what they
/// rest on: sources, or `derived_from` with its reasoning.
pub const FINDING_KEYS: &[(&str, &[&str])] = &[
    ("split-now", &["engineers"]),
    ("no-lead", &[]),
    ("tl-coding-not-halved", &["role", "percent", "half"]),
    ("em-architecture-stale", &["role", "duty"]),
    ("tl-authority", &["duty"]),
    ("tl-trap", &[]),
    ("em-trap", &["percent", "max"]),
    ("unowned", &["duty"]),
    ("double-owned", &["duty"]),
    ("tl-coding-range", &["percent", "range"]),
    ("em-coding-range", &["percent", "range"]),
    ("perspectives-differ", &["duty", "first", "second"]),
];

/// Where a team size sits against the thresholds in force, as the app's `Zone` names them.
pub const ZONE_KEYS: &[&str] = &["below-sources", "hybrid", "split", "multi-team"];

/// The setups the recommendation can give, as the app's `Setup` names them.
pub const SETUP_KEYS: &[&str] = &["hands-on-lead", "hybrid", "split", "multi-team"];

/// The texts of the team-size part besides its reasons and rules: the card's headline for each
/// setup, its time split, flags and each role's coding range, and the two modifiers' boxes
/// while ticked. Each declares the states it fits in the content file's `[card]`.
pub const CARD_KEYS: &[&str] = &[
    "setup-hands-on-lead",
    "setup-hybrid",
    "setup-split",
    "setup-multi-team",
    "time-split",
    "borderline",
    "stretched",
    "burn-out-risk",
    "unsourced-size",
    "author-thresholds",
    "coding-tl",
    "coding-em",
    "coding-tlm",
    "new-team",
    "lead-has-done-both",
];

/// The interface's own words, in the order of the generated `Text` enum, each with the
/// placeholders its text must contain (written `{name}`, filled in by the widget). Every
/// language's content file provides all of them, so no language shows another's words.
pub const UI_KEYS: &[(&str, &[&str])] = &[
    ("page-title", &[]),
    ("question", &[]),
    ("language", &[]),
    ("open-full-page", &[]),
    ("opens-in-new-tab", &[]),
    ("app-not-started", &[]),
    ("share", &[]),
    ("copy-link", &[]),
    ("embed", &[]),
    ("embed-intro", &[]),
    ("parts", &[]),
    ("snippet-iframe", &[]),
    ("snippet-div", &[]),
    ("snippet-bare", &[]),
    ("copy-snippet", &[]),
    ("copied", &["what"]),
    ("copy-failed", &["what"]),
    ("what-link", &[]),
    ("what-snippet", &[]),
    ("what-table", &[]),
    ("frame-title", &[]),
    ("team-size-heading", &[]),
    ("team-size-label", &[]),
    ("engineers-one", &["n"]),
    ("engineers-many", &["n"]),
    ("zones", &[]),
    ("zone-below-sources", &[]),
    ("zone-hybrid", &[]),
    ("zone-split", &[]),
    ("zone-multi-team", &[]),
    ("new-team", &[]),
    ("lead-has-done-both", &[]),
    ("recommendation", &[]),
    ("setup-hands-on-lead", &[]),
    ("setup-hybrid", &[]),
    ("setup-split", &[]),
    ("setup-multi-team", &[]),
    ("borderline", &[]),
    ("burn-out-risk", &[]),
    (
        "author-thresholds",
        &[
            "hybrid_from",
            "hybrid_to",
            "split_from",
            "sources_hybrid_from",
            "sources_hybrid_to",
            "sources_split_from",
        ],
    ),
    ("unsourced-size", &[]),
    ("time-split", &["technical", "people"]),
    ("time-split-meter", &[]),
    ("time-split-note", &[]),
    ("hands-on-coding", &[]),
    ("codes-share", &["range"]),
    ("why", &[]),
    ("rules", &[]),
    ("matrix-heading", &[]),
    ("compare", &[]),
    ("all-three", &[]),
    ("show", &[]),
    ("all-groups", &[]),
    ("only-differences", &[]),
    ("owns", &[]),
    ("shares", &[]),
    ("supports", &[]),
    ("not-theirs", &[]),
    ("matrix-caption", &["shown", "total"]),
    ("duty", &[]),
    ("group", &[]),
    ("recommended", &[]),
    ("recommended-hidden", &["role"]),
    ("matrix-empty", &[]),
    ("sources-disagree", &[]),
    ("where-sources-disagree", &[]),
    ("copy-markdown", &[]),
    ("download-csv", &[]),
    ("comparison-heading", &[]),
    ("focus", &[]),
    ("measured-by", &[]),
    ("the-trap", &[]),
    ("share-of-time", &["range"]),
    ("scenarios-heading", &[]),
    ("quiz-heading", &[]),
    ("quiz-questions", &[]),
    ("start-over", &[]),
    ("quiz-waiting", &[]),
    ("quiz-answered", &["answered", "total"]),
    ("what-decided", &[]),
    ("trap-to-watch", &[]),
    ("key-facts-heading", &[]),
    ("sources-heading", &[]),
    ("sources-lead", &[]),
    ("source-one", &[]),
    ("source-many", &[]),
    ("derived-from", &[]),
    ("reasoning", &[]),
    ("our-reading", &[]),
    ("derived-column", &["role"]),
    ("stretched", &[]),
    ("one-source-two-answers", &[]),
    ("content-problem", &[]),
    ("translation-problem", &[]),
    ("content-problem-fallback", &[]),
    ("exported-from", &[]),
    ("page-description", &[]),
    ("part-title", &["part"]),
    ("check-heading", &[]),
    ("preview-check", &[]),
    ("preview-team", &[]),
    ("preview-matrix", &[]),
    ("preview-compare", &[]),
    ("preview-situations", &[]),
    ("preview-quiz", &[]),
    ("preview-facts", &[]),
    ("preview-footer", &[]),
    ("preview-alt", &["title", "summary"]),
];

/// The team check's own words, in the order of the generated `CheckText` enum, each with its
/// placeholders as in `UI_KEYS`. They live in the content file's `[ui]` like the rest, but the
/// app keeps them apart so that they arrive with the check's code, in the later parts' chunk,
/// and the first view carries none of them.
pub const CHECK_UI_KEYS: &[(&str, &[&str])] = &[
    ("check-intro", &[]),
    ("check-private", &[]),
    ("check-team", &[]),
    ("check-size", &[]),
    ("check-lead", &[]),
    ("check-lead-one", &[]),
    ("check-lead-two", &[]),
    ("check-lead-em", &[]),
    ("check-lead-tl", &[]),
    ("check-lead-none", &[]),
    ("check-tl-coding", &[]),
    ("check-lead-coding", &[]),
    ("check-em-coding", &[]),
    ("check-em-code", &[]),
    ("check-lead-code", &[]),
    ("check-duties", &[]),
    ("check-only-changed", &[]),
    ("check-new", &[]),
    ("check-copy-markdown", &[]),
    ("check-nothing-changed", &[]),
    ("check-articles-say", &["who"]),
    ("check-holder-tl", &[]),
    ("check-holder-em", &[]),
    ("check-holder-both", &[]),
    ("check-holder-lead", &[]),
    ("check-holder-other", &[]),
    ("check-holder-nobody", &[]),
    ("check-who-tl", &[]),
    ("check-who-em", &[]),
    ("check-who-both", &[]),
    ("check-who-lead", &[]),
    ("check-who-other", &[]),
    ("check-who-nobody", &[]),
    ("check-findings", &[]),
    ("check-summary", &["breaks", "risks", "disagreements"]),
    ("check-all-clear", &[]),
    ("check-breaks-rule", &[]),
    ("check-risk", &[]),
    ("check-disagreement", &[]),
    ("check-move-duty", &["duty", "who"]),
    ("check-settle", &["duty", "who"]),
    ("check-set-coding", &["role", "percent"]),
    ("check-split", &[]),
    ("check-one-lead", &[]),
    ("check-whose", &[]),
    ("check-first", &[]),
    ("check-second", &[]),
    ("check-add-second", &[]),
    ("check-remove-second", &[]),
    ("check-second-intro", &[]),
    ("check-reset", &[]),
    ("check-changed", &[]),
    ("check-print", &[]),
    ("check-what-to-move", &[]),
    ("what-findings", &[]),
];

/// The most questions the self-assessment may ask; the widget keeps this many answer slots.
pub const MAX_QUESTIONS: usize = 10;
/// Files larger than this are refused before parsing, so a runaway file cannot stall a build.
pub const MAX_FILE_BYTES: usize = 256 * 1024;
/// More rows than this would not fit the matrix's `u8` row ids, nor a reader's patience.
pub const MAX_RESPONSIBILITIES: usize = 120;
/// Deeper nesting than any valid content file needs is refused before the parser sees it.
const MAX_NESTING: usize = 16;

/// One problem in the content file: `at` names the entry and field, e.g.
/// `responsibilities[id = "velocity"].em`, and `line` where it is, when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub line: Option<usize>,
    pub at: String,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "line {line}: {}: {}", self.at, self.message),
            None => write!(f, "{}: {}", self.at, self.message),
        }
    }
}

/// Checks raw file bytes (size, encoding, nesting), then compiles them like [`compile`].
pub fn compile_bytes(bytes: &[u8]) -> Result<String, Vec<ContentError>> {
    compile(std::str::from_utf8(bytes).map_err(|_| utf8_error(bytes))?)
}

/// Parses and validates `toml_text`, returning Rust source that defines the built-in content.
pub fn compile(toml_text: &str) -> Result<String, Vec<ContentError>> {
    let file = checked_file(toml_text, toml_text.len())?;
    let interface = interface(&file, toml_text)?;
    Ok(emit::rust_source(&file, interface))
}

/// The language and the interface's words, which the built-in file and each translation must
/// have: the widget has no other words to fall back on there.
#[derive(Clone, Copy)]
pub(crate) struct Interface<'a> {
    pub language: &'a raw::Language,
    pub ui: &'a std::collections::BTreeMap<String, String>,
}

fn interface<'a>(file: &'a raw::File, toml_text: &str) -> Result<Interface<'a>, Vec<ContentError>> {
    const WHY: &str = "is missing; the built-in content file and its translations name their language and give every interface text";
    match (&file.language, &file.ui) {
        (Some(language), Some(ui)) => Ok(Interface { language, ui }),
        (language, ui) => {
            let missing = [("language", language.is_none()), ("ui", ui.is_none())];
            let errors = missing
                .into_iter()
                .filter(|(_, is_missing)| *is_missing)
                .map(|(table, _)| ContentError {
                    line: None,
                    at: table.to_owned(),
                    message: WHY.to_owned(),
                })
                .collect();
            Err(locate(errors, toml_text))
        }
    }
}

/// A checked translation, compiled to the binary form the widget fetches when a reader
/// chooses its language.
pub struct Translation {
    /// The language of the file it translates, `(code, name)`.
    pub original: (String, String),
    /// Its own language, `(code, name)`, e.g. `("de", "Deutsch")`.
    pub language: (String, String),
    pub binary: Vec<u8>,
}

/// Checks that `translation` is `original` in other words (valid on its own, in another
/// language, and equal to it in everything but words: ids, owners, sources, numbers, order),
/// then compiles it like [`compile_to_binary`].
pub fn compile_translation(
    original: &[u8],
    translation: &[u8],
) -> Result<Translation, Vec<ContentError>> {
    let text = |bytes| std::str::from_utf8(bytes).map_err(|_| utf8_error(bytes));
    let (original_text, translated_text) = (text(original)?, text(translation)?);
    let original = checked_file(original_text, original.len())?;
    let translated = checked_file(translated_text, translation.len())?;
    let original_language = interface(&original, original_text)?.language;
    let translated_language = interface(&translated, translated_text)?.language;
    translation::compare(
        (&original, original_language),
        (&translated, translated_language),
    )
    .map_err(|errors| locate(errors, translated_text))?;
    let code_and_name = |language: &raw::Language| (language.code.clone(), language.name.clone());
    Ok(Translation {
        original: code_and_name(original_language),
        language: code_and_name(translated_language),
        binary: encode::binary(&translated),
    })
}

/// Like [`compile_bytes`], but returns the compact binary form the widget decodes at run time
/// when a page names its own content file.
pub fn compile_to_binary(bytes: &[u8]) -> Result<Vec<u8>, Vec<ContentError>> {
    let text = std::str::from_utf8(bytes).map_err(|_| utf8_error(bytes))?;
    Ok(encode::binary(&checked_file(text, bytes.len())?))
}

fn utf8_error(bytes: &[u8]) -> Vec<ContentError> {
    if bytes.len() > MAX_FILE_BYTES {
        return vec![too_large(bytes.len())];
    }
    let valid_up_to = std::str::from_utf8(bytes)
        .err()
        .map_or(bytes.len(), |e| e.valid_up_to());
    let line = 1 + bytes[..valid_up_to]
        .iter()
        .filter(|byte| **byte == b'\n')
        .count();
    vec![ContentError {
        line: Some(line),
        at: "content file".to_owned(),
        message: format!("is not valid UTF-8 at byte {valid_up_to}"),
    }]
}

fn too_large(size: usize) -> ContentError {
    whole_file(format!("is {size} bytes; the limit is {MAX_FILE_BYTES}"))
}

/// Size, nesting, parse, row limit and validation: everything short of emitting.
fn checked_file(toml_text: &str, size: usize) -> Result<raw::File, Vec<ContentError>> {
    if size > MAX_FILE_BYTES {
        return Err(vec![too_large(size)]);
    }
    if let Some(line) = too_deep(toml_text) {
        return Err(vec![ContentError {
            line: Some(line),
            at: "content file".to_owned(),
            message: format!("nests brackets deeper than {MAX_NESTING} levels"),
        }]);
    }
    let file: raw::File = toml::from_str(toml_text).map_err(|error| {
        let line = error
            .span()
            .map(|span| 1 + toml_text[..span.start].matches('\n').count());
        // Some parse errors carry no message of their own, only the rendered report.
        let message = match error.message().trim() {
            "" => error.to_string().trim().to_owned(),
            message => message.to_owned(),
        };
        vec![ContentError {
            line,
            at: "content file".to_owned(),
            message,
        }]
    })?;
    if file.responsibilities.len() > MAX_RESPONSIBILITIES {
        return Err(vec![whole_file(format!(
            "has {} responsibilities; the limit is {MAX_RESPONSIBILITIES}",
            file.responsibilities.len()
        ))]);
    }
    validate::check(&file).map_err(|errors| locate(errors, toml_text))?;
    Ok(file)
}

fn whole_file(message: String) -> ContentError {
    ContentError {
        line: None,
        at: "content file".to_owned(),
        message,
    }
}

/// The line of the first bracket nested deeper than `MAX_NESTING`, outside strings. A rough
/// scan (comments and escapes are not special), but valid content never comes close.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut line = 1;
    for character in text.chars() {
        match character {
            '\n' => line += 1,
            '"' => in_string = !in_string,
            '[' | '{' if !in_string => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(line);
                }
            }
            ']' | '}' if !in_string => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Gives each validation error the line of the entry it names: by its `id = "…"` (the second
/// one, for an id used twice), else by its table header or key.
fn locate(errors: Vec<ContentError>, text: &str) -> Vec<ContentError> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let line_of = |wanted: &dyn Fn(&str) -> bool, last: bool| {
        let found = if last {
            lines.iter().rposition(|line| wanted(line))
        } else {
            lines.iter().position(|line| wanted(line))
        };
        found.map(|index| index + 1)
    };
    errors
        .into_iter()
        .map(|error| {
            let line = match entry_id(&error.at) {
                Some(id) => {
                    let needle = format!("id = {id:?}");
                    line_of(&|line| line == needle, error.message.contains("used twice"))
                }
                None => {
                    let mut path = error.at.split('.');
                    let (table, key) = (path.next().unwrap_or_default(), path.next());
                    let nested = key.map(|key| format!("[{table}.{key}]"));
                    let header = format!("[{table}]");
                    line_of(&|line| Some(line) == nested.as_deref(), false)
                        .or_else(|| {
                            let key_line = key.map(|key| format!("{key} ="));
                            key_line.and_then(|key_line| {
                                line_of(&|line| line.starts_with(&key_line), false)
                            })
                        })
                        .or_else(|| line_of(&|line| line == header, false))
                        .or_else(|| {
                            // A table written as subtables, like `[reasons.burn-out]`.
                            let first = format!("[{table}.");
                            line_of(&|line| line.starts_with(&first), false)
                        })
                }
            };
            ContentError { line, ..error }
        })
        .collect()
}

fn entry_id(at: &str) -> Option<&str> {
    let start = at.find("[id = \"")? + "[id = \"".len();
    let end = start + at[start..].find('"')?;
    Some(&at[start..end])
}
