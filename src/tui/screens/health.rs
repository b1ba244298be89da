//! The health-context pop-up: each condition with a box, Space to change.

use crate::checkin::{Choice, Health};
use crate::tui::health::HealthForm;
use crate::tui::keys::{self, Context};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;

pub fn render(form: &HealthForm, theme: Theme, frame: &mut Frame, area: Rect) {
    let height = u16::try_from(Health::ALL.len()).unwrap_or(8) + 6;
    let area = area.centered(Constraint::Length(72), Constraint::Length(height));
    let mut lines = vec![
        Line::from("What applies to you brings care sooner; the plan itself stays the same."),
        Line::from(""),
    ];
    for (i, health) in Health::ALL.iter().enumerate() {
        let mark = if form.chosen.contains(health) {
            "[x]"
        } else {
            "[ ]"
        };
        let style = if i == form.row {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(format!("{mark} {}", health.words()), style));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(keys::footer(&[Context::Health]), theme.dim()));
    super::popup(frame, area, "Health context", lines);
}
