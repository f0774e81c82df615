//! What only the build uses, never the app: the pages, oEmbed responses and link preview tags
//! for a public address (`publish`), the link preview cards (`preview`), the drawn embeds'
//! pages (`drawn_pages`), the heights `embed.js` starts frames at (`embed_script`) and when
//! `boot.js` shows a page (`boot_script`). The native
//! prerender step (`src/bin/prerender.rs`) calls it; it reads the core, never the other way.
//! `publish` names a part's address and draws its image through `preview`, and `drawn_pages`
//! takes its head from `publish`, one way only.

pub mod boot_script;
pub mod drawn_pages;
pub mod embed_script;
pub mod preview;
pub mod publish;
