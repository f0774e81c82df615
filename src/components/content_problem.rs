use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ContentProblemProps {
    pub problem: AttrValue,
}

/// Says, calmly, why the page's own content file could not be used, above the built-in
/// content that the page shows instead.
#[function_component]
pub fn ContentProblem(props: &ContentProblemProps) -> Html {
    html! {
        <section class="content-problem" aria-labelledby="content-problem-heading">
            <h2 id="content-problem-heading">{ "This page's own content could not be used" }</h2>
            <pre class="content-problem__details">{ props.problem.clone() }</pre>
            <p class="content-problem__fallback">
                { "Below is the built-in content, drawn from the articles listed at the bottom of the page." }
            </p>
        </section>
    }
}
