//! Progress: "am I getting better?" Planned against done per week (minutes
//! in run/walk weeks, distance after; done is what was actually run where
//! known), numbness by day on a date axis with days without a check-in shown
//! apart from a quiet 0, the weekly numbness trend, days since the last
//! symptom, and the plan's stage changes.

use crate::checkin::WeekProgress;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use chrono::{Days, NaiveDate};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Sparkline, SparklineBar};

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let c = &running.comeback;
    let progress = running
        .assessment
        .progress(&c.plan, &c.template, &c.journal);
    let [bars_area, spark_area, totals] = Layout::vertical([
        Constraint::Min(6),
        Constraint::Length(5),
        Constraint::Length(6),
    ])
    .areas(area);

    let unit = app.unit.unwrap_or(c.plan.profile.unit);
    let plan_unit = c.plan.profile.unit;
    // Each week: two bars of 3 a column apart (so their numbers never run
    // together) and a gap; wide terminals get wider bars.
    let width = bars_area.width.saturating_sub(2);
    let bar = if width >= 140 { 5 } else { 3 };
    let fits = (width / (2 * bar + 3)).max(1) as usize;
    let shown = &progress[progress.len().saturating_sub(fits)..];
    let value = |w: &WeekProgress, planned: bool| -> (u64, String) {
        if w.run_walk {
            let m = if planned {
                w.planned_minutes
            } else {
                w.done_minutes
            };
            (u64::from(m) * 10 / 6, format!("{m}m"))
        } else {
            let d = if planned {
                w.planned_distance
            } else {
                w.done_distance
            };
            let d = d.convert(plan_unit, unit);
            (u64::from(d.hundredths() / 10), format!("{:.0}", d.value()))
        }
    };
    let mut chart = BarChart::default()
        .block(Block::bordered().title(format!(
            "Per week: planned, done ({unit}; run/walk weeks in minutes; * your numbers)"
        )))
        .bar_width(bar)
        .bar_gap(1)
        .group_gap(2);
    for w in shown {
        let (planned, planned_text) = value(w, true);
        let (done, done_text) = value(w, false);
        let mark = if w.actual { "*" } else { "" };
        chart = chart.data(
            BarGroup::default()
                .label(Line::from(format!("w{}{mark}", w.week)))
                .bars(&[
                    Bar::default()
                        .value(planned)
                        .text_value(planned_text)
                        .style(theme.planned()),
                    Bar::default()
                        .value(done)
                        .text_value(done_text)
                        .style(theme.done()),
                ]),
        );
    }
    frame.render_widget(chart, bars_area);

    render_numbness(app, theme, frame, spark_area);
    render_totals(app, &progress, frame, totals);
}

/// Numbness by day: a column (or a few, when the terminal is wide enough)
/// a day, dots where there was no check-in.
fn render_numbness(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let c = &running.comeback;
    let inner = usize::from(area.width.saturating_sub(2)).max(1);
    let first = (app.today - Days::new(inner as u64 - 1)).max(c.plan.profile.start.min(app.today));
    let days = (app.today - first).num_days().max(0) as usize + 1;
    let each = (inner / days).clamp(1, 4);
    let levels: Vec<SparklineBar> = (0..days)
        .flat_map(|i| {
            let level = c
                .journal
                .on(first + Days::new(i as u64))
                .map(|ci| u64::from(ci.numbness.level()));
            std::iter::repeat_n(SparklineBar::from(level), each)
        })
        .collect();
    frame.render_widget(
        Sparkline::default()
            .block(
                Block::bordered()
                    .title("Numbness by day, 0-3 (· no check-in)")
                    .title_bottom(axis(first, days, each)),
            )
            .data(levels)
            .max(3)
            .absent_value_symbol("·")
            .absent_value_style(theme.dim())
            .style(theme.numbness()),
        area,
    );
}

/// A date axis under `days` days of `each` columns: the first day at the
/// left, the last under its column, and Mondays between where there is room.
fn axis(first: NaiveDate, days: usize, each: usize) -> String {
    let width = days * each;
    let mut line: Vec<char> = vec!['─'; width];
    let mut put = |at: usize, text: &str| {
        let text: Vec<char> = text.chars().collect();
        let fits = at + text.len() <= width;
        if fits && line[at..at + text.len()].iter().all(|c| *c == '─') {
            line[at..at + text.len()].copy_from_slice(&text);
        }
    };
    let label = |i: usize| (first + Days::new(i as u64)).format("%-d %b").to_string();
    let last = label(days - 1);
    put(0, &format!("{} ", label(0)));
    put(width.saturating_sub(last.chars().count()), &last);
    for i in 1..days.saturating_sub(1) {
        use chrono::Datelike;
        if (first + Days::new(i as u64)).weekday() == chrono::Weekday::Mon {
            put(i * each, &format!("{} ", label(i)));
        }
    }
    line.into_iter().collect()
}

fn render_totals(app: &App, progress: &[WeekProgress], frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let c = &running.comeback;
    let a = &running.assessment;
    let planned: u32 = progress.iter().map(|w| w.planned_runs).sum();
    let done: f64 = progress.iter().map(|w| w.done_runs).sum();
    let share = if planned > 0 {
        done / f64::from(planned) * 100.0
    } else {
        0.0
    };
    let trend: Vec<String> = progress
        .iter()
        .rev()
        .take(6)
        .rev()
        .map(|w| match w.numbness {
            Some(n) => format!("w{} {n:.1}", w.week),
            None => format!("w{} –", w.week),
        })
        .collect();
    let since = match a.since_last_symptom(&c.journal) {
        Some((date, 0)) => format!("numbness today ({})", date.format("%-d %b")),
        // With how many check-ins since: days not recorded are no evidence
        // (a new user's pass read "273 days" over months with none).
        Some((date, days)) => {
            let since = c
                .journal
                .checkins()
                .iter()
                .filter(|k| k.date > date)
                .count();
            format!(
                "{days} days since the last numbness ({}), {since} check-in{} since",
                date.format("%-d %b"),
                if since == 1 { "" } else { "s" }
            )
        }
        None => "no numbness recorded".into(),
    };
    let changes: Vec<String> = a
        .decisions
        .iter()
        .rev()
        .take(3)
        .map(|d| format!("{} {}", d.date.format("%-d %b"), d.kind.words()))
        .collect();
    let lines = vec![
        Line::from(format!(
            "Runs done so far: {done} of {planned} planned ({share:.0}%) · {since}"
        )),
        Line::from(format!(
            "Numbness by week (mean 0-3): {}",
            trend.join(" · ")
        )),
        Line::from(if changes.is_empty() {
            "Stage changes: none, the plan has moved as planned".to_string()
        } else {
            format!("Stage changes, latest first: {}", changes.join(" · "))
        }),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(Block::bordered().title("Am I getting better?")),
        area,
    );
}
