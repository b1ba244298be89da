//! Onboarding: the fields of `comeback new` with defaults, inline validation in
//! the command line's words, and a preview of the first weeks before saving.

use crate::tui::onboarding::{Field, Onboarding};
use crate::tui::theme::Theme;
use crate::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

pub fn render(form: &Onboarding, theme: Theme, frame: &mut Frame, area: Rect) {
    // The welcome line, every field and the borders; fewer rows on a short
    // terminal, the selected field scrolled into view.
    let wanted = Field::ALL.len() as u16 + 3;
    let problem = form.profile().err();
    let explained = form.explain();
    // The keys' line or a problem, and what the field does when it says.
    let message = if explained.is_some() { 2 } else { 1 };
    let [fields_area, message_area, preview_area] = Layout::vertical([
        Constraint::Length(wanted.min(area.height.saturating_sub(5))),
        Constraint::Length(message),
        Constraint::Min(3),
    ])
    .areas(area);
    let mut lines = vec![Line::styled(
        "Welcome back. Tell comeback about your layoff; Enter on Save makes the plan.",
        theme.title(),
    )];
    for (i, field) in Field::ALL.iter().enumerate() {
        let selected = i == form.field;
        let style = if selected {
            theme.selected()
        } else {
            Style::new()
        };
        if *field == Field::Save {
            lines.push(Line::styled("[ Save the plan ]", style));
            continue;
        }
        let mark = if problem.as_ref().is_some_and(|(f, _)| f == field) {
            "✗"
        } else {
            " "
        };
        let mut line = vec![Span::raw(format!("{mark} {:<34}", field.label()))];
        match form.text(*field) {
            Some(text) if selected => line.extend(text.spans(style, theme.cursor())),
            _ => line.push(Span::styled(form.value(*field), style)),
        }
        lines.push(Line::from(line));
    }
    let inner = fields_area.height.saturating_sub(2);
    // Line 0 is the welcome; field i is line i + 1.
    let scroll = (form.field as u16 + 2).saturating_sub(inner);
    frame.render_widget(
        Paragraph::new(lines)
            .scroll((scroll, 0))
            .block(Block::bordered().title("New plan")),
        fields_area,
    );
    let hint = match &problem {
        Some((_, problem)) => Span::styled(
            problem.clone(),
            theme.status(crate::checkin::Status::StepBack),
        ),
        None => Span::styled(
            "↑↓ move · type to edit (Ctrl-U clears) · Space/←→ change a choice · Esc quit",
            theme.dim(),
        ),
    };
    let message = vec![
        Line::from(hint),
        Line::styled(explained.unwrap_or_default(), theme.title()),
    ];
    frame.render_widget(Paragraph::new(message), message_area);

    let preview = match form.preview() {
        Ok(plan) => {
            let mut lines = vec![Line::styled(
                format!(
                    "{} weeks, template {}; the first weeks:",
                    plan.weeks.len(),
                    plan.template_name
                ),
                theme.title(),
            )];
            for week in plan
                .weeks
                .iter()
                .take(preview_area.height.saturating_sub(3) as usize)
            {
                lines.push(Line::from(format!(
                    "Week {:>2}  {:<8}  {:<9}  {} runs, {} strength days{}",
                    week.week,
                    week.phase.label(),
                    words::volume(week, plan.profile.unit, None),
                    week.run_count(),
                    week.strength_days(),
                    if week.cutback { ", recovery" } else { "" }
                )));
            }
            lines
        }
        Err((_, problem)) => vec![Line::from(format!("No preview yet: {problem}"))],
    };
    frame.render_widget(
        Paragraph::new(preview)
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title("Preview")),
        preview_area,
    );
}
