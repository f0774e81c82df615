//! Compiles the human-editable content file into Rust statics.
//!
//! The widget never parses TOML at run time: the build script of the app calls [`compile`],
//! which checks every entry and writes plain `static` data that the core `include!`s. A mistake
//! in the file fails the build with errors that name the entry and the field.

mod emit;
mod raw;
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
    "multi-team",
    "large-team",
    "time-split",
    "burn-out",
];

/// One problem in the content file: `at` names the entry and field, e.g.
/// `responsibilities[id = "velocity"].em`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub at: String,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Parses and validates `toml_text`, returning Rust source that defines `CONTENT` and `Reason`.
pub fn compile(toml_text: &str) -> Result<String, Vec<ContentError>> {
    let file: raw::File = toml::from_str(toml_text).map_err(|error| {
        vec![ContentError {
            at: "content file".to_owned(),
            message: error.to_string(),
        }]
    })?;
    validate::check(&file)?;
    Ok(emit::rust_source(&file))
}
