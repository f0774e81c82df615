//! The parts below the fold (`components::LaterParts`) arrive in their own wasm chunk. Until
//! then their prerendered HTML is on the page but not live: marked busy, for assistive
//! technology and for `js/boot.js`, which holds what the reader does there and hands it to the
//! live parts. This decides when the chunk is wanted (the reader near the parts or reaching
//! for them, or a state their prerendered HTML does not show) and shows a page that waited
//! for them.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use gloo::events::{EventListener, EventListenerOptions};
use gloo::utils::document;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry};
use yew::prelude::*;

use super::page::{is_pending, mark_ready};
use crate::core::drawn::{later_parts_plan, LaterKnown};
use crate::core::state::State;

/// The later parts' loading on this page, which the app owns (`use_later_parts`) and hands to
/// what follows the state (`use_address_sync`) and to the parts themselves: one per app, equal
/// only to itself.
#[derive(Clone, Default)]
pub struct LaterPartsLoading(Rc<RefCell<Loading>>);

impl PartialEq for LaterPartsLoading {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Default)]
struct Loading {
    region: Option<Element>,
    arrived: bool,
    wanted: Option<Wanted>,
    /// The page waits, hidden, for the parts to show the address's state.
    show_on_arrival: bool,
    listeners: Vec<EventListener>,
    observer: Option<IntersectionObserver>,
}

/// Resolves once the parts are wanted: near the viewport, reached for, or drawn from a state
/// their prerendered HTML does not show.
struct Wanted {
    promise: js_sys::Promise,
    resolve: js_sys::Function,
}

/// How far below the viewport the later parts start loading: a quarter of a screen ahead of a
/// reader who scrolls. Input that comes sooner is held, so the margin only saves waiting.
const LATER_PARTS_MARGIN: &str = "0px 0px 25% 0px";

/// The later parts' loading, and the region to put it on (the element the ref is put on):
/// marked busy until they arrive, from the moment they are `shown` on the page, and wanted
/// when the reader comes near.
#[hook]
pub fn use_later_parts(shown: bool) -> (NodeRef, LaterPartsLoading) {
    let region = use_node_ref();
    let loading = use_memo((), |_| LaterPartsLoading::default());
    let watched = region.clone();
    let awaiting = (*loading).clone();
    use_effect_with(shown, move |shown| {
        if let Some(region) = watched.cast::<Element>().filter(|_| *shown) {
            awaiting.await_parts(region);
        }
    });
    (region, (*loading).clone())
}

impl LaterPartsLoading {
    fn await_parts(&self, region: Element) {
        let mut loading = self.0.borrow_mut();
        if loading.arrived {
            return;
        }
        for part in element_children(&region) {
            let _ = part.set_attribute("aria-busy", "true");
        }
        // boot.js holds clicks there and stops them; a pointer, the focus or a choice come
        // first, and want the parts.
        let capture = EventListenerOptions {
            phase: gloo::events::EventListenerPhase::Capture,
            passive: true,
        };
        loading.listeners = ["pointerdown", "focusin", "change"]
            .into_iter()
            .map(|kind| {
                let wanting = self.weak();
                EventListener::new_with_options(&region, kind, capture, move |_| want(&wanting))
            })
            .collect();
        // Drawn afresh, the region has no prerendered parts to come near; whether they are
        // wanted at once is the state's to say (`follow`).
        if region.child_element_count() > 0 {
            loading.observer = watch_for_reader(&region, self.weak());
        }
        loading.region = Some(region);
    }

    /// What the page's own listeners and observers hold: none keeps the loading alive.
    fn weak(&self) -> Weak<RefCell<Loading>> {
        Rc::downgrade(&self.0)
    }
}

/// Wants the later parts once any comes within `LATER_PARTS_MARGIN` of the viewport.
fn watch_for_reader(
    region: &Element,
    wanting: Weak<RefCell<Loading>>,
) -> Option<IntersectionObserver> {
    let near = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let seen = entries.iter().any(|entry| {
            entry
                .unchecked_into::<IntersectionObserverEntry>()
                .is_intersecting()
        });
        if seen {
            want(&wanting);
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

fn want(loading: &Weak<RefCell<Loading>>) {
    if let Some(loading) = loading.upgrade() {
        LaterPartsLoading(loading).want();
    }
}

impl LaterPartsLoading {
    /// Resolves once the later parts are wanted (see `Loading`).
    pub async fn until_wanted(&self) {
        let wanted = wanted(&mut self.0.borrow_mut()).promise.clone();
        let _ = wasm_bindgen_futures::JsFuture::from(wanted).await;
    }

    fn want(&self) {
        let resolve = {
            let mut loading = self.0.borrow_mut();
            if let Some(observer) = loading.observer.take() {
                observer.disconnect();
            }
            wanted(&mut loading).resolve.clone()
        };
        let _ = resolve.call0(&JsValue::NULL);
    }

    /// Follows the state into the later parts, as `core::drawn::later_parts_plan` says: their
    /// code is fetched now when their prerendered HTML is not right, and a page that waits for
    /// the address's state then waits for them too. Otherwise it shows now.
    pub(super) fn follow(&self, state: &State, drawn: &State) {
        let (fetch, wait) = {
            let mut loading = self.0.borrow_mut();
            match loading
                .region
                .as_ref()
                .filter(|region| region.is_connected() && !loading.arrived)
            {
                // Live or not on the page: nothing to compare, on every slider move.
                None => (false, loading.show_on_arrival),
                Some(region) => {
                    let plan = later_parts_plan(LaterKnown {
                        prerendered: region.child_element_count() > 0,
                        stale: state.later_parts_view() != drawn.later_parts_view(),
                        page_waiting: is_pending(),
                    });
                    loading.show_on_arrival |= plan.page_waits_for_them;
                    (plan.fetch_now, loading.show_on_arrival)
                }
            }
        };
        if fetch {
            self.want();
        }
        if !wait {
            mark_ready();
        }
    }

    /// The later parts are live: shows the page if it waited for them.
    pub fn arrived(&self) {
        let region = self.0.borrow().region.clone();
        match region {
            // Drawn but not yet in place: `<Suspense>` puts the live parts in place of the
            // prerendered (busy) ones right after, in the same task, and an observer hears of
            // it before the browser paints.
            Some(region) if has_busy_part(&region) => {
                let watched = region.clone();
                let settling = self.weak();
                let swapped = Closure::<dyn FnMut(js_sys::Array, web_sys::MutationObserver)>::new(
                    move |_, observer: web_sys::MutationObserver| {
                        if !has_busy_part(&watched) {
                            observer.disconnect();
                            if let Some(loading) = settling.upgrade() {
                                LaterPartsLoading(loading).settle();
                            }
                        }
                    },
                );
                if let Ok(observer) =
                    web_sys::MutationObserver::new(swapped.as_ref().unchecked_ref())
                {
                    let options = web_sys::MutationObserverInit::new();
                    options.set_child_list(true);
                    let _ = observer.observe_with_options(&region, &options);
                }
                // Called when the parts first arrive; the closure must outlive this function.
                swapped.forget();
            }
            _ => self.settle(),
        }
    }

    fn settle(&self) {
        let show = {
            let mut loading = self.0.borrow_mut();
            loading.arrived = true;
            loading.listeners.clear();
            if let Some(observer) = loading.observer.take() {
                observer.disconnect();
            }
            std::mem::take(&mut loading.show_on_arrival)
        };
        if show {
            mark_ready();
        }
    }

    /// The chunk could not load: the parts stay as prerendered, readable but not live.
    pub fn failed(&self) {
        let region = self.0.borrow().region.clone();
        for part in region.iter().flat_map(element_children) {
            let _ = part.remove_attribute("aria-busy");
        }
        web_sys::console::warn_1(
            &"Two Hats: the matrix and the parts below it could not load; they show as prerendered."
                .into(),
        );
        self.settle();
    }
}

fn wanted(loading: &mut Loading) -> &Wanted {
    loading.wanted.get_or_insert_with(|| {
        let mut resolve = None;
        let promise = js_sys::Promise::new(&mut |done, _| resolve = Some(done));
        Wanted {
            promise,
            resolve: resolve.expect("a promise runs its executor at once"),
        }
    })
}

fn has_busy_part(region: &Element) -> bool {
    element_children(region).any(|part| part.has_attribute("aria-busy"))
}

fn element_children(region: &Element) -> impl Iterator<Item = Element> {
    let children = region.children();
    (0..children.length()).filter_map(move |index| children.item(index))
}
