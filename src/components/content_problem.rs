use yew::prelude::*;

use crate::core::content::Text;

#[derive(Properties, PartialEq)]
pub struct ContentProblemProps {
    pub heading: Text,
    pub problem: AttrValue,
}

/// Says, calmly, why the page's own content file or the chosen translation could not be
/// used, above the built-in content that the page shows instead.
#[function_component]
pub fn ContentProblem(props: &ContentProblemProps) -> Html {
    html! {
        <section class="content-problem" aria-labelledby="content-problem-heading">
            <h2 id="content-problem-heading">{ props.heading.get() }</h2>
            <pre class="content-problem__details">{ props.problem.clone() }</pre>
            <p class="content-problem__fallback">
                { Text::ContentProblemFallback.get() }
            </p>
        </section>
    }
}
