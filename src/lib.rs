//! Two Hats: the Tech Lead and Engineering Manager roles, side by side.
//!
//! `core` is plain Rust (content, rules, state); `components` render it. The App below owns
//! the one state and hands every component the same dispatcher.

pub mod components;
pub mod core;
