//! The import pop-up: a watch file or folder, Enter to read runs from it.

use crate::tui::import_form::ImportForm;
use crate::tui::keys::{self, Context};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn render(form: &ImportForm, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = area.centered(Constraint::Length(72), Constraint::Length(9));
    let mut from = vec![Span::styled("From: ", theme.title())];
    from.extend(form.path.spans(Style::new(), theme.selected()));
    let lines = vec![
        Line::from("Runs from a watch or phone: a GPX, TCX or FIT file (gzipped or"),
        Line::from("not), or a folder of them (GARMIN/Activity, a Strava export's"),
        Line::from("activities/). Rides, swims and walks become cross-training."),
        Line::from(""),
        Line::from(from),
        Line::styled(keys::footer(&[Context::Import]), theme.dim()),
    ];
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title("Import runs")),
        area,
    );
}
