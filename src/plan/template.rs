//! Plan templates: the rules the generator follows, loaded from JSON and
//! validated with errors that name the file, the field and the problem.
//! Long because every field of the format has its check and its message
//! here, beside the type it checks.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::fmt;

/// The template format this comeback writes; version 1 files still read
/// (`upgrade.rs` fills in what they lack).
pub const TEMPLATE_VERSION: u32 = 2;

/// A template as written in `plans/<name>.json`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub name: String,
    pub version: u32,
    pub description: String,
    /// The staged return by layoff length (Daniels); longer layoffs than the
    /// last band start with run/walk.
    pub layoff_bands: Vec<LayoffBand>,
    /// Whether a runner who is numb now starts with the run/walk phase.
    pub run_walk_when_numb: bool,
    /// Largest week-on-week increase above the old volume (0.10 = 10%).
    pub weekly_increase_cap: f64,
    /// Longest single run as a multiple of the longest run of the previous 30 days.
    pub single_run_cap: f64,
    /// How long the long run may be.
    pub long_run: LongRun,
    /// How short and how long any run may be.
    pub run_length: RunLength,
    /// Easy pace in seconds per mile and per kilometre, for a runner who gave
    /// none: it turns minutes into distance and distance into minutes.
    pub easy_pace_seconds: PerUnit,
    /// Every this many build weeks, a recovery week.
    pub recovery_every: u32,
    /// Recovery week volume as a fraction of the week before.
    pub recovery_fraction: f64,
    /// The run/walk ladder, one rung a week, easiest first.
    pub run_walk_ladder: Vec<Interval>,
    /// Runs a week during the run/walk phase (with a rest day between runs).
    pub run_walk_runs_per_week: u8,
    /// Strides after easy runs, once continuous running is settled.
    pub strides: Strides,
    /// Optional easy cross-training on days with neither a run nor strength
    /// that are not rest days; 0 means none.
    pub cross_minutes: u32,
    /// A brisk walk on those days instead; 0 means none.
    pub rest_day_walk_minutes: u32,
    /// Kilometres a pair of shoes lasts (AAPSM: 350–500 mi, 560–800 km; the
    /// low end for heavier runners). Optional in user templates.
    #[serde(default = "default_shoe_life_km")]
    pub shoe_life_km: u32,
    pub strength: Strength,
    pub habits: Vec<Habit>,
}

/// One layoff band of the staged return.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LayoffBand {
    /// The band covers layoffs up to and including this many days.
    pub up_to_days: u32,
    /// Fractions of the old weekly volume, one after another, before 100%;
    /// empty means straight back to 100%.
    pub steps: Vec<f64>,
    /// Weeks on each step; `null` means half the layoff each (Daniels' "first
    /// half of the return period, then the second").
    pub weeks_each: Option<u32>,
}

/// A number for each unit: runners think in round miles or round kilometres.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerUnit {
    pub mi: f64,
    pub km: f64,
}

impl PerUnit {
    pub fn get(&self, unit: super::Unit) -> f64 {
        match unit {
            super::Unit::Mi => self.mi,
            super::Unit::Km => self.km,
        }
    }
}

/// The long run's limits (Daniels: the lesser of 25–30% of the week and
/// 150 minutes; Pfitzinger: about 20–22 mi at most).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LongRun {
    /// Largest share of its week's distance.
    pub share: f64,
    pub max_minutes: u32,
    pub max_distance: PerUnit,
}

/// How short and how long a run may be: shorter runs are not worth the
/// warm-up walk (fewer, longer runs instead); a profile that needs longer
/// everyday runs is refused.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RunLength {
    pub min_minutes: u32,
    pub min_distance: PerUnit,
    pub max_distance: PerUnit,
}

/// Short relaxed accelerations after an easy run (Daniels: after about
/// three weeks of continuous running, 4–6 x 20 s, twice a week).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strides {
    /// Weeks of continuous running before the first strides.
    pub after_weeks: u32,
    pub per_week: u32,
    pub count: u32,
    pub seconds: u32,
}

/// One rung of the run/walk ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Interval {
    pub run_seconds: u32,
    pub walk_seconds: u32,
    pub repeats: u32,
}

impl Interval {
    /// Whole minutes of the session, rounded up.
    pub fn minutes(&self) -> u32 {
        self.repeats
            .saturating_mul(self.run_seconds.saturating_add(self.walk_seconds))
            .div_ceil(60)
    }

    /// Seconds spent running in the session.
    pub fn running_seconds(&self) -> u32 {
        self.repeats.saturating_mul(self.run_seconds)
    }

    /// "8 x (1:00 run, 1:30 walk)" or "25:00 continuous".
    pub fn describe(&self) -> String {
        let clock = |s: u32| format!("{}:{:02}", s / 60, s % 60);
        if self.walk_seconds == 0 {
            format!(
                "{} run",
                clock(self.run_seconds.saturating_mul(self.repeats))
            )
        } else {
            format!(
                "{} x ({} run, {} walk)",
                self.repeats,
                clock(self.run_seconds),
                clock(self.walk_seconds)
            )
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Strength {
    /// Two or three sessions a week, never on consecutive days.
    pub days_per_week: u8,
    /// Sets per exercise: from `start`, one more every `every_weeks` weeks of
    /// progress, up to `max` (2–4 sets).
    pub sets: Sets,
    pub reps: Progression,
    pub hold_seconds: Progression,
    /// The strength library; `harder` names the next variant of an exercise.
    pub exercises: Vec<StrengthExercise>,
    /// Sessions in rotation, each a list of exercise ids (the easiest variants).
    pub sessions: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sets {
    pub start: u32,
    pub max: u32,
    pub every_weeks: u32,
}

/// Start, weekly step and ceiling of a dose; past the ceiling the harder variant
/// starts again from `start`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Progression {
    pub start: u32,
    pub step: u32,
    pub max: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StrengthExercise {
    pub id: String,
    pub name: String,
    pub region: Region,
    pub dose: StrengthDose,
    #[serde(default)]
    pub harder: Option<String>,
    /// A lower ceiling for this exercise's dose than the library's (a
    /// short-foot hold is a few seconds, not a minute).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
}

/// Where an exercise works: the core or one part of the lower extremity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    Core,
    Hip,
    Knee,
    Calf,
    Foot,
}

impl Region {
    pub fn is_lower_extremity(self) -> bool {
        !matches!(self, Region::Core)
    }
}

/// Whether an exercise is counted in repetitions or held for seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StrengthDose {
    Reps,
    Hold,
}

/// A pre-run check or a post-run habit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Habit {
    pub id: String,
    pub when: HabitWhen,
    pub text: String,
    /// On every run day (the core checks and habits), or on the week's first
    /// run day only (the other tips).
    #[serde(default)]
    pub every: HabitEvery,
}

/// How often a habit is listed.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum HabitEvery {
    #[default]
    Run,
    Week,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum HabitWhen {
    PreRun,
    PostRun,
}

fn default_shoe_life_km() -> u32 {
    640
}

/// Habits every template must carry: a lace check before the run; loosen the
/// laces, walk before sitting and no low seats after (a running blog on numb
/// feet: laces too tight near the toes, low seats straight after a run).
pub const REQUIRED_HABITS: [&str; 4] = [
    "lace-check",
    "loosen-laces",
    "walk-before-sitting",
    "no-low-seats",
];

/// A template that cannot be used: which file, which field, what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TemplateError {
    pub file: String,
    pub field: String,
    pub problem: String,
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "template {}: {}", self.file, self.problem)
        } else {
            write!(
                f,
                "template {}: {}: {}",
                self.file, self.field, self.problem
            )
        }
    }
}

const BUILTIN: [(&str, &str); 2] = [
    ("standard", include_str!("../../plans/standard.json")),
    ("cautious", include_str!("../../plans/cautious.json")),
];

impl Template {
    /// Names of the templates shipped inside the binary.
    pub fn builtin_names() -> impl Iterator<Item = &'static str> {
        BUILTIN.iter().map(|(name, _)| *name)
    }

    /// A shipped template by name.
    pub fn builtin(name: &str) -> Option<Result<Template, TemplateError>> {
        BUILTIN
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(n, text)| Template::parse(&format!("plans/{n}.json"), text))
    }

    /// The template a profile gets when none is named: `cautious` for a runner
    /// who is numb now, `standard` otherwise.
    pub fn default_name(numb_now: bool) -> &'static str {
        if numb_now { "cautious" } else { "standard" }
    }

    /// Parses and validates template JSON; `file` names it in errors. A
    /// version 1 template is upgraded first (see `upgrade.rs`).
    pub fn parse(file: &str, text: &str) -> Result<Template, TemplateError> {
        let error = |field: String, problem: String| TemplateError {
            file: file.to_string(),
            field,
            problem,
        };
        // A current template (every saved plan holds one) reads straight
        // into the struct; any other text takes the way below, which
        // upgrades a version 1 and names the field that is wrong.
        if let Ok(template) = serde_json::from_str::<Template>(text)
            && template.version == TEMPLATE_VERSION
            && template.validate().is_ok()
        {
            return Ok(template);
        }
        let mut value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| error(String::new(), e.to_string()))?;
        match value.get("version").and_then(serde_json::Value::as_u64) {
            Some(1) => super::upgrade::template_v1(&mut value)
                .map_err(|(field, problem)| error(field, problem))?,
            Some(v) if v > u64::from(TEMPLATE_VERSION) => {
                return Err(error(
                    "version".into(),
                    format!("{v} is newer than this comeback reads (1 to {TEMPLATE_VERSION})"),
                ));
            }
            _ => {}
        }
        let template: Template = serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            let field = if path == "." { String::new() } else { path };
            error(field, e.into_inner().to_string())
        })?;
        template
            .validate()
            .map_err(|(field, problem)| error(field, problem))?;
        Ok(template)
    }

    /// The band a layoff falls in, or `None` when it calls for run/walk.
    /// `move_up` bands easier (a runner who cross-trained).
    pub fn band(&self, layoff_days: u32, move_up: bool) -> Option<&LayoffBand> {
        let index = self
            .layoff_bands
            .iter()
            .position(|band| layoff_days <= band.up_to_days)
            .unwrap_or(self.layoff_bands.len());
        let index = if move_up {
            index.saturating_sub(1)
        } else {
            index
        };
        self.layoff_bands.get(index)
    }

    pub fn exercise(&self, id: &str) -> Option<&StrengthExercise> {
        self.strength.exercises.iter().find(|e| e.id == id)
    }

    fn validate(&self) -> Result<(), (String, String)> {
        let fail = |field: String, problem: String| Err((field, problem));
        let fraction = |field: String, value: f64| {
            if value > 0.0 && value <= 1.0 {
                Ok(())
            } else {
                Err((field, format!("{value} is outside (0, 1]")))
            }
        };
        let positive = |field: &str, value: f64| {
            if value > 0.0 && value.is_finite() {
                Ok(())
            } else {
                Err((field.to_string(), format!("{value} must be above 0")))
            }
        };

        if self.name.trim().is_empty() {
            return fail("name".into(), "must not be empty".into());
        }
        if self.layoff_bands.is_empty() {
            return fail("layoff_bands".into(), "needs at least one band".into());
        }
        if self.version != TEMPLATE_VERSION {
            return fail(
                "version".into(),
                format!(
                    "{} is not a template version (1 or {TEMPLATE_VERSION})",
                    self.version
                ),
            );
        }
        for (i, band) in self.layoff_bands.iter().enumerate() {
            for (j, step) in band.steps.iter().enumerate() {
                let field = format!("layoff_bands[{i}].steps[{j}]");
                if !(*step > 0.0 && *step < 1.0) {
                    return fail(field, format!("{step} is outside (0, 1)"));
                }
                if j > 0 && *step <= band.steps[j - 1] {
                    return fail(field, format!("{step} must be above the step before it"));
                }
            }
            if band.weeks_each.is_some_and(|w| !(1..=6).contains(&w)) {
                return fail(
                    format!("layoff_bands[{i}].weeks_each"),
                    format!("{} is outside 1 to 6", band.weeks_each.unwrap_or_default()),
                );
            }
            if i > 0 && band.up_to_days <= self.layoff_bands[i - 1].up_to_days {
                return fail(
                    format!("layoff_bands[{i}].up_to_days"),
                    format!("{} must be above the band before it", band.up_to_days),
                );
            }
        }
        positive("weekly_increase_cap", self.weekly_increase_cap)?;
        if self.weekly_increase_cap > 0.3 {
            // Nielsen 2014: weekly increases above 30% raised injury risk.
            return fail(
                "weekly_increase_cap".into(),
                format!("{} is above 0.3 (30% a week)", self.weekly_increase_cap),
            );
        }
        if !(self.single_run_cap > 1.0 && self.single_run_cap <= 1.1) {
            // Frandsen 2025: runs over 1.1x the 30-day longest raised injury rate.
            return fail(
                "single_run_cap".into(),
                format!("{} is outside (1, 1.1]", self.single_run_cap),
            );
        }
        let long = &self.long_run;
        if !(0.2..=0.4).contains(&long.share) {
            // Daniels: the long run at most 25–30% of the week.
            return fail(
                "long_run.share".into(),
                format!("{} is outside 0.2 to 0.4", long.share),
            );
        }
        if !(60..=180).contains(&long.max_minutes) {
            return fail(
                "long_run.max_minutes".into(),
                format!("{} is outside 60 to 180", long.max_minutes),
            );
        }
        let lengths = [
            ("long_run.max_distance", long.max_distance, 6.0, 35.0),
            (
                "run_length.min_distance",
                self.run_length.min_distance,
                0.5,
                5.0,
            ),
            (
                "run_length.max_distance",
                self.run_length.max_distance,
                6.0,
                35.0,
            ),
        ];
        for (field, per_unit, low, high) in lengths {
            for (unit, value) in [("mi", per_unit.mi), ("km", per_unit.km)] {
                if !(low..=high).contains(&value) {
                    return fail(
                        format!("{field}.{unit}"),
                        format!("{value} is outside {low} to {high}"),
                    );
                }
            }
        }
        if !(10..=40).contains(&self.run_length.min_minutes) {
            return fail(
                "run_length.min_minutes".into(),
                format!("{} is outside 10 to 40", self.run_length.min_minutes),
            );
        }
        for (unit, value, low, high) in [
            ("mi", self.easy_pace_seconds.mi, 300.0, 1200.0),
            ("km", self.easy_pace_seconds.km, 180.0, 750.0),
        ] {
            if !(low..=high).contains(&value) {
                return fail(
                    format!("easy_pace_seconds.{unit}"),
                    format!("{value} is outside {low} to {high} seconds"),
                );
            }
        }
        let strides = self.strides;
        if strides.per_week > 3
            || !(2..=8).contains(&strides.count)
            || !(10..=30).contains(&strides.seconds)
        {
            return fail(
                "strides".into(),
                "expected per_week 0 to 3, count 2 to 8 and seconds 10 to 30".into(),
            );
        }
        if self.cross_minutes > 90 {
            return fail(
                "cross_minutes".into(),
                format!("{} is above 90", self.cross_minutes),
            );
        }
        if self.recovery_every < 2 {
            return fail(
                "recovery_every".into(),
                format!("{} must be at least 2", self.recovery_every),
            );
        }
        fraction("recovery_fraction".into(), self.recovery_fraction)?;
        if self.run_walk_ladder.is_empty() {
            return fail("run_walk_ladder".into(), "needs at least one rung".into());
        }
        for (i, rung) in self.run_walk_ladder.iter().enumerate() {
            if rung.run_seconds == 0 || rung.repeats == 0 {
                return fail(
                    format!("run_walk_ladder[{i}]"),
                    "run_seconds and repeats must be above 0".into(),
                );
            }
            let session = rung
                .run_seconds
                .checked_add(rung.walk_seconds)
                .and_then(|s| s.checked_mul(rung.repeats));
            if session.is_none_or(|s| s > 3 * 3600) {
                return fail(
                    format!("run_walk_ladder[{i}]"),
                    "a session longer than three hours".into(),
                );
            }
            if i > 0 && rung.running_seconds() < self.run_walk_ladder[i - 1].running_seconds() {
                return fail(
                    format!("run_walk_ladder[{i}]"),
                    "runs less in total than the rung before it".into(),
                );
            }
        }
        if !(3..=4).contains(&self.run_walk_runs_per_week) {
            return fail(
                "run_walk_runs_per_week".into(),
                format!("{} is outside 3 to 4", self.run_walk_runs_per_week),
            );
        }
        if self.rest_day_walk_minutes > 120 {
            return fail(
                "rest_day_walk_minutes".into(),
                format!("{} is above 120", self.rest_day_walk_minutes),
            );
        }
        if !(300..=1200).contains(&self.shoe_life_km) {
            return fail(
                "shoe_life_km".into(),
                format!("{} is outside 300 to 1200", self.shoe_life_km),
            );
        }
        self.validate_strength()?;
        self.validate_habits()
    }

    fn validate_strength(&self) -> Result<(), (String, String)> {
        let s = &self.strength;
        let fail = |field: &str, problem: String| Err((format!("strength.{field}"), problem));
        if !(2..=3).contains(&s.days_per_week) {
            return fail(
                "days_per_week",
                format!("{} is outside 2 to 3", s.days_per_week),
            );
        }
        // 2–4 sets (joenortonpt.com progressions).
        if !(1..=4).contains(&s.sets.start) || !(s.sets.start..=4).contains(&s.sets.max) {
            return fail(
                "sets",
                format!(
                    "start {} and max {}: expected 1 to 4, max at least start",
                    s.sets.start, s.sets.max
                ),
            );
        }
        if s.sets.every_weeks == 0 {
            return fail("sets.every_weeks", "must be above 0".into());
        }
        for (field, p) in [("reps", s.reps), ("hold_seconds", s.hold_seconds)] {
            if p.start == 0 || p.step == 0 || p.max < p.start {
                return fail(
                    field,
                    "start and step must be above 0 and max at least start".into(),
                );
            }
        }
        if s.exercises.is_empty() {
            return fail("exercises", "the strength library is empty".into());
        }
        let mut ids = HashSet::new();
        for (i, e) in s.exercises.iter().enumerate() {
            if e.id.trim().is_empty() {
                return fail(&format!("exercises[{i}].id"), "must not be empty".into());
            }
            if !ids.insert(e.id.as_str()) {
                return fail(
                    &format!("exercises[{i}].id"),
                    format!("'{}' appears twice", e.id),
                );
            }
        }
        for (i, e) in s.exercises.iter().enumerate() {
            if let Some(harder) = &e.harder {
                match self.exercise(harder) {
                    None => {
                        return fail(
                            &format!("exercises[{i}].harder"),
                            format!("no exercise has the id '{harder}'"),
                        );
                    }
                    Some(h) if h.region.is_lower_extremity() != e.region.is_lower_extremity() => {
                        return fail(
                            &format!("exercises[{i}].harder"),
                            format!("'{harder}' works another region than '{}'", e.id),
                        );
                    }
                    Some(_) => {}
                }
                if self.variant_chain(&e.id).len() > s.exercises.len() {
                    return fail(
                        &format!("exercises[{i}].harder"),
                        format!("'{}' leads back to itself", e.id),
                    );
                }
            }
        }
        if s.sessions.is_empty() {
            return fail("sessions", "needs at least one session".into());
        }
        for (i, session) in s.sessions.iter().enumerate() {
            let mut regions = Vec::new();
            for (j, id) in session.iter().enumerate() {
                match self.exercise(id) {
                    Some(e) => regions.push(e.region),
                    None => {
                        return fail(
                            &format!("sessions[{i}][{j}]"),
                            format!("no exercise has the id '{id}'"),
                        );
                    }
                }
            }
            if !regions.contains(&Region::Core) || !regions.iter().any(|r| r.is_lower_extremity()) {
                return fail(
                    &format!("sessions[{i}]"),
                    "needs at least one core and one hip, knee, calf or foot exercise".into(),
                );
            }
            if !regions.contains(&Region::Calf) {
                return fail(
                    &format!("sessions[{i}]"),
                    "needs a calf exercise (calf work in every session)".into(),
                );
            }
        }
        Ok(())
    }

    fn validate_habits(&self) -> Result<(), (String, String)> {
        let mut ids = HashSet::new();
        for (i, h) in self.habits.iter().enumerate() {
            if h.id.trim().is_empty() {
                return Err((format!("habits[{i}].id"), "a habit needs an id".into()));
            }
            if h.text.trim().is_empty() {
                return Err((format!("habits[{i}].text"), "must not be empty".into()));
            }
            if !ids.insert(h.id.as_str()) {
                return Err((
                    format!("habits[{i}].id"),
                    format!("'{}' appears twice", h.id),
                ));
            }
        }
        for required in REQUIRED_HABITS {
            if !ids.contains(required) {
                return Err((
                    "habits".into(),
                    format!(
                        "the habit '{required}' is missing (required: {})",
                        REQUIRED_HABITS.join(", ")
                    ),
                ));
            }
        }
        Ok(())
    }

    /// An exercise and its harder variants, easiest first (stops at a loop).
    pub fn variant_chain(&self, id: &str) -> Vec<&StrengthExercise> {
        let mut chain: Vec<&StrengthExercise> = Vec::new();
        let mut next = self.exercise(id);
        while let Some(e) = next {
            if chain.len() > self.strength.exercises.len() {
                break;
            }
            chain.push(e);
            next = e.harder.as_deref().and_then(|h| self.exercise(h));
        }
        chain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standard_text() -> &'static str {
        BUILTIN[0].1
    }

    fn with(edit: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut value: serde_json::Value = serde_json::from_str(standard_text()).unwrap();
        edit(&mut value);
        value.to_string()
    }

    fn error(text: &str) -> String {
        Template::parse("mine.json", text).unwrap_err().to_string()
    }

    #[test]
    fn both_shipped_templates_load() {
        for name in Template::builtin_names() {
            let template = Template::builtin(name).unwrap().unwrap();
            assert_eq!(template.name, name);
        }
    }

    #[test]
    fn an_unknown_field_is_named() {
        let text = with(|v| v["strength"]["colour"] = "red".into());
        let e = error(&text);
        assert!(e.starts_with("template mine.json: strength"), "{e}");
        assert!(e.contains("unknown field `colour`"), "{e}");
    }

    #[test]
    fn a_missing_field_is_named() {
        let text = with(|v| {
            v.as_object_mut().unwrap().remove("weekly_increase_cap");
        });
        assert!(error(&text).contains("missing field `weekly_increase_cap`"));
    }

    #[test]
    fn a_step_above_one_is_refused() {
        let text = with(|v| v["layoff_bands"][1]["steps"][0] = 1.5.into());
        assert_eq!(
            error(&text),
            "template mine.json: layoff_bands[1].steps[0]: 1.5 is outside (0, 1)"
        );
    }

    #[test]
    fn a_version_one_template_upgrades_with_defaults() {
        let v1 = include_str!("../../tests/fixtures/templates/standard-v1.json");
        let template = Template::parse("old.json", v1).unwrap();
        assert_eq!(template.version, TEMPLATE_VERSION);
        assert_eq!(template.layoff_bands[1].steps, vec![0.5, 0.75]);
        assert_eq!(template.layoff_bands[2].steps, vec![0.33, 0.5, 0.75]);
        assert_eq!(template.layoff_bands[2].weeks_each, Some(2));
        let weekly: Vec<&str> = template
            .habits
            .iter()
            .filter(|h| h.every == HabitEvery::Week)
            .map(|h| h.id.as_str())
            .collect();
        assert_eq!(weekly, vec!["shoe-check", "stretch", "drink"]);
        assert!(
            template
                .strength
                .sessions
                .iter()
                .all(|s| s.iter().any(|id| {
                    template
                        .exercise(id)
                        .is_some_and(|e| e.region == Region::Calf)
                }))
        );
    }

    #[test]
    fn a_newer_template_version_is_named() {
        let text = with(|v| v["version"] = 3.into());
        assert_eq!(
            error(&text),
            "template mine.json: version: 3 is newer than this comeback reads (1 to 2)"
        );
    }

    #[test]
    fn a_version_two_template_missing_a_new_field_names_it() {
        let text = with(|v| {
            v.as_object_mut().unwrap().remove("long_run");
        });
        assert!(
            error(&text).contains("missing field `long_run`"),
            "{}",
            error(&text)
        );
    }

    #[test]
    fn a_non_positive_increase_cap_is_refused() {
        let text = with(|v| v["weekly_increase_cap"] = 0.0.into());
        assert_eq!(
            error(&text),
            "template mine.json: weekly_increase_cap: 0 must be above 0"
        );
    }

    #[test]
    fn an_empty_strength_library_is_refused() {
        let text = with(|v| v["strength"]["exercises"] = serde_json::json!([]));
        assert_eq!(
            error(&text),
            "template mine.json: strength.exercises: the strength library is empty"
        );
    }

    #[test]
    fn a_habit_without_an_id_is_refused() {
        let text = with(|v| v["habits"][0]["id"] = "".into());
        assert_eq!(
            error(&text),
            "template mine.json: habits[0].id: a habit needs an id"
        );
    }

    #[test]
    fn a_session_without_core_work_is_refused() {
        let text = with(|v| v["strength"]["sessions"] = serde_json::json!([["calf-raise"]]));
        assert!(error(&text).contains("strength.sessions[0]: needs at least one core"));
    }

    #[test]
    fn malformed_json_names_the_file() {
        assert!(error("{ not json").starts_with("template mine.json: "));
    }
}
