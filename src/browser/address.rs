//! The address bar: the state it asks for, the state the page was drawn in, and every state
//! change mirrored into it, with Back and Forward restoring. What to write where is decided in
//! `core::url`; this only carries it out.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::utils::{document, history, window};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::later_parts::LaterPartsLoading;
use crate::core::drawn;
use crate::core::state::{Action, State};
use crate::core::url::{self, HistoryStep};

/// The state the address bar asks for, of a page drawn as it was (`core::drawn::asked`), with
/// the team check's answers from its fragment.
pub fn state_from_address() -> State {
    url::with_fragment(
        drawn::asked(&drawn_state(), &address_query()),
        &location_hash(),
    )
}

/// The state the page arrived drawn in, which the build writes on `<html data-drawn>`
/// (`core::drawn`); a page drawn by no build is drawn afresh from the default.
pub fn drawn_state() -> State {
    document()
        .document_element()
        .and_then(|root| root.get_attribute(DRAWN_ATTRIBUTE))
        .map_or_else(State::default, |query| url::parse(&query))
}

const DRAWN_ATTRIBUTE: &str = "data-drawn";

/// The page's own content file, when the address names one with `?content=`.
pub fn content_address() -> Option<String> {
    url::content_address(&location_search())
}

/// The page's own URL, for the links and snippets the reader copies.
pub fn page_url() -> String {
    window().location().href().unwrap_or_default()
}

fn location_search() -> String {
    window().location().search().unwrap_or_default()
}

fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The state part of the address's query, without its `?` or its `content=` pair.
fn address_query() -> String {
    url::split_content(&location_search()).0
}

/// How long a drag of the slider waits before rewriting the address: browsers throttle (and
/// warn about) pages that rewrite it on every input event.
const DRAG_WRITE_DELAY_MS: u32 = 250;

/// Mirrors every state change into the address bar and restores the state on Back/Forward.
///
/// The first render is the `drawn` state, so that it matches the prerendered HTML it
/// hydrates; the state the address asks for follows straight after, before the page shows.
#[hook]
pub fn use_address_sync(
    state: State,
    drawn: State,
    dispatch: Callback<Action>,
    later_parts: LaterPartsLoading,
) {
    let last = use_mut_ref(|| None::<(State, bool)>);
    let drag_write = use_mut_ref(DragWrite::default);
    // Set by Back and Forward until the state they restore is drawn.
    let restoring = use_mut_ref(|| false);
    let restore = dispatch.clone();
    let restored = restoring.clone();
    use_effect_with(state, move |state| {
        let drag_was_pending = drag_write.borrow().is_pending();
        let mut last = last.borrow_mut();
        let Some((previous, previous_was_slider_move)) = *last else {
            let wanted = state_from_address();
            *last = Some((wanted, false));
            if wanted != *state {
                restore.emit(Action::Restore(wanted));
                return;
            }
            write_address(HistoryStep::Replace, state);
            later_parts.follow(state, &drawn);
            return;
        };
        // Back, Forward or the first address: the address already says it. A drag passing
        // back over the value in the address bar is not that: its write is only pending.
        let restored = std::mem::take(&mut *restored.borrow_mut());
        let came_from_address = (restored || !drag_was_pending)
            && address_query() == url::print(state)
            && url::fragment_for(state, &location_hash()).is_none();
        let step = url::history_step(&previous, state, previous_was_slider_move);
        if !came_from_address
            && step == HistoryStep::Replace
            && url::is_continuous_move(&previous, state)
        {
            drag_write.borrow_mut().follow(*state);
        } else {
            // Any other state supersedes the drag's delayed write.
            drag_write.borrow_mut().cancel();
            if !came_from_address {
                if drag_was_pending && step == HistoryStep::Push {
                    // Settle the drag's own entry on where the drag ended before moving on.
                    write_address(HistoryStep::Replace, &previous);
                }
                write_address(step, state);
            }
        }
        *last = Some((
            *state,
            !came_from_address && url::is_continuous_move(&previous, state),
        ));
        later_parts.follow(state, &drawn);
    });
    use_effect_with((), move |_| {
        let listener = EventListener::new(&window(), "popstate", move |_| {
            *restoring.borrow_mut() = true;
            dispatch.emit(Action::Restore(state_from_address()));
        });
        move || drop(listener)
    });
}

/// A drag's address write, waiting `DRAG_WRITE_DELAY_MS` for the moves that follow: one timer
/// per wait, which each move only hands its state, so a drag does not set a timer per move.
#[derive(Default)]
struct DragWrite {
    latest: Rc<Cell<Option<State>>>,
    timer: Option<Timeout>,
}

impl DragWrite {
    /// A state is waiting to be written.
    fn is_pending(&self) -> bool {
        self.latest.get().is_some()
    }

    /// Writes `state` when the wait ends, starting a wait if none is running.
    fn follow(&mut self, state: State) {
        if self.latest.replace(Some(state)).is_none() {
            let latest = self.latest.clone();
            self.timer = Some(Timeout::new(DRAG_WRITE_DELAY_MS, move || {
                if let Some(state) = latest.take() {
                    write_address(HistoryStep::Replace, &state);
                }
            }));
        }
    }

    fn cancel(&mut self) {
        self.latest.set(None);
        self.timer = None;
    }
}

fn write_address(step: HistoryStep, state: &State) {
    let search = location_search();
    let (current, content) = url::split_content(&search);
    let query = url::print(state);
    // The fragment holds the check's answers; else it stays: a citation's target, or the
    // secret WordPress gave its frame.
    let fragment = url::fragment_for(state, &location_hash());
    if current == query && fragment.is_none() {
        return;
    }
    let hash = fragment.unwrap_or_else(location_hash);
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
