//! The return, week by week: the runs each week holds before they are laid
//! on days. Run/walk first after a long break (or as a numb runner's
//! lead-in), then distance weeks where the long run leads and the everyday
//! runs catch up, until the goal week has its normal shape and is held.
//!
//! The rules (DESIGN.md §2 v3; DOMAIN.md §2):
//! - the week's volume follows Daniels' staged return by the layoff, then
//!   the old volume, then 10% a week above it (Buist 2008; Nielsen 2014);
//! - frequency before length: the first week back has at least three runs,
//!   none longer than its cap (the coach's second review, 2026-12);
//! - no run over 1.1x the longest of the previous 30 days, counted over the
//!   three whole weeks before (Frandsen et al. 2025, BJSM);
//! - a 5th or 6th run only once runs last 30 minutes; runs added one a
//!   week, and never so that the others shrink by more than a tenth;
//! - a recovery week after every three weeks of growth (3 up, 1 down),
//!   after which the build takes its next step from the last full week
//!   (Higdon, Pfitzinger; `recovery`).

use super::model::{
    MINUTES_BEFORE_MORE_RUNS, Model, TENTH, floor_tenth, lead_by, scaled, tenth_up,
};
use super::shape::{Shape, fill, goal_shortest};
use crate::plan::{Interval, Phase, Template};

mod entry;
mod ladder;
mod numb;
mod recovery;

use ladder::Ladder;

/// A plan never runs longer than this, whatever the template says.
pub const MAX_WEEKS: usize = 156;

/// The first week back's runs last at least this long, within its cap.
const FIRST_RUN_MINUTES: f64 = 30.0;

/// A numb runner's distance week grows past the week before by at most this.
const NUMB_WEEK_GROWTH_MOST: f64 = 1.3;

/// One run of a planned week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Planned {
    RunWalk(Interval),
    Distance {
        hundredths: u32,
        long: bool,
        strides: bool,
    },
}

/// A week's runs, the long-run day's first.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PlannedWeek {
    pub phase: Phase,
    pub cutback: bool,
    pub runs: Vec<Planned>,
}

/// How a distance week came out.
struct Outcome {
    /// At the goal volume.
    reached: bool,
    /// At the goal volume with the goal's long run and the runner's runs.
    shaped: bool,
}

/// What the distance weeks carry from one week to the next.
#[derive(Debug, Default, Clone)]
struct Carry {
    runs: usize,
    /// The mean everyday run of the last full week.
    everyday: u32,
    /// The long run of the last distance week.
    long: u32,
    /// The largest week so far.
    largest: u32,
    last_total: u32,
    continuous_weeks: u32,
    /// The runs of the last week that was not a recovery week.
    last_full: Vec<u32>,
}

/// The weeks of the return for `model`.
pub(super) fn plan_weeks(
    model: &Model,
    template: &Template,
    numb_lead_in: bool,
) -> Vec<PlannedWeek> {
    if model.run_walk_from.is_some() {
        // A numb runner's run/walk return is run/walk already: its ladder
        // in smaller steps, four weeks more (DESIGN.md §2 v3, rule 5; the
        // coach's eleventh review: a lead-in in front of it, then its rungs
        // at 20–33% a week). Either ladder's first week runs no more than
        // the first week of the bands' last day, whose model is this one
        // without its ladder: one more day off never makes the first week
        // harder (the coach's twelfth review, F5: from 56 to 57 days off
        // week 1 ran 23% more for numb runners, 11% for some others).
        let edge = Model {
            run_walk_from: None,
            ..model.clone()
        };
        let first = plan_weeks(&edge, template, numb_lead_in);
        let ladder = Ladder {
            numb: numb_lead_in,
            most: first
                .first()
                .map_or(u32::MAX, |week| ladder::session_most(&edge, template, week)),
        };
        return standard_return(model, template, None, Vec::new(), ladder);
    }
    let standard = standard_return(model, template, None, Vec::new(), Ladder::default());
    if !numb_lead_in {
        return standard;
    }
    numb::with_lead_in(model, template, standard)
}

/// The return, after `lead_in`'s run/walk weeks when given, a run/walk
/// return's ladder taken as `ladder` says.
fn standard_return(
    model: &Model,
    template: &Template,
    lead_in: Option<Vec<(Interval, usize)>>,
    ceiling: Vec<u32>,
    ladder: Ladder,
) -> Vec<PlannedWeek> {
    let mut weeks = Return {
        model,
        template,
        weeks: Vec::new(),
        longest: Vec::new(),
        offset: 0,
        start: 0,
        after_lead_in: lead_in
            .as_ref()
            .and_then(|weeks| weeks.last())
            .map(|(_, sessions)| *sessions),
        ceiling,
    };
    let mut carry = Carry::default();
    for (rung, sessions) in lead_in.unwrap_or_default() {
        weeks.run_walk_week(rung, sessions, &mut carry);
    }
    if let Some(first) = model.run_walk_from {
        // (Past the everyday run only as far as the shortest run after the
        // ladder needs: the 1.1x rule.)
        let usual = model
            .minutes(model.usual)
            .max(model.minutes(model.min_run) / template.single_run_cap);
        for rung in ladder::rungs(template, first, usual, ladder) {
            let sessions = usize::from(template.run_walk_runs_per_week);
            weeks.run_walk_week(rung, sessions, &mut carry);
        }
    }
    // The distance weeks are those of a layoff at the band's end, after
    // however many run/walk weeks came first.
    weeks.offset += 7 * weeks.weeks.len() as u32;
    weeks.start = weeks.weeks.len();
    weeks.distance_weeks(&mut carry);
    weeks.weeks
}

fn run_walk_weeks(rungs: Vec<(Interval, usize)>) -> impl Iterator<Item = PlannedWeek> {
    rungs.into_iter().map(|(rung, sessions)| PlannedWeek {
        phase: Phase::RunWalk,
        cutback: false,
        runs: vec![Planned::RunWalk(rung); sessions],
    })
}

struct Return<'a> {
    model: &'a Model,
    template: &'a Template,
    weeks: Vec<PlannedWeek>,
    /// Each week's longest run (run/walk as its running minutes).
    longest: Vec<u32>,
    /// Days between the layoff's end and the first distance week.
    offset: u32,
    /// Index of the first distance week.
    start: usize,
    /// The sessions of the last week of a numb runner's run/walk lead-in,
    /// when one came first.
    after_lead_in: Option<usize>,
    /// The most each distance week may hold, by its place among them: a
    /// numb runner's climb from the lead-in is never ahead of the standard
    /// return's staged weeks (DESIGN.md §2 v3, rule 5: the standard
    /// timeline plus 4–8 weeks); after them, none.
    ceiling: Vec<u32>,
}

impl Return<'_> {
    fn run_walk_week(&mut self, rung: Interval, sessions: usize, carry: &mut Carry) {
        self.weeks.push(PlannedWeek {
            phase: Phase::RunWalk,
            cutback: false,
            runs: vec![Planned::RunWalk(rung); sessions],
        });
        let running = f64::from(rung.running_seconds()) / 60.0;
        self.longest.push(self.model.distance_of(running));
        if rung.walk_seconds == 0 {
            carry.continuous_weeks += 1;
        }
    }

    /// The longest run of the three weeks before the next one, and what the
    /// old long run still lends it. Run/walk weeks count only for the first
    /// distance week (its cap): after it, the return grows from its own
    /// runs, as after a layoff at the band's end. A numb runner's lead-in
    /// stays in the window: its sessions were run within those 30 days.
    fn thirty_day_longest(&self) -> u32 {
        let week = (self.weeks.len() - self.start) as u32 + 1;
        let from = if week == 1 || self.after_lead_in.is_some() {
            0
        } else {
            self.start
        };
        let recent = self.longest[from.min(self.longest.len())..]
            .iter()
            .rev()
            .take(3)
            .copied()
            .max()
            .unwrap_or(0);
        let weight = self.model.old_long_weight(week, self.offset);
        if weight == 0.0 {
            return recent;
        }
        // The first week leans on the old long run itself; the later ones
        // on a length between it and the first week's runs.
        let Some(first) = self.longest.get(self.start).map(|f| (*f).max(TENTH)) else {
            return recent.max(self.model.old_long);
        };
        let old = self.model.old_long.max(first);
        let lent = (f64::from(first).ln() * (1.0 - weight) + f64::from(old).ln() * weight).exp();
        recent.max(lent as u32)
    }

    /// Distance weeks until the goal is held in its normal shape, with a
    /// recovery week after every three weeks of growth that leave the goal
    /// still to reach.
    fn distance_weeks(&mut self, carry: &mut Carry) {
        let up = self.template.recovery_every.max(2) - 1;
        let mut first = true;
        let mut reached = false;
        let mut grown = 0u32;
        while self.weeks.len() < MAX_WEEKS {
            // (Three weeks or more: a build whose runs were all at the
            // shortest when the third came takes its recovery week at the
            // first week that can be lighter, not never.)
            if !reached && grown >= up && self.recovery_week(carry) {
                grown = 0;
                continue;
            }
            let day = 7 * (self.weeks.len() - self.start) as u32;
            let fraction = self.model.week_fraction(day);
            let week = self.distance_week(carry, fraction, first);
            // Growth counts once the runner is back at the old week: the
            // staged return below it has no recovery week (Daniels; the
            // coach's eighth review: the first cutback once back at the old
            // volume).
            grown += u32::from(!first && !reached && carry.last_total > self.model.old_week);
            first = false;
            reached |= week.reached;
            if week.shaped {
                // The plan ends once the goal week, in its normal shape, has
                // been held for a week.
                if let Some(held) = self.weeks.last().cloned() {
                    self.longest.push(self.longest.last().copied().unwrap_or(0));
                    self.weeks.push(held);
                }
                break;
            }
        }
    }

    /// One distance week, pushed onto the plan.
    fn distance_week(&mut self, carry: &mut Carry, fraction: f64, first: bool) -> Outcome {
        let m = self.model;
        let t = self.template;
        let longest = self.thirty_day_longest();
        let entry_cap = first.then(|| self.entry_cap(longest)).flatten();
        let target = self.target(carry, fraction, entry_cap);
        let (long_cap, everyday_cap) = self.caps(longest, entry_cap);
        // The first week holds its budget of runs at their cap.
        let target = match entry_cap {
            Some(_) => target.min(self.first_volume(long_cap)),
            None => target,
        };
        let count = self.count(carry, target, entry_cap, (long_cap, everyday_cap), first);
        let shape = Shape::of(entry_cap.is_some(), target >= m.goal);
        let runs = fill(m, target, count, (long_cap, everyday_cap), shape);
        let total: u32 = runs.iter().sum();
        carry.largest = carry.largest.max(total);
        let long = runs.first().copied().unwrap_or(0);
        // The goal week comes once the staged return is over: within a
        // tenth a run of it, as each run is floored to a tenth.
        let reached = total + TENTH * count as u32 >= m.goal && fraction >= 1.0;
        let is_long = entry_cap.is_none() && count > 1 && runs[1..].iter().all(|r| *r < long);
        let strides = carry.continuous_weeks >= t.strides.after_weeks && count > 1;
        let mut strides_left = if strides { t.strides.per_week } else { 0 };
        let planned = runs
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let give = i > 0 && strides_left > 0;
                strides_left -= u32::from(give);
                Planned::Distance {
                    hundredths: *r,
                    long: i == 0 && is_long,
                    strides: give,
                }
            })
            .collect();
        self.weeks.push(PlannedWeek {
            phase: if reached { Phase::Goal } else { Phase::Build },
            cutback: false,
            runs: planned,
        });
        self.longest.push(runs.iter().copied().max().unwrap_or(0));
        carry.continuous_weeks += 1;
        carry.last_total = total;
        carry.runs = count;
        carry.long = long;
        let others = &runs[1.min(runs.len())..];
        carry.everyday = if others.is_empty() {
            long
        } else {
            others.iter().sum::<u32>() / others.len() as u32
        };
        carry.last_full = runs;
        Outcome {
            reached,
            shaped: reached && long >= m.goal_long && count >= m.runs,
        }
    }

    /// The week's volume: the staged return's share
    /// of the old week, the old week, then 10% more a week up to the goal.
    fn target(&self, carry: &Carry, fraction: f64, entry: Option<u32>) -> u32 {
        let m = self.model;
        let t = self.template;
        let target = if fraction < 1.0 {
            scaled(m.old_week, fraction).max(self.spread(carry, entry))
        } else if carry.largest < m.old_week {
            m.old_week
        } else {
            scaled(carry.largest, 1.0 + t.weekly_increase_cap).max(m.old_week)
        };
        // The week after a recovery week is the next step from the last
        // full week, 10% past it, whatever the staged return would have
        // come to by then (Nielsen 2014: over 30% a week raised injury;
        // the coach's sixth review found 1.2-1.5x steps here).
        let after_recovery = self.weeks.last().is_some_and(|w| w.cutback);
        let last_full: u32 = carry.last_full.iter().sum();
        let target = if after_recovery {
            target.min(scaled(last_full, 1.0 + t.weekly_increase_cap).max(carry.largest))
        } else if self.after_lead_in.is_some() && entry.is_none() && last_full > 0 {
            // A numb runner's week, once the walks end, never more than 30%
            // past the week before (Nielsen et al. 2014, JOSPT: over 30% a
            // week raised injury; the coach's twelfth review: +30–55% weeks
            // as runs joined and lengthened together, the caution of the
            // ladder ending the week the walks stopped), or one run more at
            // the everyday runs' length beside the long run's lead (the
            // coach: a run joins at the others' length, +33% from three
            // runs to four; the standard return's own step, so that a
            // numb runner one day longer off, whose lead-in carries it, is
            // never back sooner).
            let lead = lead_by(carry.long, t.single_run_cap).saturating_sub(carry.long);
            target.min(
                scaled(last_full, NUMB_WEEK_GROWTH_MOST).max(last_full + carry.everyday + lead),
            )
        } else {
            target
        };
        let floor = match entry {
            // Frequency before length: three runs of half an hour or more
            // (within the first week's cap), however small the staged share
            // (the coach's second review: the first runs 30–40 minutes).
            // Never past the old week itself: a runner whose old runs were
            // shorter than that comes back to the old week, not above it.
            Some(cap) => {
                let half_hour = m.distance_of(FIRST_RUN_MINUTES).min(cap).max(m.min_run);
                (half_hour * m.runs.min(3) as u32).min(m.old_week.max(m.min_run))
            }
            None => m.min_run,
        };
        let ceiling = self
            .ceiling
            .get(self.weeks.len() - self.start)
            .copied()
            .unwrap_or(u32::MAX);
        floor_tenth(target.max(floor).min(ceiling).min(m.goal))
    }

    /// The least a staged week holds: the largest week so far, and where
    /// that is above the staged share (three runs at the shortest, or the
    /// run/walk's running, for a runner of a small week), the rest of the
    /// way to the old week spread evenly over the weeks the staged return
    /// has left, so the week neither sits flat for weeks nor jumps at the
    /// end (the coach's twelfth review, F3: 8 mi / 3 runs after 90 days
    /// off held 6.6 mi for eight weeks, then 8.0, +21%).
    fn spread(&self, carry: &Carry, entry: Option<u32>) -> u32 {
        let m = self.model;
        let day = 7 * (self.weeks.len() - self.start) as u32;
        if entry.is_some() || carry.largest <= scaled(m.old_week, m.week_fraction(day)) {
            return carry.largest;
        }
        let left = (0..MAX_WEEKS as u32)
            .take_while(|k| m.week_fraction(day + 7 * k) < 1.0)
            .count() as u32;
        // (Each step a tenth at least: a week a hair short of the old one
        // would otherwise round back to the week before.)
        let step = tenth_up(m.old_week.saturating_sub(carry.largest) / (left + 1));
        (carry.largest + step).min(m.old_week)
    }

    /// The long run's and the everyday runs' caps this week.
    fn caps(&self, longest: u32, entry: Option<u32>) -> (u32, u32) {
        let m = self.model;
        let (mut long, mut everyday) = m.ceilings();
        if let Some(cap) = entry {
            long = long.min(cap);
        } else if longest > 0 {
            // The long run leads by up to 1.1x the 30-day longest; the
            // everyday runs follow up to that longest.
            long = long.min(lead_by(longest, self.template.single_run_cap));
            everyday = everyday.min(floor_tenth(longest).max(m.min_run));
        }
        let long = long.max(m.min_run);
        (long, everyday.min(long))
    }

    /// How many runs the week holds: as many as the first week's cap asks
    /// (three at least), then one more a week, the 5th and 6th only once
    /// runs last 30 minutes; a run is not added when the others would be
    /// too short or shrink by more than a fifth.
    fn count(
        &self,
        carry: &Carry,
        target: u32,
        entry: Option<u32>,
        caps: (u32, u32),
        first: bool,
    ) -> usize {
        let m = self.model;
        let most = m.runs;
        let mut count = match (first, entry) {
            // Three runs, more when three at the cap fall a run short.
            (true, Some(cap)) => self
                .first_count(target, cap, caps.0)
                .clamp(most.min(3), most.min(self.first_runs())),
            (true, None) => most.min(self.first_runs()),
            _ => (carry.runs + 1).min(most).max(1),
        };
        while count > 1 {
            let shape = Shape::of(entry.is_some(), target >= m.goal);
            let runs = fill(m, target, count, caps, shape);
            let others = &runs[1..];
            let mean = others.iter().sum::<u32>() / others.len() as u32;
            let added = count > carry.runs.max(if first { 3 } else { 0 });
            if !added {
                // Runs a week never go back down.
                break;
            }
            // A run the week needs joins once the runs are as long as they
            // get, whatever the rules below.
            let (long_most, everyday_most) = m.ceilings();
            let at_most = caps.0 >= long_most && caps.1 >= everyday_most;
            if m.needs_runs(count - 1, target) && at_most {
                break;
            }
            // What the others would have, before the shortest run's floor.
            let share = target.saturating_sub(runs[0]) / (count as u32 - 1);
            let too_short = share < m.min_run;
            // (Unless the goal's own runs are that brief.)
            let brief_goal = m.minutes(goal_shortest(m)) < MINUTES_BEFORE_MORE_RUNS;
            let shortest = others.iter().copied().min().unwrap_or(0);
            let too_brief =
                count > 4 && !brief_goal && m.minutes(shortest) < MINUTES_BEFORE_MORE_RUNS;
            // On the way back to the old week, a run added never shrinks the
            // others by more than a tenth (above it the week grows by its
            // runs, 10% at a time), nor below a tenth under the usual
            // everyday run when they had grown past it: frequency before
            // length (DESIGN.md §2 v3, rule 2; the coach's thirteenth round:
            // 15 mi / 6 runs after 58 days kept three runs growing to 3.0 and
            // 4.4 mi for eight weeks, a run joining only at their length).
            let building = !first && target < m.old_week;
            let shrinks = building && mean * 10 < carry.everyday.min(m.usual) * 9;
            // Nor does a run join a build week by taking the long run below
            // last week's (at the goal, the goal's shape decides).
            let long_gives_way = shape == Shape::Building && runs[0] < carry.long;
            if !(too_short || too_brief || shrinks || long_gives_way) {
                break;
            }
            count -= 1;
        }
        count
    }
}
