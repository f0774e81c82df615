//! The thin layer that talks to the browser: the address bar and its history, the theme
//! attribute on `<html>`, and the height messages a page embedding the widget listens for.
//! What to write where is decided in `core::url`; these hooks only carry it out.

use gloo::events::EventListener;
use gloo::utils::{document, history, window};
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::ResizeObserver;
use yew::prelude::*;

use crate::core::state::{Action, State, Theme};
use crate::core::url::{self, HistoryStep};

/// The state the address bar describes.
pub fn state_from_address() -> State {
    url::parse(&address_query())
}

/// The page's own URL, for links and snippets.
pub fn page_url() -> String {
    window().location().href().unwrap_or_default()
}

fn address_query() -> String {
    window().location().search().unwrap_or_default()
}

/// Mirrors every state change into the address bar and restores the state on Back/Forward.
#[hook]
pub fn use_address_sync(state: State, dispatch: Callback<Action>) {
    let last = use_mut_ref(|| (state, false));
    use_effect_with(state, move |state| {
        let (previous, previous_was_slider_move) = *last.borrow();
        let query = url::print(state);
        let came_from_address = address_query().trim_start_matches('?') == query;
        if !came_from_address {
            let target = format!("?{query}");
            let written = match url::history_step(&previous, state, previous_was_slider_move) {
                HistoryStep::Push => {
                    history().push_state_with_url(&JsValue::NULL, "", Some(&target))
                }
                HistoryStep::Replace => {
                    history().replace_state_with_url(&JsValue::NULL, "", Some(&target))
                }
            };
            // A sandboxed or file:// page may refuse; the widget still works, only unlinked.
            drop(written);
        }
        *last.borrow_mut() = (
            *state,
            !came_from_address && url::is_slider_move(&previous, state),
        );
    });
    use_effect_with((), move |_| {
        let listener = EventListener::new(&window(), "popstate", move |_| {
            dispatch.emit(Action::Restore(state_from_address()));
        });
        move || drop(listener)
    });
}

/// Sets `data-theme` on `<html>` for a chosen theme; `auto` leaves it to the system setting.
#[hook]
pub fn use_theme_attribute(theme: Theme) {
    use_effect_with(theme, |theme| {
        if let Some(root) = document().document_element() {
            let _ = match theme {
                Theme::Auto => root.remove_attribute("data-theme"),
                chosen => root.set_attribute("data-theme", chosen.slug()),
            };
        }
    });
}

/// In embed mode inside a frame, tells the parent page the document's height whenever it
/// changes, as `{"type": "twohats:resize", "height": N}`.
#[hook]
pub fn use_height_messages(embed: bool) {
    use_effect_with(embed, |embed| {
        let observer = embed.then(observe_height_for_parent).flatten();
        move || {
            if let Some((observer, _callback)) = observer {
                observer.disconnect();
            }
        }
    });
}

type HeightObserver = (ResizeObserver, Closure<dyn FnMut()>);

fn observe_height_for_parent() -> Option<HeightObserver> {
    let parent = window().parent().ok().flatten()?;
    if Object::is(&parent, &window()) {
        return None;
    }
    let root = document().document_element()?;
    let measured = root.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        let message = Object::new();
        let _ = Reflect::set(&message, &"type".into(), &"twohats:resize".into());
        let _ = Reflect::set(&message, &"height".into(), &height.into());
        // The height is not a secret, and the host's origin is unknown to the widget.
        let _ = parent.post_message(&message, "*");
    });
    let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&root);
    Some((observer, callback))
}

/// Copies text to the clipboard; resolves to whether it worked.
pub async fn copy_to_clipboard(text: String) -> bool {
    if !window().is_secure_context() {
        return false;
    }
    let promise = window().navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
