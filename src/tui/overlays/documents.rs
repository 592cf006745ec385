//! The documents overlay: every document loaded, one a row (its publication day, how many
//! of the shown events cite it, its title), and the one under the cursor in full below
//! the rows: title, publisher and day, paragraphs, citing events, file and URL, wrapped,
//! so that the URL can be copied whole. `Enter` opens it in the source pane; `f` keeps
//! only the events citing it. Only the rows on screen are drawn, so a million documents
//! cost a frame no more than ten.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::model::{DocId, Document};
use crate::query::citing_counts;
use crate::text::{sanitize, wrap};
use crate::tui::session::Session;
use crate::tui::theme::{dim, selected};
use crate::tui::widgets::{centered, fit, pane_block};

/// The documents overlay's state: where the cursor is, and how many of the shown events
/// cite each document (counted once, on opening: the filter cannot change under it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Documents {
    /// The document under the cursor, by position in the timeline's documents.
    pub cursor: usize,
    /// For each document, how many of the shown events cite it.
    pub citing: Vec<usize>,
    /// The digits of the largest count, which the counts' column is as wide as (found
    /// once: a frame reads only the rows it draws).
    pub count_digits: usize,
}

impl Documents {
    /// The overlay over the documents of `session`, the cursor on the first document of
    /// the selected event.
    pub fn open(session: &Session) -> Self {
        let citing = citing_counts(&session.timeline, &session.rows.events);
        let cursor = session
            .selected_event()
            .and_then(|e| session.timeline.events[e].sources.first())
            .map_or(0, |s| s.doc.index());
        let count_digits = citing.iter().max().map_or(1, |n| n.to_string().len());
        Documents {
            cursor,
            citing,
            count_digits,
        }
    }

    /// Moves the cursor by `by` documents, within the list.
    pub fn move_cursor(&mut self, by: isize) {
        let last = self.citing.len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(by).min(last);
    }

    /// The document under the cursor, if there is one (the counts are those of the
    /// timeline it was opened on: a reload opens the overlay again).
    pub fn chosen(&self) -> Option<DocId> {
        (self.cursor < self.citing.len())
            .then(|| DocId::new(self.cursor))
            .flatten()
    }
}

/// The lines that say all of `doc` (the one at `id`), each whole: what the overlay shows
/// below the rows for the document under the cursor.
pub fn details(session: &Session, id: DocId, citing: usize) -> Vec<String> {
    let doc: &Document = session.timeline.document(id);
    let publisher = doc.publisher.as_deref().unwrap_or("publisher unknown");
    let paragraphs = doc.paragraphs.len();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let file = session
        .timeline
        .document_file(id)
        .and_then(|f| session.files.get(f))
        .map_or("file: not from a file".to_string(), |f| {
            format!("file: {f}")
        });
    vec![
        doc.title.clone(),
        format!("{publisher} · published {}", doc.published),
        format!(
            "{} · {} of the shown events cite it",
            plural(paragraphs, "paragraph", "paragraphs"),
            citing
        ),
        format!("id: {}", doc.id),
        file,
        match &doc.url {
            Some(url) => format!("url: {url}"),
            None => "url: none".to_string(),
        },
    ]
}

/// Rows the list keeps at least, when there are that many documents, however long the
/// details below them.
const LEAST_ROWS: usize = 3;

/// Draws the overlay centred over `area`: the rows of the page holding the cursor, a
/// rule, then the details of the document under it, wrapped. When the details do not
/// fit, their last line shown ends in `…`.
pub fn render(documents: &Documents, session: &Session, frame: &mut Frame, area: Rect) {
    // A small screen is taken whole, so that the details fit beside the rows.
    let width = if area.width < 80 {
        area.width
    } else {
        area.width - 4
    };
    let height = if area.height < 24 {
        area.height
    } else {
        area.height - 2
    };
    let popup = centered(area, width, height);
    let inside_width = usize::from(width.saturating_sub(2)).max(1);
    let inside_height = usize::from(height.saturating_sub(2));
    // The counts and the timeline have the same documents; the fewer bound the rows all
    // the same, so that no mismatch can index past either.
    let count = documents.citing.len().min(session.timeline.documents.len());
    let title = format!(" Documents: {count} · Enter opens · f keeps its events · Esc closes ");
    frame.render_widget(Clear, popup);
    let block = pane_block(fit(&title, inside_width), true);
    let mut detail_lines: Vec<String> = Vec::new();
    if let Some(id) = documents.chosen().filter(|id| id.index() < count) {
        let citing = documents.citing.get(id.index()).copied().unwrap_or(0);
        for line in details(session, id, citing) {
            let line = sanitize(&line).into_owned();
            detail_lines.extend(
                wrap(&line, inside_width)
                    .into_iter()
                    .map(|r| line[r].to_string()),
            );
        }
    }
    let least = count.min(LEAST_ROWS);
    // The rule between the rows and the details takes a line.
    let detail_room = inside_height.saturating_sub(least + 1);
    if detail_lines.len() > detail_room {
        detail_lines.truncate(detail_room);
        if let Some(last) = detail_lines.last_mut() {
            *last = fit(&format!("{last} …"), inside_width);
            if !last.ends_with('…') {
                last.push('…');
            }
        }
    }
    let rows = inside_height
        .saturating_sub(detail_lines.len() + 1)
        .clamp(least.min(inside_height), count.max(1));
    let mut lines: Vec<Line> = Vec::new();
    if count == 0 {
        lines.push(Line::styled("no documents", dim()));
    }
    let first = documents.cursor - documents.cursor % rows.max(1);
    let digits = documents.count_digits;
    for k in first..(first + rows).min(count) {
        let Some(id) = DocId::new(k) else { break };
        let doc = session.timeline.document(id);
        let chosen = k == documents.cursor;
        let lead = format!(
            "{} {} {:>digits$}  ",
            if chosen { "▸" } else { " " },
            doc.published,
            documents.citing[k]
        );
        let room = inside_width.saturating_sub(lead.chars().count());
        let style = if chosen { selected() } else { Style::new() };
        lines.push(Line::from(vec![
            Span::styled(lead, style),
            Span::styled(fit(&doc.title, room), style),
        ]));
    }
    while lines.len() < rows {
        lines.push(Line::default());
    }
    if !detail_lines.is_empty() {
        lines.push(Line::styled("─".repeat(inside_width), dim()));
        let bold = Style::new().add_modifier(Modifier::BOLD);
        for (i, line) in detail_lines.into_iter().enumerate() {
            lines.push(Line::styled(line, if i == 0 { bold } else { Style::new() }));
        }
    }
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceFile, load_sources};
    use crate::query::Filter;

    fn session() -> Session {
        let timeline = load_sources(&[SourceFile::bundled()]).expect("bundled loads");
        let mut session = Session::new(timeline, "events.yaml".into(), Filter::default());
        session.files = vec!["articles/cbs-news-2022-01-01.yaml".into()];
        session.timeline.documents[0].url = Some(
            "https://www.example.org/news/2022/01/01/a-long-path-that-wraps-at-fifty-columns"
                .into(),
        );
        session
    }

    /// The screen drawn at `width` × `height`, row by row.
    fn drawn(documents: &Documents, session: &Session, width: u16, height: u16) -> String {
        crate::tui::drawn::screen(width, height, |frame| {
            render(documents, session, frame, frame.area())
        })
    }

    #[test]
    fn the_day_file_and_url_show_whole_at_50_by_15_and_120_by_40() {
        let session = session();
        let documents = Documents::open(&session);
        let doc = &session.timeline.documents[0];
        let url = doc.url.clone().expect("the bundled article has a URL");
        for (width, height) in [(50, 15), (120, 40)] {
            let screen = drawn(&documents, &session, width, height);
            let joined: String = screen.lines().map(str::trim_end).collect();
            let squashed: String = joined.split(['│', '┃', ' ']).collect();
            assert!(screen.contains("2022-01-01"), "{width}×{height}:\n{screen}");
            assert!(
                squashed.contains("file:articles/cbs-news-2022-01-01.yaml"),
                "{width}×{height}:\n{screen}"
            );
            assert!(
                squashed.contains(&format!("url:{url}")),
                "{width}×{height}:\n{screen}"
            );
            assert!(screen.contains("17 of the shown events cite it") || width < 60);
        }
    }

    #[test]
    fn the_count_follows_the_filter() {
        let mut session = session();
        let putin = session.timeline.resolve_actor("putin").expect("putin");
        session.apply_filter(Filter {
            actors: vec![putin],
            ..Filter::default()
        });
        let documents = Documents::open(&session);
        assert_eq!(documents.citing, [session.rows.events.len()]);
        let screen = drawn(&documents, &session, 120, 40);
        let count = session.rows.events.len();
        assert!(
            screen.contains(&format!("{count} of the shown events cite it")),
            "{screen}"
        );
    }

    #[test]
    fn the_cursor_stays_within_the_documents() {
        let session = session();
        let mut documents = Documents::open(&session);
        documents.move_cursor(5);
        assert_eq!(documents.cursor, 0);
        documents.move_cursor(-5);
        assert_eq!(documents.chosen(), Some(DocId(0)));
    }
}
