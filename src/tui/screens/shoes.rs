//! The shoes pop-up: each pair with its distance and life, the newest
//! pair counting for check-ins that name none.

use crate::shoes::ShoeMileage;
use crate::tui::keys::{self, Context};
use crate::tui::shoes::ShoesForm;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn render(
    form: &ShoesForm,
    pairs: &[ShoeMileage],
    (unit, display): (crate::plan::Unit, Option<crate::plan::Unit>),
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let height = u16::try_from(pairs.len().min(12)).unwrap_or(12) + 7;
    let area = area.centered(Constraint::Length(72), Constraint::Length(height));
    let mut lines = vec![Line::from(
        "Check-ins count towards the newest pair unless they name one (O in the panel).",
    )];
    lines.push(Line::from(""));
    if pairs.is_empty() {
        lines.push(Line::from("No shoes yet: a adds a pair."));
    }
    for (i, pair) in pairs.iter().enumerate() {
        let style = if i == form.row && form.adding.is_none() {
            theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(pair.describe_in(unit, display), style));
    }
    lines.push(match form.retiring.and_then(|row| pairs.get(row)) {
        Some(pair) => Line::styled(
            format!(
                "Retire {}? r again retires it; any other key keeps it.",
                pair.name
            ),
            theme.title(),
        ),
        None => Line::from(""),
    });
    let context = match &form.adding {
        Some(name) => {
            let mut spans = vec![Span::styled("New pair: ", theme.title())];
            spans.extend(name.spans(Style::new(), theme.selected()));
            lines.push(Line::from(spans));
            Context::ShoeName
        }
        None => Context::Shoes,
    };
    lines.push(Line::styled(keys::footer(&[context]), theme.dim()));
    super::popup(frame, area, "Shoes", lines);
}
