//! The generator: profile + template -> the ladder of weekly stages.
//!
//! Deterministic and pure. The rules and their sources:
//! - The staged return by layoff band (Daniels' Running Formula, table 9.2):
//!   up to 5 days off, straight back; 6–28 days, 50% then 75%, each for half
//!   the layoff; 29–56 days, 33% -> 50% -> 75%, about two weeks each; over 56
//!   days, run/walk in minutes first (US Army return-to-run trial, Trials
//!   2023; NHS Couch to 5K), then 33% -> 50% -> 75%, about three weeks each.
//!   Cross-trained runners move up one band (VDOT kept at 28 days: .965
//!   cross-trained vs .931, vdoto2.com).
//! - The 10% weekly cap only above the old volume (Buist 2008, Nielsen
//!   2014: over 30% a week raised injury); after a recovery week, back to
//!   the week before it, no higher.
//! - No run above 1.1x the longest run of the previous 30 days, the old
//!   runs before a short layoff included and across the switch from
//!   run/walk (Frandsen 2025, BJSM).
//! - Runs between 2 mi / 3 km (or 20 minutes) and 12 mi / 20 km; the long
//!   run at most the lesser of 30% of the week, 150 minutes and 20 mi /
//!   32 km (Daniels; Pfitzinger), not growing once the goal is reached.
//! - A recovery week every few weeks of a build (Higdon, Pfitzinger).
//! - Strength 2–3 days a week, never on consecutive days nor the day before
//!   the long run, reps +2 a week to the ceiling then the harder variant,
//!   sets 2 -> 3, lighter in recovery weeks (joenortonpt.com progressions;
//!   McGill's big three; McKeon 2015, BJSM, for the foot core).

use super::layout::{Layout, WeekShape};
use super::pace::{EasyPace, time_off_factor};
use super::template::{HabitEvery, Progression, StrengthDose};
use super::{
    Day, Distance, Effort, Exercise, Habit, LayoffBand, Phase, Plan, Profile, ProfileError, Run,
    Session, StrideSet, Template, Week,
};
use chrono::{Days, NaiveDate};
use std::borrow::Cow;
use std::sync::Arc;

/// A plan never runs longer than this, whatever the template says.
pub const MAX_WEEKS: usize = 156;

/// Weeks on each stage after a run/walk phase (Daniels: over 8 weeks off,
/// about three weeks each).
const WEEKS_EACH_AFTER_RUN_WALK: u32 = 1;

/// A week's long run keeps at least this share of the 30-day longest run
/// (a recovery week's 80%): the project's choice.
const KEEP_LONGEST: f64 = 0.8;

/// After a month or more off, the first week's runs are at least this share
/// of the old everyday run, as fewer runs: otherwise the 30-day rule would
/// pace a month's layoff far slower than Daniels' stages (the project's choice).
const FIRST_BACK_SHARE: f64 = 0.5;

/// Distances are planned in tenths: what is shown adds up.
const TENTH: u32 = 10;

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
    let mut builder = Builder::new(profile, template);
    let max = builder.longest_everyday_run();
    let per_run = profile.goal_weekly.value() / f64::from(profile.runs_per_week);
    if per_run > max + 1e-9 {
        return Err(ProfileError::RunsTooLong {
            goal: profile.goal_weekly.value(),
            unit: profile.unit,
            runs: profile.runs_per_week,
            per_run,
            max,
        });
    }
    let band = template.band(profile.layoff_days, profile.cross_trained);
    let run_walk = band.is_none() || (profile.numb_now && template.run_walk_when_numb);
    let steps = if run_walk {
        builder.run_walk_phase(band);
        let last = template.layoff_bands.last();
        last.map(|b| b.steps.clone())
            .unwrap_or_default()
            .into_iter()
            .flat_map(|s| std::iter::repeat_n(s, WEEKS_EACH_AFTER_RUN_WALK as usize))
            .collect()
    } else {
        band.map(|b| staged(b, profile.layoff_days))
            .unwrap_or_default()
    };
    builder.distance_phase(&steps, run_walk);
    if !saved && builder.weeks.last().is_none_or(|w| w.phase != Phase::Goal) {
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
        weeks: builder.weeks,
    })
}

/// The runner's long run before the layoff as the generator counts it for
/// the 30-day rule: its day and distance.
pub fn old_long_run(profile: &Profile, template: &Template) -> (NaiveDate, Distance) {
    Builder::new(profile, template).runs[0]
}

/// The week-by-week fractions of a band's staged return.
fn staged(band: &LayoffBand, layoff_days: u32) -> Vec<f64> {
    let steps = band.steps.len() as u32;
    if steps == 0 {
        return Vec::new();
    }
    let each = |i: u32| match band.weeks_each {
        Some(w) => w,
        // Half the return period on each step, the return period being
        // the layoff in weeks (at least one week a step).
        None => {
            let weeks = (layoff_days as f64 / 7.0).round().max(f64::from(steps)) as u32;
            let base = weeks / steps;
            base + u32::from(i < weeks % steps)
        }
    };
    band.steps
        .iter()
        .enumerate()
        .flat_map(|(i, f)| std::iter::repeat_n(*f, each(i as u32) as usize))
        .collect()
}

struct Builder<'a> {
    profile: &'a Profile,
    template: &'a Template,
    shape: WeekShape,
    /// Minutes per unit at an easy pace, for estimates and conversions.
    minutes_per_unit: f64,
    easy: Option<EasyPace>,
    weeks: Vec<Week>,
    /// Every run placed so far as a distance (run/walk as its running
    /// minutes at an easy pace), for the 30-day rule.
    runs: Vec<(NaiveDate, Distance)>,
    /// Weeks of continuous running so far, for strides.
    continuous_weeks: u32,
    /// Weeks of strength progress so far (recovery weeks do not count).
    strength_weeks: u32,
    every_run: Arc<[Habit]>,
    with_weekly: Arc<[Habit]>,
    /// Each strength session's exercises as their chains of variants,
    /// easiest first, looked up once.
    sessions: Vec<Vec<Vec<Variant>>>,
}

/// One variant of an exercise, with what dosing it needs.
struct Variant {
    id: Arc<str>,
    name: Arc<str>,
    region: super::Region,
    progression: Progression,
    dose: StrengthDose,
}

impl<'a> Builder<'a> {
    fn new(profile: &'a Profile, template: &'a Template) -> Builder<'a> {
        let unit = profile.unit;
        let factor = time_off_factor(profile.layoff_days, profile.cross_trained);
        let easy = profile
            .easy_pace_before()
            .map(|before| EasyPace::after_layoff(before, unit, factor));
        let seconds = easy.map_or(template.easy_pace_seconds.get(unit), |e| {
            f64::from(e.middle)
        });
        let shape = WeekShape::new(
            profile.start,
            profile.long_run_day(),
            &profile.rest_days,
            usize::from(profile.runs_per_week),
            usize::from(template.strength.days_per_week),
        );
        let every_run: Arc<[Habit]> = template
            .habits
            .iter()
            .filter(|h| h.every == HabitEvery::Run)
            .cloned()
            .collect();
        let with_weekly: Arc<[Habit]> = template.habits.clone().into();
        let s = &template.strength;
        let sessions = s
            .sessions
            .iter()
            .map(|session| {
                session
                    .iter()
                    .map(|root| {
                        template
                            .variant_chain(root)
                            .into_iter()
                            .map(|e| {
                                let mut progression = match e.dose {
                                    StrengthDose::Reps => s.reps,
                                    StrengthDose::Hold => s.hold_seconds,
                                };
                                if let Some(max) = e.max {
                                    progression.max = max.clamp(progression.start, progression.max);
                                }
                                Variant {
                                    id: e.id.as_str().into(),
                                    name: e.name.as_str().into(),
                                    region: e.region,
                                    progression,
                                    dose: e.dose,
                                }
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut builder = Builder {
            profile,
            template,
            shape,
            minutes_per_unit: seconds / 60.0,
            easy,
            weeks: Vec::new(),
            runs: Vec::new(),
            continuous_weeks: 0,
            strength_weeks: 0,
            every_run,
            with_weekly,
            sessions,
        };
        builder.remember_old_long_run();
        builder
    }

    /// Before a short layoff the runner's old long run still counts for the
    /// 30-day rule: about 30% of the old week, or an even share of it.
    fn remember_old_long_run(&mut self) {
        let p = self.profile;
        let long = &self.template.long_run;
        let week = p.weekly_before.value();
        let old = (week * long.share)
            .max(week / f64::from(p.runs_per_week))
            .min(long.max_distance.get(p.unit))
            .min(f64::from(long.max_minutes) / self.minutes_per_unit)
            .max(f64::from(self.min_run()) / 100.0);
        let day = p.start - Days::new(u64::from(p.layoff_days) + 1);
        self.runs.push((day, Distance::from_value(old)));
    }

    /// The longest run a week may need of each run: 12 mi / 20 km, or less
    /// when the long run's own caps (150 minutes at the runner's pace) are lower.
    fn longest_everyday_run(&self) -> f64 {
        let unit = self.profile.unit;
        let t = self.template;
        let long_minutes = f64::from(t.long_run.max_minutes) / self.minutes_per_unit;
        let max = t
            .run_length
            .max_distance
            .get(unit)
            .min(t.long_run.max_distance.get(unit));
        (max.min(long_minutes) * 10.0).floor() / 10.0
    }

    /// The shortest run, in hundredths: the template's minutes at the
    /// runner's own easy pace when they gave one, its distance otherwise.
    fn min_run(&self) -> u32 {
        let r = &self.template.run_length;
        let shortest = match self.easy {
            Some(_) => f64::from(r.min_minutes) / self.minutes_per_unit,
            None => r.min_distance.get(self.profile.unit),
        };
        // A goal week smaller than one shortest run is that one run.
        tenths_up(shortest).min(floor_tenth(self.profile.goal_weekly.hundredths()))
    }

    /// The run/walk weeks: the template's ladder from a rung chosen by the
    /// layoff (a runner who is numb now after a short layoff starts higher).
    fn run_walk_phase(&mut self, band: Option<&LayoffBand>) {
        let t = self.template;
        let bands = t.layoff_bands.len();
        let index = band
            .and_then(|b| t.layoff_bands.iter().position(|x| x == b))
            .unwrap_or(bands);
        let first = t.run_walk_ladder.len() * (bands - index) / (bands + 1);
        for rung in &t.run_walk_ladder[first..] {
            if self.weeks.len() >= MAX_WEEKS {
                return;
            }
            let layout = self.shape.layout(usize::from(t.run_walk_runs_per_week));
            let start = self.next_week_start();
            let running = f64::from(rung.running_seconds()) / 60.0 / self.minutes_per_unit;
            let runs = layout
                .runs
                .iter()
                .map(|d| {
                    self.runs
                        .push((start + Days::new(*d), Distance::from_value(running)));
                    (*d, Run::run_walk(*rung))
                })
                .collect();
            let continuous = rung.walk_seconds == 0;
            self.push_week(Phase::RunWalk, false, &layout, runs);
            if continuous {
                self.continuous_weeks += 1;
            }
        }
    }

    /// The distance weeks: the staged return (`steps`, fractions of the old
    /// volume), then the old volume, then up to the goal by the weekly cap.
    fn distance_phase(&mut self, steps: &[f64], after_run_walk: bool) {
        let t = self.template;
        let p = self.profile;
        let goal = p.goal_weekly.hundredths();
        let old = p.weekly_before.hundredths().min(goal);
        let cap = 1.0 + t.weekly_increase_cap;
        let mut first_target = None;
        let mut steps: Vec<u32> = steps.iter().map(|f| (f64::from(old) * f) as u32).collect();
        if after_run_walk {
            // The switch: the last run/walk week's running minutes at an easy
            // pace; the stages below it are already passed.
            let seconds: u32 = self
                .weeks
                .last()
                .map(|w| {
                    w.runs()
                        .filter_map(|r| r.intervals)
                        .map(|i| i.running_seconds())
                        .sum()
                })
                .unwrap_or(0);
            let first = tenths(f64::from(seconds) / 60.0 / self.minutes_per_unit).min(goal);
            steps.retain(|level| *level > first);
            first_target = Some(first);
        }
        let mut largest = 0u32;
        let mut before_recovery: Option<u32> = None;
        let mut build_weeks = 0u32;
        let mut goal_long: Option<u32> = None;
        let mut weeks_at_goal = 0;
        let mut step = 0usize;
        while self.weeks.len() < MAX_WEEKS {
            let staged = steps.get(step).copied();
            step += 1;
            // Recovery weeks in a build: after run/walk, and once the staged
            // return is over.
            let building = after_run_walk || staged.is_none();
            let cutback = building
                && build_weeks > 0
                && (build_weeks + 1).is_multiple_of(t.recovery_every)
                && weeks_at_goal == 0;
            let last = self.weeks.last().map(|w| {
                let long = w.runs().filter_map(|r| r.distance).max();
                (w.run_count(), long.map_or(0, Distance::hundredths))
            });
            // Runs a week grow one at a time.
            let most_runs = last.map_or(usize::from(p.runs_per_week), |(n, _)| n + 1);
            let runs_now = most_runs.min(usize::from(p.runs_per_week));
            let (target, long_cap) = if let Some(first) = first_target.take() {
                (first, goal_long)
            } else if cutback {
                // A recovery week: about 80% of the week, its long run too.
                let shorter = |x: u32| (f64::from(x) * t.recovery_fraction) as u32;
                (shorter(largest), last.map(|(_, long)| shorter(long)))
            } else if let Some(level) = before_recovery.take() {
                (level, goal_long)
            } else {
                let target = match staged {
                    Some(level) => level.max(largest).min(goal),
                    None if largest < old => old,
                    None => ((f64::from(largest) * cap) as u32).min(goal).max(old),
                };
                (target, goal_long)
            };
            let layout = self.shape.layout(runs_now);
            let runs = self.distance_week(&layout, target, long_cap, cutback);
            let distances = || {
                runs.iter()
                    .filter_map(|(_, r)| r.distance)
                    .map(Distance::hundredths)
            };
            let total: u32 = distances().sum();
            let at_goal = !cutback && total + TENTH * runs.len() as u32 >= goal;
            let long = distances().max();
            let phase = if at_goal { Phase::Goal } else { Phase::Build };
            self.push_week(phase, cutback, &layout, runs);
            self.continuous_weeks += 1;
            if cutback {
                before_recovery = Some(largest);
            } else {
                largest = largest.max(total);
            }
            if building {
                build_weeks += 1;
            }
            if at_goal {
                goal_long = goal_long.or(long);
                weeks_at_goal += 1;
                // The plan ends once the goal volume has been held for a week.
                if weeks_at_goal == 2 {
                    break;
                }
            }
        }
    }

    /// A distance week of `target` hundredths over the layout's run days: the
    /// long run first (its caps, and `long_cap`), the rest shared evenly, no
    /// run under the shortest (fewer runs instead) nor over 1.1x the 30-day
    /// longest.
    fn distance_week(
        &mut self,
        layout: &Layout,
        target: u32,
        long_cap: Option<u32>,
        cutback: bool,
    ) -> Vec<(u64, Run)> {
        let t = self.template;
        let unit = self.profile.unit;
        let min_run = self.min_run();
        let week_start = self.next_week_start();
        // Frandsen 2025: no run longer than 1.1x the longest of the previous
        // 30 days: the tightest window of the week's run days.
        let windows: Vec<Option<Distance>> = layout
            .runs
            .iter()
            .map(|d| self.longest_before(week_start + Days::new(*d)))
            .collect();
        // The first week after a layoff has no runs in the window: its runs
        // set the baseline together rather than capping one another.
        let first_week_back = windows.iter().all(Option::is_none);
        let allowed = windows
            .iter()
            .flatten()
            .map(|d| floor_tenth(d.scale_down(t.single_run_cap).hundredths()))
            .min()
            .unwrap_or(u32::MAX);
        let target = target.max(min_run);
        let by_time = f64::from(t.long_run.max_minutes) / self.minutes_per_unit * 100.0;
        let share = t.long_run.share;
        let long_for = |count: u32| {
            // The long run's share, or an even share rounded up so the week
            // still adds up.
            let even = f64::from(target.div_ceil(count).div_ceil(TENTH) * TENTH);
            let cap = (f64::from(target) * share)
                .max(even)
                .min(by_time)
                .min(t.long_run.max_distance.get(unit) * 100.0) as u32;
            let cap = cap.min(allowed).min(long_cap.unwrap_or(u32::MAX));
            floor_tenth(cap.min(target)).max(min_run.min(allowed))
        };
        // Fewer, longer runs when the week cannot give each its shortest, or,
        // on the way back to the old volume, when more runs would make the
        // longest much shorter than the 30-day longest: a staged return cuts
        // how often, not how far (run lengths are what Frandsen 2025 found
        // to matter, not weekly volume).
        // The 30-day longest that holds on every run day of the week.
        let longest = windows
            .iter()
            .map(|w| w.map_or(0, Distance::hundredths))
            .min()
            .unwrap_or(0);
        let old_run =
            self.profile.weekly_before.hundredths() / u32::from(self.profile.runs_per_week);
        let goal = self.profile.goal_weekly.hundredths();
        let old_volume = self.profile.weekly_before.hundredths().min(goal);
        // No run needs to be longer than the goal week's long run.
        let goal_long = (f64::from(goal) * share)
            .max(f64::from(goal) / f64::from(self.profile.runs_per_week))
            as u32;
        let keep = if cutback || target > old_volume {
            // Above the old volume the week grows by its runs, as usual.
            0
        } else if first_week_back {
            // After a month or more off, no run counts any more: the first
            // week's runs are at least half the old everyday run.
            (f64::from(old_run) * FIRST_BACK_SHARE) as u32
        } else {
            (f64::from(longest) * KEEP_LONGEST) as u32
        }
        .min(goal_long)
        .min(long_for(1));
        let mut count = (target / min_run).clamp(1, layout.runs.len() as u32);
        while count > 1
            && (long_for(count) < keep
                || target.saturating_sub(long_for(count)) / (count - 1) < min_run)
        {
            count -= 1;
        }
        let mut long = long_for(count);
        let others = count - 1;
        let each_for = |long: u32| {
            (others > 0).then(|| {
                floor_tenth(target.saturating_sub(long) / others)
                    .min(long)
                    .min(allowed)
            })
        };
        // When the other runs are held down, the long run keeps its share of
        // what the week then holds.
        let held_down = |each: &u32| {
            *each == allowed && floor_tenth(target.saturating_sub(long) / others.max(1)) > allowed
        };
        if let Some(each) = each_for(long).filter(held_down) {
            let week = long + each * others;
            let even = week.div_ceil(others + 1).div_ceil(TENTH) * TENTH;
            if f64::from(long) > (f64::from(week) * share).max(f64::from(even)) {
                let held = (share / (1.0 - share) * f64::from(each * others)) as u32;
                long = floor_tenth(held).max(each).min(long);
            }
        }
        let count = count as usize;
        let days = self.shape.runs(count).to_vec();
        let long_index = days
            .iter()
            .position(|d| *d == layout.long)
            .unwrap_or(count - 1);
        let mut planned = vec![long; count];
        if let Some(each) = each_for(long) {
            let mut leftover = target.saturating_sub(long + each * others);
            for (i, run) in planned.iter_mut().enumerate() {
                if i == long_index {
                    continue;
                }
                *run = each;
                if leftover >= TENTH && *run + TENTH <= long.min(allowed) {
                    *run += TENTH;
                    leftover -= TENTH;
                }
            }
        }
        let mut runs = Vec::with_capacity(count);
        let mut strides_left = self.strides_this_week(cutback);
        for (i, day) in days.iter().enumerate() {
            let date = week_start + Days::new(*day);
            let capped = if first_week_back {
                planned[i]
            } else {
                planned[i].min(allowed)
            };
            self.runs.push((date, Distance::from_hundredths(capped)));
            let is_long = i == long_index && count > 1;
            let strides = self.strides(&mut strides_left, is_long);
            runs.push((*day, self.distance_run(capped, is_long, strides)));
        }
        runs
    }

    /// How many runs get strides this week: after a few weeks of continuous
    /// running (Daniels), none in a recovery week.
    fn strides_this_week(&self, cutback: bool) -> u32 {
        let t = self.template;
        if !cutback && self.continuous_weeks >= t.strides.after_weeks {
            t.strides.per_week
        } else {
            0
        }
    }

    /// Strides for the next run, if any are left this week (never after the long run).
    fn strides(&self, left: &mut u32, long: bool) -> Option<StrideSet> {
        (!long && *left > 0).then(|| {
            *left -= 1;
            StrideSet {
                count: self.template.strides.count,
                seconds: self.template.strides.seconds,
            }
        })
    }

    fn distance_run(&self, hundredths: u32, long: bool, strides: Option<StrideSet>) -> Run {
        let distance = Distance::from_hundredths(hundredths);
        Run {
            distance: Some(distance),
            minutes: None,
            intervals: None,
            long,
            effort: Effort {
                words: if long {
                    Cow::Borrowed("easy and steady, conversational throughout")
                } else {
                    Cow::Borrowed("easy, conversational")
                },
                rpe: [3, 4],
                minutes: (distance.value() * self.minutes_per_unit).round() as u32,
                pace_seconds: self.easy.map(|e| [e.fast, e.slow]),
            },
            strides,
        }
    }

    /// The longest run in the 30 days before `date`.
    fn longest_before(&self, date: NaiveDate) -> Option<Distance> {
        let from = date - Days::new(30);
        self.runs
            .iter()
            .rev()
            .skip_while(|(d, _)| *d >= date)
            .take_while(|(d, _)| *d >= from)
            .map(|(_, distance)| *distance)
            .max()
    }

    fn next_week_start(&self) -> NaiveDate {
        self.profile.start + Days::new(7 * self.weeks.len() as u64)
    }

    /// Lays out a week's days: its runs, strength, optional cross-training or
    /// walks on free days, full rest on rest days; habits on run days (the
    /// weekly tips on the week's first run day).
    fn push_week(&mut self, phase: Phase, cutback: bool, layout: &Layout, runs: Vec<(u64, Run)>) {
        let t = self.template;
        let index = self.weeks.len() as u32;
        let start = self.next_week_start();
        let first_run = runs.iter().map(|(d, _)| *d).min();
        let mut runs = runs;
        runs.sort_by_key(|(d, _)| *d);
        let mut runs = runs.into_iter().peekable();
        let no_habits: Arc<[Habit]> = Arc::new([]);
        let days = (0..7u64)
            .map(|offset| {
                let mut sessions = Vec::new();
                let run = runs.next_if(|(d, _)| *d == offset).map(|(_, r)| r);
                let has_run = run.is_some();
                sessions.extend(run.map(Session::Run));
                if let Some(slot) = layout.strength.iter().position(|d| *d == offset) {
                    sessions.push(Session::Strength {
                        exercises: self.strength_session(slot, cutback),
                    });
                }
                if sessions.is_empty() {
                    sessions.push(if layout.rest.contains(&offset) {
                        Session::Rest
                    } else if t.cross_minutes > 0 {
                        Session::Cross {
                            minutes: t.cross_minutes,
                        }
                    } else if t.rest_day_walk_minutes > 0 {
                        Session::Walk {
                            minutes: t.rest_day_walk_minutes,
                        }
                    } else {
                        Session::Rest
                    });
                }
                let habits = match (has_run, first_run == Some(offset)) {
                    (true, true) => self.with_weekly.clone(),
                    (true, false) => self.every_run.clone(),
                    (false, _) => no_habits.clone(),
                };
                Day {
                    date: start + Days::new(offset),
                    sessions,
                    habits,
                }
            })
            .collect::<Vec<_>>();
        if !cutback {
            self.strength_weeks += 1;
        }
        let mut week = Week {
            week: index + 1,
            stage: index + 1,
            moved: None,
            start,
            phase,
            target_distance: None,
            target_minutes: None,
            cutback,
            days,
        };
        if phase == Phase::RunWalk {
            week.target_minutes = Some(week.runs().filter_map(|r| r.minutes).sum());
        } else {
            week.target_distance = Some(week.runs().filter_map(|r| r.distance).sum());
        }
        self.weeks.push(week);
    }

    /// The exercises of the `slot`-th strength day of this week: progress
    /// by the weeks of progress so far; a recovery week holds the dose and
    /// drops a set.
    fn strength_session(&self, slot: usize, cutback: bool) -> Vec<Exercise> {
        let s = &self.template.strength;
        let session = &self.sessions[slot % self.sessions.len()];
        let weeks = if cutback {
            self.strength_weeks.saturating_sub(1)
        } else {
            self.strength_weeks
        };
        let sets = (s.sets.start + weeks / s.sets.every_weeks).min(s.sets.max);
        let sets = if cutback {
            sets.saturating_sub(1).max(1)
        } else {
            sets
        };
        session
            .iter()
            .filter_map(|chain| dose_at(chain, weeks, sets))
            .collect()
    }
}

/// The variant and dose of an exercise chain after `weeks` weeks of progress.
fn dose_at(chain: &[Variant], weeks: u32, sets: u32) -> Option<Exercise> {
    let mut remaining = weeks;
    for (i, variant) in chain.iter().enumerate() {
        let steps = progression_weeks(variant.progression);
        if remaining < steps || i + 1 == chain.len() {
            let amount = progression_value(variant.progression, remaining.min(steps - 1));
            let (reps, hold_seconds) = match variant.dose {
                StrengthDose::Reps => (Some(amount), None),
                StrengthDose::Hold => (None, Some(amount)),
            };
            return Some(Exercise {
                id: variant.id.clone(),
                name: variant.name.clone(),
                region: variant.region,
                sets,
                reps,
                hold_seconds,
            });
        }
        remaining -= steps;
    }
    None
}

/// Weeks spent on one variant: start, start + step, ... up to and including max.
fn progression_weeks(p: Progression) -> u32 {
    (p.max - p.start).div_ceil(p.step) + 1
}

fn progression_value(p: Progression, week: u32) -> u32 {
    (p.start + p.step * week).min(p.max)
}

/// Rounds hundredths down to a tenth.
fn floor_tenth(hundredths: u32) -> u32 {
    hundredths / TENTH * TENTH
}

/// A value in the unit as hundredths, rounded down to a tenth.
fn tenths(value: f64) -> u32 {
    floor_tenth(Distance::from_value(value).hundredths())
}

/// A value in the unit as hundredths, rounded up to a tenth.
fn tenths_up(value: f64) -> u32 {
    Distance::from_value(value).hundredths().div_ceil(TENTH) * TENTH
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Interval;

    #[test]
    fn reps_climb_by_two_to_the_ceiling() {
        let p = Progression {
            start: 8,
            step: 2,
            max: 15,
        };
        let values: Vec<u32> = (0..progression_weeks(p))
            .map(|w| progression_value(p, w))
            .collect();
        assert_eq!(values, vec![8, 10, 12, 14, 15]);
    }

    #[test]
    fn intervals_describe_themselves() {
        let rung = Interval {
            run_seconds: 60,
            walk_seconds: 90,
            repeats: 8,
        };
        assert_eq!(rung.describe(), "8 x (1:00 run, 1:30 walk)");
        assert_eq!(rung.minutes(), 20);
    }

    #[test]
    fn six_to_28_days_spend_half_the_layoff_on_each_step() {
        let band = LayoffBand {
            up_to_days: 28,
            steps: vec![0.5, 0.75],
            weeks_each: None,
        };
        assert_eq!(staged(&band, 21), vec![0.5, 0.5, 0.75]);
        assert_eq!(staged(&band, 14), vec![0.5, 0.75]);
        assert_eq!(staged(&band, 6), vec![0.5, 0.75]);
        assert_eq!(staged(&band, 28), vec![0.5, 0.5, 0.75, 0.75]);
    }
}
