//! Generating a 52-week plan (target: under 0.2 ms).

use chrono::NaiveDate;
use comeback::plan::{Distance, Profile, Template, Unit, generate};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

/// A long comeback: 90 days off, 8 mi a week before over 6 runs, a goal
/// that takes 52 weeks.
fn fifty_two_week_profile(template: &Template) -> Profile {
    let mut profile = Profile {
        layoff_days: 90,
        weekly_before: Distance::from_value(8.0),
        goal_weekly: Distance::from_value(8.0),
        runs_per_week: 6,
        unit: Unit::Mi,
        start: NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date"),
        cross_trained: false,
        numb_now: false,
        health: Vec::new(),
        health_since: Default::default(),
        long_day: None,
        rest_days: Vec::new(),
        easy_pace_seconds: None,
        race: None,
        longest_run: None,
    };
    for goal in 8..=72 {
        let mut longer = profile.clone();
        longer.goal_weekly = Distance::from_value(f64::from(goal));
        let Ok(plan) = generate(&longer, template) else {
            break;
        };
        profile = longer;
        if plan.weeks.len() >= 52 {
            break;
        }
    }
    profile
}

fn bench_generate(c: &mut Criterion) {
    let template = Template::builtin("standard")
        .expect("shipped")
        .expect("valid");
    let profile = fifty_two_week_profile(&template);
    let weeks = generate(&profile, &template).expect("valid").weeks.len();
    c.bench_function(&format!("generate a {weeks}-week plan"), |b| {
        b.iter(|| generate(black_box(&profile), black_box(&template)))
    });
}

criterion_group!(benches, bench_generate);
criterion_main!(benches);
