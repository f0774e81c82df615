//! What only the build uses, never the app: the pages, oEmbed responses and link preview tags
//! for a public address (`publish`), and the link preview cards (`preview`). The native
//! prerender step (`src/bin/prerender.rs`) calls it; it reads the core, never the other way.
//! `publish` names a part's address and draws its image through `preview`, one way only.

pub mod preview;
pub mod publish;
