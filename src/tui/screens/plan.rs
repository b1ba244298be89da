//! Plan: every week with its dates, volume, long run, runs and strength days;
//! this week marked; weeks the journal repeated or stepped back shown as such;
//! Enter opens a week's days below the table.

use crate::plan::{Move, Session};
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crate::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Wrap};

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let open = app.plan_open.and_then(|row| running.schedule.get(row));
    let (area, days_area) = match open {
        Some(_) => {
            let [table, days] =
                Layout::vertical([Constraint::Percentage(50), Constraint::Min(4)]).areas(area);
            (table, Some(days))
        }
        None => (area, None),
    };
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
            words::week_dates(w, app.today),
            w.stage.to_string(),
            w.phase.label().to_string(),
            words::volume(w, unit, app.unit),
            long_run(w, unit, app.unit),
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
            Constraint::Length(16),
            Constraint::Length(3),
            Constraint::Length(8),
            Constraint::Length(9),
            Constraint::Length(7),
            Constraint::Length(4),
            Constraint::Length(3),
            Constraint::Length(5),
            Constraint::Max(30),
        ],
    )
    // Wide terminals spread the columns rather than leave the right empty.
    .flex(Flex::SpaceBetween)
    .header(
        Row::new([
            "Wk", "Dates", "Stg", "Phase", "Volume", "Long", "Runs", "Str", "", "Note",
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
    if let (Some(week), Some(days_area)) = (open, days_area) {
        let lines: Vec<Line> = week
            .days
            .iter()
            .map(|day| {
                let sessions: Vec<String> = day
                    .sessions
                    .iter()
                    .map(|s| match s {
                        Session::Run(run) => {
                            let e = &run.effort;
                            let strides = if run.strides.is_some() {
                                ", strides"
                            } else {
                                ""
                            };
                            format!(
                                "{} (RPE {}–{}, ~{} min{strides})",
                                words::session(s, unit, app.unit),
                                e.rpe[0],
                                e.rpe[1],
                                e.minutes
                            )
                        }
                        other => words::session(other, unit, app.unit),
                    })
                    .collect();
                Line::from(format!(
                    "{}  {}",
                    day.date.format("%a %-d %b"),
                    sessions.join(" + ")
                ))
            })
            .collect();
        frame.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: true })
                .block(Block::bordered().title(format!("Week {} (Enter hides it)", week.week))),
            days_area,
        );
    }
}

/// The week's long run: its distance, or its minutes in run/walk weeks.
fn long_run(
    week: &crate::plan::Week,
    unit: crate::plan::Unit,
    display: Option<crate::plan::Unit>,
) -> String {
    match week
        .runs()
        .find(|r| r.long)
        .or_else(|| week.runs().max_by_key(|r| r.minutes))
    {
        Some(run) => match (run.distance, run.minutes) {
            (Some(d), _) => words::distance(d, unit, display),
            (None, Some(m)) => format!("{m} min"),
            (None, None) => "-".into(),
        },
        None => "-".into(),
    }
}
