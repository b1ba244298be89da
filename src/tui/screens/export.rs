//! The export menu: a format, the path it goes to, Enter to write.

use crate::export::Format;
use crate::tui::app::ExportMenu;
use crate::tui::theme::Theme;
use crate::tui::view::centred;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn render(menu: &ExportMenu, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = centred(area, 72, 10);
    let mut lines = Vec::new();
    for format in Format::ALL {
        let style = if format == menu.format {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(format!("  {}  ", format.describe()), style));
    }
    lines.push(Line::from(""));
    lines.push(Line::from(vec![
        Span::styled("To: ", theme.title()),
        Span::raw(format!("{}_", menu.path)),
    ]));
    lines.push(Line::styled(
        "↑↓ format · type to change the path · Enter writes · Esc cancels",
        theme.dim(),
    ));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title("Export")),
        area,
    );
}
