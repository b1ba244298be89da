//! The first week back after one more day off (DESIGN.md §2 v3: monotone
//! and continuous in the layoff): where its most runs step down from one
//! count to the next by days off, the week keeps the fraction of a run in
//! between as one shorter run, so a day more never takes a whole run off
//! it (the coach's thirteenth round: 55 mi / 5 runs was five runs of 9.3
//! mi, 46.5 mi, after 11 days off, and four of 8.7, 34.8 mi, after 12);
//! below that budget, runs at the cap and the rest as one shorter run.

mod common;

use comeback::plan::{Unit, generate};
use common::{runner, template};

/// The first week's running, in the plan's unit.
fn first_week(layoff: u32, weekly: f64, runs: u8) -> f64 {
    let plan = generate(
        &runner(layoff, weekly, runs, Unit::Mi),
        &template("standard"),
    )
    .expect("a plan");
    plan.weeks[0]
        .runs()
        .map(|r| r.distance.map_or(0.0, |d| d.value()))
        .sum()
}

#[test]
fn one_more_day_off_never_takes_a_whole_run_off_the_first_week() {
    // (Five- and six-run runners: the first week's most runs step down
    // from their count to four.)
    for (weekly, runs) in [
        (55.0, 5),
        (70.0, 6),
        (45.0, 6),
        (40.0, 5),
        (25.0, 5),
        (35.0, 6),
        (30.0, 4),
    ] {
        // (From 5 days off to 14 the first week's most runs step down from
        // the runner's count to four; to 28, runs at the week's cap and
        // the rest as one shorter run: 30 mi / 4 runs was 25.2 mi after
        // 12 days off and 18.3 after 13, 45 mi / 6 24.0 after 24 and 18.0
        // after 25.)
        for layoff in 5..28 {
            let (before, after) = (
                first_week(layoff, weekly, runs),
                first_week(layoff + 1, weekly, runs),
            );
            assert!(
                after >= before * 0.8,
                "{weekly} mi / {runs} runs: {before:.1} mi after {layoff} days off, {after:.1} after {}",
                layoff + 1
            );
        }
    }
}

#[test]
fn between_two_counts_the_first_week_has_one_shorter_run() {
    // 55 mi / 5 runs after 12 days off: four runs at the week's cap and a
    // fifth of what is left, not four alone.
    let plan = generate(&runner(12, 55.0, 5, Unit::Mi), &template("standard")).expect("a plan");
    let mut runs: Vec<f64> = plan.weeks[0]
        .runs()
        .map(|r| r.distance.map_or(0.0, |d| d.value()))
        .collect();
    runs.sort_by(f64::total_cmp);
    assert_eq!(runs.len(), 5, "{runs:?}");
    assert!(
        runs[0] < runs[1] && runs[1..].windows(2).all(|w| w[0] == w[1]),
        "{runs:?}"
    );
}
