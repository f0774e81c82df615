//! One component, one state, a slider: each move writes what the app's slider writes at the
//! least (the value's text, the size's words, the slider's spoken value), nothing else.

use web_sys::HtmlInputElement;
use yew::prelude::*;

#[function_component]
fn Floor() -> Html {
    let team = use_state(|| 5u8);
    let on_input = {
        let team = team.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            team.set(input.value().parse().unwrap_or(0));
        })
    };
    let engineers = format!("{} engineers", *team);
    html! {
        <main>
            <input id="team-size" type="range" min="1" max="50" value={team.to_string()}
                aria-valuetext={engineers.clone()} oninput={on_input} />
            <output>{ *team }</output>
            <p>{ engineers }</p>
        </main>
    }
}

#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    let root = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id("floor"))
        .expect("the page has #floor");
    yew::Renderer::<Floor>::with_root(root).render();
}
