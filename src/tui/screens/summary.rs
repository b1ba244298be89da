//! The clinician summary on screen: its text (the runner, where the plan
//! stands, what triggered the verdict, clearances, shoes) above, and the
//! check-ins as a table below, each part scrolling with a marker when it
//! does not fit. The Markdown export stays as it is.

use crate::summary::{CheckinRow, checkin_rows, summary_head, summary_tail};
use crate::tui::app::App;
use crate::tui::scroll_box::{self, Overflow};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Row, Table, TableState};

/// The table's columns: the heading and its width (`Fill` shares the rest).
const COLUMNS: [(&str, Constraint); 6] = [
    ("Date", Constraint::Length(10)),
    ("Numbness", Constraint::Length(13)),
    ("Where and when", Constraint::Fill(3)),
    ("Session", Constraint::Length(9)),
    ("Ran", Constraint::Length(10)),
    ("Flags, note", Constraint::Fill(2)),
];

pub fn render(
    app: &App,
    (text_scroll, rows_scroll): (usize, usize),
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let Some(running) = &app.running else { return };
    let snapshot = running.comeback.snapshot();
    let text = format!(
        "{}{}",
        summary_head(snapshot, &running.assessment),
        summary_tail(snapshot, &running.assessment)
    );
    let lines = markdown_lines(&text, theme);
    frame.render_widget(Clear, area);
    // The text takes what it needs, up to half; the table the rest.
    let needed = scroll_box::wrap(lines.clone(), area.width.saturating_sub(2)).len() as u16 + 2;
    let [top, bottom] = Layout::vertical([
        Constraint::Length(needed.min(area.height / 2)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let most = scroll_box::render(
        frame,
        top,
        (
            Block::bordered().title("Summary for the clinician (s closes)"),
            theme.title(),
            "PgDn",
        ),
        lines,
        text_scroll.min(usize::from(u16::MAX)) as u16,
    );
    app.summary_overflow.set(most);
    app.page.set(top.height.saturating_sub(2));
    let rows = checkin_rows(snapshot, &running.assessment);
    render_table(app, &rows, rows_scroll, theme, frame, bottom);
}

/// The check-ins, newest first, cells wrapped to their columns.
fn render_table(
    app: &App,
    rows: &[CheckinRow],
    scroll: usize,
    theme: Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let block = Block::bordered().title(format!("Check-ins (latest {}, newest first)", rows.len()));
    let inner = block.inner(area);
    let widths = COLUMNS.map(|(_, c)| c);
    let columns = Layout::horizontal(widths).spacing(1).split(inner);
    let mut heights = Vec::with_capacity(rows.len());
    let table_rows: Vec<Row> = rows
        .iter()
        .map(|r| {
            let cells = [
                r.date.clone(),
                r.numbness.clone(),
                join(&[&r.spots, &r.side, &r.onset, &r.cleared, &r.eased]),
                r.session.clone(),
                join(&[
                    &r.distance,
                    &if r.minutes.is_empty() {
                        String::new()
                    } else {
                        format!("{} min", r.minutes)
                    },
                    &if r.rpe.is_empty() {
                        String::new()
                    } else {
                        format!("RPE {}", r.rpe)
                    },
                ]),
                join(&[&r.flags, &unescaped(&r.note)]),
            ];
            let wrapped: Vec<String> = cells
                .iter()
                .zip(columns.iter())
                .map(|(text, rect)| textwrap::fill(text, usize::from(rect.width).max(1)))
                .collect();
            let height = wrapped
                .iter()
                .map(|c| c.lines().count())
                .max()
                .unwrap_or(1)
                .max(1);
            heights.push(height);
            Row::new(wrapped).height(height as u16)
        })
        .collect();
    let table = Table::new(table_rows, widths)
        .column_spacing(1)
        .header(Row::new(COLUMNS.map(|(h, _)| h)).style(theme.title()));
    // Scrolled a row at a time; the border counts the rows above and below.
    let visible = usize::from(inner.height.saturating_sub(1));
    let most = max_offset(&heights, visible);
    app.care_overflow
        .set(most.min(usize::from(u16::MAX)) as u16);
    let offset = scroll.min(most);
    let mut state = TableState::default().with_offset(offset);
    frame.render_stateful_widget(table, inner, &mut state);
    let shown_rows = heights[offset..]
        .iter()
        .scan(0, |used, h| {
            *used += h;
            (*used <= visible).then_some(())
        })
        .count();
    let overflow = Overflow {
        above: offset,
        below: rows.len().saturating_sub(offset + shown_rows),
    };
    frame.render_widget(overflow.mark(block, theme.title(), "↓"), area);
}

/// The furthest the table scrolls: the first row from which the rest fit.
fn max_offset(heights: &[usize], visible: usize) -> usize {
    let mut used = 0;
    for (i, h) in heights.iter().enumerate().rev() {
        used += h;
        if used > visible {
            return i + 1;
        }
    }
    0
}

/// Non-empty parts joined with ", ".
fn join(parts: &[&String]) -> String {
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .map(|p| p.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The summary's Markdown text as screen lines: headings styled, list
/// items as bullets, emphasis, escapes and blank lines dropped.
fn markdown_lines(text: &str, theme: Theme) -> Vec<Line<'static>> {
    // (Blank lines dropped: headings stand out by their style.)
    text.lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let line = line.replace("**", "");
            if let Some(heading) = line.strip_prefix("# ").or_else(|| line.strip_prefix("## ")) {
                Line::styled(unescaped(heading), theme.title())
            } else if let Some(item) = line.strip_prefix("- ") {
                Line::from(format!("• {}", unescaped(item)))
            } else {
                Line::from(unescaped(&line))
            }
        })
        .collect()
}

/// Text with the summary's Markdown escapes taken out.
fn unescaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| "\\[]<>*_`#!".contains(*n)) {
            continue;
        }
        out.push(c);
    }
    out
}
