//! The "what you ran" pop-up after a run day's check-in is saved: distance,
//! minutes and RPE, the numbers already known or the planned ones suggested.

use crate::tui::keys::{self, Context};
use crate::tui::ran::RanForm;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn render(form: &RanForm, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = area.centered(Constraint::Length(72), Constraint::Length(11));
    let (shown, _) = form.units;
    let field = |label: String, text: &crate::tui::field::TextField, selected: bool| {
        let mut spans = vec![Span::styled(format!("{label:<22}"), theme.title())];
        if selected {
            spans.extend(text.spans(Style::new(), theme.selected()));
        } else {
            spans.push(Span::raw(text.to_string()));
        }
        Line::from(spans)
    };
    let lines = vec![
        Line::from(if form.entry.numbness.is_symptomatic() {
            "Saved. What did you run? Enter keeps the numbers shown."
        } else {
            "No numbness: good. What did you run? Enter keeps the numbers shown."
        }),
        Line::from(""),
        field(
            format!("Distance ({shown})"),
            &form.distance,
            form.field == 0,
        ),
        field("Minutes".into(), &form.minutes, form.field == 1),
        field("How hard, RPE 0-10".into(), &form.rpe, form.field == 2),
        Line::from(""),
        match &form.problem {
            Some(problem) => Line::styled(
                problem.clone(),
                theme.status(crate::checkin::Status::StepBack),
            ),
            None => Line::styled("RPE is optional: 3-4 is easy, conversational.", theme.dim()),
        },
        Line::styled(keys::footer(&[Context::Ran]), theme.dim()),
    ];
    super::popup(frame, area, "What you ran", lines);
}
