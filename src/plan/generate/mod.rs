//! The generator: profile + template -> the ladder of weekly stages, as a
//! return model a coach would sign (DESIGN.md §2 v3). Deterministic and
//! pure.
//!
//! - `model`: the profile's numbers — the staged return by the layoff
//!   (Daniels' Running Formula, table 9.2), the first week's caps, the
//!   run/walk rung a long break starts from, the limits of every run.
//! - `weeks`: the return week by week — how much each week holds and how
//!   it splits into runs (Frandsen 2025 for single runs; the coach's
//!   second review, 2026-12, for frequency before length).
//! - `shape`: how a week's volume splits into its runs.
//! - `lead_in`: a numb runner's four weeks of run/walk first.
//! - `days`: each week laid on its days with strength and habits.
//!
//! docs/plan-rules.md lists every rule with its source and its test.

mod days;
mod lead_in;
mod model;
mod shape;
mod weeks;

pub use weeks::MAX_WEEKS;

use super::pace::{EasyPace, time_off_factor};
use super::{Distance, Phase, Plan, Profile, ProfileError, Template};
use chrono::{Days, NaiveDate};
use model::Model;

/// Builds the plan for `profile` from `template`.
pub fn generate(profile: &Profile, template: &Template) -> Result<Plan, ProfileError> {
    build(profile, template, false)
}

/// Builds the plan of a saved profile. A profile an earlier release accepted
/// and this one refuses for a new plan — a goal that needs runs over the
/// limit, or one more than [`MAX_WEEKS`] away — still gets a plan: towards
/// the largest goal this release plans for those runs, or its first
/// [`MAX_WEEKS`] weeks. The runner is not locked out of their journal.
pub fn generate_saved(profile: &Profile, template: &Template) -> Result<Plan, ProfileError> {
    match build(profile, template, false) {
        Err(ProfileError::RunsTooLong { max, runs, .. }) => {
            let nearest = Distance::from_value((max * f64::from(runs) * 10.0).floor() / 10.0);
            let reachable = Profile {
                goal_weekly: profile.goal_weekly.min(nearest),
                weekly_before: profile.weekly_before.min(nearest),
                ..profile.clone()
            };
            let mut plan = build(&reachable, template, true)?;
            plan.profile = profile.clone();
            Ok(plan)
        }
        Err(ProfileError::GoalTooFar { .. }) => build(profile, template, true),
        other => other,
    }
}

/// The generator; `saved` keeps a plan that never reaches its goal.
fn build(profile: &Profile, template: &Template, saved: bool) -> Result<Plan, ProfileError> {
    profile.validate()?;
    let (model, easy) = model_of(profile, template);
    let (per_run, max) = everyday_needed(profile, &model);
    if per_run > max + 1e-9 {
        // With no pace given, say the one assumed when a faster runner's
        // long run, longer in its 150 minutes, would leave everyday runs
        // that fit (the coach's eighth and ninth reviews: 75 mi over 6 runs
        // refused at the assumed 10:30/mi, accepted at 8:30).
        let fits_faster = || {
            let faster = Profile {
                easy_pace_seconds: Some(FAST_EASY_PACE.get(profile.unit).round() as u32),
                ..profile.clone()
            };
            let (per_run, max) = everyday_needed(&faster, &model_of(&faster, template).0);
            per_run <= max + 1e-9
        };
        let assumed_pace = (easy.is_none() && fits_faster())
            .then(|| template.easy_pace_seconds.get(profile.unit).round() as u32);
        return Err(ProfileError::RunsTooLong {
            goal: profile.goal_weekly.value(),
            unit: profile.unit,
            runs: profile.runs_per_week,
            per_run,
            max,
            assumed_pace,
        });
    }
    let lead_in = profile.numb_now && template.run_walk_when_numb;
    let planned = weeks::plan_weeks(&model, template, lead_in);
    let mut days = days::DayPlanner::new(profile, template, model.minutes_per_unit, easy);
    let weeks: Vec<_> = planned
        .iter()
        .take(MAX_WEEKS)
        .enumerate()
        .map(|(i, w)| days.week(i, w))
        .collect();
    if !saved && weeks.last().is_none_or(|w| w.phase != Phase::Goal) {
        return Err(ProfileError::GoalTooFar {
            goal: profile.goal_weekly.value(),
            unit: profile.unit,
            weeks: MAX_WEEKS,
        });
    }
    Ok(Plan {
        profile: profile.clone(),
        template_name: template.name.clone(),
        template_version: template.version,
        weeks,
    })
}

/// The model's numbers and the easy pace after the layoff.
/// A brisk easy pace (7:00 a mile, 4:20 a km), to ask whether a faster
/// runner's goal week would fit.
const FAST_EASY_PACE: super::template::PerUnit = super::template::PerUnit {
    mi: 420.0,
    km: 260.0,
};

/// The goal week's everyday runs beside its long run, and the most an
/// everyday run may be, in the profile's unit (the coach's sixth review: an
/// even share refused 50 mi over 4 runs, whose normal week is a 14.2 mi
/// long run and everyday runs of 11.9).
fn everyday_needed(profile: &Profile, model: &Model) -> (f64, f64) {
    let max = f64::from(model.everyday_limit.max(model::TENTH)) / 100.0;
    let others = u32::from(profile.runs_per_week.max(2)) - 1;
    let per_run = f64::from(model.goal.saturating_sub(model.goal_long) / others) / 100.0;
    (per_run, max)
}

fn model_of(profile: &Profile, template: &Template) -> (Model, Option<EasyPace>) {
    let factor = time_off_factor(profile.layoff_days, profile.cross_trained);
    let easy = profile
        .easy_pace_before()
        .map(|before| EasyPace::after_layoff(before, profile.unit, factor));
    let seconds = easy.map_or(template.easy_pace_seconds.get(profile.unit), |e| {
        f64::from(e.middle)
    });
    (Model::new(profile, template, seconds / 60.0), easy)
}

/// The runner's long run before the layoff as the generator counts it for
/// the 30-day rule: its day and distance.
pub fn old_long_run(profile: &Profile, template: &Template) -> (NaiveDate, Distance) {
    let (model, _) = model_of(profile, template);
    let day = profile.start - Days::new(u64::from(profile.layoff_days) + 1);
    (day, Distance::from_hundredths(model.old_long))
}
