//! The first distance week's entry: how many runs it may have, and how long
//! each may be, after a layoff, after run/walk or after a numb runner's
//! lead-in (DESIGN.md §2 v3, rules 2 and 3).

use super::super::model::{TENTH, floor_tenth, scaled, tenth_up};
use super::Return;

impl Return<'_> {
    /// The most runs the first distance week has: after the run/walk of a
    /// long layoff or a numb runner's lead-in, as many as its sessions.
    pub(super) fn first_runs(&self) -> usize {
        // (Less a hair: 4.0000001 runs are four.)
        (self.first_budget() - 1e-6).ceil() as usize
    }

    /// How many runs at the first week's cap its volume may come to: the
    /// model's count by days off, fractional between two counts (the
    /// coach's thirteenth round: 55 mi / 5 runs was five runs, 46.5 mi,
    /// after 11 days and four, 34.8 mi, after 12), or the lead-in's or the
    /// run/walk's sessions.
    pub(super) fn first_budget(&self) -> f64 {
        let runs = self.model.first_runs.max(3.0);
        if let Some(sessions) = self.after_lead_in {
            // As many runs as the lead-in's last week had sessions: the
            // walk breaks end and the runs lengthen, no run joins that week
            // too (the coach's tenth review: weekly running rose 32–47% at
            // the switch).
            runs.min(sessions as f64)
        } else if self.model.run_walk_from.is_some() {
            // As many as the run/walk weeks had sessions: the switch ends
            // the walks and adds no run (the coach's eleventh review: three
            // 30-minute runs became four, +29%, at the switch).
            runs.min(f64::from(self.template.run_walk_runs_per_week))
        } else {
            runs
        }
    }

    /// How many runs the first week's `target` takes at `cap`: where its
    /// budget of runs holds it, the count that rounds up to (the last run
    /// the fraction's, shorter); else runs at the cap and the rest as one
    /// shorter run when it is a run's worth, so a day more off never takes
    /// a whole run off the week (30 mi / 4 runs was 25.2 mi after 12 days
    /// off and 18.3 after 13, then 41% more in the second week).
    pub(super) fn first_count(&self, target: u32, cap: u32, long_cap: u32) -> usize {
        if target >= self.first_volume(long_cap) {
            return self.first_runs();
        }
        let cap = cap.max(TENTH);
        (target / cap) as usize + usize::from(target % cap >= self.model.min_run)
    }

    /// The most the first week holds: its budget of runs at the cap.
    pub(super) fn first_volume(&self, cap: u32) -> u32 {
        floor_tenth((self.first_budget() * f64::from(cap)) as u32)
    }

    /// The first week's cap on every run: the first week back's, or after
    /// run/walk none over 1.1x its running minutes either.
    pub(super) fn entry_cap(&self, longest: u32) -> Option<u32> {
        let m = self.model;
        let after_run_walk =
            longest > 0 && (m.run_walk_from.is_some() || self.after_lead_in.is_some());
        let by_run_walk = floor_tenth(scaled(longest, self.template.single_run_cap));
        // Nor under the run/walk's running minutes by more than the 1.1x
        // the other way, whatever the first week back's own cap: the
        // run/walk weeks were the first weeks back, and the first distance
        // week is about their last week's running at an easy pace (DOMAIN.md
        // §2, from run/walk to distance; the coach's fourth review: 30
        // minutes continuous, then 21-minute runs; the thirteenth: then
        // 24-minute runs, the week's running cut 13–20%). (Never past the
        // usual everyday run: rule 2's first week.)
        let usual = m.old_week / m.runs.max(1) as u32;
        let kept = tenth_up(scaled(longest, 1.0 / self.template.single_run_cap)).min(usual);
        match m.first_cap {
            Some(cap) if after_run_walk => Some(
                cap.min(by_run_walk)
                    .max(kept.min(by_run_walk))
                    .min(m.everyday_limit),
            ),
            None if after_run_walk => Some(by_run_walk.min(m.everyday_limit)),
            other => other.map(|c| c.min(m.everyday_limit)),
        }
    }
}
