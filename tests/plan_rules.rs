//! One scenario per rule of the plan generator (src/plan/generate.rs cites them), named for the behaviour.

mod common;

use comeback::plan::{Phase, Session, generate};
use common::{profile, template};

fn week_one_distance(layoff_days: u32) -> f64 {
    let plan = generate(&profile(layoff_days), &template("standard")).unwrap();
    plan.weeks[0].target_distance.unwrap().value()
}

#[test]
fn five_days_off_resumes_at_full_volume() {
    assert!((24.5..=25.0).contains(&week_one_distance(5)));
}

#[test]
fn three_weeks_off_starts_at_half_the_old_volume() {
    assert!((12.0..=12.5).contains(&week_one_distance(21)));
}

#[test]
fn six_weeks_off_starts_at_a_third_of_the_old_volume() {
    assert!((7.9..=8.3).contains(&week_one_distance(42)));
}

#[test]
fn over_eight_weeks_off_starts_with_run_walk_in_minutes() {
    let plan = generate(&profile(60), &template("standard")).unwrap();
    let first = &plan.weeks[0];
    assert_eq!(first.phase, Phase::RunWalk);
    assert_eq!(first.target_distance, None);
    assert_eq!(first.target_minutes, Some(60));
    assert!(
        first
            .runs()
            .all(|r| r.distance.is_none() && r.intervals.is_some())
    );
    let first_distance = plan
        .weeks
        .iter()
        .find(|w| w.phase != Phase::RunWalk)
        .unwrap();
    assert!(first_distance.target_distance.unwrap().value() <= 25.0 * 0.33);
}

#[test]
fn numb_now_with_cautious_starts_with_run_walk_after_a_short_layoff() {
    let mut runner = profile(3);
    runner.numb_now = true;
    let plan = generate(&runner, &template("cautious")).unwrap();
    assert_eq!(plan.weeks[0].phase, Phase::RunWalk);
    let standard = generate(&runner, &template("standard")).unwrap();
    assert_ne!(standard.weeks[0].phase, Phase::RunWalk);
}

#[test]
fn cross_training_skips_the_first_run_walk_rungs() {
    let mut runner = profile(120);
    let plain = generate(&runner, &template("standard")).unwrap();
    runner.cross_trained = true;
    let cross = generate(&runner, &template("standard")).unwrap();
    let rungs =
        |p: &comeback::plan::Plan| p.weeks.iter().filter(|w| w.phase == Phase::RunWalk).count();
    assert_eq!(rungs(&plain), rungs(&cross) + 2);
}

#[test]
fn a_recovery_week_comes_every_fourth_build_week() {
    let plan = generate(&profile(21), &template("standard")).unwrap();
    let cutbacks: Vec<u32> = plan
        .weeks
        .iter()
        .filter(|w| w.cutback)
        .map(|w| w.week)
        .collect();
    assert_eq!(cutbacks, vec![4, 8]);
    let w3 = plan.weeks[2].target_distance.unwrap().value();
    let w4 = plan.weeks[3].target_distance.unwrap().value();
    assert!((w4 / w3 - 0.8).abs() < 0.03, "{w3} -> {w4}");
}

#[test]
fn a_short_build_has_no_recovery_week() {
    let plan = generate(&profile(3), &template("standard")).unwrap();
    assert!(plan.weeks.iter().all(|w| !w.cutback));
}

#[test]
fn the_plan_ends_once_the_goal_is_held_for_a_week() {
    let plan = generate(&profile(21), &template("standard")).unwrap();
    let phases: Vec<Phase> = plan.weeks.iter().map(|w| w.phase).collect();
    assert_eq!(&phases[phases.len() - 2..], &[Phase::Goal, Phase::Goal]);
    assert!(phases[..phases.len() - 2].iter().all(|p| *p != Phase::Goal));
}

#[test]
fn the_goal_can_be_above_the_old_volume() {
    let mut runner = profile(21);
    runner.goal_weekly = comeback::plan::Distance::from_value(30.0);
    let plan = generate(&runner, &template("standard")).unwrap();
    let last = plan.weeks.last().unwrap().target_distance.unwrap().value();
    assert!((29.5..=30.0).contains(&last), "{last}");
}

#[test]
fn strength_moves_to_the_harder_variant_past_fifteen_reps() {
    let plan = generate(&profile(21), &template("standard")).unwrap();
    let bridge = |week: usize| {
        plan.weeks[week]
            .days
            .iter()
            .find_map(|d| d.strength())
            .and_then(|ex| {
                ex.iter()
                    .find(|e| e.region == comeback::plan::Region::Hip)
                    .cloned()
            })
            .unwrap()
    };
    let reps: Vec<(String, u32)> = (0..6)
        .map(|w| (bridge(w).id, bridge(w).reps.unwrap()))
        .collect();
    assert_eq!(
        reps,
        vec![
            ("glute-bridge".into(), 8),
            ("glute-bridge".into(), 10),
            ("glute-bridge".into(), 12),
            ("glute-bridge".into(), 14),
            ("glute-bridge".into(), 15),
            ("single-leg-bridge".into(), 8),
        ]
    );
}

#[test]
fn holds_climb_by_ten_seconds_to_a_minute() {
    let plan = generate(&profile(21), &template("standard")).unwrap();
    let plank = |week: usize| {
        plan.weeks[week]
            .days
            .iter()
            .find_map(|d| d.strength())
            .unwrap()[0]
            .clone()
    };
    let holds: Vec<u32> = (0..6).map(|w| plank(w).hold_seconds.unwrap()).collect();
    assert_eq!(holds, vec![10, 20, 30, 40, 50, 60]);
    assert_eq!(plank(6).id, "plank-leg-lift");
}

#[test]
fn cautious_plans_three_strength_days_and_walks_on_rest_days() {
    let mut runner = profile(21);
    runner.numb_now = true;
    let plan = generate(&runner, &template("cautious")).unwrap();
    assert!(plan.weeks.iter().all(|w| w.strength_days() == 3));
    assert!(
        plan.weeks[0]
            .days
            .iter()
            .any(|d| matches!(d.sessions[..], [Session::Walk { minutes: 20 }]))
    );
}

#[test]
fn the_same_profile_always_gives_the_same_plan() {
    let a = generate(&profile(40), &template("standard")).unwrap();
    let b = generate(&profile(40), &template("standard")).unwrap();
    assert_eq!(a, b);
}

#[test]
fn an_impossible_profile_is_refused() {
    let mut runner = profile(21);
    runner.runs_per_week = 9;
    let e = generate(&runner, &template("standard")).unwrap_err();
    assert_eq!(e.to_string(), "runs per week 9: expected 3 to 6");
}
