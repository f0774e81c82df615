//! The thin layer that talks to the browser, one job a file: the address bar and its history
//! (`address`), the words a page loads before it draws (`words`), the page around the app
//! (`page`: the ready mark, the theme, the clipboard, the check's stylesheet) and the later parts' chunk
//! (`later_parts`). `js/boot.js` runs before all of it: it shows the page, holds what the
//! reader does until a part is live, and talks to an embedding page. What to do is decided in
//! `core`; these only carry it out.

mod address;
mod later_parts;
mod page;
mod words;

pub use address::{content_address, drawn_state, page_url, state_from_address, use_address_sync};
pub use later_parts::{use_later_parts, LaterPartsLoading};
pub use page::{
    adopt_check_stylesheet, copy_to_clipboard, keep_reading_place, print_part, reading_place,
    use_theme_attributes,
};
pub use words::{apply_language, chosen_language, install_content_from, install_translation};
