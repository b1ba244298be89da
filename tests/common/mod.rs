//! Helpers shared by the integration tests.
#![allow(dead_code)]

use chrono::NaiveDate;
use comeback::plan::{Distance, Profile, Template, Unit};

pub fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

pub fn template(name: &str) -> Template {
    Template::builtin(name).expect("shipped").expect("valid")
}

/// A runner who ran 25 a week, 4 runs, back after `layoff_days`.
pub fn profile(layoff_days: u32) -> Profile {
    Profile {
        layoff_days,
        weekly_before: Distance::from_value(25.0),
        goal_weekly: Distance::from_value(25.0),
        runs_per_week: 4,
        unit: Unit::Mi,
        start: date("2026-11-23"),
        cross_trained: false,
        numb_now: false,
    }
}
