//! Laying a planned week on its seven days: the runs on the runner's days
//! (the long run on theirs), strength on the days the week shape gives it,
//! optional cross-training or walks on free days, full rest on rest days,
//! and the habits on run days.
//!
//! Strength (joenortonpt.com progressions; McGill's big three; McKeon 2015,
//! BJSM, for the foot core): 2–3 sessions a week, never on consecutive
//! days nor the day before the long run; reps +2 a week to the ceiling, then
//! the harder variant; sets 2 -> 3; a recovery week one set lighter.

use super::super::layout::WeekShape;
use super::super::pace::EasyPace;
use super::super::template::{HabitEvery, Progression, StrengthDose};
use super::super::{
    Day, Distance, Effort, Exercise, Habit, Phase, Profile, Run, Session, StrideSet, Template, Week,
};
use super::weeks::{Planned, PlannedWeek};
use chrono::{Days, NaiveDate};
use std::borrow::Cow;
use std::sync::Arc;

/// Lays planned weeks on days for one profile.
pub(super) struct DayPlanner<'a> {
    template: &'a Template,
    start: NaiveDate,
    shape: WeekShape,
    minutes_per_unit: f64,
    easy: Option<EasyPace>,
    every_run: Arc<[Habit]>,
    with_weekly: Arc<[Habit]>,
    /// Each strength session's exercises as their chains of variants,
    /// easiest first, looked up once.
    sessions: Vec<Vec<Vec<Variant>>>,
    /// Weeks of strength progress so far (recovery weeks do not count).
    strength_weeks: u32,
    /// The last day that had strides, so the next week's first strides
    /// are not the day after it.
    last_strides: Option<NaiveDate>,
}

/// One variant of an exercise, with what dosing it needs.
struct Variant {
    id: Arc<str>,
    name: Arc<str>,
    region: super::super::Region,
    progression: Progression,
    dose: StrengthDose,
}

impl<'a> DayPlanner<'a> {
    pub fn new(
        profile: &Profile,
        template: &'a Template,
        minutes_per_unit: f64,
        easy: Option<EasyPace>,
    ) -> DayPlanner<'a> {
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
        DayPlanner {
            template,
            start: profile.start,
            shape,
            minutes_per_unit,
            easy,
            every_run,
            with_weekly: template.habits.clone().into(),
            sessions: strength_chains(template),
            strength_weeks: 0,
            last_strides: None,
        }
    }

    /// The week `planned` as week number `index + 1` of the plan.
    pub fn week(&mut self, index: usize, planned: &PlannedWeek) -> Week {
        let layout = match planned.phase {
            Phase::RunWalk => self.shape.run_walk_layout(planned.runs.len()),
            _ => self.shape.layout(planned.runs.len()),
        };
        let start = self.start + Days::new(7 * index as u64);
        // The long-run day takes the first planned run, the others follow
        // in day order.
        let mut others = planned.runs.iter().skip(1);
        let mut by_day: Vec<(u64, Run)> = Vec::with_capacity(layout.runs.len());
        for day in &layout.runs {
            let run = if *day == layout.long {
                planned.runs.first()
            } else {
                others.next()
            };
            if let Some(run) = run {
                by_day.push((*day, self.run(run)));
            }
        }
        self.space_strides(start, layout.long, &mut by_day);
        let first_run = by_day.iter().map(|(d, _)| *d).min();
        let mut runs = by_day.into_iter().peekable();
        let no_habits: Arc<[Habit]> = Arc::new([]);
        let days = (0..7u64)
            .map(|offset| {
                let mut sessions = Vec::new();
                let run = runs.next_if(|(d, _)| *d == offset).map(|(_, r)| r);
                let has_run = run.is_some();
                sessions.extend(run.map(Session::Run));
                if let Some(slot) = layout.strength.iter().position(|d| *d == offset) {
                    sessions.push(Session::Strength {
                        exercises: self.strength_session(slot, planned.cutback),
                    });
                }
                if sessions.is_empty() {
                    sessions.push(self.free_day(layout.rest.contains(&offset)));
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
        if !planned.cutback {
            self.strength_weeks += 1;
        }
        let mut week = Week {
            week: index as u32 + 1,
            stage: index as u32 + 1,
            moved: None,
            start,
            phase: planned.phase,
            target_distance: None,
            target_minutes: None,
            cutback: planned.cutback,
            days,
        };
        if planned.phase == Phase::RunWalk {
            week.target_minutes = Some(week.runs().filter_map(|r| r.minutes).sum());
        } else {
            week.target_distance = Some(week.runs().filter_map(|r| r.distance).sum());
        }
        week
    }

    /// Moves the week's strides to everyday runs with a day between them
    /// (and after last week's), earliest first: two sessions of quick
    /// running back to back give the legs no easy day between (Daniels'
    /// Running Formula: strides as light work spread through the week).
    /// A week whose everyday runs cannot keep them apart has fewer; the
    /// long-run day never has them.
    fn space_strides(&mut self, start: NaiveDate, long_day: u64, by_day: &mut [(u64, Run)]) {
        let mut left = by_day.iter().filter(|(_, r)| r.strides.is_some()).count();
        let Some(set) = by_day.iter().find_map(|(_, r)| r.strides) else {
            return;
        };
        for (day, run) in by_day.iter_mut() {
            run.strides = None;
            let date = start + Days::new(*day);
            let apart = self
                .last_strides
                .is_none_or(|last| date > last + Days::new(1));
            if left > 0 && *day != long_day && !run.long && apart {
                run.strides = Some(set);
                self.last_strides = Some(date);
                left -= 1;
            }
        }
    }

    /// A day with neither a run nor strength: full rest on a rest day,
    /// otherwise the template's optional cross-training or walk.
    fn free_day(&self, rest: bool) -> Session {
        let t = self.template;
        if rest {
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
        }
    }

    fn run(&self, planned: &Planned) -> Run {
        match *planned {
            Planned::RunWalk(rung) => Run::run_walk(rung),
            Planned::Distance {
                hundredths,
                long,
                strides,
            } => {
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
                    strides: strides.then_some(StrideSet {
                        count: self.template.strides.count,
                        seconds: self.template.strides.seconds,
                    }),
                }
            }
        }
    }

    /// The exercises of the `slot`-th strength day of this week: progress
    /// by the weeks of progress so far; a recovery week holds the dose and
    /// drops a set.
    fn strength_session(&self, slot: usize, cutback: bool) -> Vec<Exercise> {
        let s = &self.template.strength;
        let Some(session) = self.sessions.get(slot % self.sessions.len().max(1)) else {
            return Vec::new();
        };
        let weeks = if cutback {
            self.strength_weeks.saturating_sub(1)
        } else {
            self.strength_weeks
        };
        let sets = (s.sets.start + weeks / s.sets.every_weeks.max(1)).min(s.sets.max);
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

/// Each strength session's exercises as chains of variants, easiest first.
fn strength_chains(template: &Template) -> Vec<Vec<Vec<Variant>>> {
    let s = &template.strength;
    s.sessions
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
        .collect()
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
    (p.max - p.start).div_ceil(p.step.max(1)) + 1
}

fn progression_value(p: Progression, week: u32) -> u32 {
    (p.start + p.step * week).min(p.max)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
