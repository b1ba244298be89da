//! One scenario per rule of the plan generator (src/plan/generate.rs and
//! src/plan/layout.rs cite them), named for the behaviour.

mod common;

use comeback::plan::{Distance, Phase, Plan, Region, Session, Weekday, generate};
use common::{profile, template};

fn plan(layoff_days: u32) -> Plan {
    generate(&profile(layoff_days), &template("standard")).unwrap()
}

/// The first week at the old 25 a week (within a tenth a run).
fn weeks_until_back(plan: &Plan) -> u32 {
    plan.weeks
        .iter()
        .find(|w| w.target_distance.is_some_and(|d| d.value() >= 24.6))
        .map(|w| w.week)
        .unwrap()
}

fn volumes(plan: &Plan) -> Vec<f64> {
    plan.weeks
        .iter()
        .map(|w| w.target_distance.map_or(0.0, |d| d.value()))
        .collect()
}

fn runs(plan: &Plan) -> Vec<usize> {
    plan.weeks.iter().map(|w| w.run_count()).collect()
}

// Daniels' bands: how many weeks until the runner is back at the old volume
// (25 mi over 4 runs).

#[test]
fn three_days_off_resumes_at_full_volume_at_once() {
    let p = plan(3);
    assert_eq!(weeks_until_back(&p), 1);
    assert_eq!(volumes(&p), vec![25.0, 25.0]);
}

#[test]
fn two_weeks_off_is_back_in_week_three_by_half_then_three_quarters() {
    // Daniels: 50% for the first half of the return, 75% for the second.
    let p = plan(14);
    assert_eq!(weeks_until_back(&p), 3);
    assert_eq!(&volumes(&p)[..2], &[12.5, 18.7]);
}

#[test]
fn three_weeks_off_is_back_in_week_four_with_fewer_runs_of_the_old_length() {
    // Daniels: about four weeks. The old runs still count for the 30-day
    // rule, so the staged return cuts how often, not how far.
    let p = plan(21);
    assert_eq!(weeks_until_back(&p), 4);
    assert_eq!(&volumes(&p)[..4], &[12.5, 12.5, 18.7, 25.0]);
    assert_eq!(&runs(&p)[..4], &[2, 2, 3, 4]);
}

#[test]
fn five_weeks_off_starts_at_a_third_and_is_back_in_week_nine() {
    // Daniels: 33% -> 50% -> 75%, about two weeks each; the old runs no
    // longer count, so the 1.1x rule paces run lengths from the first week.
    let p = plan(35);
    assert_eq!(volumes(&p)[0], 8.2);
    assert_eq!(weeks_until_back(&p), 9);
}

#[test]
fn eight_weeks_off_is_back_in_week_nine() {
    let p = plan(56);
    assert_eq!(volumes(&p)[0], 8.2);
    assert_eq!(weeks_until_back(&p), 9);
}

#[test]
fn three_months_off_starts_with_run_walk_and_is_back_in_week_twenty_five() {
    let p = plan(91);
    let first = &p.weeks[0];
    assert_eq!(first.phase, Phase::RunWalk);
    assert_eq!(first.target_distance, None);
    assert_eq!(first.target_minutes, Some(60));
    assert!(
        first
            .runs()
            .all(|r| r.distance.is_none() && r.intervals.is_some())
    );
    assert_eq!(weeks_until_back(&p), 25);
}

#[test]
fn two_years_off_takes_the_same_run_walk_road() {
    assert_eq!(weeks_until_back(&plan(730)), 25);
    assert_eq!(volumes(&plan(730)), volumes(&plan(91)));
}

#[test]
fn cross_training_moves_up_one_band() {
    // VDOT kept at 28 days: .965 cross-trained vs .931 (vdoto2.com).
    let mut runner = profile(42);
    runner.cross_trained = true;
    let cross = generate(&runner, &template("standard")).unwrap();
    assert_eq!(volumes(&cross)[0], 12.5, "the 6–28 day band's 50%");
    runner.layoff_days = 70;
    let long = generate(&runner, &template("standard")).unwrap();
    assert_ne!(
        long.weeks[0].phase,
        Phase::RunWalk,
        "70 days cross-trained: 33%, not run/walk"
    );
}

#[test]
fn run_walk_switches_to_distance_at_its_running_minutes() {
    // The last run/walk week runs 3 x 25 minutes: at 10:30 a mile, 7.1 mi.
    let p = plan(91);
    let switch = p
        .weeks
        .iter()
        .position(|w| w.phase != Phase::RunWalk)
        .unwrap();
    let last = &p.weeks[switch - 1];
    let minutes: u32 = last
        .runs()
        .filter_map(|r| r.intervals)
        .map(|i| i.running_seconds() / 60)
        .sum();
    assert_eq!(minutes, 75);
    assert_eq!(volumes(&p)[switch], 7.1);
    assert_eq!(
        p.weeks[switch].run_count(),
        3,
        "as many runs as the run/walk weeks"
    );
    assert_eq!(p.weeks[switch + 1].run_count(), 4, "then one more a week");
}

#[test]
fn numb_now_with_cautious_starts_on_a_higher_rung_after_a_short_layoff() {
    let mut runner = profile(5);
    runner.numb_now = true;
    let short = generate(&runner, &template("cautious")).unwrap();
    runner.layoff_days = 120;
    let long = generate(&runner, &template("cautious")).unwrap();
    let rungs = |p: &Plan| p.weeks.iter().filter(|w| w.phase == Phase::RunWalk).count();
    assert_eq!(short.weeks[0].phase, Phase::RunWalk);
    assert_eq!(rungs(&long), 9, "the whole ladder after four months");
    assert_eq!(rungs(&short), 3, "the top of it after five days");
    assert!(short.weeks.len() < long.weeks.len());
    runner.layoff_days = 5;
    let standard = generate(&runner, &template("standard")).unwrap();
    assert_ne!(standard.weeks[0].phase, Phase::RunWalk);
}

#[test]
fn a_recovery_week_comes_every_fourth_build_week_and_the_next_returns_to_the_level_before() {
    let p = plan(91);
    let cutbacks: Vec<usize> = p
        .weeks
        .iter()
        .enumerate()
        .filter(|(_, w)| w.cutback)
        .map(|(i, _)| i)
        .collect();
    assert!(!cutbacks.is_empty());
    let v = volumes(&p);
    for i in cutbacks {
        assert!(
            (v[i] / v[i - 1] - 0.8).abs() < 0.06,
            "week {}: {} after {}",
            i + 1,
            v[i],
            v[i - 1]
        );
        assert!(
            v[i + 1] <= v[i - 1],
            "week {} returns to {} at most",
            i + 2,
            v[i - 1]
        );
        let sets = |w: usize| {
            p.weeks[w]
                .days
                .iter()
                .filter_map(|d| d.strength())
                .flatten()
                .map(|e| e.sets)
                .max()
        };
        assert!(sets(i) < sets(i - 1), "strength lighter in a recovery week");
    }
}

#[test]
fn a_short_return_has_no_recovery_week() {
    assert!(plan(21).weeks.iter().all(|w| !w.cutback));
}

#[test]
fn the_plan_ends_once_the_goal_is_held_for_a_week() {
    let p = plan(21);
    let phases: Vec<Phase> = p.weeks.iter().map(|w| w.phase).collect();
    assert_eq!(&phases[phases.len() - 2..], &[Phase::Goal, Phase::Goal]);
    assert!(phases[..phases.len() - 2].iter().all(|p| *p != Phase::Goal));
}

#[test]
fn above_the_old_volume_weeks_grow_by_at_most_ten_percent() {
    let mut runner = profile(3);
    runner.goal_weekly = Distance::from_value(35.0);
    let p = generate(&runner, &template("standard")).unwrap();
    let v = volumes(&p);
    let mut largest: f64 = 25.0;
    for (i, week) in p.weeks.iter().enumerate() {
        if v[i] > 25.0 && !p.weeks[i.saturating_sub(1)].cutback {
            assert!(
                v[i] <= largest * 1.1 + 0.1,
                "week {}: {} after {largest}",
                week.week,
                v[i]
            );
        }
        if !week.cutback {
            largest = largest.max(v[i]);
        }
    }
    assert!((34.5..=35.0).contains(v.last().unwrap()));
}

#[test]
fn the_long_run_stops_at_the_goal_and_keeps_its_caps() {
    let mut runner = profile(3);
    runner.weekly_before = Distance::from_value(60.0);
    runner.goal_weekly = Distance::from_value(70.0);
    runner.runs_per_week = 6;
    let p = generate(&runner, &template("standard")).unwrap();
    let longs: Vec<f64> = p
        .weeks
        .iter()
        .map(|w| w.runs().filter_map(|r| r.distance).max().unwrap().value())
        .collect();
    assert!(
        longs.iter().all(|l| *l <= 20.0),
        "Pfitzinger: about 20 mi at most"
    );
    let n = longs.len();
    assert_eq!(longs[n - 1], longs[n - 2], "no growth once at the goal");
    for w in &p.weeks {
        let long = w.runs().find(|r| r.long).unwrap();
        assert!(long.effort.minutes <= 150, "Daniels: 150 minutes at most");
    }
}

#[test]
fn no_run_is_shorter_than_two_miles_fewer_runs_instead() {
    let mut runner = profile(21);
    runner.weekly_before = Distance::from_value(6.0);
    runner.goal_weekly = Distance::from_value(6.0);
    let p = generate(&runner, &template("standard")).unwrap();
    for w in &p.weeks {
        assert!(
            w.runs().all(|r| r.distance.unwrap().value() >= 2.0),
            "week {}",
            w.week
        );
    }
    assert!(p.weeks[0].run_count() < 4);
}

#[test]
fn every_run_carries_its_effort_and_strides_come_after_three_continuous_weeks() {
    let p = plan(91);
    for w in &p.weeks {
        for r in w.runs() {
            assert_eq!(r.effort.rpe, [3, 4]);
            assert!(r.effort.minutes >= 20);
        }
    }
    let switch = p
        .weeks
        .iter()
        .position(|w| w.phase != Phase::RunWalk)
        .unwrap();
    let first_strides = p
        .weeks
        .iter()
        .position(|w| w.runs().any(|r| r.strides.is_some()))
        .unwrap();
    // The last run/walk rung is continuous: three continuous weeks end two
    // weeks after the switch.
    assert_eq!(first_strides, switch + 2);
    assert!(
        p.weeks
            .iter()
            .all(|w| w.runs().filter(|r| r.strides.is_some()).count() <= 2)
    );
}

#[test]
fn a_given_race_sets_paces_slowed_by_the_time_off() {
    let mut runner = profile(21);
    runner.race = Some("10k=50:00".parse().unwrap());
    let p = generate(&runner, &template("standard")).unwrap();
    let run = p.weeks[0].runs().next().unwrap();
    let [fast, slow] = run.effort.pace_seconds.unwrap();
    let fresh = runner.race.as_ref().unwrap().easy_pace_seconds(runner.unit);
    assert!(
        fast < fresh + 30 && slow > fresh,
        "{fast}..{slow} around {fresh}"
    );
    runner.layoff_days = 200;
    let later = generate(&runner, &template("standard")).unwrap();
    let run = later
        .weeks
        .iter()
        .flat_map(|w| w.runs())
        .find(|r| r.distance.is_some())
        .unwrap();
    assert!(
        run.effort.pace_seconds.unwrap()[0] > fast,
        "more time off, slower"
    );
}

#[test]
fn the_long_run_falls_on_the_runners_day_and_rest_days_stay_free() {
    let mut runner = profile(3);
    runner.long_day = Some(Weekday::Sat);
    runner.rest_days = vec![Weekday::Mon, Weekday::Thu];
    let p = generate(&runner, &template("standard")).unwrap();
    // The plan starts on Monday 23 Nov 2026.
    for w in &p.weeks {
        assert!(w.days[5].runs().any(|r| r.long), "Saturday long run");
        assert_eq!(w.days[0].sessions, vec![Session::Rest]);
        assert_eq!(w.days[3].sessions, vec![Session::Rest]);
    }
}

#[test]
fn strength_never_comes_the_day_before_the_long_run_and_works_the_calves() {
    let p = plan(21);
    for w in &p.weeks {
        assert!(
            w.days[5].strength().is_none(),
            "Saturday, before the Sunday long run"
        );
        for exercises in w.days.iter().filter_map(|d| d.strength()) {
            assert!(exercises.iter().any(|e| e.region == Region::Calf));
        }
    }
}

#[test]
fn free_days_offer_optional_cross_training_and_one_day_rests_fully() {
    let p = plan(21);
    let week = &p.weeks[3];
    assert!(
        week.days
            .iter()
            .any(|d| matches!(d.sessions[..], [Session::Cross { minutes: 30 }]))
    );
    assert_eq!(
        week.days[0].sessions,
        vec![Session::Rest],
        "Monday after the long run"
    );
}

#[test]
fn strength_moves_to_the_harder_variant_past_fifteen_reps() {
    let p = plan(91);
    let bridge = |week: usize| {
        p.weeks[week]
            .days
            .iter()
            .find_map(|d| d.strength())
            .and_then(|ex| ex.iter().find(|e| e.region == Region::Hip).cloned())
            .unwrap()
    };
    let reps: Vec<(String, u32)> = (0..6)
        .map(|w| (bridge(w).id.to_string(), bridge(w).reps.unwrap()))
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
fn sets_grow_from_two_to_three_and_foot_holds_stay_short() {
    let p = plan(91);
    let sets = |week: usize| {
        p.weeks[week]
            .days
            .iter()
            .find_map(|d| d.strength())
            .unwrap()[0]
            .sets
    };
    assert_eq!(sets(0), 2);
    assert_eq!(sets(4), 3, "a set more after four weeks of progress");
    for w in &p.weeks {
        for e in w.days.iter().filter_map(|d| d.strength()).flatten() {
            if e.region == Region::Foot {
                assert!(
                    e.hold_seconds.is_none_or(|h| h <= 10),
                    "{} {:?}",
                    e.id,
                    e.hold_seconds
                );
            }
        }
    }
}

#[test]
fn holds_climb_by_ten_seconds_to_a_minute() {
    let p = plan(91);
    let plank = |week: usize| {
        p.weeks[week]
            .days
            .iter()
            .find_map(|d| d.strength())
            .unwrap()[0]
            .clone()
    };
    let holds: Vec<u32> = (0..6).map(|w| plank(w).hold_seconds.unwrap()).collect();
    assert_eq!(holds, vec![10, 20, 30, 40, 50, 60]);
    assert_eq!(&*plank(6).id, "plank-leg-lift");
}

#[test]
fn cautious_plans_three_strength_days_resting_the_day_before_the_long_run() {
    let mut runner = profile(21);
    runner.numb_now = true;
    let p = generate(&runner, &template("cautious")).unwrap();
    assert!(p.weeks.iter().all(|w| w.strength_days() == 3));
    assert!(
        p.weeks
            .iter()
            .all(|w| w.days[5].sessions == vec![Session::Rest])
    );
}

#[test]
fn a_template_without_cross_training_walks_on_free_days() {
    let mut walking = template("standard");
    walking.cross_minutes = 0;
    walking.rest_day_walk_minutes = 20;
    let p = generate(&profile(21), &walking).unwrap();
    assert!(
        p.weeks[0]
            .days
            .iter()
            .any(|d| matches!(d.sessions[..], [Session::Walk { minutes: 20 }]))
    );
}

#[test]
fn habits_are_a_daily_core_and_weekly_tips() {
    let p = plan(21);
    let week = &p.weeks[2];
    let run_days: Vec<_> = week.days.iter().filter(|d| d.has_run()).collect();
    let tips = |d: &&comeback::plan::Day| d.habits.iter().any(|h| h.id == "shoe-check");
    assert!(tips(&run_days[0]));
    assert!(!run_days[1..].iter().any(tips));
    assert!(
        run_days
            .iter()
            .all(|d| d.habits.iter().any(|h| h.id == "lace-check"))
    );
}

#[test]
fn the_same_profile_always_gives_the_same_plan() {
    assert_eq!(plan(40), plan(40));
}

#[test]
fn an_impossible_profile_is_refused() {
    let mut runner = profile(21);
    runner.runs_per_week = 9;
    let e = generate(&runner, &template("standard")).unwrap_err();
    assert_eq!(e.to_string(), "runs per week 9: expected 3 to 6");
}
