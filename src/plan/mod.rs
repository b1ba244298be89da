//! The plan: a runner's profile, the template rules, and the ladder of weekly
//! stages the generator builds from them. Pure: no I/O and no clock.

mod distance;
mod generate;
mod given;
mod layout;
mod pace;
mod session;
mod template;
mod upgrade;

pub use distance::{Distance, Unit};
pub use generate::{MAX_WEEKS, generate, generate_saved, old_long_run};
pub use layout::Weekday;

/// A template file larger than this is not read: the shipped ones are a
/// few KB.
pub const MAX_TEMPLATE_BYTES: u64 = 1024 * 1024;
pub use pace::{EasyPace, Race, clock, parse_clock, time_off_factor};
pub use session::{Effort, Exercise, Run, Session, StrideSet};
pub use template::{
    Habit, HabitEvery, HabitWhen, Interval, LayoffBand, Region, StrengthDose, StrengthExercise,
    TEMPLATE_VERSION, Template, TemplateError,
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
    pub health: Vec<crate::health::Health>,
    /// The day each condition of `health` was entered; a condition without
    /// one applies from the start. Care rules use a condition from its day
    /// on: what was decided before it stays as it was.
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub health_since: std::collections::BTreeMap<crate::health::Health, NaiveDate>,
    /// The day of the long run; `None`: Sunday.
    #[serde(default)]
    pub long_day: Option<Weekday>,
    /// Days the runner keeps free of training; empty: the plan picks one.
    #[serde(default)]
    pub rest_days: Vec<Weekday>,
    /// A recent easy pace, in seconds per `unit`, before the layoff.
    #[serde(default)]
    pub easy_pace_seconds: Option<u32>,
    /// A recent race before the layoff; it sets the easy pace when no easy
    /// pace is given.
    #[serde(default)]
    pub race: Option<Race>,
    /// The longest run of the month before the layoff, in `unit`; `None`
    /// when not given: then an even share of the old week, so the first
    /// long runs build from the runner's everyday run (a coach's sixth
    /// review: a 30% long run assumed for a runner of even days).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longest_run: Option<Distance>,
}

/// The limits a profile must keep; the CLI and the TUI both check through these.
pub mod limits {
    /// Longest layoff the ladder is built for.
    pub const LAYOFF_DAYS: std::ops::RangeInclusive<u32> = 0..=3650;
    /// Weekly distance before the layoff, and the goal, in miles and in
    /// kilometres.
    pub const WEEKLY_MI: std::ops::RangeInclusive<f64> = 3.0..=200.0;
    pub const WEEKLY_KM: std::ops::RangeInclusive<f64> = 5.0..=320.0;
    /// Easy pace, seconds per mile and per kilometre.
    pub const EASY_PACE_MI: std::ops::RangeInclusive<u32> = 300..=1200;
    pub const EASY_PACE_KM: std::ops::RangeInclusive<u32> = 180..=750;

    /// The weekly limits in `unit`.
    pub fn weekly(unit: super::Unit) -> std::ops::RangeInclusive<f64> {
        match unit {
            super::Unit::Mi => WEEKLY_MI,
            super::Unit::Km => WEEKLY_KM,
        }
    }

    /// The easy-pace limits in `unit`.
    pub fn easy_pace(unit: super::Unit) -> std::ops::RangeInclusive<u32> {
        match unit {
            super::Unit::Mi => EASY_PACE_MI,
            super::Unit::Km => EASY_PACE_KM,
        }
    }
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
    #[error("weekly distance {value} {unit}: expected {} to {} {unit}", limits::weekly(*unit).start(), limits::weekly(*unit).end())]
    Weekly { value: f64, unit: Unit },
    #[error("goal {value} {unit}: expected {} to {} {unit}", limits::weekly(*unit).start(), limits::weekly(*unit).end())]
    Goal { value: f64, unit: Unit },
    #[error("rest days {rest}: {} left for {runs} runs; expected at most {} with {runs} runs", crate::count::count(*free, "day", "days"), crate::count::count(7 - *runs as usize, "rest day", "rest days"))]
    RestDays { rest: String, free: usize, runs: u8 },
    #[error("long-run day {0} is also a rest day: expected a day that is not")]
    LongDayRests(Weekday),
    #[error("easy pace {pace} per {unit}: expected {} to {} per {unit}", pace::clock(*limits::easy_pace(*unit).start()), pace::clock(*limits::easy_pace(*unit).end()))]
    EasyPace { pace: String, unit: Unit },
    #[error(
        "longest run {value} {unit}: expected at least 1 {unit} and at most the weekly distance before the layoff ({weekly} {unit})"
    )]
    LongestRun { value: f64, weekly: f64, unit: Unit },
    #[error(
        "race {race} (a time of {read}): expected a race pace no slower than {} per {unit}, the slowest easy pace a plan uses",
        pace::clock(*limits::easy_pace(*unit).end())
    )]
    RaceTooSlow {
        race: String,
        read: String,
        unit: Unit,
    },
    #[error(
        "race {race} (a time of {read}): expected a time no faster than {fastest}, the world records' pace{hint}"
    )]
    RaceFasterThanRecords {
        race: String,
        read: String,
        fastest: String,
        /// Hours written as minutes and seconds, when that may be why.
        hint: &'static str,
    },
    #[error(
        "{goal} {unit} a week over {runs} runs needs everyday runs of {per_run:.1} {unit} beside the long run: expected at most {max:.1} {unit} a run; {}{}",
        choose(.runs),
        pace_hint(.assumed_pace, .unit)
    )]
    RunsTooLong {
        goal: f64,
        unit: Unit,
        runs: u8,
        per_run: f64,
        max: f64,
        /// The easy pace assumed (seconds a unit) when the runner gave none:
        /// the long run's 150 minutes are reckoned at it.
        assumed_pace: Option<u32>,
    },
    #[error(
        "goal {goal} {unit} a week is more than {weeks} weeks away: expected a nearer goal (raise it once there)"
    )]
    GoalTooFar { goal: f64, unit: Unit, weeks: usize },
    #[error("runs per week {0}: expected 3 to 6")]
    Runs(u8),
    #[error("start {0}: expected a date from 1900 to 2200")]
    StartYear(NaiveDate),
    #[error("start {start}: expected a day within two years of today ({today})")]
    StartFar { start: NaiveDate, today: NaiveDate },
    #[error(
        "start {start}: the plan would be over on {end}, before today ({today}); expected a start from which the plan reaches today"
    )]
    StartOver {
        start: NaiveDate,
        end: NaiveDate,
        today: NaiveDate,
    },
}

/// A race time under an hour that could only be meant as hours and
/// minutes (`half=1:55` for 1:55:00).
fn hours_meant(race: &pace::Race, unit: Unit) -> bool {
    let runnable = |r: &pace::Race| {
        r.seconds >= r.fastest_seconds() && r.pace_seconds(unit) <= *limits::easy_pace(unit).end()
    };
    let hours = pace::Race {
        seconds: race.seconds.saturating_mul(60),
        ..race.clone()
    };
    race.seconds < 3600 && !runnable(race) && runnable(&hours)
}

/// What a runner whose runs would be too long can change: more runs, while
/// there can be more.
fn choose(runs: &u8) -> &'static str {
    if *runs < *limits::RUNS_PER_WEEK.end() {
        "choose more runs or a lower goal"
    } else {
        "choose a lower goal"
    }
}

/// A faster runner's long run covers more in its 150 minutes, leaving
/// shorter everyday runs: with no pace given, say which was assumed (the
/// coach's eighth and ninth reviews: 75 mi over 6 runs refused at 10:30/mi,
/// accepted at 8:30).
fn pace_hint(assumed: &Option<u32>, unit: &Unit) -> String {
    assumed.map_or(String::new(), |seconds| {
        format!(
            ", or give your easy pace or a recent race: the long run was reckoned at an assumed easy pace of {}/{unit}",
            pace::clock(seconds)
        )
    })
}

impl Profile {
    /// Checks every field against [`limits`].
    pub fn validate(&self) -> Result<(), ProfileError> {
        if !limits::LAYOFF_DAYS.contains(&self.layoff_days) {
            return Err(ProfileError::Layoff(self.layoff_days));
        }
        let unit = self.unit;
        if !limits::weekly(unit).contains(&self.weekly_before.value()) {
            return Err(ProfileError::Weekly {
                value: self.weekly_before.value(),
                unit,
            });
        }
        if !limits::weekly(unit).contains(&self.goal_weekly.value()) {
            return Err(ProfileError::Goal {
                value: self.goal_weekly.value(),
                unit,
            });
        }
        if !limits::RUNS_PER_WEEK.contains(&self.runs_per_week) {
            return Err(ProfileError::Runs(self.runs_per_week));
        }
        if !limits::YEARS.contains(&self.start.year()) {
            return Err(ProfileError::StartYear(self.start));
        }
        if let Some(long) = self.long_day.filter(|d| self.rest_days.contains(d)) {
            return Err(ProfileError::LongDayRests(long));
        }
        let free = 7 - self.rest_days.len();
        if free < usize::from(self.runs_per_week) {
            return Err(ProfileError::RestDays {
                rest: Weekday::list(&self.rest_days),
                free,
                runs: self.runs_per_week,
            });
        }
        if let Some(pace) = self
            .easy_pace_seconds
            .filter(|p| !limits::easy_pace(unit).contains(p))
        {
            return Err(ProfileError::EasyPace {
                pace: pace::clock(pace),
                unit,
            });
        }
        if let Some(longest) = self
            .longest_run
            .filter(|l| l.value() < 1.0 || l.value() > self.weekly_before.value())
        {
            return Err(ProfileError::LongestRun {
                value: longest.value(),
                weekly: self.weekly_before.value(),
                unit,
            });
        }
        // A race faster than the world records is a typo (`1:55` for
        // `1:55:00`); a slow finisher's easy pace is the slowest a plan
        // uses (the coach's seventh review: a 60-minute 5k was refused).
        if let Some(race) = &self.race {
            if race.seconds < race.fastest_seconds() {
                return Err(ProfileError::RaceFasterThanRecords {
                    race: race.to_string(),
                    read: pace::time_words(race.seconds),
                    fastest: pace::clock(race.fastest_seconds()),
                    hint: if hours_meant(race, unit) {
                        "; hours need three parts, like 1:55:00"
                    } else {
                        ""
                    },
                });
            }
            if race.pace_seconds(unit) > *limits::easy_pace(unit).end() {
                return Err(ProfileError::RaceTooSlow {
                    race: race.to_string(),
                    read: pace::time_words(race.seconds),
                    unit,
                });
            }
        }
        Ok(())
    }

    /// The long run's day: the runner's, or Sunday, or the last day of the
    /// week before it that is not a rest day.
    pub fn long_run_day(&self) -> Weekday {
        use strum::VariantArray;
        self.long_day.unwrap_or_else(|| {
            Weekday::VARIANTS
                .iter()
                .rev()
                .find(|d| !self.rest_days.contains(d))
                .copied()
                .unwrap_or(Weekday::Sun)
        })
    }

    /// The runner's easy pace before the layoff, seconds per `unit`, if given.
    pub fn easy_pace_before(&self) -> Option<u32> {
        self.easy_pace_seconds.or_else(|| {
            let slowest = *limits::easy_pace(self.unit).end();
            let race = self.race.as_ref()?;
            Some(race.easy_pace_seconds(self.unit).min(slowest))
        })
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
