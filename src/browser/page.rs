//! The page around the app: the ready mark `js/boot.js` waits for, the theme attributes on
//! `<html>`, the clipboard and printing.

use gloo::utils::{document, window};
use yew::prelude::*;

use crate::core::drawn::keep_place;
use crate::core::state::Theme;

/// Set on `<html>` by `boot.js` while the page, drawn in another state than the address asks
/// for, is hidden until the app has drawn that one.
const PENDING_CLASS: &str = "twohats-pending";

pub(super) fn is_pending() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.class_list().contains(PENDING_CLASS))
}

/// Shows the page and marks the moment it is interactive, once.
pub(super) fn mark_ready() {
    let Some(root) = document().document_element() else {
        return;
    };
    if root.get_attribute("data-twohats-ready").is_some() {
        return;
    }
    let _ = root.set_attribute("data-twohats-ready", "");
    let _ = root.class_list().remove_1(PENDING_CLASS);
    if let Some(performance) = window().performance() {
        let _ = performance.mark("twohats:interactive");
    }
}

/// Sets `data-theme` on `<html>` for a chosen theme (`auto` leaves it to the system setting),
/// and `data-transparent` when the page should show the host's background through.
#[hook]
pub fn use_theme_attributes(theme: Theme, transparent: bool) {
    use_effect_with((theme, transparent), |(theme, transparent)| {
        if let Some(root) = document().document_element() {
            let _ = match theme {
                Theme::Auto => root.remove_attribute("data-theme"),
                chosen => root.set_attribute("data-theme", chosen.slug()),
            };
            let _ = if *transparent {
                root.set_attribute("data-transparent", "")
            } else {
                root.remove_attribute("data-transparent")
            };
        }
    });
}

/// Copies text to the clipboard; resolves to whether it worked.
pub async fn copy_to_clipboard(text: String) -> bool {
    if !window().is_secure_context() {
        return false;
    }
    let promise = window().navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Prints only the part whose element has class `part` (styles/print.css), as the page would
/// print all of them; where a sandboxed frame may not print, nothing happens.
pub fn print_part(part: &str) {
    let Some(root) = document().document_element() else {
        return;
    };
    let _ = root.set_attribute(PRINT_ONLY, part);
    // Returns once the dialog has closed.
    let _ = window().print();
    let _ = root.remove_attribute(PRINT_ONLY);
}

const PRINT_ONLY: &str = "data-print-only";

/// Where the reader is and how tall the page is, before a part is drawn where it had none.
#[derive(Clone, Copy)]
pub struct ReadingPlace {
    scrolled: f64,
    height: f64,
}

pub fn reading_place() -> ReadingPlace {
    ReadingPlace {
        scrolled: window().scroll_y().unwrap_or_default(),
        height: document()
            .document_element()
            .map_or(0.0, |root| f64::from(root.scroll_height())),
    }
}

/// Keeps a reader who was past `part`, drawn since `before`, where they were
/// (`core::drawn::keep_place`): the content it pushed down is what they were reading.
pub fn keep_reading_place(before: ReadingPlace, part: &web_sys::Element) {
    let now = reading_place();
    let by = keep_place(
        part.get_bounding_client_rect().top(),
        now.height - before.height,
        now.scrolled != before.scrolled,
    );
    if by != 0.0 {
        window().scroll_by_with_x_and_y(0.0, by);
    }
}

/// Gives the document the team check's stylesheet, once. The first view does not link it: it
/// comes inside the later parts' chunk, with the check's code, as only that code calls this.
/// A constructed sheet, not a `<style>` element, so a strict Content-Security-Policy allows it.
pub fn adopt_check_stylesheet() {
    thread_local! {
        static ADOPTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if ADOPTED.replace(true) {
        return;
    }
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        return;
    };
    if sheet
        .replace_sync(include_str!(concat!(env!("OUT_DIR"), "/check.css")))
        .is_ok()
    {
        let sheets = document().adopted_style_sheets();
        sheets.push(&sheet);
        document().set_adopted_style_sheets(&sheets);
    }
}
