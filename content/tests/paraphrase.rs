//! Facts carry over from the articles, sentences do not: no text in the English content file
//! may share a run of six or more words with any article in `../shared/seeds/`.
//!
//! Both sides are lowercased, stripped of punctuation and have their contractions expanded,
//! so a borrowed run cannot hide behind an apostrophe. The sources' titles are quoted on
//! purpose and are left out. Where the articles are missing (a clone outside this project's
//! folder), the build script leaves the test ignored, with the reason, rather than passed.

use std::collections::HashSet;
use std::path::Path;

const RUN: usize = 6;
const SHIPPED: &str = include_str!("../two-hats.toml");

#[test]
#[cfg_attr(
    not(seeds),
    ignore = "../shared/seeds is missing, so no text can be compared with the articles"
)]
fn no_text_shares_six_words_in_a_row_with_an_article() {
    let runs = seed_runs(RUN);
    let borrowed = borrowed_runs(SHIPPED, &runs, RUN);
    assert!(
        borrowed.is_empty(),
        "texts that share {RUN} or more words in a row with an article:\n{}",
        borrowed.join("\n")
    );
}

#[test]
#[cfg_attr(
    not(seeds),
    ignore = "../shared/seeds is missing, so no text can be compared with the articles"
)]
fn a_borrowed_sentence_put_back_is_caught() {
    let runs = seed_runs(RUN);
    let put_back = SHIPPED.replacen(
        "explanation = \"An outage is escalated to the TL, who answers for it.\"",
        // The text this file had before it was reworded.
        "explanation = \"When the service goes down, the TL takes the escalation and the heat.\"",
        1,
    );
    assert_ne!(
        put_back, SHIPPED,
        "the fixture line is no longer in the file"
    );
    assert_eq!(
        borrowed_runs(&put_back, &runs, RUN),
        [r#"responsibilities[12].explanation: "the service goes down the tl""#]
    );
}

#[test]
fn normalising_expands_contractions_and_drops_punctuation() {
    assert_eq!(
        words("It’s not laziness—it's physics; they can't, won't."),
        [
            "it", "is", "not", "laziness", "it", "is", "physics", "they", "can", "not", "will",
            "not"
        ]
    );
    assert_eq!(
        words("The TL's call (30–70%)"),
        ["the", "tls", "call", "30", "70"]
    );
}

/// Every run of `length` words in every article.
fn seed_runs(length: usize) -> HashSet<Vec<String>> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/seeds");
    let mut runs = HashSet::new();
    for entry in std::fs::read_dir(&folder).expect("the seeds folder") {
        let path = entry.expect("a seeds entry").path();
        if path.extension().is_some_and(|extension| extension == "txt") {
            let text = std::fs::read_to_string(&path).expect("a readable article");
            runs.extend(words(&text).windows(length).map(<[String]>::to_vec));
        }
    }
    assert!(!runs.is_empty(), "no article found in {}", folder.display());
    runs
}

/// Each text in `toml_text` that shares a run with the articles, as "field: the run".
fn borrowed_runs(toml_text: &str, runs: &HashSet<Vec<String>>, length: usize) -> Vec<String> {
    let file: toml::Value = toml::from_str(toml_text).expect("the content file parses");
    let mut texts = Vec::new();
    collect_texts(&file, String::new(), &mut texts);
    let mut found = Vec::new();
    for (at, text) in texts {
        let words = words(&text);
        let shared: Vec<&[String]> = words
            .windows(length)
            .filter(|window| runs.contains(*window))
            .collect();
        if let Some(first) = shared.first() {
            found.push(format!("{at}: \"{}\"", first.join(" ")));
        }
    }
    found
}

fn collect_texts(value: &toml::Value, at: String, texts: &mut Vec<(String, String)>) {
    match value {
        toml::Value::String(text) => texts.push((at, text.clone())),
        toml::Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                collect_texts(item, format!("{at}[{index}]"), texts);
            }
        }
        toml::Value::Table(table) => {
            for (key, item) in table {
                // The sources' titles are cited by design.
                if at.starts_with("sources[") && key == "title" {
                    continue;
                }
                let at = if at.is_empty() {
                    key.clone()
                } else {
                    format!("{at}.{key}")
                };
                collect_texts(item, at, texts);
            }
        }
        _ => {}
    }
}

/// Lowercased words with contractions expanded and punctuation dropped.
fn words(text: &str) -> Vec<String> {
    let text = text.to_lowercase().replace(['’', '‘'], "'");
    let mut out = Vec::new();
    for raw in text.split(|c: char| !(c.is_alphanumeric() || c == '\'')) {
        let word = raw.trim_matches('\'');
        if word.is_empty() {
            continue;
        }
        let expanded: &[&str] = match word {
            "can't" => &["can", "not"],
            "won't" => &["will", "not"],
            "shan't" => &["shall", "not"],
            "it's" => &["it", "is"],
            "that's" => &["that", "is"],
            "there's" => &["there", "is"],
            "what's" => &["what", "is"],
            "he's" => &["he", "is"],
            "she's" => &["she", "is"],
            "let's" => &["let", "us"],
            _ => &[],
        };
        if !expanded.is_empty() {
            out.extend(expanded.iter().map(|word| (*word).to_owned()));
            continue;
        }
        let suffixes = [
            ("n't", "not"),
            ("'re", "are"),
            ("'ve", "have"),
            ("'ll", "will"),
            ("'m", "am"),
            ("'d", "would"),
        ];
        match suffixes
            .iter()
            .find(|(suffix, _)| word.len() > suffix.len() && word.ends_with(suffix))
        {
            Some((suffix, full)) => {
                out.push(word[..word.len() - suffix.len()].to_owned());
                out.push((*full).to_owned());
            }
            // A possessive keeps its word: "team's" and "teams" read alike on both sides.
            None => out.push(word.replace('\'', "")),
        }
    }
    out
}
