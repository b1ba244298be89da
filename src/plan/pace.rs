//! Easy pace: from the runner's recent easy pace or race, scaled by the
//! fitness lost to the layoff, as a range to run in.
//!
//! - Oxygen cost of a pace and the share of VO2max a race of a given length
//!   is run at: Daniels and Gilbert, "Oxygen Power" (1979), the formulas
//!   behind Daniels' VDOT tables.
//! - Easy running at about 62–70% of VDOT (Daniels' Running Formula, E pace).
//! - Fitness kept after time off, without and with cross-training: 5 d
//!   1.000/1.000, 7 d .994/.997, 14 d .973/.986, 28 d .931/.965, 56 d
//!   .847/.923, 72+ d .800/.900 (vdoto2.com, "VDOT adjustments: time off").

use super::Unit;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

const METRES_PER_MI: f64 = 1609.344;

/// Easy running as shares of VDOT: the faster end, the middle, the slower end.
const EASY_FAST: f64 = 0.70;
const EASY_MIDDLE: f64 = 0.66;
const EASY_SLOW: f64 = 0.62;

/// (days off, fitness kept without cross-training, with cross-training).
const TIME_OFF: [(f64, f64, f64); 6] = [
    (5.0, 1.0, 1.0),
    (7.0, 0.994, 0.997),
    (14.0, 0.973, 0.986),
    (28.0, 0.931, 0.965),
    (56.0, 0.847, 0.923),
    (72.0, 0.800, 0.900),
];

/// The share of fitness kept after `days` off, between the table's rows.
pub fn time_off_factor(days: u32, cross_trained: bool) -> f64 {
    let days = f64::from(days);
    let pick = |row: &(f64, f64, f64)| if cross_trained { row.2 } else { row.1 };
    let mut before = (0.0, 1.0);
    for row in &TIME_OFF {
        let at = (row.0, pick(row));
        if days <= at.0 {
            let share = (days - before.0) / (at.0 - before.0);
            return before.1 + (at.1 - before.1) * share;
        }
        before = at;
    }
    before.1
}

/// Oxygen cost (ml/kg/min) of running at `v` metres a minute.
fn oxygen_cost(v: f64) -> f64 {
    -4.60 + 0.182_258 * v + 0.000_104 * v * v
}

/// The speed (metres a minute) whose oxygen cost is `vo2`.
fn speed_for(vo2: f64) -> f64 {
    let (a, b, c) = (0.000_104, 0.182_258, -4.60 - vo2);
    (-b + (b * b - 4.0 * a * c).sqrt()) / (2.0 * a)
}

/// Seconds per `unit` at `v` metres a minute.
fn pace_at(v: f64, unit: Unit) -> u32 {
    let metres = match unit {
        Unit::Mi => METRES_PER_MI,
        Unit::Km => 1000.0,
    };
    (metres / v * 60.0).round() as u32
}

/// Metres a minute at `seconds` per `unit`.
fn speed_at(seconds: u32, unit: Unit) -> f64 {
    let metres = match unit {
        Unit::Mi => METRES_PER_MI,
        Unit::Km => 1000.0,
    };
    metres / f64::from(seconds.max(1)) * 60.0
}

/// An easy pace range, seconds per unit: the faster end first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EasyPace {
    pub fast: u32,
    pub middle: u32,
    pub slow: u32,
}

impl EasyPace {
    /// The easy range for a runner whose easy pace before the layoff was
    /// `before` seconds per `unit`, after losing fitness to `factor`.
    pub fn after_layoff(before: u32, unit: Unit, factor: f64) -> EasyPace {
        let vdot = oxygen_cost(speed_at(before, unit)) / EASY_MIDDLE * factor;
        let at = |share: f64| pace_at(speed_for(vdot * share), unit);
        EasyPace {
            fast: at(EASY_FAST),
            middle: at(EASY_MIDDLE),
            slow: at(EASY_SLOW),
        }
    }
}

/// "9:05" from seconds; "1:02:05" from an hour up.
pub fn clock(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Seconds from "m:ss" or "h:mm:ss".
pub fn parse_clock(text: &str) -> Option<u32> {
    let parts: Vec<u32> = text
        .split(':')
        .map(|p| p.trim().parse::<u32>().ok())
        .collect::<Option<_>>()?;
    match parts.as_slice() {
        [m, s] if *s < 60 && *m < 600 => Some(m * 60 + s),
        [h, m, s] if *m < 60 && *s < 60 && *h < 24 => Some(h * 3600 + m * 60 + s),
        _ => None,
    }
}

/// A recent race: its distance and finishing time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Race {
    pub distance_m: u32,
    pub seconds: u32,
}

/// The fitness of world-record races, the top of Daniels' VDOT tables.
const TOP_VDOT: f64 = 85.0;

/// Race names a runner types, and their metres.
const RACES: [(&str, f64); 5] = [
    ("mile", METRES_PER_MI),
    ("5k", 5000.0),
    ("10k", 10_000.0),
    ("half", 21_097.5),
    ("marathon", 42_195.0),
];

impl Race {
    /// The fitness (VDOT) the race shows.
    fn vdot(&self) -> f64 {
        let minutes = f64::from(self.seconds.max(1)) / 60.0;
        let v = f64::from(self.distance_m) / minutes;
        let share = 0.8
            + 0.189_439_3 * (-0.012_778 * minutes).exp()
            + 0.298_955_8 * (-0.193_260_5 * minutes).exp();
        oxygen_cost(v) / share
    }

    /// The fastest time a runner's race over this distance can be: the
    /// fitness of world records, VDOT 85, the top of Daniels' tables
    /// (Daniels' Running Formula, 3rd ed., table 5.1; the 5k record of
    /// 12:35 reads about 85).
    pub fn fastest_seconds(&self) -> u32 {
        let (mut lo, mut hi) = (1_u32, 24 * 3600);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let race = Race {
                distance_m: self.distance_m,
                seconds: mid,
            };
            if race.vdot() > TOP_VDOT {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo
    }

    /// The race's own pace, seconds per `unit`.
    pub fn pace_seconds(&self, unit: Unit) -> u32 {
        let metres_a_minute = f64::from(self.distance_m) / (f64::from(self.seconds.max(1)) / 60.0);
        pace_at(metres_a_minute, unit)
    }

    /// The easy pace this race implies, seconds per `unit`.
    pub fn easy_pace_seconds(&self, unit: Unit) -> u32 {
        pace_at(speed_for(self.vdot() * EASY_MIDDLE), unit)
    }
}

/// A time in words: "1 h 55 min", "1 min 55 s", "25 min".
pub fn time_words(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let parts: Vec<String> = [(h, "h"), (m, "min"), (s, "s")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, unit)| format!("{n} {unit}"))
        .collect();
    if parts.is_empty() {
        "0 s".into()
    } else {
        parts.join(" ")
    }
}

impl fmt::Display for Race {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name = RACES
            .iter()
            .find(|(_, m)| m.round() as u32 == self.distance_m)
            .map_or_else(|| format!("{}m", self.distance_m), |(n, _)| n.to_string());
        write!(f, "{name}={}", clock(self.seconds))
    }
}

impl FromStr for Race {
    type Err = String;

    /// `5k=25:00`, `10k=52:10`, `half=1:55:00`, `marathon=4:05:00`,
    /// `mile=7:30`, or any `<N>k` / `<N>mi`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let expected = "expected DISTANCE=TIME like 5k=25:00, 10k=52:10, half=1:55:00, marathon=4:05:00, mile=7:30";
        let (name, time) = s
            .split_once('=')
            .ok_or_else(|| format!("race '{s}': {expected}"))?;
        let name = name.trim().to_lowercase();
        let metres = RACES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, m)| *m)
            .or_else(|| {
                let number = |suffix: &str| name.strip_suffix(suffix)?.parse::<f64>().ok();
                number("km")
                    .or_else(|| number("k"))
                    .map(|k| k * 1000.0)
                    .or_else(|| number("mi").map(|mi| mi * METRES_PER_MI))
            })
            .filter(|m| (1500.0..=42_195.0).contains(m))
            .ok_or_else(|| {
                format!("race distance '{name}': {expected}, from 1.5 km to a marathon")
            })?;
        let seconds = parse_clock(time).ok_or_else(|| format!("race time '{time}': {expected}"))?;
        Ok(Race {
            distance_m: metres.round() as u32,
            seconds,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fitness_kept_follows_the_table_and_lies_between_its_rows() {
        assert_eq!(time_off_factor(3, false), 1.0);
        assert!((time_off_factor(28, false) - 0.931).abs() < 1e-9);
        assert!((time_off_factor(28, true) - 0.965).abs() < 1e-9);
        assert!((time_off_factor(500, false) - 0.8).abs() < 1e-9);
        let between = time_off_factor(42, false);
        assert!(between < 0.931 && between > 0.847);
    }

    #[test]
    fn a_25_minute_5k_gives_an_easy_pace_near_daniels_table() {
        // Daniels' tables: a 25:00 5K is VDOT ~38, easy ~10:00–10:30 /mi.
        let race: Race = "5k=25:00".parse().unwrap();
        let easy = race.easy_pace_seconds(Unit::Mi);
        assert!((590..=650).contains(&easy), "{}", clock(easy));
    }

    #[test]
    fn the_fastest_race_time_allowed_is_near_the_world_records() {
        // World Athletics records: 5000 m 12:35, marathon 2:00:35.
        let fastest = |r: &str| r.parse::<Race>().unwrap().fastest_seconds();
        assert!(
            (740..=770).contains(&fastest("5k=20:00")),
            "{}",
            clock(fastest("5k=20:00"))
        );
        let marathon = fastest("marathon=3:00:00");
        assert!((7100..=7400).contains(&marathon), "{}", clock(marathon));
    }

    #[test]
    fn time_off_slows_the_easy_range() {
        let fresh = EasyPace::after_layoff(600, Unit::Mi, 1.0);
        let after = EasyPace::after_layoff(600, Unit::Mi, 0.8);
        assert!((598..=602).contains(&fresh.middle));
        assert!(after.fast > fresh.fast && after.slow > fresh.slow);
        assert!(fresh.fast < fresh.middle && fresh.middle < fresh.slow);
    }

    #[test]
    fn clocks_read_and_print() {
        assert_eq!(parse_clock("25:00"), Some(1500));
        assert_eq!(parse_clock("1:55:00"), Some(6900));
        assert_eq!(parse_clock("25:61"), None);
        assert_eq!(clock(6900), "1:55:00");
        assert_eq!(
            "half=1:55:00".parse::<Race>().unwrap().to_string(),
            "half=1:55:00"
        );
        assert!("5x=20:00".parse::<Race>().is_err());
    }
}
