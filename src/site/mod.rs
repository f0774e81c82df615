//! What only the build uses, never the app: the pages, oEmbed responses and link preview tags
//! for a public address (`publish`), the link preview cards (`preview`), the drawn embeds'
//! pages (`drawn_pages`), the heights `embed.js` starts frames at (`embed_script`), when
//! `boot.js` shows a page (`boot_script`) and the changes that redraw the widget's page in
//! another state (`changes`). The native prerender step (`src/bin/prerender.rs`) calls it; it
//! reads the core, never the other way.
//! `publish` names a part's address and draws its image through `preview`, and `drawn_pages`
//! takes its head from `publish`, one way only.

pub mod boot_script;
pub mod changes;
pub mod drawn_pages;
pub mod embed_script;
pub mod preview;
pub mod publish;

/// 64-bit FNV-1a over the parts in order: small, stable across machines and Rust versions, for
/// the names that say what a file was made from.
fn fnv1a(parts: &[&[u8]]) -> u64 {
    parts
        .iter()
        .flat_map(|part| part.iter())
        .fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(*byte)).wrapping_mul(0x0100_0000_01b3)
        })
}
