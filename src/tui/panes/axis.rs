//! The time axis strip above the panes: how many of the shown events fall in each column,
//! imprecise dates shaded over their span, labelled ticks, the publication days of their
//! documents and the selected event. When several documents are loaded, the title names
//! those the selected event cites, whose publication marks (`◆`) those are. Counts are
//! computed when the filter, zoom, window or width changes, never while drawing.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};

use crate::axis::{Density, Scale, Spans, Tick, date_of, ticks};
use crate::model::DocId;
use crate::text::sanitize;
use crate::tui::session::Session;
use crate::tui::theme::dim;
use crate::tui::widgets::{fit, inner, pane_block};

/// The strip's state: the events' spans for the current filter, the window shown, and
/// the counts in that window.
#[derive(Debug, Clone, Default)]
pub struct AxisStrip {
    /// Whether the person asked for the strip.
    pub shown: bool,
    /// The days each shown event covers, built when the strip first needs them.
    spans: Option<Spans>,
    /// Publication days of the documents the shown events cite, sorted, without repeats.
    published: Vec<i32>,
    /// The scale that fits every shown event and publication day.
    fit: Option<Scale>,
    /// The window shown.
    pub scale: Option<Scale>,
    /// The shown event the window last moved to show.
    followed: Option<usize>,
    /// The scale `density`, `ticks` and `published_columns` were counted for.
    counted: Option<Scale>,
    /// Events per column of the window.
    pub density: Density,
    /// The labelled ticks of the window.
    pub ticks: Vec<Tick>,
    /// Columns with a publication day.
    pub published_columns: Vec<u16>,
}

impl AxisStrip {
    /// Forgets everything that depends on the filter.
    pub fn filter_changed(&mut self) {
        self.spans = None;
        self.fit = None;
        self.scale = None;
        self.followed = None;
        self.counted = None;
    }

    /// Brings the window and counts up to date for the events `session` shows and its
    /// selection, on an axis of `columns` columns (`None` when the strip is not drawn);
    /// the events' days come from the session's index.
    pub fn refresh(&mut self, session: &Session, columns: Option<u16>) {
        let Some(columns) = columns.filter(|&c| c > 0 && self.shown) else {
            return;
        };
        let (timeline, rows, selected) = (&session.timeline, &session.rows, session.selected);
        if self.spans.is_none() {
            let days = session.index.spans();
            self.spans = Some(Spans::of_days(rows.events.iter().map(|&e| days[e])));
            self.published = session.index.publication_days(timeline, &rows.events);
        }
        let spans = self.spans.as_ref().expect("spans were just built");
        if self.fit.is_none_or(|s| s.columns != columns) {
            let extent = spans.extent();
            let first = extent
                .map(|e| e.0)
                .into_iter()
                .chain(self.published.first().copied());
            let last = extent
                .map(|e| e.1)
                .into_iter()
                .chain(self.published.last().copied());
            let fit = match (first.min(), last.max()) {
                (Some(first), Some(last)) => Scale::fit(first, last, columns),
                _ => Scale::fit(0, 0, columns),
            };
            self.scale = match self.scale {
                Some(old) if old.days_per_column < fit.days_per_column => {
                    let centre = (old.start + old.end()) / 2.0;
                    Some(Scale { columns, ..old }.centred_on(centre))
                }
                _ => Some(fit),
            };
            self.fit = Some(fit);
        }
        if self.followed != Some(selected) {
            self.followed = Some(selected);
            self.show_selected(selected);
        }
        let scale = self.scale.expect("the scale was just set");
        if self.counted != Some(scale) {
            let spans = self.spans.as_ref().expect("spans were just built");
            self.density = spans.density(&scale);
            self.ticks = ticks(&scale);
            self.published_columns = self
                .published
                .iter()
                .map(|&d| scale.column_of(d))
                .filter(|&c| (0..i64::from(columns)).contains(&c))
                .map(|c| c as u16)
                .collect();
            self.published_columns.dedup();
            self.counted = Some(scale);
        }
    }

    /// The columns the `k`-th shown event covers, clamped to the axis, if it is on it.
    pub fn columns_of(&self, k: usize) -> Option<(u16, u16)> {
        let (scale, (first, last)) = (self.scale?, self.spans.as_ref()?.get(k)?);
        let (a, b) = scale.columns_of(first, last);
        let edge = i64::from(scale.columns) - 1;
        (b >= 0 && a <= edge).then(|| (a.max(0) as u16, b.min(edge) as u16))
    }

    /// The window, when the person has zoomed it in (it is not the one that fits every
    /// event): what a reload keeps, as it keeps the other panes' places.
    pub fn zoomed_window(&self) -> Option<Scale> {
        self.scale.filter(|&scale| Some(scale) != self.fit)
    }

    /// Shows `window` again (one [`AxisStrip::zoomed_window`] gave) at the next refresh:
    /// fitted anew to the events shown, kept zoomed in around its middle day unless the
    /// span is now narrower, then moved to show the selected event.
    pub fn keep_window(&mut self, window: Scale) {
        self.scale = Some(window);
        self.fit = None;
        self.followed = None;
        self.counted = None;
    }

    /// Zooms in (`factor` < 1) or out around the `k`-th shown event; never further out
    /// than the whole span.
    pub fn zoom(&mut self, factor: f64, k: usize) {
        let (Some(scale), Some(fit)) = (self.scale, self.fit) else {
            return;
        };
        let zoomed = scale.zoomed(factor, self.middle_of(k).unwrap_or(scale.start));
        self.scale = Some(if zoomed.days_per_column >= fit.days_per_column {
            fit
        } else {
            zoomed
        });
        self.show_selected(k);
    }

    /// Moves the window by a quarter of its width, later when `later`, within the span.
    pub fn pan(&mut self, later: bool) {
        let (Some(scale), Some(fit)) = (self.scale, self.fit) else {
            return;
        };
        let quarter = f64::from(scale.columns) / 4.0;
        let moved = scale.panned(if later { quarter } else { -quarter });
        let width = moved.end() - moved.start;
        let latest_start = (fit.end() - width).max(fit.start);
        self.scale = Some(Scale {
            start: moved.start.clamp(fit.start, latest_start),
            ..moved
        });
    }

    /// The middle day of the `k`-th shown event.
    fn middle_of(&self, k: usize) -> Option<f64> {
        self.spans.as_ref()?.middle(k)
    }

    /// Moves the window, keeping its zoom, so that the `k`-th shown event is on it.
    fn show_selected(&mut self, k: usize) {
        let (Some(scale), Some((first, last))) =
            (self.scale, self.spans.as_ref().and_then(|s| s.get(k)))
        else {
            return;
        };
        let (a, b) = scale.columns_of(first, last);
        if (b < 0 || a >= i64::from(scale.columns))
            && let Some(middle) = self.middle_of(k)
        {
            self.scale = Some(scale.centred_on(middle));
        }
    }
}

/// At most this many documents are named in the axis title.
const DOCUMENTS_NAMED: usize = 2;

/// When several documents are loaded, the documents the selected event cites, whose
/// publication days the `◆` marks are: `Reuters 6 Jan 2022, CBS News 1 Jan 2022 +1`
/// (the publisher, else the id). `None` with one document, which `◆ published` names.
fn selected_documents(session: &Session) -> Option<String> {
    let timeline = &session.timeline;
    if timeline.documents.len() < 2 {
        return None;
    }
    let event = &timeline.events[session.selected_event()?];
    let mut named: Vec<DocId> = Vec::with_capacity(DOCUMENTS_NAMED);
    let mut more: Vec<DocId> = Vec::new();
    for source in &event.sources {
        let doc = source.doc;
        if named.contains(&doc) || more.contains(&doc) {
            continue;
        }
        if named.len() < DOCUMENTS_NAMED {
            named.push(doc);
        } else if more.len() < MORE_COUNTED {
            more.push(doc);
        }
    }
    let names: Vec<String> = named
        .iter()
        .map(|&d| {
            let doc = timeline.document(d);
            let who = doc.publisher.as_deref().unwrap_or(&doc.id);
            format!("{} {}", sanitize(who), doc.published.format("%-d %b %Y"))
        })
        .collect();
    let more = match more.len() {
        0 => String::new(),
        n if n == MORE_COUNTED => format!(" +{n} or more"),
        n => format!(" +{n}"),
    };
    Some(format!("{}{more}", names.join(", ")))
}

/// Past the documents named, at most this many more are counted: an event may cite
/// thousands of sources, and a frame reads each once at most.
const MORE_COUNTED: usize = 9;

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

fn bar_style() -> Style {
    Style::new().fg(Color::Cyan)
}

fn selection_style() -> Style {
    Style::new().fg(Color::Yellow)
}

fn publication_style() -> Style {
    Style::new().fg(Color::Magenta)
}

/// Draws the strip into `area`. Its bars show only when they were counted for this
/// width: a frame drawn before the state has caught up with a resize shows the frame.
pub fn render(session: &Session, strip: &AxisStrip, frame: &mut Frame, area: Rect) {
    let selected = session.selected;
    let inside = inner(area);
    let title = match strip.scale {
        _ if session.rows.is_empty() => " Time axis · no events ".to_string(),
        Some(scale) => {
            let range = format!(
                "{} – {}",
                date_of(scale.start.floor() as i32).format("%-d %b %Y"),
                date_of(scale.end().floor() as i32).format("%-d %b %Y"),
            );
            match selected_documents(session) {
                Some(documents) => format!(
                    " Time axis · {range} · ◆ {documents} · ▇ dated ░ imprecise ▲ selected "
                ),
                None => {
                    format!(" Time axis · {range} · ▇ dated ░ imprecise ◆ published ▲ selected ")
                }
            }
        }
        None => " Time axis ".to_string(),
    };
    let title = fit(&title, area.width.saturating_sub(2) as usize);
    frame.render_widget(pane_block(title, false), area);
    if inside.height < 3 || strip.density.dated.len() != usize::from(inside.width) {
        return;
    }
    let bar_rows = inside.height - 2;
    let chosen = strip.columns_of(selected);
    let is_chosen = |c: u16| chosen.is_some_and(|(a, b)| (a..=b).contains(&c));
    let buffer = frame.buffer_mut();
    let levels = u32::from(bar_rows) * 8;
    let most = strip.density.max_dated().max(1);
    for c in 0..inside.width {
        let x = inside.x + c;
        let dated = strip.density.dated[usize::from(c)];
        let spread = strip.density.spread[usize::from(c)];
        let published = strip.published_columns.binary_search(&c).is_ok();
        let height = if dated == 0 {
            0
        } else {
            (u64::from(dated) * u64::from(levels)).div_ceil(u64::from(most)) as u32
        };
        for r in 0..bar_rows {
            let y = inside.y + bar_rows - 1 - r;
            let filled = height.saturating_sub(u32::from(r) * 8).min(8);
            let (symbol, style) = if filled > 0 {
                let style = if is_chosen(c) {
                    selection_style()
                } else {
                    bar_style()
                };
                (BARS[filled as usize - 1], style)
            } else if r == 0 && spread > 0 {
                (
                    '░',
                    if is_chosen(c) {
                        selection_style()
                    } else {
                        dim()
                    },
                )
            } else if published {
                ('┆', publication_style())
            } else {
                continue;
            };
            buffer[(x, y)].set_char(symbol).set_style(style);
        }
    }
    let axis_y = inside.y + bar_rows;
    let tick_columns: Vec<u16> = strip.ticks.iter().map(|t| t.column).collect();
    for c in 0..inside.width {
        let (symbol, style) = if strip.published_columns.binary_search(&c).is_ok() {
            ('◆', publication_style())
        } else if tick_columns.binary_search(&c).is_ok() {
            ('┬', dim())
        } else {
            ('─', dim())
        };
        buffer[(inside.x + c, axis_y)]
            .set_char(symbol)
            .set_style(style);
    }
    match chosen {
        Some((a, b)) => {
            for c in a..=b {
                buffer[(inside.x + c, axis_y)]
                    .set_char('━')
                    .set_style(selection_style());
            }
            buffer[(inside.x + a + (b - a) / 2, axis_y)]
                .set_char('▲')
                .set_style(selection_style());
        }
        None if strip.scale.is_some() && !strip.density.dated.is_empty() => {
            if let Some(side) = off_axis_side(strip, selected) {
                let x = if side { inside.right() - 1 } else { inside.x };
                let arrow = if side { '▶' } else { '◀' };
                buffer[(x, axis_y)]
                    .set_char(arrow)
                    .set_style(selection_style());
            }
        }
        None => {}
    }
    frame.render_widget(
        labels(&strip.ticks, inside.width),
        Rect {
            y: axis_y + 1,
            height: 1,
            ..inside
        },
    );
}

/// Whether the selected event lies after (`true`) or before the window, when off it.
fn off_axis_side(strip: &AxisStrip, selected: usize) -> Option<bool> {
    let scale = strip.scale?;
    let (first, _) = strip.spans.as_ref()?.get(selected)?;
    Some(scale.column_of(first) >= i64::from(scale.columns))
}

/// The tick labels, each from its tick's column, skipping any that would run into the
/// one before or off the edge.
fn labels(ticks: &[Tick], width: u16) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0usize;
    for tick in ticks {
        let at = usize::from(tick.column);
        let len = tick.label.chars().count();
        if at < used || at + len > usize::from(width) {
            continue;
        }
        spans.push(Span::raw(" ".repeat(at - used)));
        spans.push(Span::styled(tick.label.clone(), dim()));
        used = at + len + 1;
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}
