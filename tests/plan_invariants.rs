//! Property tests: every shipped template keeps the plan invariants (the
//! generator's rules in src/plan/generate.rs and src/plan/layout.rs) for
//! every profile in range: layoffs of 0–3650 days, 3–200 mi or 5–320 km a
//! week, 3–6 runs, goals above and below, cross-trained, numb now, chosen
//! long-run and rest days, a given easy pace or none.

mod common;

use chrono::{Datelike, Days, NaiveDate};
use comeback::plan::{
    Distance, EasyPace, HabitEvery, HabitWhen, Phase, Plan, Profile, ProfileError, Race, Region,
    Session, Template, Unit, Week, Weekday, generate, time_off_factor,
};
use proptest::prelude::*;
use strum::VariantArray;

fn weekday() -> impl Strategy<Value = Weekday> {
    (0usize..7).prop_map(|i| Weekday::VARIANTS[i])
}

prop_compose! {
    fn profiles()(
        layoff in prop_oneof![0u32..=70, 0u32..=3650],
        km in any::<bool>(),
        weekly in 0.0f64..=1.0,
        goal in 0.0f64..=1.0,
        same_goal in any::<bool>(),
        runs in 3u8..=6,
        offset in 0u64..=800,
        cross in any::<bool>(),
        numb in any::<bool>(),
        long_day in proptest::option::of(weekday()),
        rest in proptest::collection::vec(weekday(), 0..=2),
        pace in proptest::option::of(0.0f64..=1.0),
        race in any::<bool>(),
    ) -> Profile {
        let unit = if km { Unit::Km } else { Unit::Mi };
        let range = comeback::plan::limits::weekly(unit);
        let span = |x: f64| range.start() + (range.end() - range.start()) * x * x;
        let weekly_before = Distance::from_value((span(weekly) * 10.0).round() / 10.0);
        let goal_weekly = if same_goal { weekly_before } else { Distance::from_value((span(goal) * 10.0).round() / 10.0) };
        let mut rest_days: Vec<Weekday> = rest.into_iter().filter(|d| Some(*d) != long_day).collect();
        rest_days.dedup();
        rest_days.truncate(usize::from(7 - runs));
        let paces = comeback::plan::limits::easy_pace(unit);
        let (easy_pace_seconds, race) = match pace {
            Some(x) if race => (None, Some(Race { distance_m: 5000, seconds: 1080 + (x * 1500.0) as u32 })),
            Some(x) => (Some(paces.start() + ((paces.end() - paces.start()) as f64 * x) as u32), None),
            None => (None, None),
        };
        Profile {
            layoff_days: layoff,
            weekly_before,
            goal_weekly,
            runs_per_week: runs,
            unit,
            start: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Days::new(offset),
            cross_trained: cross,
            numb_now: numb,
            health: Vec::new(),
            health_since: Default::default(),
            long_day,
            rest_days,
            easy_pace_seconds,
            race,
        }
    }
}

fn template_name() -> impl Strategy<Value = &'static str> {
    prop_oneof![Just("standard"), Just("cautious")]
}

/// The plan, or `None` when the profile is refused for needing too-long
/// runs (and then it must be).
fn plan_for(profile: &Profile, name: &str) -> Result<Option<(Plan, Template)>, TestCaseError> {
    let template = common::template(name);
    let unit = profile.unit;
    let long_minutes =
        f64::from(template.long_run.max_minutes) / minutes_per_unit(profile, &template);
    let max = template
        .run_length
        .max_distance
        .get(unit)
        .min(template.long_run.max_distance.get(unit))
        .min(long_minutes);
    let max = (max * 10.0).floor() / 10.0;
    let per_run = profile.goal_weekly.value() / f64::from(profile.runs_per_week);
    match generate(profile, &template) {
        Ok(plan) => {
            prop_assert!(per_run <= max, "{per_run} per run was planned");
            Ok(Some((plan, template)))
        }
        Err(ProfileError::RunsTooLong { .. }) => {
            prop_assert!(per_run > max);
            Ok(None)
        }
        // Only for goals many times the old volume.
        Err(ProfileError::GoalTooFar { .. }) => {
            prop_assert!(profile.goal_weekly.value() > profile.weekly_before.value() * 4.0);
            Ok(None)
        }
        Err(other) => Err(TestCaseError::fail(format!("{other}"))),
    }
}

/// Minutes per unit at the pace the generator estimates with.
fn minutes_per_unit(profile: &Profile, template: &Template) -> f64 {
    let factor = time_off_factor(profile.layoff_days, profile.cross_trained);
    profile
        .easy_pace_before()
        .map_or(template.easy_pace_seconds.get(profile.unit), |p| {
            f64::from(EasyPace::after_layoff(p, profile.unit, factor).middle)
        })
        / 60.0
}

fn distance_weeks(plan: &Plan) -> impl Iterator<Item = &Week> {
    plan.weeks.iter().filter(|w| w.phase != Phase::RunWalk)
}

/// Every run as (date, distance, week index): run/walk as its running
/// minutes at the easy pace.
fn runs(plan: &Plan, per_unit: f64) -> Vec<(NaiveDate, f64, usize)> {
    plan.weeks
        .iter()
        .enumerate()
        .flat_map(|(i, w)| w.days.iter().map(move |d| (i, d)))
        .flat_map(|(i, d)| {
            d.runs().map(move |r| {
                let distance = r.distance.map_or_else(
                    || f64::from(r.intervals.map_or(0, |x| x.running_seconds())) / 60.0 / per_unit,
                    |x| x.value(),
                );
                (d.date, distance, i)
            })
        })
        .collect()
}

/// The shortest run: 20 minutes at the runner's pace, or 2 mi / 3 km.
fn shortest_run(profile: &Profile, template: &Template) -> f64 {
    let shortest = match profile.easy_pace_before() {
        Some(_) => f64::from(template.run_length.min_minutes) / minutes_per_unit(profile, template),
        None => template.run_length.min_distance.get(profile.unit),
    };
    // In hundredths, up to a tenth, as planned; never above the goal week.
    let goal = (profile.goal_weekly.value() * 10.0).floor() / 10.0;
    (((shortest * 100.0).round() / 10.0).ceil() / 10.0).min(goal)
}

fn the_band(profile: &Profile, template: &Template) -> Option<usize> {
    let index = template
        .layoff_bands
        .iter()
        .position(|b| profile.layoff_days <= b.up_to_days)
        .unwrap_or(template.layoff_bands.len());
    let index = if profile.cross_trained {
        index.saturating_sub(1)
    } else {
        index
    };
    (index < template.layoff_bands.len()).then_some(index)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    // 1. The staged return: week 1 by the band (cross-trained a band up);
    //    run/walk beyond the last band, or numb now with cautious.
    #[test]
    fn week_one_follows_the_layoff_band(profile in profiles(), name in template_name()) {
        let Some((plan, template)) = plan_for(&profile, name)? else { return Ok(()) };
        let band = the_band(&profile, &template);
        let run_walk = band.is_none() || (profile.numb_now && template.run_walk_when_numb);
        let first = &plan.weeks[0];
        if run_walk {
            prop_assert_eq!(first.phase, Phase::RunWalk);
            prop_assert!(first.target_minutes.is_some() && first.target_distance.is_none());
        } else {
            let steps = &template.layoff_bands[band.unwrap()].steps;
            let fraction = steps.first().copied().unwrap_or(1.0);
            let old = profile.weekly_before.min(profile.goal_weekly).value();
            let expected = old * fraction;
            let shortest = shortest_run(&profile, &template);
            let got = first.target_distance.unwrap().value();
            let runs = first.run_count() as f64;
            prop_assert!(got <= expected.max(shortest) + 0.01 || got <= shortest * 1.5 + 0.01, "week 1 {} vs {}", got, expected);
            prop_assert!(got >= (expected - 0.1 * runs).min(shortest) - 1e-9, "week 1 {} vs {}", got, expected);
        }
    }

    // 2. The 10% weekly cap applies above the old volume; after a recovery
    //    week, back to the level before it, no higher.
    #[test]
    fn above_the_old_volume_weeks_grow_at_most_the_cap(profile in profiles(), name in template_name()) {
        let Some((plan, template)) = plan_for(&profile, name)? else { return Ok(()) };
        let old = profile.weekly_before.min(profile.goal_weekly).value();
        let mut largest: f64 = 0.0;
        let weeks: Vec<&Week> = distance_weeks(&plan).collect();
        for (i, week) in weeks.iter().enumerate() {
            let volume = week.target_distance.unwrap().value();
            if volume > old + 0.01 && largest > 0.0 {
                prop_assert!(volume <= largest * (1.0 + template.weekly_increase_cap) + 0.1, "week {} {} after {}", week.week, volume, largest);
            }
            if i > 0 && weeks[i - 1].cutback {
                prop_assert!(volume <= largest + 0.01, "week {} after recovery {} above {}", week.week, volume, largest);
            }
            if !week.cutback {
                largest = largest.max(volume);
            }
        }
    }

    // 3. Frandsen 2025: no distance run above 1.1x the longest run of the
    //    previous 30 days, across the switch from run/walk too (run/walk
    //    counts as its running minutes; the first week back after a long
    //    break sets its own baseline).
    #[test]
    fn no_run_exceeds_the_thirty_day_longest_by_a_tenth(profile in profiles(), name in template_name()) {
        let Some((plan, template)) = plan_for(&profile, name)? else { return Ok(()) };
        let per_unit = minutes_per_unit(&profile, &template);
        let mut all = runs(&plan, per_unit);
        // Before a short layoff, the old long run still counts: about 30% of
        // the old week or an even share, within the long run's caps.
        let week = profile.weekly_before.value();
        let long = &template.long_run;
        let old = (week * long.share)
            .max(week / f64::from(profile.runs_per_week))
            .min(long.max_distance.get(profile.unit))
            .min(f64::from(long.max_minutes) / per_unit)
            .max(shortest_run(&profile, &template));
        let last_run = profile.start - Days::new(u64::from(profile.layoff_days) + 1);
        all.insert(0, (last_run, old, 0));
        for (i, (date, distance, week)) in all.iter().enumerate().skip(1) {
            if plan.weeks[*week].phase == Phase::RunWalk {
                continue;
            }
            let from = *date - Days::new(30);
            let window: Vec<&(NaiveDate, f64, usize)> = all[..i].iter().filter(|(d, _, _)| *d >= from && d < date).collect();
            if !window.iter().any(|(d, _, w)| w < week || *d < profile.start) {
                continue;
            }
            let longest = window.iter().map(|r| r.1).fold(0.0, f64::max);
            prop_assert!(*distance <= longest * template.single_run_cap + 0.011, "{} run {} after {}", date, distance, longest);
        }
    }

    // 3b. The long run: at most the larger of 30% of the week and an even
    //     share, 150 minutes and 20 mi / 32 km; not growing once at the goal.
    #[test]
    fn the_long_run_keeps_its_caps(profile in profiles(), name in template_name()) {
        let Some((plan, template)) = plan_for(&profile, name)? else { return Ok(()) };
        let per_unit = minutes_per_unit(&profile, &template);
        let long_max = template.long_run.max_distance.get(profile.unit);
        let shortest = shortest_run(&profile, &template);
        let mut at_goal: Option<f64> = None;
        for week in distance_weeks(&plan) {
            let total = week.target_distance.unwrap().value();
            let count = week.run_count() as f64;
            let longest = week.runs().filter_map(|r| r.distance).max().unwrap().value();
            let share = (total * template.long_run.share).max(total / count);
            prop_assert!(longest <= share.max(shortest) + 0.1 + 1e-9, "week {}: {} of {}", week.week, longest, total);
            prop_assert!(longest <= long_max + 1e-9);
            prop_assert!(longest * per_unit <= f64::from(template.long_run.max_minutes) + 1.0);
            if week.phase == Phase::Goal {
                if let Some(first) = at_goal {
                    prop_assert!(longest <= first + 1e-9);
                }
                at_goal.get_or_insert(longest);
            }
        }
    }

    // 3c. Run lengths: none under the shortest run; runs per week grow one
    //     at a time after run/walk, and never above the runner's count.
    #[test]
    fn runs_are_long_enough_and_added_one_at_a_time(profile in profiles(), name in template_name()) {
        let Some((plan, template)) = plan_for(&profile, name)? else { return Ok(()) };
        let shortest = shortest_run(&profile, &template);
        let mut before: Option<usize> = None;
        for week in &plan.weeks {
            prop_assert!(week.run_count() <= usize::from(profile.runs_per_week));
            for run in week.runs() {
                if let Some(d) = run.distance {
                    prop_assert!(d.value() >= shortest - 1e-9, "week {} run {}", week.week, d);
                }
            }
            if week.phase != Phase::RunWalk && !week.cutback
                && let Some(b) = before {
                    prop_assert!(week.run_count() <= b + 1, "week {}: {} runs after {}", week.week, week.run_count(), b);
                }
            before = Some(week.run_count());
        }
    }

    // 4. A recovery week at about 80% of the week before, strength lighter too,
    //    after a few build weeks.
    #[test]
    fn recovery_weeks_are_lighter(profile in profiles(), name in template_name()) {
        let Some((plan, template)) = plan_for(&profile, name)? else { return Ok(()) };
        let shortest = shortest_run(&profile, &template);
        for (i, week) in plan.weeks.iter().enumerate().filter(|(_, w)| w.cutback) {
            let before = &plan.weeks[i - 1];
            prop_assert!(!before.cutback);
            let (b, now) = (before.target_distance.unwrap().value(), week.target_distance.unwrap().value());
            let at_shortest = week.runs().filter_map(|r| r.distance).all(|d| d.value() <= shortest + 0.1);
            prop_assert!(now <= b * template.recovery_fraction + 0.1 * week.run_count() as f64 || at_shortest, "week {} {} after {}", week.week, now, b);
            let sets = |w: &Week| w.days.iter().filter_map(|d| d.strength()).flatten().map(|e| e.sets).max();
            prop_assert!(sets(week) < sets(before) || sets(week) == Some(1));
        }
    }

    // 5. The plan ends when the goal has been held for a week.
    #[test]
    fn the_plan_ends_with_the_goal_held(profile in profiles(), name in template_name()) {
        let Some((plan, _)) = plan_for(&profile, name)? else { return Ok(()) };
        let n = plan.weeks.len();
        prop_assert!((2..=comeback::plan::MAX_WEEKS).contains(&n));
        let goal = profile.goal_weekly.value();
        for week in &plan.weeks[n - 2..] {
            prop_assert_eq!(week.phase, Phase::Goal);
            let volume = week.target_distance.unwrap().value();
            prop_assert!(volume <= goal + 1e-9 && volume >= goal - 0.1 * week.run_count() as f64 - 0.01, "{} vs {}", volume, goal);
        }
        prop_assert!(plan.weeks[..n - 2].iter().all(|w| w.phase != Phase::Goal));
    }

    // 6. Every run says how hard and how long; strides only after a few weeks
    //    of continuous running, never on the long run.
    #[test]
    fn every_run_carries_its_effort(profile in profiles(), name in template_name()) {
        let Some((plan, template)) = plan_for(&profile, name)? else { return Ok(()) };
        let mut continuous = 0;
        for week in &plan.weeks {
            let mut strides = 0;
            for run in week.runs() {
                prop_assert_eq!(run.effort.rpe, [3, 4]);
                prop_assert!(run.effort.minutes > 0 && !run.effort.words.is_empty());
                prop_assert_eq!(run.effort.pace_seconds.is_some(), profile.easy_pace_before().is_some() && run.distance.is_some());
                if run.strides.is_some() {
                    strides += 1;
                    prop_assert!(!run.long);
                    prop_assert!(continuous >= template.strides.after_weeks, "strides in week {}", week.week);
                }
            }
            prop_assert!(strides <= template.strides.per_week);
            if week.runs().all(|r| r.intervals.is_none_or(|i| i.walk_seconds == 0)) {
                continuous += 1;
            }
        }
    }

    // 7. The week the runner shapes: the long run on their day, their rest
    //    days free, at least one full rest day; strength 1–3 days, never on
    //    consecutive days, a rest day, the long-run day or the day before it,
    //    each with core and calf work; foot holds of a few seconds.
    #[test]
    fn the_week_keeps_the_runners_days(profile in profiles(), name in template_name()) {
        let Some((plan, _)) = plan_for(&profile, name)? else { return Ok(()) };
        let long_day = profile.long_run_day();
        let weekday = |d: NaiveDate| Weekday::VARIANTS[d.weekday().num_days_from_monday() as usize];
        for week in &plan.weeks {
            let full_rest = week.days.iter().filter(|d| d.sessions == [Session::Rest]).count();
            prop_assert!(full_rest >= 1, "week {} has no rest day", week.week);
            for day in &week.days {
                let wd = weekday(day.date);
                if profile.rest_days.contains(&wd) {
                    prop_assert_eq!(&day.sessions, &vec![Session::Rest]);
                }
                if day.runs().any(|r| r.long) {
                    prop_assert_eq!(wd, long_day);
                }
                if let Some(exercises) = day.strength() {
                    let tomorrow = weekday(day.date + Days::new(1));
                    prop_assert!(wd != long_day && tomorrow != long_day);
                    prop_assert!(exercises.iter().any(|e| e.region == Region::Core));
                    prop_assert!(exercises.iter().any(|e| e.region == Region::Calf));
                    prop_assert!(exercises.iter().all(|e| (1..=4).contains(&e.sets)));
                    prop_assert!(exercises.iter().filter(|e| e.region == Region::Foot).all(|e| e.hold_seconds.is_none_or(|h| h <= 10)));
                }
            }
            prop_assert!((1..=3).contains(&week.strength_days()));
        }
        let strength: Vec<NaiveDate> = plan.weeks.iter().flat_map(|w| &w.days).filter(|d| d.strength().is_some()).map(|d| d.date).collect();
        prop_assert!(strength.windows(2).all(|w| (w[1] - w[0]).num_days() >= 2));
    }

    // 8. The core checks and habits on every run day; the other tips once a
    //    week, on its first run day.
    #[test]
    fn habits_split_into_daily_core_and_weekly_tips(profile in profiles(), name in template_name()) {
        let Some((plan, _)) = plan_for(&profile, name)? else { return Ok(()) };
        for week in &plan.weeks {
            let first_run = week.days.iter().position(|d| d.has_run());
            for (i, day) in week.days.iter().enumerate() {
                let has = |id: &str, when: HabitWhen| day.habits.iter().any(|h| h.id == id && h.when == when);
                if day.has_run() {
                    prop_assert!(has("lace-check", HabitWhen::PreRun));
                    prop_assert!(has("walk-before-sitting", HabitWhen::PostRun));
                    prop_assert!(has("no-low-seats", HabitWhen::PostRun));
                    prop_assert!(has("loosen-laces", HabitWhen::PostRun));
                    let weekly = day.habits.iter().any(|h| h.every == HabitEvery::Week);
                    prop_assert_eq!(weekly, Some(i) == first_run);
                } else {
                    prop_assert!(day.habits.is_empty());
                }
            }
        }
    }

    // 9. What is shown adds up: each week's shown total is the sum of its
    //    shown runs, in the plan's unit and in the other.
    #[test]
    fn shown_week_totals_equal_the_sum_of_shown_runs(profile in profiles(), name in template_name()) {
        let Some((plan, _)) = plan_for(&profile, name)? else { return Ok(()) };
        let number = |text: String| text.split(' ').next().unwrap().parse::<f64>().unwrap();
        for display in [None, Some(Unit::Mi), Some(Unit::Km)] {
            for week in distance_weeks(&plan) {
                let total = number(comeback::words::volume(week, profile.unit, display));
                let sum: f64 = week.runs().filter_map(|r| r.distance).map(|d| number(comeback::words::distance(d, profile.unit, display))).sum();
                prop_assert!((total - sum).abs() < 1e-6, "week {}: {} vs {}", week.week, total, sum);
            }
        }
    }

    #[test]
    fn weeks_are_consecutive_and_seven_days_long(profile in profiles(), name in template_name()) {
        let Some((plan, _)) = plan_for(&profile, name)? else { return Ok(()) };
        for (i, week) in plan.weeks.iter().enumerate() {
            prop_assert_eq!(week.week as usize, i + 1);
            prop_assert_eq!(week.start, profile.start + Days::new(7 * i as u64));
            prop_assert_eq!(week.days.len(), 7);
        }
    }
}
