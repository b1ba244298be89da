//! What a day holds: a run with its effort (and strides), a walk, strength
//! exercises with their dose, cross-training, or rest.

use super::{Distance, Interval, Region, Unit};
use serde::{Deserialize, Serialize};

/// One thing to do on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Session {
    Run(Run),
    Walk {
        minutes: u32,
    },
    Strength {
        exercises: Vec<Exercise>,
    },
    /// Optional easy cross-training (bike, swim, elliptical).
    Cross {
        minutes: u32,
    },
    Rest,
}

impl Session {
    /// Whether this is a run set by distance.
    pub fn is_distance_run(&self) -> bool {
        matches!(self, Session::Run(run) if run.intervals.is_none())
    }
}

/// A run: a distance, or run/walk intervals for a number of minutes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Run {
    /// `None` in run/walk weeks.
    pub distance: Option<Distance>,
    /// Total minutes of a run/walk session; `None` when the run is set by distance.
    pub minutes: Option<u32>,
    pub intervals: Option<Interval>,
    /// The longest run of its week.
    #[serde(default)]
    pub long: bool,
    /// How hard, and for about how long.
    pub effort: Effort,
    /// Strides after the run, once continuous running is settled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strides: Option<StrideSet>,
}

impl Run {
    /// The run with its distance and pace in `to` instead of `from`.
    pub fn in_unit(mut self, from: Unit, to: Unit) -> Run {
        self.distance = self.distance.map(|d| d.convert_shown(from, to));
        if let Some(pace) = self.effort.pace_seconds.as_mut() {
            for seconds in pace.iter_mut() {
                *seconds = (f64::from(*seconds) * from.per(to)).round() as u32;
            }
        }
        self
    }

    /// A run/walk session of one rung of the ladder, easy.
    pub fn run_walk(rung: Interval) -> Run {
        let continuous = rung.walk_seconds == 0;
        Run {
            distance: None,
            minutes: Some(rung.minutes()),
            intervals: Some(rung),
            long: false,
            effort: Effort {
                words: std::borrow::Cow::Borrowed(if continuous {
                    "easy, conversational"
                } else {
                    "easy jogging, brisk walking between"
                }),
                rpe: [3, 4],
                minutes: rung.minutes(),
                pace_seconds: None,
            },
            strides: None,
        }
    }
}

/// How hard a run is meant to feel, and about how long it takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Effort {
    /// "easy, conversational".
    pub words: std::borrow::Cow<'static, str>,
    /// Rate of perceived exertion, lowest and highest, out of 10.
    pub rpe: [u8; 2],
    /// Estimated minutes.
    pub minutes: u32,
    /// The easy pace range in seconds per unit, faster end first, when the
    /// runner gave a recent easy pace or race.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pace_seconds: Option<[u32; 2]>,
}

/// Strides: short relaxed accelerations with full recovery between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StrideSet {
    pub count: u32,
    pub seconds: u32,
}

/// One strength exercise with its dose for the week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    // Shared: every week's dose of an exercise names it the same.
    pub id: std::sync::Arc<str>,
    pub name: std::sync::Arc<str>,
    pub region: Region,
    pub sets: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reps: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hold_seconds: Option<u32>,
}

impl Exercise {
    /// "2 x 10" or "2 x 30 s".
    pub fn dose(&self) -> String {
        match (self.reps, self.hold_seconds) {
            (Some(reps), _) => format!("{} x {}", self.sets, reps),
            (None, Some(hold)) => format!("{} x {} s", self.sets, hold),
            (None, None) => format!("{} sets", self.sets),
        }
    }
}
