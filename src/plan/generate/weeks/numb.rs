//! A numb runner's return: the lead-in's run/walk weeks, then the standard
//! return week for week where they carry it, its runs joining one a week,
//! or a return that climbs from them (DESIGN.md §2 v3, rule 5).

use super::super::lead_in;
use super::super::model::Model;
use super::{Planned, PlannedWeek, run_walk_weeks, standard_return};
use crate::plan::{Phase, Template};

/// The weeks of a numb runner's return, around the `standard` one.
pub(super) fn with_lead_in(
    model: &Model,
    template: &Template,
    standard: Vec<PlannedWeek>,
) -> Vec<PlannedWeek> {
    // A numb runner's lead-in comes before the return (DESIGN.md §2 v3,
    // rule 5: the standard timeline plus 4–8 weeks). Before run/walk: the
    // rungs below its first, then the return. Before distance weeks:
    // run/walk sessions building to the standard return's first runs, but
    // never lasting, walks included, past an hour nor past the runner's
    // everyday run (smaller steps, never a longer first week). Where those
    // sessions carry the standard return within the 1.1x rule, it follows
    // week for week, its runs joining one a week; otherwise its distance weeks start from the lead-in's last
    // sessions, as after any run/walk (Frandsen 2025: none over 1.1x the
    // longest of the last 30 days, the pre-layoff runs by then over a month
    // old).
    let lead_in = match model.run_walk_from {
        Some(first) => {
            return run_walk_weeks(lead_in::before_run_walk(template, first))
                .chain(runs_join_one_a_week(standard, template))
                .collect();
        }
        None => {
            let next = &standard[..standard.len().min(3)];
            let minutes = next
                .iter()
                .flat_map(|w| &w.runs)
                .map(|r| match r {
                    Planned::RunWalk(i) => f64::from(i.running_seconds()) / 60.0,
                    Planned::Distance { hundredths, .. } => model.minutes(*hundredths),
                })
                .reduce(f64::max)
                .unwrap_or(20.0);
            // No session longer than the usual everyday run and the first
            // week's limit by the layoff (but half an hour), nor an hour.
            let cap = model
                .minutes(model.usual)
                .min(model.first_week_minutes())
                .clamp(
                    lead_in::LEAD_IN_LEAST_MINUTES,
                    lead_in::LEAD_IN_MOST_MINUTES,
                );
            let minutes = minutes.min(lead_in::most_running(template, cap));
            // Past the usual run only as far as the shortest run after it
            // needs (the 1.1x rule).
            let usual = model
                .minutes(model.usual)
                .max(model.minutes(model.min_run) / template.single_run_cap);
            lead_in::before_distance(template, minutes, usual, cap)
        }
    };
    let lead_in_weeks: Vec<PlannedWeek> = run_walk_weeks(lead_in.clone()).collect();
    let longest = [
        longest_of(model, &lead_in_weeks),
        longest_of(model, &standard),
    ];
    if lead_in::carries(&longest[0], &longest[1], template.single_run_cap) {
        return lead_in_weeks
            .into_iter()
            .chain(runs_join_one_a_week(standard, template))
            .collect();
    }
    standard_return(model, template, Some(lead_in))
}

/// The standard return after a numb runner's run/walk: its distance weeks'
/// runs join one a week from the run/walk's sessions, the long run's day
/// first kept, so the switch week ends the walks and adds no run (the
/// coach's tenth review: four to six running days in a row at the switch).
/// A week left short is not yet the goal, and pushes it later (never
/// sooner than the standard return plus the lead-in): the goal week is
/// held twice at the end, as ever.
fn runs_join_one_a_week(mut standard: Vec<PlannedWeek>, template: &Template) -> Vec<PlannedWeek> {
    let sessions = usize::from(template.run_walk_runs_per_week);
    let run_walk = standard
        .iter()
        .take_while(|w| w.phase == Phase::RunWalk)
        .count();
    if let Some(goal) = standard.last().cloned() {
        // Weeks enough for the goal's runs to join, then the goal twice.
        let joined = run_walk + goal.runs.len().saturating_sub(sessions);
        while standard.len() < joined + 2 {
            standard.push(goal.clone());
        }
    }
    standard
        .into_iter()
        .enumerate()
        .map(|(i, mut week)| {
            let most = i.checked_sub(run_walk).map_or(usize::MAX, |k| sessions + k);
            if week.runs.len() > most {
                week.runs.truncate(most);
                if week.phase == Phase::Goal {
                    week.phase = Phase::Build;
                }
            }
            week
        })
        .collect()
}

/// Each week's longest run, run/walk by its running minutes.
fn longest_of(model: &Model, weeks: &[PlannedWeek]) -> Vec<u32> {
    weeks
        .iter()
        .map(|w| {
            w.runs
                .iter()
                .map(|r| match r {
                    Planned::RunWalk(i) => model.distance_of(f64::from(i.running_seconds()) / 60.0),
                    Planned::Distance { hundredths, .. } => *hundredths,
                })
                .max()
                .unwrap_or(0)
        })
        .collect()
}
