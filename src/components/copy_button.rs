use yew::prelude::*;

use crate::browser::copy_to_clipboard;
use crate::core::content::Text;

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    pub text: AttrValue,
    pub label: AttrValue,
    /// What is copied, as the confirmation names it: a link, a snippet, a table.
    pub what: &'static str,
    #[prop_or_default]
    pub primary: bool,
}

/// A button that copies its text and says, politely, whether that worked.
#[function_component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let status = use_state(String::new);
    let onclick = {
        let (status, text, what) = (status.clone(), props.text.clone(), props.what);
        Callback::from(move |_: MouseEvent| {
            let (status, text) = (status.clone(), text.to_string());
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = if copy_to_clipboard(text).await {
                    Text::Copied
                } else {
                    Text::CopyFailed
                };
                status.set(outcome.fill(&[("what", &what)]));
            });
        })
    };
    html! {
        <span class="copy">
            <button type="button" class={classes!("button", props.primary.then_some("button--primary"))} {onclick}>
                { props.label.clone() }
            </button>
            <span class="copy__status" role="status">{ (*status).clone() }</span>
        </span>
    }
}
