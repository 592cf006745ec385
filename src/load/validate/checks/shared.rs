//! Actors and documents shared by several files: a second definition, in another file, of
//! an id already defined is the same item when the two agree, and a problem naming both
//! places and the field that differs when they do not. An actor's aliases are united.

use rustc_hash::FxHashSet as HashSet;

use super::{Checker, Label, Place, label};
use crate::load::schema::RawActor;
use crate::model::{Actor, ActorId, ActorKind, DocId, Document};

impl Checker {
    /// Compares `document`, defined at `place`, with document `id` of `documents`, first
    /// defined at `first` in another file; the second definition is then dropped.
    pub(super) fn merge_document(
        &mut self,
        document: Document,
        place: &Place,
        first: &Place,
        documents: &[Document],
        id: DocId,
    ) {
        let name = label("document", &document.id, place);
        let Some(known) = documents.get(id.index()) else {
            return;
        };
        let mut differs = |field: &str, here: String, there: String| {
            let lead = format!("{field} {here} here, {there} at ");
            self.differs(name, place, first, field, lead);
        };
        if document.title != known.title {
            differs("title", quoted(&document.title), quoted(&known.title));
        }
        if document.published != known.published {
            let day = |d: &Document| d.published.to_string();
            differs("published", day(&document), day(known));
        }
        if document.publisher != known.publisher {
            let publisher = |d: &Document| optional(d.publisher.as_deref());
            differs("publisher", publisher(&document), publisher(known));
        }
        if document.url != known.url {
            let url = |d: &Document| optional(d.url.as_deref());
            differs("url", url(&document), url(known));
        }
        let (here, there) = (&document.paragraphs, &known.paragraphs);
        if here.len() != there.len() {
            let lead = format!("{} here, {} at ", paragraphs(here.len()), there.len());
            self.differs(name, place, first, "paragraphs", lead);
        } else if let Some(k) = here.iter().zip(there).position(|(a, b)| a != b) {
            let field = format!("paragraphs.{k}");
            let lead = format!("paragraph {} differs here from the one at ", k + 1);
            self.differs(name, place, first, &field, lead);
        }
    }

    /// Compares actor `raw`, defined at `place` (its kind read as `kind`), with actor `id`
    /// of `actors`, first defined at `first` in another file. When they agree, the aliases
    /// it adds are appended, in order and once each.
    pub(super) fn merge_actor(
        &mut self,
        raw: RawActor,
        kind: Option<ActorKind>,
        place: &Place,
        first: &Place,
        actors: &mut [Actor],
        id: ActorId,
    ) {
        let name = label("actor", &raw.id, place);
        let Some(known) = actors.get_mut(id.index()) else {
            return;
        };
        let mut agree = true;
        if raw.name != known.name {
            let lead = format!(
                "name {} here, {} at ",
                quoted(&raw.name),
                quoted(&known.name)
            );
            self.differs(name, place, first, "name", lead);
            agree = false;
        }
        // An unknown kind is reported on its own.
        if let Some(kind) = kind.filter(|k| *k != known.kind) {
            let lead = format!("kind {} here, {} at ", kind.as_str(), known.kind.as_str());
            self.differs(name, place, first, "kind", lead);
            agree = false;
        }
        if agree {
            let mut seen: HashSet<String> = known.aliases.iter().cloned().collect();
            for alias in raw.aliases {
                if seen.insert(alias.clone()) {
                    known.aliases.push(alias);
                }
            }
        }
    }

    /// Reports that the item at `place` differs in `field` from its first definition.
    fn differs(
        &mut self,
        name: Label<'_>,
        place: &Place,
        first: &Place,
        field: &str,
        lead: String,
    ) {
        let message = format!("{name}: defined differently");
        self.report_against_first(place, first, field, message, lead);
    }
}

fn quoted(text: &str) -> String {
    format!("{text:?}")
}

fn optional(text: Option<&str>) -> String {
    text.map_or_else(|| "none".to_string(), quoted)
}

fn paragraphs(count: usize) -> String {
    match count {
        1 => "1 paragraph".to_string(),
        n => format!("{n} paragraphs"),
    }
}
