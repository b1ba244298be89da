//! History: check-ins newest first (Enter edits one, u undoes the last change),
//! and the decisions that moved the plan.

use crate::checkin::with_year;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, List, ListState, Paragraph, Wrap};

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let checkins = app.history();
    let decisions = &running.assessment.decisions;
    let today = running.assessment.today;
    let [top, bottom] =
        Layout::vertical([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(area);
    let width = usize::from(top.width.saturating_sub(2)).max(1);
    // Only the rows that can show: each check-in takes a line or two.
    let visible = usize::from(top.height.saturating_sub(2)).max(1);
    let selected = app.history_row.min(checkins.len().saturating_sub(1));
    let first = selected.saturating_sub(visible / 2);
    let items: Vec<String> = checkins
        .iter()
        .skip(first)
        .take(visible)
        .map(|c| {
            let line = crate::history::history_line(
                c,
                &running.comeback.journal,
                running.comeback.plan.profile.unit,
                app.unit,
            );
            textwrap::fill(&with_year(line, c.date, today), width)
        })
        .collect();
    let title = format!(
        "Check-ins, newest first ({}) · Enter edits · u undoes",
        checkins.len()
    );
    let list = if items.is_empty() {
        List::new(["No check-ins yet: press 0 on Today after a symptom-free day."])
    } else {
        List::new(items)
    };
    let mut state =
        ListState::default().with_selected((!checkins.is_empty()).then_some(selected - first));
    frame.render_stateful_widget(
        list.block(Block::bordered().title(title))
            .highlight_style(theme.selected()),
        top,
        &mut state,
    );
    let lines: Vec<String> = if decisions.is_empty() {
        vec!["None: the plan has moved as planned.".into()]
    } else {
        let rows = usize::from(bottom.height.saturating_sub(2));
        decisions
            .iter()
            .rev()
            .take(rows)
            .map(|d| with_year(d.describe(), d.date, today))
            .collect()
    };
    frame.render_widget(
        Paragraph::new(lines.join("\n"))
            .wrap(Wrap { trim: true })
            .block(Block::bordered().title("Decisions, newest first")),
        bottom,
    );
}
