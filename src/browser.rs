//! The thin layer that talks to the browser: the address bar and its history, the theme
//! attribute on `<html>`, and the marks `js/boot.js` watches to show the page and tell an
//! embedding page its height.
//! What to write where is decided in `core::url`; these hooks only carry it out.

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::utils::{document, history, window};
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::core::content::{Content, Text, CONTENT};
use crate::core::language::{self, LanguageId};
use crate::core::state::{Action, State, Theme};
use crate::core::url::{self, HistoryStep};

/// The state the address bar describes.
pub fn state_from_address() -> State {
    url::parse(&address_query())
}

/// The page's own content file, when the address names one with `?content=`.
pub fn content_address() -> Option<String> {
    url::content_address(&location_search())
}

#[wasm_bindgen(module = "/js/content_loader.js")]
extern "C" {
    #[wasm_bindgen(catch, js_name = loadContent)]
    async fn load_content(address: &str) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_name = loadTranslation)]
    async fn load_translation(code: &str) -> Result<JsValue, JsValue>;
}

/// The language the page speaks, from the address or else the browser's languages.
pub fn chosen_language() -> LanguageId {
    let preferred: Vec<String> = window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    language::choose(state_from_address().language, &preferred)
}

/// Fetches and installs the translation into `language`; the message says why not.
pub async fn install_translation(language: LanguageId) -> Result<(), String> {
    let code = language.language().code;
    let bytes = load_translation(code).await.map_err(message)?;
    let translation = decode(
        &js_sys::Uint8Array::new(&bytes).to_vec(),
        &format!("lang/{code}.bin"),
    )?;
    install(Content {
        titles_language: Some(LanguageId::BUILT_IN.language().code),
        ..translation
    })
}

/// Fetches, checks and installs the page's own content file; the message says why not.
pub async fn install_content_from(address: &str) -> Result<(), String> {
    let bytes = load_content(address).await.map_err(message)?;
    install(decode(&js_sys::Uint8Array::new(&bytes).to_vec(), address)?)
}

fn message(problem: JsValue) -> String {
    problem
        .as_string()
        .unwrap_or_else(|| format!("{problem:?}"))
}

fn decode(bytes: &[u8], address: &str) -> Result<Content, String> {
    crate::core::content_binary::decode(bytes)
        .ok_or_else(|| format!("The content file {address} could not be read back."))
}

fn install(content: Content) -> Result<(), String> {
    if crate::core::content::install(content) {
        Ok(())
    } else {
        Err("Another content file was installed first.".to_owned())
    }
}

/// Tells the browser, screen readers and search engines which language the page is now in.
pub fn apply_language() {
    if let Some(root) = document().document_element() {
        drop(root.set_attribute("lang", CONTENT.language.code));
    }
    document().set_title(Text::PageTitle.get());
}

/// The page's own URL, for the links and snippets the reader copies.
pub fn page_url() -> String {
    window().location().href().unwrap_or_default()
}

fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

/// The state part of the address's query, without its `?` or its `content=` pair.
fn address_query() -> String {
    url::split_content(&location_search()).0
}

/// Set on `<html>` by `boot.js` while the prerendered default is hidden, waiting for the
/// state the address asks for.
const PENDING_CLASS: &str = "twohats-pending";

/// How long a drag of the slider waits before rewriting the address: browsers throttle (and
/// warn about) pages that rewrite it on every input event.
const DRAG_WRITE_DELAY_MS: u32 = 250;

/// Mirrors every state change into the address bar and restores the state on Back/Forward.
///
/// The first render is the default state, so that it matches the prerendered HTML it
/// hydrates; the state the address asks for follows straight after, before the page shows.
#[hook]
pub fn use_address_sync(state: State, dispatch: Callback<Action>) {
    let last = use_mut_ref(|| None::<(State, bool)>);
    let pending_drag_write = use_mut_ref(|| None::<Timeout>);
    let restore = dispatch.clone();
    use_effect_with(state, move |state| {
        // A newer state supersedes a drag's delayed write.
        let drag_was_pending = pending_drag_write.borrow_mut().take().is_some();
        let mut last = last.borrow_mut();
        let Some((previous, previous_was_slider_move)) = *last else {
            let wanted = state_from_address();
            *last = Some((wanted, false));
            if wanted != *state {
                restore.emit(Action::Restore(wanted));
                return;
            }
            write_address(HistoryStep::Replace, state);
            mark_ready();
            return;
        };
        let came_from_address = address_query() == url::print(state);
        if !came_from_address {
            let step = url::history_step(&previous, state, previous_was_slider_move);
            if step == HistoryStep::Replace && url::is_slider_move(&previous, state) {
                let dragged = *state;
                *pending_drag_write.borrow_mut() =
                    Some(Timeout::new(DRAG_WRITE_DELAY_MS, move || {
                        write_address(HistoryStep::Replace, &dragged)
                    }));
            } else {
                if drag_was_pending && step == HistoryStep::Push {
                    // Settle the drag's own entry on where the drag ended before moving on.
                    write_address(HistoryStep::Replace, &previous);
                }
                write_address(step, state);
            }
        }
        *last = Some((
            *state,
            !came_from_address && url::is_slider_move(&previous, state),
        ));
        mark_ready();
    });
    use_effect_with((), move |_| {
        let listener = EventListener::new(&window(), "popstate", move |_| {
            dispatch.emit(Action::Restore(state_from_address()));
        });
        move || drop(listener)
    });
}

fn write_address(step: HistoryStep, state: &State) {
    let search = location_search();
    let (current, content) = url::split_content(&search);
    let query = url::print(state);
    if current == query {
        return;
    }
    // The fragment stays: a citation's target, or the secret WordPress gave its frame.
    let hash = window().location().hash().unwrap_or_default();
    let target = match content {
        Some(content) => format!("?{query}&{content}{hash}"),
        None => format!("?{query}{hash}"),
    };
    let written = match step {
        HistoryStep::Push => history().push_state_with_url(&JsValue::NULL, "", Some(&target)),
        HistoryStep::Replace => history().replace_state_with_url(&JsValue::NULL, "", Some(&target)),
    };
    // A sandboxed or file:// page may refuse; the widget still works, only unlinked.
    drop(written);
}

/// Shows the page and marks the moment it is interactive, once.
fn mark_ready() {
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
