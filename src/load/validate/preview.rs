//! The first screenful of a load still running, for a UI to show while the rest loads:
//! published once, and only when what it shows is true so far.

use rustc_hash::FxHashMap as HashMap;

use super::checks::as_written;
use crate::model::{DocId, Origins, Timeline};

/// Events checked before a preview is made: more than any terminal shows at once.
pub const PREVIEW_EVENTS: usize = 200;

/// A preview of `timeline` (the events checked so far), or `None` when it would not be
/// true so far: when an event waits for a document or an actor (`waiting`, so its place
/// in date order is unknown), a problem was found (`clean` is false), the events are not
/// in date order, an id is given twice, or a quote does not stand in its paragraph as
/// written. The preview holds the events, the actors and kinds, and only the documents
/// the events cite.
pub fn preview(
    timeline: &Timeline,
    origins: &Origins,
    waiting: bool,
    clean: bool,
) -> Option<Timeline> {
    let events = &timeline.events;
    let sorted = events.is_sorted_by_key(|e| e.date.sort_key());
    let quoted = || {
        events
            .iter()
            .all(|e| e.sources.iter().all(|s| as_written(timeline, s)))
    };
    // Ids defined twice are found once every event is read: among these, here.
    let repeated = || {
        let mut ids: Vec<&str> = events.iter().map(|e| &*e.id).collect();
        ids.sort_unstable();
        ids.windows(2).any(|pair| pair[0] == pair[1])
    };
    if waiting || !clean || !sorted || !quoted() || repeated() {
        return None;
    }
    let mut kept: HashMap<DocId, DocId> = HashMap::default();
    let mut documents = Vec::new();
    let mut document_origins = Vec::new();
    let mut events = events.clone();
    for source in events.iter_mut().flat_map(|e| e.sources.iter_mut()) {
        let old = source.doc;
        source.doc = *kept.entry(old).or_insert_with(|| {
            documents.push(timeline.document(old).clone());
            document_origins.extend(origins.documents.get(old.index()).copied());
            DocId((documents.len() - 1) as u32)
        });
    }
    if document_origins.len() != documents.len() {
        // Origins are kept for every document or for none.
        document_origins.clear();
    }
    Some(Timeline {
        documents,
        actors: timeline.actors.clone(),
        kinds: timeline.kinds.clone(),
        events,
        title: timeline.title.clone(),
        annotations: Default::default(),
        origins: Origins {
            documents: document_origins,
            actors: origins.actors.clone(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::PREVIEW_EVENTS;
    use crate::load::{LoadError, Progress, SourceFile, load_paths_and_sources};
    use crate::model::Timeline;

    /// A file of two documents and `count` events citing the second, dated by `day`.
    fn file(count: usize, day: impl Fn(usize) -> usize) -> SourceFile {
        let mut text = String::from("documents:\n");
        for id in ["unused", "cited"] {
            text.push_str(&format!(
                "  - id: {id}\n    title: T\n    published: 2022-01-01\n    paragraphs: [\"Alpha beta.\"]\n"
            ));
        }
        text.push_str("actors:\n  - id: nato\n    name: NATO\n    kind: organization\nevents:\n");
        for i in 0..count {
            text.push_str(&format!(
                "  - id: e{i}\n    date: 2022-01-{:02}\n    title: T\n    kind: talks\n    actors: [nato]\n    sources: [{{doc: cited, paragraph: 1, quote: beta}}]\n",
                day(i) % 28 + 1
            ));
        }
        SourceFile {
            name: "a.yaml".into(),
            text,
        }
    }

    /// The preview a load of `source` publishes when asked, and the timeline it loads.
    /// The preview published while `source` loads, and what the load gave.
    fn preview_of(source: SourceFile) -> (Option<Timeline>, Result<Timeline, LoadError>) {
        let progress = Progress::default();
        progress.want_preview();
        let loaded = load_paths_and_sources(&[], &[source], None, &progress);
        (progress.take_preview(), loaded)
    }

    #[test]
    fn events_in_date_order_publish_the_first_screenful_with_the_documents_they_cite() {
        let (preview, loaded) = preview_of(file(PREVIEW_EVENTS * 2, |i| i / 20));
        let (preview, loaded) = (preview.expect("a preview"), loaded.expect("valid"));
        assert_eq!(preview.events.len(), PREVIEW_EVENTS);
        let ids = |events: &[crate::model::Event]| -> Vec<String> {
            events.iter().map(|e| e.id.to_string()).collect()
        };
        assert_eq!(ids(&preview.events), ids(&loaded.events[..PREVIEW_EVENTS]));
        let documents: Vec<&str> = preview.documents.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(documents, ["cited"]);
        assert_eq!(
            preview.document(preview.events[0].sources[0].doc).id,
            "cited"
        );
    }

    #[test]
    fn events_not_in_date_order_publish_no_preview() {
        let (preview, loaded) = preview_of(file(PREVIEW_EVENTS * 2, |i| 27 - i / 20));
        loaded.expect("valid");
        assert!(preview.is_none());
    }

    #[test]
    fn a_quote_not_as_written_publishes_no_preview() {
        let mut source = file(PREVIEW_EVENTS, |i| i / 20);
        source.text = source.text.replacen("quote: beta", "quote: gamma", 1);
        let (preview, loaded) = preview_of(source);
        assert!(loaded.is_err());
        assert!(preview.is_none());
    }

    #[test]
    fn an_id_given_twice_publishes_no_preview() {
        let mut source = file(PREVIEW_EVENTS, |i| i / 20);
        source.text = source.text.replacen("id: e1\n", "id: e0\n", 1);
        let (preview, loaded) = preview_of(source);
        let error = loaded.unwrap_err();
        assert!(error.to_string().contains("id is defined twice"), "{error}");
        assert!(preview.is_none());
    }

    #[test]
    fn no_preview_unless_asked() {
        let progress = Progress::default();
        let source = file(PREVIEW_EVENTS, |i| i / 20);
        load_paths_and_sources(&[], &[source], None, &progress).expect("valid");
        assert!(progress.take_preview().is_none());
    }
}
