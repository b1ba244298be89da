//! Plan: every week with its dates, volume, long run, runs and strength days;
//! this week marked; weeks the journal repeated or stepped back shown as such;
//! Enter opens a week's days below the table.

use crate::plan::{Move, Session};
use crate::tui::app::App;
use crate::tui::scroll_box;
use crate::tui::theme::Theme;
use crate::words;
use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table, TableState, Wrap};

/// The widths of the columns before the note: week, dates, stage, phase,
/// volume, long run, runs, strength days, this week's marker.
const FIXED_COLUMNS: [u16; 9] = [3, 18, 3, 8, 9, 7, 4, 3, 1];

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let open = app.plan_open.and_then(|row| running.schedule().get(row));
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
    let weeks = running.schedule();
    let current = running.assessment.current;
    // What the Note column has: the rest after the fixed columns and the
    // spaces between them.
    let fixed: u16 = FIXED_COLUMNS.iter().sum::<u16>() + FIXED_COLUMNS.len() as u16;
    let note_width = usize::from(area.width.saturating_sub(2 + fixed)).clamp(8, 30);
    let mut heights = Vec::with_capacity(weeks.len());
    let rows = weeks.iter().enumerate().map(|(i, w)| {
        let mut notes = Vec::new();
        if w.cutback {
            notes.push("recovery");
        }
        if let Some(m) = w.moved.filter(|m| *m != Move::Advance) {
            notes.push(m.words());
        }
        let marker = if current == Some(i) { "▶" } else { "" };
        // A note wider than its column wraps onto a second line.
        let note = textwrap::wrap(&notes.join(", "), note_width).join("\n");
        let height = note.lines().count().max(1) as u16;
        heights.push(usize::from(height));
        let row = Row::new(vec![
            w.week.to_string(),
            words::week_dates(w, app.today),
            w.stage.to_string(),
            w.phase.label().to_string(),
            words::volume(w, unit, app.unit),
            words::longest_run(w, unit, app.unit),
            w.run_count().to_string(),
            w.strength_days().to_string(),
            marker.to_string(),
            note,
        ])
        .height(height);
        if current == Some(i) {
            row.style(ratatui::style::Style::new().add_modifier(Modifier::BOLD))
        } else {
            row
        }
    });
    let table = Table::new(
        rows,
        FIXED_COLUMNS
            .iter()
            .map(|w| Constraint::Length(*w))
            .chain([Constraint::Max(30)]),
    )
    // Wide terminals spread the columns rather than leave the right empty.
    .flex(Flex::SpaceBetween)
    .header(
        Row::new([
            "Wk", "Dates", "Stg", "Phase", "Volume", "Longest", "Runs", "Str", "", "Note",
        ])
        .style(theme.title()),
    )
    .row_highlight_style(theme.selected());
    let block = Block::bordered().title(format!(
        "Plan: {} stages, template {} v{}",
        c.plan.weeks.len(),
        c.plan.template_name,
        c.plan.template_version
    ));
    let inner = block.inner(area);
    let mut state =
        TableState::default().with_selected(Some(app.plan_row.min(weeks.len().saturating_sub(1))));
    frame.render_stateful_widget(table, inner, &mut state);
    // The weeks above and below the view, said on the border.
    let above: usize = heights[..state.offset().min(heights.len())].iter().sum();
    let overflow = scroll_box::Overflow::of(
        heights.iter().sum(),
        usize::from(inner.height.saturating_sub(1)),
        above,
    );
    frame.render_widget(overflow.mark(block, theme.title(), "↓ scrolls"), area);
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
