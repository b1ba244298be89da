//! Parsing what the runner types, shared by the command line and the terminal
//! UI so both give the same messages: each error says what was expected.

use crate::plan::{Unit, limits};
use chrono::{Datelike, NaiveDate};

pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .filter(|_| text.len() == 10)
        .ok_or_else(|| "expected a real calendar date as YYYY-MM-DD".to_string())?;
    if limits::YEARS.contains(&date.year()) {
        Ok(date)
    } else {
        Err("expected a date from 1900 to 2200".to_string())
    }
}

pub fn parse_unit(text: &str) -> Result<Unit, String> {
    text.parse::<Unit>()
        .map_err(|_| "expected mi or km".to_string())
}

pub fn parse_layoff(text: &str) -> Result<u32, String> {
    let expected = "expected a number of days or weeks, like 21d, 3w or 5 weeks";
    let text = text.trim().to_lowercase();
    let split = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (number, word) = text.split_at(split);
    let per = match word.trim() {
        "d" | "day" | "days" => 1,
        "w" | "wk" | "wks" | "week" | "weeks" => 7,
        _ => return Err(expected.to_string()),
    };
    let days = number
        .parse::<u32>()
        .ok()
        .and_then(|n| n.checked_mul(per))
        .ok_or_else(|| expected.to_string())?;
    if limits::LAYOFF_DAYS.contains(&days) {
        Ok(days)
    } else {
        Err(format!(
            "expected at most {} days (10 years)",
            limits::LAYOFF_DAYS.end()
        ))
    }
}

/// A weekly distance in `unit`, within the limits a profile keeps there.
pub fn parse_weekly(text: &str, unit: Unit) -> Result<f64, String> {
    let range = limits::weekly(unit);
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|v| range.contains(v))
        .ok_or_else(|| {
            format!(
                "expected a distance from {} to {} {unit}",
                range.start(),
                range.end()
            )
        })
}

/// An easy pace "m:ss" per unit, in seconds; its limits in the plan's unit
/// are checked with the profile.
pub fn parse_pace(text: &str) -> Result<u32, String> {
    crate::plan::parse_clock(text)
        .filter(|s| (120..=1800).contains(s))
        .ok_or_else(|| "expected minutes:seconds per mile or km, like 9:30".to_string())
}

/// A recent race, "5k=25:00".
pub fn parse_race(text: &str) -> Result<crate::plan::Race, String> {
    text.parse()
}

/// A run's distance: above 0 and at most 200.
pub fn parse_run_distance(text: &str) -> Result<f64, String> {
    text.parse::<f64>()
        .ok()
        .filter(|d| *d > 0.0 && *d <= 200.0)
        .ok_or_else(|| "expected a distance above 0 and at most 200".to_string())
}

/// A run's time as typed: whole minutes ("48") or a clock ("48:30",
/// "1:05:00"). A check-in keeps whole minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunTime {
    seconds: u32,
}

impl RunTime {
    /// Whole minutes, rounded: what a check-in keeps.
    pub fn minutes(self) -> u32 {
        self.seconds.saturating_add(30) / 60
    }

    /// "22:30" as typed, when it has seconds the whole minutes round away.
    pub fn clock(self) -> Option<String> {
        (!self.seconds.is_multiple_of(60)).then(|| crate::plan::clock(self.seconds))
    }
}

/// A run's time: "48", "48:30" or "1:05:00"; 1 to 600 minutes once rounded.
pub fn parse_run_time(text: &str) -> Result<RunTime, String> {
    let seconds = if text.contains(':') {
        crate::plan::parse_clock(text)
    } else {
        text.trim()
            .parse::<u32>()
            .ok()
            .filter(|m| *m <= 600)
            .map(|m| m * 60)
    };
    seconds
        .map(|seconds| RunTime { seconds })
        .filter(|t| (1..=600).contains(&t.minutes()))
        .ok_or_else(|| {
            "expected minutes like 48, or 48:30, or 1:05:00 (at most 10 hours)".to_string()
        })
}

/// Minutes run: "48", "48:30" or "1:05:00", rounded to the minute; 1 to 600.
pub fn parse_duration(text: &str) -> Result<u32, String> {
    parse_run_time(text).map(RunTime::minutes)
}

/// How hard a run felt: 0 to 10.
pub fn parse_rpe(text: &str) -> Result<u8, String> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|r| *r <= 10)
        .ok_or_else(|| "expected 0 to 10".to_string())
}

/// Runs a week: 3 to 6.
pub fn parse_runs(text: &str) -> Result<u8, String> {
    text.trim()
        .parse::<u8>()
        .ok()
        .filter(|r| (3..=6).contains(r))
        .ok_or_else(|| "expected 3 to 6 runs a week".to_string())
}

/// Minutes from 0 to 600 (ten hours).
pub fn parse_minutes(text: &str) -> Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|m| *m <= 600)
        .ok_or_else(|| "expected whole minutes from 0 to 600".to_string())
}

/// A distance already run, e.g. on a pair of shoes: 0 to 5000.
pub fn parse_distance(text: &str) -> Result<f64, String> {
    let expected = "expected a distance from 0 to 5000";
    text.parse::<f64>()
        .ok()
        .filter(|d| (0.0..=5000.0).contains(d))
        .ok_or_else(|| expected.to_string())
}

/// The days as given, each once (`--rest-days mon,mon` is Monday), for the
/// command line and the onboarding form alike.
pub fn once_each(days: Vec<crate::plan::Weekday>) -> Vec<crate::plan::Weekday> {
    let mut kept = Vec::with_capacity(days.len());
    for day in days {
        if !kept.contains(&day) {
            kept.push(day);
        }
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layoff_takes_days_or_weeks() {
        assert_eq!(parse_layoff("21d"), Ok(21));
        assert_eq!(parse_layoff("3w"), Ok(21));
        assert_eq!(parse_layoff("5 weeks"), Ok(35));
        assert_eq!(parse_layoff(" 10 Days "), Ok(10));
        assert!(parse_layoff("weeks").is_err());
        assert!(parse_layoff("5 months").is_err());
        assert!(parse_layoff("3x").is_err());
        assert!(parse_layoff("-3d").is_err());
        assert!(parse_layoff("99999w").is_err());
    }

    #[test]
    fn a_run_time_keeps_its_seconds_for_the_echo() {
        let t = parse_run_time("22:30").unwrap();
        assert_eq!((t.minutes(), t.clock().as_deref()), (23, Some("22:30")));
        let t = parse_run_time("1:05:00").unwrap();
        assert_eq!((t.minutes(), t.clock()), (65, None));
        assert_eq!(parse_run_time("48").unwrap().clock(), None);
        assert!(parse_run_time("0:20").is_err());
        assert!(parse_run_time("601").is_err());
        assert!(parse_run_time("4294967295").is_err());
    }

    #[test]
    fn weekly_limits_are_said_in_the_unit_in_force() {
        assert_eq!(
            parse_weekly("400", Unit::Mi),
            Err("expected a distance from 3 to 200 mi".to_string())
        );
        assert_eq!(
            parse_weekly("4", Unit::Km),
            Err("expected a distance from 5 to 320 km".to_string())
        );
        assert_eq!(parse_weekly(" 250", Unit::Km), Ok(250.0));
        assert!(parse_weekly("NaN", Unit::Mi).is_err());
    }

    #[test]
    fn dates_must_exist() {
        assert!(parse_date("2026-13-01").is_err());
        assert!(parse_date("2026-02-30").is_err());
        assert!(parse_date("2026-2-3").is_err());
        assert!(parse_date("2026-02-28").is_ok());
    }
}
