//! Planned against done, week by week: what the Progress screen draws.

use super::{Assessment, Journal};
use crate::plan::{Distance, Plan, Template};
use chrono::Days;

/// One calendar week's plan against what the journal says was done.
#[derive(Debug, Clone, PartialEq)]
pub struct WeekProgress {
    pub week: u32,
    pub planned_distance: Distance,
    pub done_distance: Distance,
    pub planned_runs: u32,
    /// Runs done, a run cut short counting half.
    pub done_runs: f64,
}

impl Assessment {
    /// Planned and done for every week up to and including today's.
    pub fn progress(
        &self,
        plan: &Plan,
        template: &Template,
        journal: &Journal,
    ) -> Vec<WeekProgress> {
        let last = self.current.unwrap_or(self.weeks.len().saturating_sub(1));
        (0..self.weeks.len())
            .take_while(|i| *i <= last && self.weeks[*i].start <= self.today)
            .filter_map(|i| self.week(plan, template, i))
            .map(|week| {
                let mut done_distance = Distance::ZERO;
                let mut done_runs = 0.0;
                for c in journal.between(week.start, week.start + Days::new(6)) {
                    let credit = c.run_credit();
                    done_runs += credit;
                    let planned = week
                        .days
                        .iter()
                        .find(|d| d.date == c.date)
                        .and_then(|d| d.runs().find_map(|r| r.distance));
                    if let Some(d) = planned {
                        done_distance = done_distance + d.scale_down(credit);
                    }
                }
                WeekProgress {
                    week: week.week,
                    planned_distance: week.target_distance.unwrap_or_default(),
                    done_distance,
                    planned_runs: week.run_count() as u32,
                    done_runs,
                }
            })
            .collect()
    }
}
