use two_hats::{browser, App, AppProps};

fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("two-hats")
        .expect("index.html has a #two-hats element");
    let Some(address) = browser::content_address() else {
        let renderer = yew::Renderer::<App>::with_root(root.clone());
        // A release build carries the prerendered page: adopt it instead of drawing it again.
        if root.has_child_nodes() {
            renderer.hydrate();
        } else {
            renderer.render();
        }
        return;
    };
    // The page names its own content: the prerendered page shows the built-in one, so the
    // app draws afresh once the file is in, or with the built-in content and the reason not.
    wasm_bindgen_futures::spawn_local(async move {
        let content_problem = browser::install_content_from(&address)
            .await
            .err()
            .map(Into::into);
        root.set_inner_html("");
        yew::Renderer::<App>::with_root_and_props(root, AppProps { content_problem }).render();
    });
}
