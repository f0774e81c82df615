use yew::prelude::*;

use super::{citation, disagreement};
use crate::core::content::{TeamSize as Sizes, Text, CONTENT};
use crate::core::recommend::{Recommendation as Advice, Warning};
use crate::core::state::AdviceDetails;

#[derive(Properties, PartialEq)]
pub struct RecommendationProps {
    pub advice: Advice,
    /// The thresholds in force when the page's author moved them from the sources'.
    #[prop_or_default]
    pub author_sizes: Option<Sizes>,
    /// The reasons and the rules start closed, to keep an embed short; nothing is left out.
    #[prop_or_default]
    pub folded: bool,
}

/// The card that answers the slider: the setup, the time split, the coding ranges, the
/// warnings and every reason with its source.
#[function_component]
pub fn Recommendation(props: &RecommendationProps) -> Html {
    let advice = &props.advice;
    let team = Text::engineers(advice.team);
    let setup_class = format!("recommendation--{}", advice.setup.key());
    html! {
        <section class={classes!("recommendation", setup_class)} aria-labelledby="recommendation-heading">
            <h2 id="recommendation-heading" class="recommendation__eyebrow">{ Text::Recommendation.get() }</h2>
            <p class="recommendation__setup" aria-live="polite" aria-atomic="true">
                <span class="recommendation__team">{ team }{ ": " }</span>
                <strong>{ advice.setup.title() }</strong>
            </p>
            <Details details={AdviceDetails(advice.clone())} author_sizes={props.author_sizes}
                folded={props.folded} />
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DetailsProps {
    details: AdviceDetails,
    author_sizes: Option<Sizes>,
    folded: bool,
}

/// The card below its first line: all it says but the team's size, so a slider move within a
/// zone passes it by.
#[function_component]
fn Details(props: &DetailsProps) -> Html {
    let advice = &props.details.0;

    let flags = advice.flags().into_iter().map(|flag| {
        html! { <li class={classes!("flag", format!("flag--{}", flag.key()))}>{ flag.label() }</li> }
    });
    let flags = html! {
        <>
            { for flags }
            if let Some(author) = props.author_sizes {
                <li class="flag flag--author">
                    { author_thresholds(&author) }
                </li>
            }
        </>
    };

    let coding = advice.coding_roles().iter().map(|role| {
        let role = role.role();
        html! {
            <li class="recommendation__coding-item" key={role.short}>
                <strong>{ role.short }</strong>{ " " }{ Text::CodesShare.fill(&[("range", &role.coding)]) }
                { citation(role.coding.sources, role.coding.reasoning) }
            </li>
        }
    });

    let rules = advice.warnings.iter().filter_map(|warning| match warning {
        Warning::NeverBreak(index) => Some(&CONTENT.rules[*index]),
        Warning::BurnOut => None,
    });
    let rules = rules.map(|rule| {
        html! {
            <li class="recommendation__rule">
                <p>{ rule.text }</p>
                { citation(rule.sources, rule.reasoning) }
            </li>
        }
    });

    let reasons = advice.reasons.iter().map(|reason| {
        let reason_text = CONTENT.reason(*reason);
        let cited = &reason_text.cited;
        html! {
            <li class="recommendation__reason" key={reason.key()}>
                <p>{ cited.text }</p>
                { citation(cited.sources, cited.reasoning) }
                { disagreement(reason_text.disagreement, false) }
            </li>
        }
    });

    // One source's two answers for this size, side by side, so neither hides the other.
    let tension = advice.tension.map(|answers| {
        let answer_items = answers.iter().map(|reason| {
            let reason_text = CONTENT.reason(*reason);
            let cited = &reason_text.cited;
            html! {
                <li class="tension__answer" key={reason.key()}>
                    <p>{ cited.text }</p>
                    { citation(cited.sources, cited.reasoning) }
                </li>
            }
        });
        // What the other articles say about the same question, below both answers.
        let disagreements = answers.iter().map(|reason| {
            html! { { disagreement(CONTENT.reason(*reason).disagreement, false) } }
        });
        html! {
            <aside class="tension" aria-labelledby="tension-heading">
                <h3 id="tension-heading" class="tension__heading">{ Text::OneSourceTwoAnswers.get() }</h3>
                <ul class="tension__answers">{ for answer_items }</ul>
                { for disagreements }
            </aside>
        }
    });

    html! {
        <>
            <ul class="flags">{ flags }</ul>
            // `if let`, not `for`: an empty slot keeps its place, so the nodes before it are
            // updated, not replaced, when the block comes and goes.
            if let Some(tension) = tension {
                { tension }
            }
            if let Some(split) = advice.time_split {
                <div class="time-split">
                    <p class="time-split__label">
                        { Text::TimeSplit.fill(&[("technical", &split.technical_percent), ("people", &split.people_percent)]) }
                    </p>
                    <meter class="time-split__meter" min="0" max="100"
                        value={split.technical_percent.to_string()}
                        aria-label={Text::TimeSplitMeter.get()}></meter>
                    <p class="time-split__note">{ Text::TimeSplitNote.get() }</p>
                </div>
            }
            if !advice.coding_roles().is_empty() {
                <h3 class="recommendation__subheading">{ Text::HandsOnCoding.get() }</h3>
                <ul class="recommendation__coding">{ for coding }</ul>
            }
            <details class="recommendation__fold" open={!props.folded}>
                <summary><h3 class="recommendation__subheading">{ Text::Why.get() }</h3></summary>
                <ol class="recommendation__reasons">{ for reasons }</ol>
            </details>
            <details class="recommendation__fold" open={!props.folded}>
                <summary><h3 class="recommendation__subheading">{ Text::Rules.get() }</h3></summary>
                <ul class="recommendation__rules">{ for rules }</ul>
            </details>
        </>
    }
}

/// The page author's thresholds beside the sources', so a reader knows they were moved.
fn author_thresholds(author: &Sizes) -> String {
    let sources = &CONTENT.team_size;
    Text::AuthorThresholds.fill(&[
        ("hybrid_from", &author.hybrid_from),
        ("hybrid_to", &(author.split_from - 1)),
        ("split_from", &author.split_from),
        ("sources_hybrid_from", &sources.hybrid_from),
        ("sources_hybrid_to", &(sources.split_from - 1)),
        ("sources_split_from", &sources.split_from),
    ])
}
