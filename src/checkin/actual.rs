//! What the runner actually did on a day, beside how the feet felt: distance
//! and minutes run, how hard it felt, strength done or skipped, and
//! cross-training. All optional; a check-in without them says only whether
//! the planned session was done.

use crate::plan::{Distance, Unit};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A run recorded by a watch or phone, imported from its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordedRun {
    /// The day it counts for: the local date it started on, or the day
    /// the runner placed it on (`activities import --to`).
    pub date: NaiveDate,
    /// When it started (RFC 3339, UTC), wherever it was placed.
    pub start: String,
    /// Metres.
    pub distance_m: u32,
    /// Moving time.
    pub seconds: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heart_rate: Option<u16>,
    /// The file's name as imported.
    pub file: String,
    /// The file's SHA-256: the same file is imported once.
    pub hash: String,
}

/// The longest run a file may hold: the command line's 200 mi.
const MAX_RUN_M: f64 = 321_869.0;

/// The longest time a run may take: the command line's 600 minutes.
const MAX_RUN_SECONDS: u32 = 600 * 60;

/// No one runs faster than this on average over a whole run (30 km/h; the
/// marathon record is under 21.1 km/h).
const MAX_RUN_SPEED_MS: f64 = 30_000.0 / 3600.0;

/// Why a run's numbers cannot be believed (a GPS jump, a clock running
/// backwards, a file that lies), if they cannot: a fake longest run would
/// silence the 30-day spike warning for a month. One check for a file's run
/// and a run in an imported plan document.
pub fn implausible_run(distance_m: f64, seconds: u32) -> Option<String> {
    let km = distance_m / 1000.0;
    let minutes = seconds / 60;
    let what = format!("a run of {km:.1} km in {minutes} min");
    if distance_m > MAX_RUN_M || seconds > MAX_RUN_SECONDS {
        Some(format!(
            "{what}: expected at most 200 mi (322 km) and 600 minutes"
        ))
    } else if seconds == 0 {
        Some(format!(
            "{what}: expected a moving time (its clock stood still or ran backwards)"
        ))
    } else if distance_m / f64::from(seconds) > MAX_RUN_SPEED_MS {
        Some(format!(
            "{what}: {:.0} km/h on average; expected under 30 km/h (a GPS jump, or not a run)",
            distance_m / f64::from(seconds) * 3.6
        ))
    } else {
        None
    }
}

/// Cross-training read from a watch or phone file (a ride, a swim, a walk,
/// a hike, a row, an elliptical session): kept on the day it was done,
/// beside that day's check-in, and never a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CrossFromFile {
    /// The local date it started on.
    pub date: NaiveDate,
    /// When it started (RFC 3339, UTC).
    pub start: String,
    pub kind: CrossKind,
    /// Metres, when the file says.
    pub distance_m: u32,
    /// Moving time.
    pub seconds: u32,
    /// The file's name as imported.
    pub file: String,
    /// The file's SHA-256 (with "-N" for its N-th activity).
    pub hash: String,
}

impl CrossFromFile {
    /// Whole minutes, rounded, at least one.
    pub fn minutes(&self) -> u32 {
        (self.seconds.saturating_add(30) / 60).max(1)
    }
}

impl RecordedRun {
    /// The distance in `unit`.
    pub fn distance(&self, unit: Unit) -> Distance {
        Distance::from_value(f64::from(self.distance_m) / 1000.0).convert(Unit::Km, unit)
    }

    /// Whole minutes, rounded.
    pub fn minutes(&self) -> u32 {
        self.seconds.saturating_add(30) / 60
    }
}

/// The day's actual numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actual {
    /// Distance run, in the plan's unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub distance: Option<Distance>,
    /// Minutes run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<u32>,
    /// How hard the run felt, 0 (rest) to 10 (maximal): Borg's CR-10.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpe: Option<u8>,
    /// Whether the day's strength session was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strength: Option<StrengthDone>,
    /// Cross-training done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cross: Option<Cross>,
}

/// A strength session done or skipped.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
    strum::EnumString,
    strum::Display,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum StrengthDone {
    Done,
    Skipped,
}

/// The kinds of cross-training a runner does on other days.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
    strum::EnumString,
    strum::Display,
    strum::VariantArray,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum CrossKind {
    Bike,
    Swim,
    Elliptical,
    Row,
    Walk,
    Other,
}

/// Cross-training: what and for how long.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cross {
    pub kind: CrossKind,
    pub minutes: u32,
}

impl std::str::FromStr for Cross {
    type Err = String;

    /// `bike:30`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let kinds: Vec<&str> = <CrossKind as strum::VariantArray>::VARIANTS
            .iter()
            .map(|k| k.into())
            .collect();
        let expected = format!(
            "expected KIND:MINUTES like bike:30, KIND one of {}",
            kinds.join(", ")
        );
        let (kind, minutes) = s.split_once(':').ok_or_else(|| expected.clone())?;
        let kind: CrossKind = kind.trim().parse().map_err(|_| expected.clone())?;
        let minutes: u32 = minutes
            .trim()
            .parse()
            .ok()
            .filter(|m| (1..=600).contains(m))
            .ok_or_else(|| format!("minutes '{minutes}': expected 1 to 600"))?;
        Ok(Cross { kind, minutes })
    }
}

impl Actual {
    /// Whether nothing was given.
    pub fn is_empty(&self) -> bool {
        *self == Actual::default()
    }

    /// Session load (Foster's session RPE): minutes x RPE.
    pub fn load(&self) -> Option<u32> {
        Some(self.minutes? * u32::from(self.rpe?))
    }

    /// Whether a run was reported.
    pub fn ran(&self) -> bool {
        self.distance.is_some() || self.minutes.is_some()
    }

    /// "ran 5.2 mi in 48 min, RPE 4 of 10 (load 192: minutes x RPE); strength
    /// done; bike 30 min". `typed` is the run's time as the runner typed it
    /// ("47:40"), said with the whole minutes kept ("47:40 (kept as 48 min)").
    pub fn words(&self, unit: Unit, typed: Option<&str>) -> String {
        let mut parts = Vec::new();
        let time = self.minutes.map(|m| match typed {
            Some(clock) => format!("{clock} (kept as {m} min)"),
            None => format!("{m} min"),
        });
        let run = match (self.distance, time) {
            (Some(d), Some(time)) => Some(format!("ran {d} {unit} in {time}")),
            (Some(d), None) => Some(format!("ran {d} {unit}")),
            (None, Some(time)) => Some(format!("ran {time}")),
            (None, None) => None,
        };
        if let Some(mut run) = run {
            if let Some(rpe) = self.rpe {
                run.push_str(&format!(", RPE {rpe} of 10"));
                if let Some(load) = self.load() {
                    run.push_str(&format!(" (load {load}: minutes x RPE)"));
                }
            }
            parts.push(run);
        }
        if let Some(s) = self.strength {
            parts.push(format!("strength {s}"));
        }
        if let Some(c) = self.cross {
            parts.push(format!("{} {} min", c.kind, c.minutes));
        }
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cross_training_reads_kind_and_minutes() {
        let c: Cross = "bike:30".parse().unwrap();
        assert_eq!((c.kind, c.minutes), (CrossKind::Bike, 30));
        assert!(
            "bike"
                .parse::<Cross>()
                .unwrap_err()
                .starts_with("expected KIND:MINUTES")
        );
        assert_eq!(
            "swim:0".parse::<Cross>().unwrap_err(),
            "minutes '0': expected 1 to 600"
        );
    }

    #[test]
    fn the_load_is_minutes_times_rpe() {
        let a = Actual {
            minutes: Some(48),
            rpe: Some(4),
            distance: Some(Distance::from_value(5.2)),
            ..Actual::default()
        };
        assert_eq!(a.load(), Some(192));
        assert_eq!(
            a.words(Unit::Mi, None),
            "ran 5.2 mi in 48 min, RPE 4 of 10 (load 192: minutes x RPE)"
        );
        assert_eq!(
            a.words(Unit::Mi, Some("47:40")),
            "ran 5.2 mi in 47:40 (kept as 48 min), RPE 4 of 10 (load 192: minutes x RPE)"
        );
    }
}
