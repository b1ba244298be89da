//! Text output of the command line: the week table and today's sheet, readable
//! at 80 columns.

use crate::plan::{Day, Distance, Habit, HabitWhen, Plan, Run, Session, Unit, Week};
use chrono::NaiveDate;
use std::fmt::Write;

const WIDTH: usize = 80;

/// A distance in the plan's unit, shown in the display unit.
pub fn distance(d: Distance, plan_unit: Unit, display: Option<Unit>) -> String {
    let unit = display.unwrap_or(plan_unit);
    format!("{} {unit}", d.convert(plan_unit, unit))
}

/// A week's volume: distance, or minutes in run/walk weeks.
pub fn volume(week: &Week, plan_unit: Unit, display: Option<Unit>) -> String {
    match (week.target_distance, week.target_minutes) {
        (Some(d), _) => distance(d, plan_unit, display),
        (None, Some(m)) => format!("{m} min"),
        (None, None) => "-".into(),
    }
}

/// "Run 2.8 mi", "Long run 4.4 mi" or "Run/walk 20 min: 8 x (1:00 run, 1:30 walk)".
pub fn run(run: &Run, plan_unit: Unit, display: Option<Unit>) -> String {
    match (run.distance, run.intervals) {
        (Some(d), _) if run.long => format!("Long run {}", distance(d, plan_unit, display)),
        (Some(d), _) => format!("Easy run {}", distance(d, plan_unit, display)),
        (None, Some(i)) if i.walk_seconds == 0 => format!("Run {} min continuous", i.minutes()),
        (None, Some(i)) => format!("Run/walk {} min: {}", i.minutes(), i.describe()),
        (None, None) => "Run".into(),
    }
}

pub fn plan_saved(plan: &Plan, display: Option<Unit>) -> String {
    let p = &plan.profile;
    let mut out = String::new();
    let first = plan.weeks.first();
    let _ = writeln!(
        out,
        "Plan saved: {} weeks from {} to {} (template {} v{}).",
        plan.weeks.len(),
        p.start.format("%a %-d %b %Y"),
        plan.end().format("%a %-d %b %Y"),
        plan.template_name,
        plan.template_version
    );
    if let Some(week) = first {
        let _ = writeln!(
            out,
            "Week 1: {} over {} runs, {} strength days.",
            volume(week, p.unit, display),
            week.run_count(),
            week.strength_days()
        );
    }
    let _ = writeln!(
        out,
        "See it with `comeback plan`; today's sheet with `comeback today`."
    );
    out
}

pub fn plan_table(plan: &Plan, today: NaiveDate, display: Option<Unit>) -> String {
    let p = &plan.profile;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} runs a week towards {} a week, after {} days off (template {} v{}).",
        p.runs_per_week,
        distance(p.goal_weekly, p.unit, display),
        p.layoff_days,
        plan.template_name,
        plan.template_version
    );
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "  Week  Dates          Phase     Volume     Long run  Runs  Strength"
    );
    for week in &plan.weeks {
        let marker = if week.contains(today) { ">" } else { " " };
        let long = week
            .runs()
            .filter_map(|r| r.distance)
            .max()
            .map_or("-".to_string(), |d| distance(d, p.unit, display));
        let mut line = format!(
            "{marker} {:>4}  {}–{}  {:<8}  {:<9}  {:<8}  {:>4}  {} days",
            week.week,
            week.start.format("%d %b"),
            week.end().format("%d %b"),
            week.phase.label(),
            volume(week, p.unit, display),
            long,
            week.run_count(),
            week.strength_days()
        );
        if week.cutback {
            line.push_str("  recovery");
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

pub fn today(plan: &Plan, today: NaiveDate, display: Option<Unit>) -> String {
    let mut out = String::new();
    let Some(week) = plan.week_of(today) else {
        if today < plan.profile.start {
            let _ = writeln!(
                out,
                "Your plan starts on {}. The first day:",
                plan.profile.start.format("%A %-d %B %Y")
            );
            if let Some(day) = plan.weeks.first().and_then(|w| w.days.first()) {
                day_sheet(&mut out, plan, day, display);
            }
        } else {
            let _ = writeln!(
                out,
                "Your plan ended on {}: you are back to your goal volume.",
                plan.end().format("%A %-d %B %Y")
            );
        }
        return out;
    };
    let _ = writeln!(
        out,
        "{} · week {} of {} · {}{}",
        today.format("%A %-d %B %Y"),
        week.week,
        plan.weeks.len(),
        week.phase.label(),
        if week.cutback { " (recovery week)" } else { "" }
    );
    if let Some(day) = week.days.iter().find(|d| d.date == today) {
        day_sheet(&mut out, plan, day, display);
    }
    if let Some((date, run)) = next_run(plan, today) {
        let _ = writeln!(
            out,
            "\nNext run {}: {}",
            date.format("%a %-d %b"),
            self::run(run, plan.profile.unit, display)
        );
    }
    out
}

fn next_run(plan: &Plan, after: NaiveDate) -> Option<(NaiveDate, &Run)> {
    plan.weeks
        .iter()
        .flat_map(|w| &w.days)
        .filter(|d| d.date > after)
        .find_map(|d| d.runs().next().map(|r| (d.date, r)))
}

fn day_sheet(out: &mut String, plan: &Plan, day: &Day, display: Option<Unit>) {
    let unit = plan.profile.unit;
    let _ = writeln!(out);
    for session in &day.sessions {
        match session {
            Session::Run(r) => {
                let _ = writeln!(out, "{}", run(r, unit, display));
            }
            Session::Walk { minutes } => {
                let _ = writeln!(out, "Brisk walk {minutes} min");
            }
            Session::Rest => {
                let _ = writeln!(out, "Rest day");
            }
            Session::Strength { exercises } => {
                let _ = writeln!(out, "Strength:");
                for e in exercises {
                    let _ = writeln!(out, "  {:<48} {}", e.name, e.dose());
                }
            }
        }
    }
    checklist(out, "Before the run", &day.habits, HabitWhen::PreRun);
    checklist(out, "After the run", &day.habits, HabitWhen::PostRun);
}

fn checklist(out: &mut String, title: &str, habits: &[Habit], when: HabitWhen) {
    let items: Vec<&Habit> = habits.iter().filter(|h| h.when == when).collect();
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}:");
    let options = textwrap::Options::new(WIDTH)
        .initial_indent("  [ ] ")
        .subsequent_indent("      ");
    for habit in items {
        for line in textwrap::wrap(&habit.text, &options) {
            let _ = writeln!(out, "{line}");
        }
    }
}
