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
    if is_deferred_to(tokens, start) {
        return Some(Tense::Future);
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

/// Whether the mention at `start` is the new date of something put off (`was postponed
/// until Sunday`, `adjourned to Monday`, `pushed back to March`) or the date it is set
/// for (`slated for March`): a date after the report, whatever the tense of the verb.
fn is_deferred_to(tokens: &[Token], start: usize) -> bool {
    if !matches!(word_before(tokens, start), "until" | "till" | "to" | "for") {
        return false;
    }
    let preposition = word_before(tokens, start);
    // The verb just before the preposition, or with its object between (`set
    // sentencing for June 5`, `postponed the vote until Monday`).
    (2..=4).any(|back| {
        let Some(k) = start.checked_sub(back) else {
            return false;
        };
        let verb = word(tokens, k);
        tokens[k].sentence == tokens[start].sentence
            && (lexicon::is_deferral_verb(verb)
                || (preposition == "for"
                    && matches!(verb, "set" | "slated" | "timed" | "penciled")))
    })
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
        // `due in May`, `due on Friday`: as much a plan as `due to`.
        let due_at = form == "due" && matches!(word(tokens, k + 1), "in" | "on" | "by" | "for");
        if needs_to && word(tokens, k + 1) != "to" && !due_at {
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
        // `Theresa May said`: a capitalised `May` before a verb is a name, not a modal.
        let named_may = before == "may" && k.checked_sub(1).is_some_and(|j| tokens[j].capital);
        if !named_may
            && matches!(
                before,
                "will" | "would" | "shall" | "could" | "might" | "may" | "should" | "must" | "can"
            )
        {
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
    if matches!(form, "is" | "are" | "am") && is_arranged_progressive(word(tokens, k + 1)) {
        return Some(Some(Tense::Future));
    }
    if matches!(form, "is" | "are" | "am" | "says" | "say") {
        return Some(None);
    }
    if is_scheduled_present(tokens, k) {
        return Some(Some(Tense::Future));
    }
    None
}

/// Whether `is`/`are` + this word is a present progressive of an arrangement (`the
/// ministers are meeting Monday`), which English uses for the near future.
fn is_arranged_progressive(next: &str) -> bool {
    next.len() > 4
        && next.ends_with("ing")
        && !matches!(
            next,
            "being" | "during" | "nothing" | "something" | "everything"
        )
}

/// A present-tense verb of something on a schedule (`the trial resumes Monday`,
/// `lawmakers return in January`): news writes what is planned this way, and
/// writes what has happened in the past tense. A plural form counts only when no
/// determiner makes it a noun (`the return of`).
fn is_scheduled_present(tokens: &[Token], k: usize) -> bool {
    let form = word(tokens, k);
    if lexicon::is_scheduling_verb_s(form) {
        return true;
    }
    lexicon::is_scheduling_verb(form)
        && !lexicon::is_determiner(word_before(tokens, k))
        && k.checked_sub(1)
            .and_then(|j| tokens.get(j))
            .is_some_and(|t| t.kind == TokenKind::Word && t.sentence == tokens[k].sentence)
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
    fn a_date_something_is_put_off_to_lies_ahead() {
        assert_eq!(
            tense_of("The hearing was postponed until Sunday.", "sunday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("The vote was pushed back to March.", "march"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("The hearing was held until Sunday.", "sunday"),
            Some(Tense::Past)
        );
    }

    #[test]
    fn a_scheduled_present_points_forward() {
        assert_eq!(
            tense_of("Lawmakers return Monday for a session.", "monday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("The trial resumes in March.", "march"),
            Some(Tense::Future)
        );
        assert_eq!(tense_of("His return in March is likely.", "march"), None);
    }

    #[test]
    fn arrangements_and_due_dates_point_forward() {
        assert_eq!(
            tense_of("The ministers are meeting Monday.", "monday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("The elections, which are due in May, will be close.", "may"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("The launch, slated for March, could slip.", "march"),
            Some(Tense::Future)
        );
    }

    #[test]
    fn a_capitalised_may_before_a_verb_is_a_name() {
        assert_eq!(
            tense_of("Theresa May said on Friday she would resign.", "friday"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("The ban may be lifted on Friday.", "friday"),
            Some(Tense::Future)
        );
    }

    #[test]
    fn since_means_the_past() {
        assert_eq!(
            tense_of("Prices are up since April.", "april"),
            Some(Tense::Past)
        );
    }
}
