use yew::prelude::*;

use crate::browser::{copy_to_clipboard, page_url};
use crate::core::share::{div_snippet, embed_link, iframe_snippet, page_link};
use crate::core::state::State;

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub state: State,
}

/// "Copy link" for the current state, and the embed snippets an author pastes into a post.
#[function_component]
pub fn Share(props: &ShareProps) -> Html {
    let status = use_state(|| None::<String>);
    // The snippets are built only while the panel is open, not on every slider move.
    let panel_open = use_state(|| false);
    let on_toggle = {
        let panel_open = panel_open.clone();
        Callback::from(move |event: Event| {
            let details: web_sys::HtmlDetailsElement = event.target_unchecked_into();
            panel_open.set(details.open());
        })
    };
    // Known only in the browser: the prerendered page shows relative snippets until hydrated.
    let page = use_state(String::new);
    {
        let page = page.clone();
        use_effect_with((), move |_| page.set(page_url()));
    }
    let page = (*page).clone();
    let link = page_link(&page, &props.state);
    let copy = |text: String, what: &'static str| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let (text, status) = (text.clone(), status.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let message = if copy_to_clipboard(text).await {
                    format!("{what} copied.")
                } else {
                    format!(
                        "Could not copy the {}: select it and copy it by hand.",
                        what.to_lowercase()
                    )
                };
                status.set(Some(message));
            });
        })
    };
    let snippet = |id: &'static str, label: &'static str, text: String| {
        html! {
            <div class="share__snippet">
                <label class="share__snippet-label" for={id}>{ label }</label>
                <textarea id={id} class="share__code" readonly=true rows="4" value={text.clone()} />
                <button type="button" class="button" onclick={copy(text, "Snippet")}>
                    { "Copy snippet" }
                </button>
            </div>
        }
    };

    html! {
        <section class="share" aria-label="Share">
            <button type="button" class="button button--primary" onclick={copy(link, "Link")}>
                { "Copy link" }
            </button>
            <details class="share__embed" ontoggle={on_toggle}>
                <summary class="button">{ "Embed" }</summary>
                if *panel_open {
                    <div class="share__panel">
                        <p>{ "Paste one of these into a blog post. Both size themselves to their content." }</p>
                        { snippet("embed-iframe", "iframe and embed.js", iframe_snippet(&page, &props.state)) }
                        { snippet("embed-div", "One line, configured by data attributes", div_snippet(&page, &props.state)) }
                        { snippet("embed-bare", "Bare link, for platforms that only take a URL", embed_link(&page, &props.state)) }
                    </div>
                }
            </details>
            <p class="share__status" role="status">{ (*status).clone().unwrap_or_default() }</p>
        </section>
    }
}
