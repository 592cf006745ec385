//! Drafting events from an article's clauses: one candidate per clause that reports
//! something happening, said, planned or feared (a word of the event lexicon), with a
//! short title, the actors the clause names, a kind, a status from its modality, a date
//! and the verbatim words of the clause as its source. Clauses telling the same
//! happening (same date, actors and kind, or "the flight" after a flight) become one
//! event with several sources.

mod analysis;
mod clauses;
mod dating;
mod lexicon;
mod reading;
mod title;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::actors::Cast;
use super::timex::Timex;
use super::words::{Word, slug, unique_id, words};
use crate::date::EdtfDate;
use crate::model::Status;
use analysis::analyse;
use clauses::{Clause, Marks, Role, clauses, sentences};
use dating::{Tense, past_day, recent};
use lexicon::Class;
use reading::{own_timex, plain_timex, reading_in_speech, undated};
use title::title;

/// Where a drafted event is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftSource {
    /// The paragraph, 1-based.
    pub paragraph: usize,
    /// The words of the clause, verbatim from the paragraph.
    pub quote: String,
}

/// One event of a draft, its actors given as indices into [`Cast::actors`].
#[derive(Debug, Clone, PartialEq)]
pub struct DraftEvent {
    /// A unique slug made from the title.
    pub id: String,
    /// When.
    pub date: EdtfDate,
    /// The words the date was read from, when the clause has its own.
    pub date_text: Option<String>,
    /// Subject, verb and object of the first clause.
    pub title: String,
    /// The kind the event word gives (call, flight, statement, …).
    pub kind: String,
    /// Occurred, planned, expected or reported, from the clause's modality.
    pub status: Status,
    /// Indices into [`Cast::actors`], in order of mention.
    pub actors: Vec<usize>,
    /// How an inferred date was reached, and the other reading of a date in reported
    /// speech.
    pub summary: Option<String>,
    /// Where it is told; never empty.
    pub sources: Vec<DraftSource>,
}

/// A temporal tagger: a text and the date to resolve it against, to its expressions.
pub type Tagger<'a> = &'a dyn Fn(&str, NaiveDate) -> Vec<Timex>;

/// What one paragraph offers the drafter.
struct Paragraph<'a> {
    text: &'a str,
    words: Vec<Word<'a>>,
    marks: Marks,
    clauses: Vec<Clause>,
    timexes: Vec<Timex>,
}

impl<'a> Paragraph<'a> {
    /// The temporal expressions lying wholly within `range`, found by binary search.
    fn timexes_within(&self, range: &std::ops::Range<usize>) -> impl Iterator<Item = &Timex> {
        let from = self
            .timexes
            .partition_point(|t| t.range.start < range.start);
        let to = self.timexes.partition_point(|t| t.range.start < range.end);
        let end = range.end;
        self.timexes[from..to.max(from)]
            .iter()
            .filter(move |t| t.range.end <= end)
    }

    /// Whether a temporal expression covers byte `at`.
    fn in_timex(&self, at: usize) -> bool {
        let after = self.timexes.partition_point(|t| t.range.start <= at);
        after
            .checked_sub(1)
            .is_some_and(|i| self.timexes[i].range.contains(&at))
    }

    fn read(text: &'a str, published: NaiveDate, tag: Tagger) -> Self {
        let words = words(text);
        let marks = Marks::of(text, &words);
        let mut clause_list = Vec::new();
        for (n, sentence) in sentences(text).into_iter().enumerate() {
            let from = words.partition_point(|w| w.start < sentence.start);
            let to = words.partition_point(|w| w.start < sentence.end);
            clauses(text, &words, &marks, from..to, n, &mut clause_list);
        }
        let mut timexes = tag(text, published);
        timexes.sort_by_key(|t| t.range.start);
        Paragraph {
            text,
            words,
            marks,
            clauses: clause_list,
            timexes,
        }
    }
}

/// The running context of the article: the days and plans told so far.
#[derive(Default)]
struct Context {
    /// The latest past day any clause has been dated to by its own words.
    article_anchor: Option<NaiveDate>,
    /// The same, within the current paragraph.
    paragraph_anchor: Option<NaiveDate>,
    /// The date of the latest plan, with its paragraph.
    plan_anchor: Option<(EdtfDate, usize)>,
}

/// Drafts the events of an article published on `published`, whose paragraphs name the
/// actors of `cast`, reading temporal expressions with `tag`.
pub fn draft_events(
    paragraphs: &[&str],
    published: NaiveDate,
    cast: &Cast,
    tag: Tagger,
) -> Vec<DraftEvent> {
    let mut events: Vec<DraftEvent> = Vec::new();
    // Per event: whether its first clause was a relative one, to prefer main events as
    // antecedents of "the flight".
    let mut from_relative: Vec<bool> = Vec::new();
    let mut first_paragraph: Vec<usize> = Vec::new();
    let mut by_key: HashMap<(String, Vec<usize>, String), usize> = HashMap::new();
    let mut context = Context::default();
    for (p, text) in paragraphs.iter().enumerate() {
        let paragraph = Paragraph::read(text, published, tag);
        context.paragraph_anchor = None;
        let mut clause_dates: Vec<Option<EdtfDate>> = vec![None; paragraph.clauses.len()];
        let mut clause_statuses: Vec<Option<Status>> = vec![None; paragraph.clauses.len()];
        let mut speech_days: Vec<Option<NaiveDate>> = vec![None; paragraph.clauses.len()];
        for (c, clause) in paragraph.clauses.iter().enumerate() {
            let Some(analysis) = analyse(&paragraph, clause) else {
                continue;
            };
            let quote = paragraph
                .text
                .get(clause.range.clone())
                .unwrap_or("")
                .trim();
            if quote.is_empty() {
                continue;
            }
            let source = DraftSource {
                paragraph: p + 1,
                quote: quote.to_string(),
            };
            let read = own_timex(&paragraph, clause, analysis.tense, published, tag);
            let (own, ignored) = match read {
                Some(o) if !o.dates_event => (None, o.note),
                other => (other, None),
            };
            if analysis.anaphoric
                && own.is_none()
                && let Some(e) = antecedent(
                    &events,
                    &from_relative,
                    &first_paragraph,
                    analysis.trigger.kind,
                    p,
                )
            {
                add_source(&mut events[e], source);
                clause_dates[c] = Some(events[e].date);
                continue;
            }
            let speaker_day = match clause.governor {
                Some(g) if g < c => speech_days.get(g).copied().flatten(),
                Some(g) => {
                    // An attribution after its clause ("…, the official said"): dated
                    // by its own words, else after the latest day told so far.
                    let own_day = own.as_ref().and_then(|o| past_day(&o.date, published));
                    paragraph
                        .clauses
                        .get(g)
                        .and_then(|speech| plain_timex(&paragraph, speech, published))
                        .and_then(|d| past_day(&d, published))
                        .or(context.article_anchor.max(own_day))
                }
                None => None,
            };
            let dated = match &own {
                Some(own) => {
                    reading_in_speech(&paragraph, clause, own, speaker_day, published, tag)
                }
                None => {
                    let mut dated = match analysis.recent {
                        Some(j) => recent(paragraph.words[j].text, published),
                        None => undated(&analysis, clause, &clause_dates, &context, p, published),
                    };
                    if let Some(why) = ignored {
                        dated.note = Some(match dated.note {
                            Some(note) => format!("{why} {note}"),
                            None => why,
                        });
                    }
                    dated
                }
            };
            if analysis.trigger.class == Class::Speech
                && matches!(clause.role, Role::Main | Role::Speech)
            {
                speech_days[c] = dated
                    .date
                    .earliest()
                    .filter(|_| dated.date.latest().is_some());
            }
            clause_dates[c] = Some(dated.date);
            // "ahead of the talks" shares the plan of the clause it hangs on.
            let governor_status = clause
                .governor
                .and_then(|g| clause_statuses.get(g).copied().flatten());
            let status = match (clause.role, analysis.status, governor_status) {
                (Role::Ahead, Status::Occurred, Some(Status::Planned | Status::Expected)) => {
                    Status::Planned
                }
                _ => analysis.status,
            };
            clause_statuses[c] = Some(status);
            if own.is_some() {
                if let Some(d) = past_day(&dated.date, published) {
                    context.article_anchor = context.article_anchor.max(Some(d));
                    context.paragraph_anchor = context.paragraph_anchor.max(Some(d));
                }
                if analysis.tense == Tense::Future {
                    context.plan_anchor = Some((dated.date, p));
                }
            }
            let mut actors = clause_actors(cast, p, clause);
            // "…, which followed another flight", "China plans to announce": the clause
            // before names who acts.
            if actors.is_empty()
                && matches!(clause.role, Role::Relative | Role::Intent)
                && let Some(governor) = clause.governor.and_then(|g| paragraph.clauses.get(g))
            {
                actors = clause_actors(cast, p, governor);
            }
            let kind = analysis.trigger.kind.to_string();
            let mut sorted = actors.clone();
            sorted.sort_unstable();
            let key = (dated.date.to_string(), sorted, kind.clone());
            if let Some(&e) = by_key.get(&key) {
                add_source(&mut events[e], source);
                continue;
            }
            by_key.insert(key, events.len());
            from_relative.push(clause.role == Role::Relative);
            first_paragraph.push(p);
            events.push(DraftEvent {
                id: String::new(),
                date: dated.date,
                date_text: dated.date_text,
                title: title(&paragraph, clause, &analysis),
                kind,
                status,
                actors,
                summary: dated.note,
                sources: vec![source],
            });
        }
    }
    let mut taken = HashSet::new();
    for event in &mut events {
        event.id = unique_id(&slug(&event.title, 5), &mut taken);
    }
    events
}

/// Adds a source unless the event already cites those words.
fn add_source(event: &mut DraftEvent, source: DraftSource) {
    // Paragraphs come in order: only the sources of this paragraph, at the end, can
    // repeat these words.
    let repeated = event
        .sources
        .iter()
        .rev()
        .take_while(|s| s.paragraph == source.paragraph)
        .any(|s| s.quote == source.quote);
    if !repeated {
        event.sources.push(source);
    }
}

/// The event "the flight" or "the upcoming talks" refers to: the latest of its kind in
/// this or the three paragraphs before, one from a main clause before one from a
/// relative clause.
fn antecedent(
    events: &[DraftEvent],
    from_relative: &[bool],
    first_paragraph: &[usize],
    kind: &str,
    paragraph: usize,
) -> Option<usize> {
    // Events are made in paragraph order: the search stops at the first one too old.
    let candidates: Vec<usize> = (0..events.len())
        .rev()
        .take_while(|&e| first_paragraph[e] + 3 >= paragraph)
        .filter(|&e| events[e].kind == kind)
        .collect();
    candidates
        .iter()
        .copied()
        .find(|&e| !from_relative[e])
        .or_else(|| candidates.first().copied())
}

/// The actors a clause names, in order, each once.
fn clause_actors(cast: &Cast, paragraph: usize, clause: &Clause) -> Vec<usize> {
    let mut actors = Vec::new();
    let mentions = cast.mentions.get(paragraph).map_or(&[][..], |m| &m[..]);
    let from = mentions.partition_point(|m| m.range.start < clause.range.start);
    for mention in &mentions[from..] {
        if mention.range.start >= clause.range.end {
            break;
        }
        let inside =
            mention.range.start >= clause.range.start && mention.range.end <= clause.range.end;
        if inside && !actors.contains(&mention.actor) {
            actors.push(mention.actor);
        }
    }
    actors
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::actors::find_actors;
    use crate::extract::timex::TimexType;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    /// A stand-in tagger for the rules here: knows a handful of expressions, each
    /// resolved against the date it is given.
    fn toy_tagger(text: &str, date: NaiveDate) -> Vec<Timex> {
        use chrono::{Datelike, Duration};
        let mut out = Vec::new();
        let mut find = |needle: &str, value: String, edtf: Option<String>| {
            if let Some(at) = text.find(needle) {
                out.push(Timex {
                    range: at..at + needle.len(),
                    kind: TimexType::Date,
                    value,
                    edtf,
                });
            }
        };
        let days_back = (date.weekday().num_days_from_monday() + 7 - 3) % 7;
        let thursday = (date - Duration::days(i64::from(days_back))).to_string();
        find("Thursday", thursday.clone(), Some(thursday));
        let next = if date.month() == 12 {
            format!("{}-01", date.year() + 1)
        } else {
            format!("{}-{:02}", date.year(), date.month() + 1)
        };
        find("next month", next.clone(), Some(next));
        find("recent", "PAST_REF".into(), None);
        find(
            "December 27",
            "2021-12-27".into(),
            Some("2021-12-27".into()),
        );
        out
    }

    fn draft(text: &str, published: NaiveDate) -> (Vec<DraftEvent>, Cast) {
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let cast = find_actors(&paragraphs, &[]);
        (
            draft_events(&paragraphs, published, &cast, &toy_tagger),
            cast,
        )
    }

    fn find<'a>(events: &'a [DraftEvent], quote_part: &str) -> &'a DraftEvent {
        events
            .iter()
            .find(|e| e.sources.iter().any(|s| s.quote.contains(quote_part)))
            .unwrap_or_else(|| panic!("no event quoting {quote_part:?} in {events:#?}"))
    }

    #[test]
    fn a_clause_with_an_event_word_and_a_date_is_an_event() {
        let (events, cast) = draft(
            "Ukraine said Russian jets flew over Kharkiv on Thursday.",
            ymd(2022, 3, 5),
        );
        let flight = find(&events, "jets flew");
        assert_eq!(flight.kind, "flight");
        assert_eq!(flight.date.to_string(), "2022-03-03");
        assert_eq!(flight.date_text.as_deref(), Some("Thursday"));
        assert_eq!(flight.status, Status::Occurred);
        let names: Vec<&str> = flight
            .actors
            .iter()
            .map(|&a| cast.actors[a].id.as_str())
            .collect();
        assert_eq!(names, ["russia"]);
        assert_eq!(flight.title, "Russian jets flew over Kharkiv");
    }

    #[test]
    fn quotes_are_verbatim_substrings_of_their_paragraph() {
        let text = "Meanwhile, an official confirmed that a “large” convoy withdrew on Thursday, which followed \
                    another withdrawal on December 27.\n\nThe withdrawal was slow.";
        let (events, _) = draft(text, ymd(2022, 1, 1));
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        for event in &events {
            for source in &event.sources {
                assert!(
                    paragraphs[source.paragraph - 1].contains(&source.quote),
                    "{source:?}"
                );
            }
        }
        assert_eq!(
            find(&events, "another withdrawal").date.to_string(),
            "2021-12-27"
        );
        // "The withdrawal" is the main one, not the one in the relative clause.
        assert_eq!(
            find(&events, "The withdrawal was slow").date.to_string(),
            "2021-12-30"
        );
    }

    #[test]
    fn a_relative_clause_without_actors_takes_those_of_its_antecedent() {
        let (events, cast) = draft(
            "Russian jets flew over Ukraine on Thursday, which followed another flight on December 27.",
            ymd(2022, 1, 1),
        );
        let earlier = find(&events, "another flight");
        let names: Vec<&str> = earlier
            .actors
            .iter()
            .map(|&a| cast.actors[a].id.as_str())
            .collect();
        assert_eq!(names, ["russia", "ukraine"]);
    }

    #[test]
    fn what_was_agreed_to_is_a_plan_of_its_own_with_the_agreeing_actors() {
        let (events, cast) = draft(
            "Russia and Ukraine agreed on Thursday to exchange prisoners next month.",
            ymd(2022, 1, 1),
        );
        let exchange = find(&events, "exchange prisoners");
        assert_eq!(exchange.status, Status::Planned);
        assert_eq!(exchange.date.to_string(), "2022-02");
        assert_eq!(
            exchange.title,
            "Russia and Ukraine agreed on Thursday to exchange prisoners"
        );
        let names: Vec<&str> = exchange
            .actors
            .iter()
            .map(|&a| cast.actors[a].id.as_str())
            .collect();
        assert_eq!(names, ["russia", "ukraine"]);
        assert_eq!(
            find(&events, "agreed on Thursday").date.to_string(),
            "2021-12-30"
        );
    }

    #[test]
    fn modality_gives_the_status() {
        let (events, _) = draft(
            "Talks will resume next month.\n\nRussia could invade next month.\n\n\
             Russia reportedly withdrew troops on Thursday.",
            ymd(2022, 1, 1),
        );
        assert_eq!(find(&events, "Talks will").status, Status::Planned);
        assert_eq!(find(&events, "could invade").status, Status::Expected);
        assert_eq!(find(&events, "reportedly").status, Status::Reported);
    }

    #[test]
    fn an_undated_statement_falls_between_the_latest_event_and_publication() {
        let (events, _) = draft(
            "The leaders held a call on Thursday.\n\nIn a statement, NATO said it was concerned.",
            ymd(2022, 1, 1),
        );
        let statement = find(&events, "NATO said");
        assert_eq!(statement.kind, "statement");
        assert_eq!(statement.date.to_string(), "2021-12-30/2022-01-01");
        assert!(
            statement
                .summary
                .as_deref()
                .is_some_and(|s| s.contains("does not date"))
        );
    }

    #[test]
    fn a_perfect_without_a_date_ends_at_publication() {
        let (events, _) = draft(
            "Russia has assembled troops near the border.",
            ymd(2022, 1, 1),
        );
        assert_eq!(find(&events, "assembled").date.to_string(), "../2022-01-01");
    }

    #[test]
    fn backshifted_reported_speech_reads_next_month_from_the_statement_and_says_so() {
        let (events, _) = draft(
            "Leaders spoke by call on Thursday.\n\nThe official said the talks planned for next month were vital.",
            ymd(2022, 1, 1),
        );
        let talks = find(&events, "next month");
        assert_eq!(talks.date.to_string(), "2022-01");
        let summary = talks.summary.as_deref().unwrap_or("");
        assert!(summary.contains("2022-02"), "{summary}");
    }

    #[test]
    fn present_tense_reported_speech_reads_next_month_from_publication_and_says_so() {
        let (events, _) = draft(
            "Leaders spoke by call on Thursday.\n\nThe talks will resume next month, the official said.",
            ymd(2022, 1, 1),
        );
        let talks = find(&events, "next month");
        assert_eq!(talks.date.to_string(), "2022-02");
        let summary = talks.summary.as_deref().unwrap_or("");
        assert!(summary.contains("2022-01"), "{summary}");
    }

    #[test]
    fn a_past_clause_is_not_dated_after_publication() {
        let tagger = |text: &str, date: NaiveDate| {
            // Reads "Thursday" forward when "would" follows, as a sentence-wide tagger may.
            let mut out = toy_tagger(text, date);
            if text.contains("would") {
                for t in &mut out {
                    t.edtf = Some("2022-01-06".into());
                }
            }
            out
        };
        let text = "Biden told Putin in a call on Thursday that the US would react.";
        let cast = find_actors(&[text], &[]);
        let events = draft_events(&[text], ymd(2022, 1, 1), &cast, &tagger);
        let call = find(&events, "in a call");
        assert_eq!(call.date.to_string(), "2021-12-30");
        assert!(
            call.summary
                .as_deref()
                .is_some_and(|s| s.contains("2022-01-06"))
        );
    }

    #[test]
    fn clauses_about_one_happening_become_one_event() {
        let (events, _) = draft(
            "Russia has built up troops near Ukraine.\n\nRussia has assembled 100,000 troops near the Ukrainian border.",
            ymd(2022, 1, 1),
        );
        let buildup = find(&events, "built up");
        assert_eq!(buildup.sources.len(), 2);
        assert_eq!(events.len(), 1);
    }

    #[test]
    fn an_event_noun_ahead_of_a_period_is_dated_to_the_month_after() {
        let (events, _) = draft(
            "Envoys will consult allies next month ahead of the summit, the official said.",
            ymd(2022, 1, 1),
        );
        assert_eq!(find(&events, "the summit").date.to_string(), "2022-02?");
    }

    #[test]
    fn negated_and_conditional_words_report_no_event() {
        let (events, _) = draft(
            "It was not in response to anything, if Russia invaded.",
            ymd(2022, 1, 1),
        );
        assert!(events.is_empty(), "{events:#?}");
    }

    #[test]
    fn ids_are_unique_slugs() {
        let (events, _) = draft(
            "Jets flew on Thursday. Jets flew on December 27. Jets flew recently.",
            ymd(2022, 1, 1),
        );
        let ids: HashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), events.len());
        assert!(events.len() >= 2);
    }

    #[test]
    fn odd_text_does_not_panic() {
        for text in [
            "",
            "said",
            "“”",
            "The call.",
            "The the the call call",
            "ahead of the talks",
            "é said that ü",
        ] {
            let _ = draft(text, ymd(2022, 1, 1));
        }
    }
}
