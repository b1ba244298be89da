//! The plan: a runner's profile, the template rules, and the ladder of weekly
//! stages the generator builds from them. Pure: no I/O and no clock.

mod distance;
mod generate;
mod template;

pub use distance::{Distance, Unit};
pub use generate::{MAX_WEEKS, generate};
pub use template::{
    Habit, HabitWhen, Interval, LayoffBand, Region, StrengthDose, StrengthExercise, Template,
    TemplateError,
};

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// Who is coming back, from what, and towards what.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// Days without running before the comeback starts.
    pub layoff_days: u32,
    /// Weekly distance before the layoff, in `unit`.
    pub weekly_before: Distance,
    /// Weekly distance the plan builds towards, in `unit`.
    pub goal_weekly: Distance,
    /// Runs per week, 3 to 6.
    pub runs_per_week: u8,
    pub unit: Unit,
    /// The first day of week 1.
    pub start: NaiveDate,
    /// Whether the runner kept fit with other sport during the layoff.
    pub cross_trained: bool,
    /// Whether feet or legs go numb or tingle now.
    pub numb_now: bool,
    /// Health context the runner chose to give; it lowers the care
    /// thresholds and does not change the plan.
    #[serde(default)]
    pub health: Vec<crate::checkin::Health>,
}

/// The limits a profile must keep; the CLI and the TUI both check through these.
pub mod limits {
    /// Longest layoff the ladder is built for.
    pub const LAYOFF_DAYS: std::ops::RangeInclusive<u32> = 0..=3650;
    /// Weekly distance before the layoff, and the goal (in the profile's unit).
    pub const WEEKLY: std::ops::RangeInclusive<f64> = 3.0..=200.0;
    pub const RUNS_PER_WEEK: std::ops::RangeInclusive<u8> = 3..=6;
    /// Every date comeback takes: a plan, a check-in, `--today`.
    pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;
    /// How far from today a new plan may start.
    pub const START_FROM_TODAY_DAYS: i64 = 730;
}

/// Why a profile cannot be planned.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProfileError {
    #[error("layoff {0} days: expected 0 to 3650 days")]
    Layoff(u32),
    #[error("weekly distance {0}: expected a number from 3 to 200")]
    Weekly(f64),
    #[error("goal {0}: expected a number from 3 to 200")]
    Goal(f64),
    #[error("runs per week {0}: expected 3 to 6")]
    Runs(u8),
    #[error("start {0}: expected a date from 1900 to 2200")]
    StartYear(NaiveDate),
    #[error("start {start}: expected a day within two years of today ({today})")]
    StartFar { start: NaiveDate, today: NaiveDate },
}

impl Profile {
    /// Checks every field against [`limits`].
    pub fn validate(&self) -> Result<(), ProfileError> {
        if !limits::LAYOFF_DAYS.contains(&self.layoff_days) {
            return Err(ProfileError::Layoff(self.layoff_days));
        }
        if !limits::WEEKLY.contains(&self.weekly_before.value()) {
            return Err(ProfileError::Weekly(self.weekly_before.value()));
        }
        if !limits::WEEKLY.contains(&self.goal_weekly.value()) {
            return Err(ProfileError::Goal(self.goal_weekly.value()));
        }
        if !limits::RUNS_PER_WEEK.contains(&self.runs_per_week) {
            return Err(ProfileError::Runs(self.runs_per_week));
        }
        if !limits::YEARS.contains(&self.start.year()) {
            return Err(ProfileError::StartYear(self.start));
        }
        Ok(())
    }

    /// A new plan starts within two years of today: a start years away is a
    /// typo (`0206` for `2026`) that would lay out centuries of weeks.
    pub fn check_start(&self, today: NaiveDate) -> Result<(), ProfileError> {
        if (self.start - today).num_days().abs() > limits::START_FROM_TODAY_DAYS {
            return Err(ProfileError::StartFar {
                start: self.start,
                today,
            });
        }
        Ok(())
    }
}

/// What a stage of the ladder is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Run/walk intervals measured in minutes.
    RunWalk,
    /// Distance weeks building towards the goal.
    Build,
    /// The goal volume, reached and held.
    Goal,
}

impl Phase {
    pub fn label(self) -> &'static str {
        match self {
            Phase::RunWalk => "run/walk",
            Phase::Build => "build",
            Phase::Goal => "goal",
        }
    }
}

/// How the journal moved the plan into a week (docs/care-rules.md lists why).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Move {
    /// On to the next stage.
    Advance,
    /// The same stage again (hold, or too few runs done).
    Repeat,
    /// Back one stage after numbness during a run.
    StepBack,
    /// Runs suspended until a clinician clears the runner.
    Suspend,
    /// Cleared: running resumes one stage back.
    Resume,
    /// Seven or more days without a run: re-entered by the layoff bands.
    NewLayoff,
    /// The last stage is done.
    Finish,
}

impl Move {
    pub fn words(self) -> &'static str {
        match self {
            Move::Advance => "advanced",
            Move::Repeat => "repeated",
            Move::StepBack => "stepped back",
            Move::Suspend => "runs suspended",
            Move::Resume => "resumed after clearance",
            Move::NewLayoff => "re-entered after a break",
            Move::Finish => "finished",
        }
    }
}

/// One week of sessions: a stage of the ladder, or a calendar week of the
/// schedule running one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Week {
    /// 1-based calendar week of the plan.
    pub week: u32,
    /// 1-based stage of the ladder this week runs.
    pub stage: u32,
    /// How the journal moved the plan into this week, if it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved: Option<Move>,
    pub start: NaiveDate,
    pub phase: Phase,
    /// Sum of the week's run distances; `None` in run/walk weeks.
    pub target_distance: Option<Distance>,
    /// Sum of the week's run minutes; `None` in distance weeks.
    pub target_minutes: Option<u32>,
    /// A recovery week at about 80% of the week before.
    pub cutback: bool,
    pub days: Vec<Day>,
}

impl Week {
    pub fn runs(&self) -> impl Iterator<Item = &Run> {
        self.days.iter().flat_map(|d| d.runs())
    }

    pub fn run_count(&self) -> usize {
        self.runs().count()
    }

    pub fn strength_days(&self) -> usize {
        self.days.iter().filter(|d| d.strength().is_some()).count()
    }

    pub fn end(&self) -> NaiveDate {
        self.start + chrono::Days::new(6)
    }

    pub fn contains(&self, date: NaiveDate) -> bool {
        date >= self.start && date <= self.end()
    }
}

/// One calendar day of a stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Day {
    pub date: NaiveDate,
    pub sessions: Vec<Session>,
    /// Pre-run checks and post-run habits; empty on days without a run.
    // Shared between days: every run day carries the same list.
    pub habits: std::sync::Arc<[Habit]>,
}

impl Day {
    pub fn runs(&self) -> impl Iterator<Item = &Run> {
        self.sessions.iter().filter_map(|s| match s {
            Session::Run(run) => Some(run),
            _ => None,
        })
    }

    pub fn strength(&self) -> Option<&[Exercise]> {
        self.sessions.iter().find_map(|s| match s {
            Session::Strength { exercises } => Some(exercises.as_slice()),
            _ => None,
        })
    }

    pub fn has_run(&self) -> bool {
        self.runs().next().is_some()
    }
}

/// One thing to do on a day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Session {
    Run(Run),
    Walk { minutes: u32 },
    Strength { exercises: Vec<Exercise> },
    Rest,
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
}

/// One strength exercise with its dose for the week.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    pub name: String,
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

/// The ladder the generator built, and where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub profile: Profile,
    pub template_name: String,
    pub template_version: u32,
    /// The stages, in the dates they would run if every week went to plan.
    pub weeks: Vec<Week>,
}

impl Plan {
    pub fn end(&self) -> NaiveDate {
        self.weeks.last().map_or(self.profile.start, Week::end)
    }
}
