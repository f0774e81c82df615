use yew::prelude::*;

use super::CopyButton;
use crate::browser::page_url;
use crate::core::content::Text;
use crate::core::share::{div_snippet, embed_link, iframe_snippet, page_link};
use crate::core::state::{Action, Part, State};

#[derive(Properties, PartialEq)]
pub struct ShareProps {
    pub state: State,
    pub dispatch: Callback<Action>,
}

/// "Copy link" for the current state, and the embed snippets an author pastes into a post.
#[function_component]
pub fn Share(props: &ShareProps) -> Html {
    // The snippets are built only while the panel is open, not on every slider move. The page
    // shows the parts chosen for the embed, so it is its own preview.
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            let details: web_sys::HtmlDetailsElement = event.target_unchecked_into();
            open.set(details.open());
        })
    };
    // Not the page's own height: an embed is compact, and the page is not.
    let height = props.state.view.typical_embed_height();
    let parts = || {
        Part::ALL.map(|part| {
            let shown = props.state.view.contains(part);
            let onchange = props.dispatch.reform(move |event: Event| {
                let input: web_sys::HtmlInputElement = event.target_unchecked_into();
                Action::ShowPart {
                    part,
                    shown: input.checked(),
                }
            });
            html! {
                <label class="check" key={part.slug()}>
                    <input type="checkbox" name="embed-parts" value={part.slug()} checked={shown}
                        disabled={!props.state.view.can_toggle(part)} {onchange} />
                    { part.name() }
                </label>
            }
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
    let snippet = |id: &'static str, label: Text, text: String| {
        html! {
            <div class="share__snippet">
                <label class="share__snippet-label" for={id}>{ label.get() }</label>
                <textarea id={id} class="share__code" readonly=true rows="4" value={text.clone()} />
                <CopyButton text={text} label={Text::CopySnippet.get()} what={Text::WhatSnippet.get()} />
            </div>
        }
    };

    html! {
        <section class="share" aria-label={Text::Share.get()}>
            <CopyButton text={link} label={Text::CopyLink.get()} what={Text::WhatLink.get()} primary=true />
            <details class="share__embed" ontoggle={on_toggle}>
                <summary class="button">{ Text::Embed.get() }</summary>
                if *open {
                    <div class="share__panel">
                        <p>{ Text::EmbedIntro.get() }</p>
                        <fieldset class="share__parts">
                            <legend>{ Text::Parts.get() }</legend>
                            { for parts() }
                        </fieldset>
                        { snippet("embed-iframe", Text::SnippetIframe, iframe_snippet(&page, &props.state, height)) }
                        { snippet("embed-div", Text::SnippetDiv, div_snippet(&page, &props.state, height)) }
                        { snippet("embed-bare", Text::SnippetBare, embed_link(&page, &props.state)) }
                    </div>
                }
            </details>
        </section>
    }
}
