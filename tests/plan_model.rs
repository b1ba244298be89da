//! The return model held to its properties (DESIGN.md §2 v3): every layoff
//! from 0 to 3,650 days for a spread of runners, and random profiles
//! (proptest) for the rest. Named for the behaviour each one keeps.

mod common;

use comeback::plan::{Distance, Phase, Plan, Profile, Template, Unit, Weekday, generate};
use common::{date, template};
use proptest::prelude::*;

/// A runner who ran `weekly` a week over `runs` runs, back after `layoff` days.
fn runner(layoff: u32, weekly: f64, runs: u8, unit: Unit) -> Profile {
    Profile {
        layoff_days: layoff,
        weekly_before: Distance::from_value(weekly),
        goal_weekly: Distance::from_value(weekly),
        runs_per_week: runs,
        unit,
        start: date("2026-12-07"),
        cross_trained: false,
        numb_now: false,
        health: Vec::new(),
        health_since: Default::default(),
        long_day: None,
        rest_days: Vec::new(),
        easy_pace_seconds: None,
        race: None,
    }
}

fn plan_of(profile: &Profile, name: &str) -> Option<Plan> {
    generate(profile, &template(name)).ok()
}

/// The first week at the goal volume, 1-based.
fn weeks_back(plan: &Plan) -> usize {
    plan.weeks
        .iter()
        .position(|w| w.phase == Phase::Goal)
        .map_or(usize::MAX, |i| i + 1)
}

/// Weeks back over every layoff from 0 to `last` days.
fn sweep(base: &Profile, name: &str, last: u32) -> Vec<(u32, usize)> {
    (0..=last)
        .filter_map(|layoff| {
            let p = Profile {
                layoff_days: layoff,
                ..base.clone()
            };
            plan_of(&p, name).map(|plan| (layoff, weeks_back(&plan)))
        })
        .collect()
}

fn spread_of_runners() -> Vec<Profile> {
    let mut all = Vec::new();
    for (weekly, runs) in [(8.0, 3), (15.0, 3), (25.0, 4), (35.0, 4), (40.0, 5), (60.0, 6), (70.0, 6)] {
        all.push(runner(0, weekly, runs, Unit::Mi));
    }
    for (weekly, runs) in [(20.0, 3), (50.0, 5), (100.0, 6)] {
        all.push(runner(0, weekly, runs, Unit::Km));
    }
    let mut crossed = runner(0, 30.0, 4, Unit::Mi);
    crossed.cross_trained = true;
    all.push(crossed);
    let mut higher = runner(0, 20.0, 4, Unit::Mi);
    higher.goal_weekly = Distance::from_value(35.0);
    all.push(higher);
    let mut lower = runner(0, 50.0, 5, Unit::Mi);
    lower.goal_weekly = Distance::from_value(30.0);
    all.push(lower);
    all
}

#[test]
fn weeks_back_never_fall_and_grow_at_most_a_week_a_day_over_every_layoff() {
    let mut failures = Vec::new();
    for name in ["standard", "cautious"] {
        for base in spread_of_runners() {
            let mut base = base;
            base.numb_now = name == "cautious";
            let weeks = sweep(&base, name, 800);
            for pair in weeks.windows(2) {
                let ((a, wa), (b, wb)) = (pair[0], pair[1]);
                if !(wb >= wa && wb <= wa + 1) {
                    failures.push(format!(
                        "{name}, {} {} over {} runs{}: {a} days off back in week {wa}, {b} days in week {wb}",
                        base.weekly_before, base.unit, base.runs_per_week,
                        if base.cross_trained { " cross-trained" } else { "" }
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} breaks:\n{}", failures.len(), failures.join("\n"));
}
