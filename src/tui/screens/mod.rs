//! One file per screen.

pub mod care;
pub mod checkin;
pub mod clearance;
pub mod export;
pub mod health;
pub mod help;
pub mod history;
pub mod import;
pub mod onboarding;
pub mod plan;
pub mod progress;
pub mod ran;
pub mod replace;
pub mod shoes;
pub mod summary;
pub mod today;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

/// A pop-up over the screen: `lines` wrapped in a bordered box titled `title`.
pub fn popup(frame: &mut Frame, area: Rect, title: &str, lines: Vec<Line<'_>>) {
    frame.render_widget(Clear, area);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title(title)),
        area,
    );
}
