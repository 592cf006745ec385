//! Drafting a timeline from a news article, by rules: the article is read into a
//! document ([`article`]), its temporal expressions are found and resolved against the
//! publication date ([`timex`]), its actors are named ([`actors`]) and its events are
//! drafted, each with the verbatim quote it came from ([`events`]). [`draft`] does all
//! of it: text in, a [`Timeline`] that passes `tline check` out.

pub mod actors;
pub mod article;
pub mod events;
pub mod merge;
pub mod timex;
mod words;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::model::{Actor, ActorId, DocId, Document, Event, KindId, Source, Timeline};
use article::{Article, ArticleError, DateSource, TitleSource};
use events::{DraftEvent, Tagger};
use words::unique_id;

/// What a draft may be told besides the articles' text.
#[derive(Debug, Clone, Copy, Default)]
pub struct DraftOptions<'a> {
    /// The publication date, overriding any the text gives (`--published`).
    pub published: Option<NaiveDate>,
    /// Actors of existing timelines (`--actors`), whose ids and aliases the draft
    /// reuses.
    pub existing_actors: &'a [Actor],
}

/// How one article's document was read, for the comment atop a written draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftedArticle {
    /// The article's name, as given.
    pub name: String,
    /// Where the document's title came from.
    pub title_source: TitleSource,
    /// Where the publication date came from.
    pub date_source: DateSource,
}

/// A drafted timeline and what a reviewer should know about how it was drafted.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// One document per article, the actors, kinds and events, sorted as the loader
    /// sorts them.
    pub timeline: Timeline,
    /// For each document, how it was read.
    pub articles: Vec<DraftedArticle>,
    /// For each actor of the timeline, whether it came from the existing actors given
    /// (a writer may leave those out when the draft is loaded beside their file).
    pub reused_actors: Vec<bool>,
    /// Pairs of events of different articles that may tell one happening but were kept
    /// apart, one line each (see [`merge`]).
    pub unsure_pairs: Vec<String>,
}

impl Draft {
    /// Lines for a comment at the top of a written draft: that it is a draft, from what,
    /// and where each document's title and date came from.
    pub fn describe(&self) -> Vec<String> {
        let names: Vec<&str> = self.articles.iter().map(|a| a.name.as_str()).collect();
        let mut lines = vec![format!(
            "Draft timeline written by tline extract from {}: review every event, its date and its actors.",
            names.join(", ")
        )];
        for (article, document) in self.articles.iter().zip(&self.timeline.documents) {
            let title = match article.title_source {
                TitleSource::Header => "its header",
                TitleSource::Headline => "its first line",
                TitleSource::FileName => "the file name (the article gives none)",
            };
            let date = match article.date_source {
                DateSource::Given => "given with --published",
                DateSource::DateLine => "from its date line",
                DateSource::Header => "from its header",
            };
            lines.push(format!(
                "{}: title from {title}; published {} ({date}), the date relative dates are read against.",
                document.id, document.published
            ));
        }
        lines.extend(self.unsure_pairs.iter().cloned());
        lines
    }
}

/// Drafts a timeline from the article `text`, named `name` (a `.md` name is read as
/// Markdown); fails only when the text gives no publication date and none is given,
/// or has no paragraph.
pub fn draft(text: &str, name: &str, options: &DraftOptions) -> Result<Draft, ArticleError> {
    draft_all(&[(name, text)], options)
}

/// Drafts one timeline from several articles, given as (name, text): one document
/// each, actors shared (an actor named by an earlier article is reused by the later
/// ones), ids unique across all, and the same happening told by several of them merged
/// into one event with a source from each ([`merge`]).
pub fn draft_all(articles: &[(&str, &str)], options: &DraftOptions) -> Result<Draft, ArticleError> {
    draft_with(articles, options, &timex::tag)
}

/// [`draft_all`] with the temporal tagger given.
fn draft_with(
    articles: &[(&str, &str)],
    options: &DraftOptions,
    tag: Tagger,
) -> Result<Draft, ArticleError> {
    let mut actors: Vec<Actor> = Vec::new();
    let mut reused_actors: Vec<bool> = Vec::new();
    let mut actor_at: HashMap<String, usize> = HashMap::new();
    let mut documents: Vec<Document> = Vec::new();
    let mut drafted_articles = Vec::new();
    let mut doc_ids = HashSet::new();
    let mut event_ids = HashSet::new();
    let mut drafted: Vec<(DraftEvent, usize)> = Vec::new();
    for (name, text) in articles {
        let article = article::read(text, name, options.published)?;
        let paragraphs: Vec<&str> = article.paragraphs.iter().map(|p| p.text.as_str()).collect();
        let known: Vec<Actor> = actors
            .iter()
            .cloned()
            .chain(
                options
                    .existing_actors
                    .iter()
                    .filter(|a| !actor_at.contains_key(&a.id))
                    .cloned(),
            )
            .collect();
        let cast = actors::find_actors(&paragraphs, &known);
        let merged: Vec<usize> = cast
            .actors
            .iter()
            .map(|actor| match actor_at.get(&actor.id) {
                Some(&i) => {
                    actors[i] = actor.clone();
                    i
                }
                None => {
                    actor_at.insert(actor.id.clone(), actors.len());
                    actors.push(actor.clone());
                    reused_actors.push(options.existing_actors.iter().any(|e| e.id == actor.id));
                    actors.len() - 1
                }
            })
            .collect();
        let doc = documents.len();
        for mut event in events::draft_events(&paragraphs, article.published, &cast, tag) {
            event.id = unique_id(&event.id, &mut event_ids);
            event.actors = event
                .actors
                .iter()
                .filter_map(|&a| merged.get(a).copied())
                .collect();
            drafted.push((event, doc));
        }
        drafted_articles.push(DraftedArticle {
            name: name.to_string(),
            title_source: article.title_source,
            date_source: article.date_source,
        });
        let mut document = document(article, name);
        document.id = unique_id(&document.id, &mut doc_ids);
        documents.push(document);
    }
    // Sorted first, so that kinds are numbered in file order, as the loader numbers them.
    drafted.sort_by_key(|(e, _)| e.date.sort_key());
    let mut kinds: Vec<String> = Vec::new();
    let events: Vec<Event> = drafted
        .into_iter()
        .filter_map(|(e, doc)| model_event(e, doc, &mut kinds))
        .collect();
    let mut timeline = Timeline {
        documents,
        actors,
        kinds,
        events,
        ..Timeline::default()
    };
    // The same happening told by several articles: one event with a source from each.
    let unsure_pairs = if timeline.documents.len() > 1 {
        merge::merge_retellings(&mut timeline)
    } else {
        Vec::new()
    };
    Ok(Draft {
        timeline,
        articles: drafted_articles,
        reused_actors,
        unsure_pairs,
    })
}

/// The article as the timeline's one document, its id a slug of the file name.
fn document(article: Article, name: &str) -> Document {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let mut id: String = stem
        .chars()
        .map(|c| match c.to_ascii_lowercase() {
            c @ ('a'..='z' | '0'..='9' | '-' | '_' | '.') => c,
            _ => '-',
        })
        .collect();
    id = id.trim_start_matches(['-', '_', '.']).to_string();
    if id.is_empty() {
        id = "article".to_string();
    }
    Document {
        id,
        title: article.title,
        publisher: article.publisher,
        published: article.published,
        url: article.url,
        paragraphs: article.paragraphs.into_iter().map(|p| p.text).collect(),
    }
}

/// A drafted event of document `doc` in the model's terms, its kind added to `kinds`.
fn model_event(event: DraftEvent, doc: usize, kinds: &mut Vec<String>) -> Option<Event> {
    let kind = match kinds.iter().position(|k| *k == event.kind) {
        Some(i) => i,
        None => {
            kinds.push(event.kind);
            kinds.len() - 1
        }
    };
    let doc = DocId::new(doc)?;
    Some(Event {
        id: event.id.into(),
        date: event.date,
        date_text: event.date_text.map(String::into_boxed_str),
        title: event.title.into(),
        kind: KindId::new(kind)?,
        status: event.status,
        actors: event.actors.into_iter().filter_map(ActorId::new).collect(),
        summary: event.summary.map(String::into_boxed_str),
        sources: event
            .sources
            .into_iter()
            .map(|s| Source {
                doc,
                paragraph: s.paragraph,
                quote: s.quote.into(),
            })
            .collect(),
        imported_without_source: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceFile, load_sources};
    use serde_yaml::{Mapping, Value};

    /// A small writer of tline's schema, for this test only.
    fn to_yaml(timeline: &Timeline) -> String {
        let text = |s: &str| Value::String(s.to_string());
        let map = |pairs: Vec<(&str, Value)>| {
            let mut m = Mapping::new();
            for (k, v) in pairs {
                if !v.is_null() {
                    m.insert(text(k), v);
                }
            }
            Value::Mapping(m)
        };
        let optional = |s: Option<&str>| s.map_or(Value::Null, text);
        let documents = timeline
            .documents
            .iter()
            .map(|d| {
                map(vec![
                    ("id", text(&d.id)),
                    ("title", text(&d.title)),
                    ("publisher", optional(d.publisher.as_deref())),
                    ("published", text(&d.published.to_string())),
                    ("url", optional(d.url.as_deref())),
                    (
                        "paragraphs",
                        Value::Sequence(d.paragraphs.iter().map(|p| text(p)).collect()),
                    ),
                ])
            })
            .collect();
        let actors = timeline
            .actors
            .iter()
            .map(|a| {
                map(vec![
                    ("id", text(&a.id)),
                    ("name", text(&a.name)),
                    ("kind", text(a.kind.as_str())),
                    (
                        "aliases",
                        Value::Sequence(a.aliases.iter().map(|s| text(s)).collect()),
                    ),
                ])
            })
            .collect();
        let events = timeline
            .events
            .iter()
            .map(|e| {
                let sources = e
                    .sources
                    .iter()
                    .map(|s| {
                        map(vec![
                            ("doc", text(&timeline.document(s.doc).id)),
                            ("paragraph", Value::Number(s.paragraph.into())),
                            ("quote", text(&s.quote)),
                        ])
                    })
                    .collect();
                map(vec![
                    ("id", text(&e.id)),
                    ("date", text(&e.date.to_string())),
                    ("date_text", optional(e.date_text.as_deref())),
                    ("title", text(&e.title)),
                    ("kind", text(timeline.kind(e.kind))),
                    ("status", text(e.status.as_str())),
                    (
                        "actors",
                        Value::Sequence(
                            e.actors
                                .iter()
                                .map(|&a| text(&timeline.actor(a).id))
                                .collect(),
                        ),
                    ),
                    ("summary", optional(e.summary.as_deref())),
                    ("sources", Value::Sequence(sources)),
                ])
            })
            .collect();
        let root = map(vec![
            ("documents", Value::Sequence(documents)),
            ("actors", Value::Sequence(actors)),
            ("events", Value::Sequence(events)),
        ]);
        serde_yaml::to_string(&root).expect("a mapping of strings serialises")
    }

    const ARTICLE: &str = "Date: 2022-03-04\nTitle: Talks stall\nPublisher: Wire\n\n\
        Russian and Ukrainian negotiators met in Belarus on Thursday, the Kremlin said.\n\n\
        President Zelensky said the talks will resume next week. Mr Zelensky warned that \
        Russia could attack Kyiv.\n\nThe talks were “difficult,” an aide said.\n";

    /// The articles the extractor's tests are written against (tests/extract/).
    const FIXTURES: [(&str, &str); 3] = [
        (
            "ceasefire.txt",
            include_str!("../../tests/extract/ceasefire.txt"),
        ),
        ("summit.md", include_str!("../../tests/extract/summit.md")),
        ("rates.txt", include_str!("../../tests/extract/rates.txt")),
    ];

    #[test]
    fn a_draft_written_as_yaml_loads_without_a_problem() {
        for (name, text) in [("news/talks.txt", ARTICLE)].into_iter().chain(FIXTURES) {
            let draft = draft(text, name, &DraftOptions::default()).expect("drafts");
            assert!(!draft.timeline.events.is_empty(), "{name}");
            let yaml = to_yaml(&draft.timeline);
            let files = [SourceFile {
                name: "draft.yaml".to_string(),
                text: yaml.clone(),
            }];
            let loaded = match load_sources(&files) {
                Ok(timeline) => timeline,
                Err(e) => panic!("{name}: {e}\n{yaml}"),
            };
            assert_eq!(loaded, draft.timeline, "{name}");
        }
    }

    #[test]
    fn several_articles_make_one_timeline_that_loads() {
        let articles: Vec<(&str, &str)> = FIXTURES
            .into_iter()
            .chain([("news/talks.txt", ARTICLE), ("other/talks.txt", ARTICLE)])
            .collect();
        let draft = draft_all(&articles, &DraftOptions::default()).expect("drafts");
        assert_eq!(draft.timeline.documents.len(), 5);
        let ids: HashSet<&str> = draft
            .timeline
            .documents
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        assert_eq!(ids.len(), 5, "{ids:?}");
        let russia = draft
            .timeline
            .actors
            .iter()
            .filter(|a| a.id == "russia")
            .count();
        assert_eq!(russia, 1);
        assert!(draft.reused_actors.iter().all(|r| !r));
        let yaml = to_yaml(&draft.timeline);
        let files = [SourceFile {
            name: "draft.yaml".to_string(),
            text: yaml.clone(),
        }];
        match load_sources(&files) {
            Ok(loaded) => assert_eq!(loaded, draft.timeline),
            Err(e) => panic!("{e}\n{yaml}"),
        }
        assert_eq!(draft.describe().len(), 6);
    }

    #[test]
    fn the_draft_says_where_its_title_and_date_came_from() {
        let draft = draft(ARTICLE, "talks.txt", &DraftOptions::default()).expect("drafts");
        let lines = draft.describe().join("\n");
        assert!(lines.contains("header"), "{lines}");
        assert!(lines.contains("2022-03-04"), "{lines}");
        assert_eq!(draft.timeline.documents[0].id, "talks");
    }

    #[test]
    fn existing_actors_are_reused_and_marked() {
        let existing = [Actor {
            id: "zelensky".into(),
            name: "Volodymyr Zelensky".into(),
            kind: crate::model::ActorKind::Person,
            aliases: vec!["Zelensky".into()],
        }];
        let options = DraftOptions {
            published: None,
            existing_actors: &existing,
        };
        let draft = draft(ARTICLE, "talks.txt", &options).expect("drafts");
        let i = draft
            .timeline
            .actors
            .iter()
            .position(|a| a.id == "zelensky")
            .expect("reused");
        assert!(draft.reused_actors[i]);
        assert_eq!(
            draft
                .timeline
                .actors
                .iter()
                .filter(|a| a.name.contains("Zelensky"))
                .count(),
            1
        );
    }

    #[test]
    fn no_date_is_an_error() {
        let error = draft("Text.\n\nMore.", "a.txt", &DraftOptions::default()).unwrap_err();
        assert!(error.to_string().contains("--published"));
    }

    /// Every quote of a draft lies verbatim in the paragraph it cites, and ids are
    /// unique.
    fn assert_well_formed(draft: &Draft) {
        let timeline = &draft.timeline;
        let mut ids = std::collections::HashSet::new();
        for event in &timeline.events {
            assert!(ids.insert(&*event.id), "{} twice", event.id);
            assert!(!event.sources.is_empty());
            for source in &event.sources {
                assert!(
                    timeline.paragraph(source).contains(&*source.quote),
                    "{source:?}"
                );
            }
        }
    }

    use proptest::prelude::*;

    /// Words and marks the clause and actor rules turn on.
    const NEWS_WORDS: &[&str] = &[
        "said",
        "told",
        "that",
        "which",
        ",",
        ".",
        "“",
        "”",
        "and",
        "the",
        "talks",
        "flew",
        "on",
        "Thursday",
        "next",
        "month",
        "will",
        "could",
        "Russia",
        "Mr.",
        "President",
        "Biden",
        "ahead",
        "of",
        "after",
        "has",
        "recent",
        "reports",
        "U.S.",
        "if",
        ";",
        "\n\n",
        "as",
        "early",
        "January",
        "NATO-Russia",
        "Council",
        "this",
        "report",
        "any",
        "not",
    ];

    proptest! {
        #[test]
        fn any_text_drafts_without_a_panic(text in "\\PC{0,300}") {
            let options = DraftOptions {
                published: NaiveDate::from_ymd_opt(2022, 1, 1),
                existing_actors: &[],
            };
            if let Ok(draft) = draft(&text, "any.txt", &options) {
                assert_well_formed(&draft);
            }
            let _ = draft(&text, "any.md", &options);
        }

        #[test]
        fn news_words_in_any_order_draft_well_formed(
            words in proptest::collection::vec(proptest::sample::select(NEWS_WORDS), 0..80)
        ) {
            let text = words.join(" ");
            let options = DraftOptions {
                published: NaiveDate::from_ymd_opt(2022, 1, 1),
                existing_actors: &[],
            };
            if let Ok(draft) = draft(&text, "words.txt", &options) {
                assert_well_formed(&draft);
            }
        }
    }

    #[test]
    fn drafting_time_grows_linearly_with_the_text() {
        let body = FIXTURES
            .iter()
            .map(|(_, t)| *t)
            .collect::<Vec<_>>()
            .join("\n\n");
        let article = |copies: usize| format!("2022-01-01\n\n{}", body.repeat(copies));
        let options = DraftOptions::default();
        let time = |copies: usize| {
            let text = article(copies);
            let start = std::time::Instant::now();
            let draft = draft(&text, "long.txt", &options).expect("drafts");
            assert_well_formed(&draft);
            start.elapsed()
        };
        let small = time(4);
        let large = time(40);
        assert!(
            large < small * 40 + std::time::Duration::from_millis(50),
            "10× the text took {large:?} against {small:?}"
        );
    }
}
