//! The view: one component per file, each named for what the reader sees (a citation and a
//! disagreement, drawn by the score inside others, are plain functions returning `Html`).
//! Components render the state they are given and dispatch `Action`s; the decisions live in
//! `crate::core`.

mod check_duties;
mod check_findings;
mod check_setup;
mod citation;
mod comparison;
mod content_problem;
mod copy_button;
mod disagreement;
mod key_facts;
mod language_picker;
mod later_parts;
mod matrix;
mod matrix_export;
mod matrix_filters;
mod matrix_row;
mod recommendation;
mod role_picker;
mod scenarios;
mod self_assessment;
mod share;
mod sources;
mod team_check;
mod team_size;

pub use check_duties::CheckDuties;
pub use check_findings::CheckFindings;
pub use check_setup::CheckSetup;
pub use citation::citation;
pub use comparison::Comparison;
pub use content_problem::ContentProblem;
pub use copy_button::CopyButton;
pub use disagreement::disagreement;
pub use key_facts::KeyFacts;
pub use language_picker::LanguagePicker;
pub use later_parts::{preload as preload_later_parts, LaterParts, LATER_PARTS};
pub use matrix::Matrix;
pub use matrix_export::MatrixExport;
pub use matrix_filters::MatrixFilters;
pub use matrix_row::MatrixRow;
pub use recommendation::{Recommendation, RecommendationProps};
pub use role_picker::RolePicker;
pub use scenarios::Scenarios;
pub use self_assessment::SelfAssessment;
pub use share::Share;
pub use sources::Sources;
pub use team_check::TeamCheck;
pub use team_size::TeamSize;
