//! The export menu: a format, the path it goes to, Enter to write.

use crate::export::Format;
use crate::tui::export_menu::ExportMenu;
use crate::tui::keys::{self, Context};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

pub fn render(menu: &ExportMenu, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = area.centered(Constraint::Length(72), Constraint::Length(10));
    let mut lines = Vec::new();
    for &format in Format::ALL {
        let style = if format == menu.format {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(format!("  {}  ", format.describe()), style));
    }
    lines.push(Line::from(""));
    let mut to = vec![Span::styled("To: ", theme.title())];
    to.extend(menu.path.spans(Style::new(), theme.selected()));
    lines.push(Line::from(to));
    lines.push(Line::styled(keys::footer(&[Context::Export]), theme.dim()));
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(Block::bordered().title("Export")),
        area,
    );
}
