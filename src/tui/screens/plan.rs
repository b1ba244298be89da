//! Plan: every week with its dates, volume, runs and strength days; this week
//! marked; weeks the journal repeated or stepped back shown as such.

use crate::plan::Move;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::{Block, Row, Table, TableState};

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let c = &running.comeback;
    let unit = c.plan.profile.unit;
    let weeks = &running.schedule;
    let current = running.assessment.current;
    let rows = weeks.iter().enumerate().map(|(i, w)| {
        let mut notes = Vec::new();
        if w.cutback {
            notes.push("recovery");
        }
        if let Some(m) = w.moved.filter(|m| *m != Move::Advance) {
            notes.push(m.words());
        }
        let marker = if current == Some(i) {
            "▶ now"
        } else if w.start > app.today {
            ""
        } else {
            "done"
        };
        let row = Row::new(vec![
            w.week.to_string(),
            format!("{}–{}", w.start.format("%d %b"), w.end().format("%d %b")),
            w.stage.to_string(),
            w.phase.label().to_string(),
            words::volume(w, unit, app.unit),
            w.run_count().to_string(),
            w.strength_days().to_string(),
            marker.to_string(),
            notes.join(", "),
        ]);
        if current == Some(i) {
            row.style(ratatui::style::Style::new().add_modifier(Modifier::BOLD))
        } else {
            row
        }
    });
    let table = Table::new(
        rows,
        [
            Constraint::Length(3),
            Constraint::Length(13),
            Constraint::Length(3),
            Constraint::Length(8),
            Constraint::Length(9),
            Constraint::Length(4),
            Constraint::Length(3),
            Constraint::Length(5),
            Constraint::Min(8),
        ],
    )
    .header(
        Row::new([
            "Wk", "Dates", "Stg", "Phase", "Volume", "Runs", "Str", "", "Note",
        ])
        .style(theme.title()),
    )
    .row_highlight_style(theme.selected())
    .block(Block::bordered().title(format!(
        "Plan: {} stages, template {} v{} (↑↓ scroll)",
        c.plan.weeks.len(),
        c.plan.template_name,
        c.plan.template_version
    )));
    let mut state =
        TableState::default().with_selected(Some(app.plan_row.min(weeks.len().saturating_sub(1))));
    frame.render_stateful_widget(table, area, &mut state);
}
