//! Recovery weeks (DESIGN.md §2 v3, rule 6; DOMAIN.md §2): after every
//! three weeks of growth, a week of every run about 80% as long as the
//! last full week's; the week after it takes the next step, 10% past that
//! full week (Nielsen et al. 2014, a week over 30% above the last raised
//! injury; the coach's fourth review: a step from the lightened week on to
//! the one after it was 21% past the last full week). So each recovery
//! week adds a week to the return.

use super::super::model::{TENTH, floor_tenth, scaled};
use super::{Carry, Phase, Planned, PlannedWeek, Return};

impl Return<'_> {
    /// Pushes a recovery week after the last full week, its runs each
    /// shortened to the template's fraction; false, with nothing pushed,
    /// when that would not make it lighter (runs at the shortest already).
    /// None either when the last full week is within half a step (5%) of
    /// the goal: a week off the climb before so small a last step only
    /// delays the goal.
    pub(super) fn recovery_week(&mut self, carry: &mut Carry) -> bool {
        let m = self.model;
        let half_step = 1.0 + self.template.weekly_increase_cap / 2.0;
        if scaled(carry.last_total, half_step) >= m.goal {
            return false;
        }
        let fraction = self.template.recovery_fraction;
        let runs: Vec<u32> = carry
            .last_full
            .iter()
            .map(|r| floor_tenth(scaled(*r, fraction)).max(m.min_run).min(*r))
            .collect();
        let total: u32 = runs.iter().sum();
        if runs.is_empty() || total + TENTH > carry.last_total {
            return false;
        }
        let long = runs[0];
        let is_long = runs.len() > 1 && runs[1..].iter().all(|r| *r < long);
        self.weeks.push(PlannedWeek {
            phase: Phase::Build,
            cutback: true,
            runs: runs
                .iter()
                .enumerate()
                .map(|(i, r)| Planned::Distance {
                    hundredths: *r,
                    long: i == 0 && is_long,
                    strides: false,
                })
                .collect(),
        });
        self.longest.push(runs.iter().copied().max().unwrap_or(0));
        carry.continuous_weeks += 1;
        carry.last_total = total;
        true
    }
}
