//! The tense of the verb that governs a temporal expression, from cheap cues: modals
//! and planning words point forward, past forms back, present forms to neither. The
//! nearest cue in the sentence wins; a cue after the expression or across a clause
//! boundary counts as farther.

use std::ops::Range;

use super::lexicon::{self, Tense};
use super::scan::{Token, TokenKind};

/// How far (in tokens) the tense of a sentence is looked for around an expression.
const TENSE_REACH: usize = 12;

/// What crossing a clause boundary adds to a cue's distance in the tense search.
const CLAUSE_COST: usize = 5;

/// What a cue after the mention adds to its distance (a governing verb comes first
/// more often than not in news).
const RIGHT_COST: usize = 2;

/// The tense of the verb that most likely governs the mention: the nearest tense cue
/// in its sentence, a cue to the right or across a clause boundary counting as
/// farther; `since` before the mention means the past.
pub(crate) fn of_mention(tokens: &[Token], mention: Range<usize>) -> Option<Tense> {
    let start = mention.start;
    let end = mention.end;
    let sentence = tokens.get(start)?.sentence;
    if word_before(tokens, start) == "since" {
        return Some(Tense::Past);
    }
    let mut best: Option<(usize, Option<Tense>)> = None;
    let mut consider = |cost: usize, cue: Option<Tense>| {
        if best.is_none_or(|(best_cost, _)| cost < best_cost) {
            best = Some((cost, cue));
        }
    };
    let mut boundaries = 0;
    for distance in 1..=TENSE_REACH {
        let Some(k) = start.checked_sub(distance) else {
            break;
        };
        if tokens[k].sentence != sentence {
            break;
        }
        if let Some(cue) = cue(tokens, k) {
            consider(distance + CLAUSE_COST * boundaries, cue);
            break;
        }
        if lexicon::is_clause_boundary(&tokens[k].lower) {
            boundaries += 1;
        }
    }
    let mut boundaries = 0;
    for distance in 1..=TENSE_REACH {
        let k = end - 1 + distance;
        if k >= tokens.len() || tokens[k].sentence != sentence {
            break;
        }
        if let Some(cue) = cue(tokens, k) {
            consider(distance + RIGHT_COST + CLAUSE_COST * boundaries, cue);
            break;
        }
        if lexicon::is_clause_boundary(&tokens[k].lower) {
            boundaries += 1;
        }
    }
    best.and_then(|(_, cue)| cue)
}

/// The lower-cased word at `k`, or `""` for a number, a mark or the end of the text.
pub(crate) fn word(tokens: &[Token], k: usize) -> &str {
    match tokens.get(k) {
        Some(t) if t.kind == TokenKind::Word => t.lower.as_str(),
        _ => "",
    }
}

fn word_before(tokens: &[Token], k: usize) -> &str {
    k.checked_sub(1).map_or("", |j| word(tokens, j))
}

/// The tense token `k` signals: `Some(Some(_))` a tense, `Some(None)` a present
/// verb (stop looking), `None` nothing.
fn cue(tokens: &[Token], k: usize) -> Option<Option<Tense>> {
    let form = word(tokens, k);
    if form.is_empty() {
        return None;
    }
    if lexicon::is_future_cue(form) && !(form == "may" && tokens[k].capital) {
        let needs_to = matches!(
            form,
            "going" | "due" | "plan" | "plans" | "aims" | "hopes" | "intends"
        );
        if needs_to && word(tokens, k + 1) != "to" {
            return None;
        }
        if form == "ll"
            && k.checked_sub(1)
                .and_then(|j| tokens.get(j))
                .is_none_or(|t| t.lower != "'")
        {
            return None;
        }
        return Some(Some(Tense::Future));
    }
    if lexicon::is_past_form(form) {
        let before = word_before(tokens, k);
        if matches!(
            before,
            "will" | "would" | "shall" | "could" | "might" | "may" | "should" | "must" | "can"
        ) {
            return Some(Some(Tense::Future));
        }
        if before == "be" {
            let modal = matches!(
                word(tokens, k.saturating_sub(2)),
                "will" | "would" | "to" | "shall" | "ll"
            );
            return if modal {
                Some(Some(Tense::Future))
            } else {
                None
            };
        }
        if before == "been" {
            return Some(Some(Tense::Past));
        }
        if lexicon::is_passive_auxiliary(before) {
            return Some(None);
        }
        return Some(Some(Tense::Past));
    }
    if matches!(form, "is" | "are" | "am" | "says" | "say") {
        return Some(None);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::timex::scan::tokenize;

    /// The tense found for the first occurrence of `target` in `text`.
    fn tense_of(text: &str, target: &str) -> Option<Tense> {
        let tokens = tokenize(text);
        let at = tokens
            .iter()
            .position(|t| t.lower == target)
            .expect("the target is in the text");
        of_mention(&tokens, at..at + 1)
    }

    #[test]
    fn a_past_verb_before_the_expression_governs_it() {
        assert_eq!(
            tense_of("The senator said Monday that he would run.", "monday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("Two men have been arrested Tuesday.", "tuesday"),
            Some(Tense::Past)
        );
    }

    #[test]
    fn modals_and_plans_point_forward() {
        assert_eq!(
            tense_of("The council will meet on Tuesday.", "tuesday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("The bill is expected to pass Friday.", "friday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("The talks will be held Friday.", "friday"),
            Some(Tense::Future)
        );
    }

    #[test]
    fn a_cue_across_a_clause_loses_to_one_inside_it() {
        let text = "The bank lost money in the third quarter and plans to raise capital.";
        assert_eq!(tense_of(text, "third"), Some(Tense::Past));
    }

    #[test]
    fn present_forms_and_no_verb_give_no_tense() {
        assert_eq!(tense_of("The deadline is Friday.", "friday"), None);
        assert_eq!(tense_of("Friday.", "friday"), None);
    }

    #[test]
    fn since_means_the_past() {
        assert_eq!(
            tense_of("Prices are up since April.", "april"),
            Some(Tense::Past)
        );
    }
}
