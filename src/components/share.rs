use yew::prelude::*;

use super::CopyButton;
use crate::browser::{page_url, widget_height};
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
    // The snippets are built only while the panel is open, not on every slider move. They start
    // the frame at the widget's height as the author sees it, measured when the panel opens.
    let panel_height = use_state(|| None::<u32>);
    let on_toggle = {
        let panel_height = panel_height.clone();
        Callback::from(move |event: Event| {
            let details: web_sys::HtmlDetailsElement = event.target_unchecked_into();
            panel_height.set(details.open().then(widget_height));
        })
    };
    // The page shows the parts chosen for the embed, so it is its own preview. A frame of
    // some parts starts at their typical embedded height: the page shows them uncompacted.
    let height = panel_height.map(|measured| props.state.view.starting_height(measured));
    let parts = Part::ALL.map(|part| {
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
                    // The last part shown cannot be taken away: an embed shows something.
                    disabled={shown && props.state.view.iter().count() == 1} {onchange} />
                { part.name() }
            </label>
        }
    });
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
                <CopyButton text={text} label={Text::CopySnippet.get()} what={Text::WhatSnippet} />
            </div>
        }
    };

    html! {
        <section class="share" aria-label={Text::Share.get()}>
            <CopyButton text={link} label={Text::CopyLink.get()} what={Text::WhatLink} primary=true />
            <details class="share__embed" ontoggle={on_toggle}>
                <summary class="button">{ Text::Embed.get() }</summary>
                if let Some(height) = height {
                    <div class="share__panel">
                        <p>{ Text::EmbedIntro.get() }</p>
                        <fieldset class="share__parts">
                            <legend>{ Text::Parts.get() }</legend>
                            { for parts }
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
