//! The pure core: content, recommendation rules and the one state type with its reducer.
//! Nothing here touches the browser, so all of it is tested natively.

pub mod content;
pub mod recommend;
pub mod state;
