//! The TUI over the bundled timeline, parsed once per test binary, and frames drawn from
//! it into a test backend.

use std::sync::OnceLock;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Size;
use tline::load::{SourceFile, load_sources};
use tline::model::Timeline;
use tline::query::Filter;
use tline::tui::app::App;

/// The bundled timeline, parsed the first time a test asks for it.
pub fn bundled() -> &'static Timeline {
    static BUNDLED: OnceLock<Timeline> = OnceLock::new();
    BUNDLED.get_or_init(|| load_sources(&[SourceFile::bundled()]).expect("bundled loads"))
}

/// An app over `timeline`, titled `title`, on a `width` × `height` terminal, unfiltered.
pub fn app_over(timeline: Timeline, title: &str, width: u16, height: u16) -> App {
    App::new(
        timeline,
        title.into(),
        Filter::default(),
        Size::new(width, height),
    )
}

/// An app over the bundled timeline on a `width` × `height` terminal, unfiltered.
pub fn bundled_app(width: u16, height: u16) -> App {
    app_over(bundled().clone(), "events.yaml", width, height)
}

/// A frame drawn from `app` on a terminal of `width` × `height`, which need not be the
/// size `app` was last told.
pub fn draw_at(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    terminal
        .draw(|frame| app.render(frame))
        .expect("drawing into a test backend");
    terminal.backend().buffer().clone()
}

/// A frame drawn from `app` on a terminal of its size.
pub fn draw(app: &App) -> Buffer {
    draw_at(app, app.size.width, app.size.height)
}

/// The text of `buffer`, one line per row, trailing spaces trimmed.
pub fn text(buffer: &Buffer) -> String {
    let area = buffer.area;
    let mut out = String::new();
    for y in 0..area.height {
        let mut line = String::new();
        for x in 0..area.width {
            line.push_str(buffer[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
