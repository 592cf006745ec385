//! The actor, kind, status, tag and review status pickers: a list with counts, narrowed by typing (Space
//! included, so that a name of several words can be typed), ticked with Tab. Holds its
//! own state; [`crate::tui::commands`] drives it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::model::{ActorId, Review, Status};
use crate::query::Filter;
use crate::text::sanitize;
use crate::tui::session::Session;
use crate::tui::theme::{dim, selected};
use crate::tui::widgets::{centered, fit, pad, pane_block};

/// What a picker picks from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    /// The actors of the timeline.
    Actors,
    /// The kinds of event.
    Kinds,
    /// The statuses: occurred, planned, expected, reported.
    Statuses,
    /// The tags of the notes file.
    Tags,
    /// The review statuses: unreviewed, verified, disputed, needs-source.
    Reviews,
}

impl PickerKind {
    /// What the picker's title calls its items.
    pub fn plural(self) -> &'static str {
        match self {
            PickerKind::Actors => "actors",
            PickerKind::Kinds => "kinds",
            PickerKind::Statuses => "statuses",
            PickerKind::Tags => "tags",
            PickerKind::Reviews => "review statuses",
        }
    }

    /// `filter` with this kind's criterion replaced by `choices`.
    pub fn apply(self, choices: &[Choice], filter: &Filter) -> Filter {
        let mut filter = filter.clone();
        match self {
            PickerKind::Actors => {
                filter.actors = choices.iter().filter_map(Choice::actor).collect();
            }
            PickerKind::Kinds => {
                filter.kinds = choices.iter().filter_map(Choice::kind).collect();
            }
            PickerKind::Statuses => {
                filter.statuses = choices.iter().filter_map(Choice::status).collect();
            }
            PickerKind::Tags => {
                filter.tags = choices.iter().filter_map(Choice::tag).collect();
            }
            PickerKind::Reviews => {
                filter.reviews = choices.iter().filter_map(Choice::review).collect();
            }
        }
        filter
    }

    /// The items to pick from in `session`, each counted under the other filters and
    /// ticked when the filter has it.
    pub fn items(self, session: &Session) -> Vec<Item> {
        let (timeline, filter) = (&session.timeline, &session.filter);
        match self {
            PickerKind::Actors => {
                let counts = session.index.actor_counts(timeline, filter);
                timeline
                    .actors
                    .iter()
                    .zip((0..).map_while(ActorId::new))
                    .map(|(actor, id)| {
                        let keys = std::iter::once(&actor.name)
                            .chain(&actor.aliases)
                            .chain(std::iter::once(&actor.id));
                        Item {
                            choice: Choice::Actor(id),
                            label: actor.name.clone(),
                            note: actor.kind.as_str().to_string(),
                            keys: keys
                                .map(|k| k.to_lowercase())
                                .collect::<Vec<_>>()
                                .join("\n"),
                            count: counts[id.index()],
                            chosen: filter.actors.contains(&id),
                        }
                    })
                    .collect()
            }
            PickerKind::Kinds => session
                .index
                .kind_counts(timeline, filter)
                .into_iter()
                .map(|(id, count)| (timeline.kind(id).to_string(), count))
                .map(|(kind, count)| Item {
                    choice: Choice::Kind(kind.clone()),
                    chosen: filter.kinds.iter().any(|k| k.eq_ignore_ascii_case(&kind)),
                    label: kind_label(&kind).to_string(),
                    keys: kind_label(&kind).to_lowercase(),
                    note: String::new(),
                    count,
                })
                .collect(),
            PickerKind::Statuses => session
                .index
                .status_counts(timeline, filter)
                .into_iter()
                .map(|(status, count)| Item {
                    choice: Choice::Status(status),
                    label: status.as_str().to_string(),
                    note: crate::tui::theme::status_mark(status).0.trim().to_string(),
                    keys: status.as_str().to_string(),
                    count,
                    chosen: filter.statuses.contains(&status),
                })
                .collect(),
            PickerKind::Tags => session
                .index
                .tag_counts(timeline, filter)
                .into_iter()
                .map(|(tag, count)| Item {
                    choice: Choice::Tag(tag.clone()),
                    chosen: filter.tags.contains(&tag),
                    keys: tag.to_lowercase(),
                    label: tag,
                    note: String::new(),
                    count,
                })
                .collect(),
            PickerKind::Reviews => session
                .index
                .review_counts(timeline, filter)
                .into_iter()
                .map(|(review, count)| Item {
                    choice: Choice::Review(review),
                    label: review.as_str().to_string(),
                    note: crate::tui::theme::review_mark(review).0.trim().to_string(),
                    keys: review.as_str().to_string(),
                    count,
                    chosen: filter.reviews.contains(&review),
                })
                .collect(),
        }
    }
}

/// What a picker chooses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// An actor.
    Actor(ActorId),
    /// An event kind.
    Kind(String),
    /// A status.
    Status(Status),
    /// A tag.
    Tag(String),
    /// A review status.
    Review(Review),
}

impl Choice {
    /// The actor chosen, if this is an actor.
    pub fn actor(&self) -> Option<ActorId> {
        match self {
            Choice::Actor(a) => Some(*a),
            _ => None,
        }
    }

    /// The kind chosen, if this is a kind.
    pub fn kind(&self) -> Option<String> {
        match self {
            Choice::Kind(k) => Some(k.clone()),
            _ => None,
        }
    }

    /// The status chosen, if this is a status.
    pub fn status(&self) -> Option<Status> {
        match self {
            Choice::Status(s) => Some(*s),
            _ => None,
        }
    }

    /// The tag chosen, if this is a tag.
    pub fn tag(&self) -> Option<String> {
        match self {
            Choice::Tag(t) => Some(t.clone()),
            _ => None,
        }
    }

    /// The review status chosen, if this is one.
    pub fn review(&self) -> Option<Review> {
        match self {
            Choice::Review(r) => Some(*r),
            _ => None,
        }
    }
}

/// One line of a picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What choosing it selects.
    pub choice: Choice,
    /// The name shown.
    pub label: String,
    /// A second column: the actor's kind, a status's mark.
    pub note: String,
    /// Other names typing can match (aliases, id), lowercased.
    pub keys: String,
    /// Events it has under the other filters.
    pub count: usize,
    /// Whether it is ticked.
    pub chosen: bool,
}

/// A picker's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    /// What it picks from.
    pub kind: PickerKind,
    /// Every item, most events first.
    pub items: Vec<Item>,
    /// The narrowing text typed so far.
    pub query: String,
    /// The highlighted line among [`Picker::shown`].
    pub cursor: usize,
    /// Whether some items were ticked when the picker opened (the filter was active).
    started_with_ticks: bool,
}

impl Picker {
    /// A picker over `items`, sorted by count (then name).
    pub fn new(kind: PickerKind, mut items: Vec<Item>) -> Self {
        items.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
        let started_with_ticks = items.iter().any(|i| i.chosen);
        Picker {
            kind,
            items,
            query: String::new(),
            cursor: 0,
            started_with_ticks,
        }
    }

    /// The picker of `kind` over `session`.
    pub fn open(kind: PickerKind, session: &Session) -> Self {
        Picker::new(kind, kind.items(session))
    }

    /// Positions in [`Picker::items`] of the items the query matches.
    pub fn shown(&self) -> Vec<usize> {
        let query = self.query.to_lowercase();
        (0..self.items.len())
            .filter(|&i| query.is_empty() || self.items[i].keys.contains(&query))
            .collect()
    }

    /// Adds a typed character to the query.
    pub fn type_char(&mut self, c: char) {
        self.query.push(c);
        self.cursor = 0;
    }

    /// Removes the last typed character.
    pub fn erase(&mut self) {
        self.query.pop();
        self.cursor = 0;
    }

    /// Moves the highlight by `by` lines, within the shown items.
    pub fn move_cursor(&mut self, by: isize) {
        let last = self.shown().len().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(by).min(last);
    }

    /// Ticks or unticks the highlighted item.
    pub fn toggle(&mut self) {
        if let Some(&i) = self.shown().get(self.cursor) {
            self.items[i].chosen = !self.items[i].chosen;
        }
    }

    /// The ticked choices. With none ticked: the highlighted one, unless the person
    /// unticked everything, which means no filter.
    pub fn chosen(&self) -> Vec<Choice> {
        let ticked: Vec<Choice> = self
            .items
            .iter()
            .filter(|i| i.chosen)
            .map(|i| i.choice.clone())
            .collect();
        if !ticked.is_empty() || self.started_with_ticks {
            return ticked;
        }
        self.shown()
            .get(self.cursor)
            .map(|&i| vec![self.items[i].choice.clone()])
            .unwrap_or_default()
    }
}

/// Draws the picker centred over `area`.
pub fn render(picker: &Picker, frame: &mut Frame, area: Rect) {
    let width = area.width.min(60);
    let height = area.height.min(24);
    let popup = centered(area, width, height);
    frame.render_widget(Clear, popup);
    let title = format!(
        " Filter by {} · Tab ticks · Enter applies · Esc cancels ",
        picker.kind.plural()
    );
    let block = pane_block(fit(&title, width.saturating_sub(2) as usize), true);
    let inside = block.inner(popup);
    frame.render_widget(block, popup);
    if inside.is_empty() {
        return;
    }
    let shown = picker.shown();
    let mut lines = vec![Line::from(vec![
        Span::styled("› ", dim()),
        // Typed or pasted: a bidi override or zero-width character shows as an escape.
        Span::styled(
            sanitize(&picker.query).into_owned(),
            Style::new().add_modifier(Modifier::BOLD),
        ),
        Span::styled("▏", dim()),
    ])];
    let rows = inside.height.saturating_sub(1) as usize;
    let first = picker.cursor.saturating_sub(rows.saturating_sub(1));
    let w = inside.width as usize;
    for (line, &i) in shown.iter().enumerate().skip(first).take(rows) {
        let item = &picker.items[i];
        let tick = if item.chosen { "[x] " } else { "[ ] " };
        let count = format!("{:>6}", item.count);
        let note_w = if w > 40 { 14 } else { 0 };
        let label_w = w.saturating_sub(4 + note_w + count.len() + 1);
        let text = format!(
            "{tick}{}{} {count}",
            pad(&item.label, label_w),
            pad(&item.note, note_w)
        );
        let style = if line == picker.cursor {
            selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(fit(&text, w), style));
    }
    if shown.is_empty() {
        lines.push(Line::styled("nothing matches", dim()));
    }
    frame.render_widget(Paragraph::new(lines), inside);
}

/// How the TUI names a kind: the empty kind of events whose file gives none reads
/// `(no kind)`, so that it can be seen, typed and picked.
pub fn kind_label(kind: &str) -> &str {
    if kind.is_empty() { "(no kind)" } else { kind }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(label: &str, count: usize) -> Item {
        Item {
            choice: Choice::Kind(label.to_string()),
            label: label.to_string(),
            note: String::new(),
            keys: label.to_lowercase(),
            count,
            chosen: false,
        }
    }

    #[test]
    fn items_sort_by_count_and_narrow_by_typing() {
        let mut p = Picker::new(
            PickerKind::Kinds,
            vec![item("talks", 2), item("call", 5), item("statement", 2)],
        );
        let labels = |p: &Picker| {
            p.shown()
                .iter()
                .map(|&i| p.items[i].label.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(labels(&p), ["call", "statement", "talks"]);
        p.type_char('T');
        p.type_char('a');
        assert_eq!(labels(&p), ["statement", "talks"]);
        p.erase();
        p.erase();
        assert_eq!(labels(&p).len(), 3);
    }

    #[test]
    fn enter_without_ticks_takes_the_highlighted_item() {
        let mut p = Picker::new(PickerKind::Kinds, vec![item("call", 5), item("talks", 2)]);
        p.move_cursor(5);
        assert_eq!(p.chosen(), [Choice::Kind("talks".into())]);
        p.toggle();
        p.move_cursor(-1);
        p.toggle();
        assert_eq!(
            p.chosen(),
            [Choice::Kind("call".into()), Choice::Kind("talks".into())]
        );
    }
}
