//! What the runner actually ran, held against the rules: a run more than
//! 10% longer than the longest of the 30 days before it (Frandsen et al.
//! 2025, BJSM: such runs raised the injury rate), and a week run far above
//! its plan. Advice only; the plan's own decisions count runs done.

use super::{Journal, short_date};
use crate::plan::{Distance, Phase, Plan, Template, Unit, Week};
use chrono::{Days, NaiveDate};

/// A run longer than this times the 30-day longest is a spike (Frandsen 2025).
const SPIKE: f64 = 1.1;

/// A week this far above its planned distance is said to be.
const FAR_ABOVE: f64 = 1.3;

/// The distance actually run each day, in the plan's unit: a check-in's
/// own numbers, else the runs imported from files that day (summed).
pub fn actual_runs(journal: &Journal, unit: Unit) -> Vec<(NaiveDate, Distance)> {
    let mut days: Vec<NaiveDate> = journal
        .checkins()
        .iter()
        .map(|c| c.date)
        .chain(journal.runs().iter().map(|r| r.date))
        .collect();
    days.sort_unstable();
    days.dedup();
    days.into_iter()
        .filter_map(|d| Some((d, journal.distance_run_on(d, unit)?)))
        .collect()
}

/// Advice about the last week's actual runs as of `today`.
pub fn advice(
    journal: &Journal,
    (plan, template): (&Plan, &Template),
    week: Option<&Week>,
    today: NaiveDate,
) -> Vec<String> {
    let unit = plan.profile.unit;
    // The runs before a short layoff count as the plan counts them.
    let before = crate::plan::old_long_run(&plan.profile, template);
    let runs = actual_runs(journal, unit);
    let mut advice = Vec::new();
    let recent = today - Days::new(6);
    for (date, distance) in runs.iter().filter(|(d, _)| *d >= recent && *d <= today) {
        let from = *date - Days::new(30);
        // Run/walk weeks are judged by minutes, not by a distance typed now
        // and then; and nothing is said before the runs known cover the 30
        // days (the runs before a short layoff count, as the plan counts
        // them).
        let run_walk = week.is_some_and(|w| w.contains(*date) && w.phase == Phase::RunWalk);
        let covered = before.0 >= from || runs.iter().any(|(d, _)| *d <= from);
        if run_walk || !covered {
            continue;
        }
        let longest = runs
            .iter()
            .chain(std::iter::once(&before))
            .filter(|(d, _)| *d >= from && d < date)
            .map(|(_, x)| *x)
            .max();
        if let Some(longest) = longest
            && distance.value() > longest.value() * SPIKE
        {
            advice.push(format!(
                "Your run on {} ({distance} {unit}) was more than 10% longer than your longest of the 30 days before ({longest} {unit}): runs that jump like that raise the injury risk. Keep the next ones within 10% of it.",
                short_date(*date)
            ));
        }
    }
    if let Some(week) = week
        && let Some(planned) = week.target_distance
    {
        let ran: Distance = runs
            .iter()
            .filter(|(d, _)| week.contains(*d) && *d <= today)
            .map(|(_, x)| *x)
            .sum();
        if planned.value() > 0.0 && ran.value() > planned.value() * FAR_ABOVE {
            advice.push(format!(
                "This week you have run {ran} {unit}, far above the plan's {planned} {unit}: the plan's steps are what keep the comeback safe; ease off for the rest of the week."
            ));
        }
    }
    advice
}
