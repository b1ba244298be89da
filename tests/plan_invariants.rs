//! Property tests: every shipped template keeps the plan invariants (docs/ARCHITECTURE.md)
//! for every profile in range.

mod common;

use chrono::{Days, NaiveDate};
use comeback::plan::{Distance, HabitWhen, Phase, Plan, Profile, Template, Unit, Week, generate};
use proptest::prelude::*;

fn profiles() -> impl Strategy<Value = (Profile, String)> {
    (
        0u32..=365,
        50u32..=1200,
        0u32..=600,
        3u8..=6,
        any::<bool>(),
        0u64..=800,
        any::<bool>(),
        any::<bool>(),
        prop_oneof![Just("standard"), Just("cautious")],
    )
        .prop_map(
            |(layoff, weekly, extra, runs, km, offset, cross, numb, template)| {
                let weekly_before = Distance::from_hundredths(weekly * 10);
                (
                    Profile {
                        layoff_days: layoff,
                        weekly_before,
                        goal_weekly: Distance::from_hundredths((weekly + extra).min(2000) * 10),
                        runs_per_week: runs,
                        unit: if km { Unit::Km } else { Unit::Mi },
                        start: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(offset),
                        cross_trained: cross,
                        numb_now: numb,
                        health: Vec::new(),
                    },
                    template.to_string(),
                )
            },
        )
}

fn plan_for(profile: &Profile, name: &str) -> (Plan, Template) {
    let template = common::template(name);
    (generate(profile, &template).unwrap(), template)
}

fn distance_weeks(plan: &Plan) -> impl Iterator<Item = &Week> {
    plan.weeks.iter().filter(|w| w.phase != Phase::RunWalk)
}

fn runs_with_dates(plan: &Plan) -> Vec<(NaiveDate, f64, bool)> {
    plan.weeks
        .iter()
        .flat_map(|w| &w.days)
        .flat_map(|d| {
            d.runs()
                .filter_map(move |r| r.distance.map(|x| (d.date, x.value(), r.long)))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    // 1. Week 1 follows the layoff band (Daniels, table 9.2).
    #[test]
    fn week_one_follows_the_layoff_band((profile, name) in profiles()) {
        let (plan, template) = plan_for(&profile, &name);
        let run_walk = profile.layoff_days > 56 || (profile.numb_now && template.run_walk_when_numb);
        let first = &plan.weeks[0];
        if run_walk {
            prop_assert_eq!(first.phase, Phase::RunWalk);
            prop_assert!(first.target_minutes.is_some() && first.target_distance.is_none());
        } else {
            let fraction = match profile.layoff_days { 0..=5 => 1.0, 6..=28 => 0.5, _ => 0.33 };
            let expected = (profile.weekly_before.value() * fraction).max(1.0).min(profile.goal_weekly.value());
            let got = first.target_distance.unwrap().value();
            prop_assert!(got <= expected + 1e-9 && got >= expected - 0.06, "week 1 {} vs {}", got, expected);
        }
        if let Some(w) = distance_weeks(&plan).next() {
            prop_assert!(w.target_distance.is_some() && w.target_minutes.is_none());
        }
    }

    // 2. No week above 1.10x the largest earlier week.
    #[test]
    fn no_week_exceeds_the_weekly_cap((profile, name) in profiles()) {
        let (plan, _) = plan_for(&profile, &name);
        let mut largest: Option<f64> = None;
        for week in distance_weeks(&plan) {
            let volume = week.target_distance.unwrap().value();
            if let Some(l) = largest {
                prop_assert!(volume <= l * 1.10 + 1e-9, "week {} {} after {}", week.week, volume, l);
            }
            largest = Some(largest.map_or(volume, |l| l.max(volume)));
        }
        let minutes: Vec<u32> = plan.weeks.iter().filter_map(|w| w.target_minutes).collect();
        prop_assert!(minutes.windows(2).all(|m| m[1] + 6 >= m[0]));
    }

    // 3. Frandsen 2025: no run above 1.1x the longest run of the previous 30 days;
    //    the long run at most ~35% of its week.
    #[test]
    fn no_run_exceeds_the_thirty_day_longest_by_a_tenth((profile, name) in profiles()) {
        let (plan, _) = plan_for(&profile, &name);
        let runs = runs_with_dates(&plan);
        for (i, (date, distance, _)) in runs.iter().enumerate().skip(1) {
            let from = *date - Days::new(30);
            let longest = runs[..i].iter().filter(|(d, _, _)| *d >= from).map(|r| r.1).fold(0.0, f64::max);
            if longest > 0.0 {
                prop_assert!(*distance <= longest * 1.10 + 1e-9, "{} run {} after {}", date, distance, longest);
            }
        }
        for week in distance_weeks(&plan) {
            let total = week.target_distance.unwrap().value();
            let longest = week.runs().filter_map(|r| r.distance).max().unwrap().value();
            prop_assert!(longest <= total * 0.35 + 0.01 * week.run_count() as f64 + 1e-9, "week {}: {} of {}", week.week, longest, total);
            prop_assert_eq!(week.runs().filter(|r| r.long).count(), 1);
        }
    }

    // 4. A recovery week at ~80% every `recovery_every` build weeks.
    #[test]
    fn recovery_weeks_come_on_the_cadence((profile, name) in profiles()) {
        let (plan, template) = plan_for(&profile, &name);
        let weeks: Vec<&Week> = distance_weeks(&plan).collect();
        for (i, week) in weeks.iter().enumerate() {
            let n = i as u32 + 1;
            let due = n > 1 && n % template.recovery_every == 0 && weeks[i - 1].phase != Phase::Goal;
            prop_assert_eq!(week.cutback, due, "distance week {}", n);
            if week.cutback {
                let before = weeks[i - 1].target_distance.unwrap().value();
                let now = week.target_distance.unwrap().value();
                let runs = week.run_count() as f64;
                prop_assert!(now <= before * 0.8 + 1e-9 && now >= before * 0.8 - 0.01 * runs);
            }
        }
    }

    // 5. The plan ends when the goal has been held for a week.
    #[test]
    fn the_plan_ends_with_the_goal_held((profile, name) in profiles()) {
        let (plan, _) = plan_for(&profile, &name);
        let n = plan.weeks.len();
        prop_assert!((2..comeback::plan::MAX_WEEKS).contains(&n));
        let goal = profile.goal_weekly.value();
        for week in &plan.weeks[n - 2..] {
            prop_assert_eq!(week.phase, Phase::Goal);
            let volume = week.target_distance.unwrap().value();
            prop_assert!(volume <= goal + 1e-9 && volume >= goal - 0.01 * week.run_count() as f64 - 0.01);
        }
        prop_assert!(plan.weeks[..n - 2].iter().all(|w| w.phase != Phase::Goal));
    }

    // 6. Runs spread out; strength 2–3 days, never consecutive, core + lower leg, progressing.
    #[test]
    fn runs_and_strength_are_spread_and_progress((profile, name) in profiles()) {
        let (plan, template) = plan_for(&profile, &name);
        for week in &plan.weeks {
            let run_days: Vec<i64> = week.days.iter().enumerate().filter(|(_, d)| d.has_run()).map(|(i, _)| i as i64).collect();
            let n = run_days.len() as i64;
            let adjacent = run_days.windows(2).filter(|w| w[1] - w[0] == 1).count() as i64;
            prop_assert!(adjacent <= (2 * n - 8).max(0), "week {} run days {:?}", week.week, run_days);
            let strength = week.strength_days();
            prop_assert!((2..=3).contains(&strength));
            for day in &week.days {
                if let Some(exercises) = day.strength() {
                    prop_assert!(exercises.iter().any(|e| !e.region.is_lower_extremity()));
                    prop_assert!(exercises.iter().any(|e| e.region.is_lower_extremity()));
                }
            }
        }
        let strength_dates: Vec<NaiveDate> = plan.weeks.iter().flat_map(|w| &w.days).filter(|d| d.strength().is_some()).map(|d| d.date).collect();
        prop_assert!(strength_dates.windows(2).all(|w| (w[1] - w[0]).num_days() >= 2));
        let level = |id: &str, amount: u32| -> (usize, u32) {
            let root = template.strength.exercises.iter().find(|e| template.variant_chain(&e.id).iter().any(|v| v.id == id) && !template.strength.exercises.iter().any(|o| o.harder.as_deref() == Some(e.id.as_str()))).unwrap();
            (template.variant_chain(&root.id).iter().position(|v| v.id == id).unwrap(), amount)
        };
        for pair in plan.weeks.windows(2) {
            let sessions = |w: &Week| w.days.iter().filter_map(|d| d.strength().map(|e| e.to_vec())).collect::<Vec<_>>();
            let (before, after) = (sessions(&pair[0]), sessions(&pair[1]));
            let mut moved = false;
            let mut capped = true;
            for (a, b) in before.iter().zip(&after) {
                for (x, y) in a.iter().zip(b) {
                    let (lx, ly) = (level(&x.id, x.reps.or(x.hold_seconds).unwrap()), level(&y.id, y.reps.or(y.hold_seconds).unwrap()));
                    prop_assert!(ly >= lx, "{} -> {}", x.id, y.id);
                    moved |= ly > lx;
                    capped &= template.exercise(&y.id).unwrap().harder.is_none();
                }
            }
            prop_assert!(moved || capped, "no progression into week {}", pair[1].week);
        }
    }

    // 7. Every run day carries the pre-run checks and post-run habits.
    #[test]
    fn every_run_day_carries_the_habits((profile, name) in profiles()) {
        let (plan, _) = plan_for(&profile, &name);
        for day in plan.weeks.iter().flat_map(|w| &w.days) {
            let has = |id: &str, when: HabitWhen| day.habits.iter().any(|h| h.id == id && h.when == when);
            if day.has_run() {
                prop_assert!(has("lace-check", HabitWhen::PreRun));
                prop_assert!(has("walk-before-sitting", HabitWhen::PostRun));
                prop_assert!(has("no-low-seats", HabitWhen::PostRun));
                prop_assert!(has("loosen-laces", HabitWhen::PostRun));
            } else {
                prop_assert!(day.habits.is_empty());
            }
        }
    }

    #[test]
    fn weeks_are_consecutive_and_seven_days_long((profile, name) in profiles()) {
        let (plan, _) = plan_for(&profile, &name);
        for (i, week) in plan.weeks.iter().enumerate() {
            prop_assert_eq!(week.week as usize, i + 1);
            prop_assert_eq!(week.start, profile.start + Days::new(7 * i as u64));
            prop_assert_eq!(week.days.len(), 7);
        }
    }
}
