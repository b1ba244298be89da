//! What `comeback new` says once the plan is saved: its weeks, its first
//! week, and what the runner may want to know or add.

use super::show::wrap_into;
use crate::count::count;
use crate::plan::{Plan, Template, Unit};
use crate::words::{distance, volume};
use std::fmt::Write;

pub fn plan_saved(
    plan: &Plan,
    template: &Template,
    today: chrono::NaiveDate,
    display: Option<Unit>,
) -> String {
    let p = &plan.profile;
    let mut out = String::new();
    let first = plan.weeks.first();
    let _ = writeln!(
        out,
        "Plan saved: {} from {} to {} (template {} v{}).",
        count(plan.weeks.len(), "week", "weeks"),
        p.start.format("%a %-d %b %Y"),
        plan.end().format("%a %-d %b %Y"),
        plan.template_name,
        plan.template_version
    );
    if let Some(week) = first {
        let _ = writeln!(
            out,
            "Week 1: {} over {}, {}.",
            volume(week, p.unit, display),
            count(week.run_count(), "run", "runs"),
            count(week.strength_days(), "strength day", "strength days")
        );
    }
    // A start in the past: its days have no check-ins yet, and a week
    // without a run reads as a new break (a coach's sixth review).
    let before = (today - p.start).num_days();
    if before > 0 {
        let text = format!(
            "The plan began {} ago: record the runs you did since with `comeback checkin --date {}` and the days after it, or a week without one reads as a new break.",
            count(usize::try_from(before).unwrap_or(usize::MAX), "day", "days"),
            p.start.format("%Y-%m-%d")
        );
        wrap_into(&mut out, &text, "", "");
    }
    // A start in the future: its days count as days off (a coach's eighth
    // review found them added to the layoff without a word).
    let waiting = (p.start - today).num_days();
    if waiting > 0 {
        let text = format!(
            "The plan starts in {}: they count as days off too, so it is made for {} off.",
            count(
                usize::try_from(waiting).unwrap_or(usize::MAX),
                "day",
                "days"
            ),
            count(p.layoff_days as usize, "day", "days"),
        );
        wrap_into(&mut out, &text, "", "");
    }
    // The old long run counts for 30 days (plan-rules.md): not given, the
    // long run builds from the everyday run.
    if p.longest_run.is_none() && p.layoff_days < 30 {
        wrap_into(
            &mut out,
            "The long run builds from your everyday run, a tenth a week: if your longest run in the month before the layoff was longer, give it with `--longest-run N`.",
            "",
            "",
        );
    }
    // The goal week may have fewer runs than asked (plan-rules.md).
    if let Some(text) = fewer_runs(plan, template, display) {
        wrap_into(&mut out, &text, "", "");
    }
    let _ = writeln!(
        out,
        "See it with `comeback plan`; today's sheet with `comeback today`."
    );
    out
}

/// Why the goal week has fewer runs than asked, when it has.
fn fewer_runs(plan: &Plan, template: &Template, display: Option<Unit>) -> Option<String> {
    let p = &plan.profile;
    let goal = plan
        .weeks
        .last()
        .filter(|w| w.run_count() < usize::from(p.runs_per_week))?;
    // The shortest run worth lacing up for is the template's.
    let length = &template.run_length;
    let shortest = length.min_distance.get(p.unit);
    let about = format!(
        "about {} minutes or {shortest} {}",
        length.min_minutes, p.unit
    );
    let week = with_article(&distance(p.goal_weekly, p.unit, display));
    let why = if p.goal_weekly.value() < 3.0 * shortest {
        format!(
            "{week} week is too small even for three runs of {about}, the shortest worth lacing up for, so its runs are shorter, as yours were"
        )
    } else {
        format!(
            "in {week} week with a long run, {} runs would leave the others under the shortest run worth lacing up for ({about})",
            p.runs_per_week
        )
    };
    Some(format!(
        "The goal week has {}, not {}: {why}.",
        count(goal.run_count(), "run", "runs"),
        p.runs_per_week,
    ))
}

/// "a 12.0 mi", or "an 8.0 mi" (eight, eleven, eighteen, eighty…).
fn with_article(number: &str) -> String {
    let whole: u32 = number
        .split(['.', ' '])
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let an = matches!(whole, 8 | 11 | 18 | 80..=89 | 800..=899);
    format!("{} {number}", if an { "an" } else { "a" })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_distance_takes_an_before_a_vowel_sound() {
        assert_eq!(super::with_article("12.0 mi"), "a 12.0 mi");
        assert_eq!(super::with_article("8.0 mi"), "an 8.0 mi");
        assert_eq!(super::with_article("18.5 km"), "an 18.5 km");
        assert_eq!(super::with_article("180.0 km"), "a 180.0 km");
    }
}
