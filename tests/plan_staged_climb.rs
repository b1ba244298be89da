//! A small runner's staged return climbs to the old week (DESIGN.md §2 v3,
//! rule 1): where three runs at the shortest, or the run/walk's running,
//! already hold the week above Daniels' staged share, the rest of the way
//! is spread over the weeks the staged return has left, never flat for
//! weeks and then a jump into the goal week (the coach's twelfth review,
//! F3: 8 mi / 3 runs after 90 days off held 6.6 mi for eight weeks, then
//! 8.0, +21%; 10 mi / 4 runs after 120 days 7.5, then 10.0, +33%).

mod common;

use comeback::plan::{Phase, Plan, Profile, Unit, generate};
use common::{runner, template};

/// Each distance week's volume, in hundredths, with its phase and whether
/// it is a recovery week.
fn volumes(plan: &Plan) -> Vec<(u32, Phase, bool)> {
    plan.weeks
        .iter()
        .filter(|w| w.phase != Phase::RunWalk)
        .map(|w| {
            let total = w
                .runs()
                .filter_map(|r| r.distance)
                .map(|d| d.hundredths())
                .sum();
            (total, w.phase, w.cutback)
        })
        .collect()
}

#[test]
fn a_small_runners_staged_weeks_climb_to_the_old_week_without_sitting_flat() {
    let mut failures = Vec::new();
    for (name, numb_now) in [("standard", false), ("cautious", true)] {
        for unit in [Unit::Mi, Unit::Km] {
            let scale = if unit == Unit::Km { 1.6 } else { 1.0 };
            for (weekly, runs) in [(8.0, 3), (10.0, 4), (12.0, 3), (15.0, 3), (18.0, 4)] {
                for layoff in [35, 42, 56, 70, 90, 120, 180, 365] {
                    let profile = Profile {
                        numb_now,
                        ..runner(layoff, weekly * scale, runs, unit)
                    };
                    let Ok(plan) = generate(&profile, &template(name)) else {
                        continue;
                    };
                    let weeks = volumes(&plan);
                    let old = profile.weekly_before.hundredths();
                    let build: Vec<u32> = weeks
                        .iter()
                        .take_while(|(_, phase, _)| *phase != Phase::Goal)
                        .filter(|(_, _, cutback)| !cutback)
                        .map(|(total, _, _)| *total)
                        .collect();
                    let flat = build
                        .windows(3)
                        .any(|w| w[0] == w[1] && w[1] == w[2] && w[2] + 10 < old);
                    if flat {
                        failures.push(format!(
                            "{name}, {weekly} {unit:?} / {runs} runs after {layoff} days: {build:?}"
                        ));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
