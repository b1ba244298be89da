//! A numb runner's return: before distance weeks, the lead-in's run/walk
//! weeks, then the standard return week for week where they carry it, or a
//! return that climbs from them, its runs joining one a week (DESIGN.md §2
//! v3, rule 5; a run/walk return's smaller steps are the ladder's).

use super::super::lead_in;
use super::super::model::Model;
use super::{Ladder, Planned, PlannedWeek, run_walk_weeks, standard_return};
use crate::plan::{Interval, Template};

/// The weeks of a numb runner's return before distance weeks, around the
/// `standard` one.
pub(super) fn with_lead_in(
    model: &Model,
    template: &Template,
    standard: Vec<PlannedWeek>,
) -> Vec<PlannedWeek> {
    let lead_in = lead_in_of(model, template, &standard);
    let lead_in_weeks: Vec<PlannedWeek> = run_walk_weeks(lead_in.clone()).collect();
    let longest = [
        longest_of(model, &lead_in_weeks),
        longest_of(model, &standard),
    ];
    // (The standard return's first week with more runs than the lead-in's
    // sessions is not carried: its runs join one a week in the climb, the
    // switch week ending the walks and adding no run — the coach's tenth
    // review: four to six running days in a row at the switch.)
    let sessions = usize::from(template.run_walk_runs_per_week);
    let few_runs = standard.first().is_none_or(|w| w.runs.len() <= sessions);
    if few_runs && lead_in::carries(&longest[0], &longest[1], template.single_run_cap) {
        return lead_in_weeks.into_iter().chain(standard).collect();
    }
    // Never ahead of the standard return's staged weeks below the old
    // week, week for week after the lead-in: the lead-in is not the staged
    // return (rule 5: the standard timeline plus 4–8 weeks; above the old
    // week both grow alike).
    let ceiling = standard
        .iter()
        .scan(0, |most, week| {
            *most = week_volume(model, week).max(*most);
            Some(*most)
        })
        .take_while(|most| *most < model.old_week)
        .collect();
    standard_return(model, template, Some(lead_in), ceiling, Ladder::default())
}

/// The lead-in's run/walk weeks before the `standard` return's distance
/// weeks, with how many sessions each.
fn lead_in_of(
    model: &Model,
    template: &Template,
    standard: &[PlannedWeek],
) -> Vec<(Interval, usize)> {
    // Before distance weeks a numb runner's lead-in comes first (rule 5:
    // the standard timeline plus 4–8 weeks): run/walk sessions building at
    // most a tenth a week to the longest run of the return's first week,
    // not past it (the coach's twelfth review, F2: built to the longest of
    // its first three weeks, the lead-in ran up to 1.27x the first run
    // after it, and the switch cut the running by more than a tenth: 18 mi
    // / 3 runs after 29 days, 108 minutes, then 92), never lasting, walks
    // included, past an hour, past the runner's
    // everyday run, nor past the standard first week's runs (smaller
    // steps, never a longer first week: the coach's eleventh review, 168
    // minutes on feet against 106). Where those sessions carry the standard
    // return within the 1.1x rule it follows week for week; otherwise its
    // distance weeks start from the lead-in's last sessions, as after any
    // run/walk (Frandsen 2025: none over 1.1x the longest of the last 30
    // days, the pre-layoff runs by then over a month old).
    let minutes = standard
        .first()
        .into_iter()
        .flat_map(|w| &w.runs)
        .map(|r| match r {
            Planned::RunWalk(i) => f64::from(i.running_seconds()) / 60.0,
            Planned::Distance { hundredths, .. } => model.minutes(*hundredths),
        })
        .reduce(f64::max)
        .unwrap_or(20.0);
    // No session longer than the usual everyday run, the first week's
    // limit by the layoff, nor a standard first week's run (by the model,
    // not by its weeks: they change with how many runs fit), but half an
    // hour; nor an hour.
    let first_run = model
        .first_cap
        .map_or(f64::INFINITY, |cap| model.minutes(cap));
    let cap = model
        .minutes(model.usual)
        .min(model.first_week_minutes())
        .min(first_run)
        .clamp(
            lead_in::LEAD_IN_LEAST_MINUTES,
            lead_in::LEAD_IN_MOST_MINUTES,
        );
    // (Where the session's cap binds, the last week runs as much as it
    // holds, not a tenth under it: one more day off, a cap a minute
    // shorter, never costs a tenth of the running and two weeks.)
    let minutes = minutes.min(lead_in::most_running(template, cap) * template.single_run_cap);
    // Past the usual run only as far as the shortest run after it needs
    // (the 1.1x rule).
    let usual = model
        .minutes(model.usual)
        .max(model.minutes(model.min_run) / template.single_run_cap);
    lead_in::building_to(template, minutes, usual, cap)
}

/// A planned run's distance, run/walk by its running minutes.
fn distance(model: &Model, run: &Planned) -> u32 {
    match run {
        Planned::RunWalk(i) => model.distance_of(f64::from(i.running_seconds()) / 60.0),
        Planned::Distance { hundredths, .. } => *hundredths,
    }
}

/// A week's volume, run/walk by its running minutes.
fn week_volume(model: &Model, week: &PlannedWeek) -> u32 {
    week.runs.iter().map(|r| distance(model, r)).sum()
}

/// Each week's longest run, run/walk by its running minutes.
fn longest_of(model: &Model, weeks: &[PlannedWeek]) -> Vec<u32> {
    weeks
        .iter()
        .map(|w| w.runs.iter().map(|r| distance(model, r)).max().unwrap_or(0))
        .collect()
}
