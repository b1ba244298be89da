//! Help: generated from the key table that also dispatches the keys.

use crate::checkin::NOTICE;
use crate::tui::keys::{self, CONTEXTS};
use crate::tui::scroll_box;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Block;

pub fn render(theme: Theme, scroll: usize, frame: &mut Frame, area: Rect) {
    scroll_box::render(
        frame,
        area,
        (Block::bordered().title("Keys"), theme.title(), "↓ scrolls"),
        lines(theme),
        scroll.min(usize::from(u16::MAX)) as u16,
    );
}

fn lines(theme: Theme) -> Vec<Line<'static>> {
    let mut lines: Vec<Line> = Vec::new();
    for &context in CONTEXTS {
        lines.push(Line::styled(context.title(), theme.title()));
        for (keys, help) in keys::help(context) {
            lines.push(Line::from(vec![
                // (A key label of 14 or more still leaves a space.)
                Span::styled(format!("  {keys:<14} "), theme.key()),
                Span::raw(help),
            ]));
        }
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(NOTICE, theme.dim()));
    lines
}
