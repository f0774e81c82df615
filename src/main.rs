use two_hats::core::content::Text;
use two_hats::core::drawn::{self, Start};
use two_hats::{browser, preload_later_parts, App, AppProps, LATER_PARTS};
use web_sys::Element;

fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("two-hats")
        .expect("index.html has a #two-hats element");
    let drawn = browser::drawn_state();
    let start = drawn::start(
        browser::content_address(),
        browser::chosen_language(),
        root.has_child_nodes(),
    );
    let adopting = AppProps {
        drawn,
        ..AppProps::default()
    };
    match start {
        Start::Hydrate => {
            yew::Renderer::<App>::with_root_and_props(root, adopting).hydrate();
        }
        Start::Render => {
            yew::Renderer::<App>::with_root_and_props(root, adopting).render();
        }
        // The later parts' chunk comes beside the words: a second preload shares the first's.
        Start::OwnContent(address) => wasm_bindgen_futures::spawn_local(async move {
            wasm_bindgen_futures::spawn_local(preload_later_parts_if_shown());
            let problem = browser::install_content_from(&address).await.err();
            preload_later_parts_if_shown().await;
            render_afresh(
                root,
                AppProps {
                    content_problem: problem.map(|details| (Text::ContentProblem, details.into())),
                    own_content: true,
                    drawn,
                },
            );
        }),
        Start::Translation(language) => wasm_bindgen_futures::spawn_local(async move {
            wasm_bindgen_futures::spawn_local(preload_later_parts_if_shown());
            let problem = browser::install_translation(language).await.err();
            preload_later_parts_if_shown().await;
            render_afresh(
                root,
                AppProps {
                    content_problem: problem
                        .map(|details| (Text::TranslationProblem, details.into())),
                    own_content: false,
                    drawn,
                },
            );
        }),
    }
}

/// A page drawn afresh has no prerendered parts to keep while the later parts' chunk loads:
/// fetched first, they appear with the rest. A failure shows when the parts ask for it.
async fn preload_later_parts_if_shown() {
    let view = browser::state_from_address().view;
    if LATER_PARTS.iter().any(|part| view.contains(*part)) {
        let _ = preload_later_parts().await;
    }
}

/// Draws the page anew, once the later parts' chunk is in (`preload_later_parts_if_shown`).
fn render_afresh(root: Element, props: AppProps) {
    browser::apply_language();
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(root, props).render();
}

// talc rather than Rust's default dlmalloc: 3.1 KB less gzipped wasm, as fast for Yew's many
// small allocations (docs/speed-and-size.md).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
