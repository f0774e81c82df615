//! The thin layer that talks to the browser: the address bar and its history, the theme
//! attribute on `<html>`, the marks `js/boot.js` watches to show the page and tell an
//! embedding page its height, and the reader's input held while the later parts load.
//! What to write where is decided in `core::url`; these hooks only carry it out.

use std::cell::RefCell;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use gloo::utils::{document, history, window};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

use crate::core::content::{Content, Text, CONTENT};
use crate::core::language::{self, LanguageId};
use crate::core::state::{Action, State, Theme};
use crate::core::url::{self, HistoryStep};

/// The state the address bar describes: the page's drawn state when it has no query.
pub fn state_from_address() -> State {
    let query = address_query();
    if query.is_empty() {
        drawn_state()
    } else {
        url::parse(&query)
    }
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
/// The first render is the `drawn` state, so that it matches the prerendered HTML it
/// hydrates; the state the address asks for follows straight after, before the page shows.
#[hook]
pub fn use_address_sync(state: State, drawn: State, dispatch: Callback<Action>) {
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
            follow_later_parts(state, &drawn);
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
        follow_later_parts(state, &drawn);
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

/// The parts below the fold (`components::LaterParts`) arrive in their own wasm chunk. Until
/// then their prerendered HTML is on the page but not live: this holds what the reader does
/// there (clicks, keyboard presses that click, choices in a menu, where the focus is), tells
/// assistive technology the parts are busy, and replays it all on the live parts.
#[derive(Default)]
struct LaterParts {
    region: Option<Element>,
    arrived: bool,
    wanted: Option<Wanted>,
    held: Vec<HeldInput>,
    focus: Option<Vec<u32>>,
    /// The page waits, hidden, for the parts to show the address's state.
    show_on_arrival: bool,
    listeners: Vec<EventListener>,
    observer: Option<IntersectionObserver>,
}

/// Resolves once the parts are wanted: near the viewport, touched, or drawn from a state
/// their prerendered HTML does not show.
struct Wanted {
    promise: js_sys::Promise,
    resolve: js_sys::Function,
}

enum HeldInput {
    Click(Vec<u32>),
    Choice { path: Vec<u32>, value: String },
}

thread_local! {
    static LATER_PARTS: RefCell<LaterParts> = RefCell::default();
}

/// How far below the viewport the later parts start loading: a quarter of a screen ahead of a
/// reader who scrolls. Input that comes sooner is held, so the margin only saves waiting.
const LATER_PARTS_MARGIN: &str = "0px 0px 25% 0px";

/// Holds input in the later parts' region (the element the ref is put on) until they arrive,
/// from the moment they are `shown` on the page.
#[hook]
pub fn use_input_held_for_later_parts(shown: bool) -> NodeRef {
    let region = use_node_ref();
    let held = region.clone();
    use_effect_with(shown, move |shown| {
        if let Some(region) = held.cast::<Element>().filter(|_| *shown) {
            hold_later_input(region);
        }
    });
    region
}

fn hold_later_input(region: Element) {
    let children = region.children();
    // Drawn afresh (another language, the page's own content) or shown again after being
    // hidden, the region has no prerendered parts to keep: nothing to wait for.
    let prerendered = children.length() > 0;
    let held = LATER_PARTS.with(|later| {
        let mut later = later.borrow_mut();
        if later.arrived {
            return false;
        }
        for part in element_children(&region) {
            let _ = part.set_attribute("aria-busy", "true");
        }
        let capture = EventListenerOptions {
            phase: gloo::events::EventListenerPhase::Capture,
            passive: false,
        };
        let on = |kind: &'static str, hold: fn(&Element, &Event) -> Option<HeldInput>| {
            let within = region.clone();
            EventListener::new_with_options(&region, kind, capture, move |event| {
                let input = hold(&within, event);
                LATER_PARTS.with(|later| later.borrow_mut().held.extend(input));
                want_later_parts();
            })
        };
        later.listeners = vec![
            on("click", |region, event| {
                let element = event_element(event)?;
                // A menu opens and chooses by itself; its choice is held as a `change`.
                if element.closest("select").ok().flatten().is_some() {
                    return None;
                }
                event.prevent_default();
                event.stop_propagation();
                Some(HeldInput::Click(path_in(region, &element)?))
            }),
            on("change", |region, event| {
                let element = event_element(event)?;
                let value = element.dyn_ref::<web_sys::HtmlSelectElement>()?.value();
                Some(HeldInput::Choice {
                    path: path_in(region, &element)?,
                    value,
                })
            }),
            on("pointerdown", |_, _| None),
            on("focusin", |region, event| {
                let focus = path_in(region, &event_element(event)?);
                LATER_PARTS.with(|later| later.borrow_mut().focus = focus);
                None
            }),
            on("focusout", |region, event| {
                let staying = event
                    .dyn_ref::<web_sys::FocusEvent>()
                    .and_then(|event| event.related_target())
                    .and_then(|target| target.dyn_into::<web_sys::Node>().ok())
                    .is_some_and(|target| region.contains(Some(&target)));
                let left = event_element(event)?;
                // Chromium also says focusout when the live parts take the focused element's
                // place; only a focus that moved while it stayed on the page was the reader's.
                wasm_bindgen_futures::spawn_local(async move {
                    if !staying && left.is_connected() {
                        LATER_PARTS.with(|later| later.borrow_mut().focus = None);
                    }
                });
                None
            }),
        ];
        if prerendered {
            later.observer = watch_for_reader(&region);
        }
        later.region = Some(region);
        true
    });
    if held && !prerendered {
        want_later_parts();
    }
}

/// Wants the later parts once any comes within `LATER_PARTS_MARGIN` of the viewport.
fn watch_for_reader(region: &Element) -> Option<IntersectionObserver> {
    let near = Closure::<dyn FnMut(js_sys::Array)>::new(|entries: js_sys::Array| {
        let seen = entries.iter().any(|entry| {
            entry
                .unchecked_into::<IntersectionObserverEntry>()
                .is_intersecting()
        });
        if seen {
            want_later_parts();
        }
    });
    let options = web_sys::IntersectionObserverInit::new();
    options.set_root_margin(LATER_PARTS_MARGIN);
    // The document as root, not the implicit viewport, for the margin to count in a
    // cross-origin frame too (an embed).
    let _ = js_sys::Reflect::set(&options, &"root".into(), &document());
    let observer =
        IntersectionObserver::new_with_options(near.as_ref().unchecked_ref(), &options).ok()?;
    for part in element_children(region) {
        observer.observe(&part);
    }
    // One per page, living as long as the observer, which is disconnected once it has served.
    near.forget();
    Some(observer)
}

/// Resolves once the later parts are wanted (see `LaterParts`).
pub async fn until_later_parts_wanted() {
    let wanted = LATER_PARTS.with(|later| wanted(&mut later.borrow_mut()).promise.clone());
    let _ = wasm_bindgen_futures::JsFuture::from(wanted).await;
}

fn want_later_parts() {
    let resolve = LATER_PARTS.with(|later| {
        let mut later = later.borrow_mut();
        if let Some(observer) = later.observer.take() {
            observer.disconnect();
        }
        wanted(&mut later).resolve.clone()
    });
    let _ = resolve.call0(&JsValue::NULL);
}

fn wanted(later: &mut LaterParts) -> &Wanted {
    later.wanted.get_or_insert_with(|| {
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |done, _| resolve = Some(done));
        Wanted {
            promise,
            resolve: resolve.expect("a promise runs its executor at once"),
        }
    })
}

/// Follows the state into the later parts: when it differs from the `drawn` one where they
/// draw it, their prerendered HTML is out of date, so their code is fetched now. A page that waits
/// for the address's state shows once they have it, or once they are there at all if it was
/// drawn afresh. Otherwise it shows now.
fn follow_later_parts(state: &State, drawn: &State) {
    let (fetch, wait) = LATER_PARTS.with(|later| {
        let mut later = later.borrow_mut();
        let Some(region) = later
            .region
            .as_ref()
            .filter(|region| region.is_connected() && !later.arrived)
        else {
            // Live or not on the page: nothing to compare, on every slider move.
            return (false, later.show_on_arrival);
        };
        let stale = state.later_parts_key() != drawn.later_parts_key();
        let missing = region.child_element_count() == 0;
        later.show_on_arrival |= (stale || missing) && is_pending();
        (stale, later.show_on_arrival)
    });
    if fetch {
        want_later_parts();
    }
    if !wait {
        mark_ready();
    }
}

/// The later parts are live: replays what was held, gives the focus back, and shows the page
/// if it waited for them.
pub fn later_parts_arrived() {
    let region = LATER_PARTS.with(|later| later.borrow().region.clone());
    match region {
        // Drawn but not yet in place: `<Suspense>` puts the live parts in place of the
        // prerendered (busy) ones right after, in the same task, and an observer hears of it
        // before the browser paints.
        Some(region) if has_busy_part(&region) => {
            let watched = region.clone();
            let swapped = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
                move |_, observer: web_sys::MutationObserver| {
                    if !has_busy_part(&watched) {
                        observer.disconnect();
                        settle_later_parts();
                    }
                },
            );
            if let Ok(observer) = web_sys::MutationObserver::new(swapped.as_ref().unchecked_ref()) {
                let options = web_sys::MutationObserverInit::new();
                options.set_child_list(true);
                let _ = observer.observe_with_options(&region, &options);
            }
            // Called when the parts first arrive; the closure must outlive this function.
            swapped.forget();
        }
        _ => settle_later_parts(),
    }
}

fn settle_later_parts() {
    let (region, held, focus, show) = LATER_PARTS.with(|later| {
        let mut later = later.borrow_mut();
        later.arrived = true;
        later.listeners.clear();
        if let Some(observer) = later.observer.take() {
            observer.disconnect();
        }
        (
            later.region.clone(),
            std::mem::take(&mut later.held),
            later.focus.take(),
            std::mem::take(&mut later.show_on_arrival),
        )
    });
    if let Some(region) = region {
        // The prerendered element that had the focus left with the prerendered parts.
        let lost_focus = document().active_element().is_none_or(|active| {
            !active.is_connected() || document().body().is_some_and(|body| *body == active)
        });
        if let Some(element) = focus
            .filter(|_| lost_focus)
            .and_then(|path| at_path(&region, &path))
            .and_then(|element| element.dyn_into::<HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
        for input in held {
            replay(&region, input);
        }
    }
    if show {
        mark_ready();
    }
}

/// The chunk could not load: the parts stay as prerendered, readable but not live.
pub fn later_parts_failed() {
    let (region, show) = LATER_PARTS.with(|later| {
        let mut later = later.borrow_mut();
        later.arrived = true;
        later.listeners.clear();
        later.held.clear();
        (
            later.region.clone(),
            std::mem::take(&mut later.show_on_arrival),
        )
    });
    for part in region.iter().flat_map(element_children) {
        let _ = part.remove_attribute("aria-busy");
    }
    web_sys::console::warn_1(
        &"Two Hats: the matrix and the parts below it could not load; they show as prerendered."
            .into(),
    );
    if show {
        mark_ready();
    }
}

fn replay(region: &Element, input: HeldInput) {
    match input {
        HeldInput::Click(path) => {
            if let Some(element) =
                at_path(region, &path).and_then(|element| element.dyn_into::<HtmlElement>().ok())
            {
                element.click();
            }
        }
        HeldInput::Choice { path, value } => {
            let Some(select) = at_path(region, &path)
                .and_then(|element| element.dyn_into::<web_sys::HtmlSelectElement>().ok())
            else {
                return;
            };
            select.set_value(&value);
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = Event::new_with_event_init_dict("change", &init) {
                let _ = select.dispatch_event(&event);
            }
        }
    }
}

fn has_busy_part(region: &Element) -> bool {
    element_children(region).any(|part| part.has_attribute("aria-busy"))
}

fn element_children(region: &Element) -> impl Iterator<Item = Element> {
    let children = region.children();
    (0..children.length()).filter_map(move |index| children.item(index))
}

fn is_pending() -> bool {
    document()
        .document_element()
        .is_some_and(|root| root.class_list().contains(PENDING_CLASS))
}

fn event_element(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

/// Where `element` sits under `region`, as child indices: the live parts have the same shape.
fn path_in(region: &Element, element: &Element) -> Option<Vec<u32>> {
    let mut path = Vec::new();
    let mut current = element.clone();
    while current != *region {
        let parent = current.parent_element()?;
        let index = element_children(&parent).position(|sibling| sibling == current)?;
        path.push(u32::try_from(index).ok()?);
        current = parent;
    }
    path.reverse();
    Some(path)
}

fn at_path(region: &Element, path: &[u32]) -> Option<Element> {
    path.iter().try_fold(region.clone(), |element, &index| {
        element.children().item(index)
    })
}
