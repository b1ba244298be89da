//! Text output of the command line: the week table and today's sheet, readable
//! at 80 columns.

use crate::checkin::{Assessment, Health, NOTICE};
use crate::count::count;
use crate::plan::{Day, Habit, HabitEvery, HabitWhen, Move, Plan, Session, Template, Unit, Week};
use crate::words::{distance, effort, run, session, volume};
use chrono::Datelike;
use std::fmt::Write;

const WIDTH: usize = 80;

pub fn plan_table(
    plan: &Plan,
    weeks: &[Week],
    assessment: &Assessment,
    display: Option<Unit>,
) -> String {
    let p = &plan.profile;
    let mut out = header(plan, display);
    let _ = writeln!(
        out,
        "{}; > marks this week.",
        count(plan.weeks.len(), "stage", "stages")
    );
    let _ = writeln!(out);
    let row = |marker: &str, cells: [&str; 9]| {
        let [
            week,
            dates,
            stage,
            phase,
            volume,
            long,
            runs,
            strength,
            note,
        ] = cells;
        let line = format!(
            "{marker} {week:>3}  {dates:<18}  {stage:>3}  {phase:<8}  {volume:<9}  {long:<7}  {runs:>4}  {strength:>3}  {note}"
        );
        line.trim_end().to_string()
    };
    let _ = writeln!(
        out,
        "{}",
        row(
            " ",
            [
                "Wk", "Dates", "Stg", "Phase", "Volume", "Longest", "Runs", "Str", "Note"
            ]
        )
    );
    let mut i = 0;
    while i < weeks.len() {
        let week = &weeks[i];
        // Past weeks that passed quietly at the same place fold into one line.
        let quiet = |w: &Week| {
            w.moved.is_none()
                && w.stage == week.stage
                && w.phase == week.phase
                && w.start.year() == week.start.year()
        };
        let past = assessment.current.unwrap_or(weeks.len());
        let folded = weeks[i..past.max(i)]
            .iter()
            .skip(1)
            .take_while(|w| quiet(w))
            .count();
        let marker = if assessment.current == Some(i) {
            ">"
        } else {
            " "
        };
        let long = crate::words::longest_run(week, p.unit, display);
        let mut notes: Vec<&str> = Vec::new();
        if week.cutback {
            notes.push("recovery");
        }
        if let Some(moved) = week.moved.filter(|m| *m != Move::Advance) {
            notes.push(moved.words());
        }
        let dates = crate::words::week_dates(week, assessment.today);
        let line = row(
            marker,
            [
                &week.week.to_string(),
                &dates,
                &week.stage.to_string(),
                week.phase.label(),
                &volume(week, p.unit, display),
                &long,
                &week.run_count().to_string(),
                &week.strength_days().to_string(),
                &notes.join(", "),
            ],
        );
        let _ = writeln!(out, "{line}");
        if folded >= 2 {
            let last = &weeks[i + folded];
            let span =
                crate::words::dates_between(weeks[i + 1].start, last.end(), assessment.today);
            let _ = writeln!(
                out,
                "  {:>7}  {span:<18}  {:>3}  {} more weeks the same",
                format!("{}–{}", week.week + 1, last.week),
                week.stage,
                folded
            );
        }
        i += 1 + if folded >= 2 { folded } else { 0 };
    }
    if let Some(care) = &assessment.verdict.care {
        let what = if care.level.allows_exercise() {
            "Runs are suspended"
        } else {
            "No exercise is prescribed"
        };
        let _ = writeln!(
            out,
            "\n{what} until a clinician clears you (`comeback clear`); the plan then resumes one stage back."
        );
    } else if assessment.next.finished {
        let _ = writeln!(
            out,
            "\nThe plan is complete: you are back to your goal volume."
        );
    } else if assessment.current.is_some() {
        let _ = writeln!(
            out,
            "\nWeeks after this one are projected as if every run gets done."
        );
    }
    out
}

pub fn today(
    plan: &Plan,
    template: &Template,
    week: Option<&Week>,
    assessment: &Assessment,
    display: Option<Unit>,
) -> String {
    let mut out = String::new();
    let today = assessment.today;
    let Some(week) = week else {
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
            out.push_str(&verdict(assessment));
        }
        return out;
    };
    let _ = writeln!(
        out,
        "{} · week {} · stage {} of {} · {}{}",
        today.format("%A %-d %B %Y"),
        week.week,
        week.stage,
        plan.weeks.len(),
        week.phase.label(),
        if week.cutback { " (recovery week)" } else { "" }
    );
    if let Some(day) = week.days.iter().find(|d| d.date == today) {
        day_sheet(&mut out, plan, day, display);
    }
    if let Some((date, run)) = assessment.next_run(plan, template, today) {
        let _ = writeln!(
            out,
            "\nNext run {}: {}",
            date.format("%a %-d %b"),
            self::run(&run, plan.profile.unit, display)
        );
    }
    let _ = writeln!(out);
    out.push_str(&verdict(assessment));
    out
}

/// The verdict block: status, reasons, advice, care, what comes next, notice.
pub fn verdict(assessment: &Assessment) -> String {
    let v = &assessment.verdict;
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", v.label(), v.headline());
    bullets(&mut out, "Why", &v.reasons);
    bullets(&mut out, "What to do", &v.advice);
    if let Some(care) = &v.care {
        for line in care.what_to_do() {
            wrap_into(&mut out, &line, "", "");
        }
        let after = if care.level.allows_exercise() {
            "Show them your check-ins (`comeback export --format md`); once cleared, record it with `comeback clear`."
        } else {
            "Show them your check-ins (`comeback export --format md`)."
        };
        wrap_into(&mut out, after, "", "");
    }
    if let Some(line) = assessment.next.describe() {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "{NOTICE}");
    out
}

/// The health context, and what it changes.
pub fn health(health: &[Health]) -> String {
    match crate::words::health_context(health) {
        Some(sentence) => format!("{sentence}\n"),
        None => "Health context: none given. `comeback health --set diabetes,circulation,back_history` brings care sooner where it matters.\n".into(),
    }
}

pub fn status(plan: &Plan, assessment: &Assessment) -> String {
    let mut out = String::new();
    let today = assessment.today.format("%A %-d %B %Y");
    match assessment.current.map(|i| &assessment.weeks[i]) {
        Some(w) => {
            let _ = writeln!(
                out,
                "{today} · week {} · stage {} of {}",
                w.week,
                w.stage + 1,
                plan.weeks.len()
            );
        }
        None => {
            let _ = writeln!(out, "{today}");
        }
    }
    let _ = writeln!(out);
    out.push_str(&verdict(assessment));
    // While care is open the care block says where things stand.
    if let Some(d) = assessment
        .decisions
        .last()
        .filter(|_| assessment.verdict.care.is_none())
    {
        let _ = writeln!(out);
        wrap_into(
            &mut out,
            &format!("Last change, {}", d.describe()),
            "",
            "  ",
        );
    }
    out
}

fn bullets(out: &mut String, title: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(out, "{title}:");
    for item in items {
        wrap_into(out, item, "  - ", "    ");
    }
}

pub(super) fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    let options = textwrap::Options::new(WIDTH)
        .initial_indent(first)
        .subsequent_indent(rest);
    for line in textwrap::wrap(text, &options) {
        let _ = writeln!(out, "{line}");
    }
}

fn day_sheet(out: &mut String, plan: &Plan, day: &Day, display: Option<Unit>) {
    let unit = plan.profile.unit;
    let _ = writeln!(out);
    for s in &day.sessions {
        let headline = session(s, unit, display);
        match s {
            Session::Strength { exercises } => {
                let _ = writeln!(out, "{headline}:");
                for e in exercises {
                    let _ = writeln!(out, "  {:<48} {}", e.name, e.dose());
                }
            }
            Session::Run(r) => {
                let _ = writeln!(out, "{headline}");
                wrap_into(out, &effort(r, unit, display), "  ", "  ");
            }
            _ => {
                let _ = writeln!(out, "{headline}");
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
    for habit in items {
        wrap_into(out, &habit.text, "  [ ] ", "      ");
    }
}

/// "4 runs a week towards 25.0 mi a week, after 21 days off (template …)".
fn header(plan: &Plan, display: Option<Unit>) -> String {
    let p = &plan.profile;
    format!(
        "{} runs a week towards {} a week, after {} off (template {} v{}).\n",
        p.runs_per_week,
        distance(p.goal_weekly, p.unit, display),
        count(p.layoff_days as usize, "day", "days"),
        plan.template_name,
        plan.template_version
    )
}

/// Every day of every week, for reading a plan the way a coach reviews one:
/// the checks and habits once at the top, then each week's days.
pub fn plan_days(plan: &Plan, weeks: &[Week], display: Option<Unit>) -> String {
    let unit = plan.profile.unit;
    let mut out = header(plan, display);
    if let Some(day) = weeks.iter().flat_map(|w| &w.days).find(|d| d.has_run()) {
        let habits = |every: HabitEvery| -> Vec<&str> {
            day.habits
                .iter()
                .filter(|h| h.every == every)
                .map(|h| h.text.as_str())
                .collect()
        };
        let _ = writeln!(
            out,
            "RPE: how hard a run feels, 0 (rest) to 10 (all out); easy is 3-4."
        );
        let _ = writeln!(out, "Every run day:");
        for text in habits(HabitEvery::Run) {
            wrap_into(&mut out, text, "  - ", "    ");
        }
        let weekly = habits(HabitEvery::Week);
        if !weekly.is_empty() {
            let _ = writeln!(out, "Each week's first run day adds:");
            for text in weekly {
                wrap_into(&mut out, text, "  - ", "    ");
            }
        }
    }
    for week in weeks {
        let _ = writeln!(out);
        let mut head = format!(
            "Week {} · {}–{} · stage {} · {} · {}",
            week.week,
            week.start.format("%a %-d %b %Y"),
            week.end().format("%a %-d %b"),
            week.stage,
            week.phase.label(),
            volume(week, unit, display)
        );
        if week.cutback {
            head.push_str(" · recovery");
        }
        let _ = writeln!(out, "{head}");
        for day in &week.days {
            let date = day.date.format("%a %-d").to_string();
            for (i, s) in day.sessions.iter().enumerate() {
                let label = if i == 0 { date.as_str() } else { "" };
                let text = match s {
                    Session::Run(r) => format!(
                        "{}. {}",
                        session(s, unit, display),
                        capitalise(&effort(r, unit, display))
                    ),
                    Session::Strength { exercises } => {
                        let list: Vec<String> = exercises
                            .iter()
                            .map(|e| format!("{} {}", e.name, e.dose()))
                            .collect();
                        format!("Strength: {}.", list.join("; "))
                    }
                    _ => session(s, unit, display),
                };
                wrap_into(&mut out, &text, &format!("  {label:<7} "), "          ");
            }
        }
    }
    out
}

/// "Easy, conversational" from "easy, conversational".
fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
