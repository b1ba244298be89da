//! The generator: profile + template -> the ladder of weekly stages.
//!
//! Deterministic and pure. The rules and their sources:
//! - Week-1 volume by layoff band (Daniels' Running Formula, table 9.2).
//! - Long layoffs, and `cautious` runners who are numb now, start with run/walk
//!   in minutes (US Army return-to-run trial, Trials 2023; NHS Couch to 5K).
//! - No week above (1 + cap) x the largest earlier week (Buist 2008, Nielsen 2014).
//! - No run above 1.1x the longest run of the previous 30 days (Frandsen 2025).
//! - A recovery week every few weeks of a build (Higdon, Pfitzinger).
//! - Strength 2–3 days a week, not on consecutive days, reps +2 a week to the
//!   ceiling then the harder variant (joenortonpt.com progressions; McGill's
//!   big three for the core; McKeon 2015, BJSM, for the foot core).

use super::template::{Progression, StrengthDose};
use super::{
    Day, Distance, Exercise, Habit, Phase, Plan, Profile, ProfileError, Run, Session, Template,
    Week,
};
use chrono::{Days, NaiveDate};

/// A plan never runs longer than this, whatever the template says.
pub const MAX_WEEKS: usize = 156;

/// Smallest first distance week, in hundredths: one unit.
const SMALLEST_FIRST_WEEK: u32 = 100;

/// Builds the plan for `profile` from `template`.
pub fn generate(profile: &Profile, template: &Template) -> Result<Plan, ProfileError> {
    profile.validate()?;
    let mut builder = Builder {
        profile,
        template,
        weeks: Vec::new(),
        runs: Vec::new(),
    };
    let run_walk = builder.run_walk_phase();
    builder.distance_phase(run_walk);
    Ok(Plan {
        profile: profile.clone(),
        template_name: template.name.clone(),
        template_version: template.version,
        weeks: builder.weeks,
    })
}

struct Builder<'a> {
    profile: &'a Profile,
    template: &'a Template,
    weeks: Vec<Week>,
    /// Every distance run placed so far, for the 30-day rule.
    runs: Vec<(NaiveDate, Distance)>,
}

impl Builder<'_> {
    /// Adds the run/walk weeks, if this runner needs them; says whether it did.
    fn run_walk_phase(&mut self) -> bool {
        let t = self.template;
        let needed = t.band_fraction(self.profile.layoff_days).is_none()
            || (self.profile.numb_now && t.run_walk_when_numb);
        if !needed {
            return false;
        }
        let skip = if self.profile.cross_trained {
            (t.cross_trained_skip_rungs as usize).min(t.run_walk_ladder.len() - 1)
        } else {
            0
        };
        for rung in &t.run_walk_ladder[skip..] {
            let days = run_days(t.run_walk_runs_per_week);
            let run = Run {
                distance: None,
                minutes: Some(rung.minutes()),
                intervals: Some(*rung),
                long: false,
            };
            let runs = days.iter().map(|_| run.clone()).collect();
            self.push_week(Phase::RunWalk, false, days, runs);
        }
        true
    }

    fn distance_phase(&mut self, after_run_walk: bool) {
        let t = self.template;
        let p = self.profile;
        let fraction = match t.band_fraction(p.layoff_days) {
            Some(f) if after_run_walk => f.min(t.after_run_walk_fraction),
            Some(f) => f,
            None => t.after_run_walk_fraction,
        };
        let goal = p.goal_weekly;
        let first = p
            .weekly_before
            .scale_down(fraction)
            .max(Distance::from_hundredths(SMALLEST_FIRST_WEEK))
            .min(goal);

        let mut build_week = 0;
        let mut largest = Distance::ZERO;
        let mut previous = Distance::ZERO;
        let mut previous_at_goal = false;
        let mut weeks_at_goal = 0;
        while self.weeks.len() < MAX_WEEKS {
            build_week += 1;
            let cutback = build_week > 1 && build_week % t.recovery_every == 0 && !previous_at_goal;
            let target = if build_week == 1 {
                first
            } else if cutback {
                previous.scale_down(t.recovery_fraction)
            } else {
                largest.scale_down(1.0 + t.weekly_increase_cap).min(goal)
            };
            let at_goal = !cutback && target >= goal;
            let phase = if at_goal { Phase::Goal } else { Phase::Build };
            let days = run_days(p.runs_per_week);
            let planned = match self.weeks.last() {
                // A recovery week: the week before, every run shortened alike.
                Some(before) if cutback => before
                    .runs()
                    .filter_map(|r| r.distance)
                    .map(|d| d.scale_down(t.recovery_fraction).hundredths())
                    .collect(),
                _ => self.split(target, &days),
            };
            let runs = self.place(&days, planned);
            let total = runs.iter().filter_map(|r| r.distance).sum();
            self.push_week(phase, cutback, days, runs);
            largest = largest.max(total);
            previous = total;
            previous_at_goal = at_goal;
            if at_goal {
                weeks_at_goal += 1;
                // The plan ends once the goal volume has been held for a week.
                if weeks_at_goal == 2 {
                    break;
                }
            }
        }
    }

    /// Splits a week's target over its run days, in hundredths: easy runs first,
    /// the long run last.
    fn split(&self, target: Distance, days: &[u64]) -> Vec<u32> {
        let t = self.template;
        let n = days.len() as u32;
        let first_run = self.next_week_start() + Days::new(days[0]);
        let total = target.hundredths();
        let share_cap = target.scale_down(t.long_run_share).hundredths();

        match self.longest_before(first_run) {
            // The first distance week: easy runs, then a long run at most
            // `single_run_cap` times them and at most `long_run_share` of the week.
            None => {
                let share = t.long_run_share;
                let ratio = t
                    .single_run_cap
                    .min(share * f64::from(n - 1) / (1.0 - share).max(1e-9));
                let easy = (f64::from(total) / (f64::from(n - 1) + ratio)).floor() as u32;
                let long = (f64::from(easy) * ratio + 1e-9).floor() as u32;
                let mut runs = vec![easy; n as usize - 1];
                let mut leftover = total.saturating_sub(easy * (n - 1) + long);
                for run in runs.iter_mut() {
                    if leftover > 0 && *run < long {
                        *run += 1;
                        leftover -= 1;
                    }
                }
                runs.push(long);
                runs
            }
            Some(longest) => {
                let cap = longest.scale_down(t.single_run_cap).hundredths();
                let long = share_cap.min(cap);
                let rest = total.saturating_sub(long);
                let easy = rest / (n - 1);
                let leftover = rest % (n - 1);
                if easy + u32::from(leftover > 0) > long {
                    vec![(total / n).min(cap); n as usize]
                } else {
                    let mut runs: Vec<u32> =
                        (0..n - 1).map(|i| easy + u32::from(i < leftover)).collect();
                    runs.push(long);
                    runs
                }
            }
        }
    }

    /// Places planned distances (hundredths) on the week's run days, each clamped
    /// in date order by the 30-day rule, and records them for later weeks.
    fn place(&mut self, days: &[u64], mut plan: Vec<u32>) -> Vec<Run> {
        let t = self.template;
        let week_start = self.next_week_start();
        let dates: Vec<NaiveDate> = days.iter().map(|d| week_start + Days::new(*d)).collect();
        plan.resize(dates.len(), 0);
        // Frandsen 2025: no run longer than 1.1x the longest of the previous 30 days.
        for (i, date) in dates.iter().enumerate() {
            if let Some(longest) = self.longest_before(*date) {
                plan[i] = plan[i].min(longest.scale_down(t.single_run_cap).hundredths());
            }
            self.runs.push((*date, Distance::from_hundredths(plan[i])));
        }
        let last = plan.len() - 1;
        plan.iter()
            .enumerate()
            .map(|(i, hundredths)| Run {
                distance: Some(Distance::from_hundredths(*hundredths)),
                minutes: None,
                intervals: None,
                long: i == last,
            })
            .collect()
    }

    /// The longest distance run in the 30 days before `date`.
    fn longest_before(&self, date: NaiveDate) -> Option<Distance> {
        let from = date - Days::new(30);
        // Runs are recorded in date order: walk back only as far as the window.
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

    fn push_week(&mut self, phase: Phase, cutback: bool, run_days: Vec<u64>, runs: Vec<Run>) {
        let t = self.template;
        let stage = self.weeks.len() as u32;
        let start = self.next_week_start();
        let long_day = run_days.last().copied().unwrap_or(6);
        let strength = strength_days(t.strength.days_per_week, &run_days, long_day);
        let habits: std::sync::Arc<[Habit]> = t.habits.clone().into();
        let no_habits: std::sync::Arc<[Habit]> = std::sync::Arc::new([]);
        let mut runs = runs.into_iter();
        let days = (0..7u64)
            .map(|offset| {
                let mut sessions = Vec::new();
                let has_run = run_days.contains(&offset);
                if has_run {
                    if let Some(run) = runs.next() {
                        sessions.push(Session::Run(run));
                    }
                }
                if let Some(slot) = strength.iter().position(|d| *d == offset) {
                    sessions.push(Session::Strength {
                        exercises: self.strength_session(slot, stage),
                    });
                }
                if sessions.is_empty() {
                    sessions.push(if t.rest_day_walk_minutes > 0 {
                        Session::Walk {
                            minutes: t.rest_day_walk_minutes,
                        }
                    } else {
                        Session::Rest
                    });
                }
                Day {
                    date: start + Days::new(offset),
                    habits: if has_run {
                        habits.clone()
                    } else {
                        no_habits.clone()
                    },
                    sessions,
                }
            })
            .collect::<Vec<_>>();
        let mut week = Week {
            week: stage + 1,
            stage: stage + 1,
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

    /// The exercises of the `slot`-th strength day of stage `stage`.
    fn strength_session(&self, slot: usize, stage: u32) -> Vec<Exercise> {
        let s = &self.template.strength;
        let session = &s.sessions[slot % s.sessions.len()];
        session
            .iter()
            .filter_map(|root| self.dose_at(root, stage))
            .collect()
    }

    /// The variant and dose of an exercise chain after `weeks` weeks of progress.
    fn dose_at(&self, root: &str, weeks: u32) -> Option<Exercise> {
        let s = &self.template.strength;
        let chain = self.template.variant_chain(root);
        let mut remaining = weeks;
        for (i, exercise) in chain.iter().enumerate() {
            let progression = match exercise.dose {
                StrengthDose::Reps => s.reps,
                StrengthDose::Hold => s.hold_seconds,
            };
            let steps = progression_weeks(progression);
            if remaining < steps || i + 1 == chain.len() {
                let amount = progression_value(progression, remaining.min(steps - 1));
                let (reps, hold_seconds) = match exercise.dose {
                    StrengthDose::Reps => (Some(amount), None),
                    StrengthDose::Hold => (None, Some(amount)),
                };
                return Some(Exercise {
                    id: exercise.id.clone(),
                    name: exercise.name.clone(),
                    region: exercise.region,
                    sets: s.sets,
                    reps,
                    hold_seconds,
                });
            }
            remaining -= steps;
        }
        None
    }
}

/// Weeks spent on one variant: start, start + step, ... up to and including max.
fn progression_weeks(p: Progression) -> u32 {
    (p.max - p.start).div_ceil(p.step) + 1
}

fn progression_value(p: Progression, week: u32) -> u32 {
    (p.start + p.step * week).min(p.max)
}

/// Run days (0 = the week's first day), spread so no two runs fall on
/// consecutive days where the count allows; the long run is the last.
fn run_days(runs_per_week: u8) -> Vec<u64> {
    match runs_per_week {
        0..=3 => vec![0, 2, 4],
        4 => vec![0, 2, 4, 6],
        5 => vec![0, 2, 3, 5, 6],
        _ => vec![0, 1, 2, 4, 5, 6],
    }
}

/// Strength days: never consecutive (days 1–5 only, so not across weeks either),
/// never on the long-run day, on as few run days as possible, spread widest.
fn strength_days(count: u8, run_days: &[u64], long_day: u64) -> Vec<u64> {
    let count = count as usize;
    let candidates: Vec<u64> = (1..=5).filter(|d| *d != long_day).collect();
    (0u32..(1 << candidates.len()))
        .filter(|mask| mask.count_ones() as usize == count)
        .map(|mask| {
            candidates
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, d)| *d)
                .collect::<Vec<u64>>()
        })
        .filter(|days| days.windows(2).all(|w| w[1] - w[0] >= 2))
        .min_by_key(|days| {
            let on_runs = days.iter().filter(|d| run_days.contains(d)).count();
            let narrowest_gap = days
                .windows(2)
                .map(|w| w[1] - w[0])
                .chain(days.first().zip(days.last()).map(|(f, l)| 7 - l + f))
                .min()
                .unwrap_or(7);
            (on_runs, std::cmp::Reverse(narrowest_gap))
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Interval;

    #[test]
    fn strength_days_avoid_run_days_when_they_can() {
        assert_eq!(strength_days(2, &[0, 2, 4], 4), vec![1, 5]);
        assert_eq!(strength_days(3, &[0, 2, 4, 6], 6), vec![1, 3, 5]);
        assert_eq!(strength_days(2, &[0, 2, 3, 5, 6], 6), vec![1, 4]);
    }

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
}
