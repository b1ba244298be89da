//! Progress: planned against done distance per week as bars, numbness by day as
//! a chart, and runs done against planned.

use crate::tui::app::App;
use crate::tui::theme::Theme;
use chrono::Days;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Bar, BarChart, BarGroup, Block, Paragraph, Sparkline};

pub fn render(app: &App, theme: Theme, frame: &mut Frame, area: Rect) {
    let Some(running) = &app.running else { return };
    let c = &running.comeback;
    let progress = running
        .assessment
        .progress(&c.plan, &c.template, &c.journal);
    let [bars_area, spark_area, totals] = Layout::vertical([
        Constraint::Min(6),
        Constraint::Length(6),
        Constraint::Length(4),
    ])
    .areas(area);

    let unit = app.unit.unwrap_or(c.plan.profile.unit);
    let fits = (bars_area.width.saturating_sub(2) / 7).max(1) as usize;
    let shown = &progress[progress.len().saturating_sub(fits)..];
    let tenths = |d: crate::plan::Distance| {
        u64::from(d.convert(c.plan.profile.unit, unit).hundredths() / 10)
    };
    let groups: Vec<BarGroup> = shown
        .iter()
        .map(|w| {
            BarGroup::default()
                .label(Line::from(format!("w{}", w.week)))
                .bars(&[
                    Bar::default()
                        .value(tenths(w.planned_distance))
                        .text_value(format!("{:.0}", w.planned_distance.value()))
                        .style(theme.planned()),
                    Bar::default()
                        .value(tenths(w.done_distance))
                        .text_value(format!("{:.0}", w.done_distance.value()))
                        .style(theme.done()),
                ])
        })
        .collect();
    let mut chart = BarChart::default()
        .block(Block::bordered().title(format!("Distance per week ({unit}): planned, then done")))
        .bar_width(3)
        .bar_gap(0)
        .group_gap(1);
    for group in groups {
        chart = chart.data(group);
    }
    frame.render_widget(chart, bars_area);

    let days = spark_area.width.saturating_sub(2) as u64;
    let first =
        (app.today - Days::new(days.saturating_sub(1))).max(c.plan.profile.start.min(app.today));
    let shown_days = (app.today - first).num_days().max(0) as u64 + 1;
    let levels: Vec<u64> = (0..shown_days)
        .map(|i| {
            c.journal
                .on(first + Days::new(i))
                .map_or(0, |ci| u64::from(ci.numbness.level()))
        })
        .collect();
    frame.render_widget(
        Sparkline::default()
            .block(Block::bordered().title(format!(
                "Numbness by day, 0-3 ({} to {})",
                first.format("%-d %b"),
                app.today.format("%-d %b")
            )))
            .data(&levels)
            .max(3)
            .style(theme.numbness()),
        spark_area,
    );

    let planned: u32 = progress.iter().map(|w| w.planned_runs).sum();
    let done: f64 = progress.iter().map(|w| w.done_runs).sum();
    let share = if planned > 0 {
        done / f64::from(planned) * 100.0
    } else {
        0.0
    };
    let symptomatic = c
        .journal
        .checkins()
        .iter()
        .filter(|ci| ci.date <= app.today && ci.numbness.is_symptomatic())
        .count();
    frame.render_widget(
        Paragraph::new(vec![
            Line::from(format!(
                "Runs done: {done} of {planned} planned so far ({share:.0}%)"
            )),
            Line::from(format!(
                "Check-ins: {} · with numbness: {symptomatic}",
                c.journal
                    .checkins()
                    .iter()
                    .filter(|ci| ci.date <= app.today)
                    .count()
            )),
        ])
        .block(Block::bordered().title("Totals")),
        totals,
    );
}
