//! The pure core: content, recommendation rules, the one state type with its reducer, and
//! its mirror in the URL.
//! Nothing here touches the browser, so all of it is tested natively.

// Input reaches the core from URLs; nothing here may panic on it.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

pub mod assessment;
pub mod check;
pub mod content;
pub mod content_binary;
pub mod drawn;
pub mod export;
pub mod html;
pub mod language;
pub mod recommend;
pub mod share;
pub mod state;
pub mod url;
