fn main() {
    let root = gloo::utils::document()
        .get_element_by_id("two-hats")
        .expect("index.html has a #two-hats element");
    let renderer = yew::Renderer::<two_hats::App>::with_root(root.clone());
    // A release build carries the prerendered page: adopt it instead of drawing it again.
    if root.has_child_nodes() {
        renderer.hydrate();
    } else {
        renderer.render();
    }
}
