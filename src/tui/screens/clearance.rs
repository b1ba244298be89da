//! The clearance form over the care screen: the day and the clinician's words.

use crate::tui::clearance::ClearanceForm;
use crate::tui::keys::{self, Context};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

pub fn render(form: &ClearanceForm, theme: Theme, frame: &mut Frame, area: Rect) {
    let area = area.centered(Constraint::Length(72), Constraint::Length(10));
    let field = |label: &str, text: &crate::tui::field::TextField, selected: bool| {
        let mut spans = vec![Span::styled(format!("{label:<18}"), theme.title())];
        if selected {
            spans.extend(text.spans(Style::new(), theme.selected()));
        } else {
            spans.push(Span::raw(text.to_string()));
        }
        Line::from(spans)
    };
    let lines = vec![
        Line::from(
            "A clinician has seen you and cleared you to run: the plan resumes one stage back.",
        ),
        Line::from(""),
        field("Cleared on", &form.date, !form.on_note),
        field("What they said", &form.note, form.on_note),
        Line::from(""),
        match &form.problem {
            Some(problem) => Line::styled(
                problem.clone(),
                theme.status(crate::checkin::Status::StepBack),
            ),
            None => Line::from(""),
        },
        Line::styled(keys::footer(&[Context::Clearance]), theme.dim()),
    ];
    super::popup(frame, area, "Record a clearance", lines);
}
