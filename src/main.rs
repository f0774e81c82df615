fn main() {
    yew::Renderer::<two_hats::App>::new().render();
}
