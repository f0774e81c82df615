//! What only the build uses, never the app: the pages, oEmbed responses and link preview tags
//! for a public address (`publish`), the link preview cards (`preview`), and the heights
//! `embed.js` starts frames at (`embed_script`). The native
//! prerender step (`src/bin/prerender.rs`) calls it; it reads the core, never the other way.
//! `publish` names a part's address and draws its image through `preview`, one way only.

pub mod embed_script;
pub mod preview;
pub mod publish;
