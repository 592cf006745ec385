//! The status bar: file, position, active filters, the search and a key hint. When all
//! of it does not fit, each part gives way to a shorter form (counts, abbreviations)
//! before anything is cut, so that no active filter is ever silently hidden. A notice
//! (what a reload changed, that the files no longer load) is one of those parts.

use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};

use super::overlays::picker::kind_label;
use super::session::Session;
use super::widgets::fit;
use unicode_width::UnicodeWidthStr;

/// How much room the bar's parts take: each level is shorter than the one before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Room {
    /// Everything in words.
    Full,
    /// Several values as a count, long values cut.
    Compact,
    /// The file name left out too.
    Narrow,
    /// Each filter by its name only.
    Minimal,
}

/// A message shown in the status bar until the next key: what a reload changed, why a
/// request could not be served, or that the files no longer load (an alarm).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// What it says.
    pub text: String,
    /// Whether it warns of something wrong (drawn in red) rather than informs.
    pub alarm: bool,
}

/// The parts of the bar, left to right, which together are exactly as wide as the bar.
struct Parts {
    left: String,
    fill: usize,
    notice: String,
    hint: &'static str,
}

/// Lays the bar out on `width` columns. The notice is one more part of the bar: the
/// key hint gives way to it first, then the file name and the filters shorten as they
/// do without a notice; only when the shortest left side leaves too little room is the
/// notice cut, visibly (`…`), never the position or a filter.
fn parts(session: &Session, notice: Option<&Notice>, width: usize) -> Parts {
    let notice = notice.map(|n| format!(" {} ", n.text)).unwrap_or_default();
    let hint = "? help ";
    let laid = |left: String, notice: String, hint: &'static str| {
        let fill = width.saturating_sub(left.width() + notice.width() + hint.width());
        Parts {
            left,
            fill,
            notice,
            hint,
        }
    };
    for room in [Room::Full, Room::Compact, Room::Narrow, Room::Minimal] {
        let left = left_side(session, room);
        let used = left.width() + notice.width();
        if used + hint.len() <= width {
            return laid(left, notice, hint);
        }
        if used <= width {
            return laid(left, notice, "");
        }
    }
    let left = left_side(session, Room::Minimal);
    // Room for a notice cut to a word or two; less, and the left side keeps the bar.
    const LEAST_NOTICE: usize = 8;
    match width.checked_sub(left.width()) {
        Some(rest) if !notice.is_empty() && rest >= LEAST_NOTICE => {
            laid(left, fit(&notice, rest), "")
        }
        _ => laid(fit(&left, width), String::new(), ""),
    }
}

/// The text of the status bar on a terminal `width` columns wide, with `notice` if any.
pub fn text(session: &Session, notice: Option<&Notice>, width: usize) -> String {
    let parts = parts(session, notice, width);
    format!(
        "{}{}{}{}",
        parts.left,
        " ".repeat(parts.fill),
        parts.notice,
        parts.hint
    )
}

/// Draws the status bar into `area`, with `notice` in bold (in red when an alarm).
pub fn render(session: &Session, notice: Option<&Notice>, frame: &mut Frame, area: Rect) {
    let style = Style::new().fg(Color::Black).bg(Color::Gray);
    let notice_style = match notice {
        Some(Notice { alarm: true, .. }) => Style::new().fg(Color::White).bg(Color::Red),
        _ => style.add_modifier(Modifier::BOLD),
    };
    let parts = parts(session, notice, area.width as usize);
    let line = Line::from(vec![
        Span::styled(parts.left, style),
        Span::styled(" ".repeat(parts.fill), style),
        Span::styled(parts.notice, notice_style),
        Span::styled(parts.hint, style),
    ]);
    frame.render_widget(line, area);
}

fn left_side(session: &Session, room: Room) -> String {
    let mut parts = Vec::new();
    if room < Room::Narrow {
        parts.push(session.title.clone());
    }
    parts.push(position(session, room));
    let filters = filters(session, room);
    if room == Room::Minimal && !filters.is_empty() {
        parts.push(filters.join(" "));
    } else {
        parts.extend(filters);
    }
    if !session.search.is_empty() {
        parts.push(search(session, room));
    }
    format!(" {}", parts.join(" · "))
}

fn position(session: &Session, room: Room) -> String {
    let total = session.timeline.events.len();
    let shown = session.rows.events.len();
    let at = session.selected + 1;
    if session.partial {
        // A preview is never filtered: its counts are of the events read so far.
        return match room {
            Room::Full | Room::Compact => format!("event {at} of {total} so far"),
            Room::Narrow | Room::Minimal => format!("{at}/{total}…"),
        };
    }
    match (shown, session.filter.is_empty(), room) {
        (0, _, _) => format!("0 of {total} events"),
        (_, true, Room::Full | Room::Compact) => format!("event {at} of {total}"),
        (_, true, _) => format!("{at}/{total}"),
        (_, false, Room::Full | Room::Compact) => {
            format!("event {at} of {shown} ({total} in all)")
        }
        (_, false, _) => format!("{at}/{shown} of {total}"),
    }
}

/// One part per active criterion, in the words `room` allows.
fn filters(session: &Session, room: Room) -> Vec<String> {
    let (filter, timeline) = (&session.filter, &session.timeline);
    let mut parts = Vec::new();
    if !filter.actors.is_empty() {
        let names: Vec<&str> = filter
            .actors
            .iter()
            .map(|&a| timeline.actor(a).short_name())
            .collect();
        let joiner = if filter.all_actors { " & " } else { " | " };
        parts.push(criterion("actor", "actors", &names, joiner, room));
    }
    if !filter.kinds.is_empty() {
        let kinds: Vec<&str> = filter.kinds.iter().map(|k| kind_label(k)).collect();
        parts.push(criterion("kind", "kinds", &kinds, " | ", room));
    }
    if !filter.statuses.is_empty() {
        let words: Vec<&str> = filter.statuses.iter().map(|s| s.as_str()).collect();
        parts.push(criterion("status", "statuses", &words, " | ", room));
    }
    if filter.from.is_some() || filter.to.is_some() {
        let side = |d: Option<NaiveDate>| d.map_or("…".to_string(), |d| d.to_string());
        let range = format!("{} → {}", side(filter.from), side(filter.to));
        parts.push(match room {
            Room::Full => format!("date: {range}"),
            Room::Compact | Room::Narrow => range.replace(" → ", "→"),
            Room::Minimal => "date".to_string(),
        });
    }
    if !filter.text.is_empty() {
        parts.push(match room {
            Room::Full => format!("text: {:?}", filter.text),
            Room::Compact => format!("text: {:?}", fit(&filter.text, 10)),
            Room::Narrow => format!("{:?}", fit(&filter.text, 10)),
            Room::Minimal => "text".to_string(),
        });
    }
    if !filter.docs.is_empty() {
        let ids: Vec<&str> = filter
            .docs
            .iter()
            .map(|&d| timeline.document(d).id.as_str())
            .collect();
        parts.push(criterion("doc", "docs", &ids, " | ", room));
    }
    if filter.starred {
        parts.push(match room {
            Room::Full | Room::Compact => "★ starred".to_string(),
            Room::Narrow | Room::Minimal => "★".to_string(),
        });
    }
    if !filter.tags.is_empty() {
        let tags: Vec<&str> = filter.tags.iter().map(String::as_str).collect();
        parts.push(criterion("tag", "tags", &tags, " | ", room));
    }
    if !filter.reviews.is_empty() {
        let words: Vec<&str> = filter.reviews.iter().map(|r| r.as_str()).collect();
        parts.push(criterion("review", "reviews", &words, " | ", room));
    }
    if let Some(words) = filter.sources.describe() {
        parts.push(match room {
            Room::Minimal => "sources".to_string(),
            _ => words,
        });
    }
    parts
}

/// `kind: talks | call` in full; compactly the value when there is one, short, else a
/// count (`2 kinds`); narrow, a single value alone; minimally the name of the criterion
/// alone, with the count when several.
fn criterion(one: &str, many: &str, values: &[&str], joiner: &str, room: Room) -> String {
    let all = if joiner == " & " { " (all)" } else { "" };
    match (room, values) {
        (Room::Full, _) => format!("{one}: {}", values.join(joiner)),
        (Room::Compact, [value]) => format!("{one}: {}", fit(value, 14)),
        (Room::Narrow, [value]) => fit(value, 14),
        (Room::Compact | Room::Narrow, _) => format!("{} {many}{all}", values.len()),
        (Room::Minimal, [_]) => one.to_string(),
        (Room::Minimal, _) => format!("{} {many}", values.len()),
    }
}

/// `/jstars: 1 of 3 (n/N)`, compactly `/jstars 1/3`; `no match` when it finds nothing.
fn search(session: &Session, room: Room) -> String {
    let found = session.matches.len();
    let at = session.matches.binary_search(&session.selected).ok();
    let text = fit(
        &session.search,
        if room == Room::Full { usize::MAX } else { 12 },
    );
    match (found, at, room) {
        (0, _, _) => format!("/{text}: no match"),
        (_, Some(i), Room::Full) => format!("/{text}: {} of {found} (n/N)", i + 1),
        (_, None, Room::Full) => format!("/{text}: {found} found (n/N)"),
        (_, Some(i), _) => format!("/{text} {}/{found}", i + 1),
        (_, None, _) => format!("/{text} {found} found"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{SourceFile, load_sources};
    use crate::model::Status;
    use crate::query::Filter;

    fn session() -> Session {
        let timeline = load_sources(&[SourceFile::bundled()]).expect("bundled loads");
        Session::new(timeline, "events.yaml".into(), Filter::default())
    }

    #[test]
    fn at_80_columns_every_active_filter_and_the_search_count_show() {
        let mut session = session();
        let putin = session.timeline.resolve_actor("putin").expect("putin");
        let biden = session.timeline.resolve_actor("biden").expect("biden");
        session.apply_filter(Filter {
            actors: vec![putin, biden],
            kinds: vec!["talks".into(), "call".into()],
            statuses: vec![Status::Planned],
            from: NaiveDate::from_ymd_opt(2021, 12, 1),
            to: None,
            text: "biden".into(),
            ..Filter::default()
        });
        session.begin_search();
        session.set_search("putin".into());
        for (width, parts) in [
            (
                80,
                [
                    "actors",
                    "kinds",
                    "planned",
                    "2021-12-01",
                    "biden",
                    "/putin 1/",
                ],
            ),
            (
                60,
                ["actors", "kinds", "status", "date", "text", "/putin 1/"],
            ),
        ] {
            let bar = text(&session, None, width);
            assert!(bar.width() <= width, "{bar:?}");
            for part in parts {
                assert!(bar.contains(part), "{width} columns: {part} in {bar:?}");
            }
            assert!(
                !bar.contains('…') || bar.contains("→…"),
                "nothing cut: {bar:?}"
            );
        }
    }

    #[test]
    fn a_document_filter_is_named_at_every_width() {
        let mut session = session();
        session.apply_filter(Filter {
            docs: vec![crate::model::DocId(0)],
            ..Filter::default()
        });
        assert!(
            text(&session, None, 120).contains("event 1 of 17 (17 in all) · doc: cbs-2022-01-01")
        );
        for width in [60, 40, 30] {
            let bar = text(&session, None, width);
            assert!(bar.width() <= width, "{bar:?}");
            assert!(
                bar.contains("doc") || bar.contains("cbs-"),
                "{width}: {bar:?}"
            );
        }
    }

    #[test]
    fn a_search_that_finds_nothing_says_no_match() {
        let mut session = session();
        session.begin_search();
        session.set_search("NetBlocks".into());
        assert!(text(&session, None, 120).contains("/NetBlocks: no match"));
        assert!(text(&session, None, 50).contains("no match"));
    }
}
