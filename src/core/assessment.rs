//! "Which hat fits you?": the self-assessment's scoring.

use super::content::{RoleKey, CONTENT, MAX_QUESTIONS};

/// The chosen option of each question, by index; `None` while unanswered.
pub type Answers = [Option<u8>; MAX_QUESTIONS];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fit {
    pub role: RoleKey,
    pub answered: usize,
    /// Sum of the chosen options' leans: negative toward the TL, positive toward the EM.
    pub lean: i32,
    /// The questions whose answers pointed where the result went (for the hybrid: all).
    pub deciding: Vec<usize>,
}

/// The lean of the chosen option, if the answer names a real option.
fn chosen_lean(question: usize, answer: Option<u8>) -> Option<i8> {
    let option = CONTENT
        .questions
        .get(question)?
        .options
        .get(usize::from(answer?))?;
    Some(option.lean)
}

/// The role the answers lean to: a clear lean (a third of the way or more toward one side)
/// picks that role, anything in between the hybrid. Nothing answered, nothing to say.
pub fn assess(answers: &Answers) -> Option<Fit> {
    let leans: Vec<(usize, i8)> = answers
        .iter()
        .enumerate()
        .filter_map(|(question, answer)| Some((question, chosen_lean(question, *answer)?)))
        .collect();
    if leans.is_empty() {
        return None;
    }
    let lean: i32 = leans.iter().map(|(_, lean)| i32::from(*lean)).sum();
    let widest = 2 * i32::try_from(leans.len()).unwrap_or(i32::MAX);
    let role = if 3 * lean <= -widest {
        RoleKey::TechLead
    } else if 3 * lean >= widest {
        RoleKey::EngineeringManager
    } else {
        RoleKey::TechLeadManager
    };
    let deciding = leans
        .iter()
        .filter(|(_, lean)| match role {
            RoleKey::TechLead => *lean < 0,
            RoleKey::EngineeringManager => *lean > 0,
            RoleKey::TechLeadManager => true,
        })
        .map(|(question, _)| *question)
        .collect();
    Some(Fit {
        role,
        answered: leans.len(),
        lean,
        deciding,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The option of each question leaning furthest toward `sign` (-1 TL, 1 EM).
    fn leaning(sign: i8) -> Answers {
        let mut answers = [None; MAX_QUESTIONS];
        for (answer, question) in answers.iter_mut().zip(CONTENT.questions) {
            let options = question.options;
            let best = (0..options.len())
                .max_by_key(|&option| options[option].lean * sign)
                .unwrap();
            *answer = Some(best as u8);
        }
        answers
    }

    #[test]
    fn the_content_asks_six_to_ten_questions() {
        assert!((6..=MAX_QUESTIONS).contains(&CONTENT.questions.len()));
    }

    #[test]
    fn nothing_answered_says_nothing() {
        assert_eq!(assess(&[None; MAX_QUESTIONS]), None);
    }

    #[test]
    fn extreme_answers_give_the_expected_role() {
        let tl = assess(&leaning(-1)).unwrap();
        assert_eq!(tl.role, RoleKey::TechLead);
        assert_eq!(tl.deciding.len(), CONTENT.questions.len());
        assert_eq!(
            assess(&leaning(1)).unwrap().role,
            RoleKey::EngineeringManager
        );
    }

    #[test]
    fn an_even_mix_is_the_hybrid() {
        let mut answers = leaning(-1);
        for question in (0..CONTENT.questions.len()).step_by(2) {
            answers[question] = leaning(1)[question];
        }
        let fit = assess(&answers).unwrap();
        assert_eq!(fit.role, RoleKey::TechLeadManager, "lean {}", fit.lean);
    }

    #[test]
    fn one_answer_is_enough_for_a_first_reading() {
        let mut answers = [None; MAX_QUESTIONS];
        answers[0] = leaning(1)[0];
        let fit = assess(&answers).unwrap();
        assert_eq!((fit.role, fit.answered), (RoleKey::EngineeringManager, 1));
    }

    #[test]
    fn an_answer_naming_no_option_is_ignored() {
        let mut answers = [None; MAX_QUESTIONS];
        answers[0] = Some(9);
        assert_eq!(assess(&answers), None);
    }

    #[test]
    fn every_combination_of_answers_yields_a_result() {
        // Every option, or no answer, for every question: the full product of choices.
        let choices: Vec<usize> = CONTENT
            .questions
            .iter()
            .map(|q| q.options.len() + 1)
            .collect();
        let total: usize = choices.iter().product();
        let mut counts = [0usize; 3];
        for mut index in 0..total {
            let mut answers = [None; MAX_QUESTIONS];
            for (question, count) in choices.iter().enumerate() {
                let choice = index % count;
                index /= count;
                answers[question] = (choice > 0).then(|| (choice - 1) as u8);
            }
            match assess(&answers) {
                None => assert!(answers.iter().all(Option::is_none)),
                Some(fit) => {
                    assert!(fit.answered > 0);
                    assert!(fit.deciding.iter().all(|q| answers[*q].is_some()));
                    counts[fit.role.index()] += 1;
                }
            }
        }
        assert!(
            counts.iter().all(|count| *count > 0),
            "every role is reachable: {counts:?}"
        );
    }
}
