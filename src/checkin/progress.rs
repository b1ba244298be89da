//! Planned against done, week by week, and the numbness trend: what the
//! Progress screen draws. "Done" is what was actually run where the runner
//! gave it (a check-in's numbers or runs imported from files), else the
//! planned run counted as done.

use super::{Assessment, Journal};
use crate::plan::{Distance, Phase, Plan, Template};
use chrono::{Days, NaiveDate};

/// One calendar week's plan against what was done, up to today.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekProgress {
    pub week: u32,
    pub start: NaiveDate,
    /// A run/walk week: compare minutes, not distance.
    pub run_walk: bool,
    pub planned_distance: Distance,
    pub done_distance: Distance,
    pub planned_minutes: u32,
    pub done_minutes: u32,
    /// Planned runs on days up to today.
    pub planned_runs: u32,
    /// Runs done, a run cut short counting half.
    pub done_runs: f64,
    /// Whether any of "done" came from actual numbers.
    pub actual: bool,
    /// The mean numbness level of the week's check-ins, if any.
    pub numbness: Option<f64>,
}

impl Assessment {
    /// Planned and done for every week up to and including today's.
    pub fn progress(
        &self,
        plan: &Plan,
        template: &Template,
        journal: &Journal,
    ) -> Vec<WeekProgress> {
        let unit = plan.profile.unit;
        let last = self.current.unwrap_or(self.weeks.len().saturating_sub(1));
        (0..self.weeks.len())
            .take_while(|i| *i <= last && self.weeks[*i].start <= self.today)
            .filter_map(|i| self.week(plan, template, i))
            .map(|week| {
                let upto = (week.start + Days::new(6)).min(self.today);
                let mut p = WeekProgress {
                    week: week.week,
                    start: week.start,
                    run_walk: week.phase == Phase::RunWalk,
                    planned_distance: week.target_distance.unwrap_or_default(),
                    done_distance: Distance::ZERO,
                    planned_minutes: week.runs().map(|r| r.effort.minutes).sum(),
                    done_minutes: 0,
                    planned_runs: week
                        .days
                        .iter()
                        .filter(|d| d.date <= upto && d.has_run())
                        .count() as u32,
                    done_runs: 0.0,
                    actual: false,
                    numbness: None,
                };
                let checkins = journal.between(week.start, upto);
                let levels: Vec<f64> = checkins
                    .iter()
                    .map(|c| f64::from(c.numbness.level()))
                    .collect();
                p.numbness =
                    (!levels.is_empty()).then(|| levels.iter().sum::<f64>() / levels.len() as f64);
                let mut day = week.start;
                while day <= upto {
                    let planned = week
                        .days
                        .iter()
                        .find(|d| d.date == day)
                        .and_then(|d| d.runs().next());
                    let checkin = checkins.iter().find(|c| c.date == day);
                    let credit = checkin.map_or(0.0, |c| c.run_credit());
                    let distance = journal.distance_run_on(day, unit);
                    let minutes = journal.minutes_run_on(day);
                    let ran = credit > 0.0
                        || journal.ran_on(day)
                        || distance.is_some()
                        || minutes.is_some();
                    if ran {
                        p.done_runs += if credit > 0.0 { credit } else { 1.0 };
                    }
                    p.actual |= distance.is_some() || minutes.is_some();
                    let share = if credit > 0.0 {
                        credit
                    } else if ran {
                        1.0
                    } else {
                        0.0
                    };
                    p.done_distance = p.done_distance
                        + distance.unwrap_or_else(|| {
                            planned
                                .and_then(|r| r.distance)
                                .map_or(Distance::ZERO, |d| d.scale_down(share))
                        });
                    p.done_minutes += minutes.unwrap_or_else(|| {
                        planned.map_or(0, |r| (f64::from(r.effort.minutes) * share).round() as u32)
                    });
                    day = day + Days::new(1);
                }
                p
            })
            .collect()
    }

    /// Days since the last check-in with numbness, and its date.
    pub fn since_last_symptom(&self, journal: &Journal) -> Option<(NaiveDate, i64)> {
        journal
            .checkins()
            .iter()
            .rev()
            .filter(|c| c.date <= self.today)
            .find(|c| c.numbness.is_symptomatic())
            .map(|c| (c.date, (self.today - c.date).num_days()))
    }
}
