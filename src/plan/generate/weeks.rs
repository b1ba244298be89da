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
//!   week, and never so that the others shrink by more than a fifth;
//! - a recovery week every 4th week of a build (3 up, 1 down), after which
//!   the build goes on to its next step (Higdon, Pfitzinger).

use super::model::{MINUTES_BEFORE_MORE_RUNS, Model, TENTH, floor_tenth};
use crate::plan::{Interval, Phase, Template};

/// A plan never runs longer than this, whatever the template says.
pub const MAX_WEEKS: usize = 156;

/// Weeks of run/walk a runner who is numb now starts with (DESIGN.md §2
/// v3, rule 5: the standard return plus 4–8 weeks).
const NUMB_LEAD_IN_WEEKS: usize = 4;

/// A lead-in session has at least this many running blocks.
const LEAD_IN_BLOCKS: f64 = 8.0;

/// The first week back's runs last at least this long, within its cap.
const FIRST_RUN_MINUTES: f64 = 30.0;

/// On the way back, the long run's largest share of its week (Higdon's
/// novice weeks give it 35–40%); at the goal it has its template share.
const BUILD_LONG_SHARE: f64 = 0.4;

/// Each lead-in week runs at most this much longer than the one before.
const LEAD_IN_GROWTH: f64 = 1.15;

/// The spread of everyday runs around their mean (Pfitzinger: everyday runs
/// graded, not equal): the longest 15% over it, the shortest 15% under.
const EVERYDAY_SPREAD: f64 = 0.15;

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
    /// The mean everyday run of the last week that was not a recovery week.
    everyday: u32,
    /// The long run of the last distance week.
    long: u32,
    /// The largest week so far (a recovery week as it would have been).
    largest: u32,
    last_total: u32,
    continuous_weeks: u32,
}

/// The weeks of the return for `model`.
pub(super) fn plan_weeks(
    model: &Model,
    template: &Template,
    numb_lead_in: bool,
) -> Vec<PlannedWeek> {
    // A numb runner's lead-in comes before the standard return, unchanged
    // (DESIGN.md §2 v3, rule 5): the lead-in builds up to its runs.
    let mut weeks = Return {
        model,
        template,
        weeks: Vec::new(),
        longest: Vec::new(),
        offset: 0,
        start: 0,
    };
    let mut carry = Carry::default();
    if let Some(first) = model.run_walk_from {
        for rung in &template.run_walk_ladder[first.min(template.run_walk_ladder.len())..] {
            weeks.run_walk_week(*rung, &mut carry);
        }
    }
    // The distance weeks are those of a layoff at the band's end, after
    // however many run/walk weeks came first.
    weeks.offset += 7 * weeks.weeks.len() as u32;
    weeks.start = weeks.weeks.len();
    weeks.distance_weeks(&mut carry);
    if !numb_lead_in {
        return weeks.weeks;
    }
    let lead_in = match model.run_walk_from {
        // A return that starts with run/walk leads in from four rungs lower
        // (the bottom rung again where the ladder runs out).
        Some(first) => (0..NUMB_LEAD_IN_WEEKS)
            .map(|i| {
                let rung = (first + i).saturating_sub(NUMB_LEAD_IN_WEEKS);
                let rung = template.run_walk_ladder[rung.min(template.run_walk_ladder.len() - 1)];
                PlannedWeek {
                    phase: Phase::RunWalk,
                    cutback: false,
                    runs: vec![
                        Planned::RunWalk(rung);
                        usize::from(template.run_walk_runs_per_week)
                    ],
                }
            })
            .collect(),
        None => lead_in(model, template, &weeks.weeks[..weeks.weeks.len().min(3)]),
    };
    lead_in.into_iter().chain(weeks.weeks).collect()
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
}

impl Return<'_> {
    fn run_walk_week(&mut self, rung: Interval, carry: &mut Carry) {
        let sessions = usize::from(self.template.run_walk_runs_per_week);
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
    /// runs, as after a layoff at the band's end.
    fn thirty_day_longest(&self) -> u32 {
        let week = (self.weeks.len() - self.start) as u32 + 1;
        let from = if week == 1 { 0 } else { self.start };
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

    /// Distance weeks until the goal is held in its normal shape. Every
    /// 4th week of the build (3 up, 1 down) is a recovery week unless it
    /// reaches the goal.
    fn distance_weeks(&mut self, carry: &mut Carry) {
        let every = self.template.recovery_every.max(2);
        let mut first = true;
        let mut reached = false;
        let mut building = 0u32;
        while self.weeks.len() < MAX_WEEKS {
            let day = 7 * (self.weeks.len() - self.start) as u32;
            let fraction = self.model.week_fraction(day);
            if !first && !reached {
                building += 1;
            }
            let recovery = !reached && building > 0 && building.is_multiple_of(every);
            let week = self.distance_week(carry, fraction, recovery, first);
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
    /// A `recovery` week is the week it would have been with its everyday
    /// runs shortened to bring it to about 80%; its long run keeps its
    /// step, so the build resumes at its next step after it and a recovery
    /// week never adds a week to the return (single-run length, not the
    /// week's volume, is what Frandsen 2025 found tied to injury).
    fn distance_week(
        &mut self,
        carry: &mut Carry,
        fraction: f64,
        recovery: bool,
        first: bool,
    ) -> Outcome {
        let m = self.model;
        let t = self.template;
        let longest = self.thirty_day_longest();
        let entry_cap = first.then(|| self.entry_cap(longest)).flatten();
        let target = self.target(carry, fraction, entry_cap);
        let (long_cap, everyday_cap) = self.caps(longest, entry_cap);
        let count = self.count(carry, target, entry_cap, (long_cap, everyday_cap), first);
        let shape = Shape::of(entry_cap.is_some(), target >= m.goal);
        let mut runs = fill(m, target, count, (long_cap, everyday_cap), shape);
        let mut total: u32 = runs.iter().sum();
        // The build's step this week, lightened or not.
        carry.largest = carry.largest.max(total);
        let mut cutback = false;
        if recovery && total + TENTH < m.goal && count > 1 {
            // Lighter than the week before, or no recovery week at all
            // (everyday runs already at the shortest).
            let mut lighter = runs.clone();
            lighten(m, &mut lighter, t.recovery_fraction);
            let light: u32 = lighter.iter().sum();
            if light < carry.last_total {
                (runs, total, cutback) = (lighter, light, true);
            }
        }
        let long = runs.first().copied().unwrap_or(0);
        // The goal week comes once the staged return is over.
        let reached = !cutback && total + TENTH >= m.goal && fraction >= 1.0;
        let is_long = entry_cap.is_none() && count > 1 && runs[1..].iter().all(|r| *r < long);
        let strides = carry.continuous_weeks >= t.strides.after_weeks && !cutback && count > 1;
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
            cutback,
            runs: planned,
        });
        self.longest.push(runs.iter().copied().max().unwrap_or(0));
        carry.continuous_weeks += 1;
        carry.last_total = total;
        carry.runs = count;
        carry.long = long;
        if !cutback {
            let others = &runs[1.min(runs.len())..];
            carry.everyday = if others.is_empty() {
                long
            } else {
                others.iter().sum::<u32>() / others.len() as u32
            };
        }
        Outcome {
            reached,
            shaped: reached && long >= m.goal_long && count >= m.runs,
        }
    }

    /// The most runs the first distance week has: after run/walk, one more
    /// than its sessions.
    fn first_runs(&self) -> usize {
        let runs = self.model.first_runs.max(3);
        if self.model.run_walk_from.is_some() {
            runs.min(usize::from(self.template.run_walk_runs_per_week) + 1)
        } else {
            runs
        }
    }

    /// The first week's cap on every run: the first week back's, or after
    /// run/walk none over 1.1x its running minutes either.
    fn entry_cap(&self, longest: u32) -> Option<u32> {
        let m = self.model;
        match m.first_cap {
            Some(cap) if longest > 0 && m.run_walk_from.is_some() => Some(
                cap.min(floor_tenth(scaled(longest, self.template.single_run_cap)))
                    .min(m.everyday_limit),
            ),
            other => other.map(|c| c.min(m.everyday_limit)),
        }
    }

    /// The week's volume: the staged return's share
    /// of the old week, the old week, then 10% more a week up to the goal.
    fn target(&self, carry: &Carry, fraction: f64, entry: Option<u32>) -> u32 {
        let m = self.model;
        let t = self.template;
        let target = if fraction < 1.0 {
            scaled(m.old_week, fraction).max(carry.largest)
        } else if carry.largest < m.old_week {
            m.old_week
        } else {
            scaled(carry.largest, 1.0 + t.weekly_increase_cap).max(m.old_week)
        };
        let floor = match entry {
            // Frequency before length: three runs of half an hour or more
            // (within the first week's cap), however small the staged share
            // (the coach's second review: the first runs 30–40 minutes).
            Some(cap) => {
                let half_hour = m.distance_of(FIRST_RUN_MINUTES).min(cap).max(m.min_run);
                half_hour * m.runs.min(3) as u32
            }
            None => m.min_run,
        };
        floor_tenth(target.max(floor).min(m.goal))
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
            (true, Some(cap)) => {
                ((target / cap.max(TENTH)) as usize).clamp(most.min(3), most.min(self.first_runs()))
            }
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
            // runs, 10% at a time).
            let building = !first && target < m.old_week;
            let shrinks = building && mean * 10 < carry.everyday * 9;
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

/// Shortens the everyday runs of `runs` (the long run first) so the week
/// holds about `fraction` of what it did, none under the shortest run.
fn lighten(m: &Model, runs: &mut [u32], fraction: f64) {
    let total: u32 = runs.iter().sum();
    let long = runs[0];
    let others = total - long;
    if others == 0 {
        return;
    }
    let keep = (scaled(total, fraction).saturating_sub(long)) as f64 / f64::from(others);
    for run in runs[1..].iter_mut() {
        *run = floor_tenth(scaled(*run, keep)).max(m.min_run).min(*run);
    }
}

/// How a week's runs relate to one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// The first week back: every run the same, none called long.
    Flat,
    /// A build week: the long run leads, the everyday runs alike.
    Building,
    /// At the goal: the long run its share, the everyday runs graded.
    Goal,
}

impl Shape {
    fn of(first: bool, at_goal: bool) -> Shape {
        match (first, at_goal) {
            (true, _) => Shape::Flat,
            (false, true) => Shape::Goal,
            (false, false) => Shape::Building,
        }
    }
}

/// The runs of a week of `target` hundredths over `count` runs, the long
/// run first: its share of the week within its cap, the others an even
/// share of the rest within theirs (and never under the shortest run while
/// the cap allows), graded at the goal.
fn fill(
    m: &Model,
    target: u32,
    count: usize,
    (long_cap, everyday_cap): (u32, u32),
    shape: Shape,
) -> Vec<u32> {
    if count <= 1 {
        return vec![floor_tenth(target.min(long_cap)).max(TENTH)];
    }
    if shape == Shape::Flat {
        // Every run as long as three would be, within the cap: more runs
        // add to the week, they do not shorten the runs.
        let each = floor_tenth((target / count.min(3) as u32).min(long_cap)).max(TENTH);
        let mut runs = vec![each; count];
        let mut left = target.saturating_sub(each * count as u32);
        for run in runs.iter_mut() {
            if left >= TENTH && *run + TENTH <= long_cap {
                *run += TENTH;
                left -= TENTH;
            }
        }
        return runs;
    }
    let long = leading_long(m, target, count, long_cap, shape);
    // At the goal the long run leaves its other runs the shortest length.
    let long = if shape == Shape::Goal {
        long.min(target.saturating_sub(m.min_run * (count as u32 - 1)))
            .max(TENTH)
    } else {
        long
    };
    let cap = everyday_cap.min(long);
    let others = count - 1;
    let mean = floor_tenth(target.saturating_sub(long) / others as u32)
        .max(m.min_run)
        .min(cap);
    let mut runs = vec![long];
    if shape == Shape::Goal {
        runs.extend(graded(m, mean, others, cap));
    } else {
        runs.extend(std::iter::repeat_n(mean, others));
    }
    // Whatever rounding left, a tenth at a time to the everyday runs with
    // room, shortest first, then to the long run.
    let mut left = target.saturating_sub(runs.iter().sum());
    while left >= TENTH {
        let room = (1..runs.len())
            .rev()
            .filter(|i| runs[*i] + TENTH <= cap)
            .min_by_key(|i| runs[*i]);
        match room {
            Some(i) => runs[i] += TENTH,
            None if runs[0] + TENTH <= long_cap => runs[0] += TENTH,
            None => break,
        }
        left -= TENTH;
    }
    // The shortest run's floor never takes the week past the old week, nor
    // past its volume above it (10% a week at most): the long run gives
    // way, not below the others. Below it the long run keeps its lead.
    let most = target.max(m.old_week);
    let over = runs.iter().sum::<u32>().saturating_sub(most);
    if over > 0 {
        let others_most = runs[1..].iter().copied().max().unwrap_or(0);
        runs[0] = runs[0].saturating_sub(over).max(others_most);
    }
    if shape == Shape::Goal {
        runs[1..].sort_unstable_by(|a, b| b.cmp(a));
    }
    runs
}

/// The long run of a week of `target` over `count` runs, before the
/// everyday runs' floor may make it give way: at the goal its share, on the
/// way back as far as its cap allows, up to two fifths of the week.
fn leading_long(m: &Model, target: u32, count: usize, long_cap: u32, shape: Shape) -> u32 {
    match shape {
        Shape::Goal => m.long_for(target, count),
        _ => floor_tenth(
            (f64::from(target) * BUILD_LONG_SHARE).max(f64::from(target) / count as f64) as u32,
        ),
    }
    .min(long_cap)
    .max(TENTH)
}

/// The shortest everyday run of the goal week.
fn goal_shortest(m: &Model) -> u32 {
    let others = m.runs.saturating_sub(1).max(1);
    let mean = m.goal.saturating_sub(m.goal_long) / others as u32;
    let cap = m.everyday_limit.min(m.goal_long);
    graded(m, mean.min(cap), others, cap)
        .last()
        .copied()
        .unwrap_or(mean)
}

/// `count` everyday runs around `mean`, longest first, none over `cap` nor
/// under the shortest run: spread as far as those allow, up to 15% each way.
fn graded(m: &Model, mean: u32, count: usize, cap: u32) -> Vec<u32> {
    let mean_f = f64::from(mean);
    let spread = if count < 2 || mean == 0 {
        0.0
    } else {
        EVERYDAY_SPREAD
            .min(f64::from(cap) / mean_f - 1.0)
            .min(1.0 - f64::from(m.min_run) / mean_f)
            .max(0.0)
    };
    (0..count)
        .map(|i| {
            let side = if count < 2 {
                0.0
            } else {
                1.0 - 2.0 * i as f64 / (count - 1) as f64
            };
            floor_tenth((mean_f * (1.0 + spread * side)) as u32)
                .max(m.min_run)
                .min(cap)
        })
        .collect()
}

/// A numb runner's lead-in before distance weeks: four run/walk weeks
/// building 15% a week to the running the standard return's first weeks
/// lean on, so that each of their runs is within 1.1x of the lead-in's last
/// (Frandsen 2025). The standard
/// return follows unchanged (DESIGN.md §2 v3, rule 5: the standard return
/// plus 4–8 weeks, the caution in the holds a week with symptoms brings):
/// after a short layoff its first week is the old week, and the lead-in's
/// sessions are long, in short blocks with a walk after each.
fn lead_in(model: &Model, template: &Template, next: &[PlannedWeek]) -> Vec<PlannedWeek> {
    let next_minutes = next
        .iter()
        .flat_map(|w| &w.runs)
        .map(|r| match r {
            Planned::RunWalk(i) => f64::from(i.running_seconds()) / 60.0,
            Planned::Distance { hundredths, .. } => model.minutes(*hundredths),
        })
        .reduce(f64::max)
        .unwrap_or(20.0);
    let last = next_minutes / template.single_run_cap;
    let weeks = NUMB_LEAD_IN_WEEKS;
    // Sessions a week too build up, one at a time, to one fewer than the
    // runs of the week after the lead-in.
    let sessions = usize::from(template.run_walk_runs_per_week);
    let next_runs = next.first().map_or(sessions, |w| w.runs.len());
    let mut running = 0;
    (0..weeks)
        .map(|i| {
            let steps_back = (weeks - 1 - i) as i32;
            let minutes = last / LEAD_IN_GROWTH.powi(steps_back);
            let mut rung = rung_for(template, minutes, i + 1 == weeks);
            // (Rounding to whole blocks never takes a week below the last.)
            if rung.running_seconds() < running {
                rung.repeats += 1;
            }
            running = rung.running_seconds();
            let sessions = sessions.max(next_runs.saturating_sub(weeks - i));
            PlannedWeek {
                phase: Phase::RunWalk,
                cutback: false,
                runs: vec![Planned::RunWalk(rung); sessions],
            }
        })
        .collect()
}

/// A run/walk session with about `minutes` of running (`at_least`: no
/// less), in the blocks of the template's hardest walking rung that makes
/// eight blocks or more of them, so whole blocks miss by a sixteenth at
/// most (an eighth, rounded up).
fn rung_for(template: &Template, minutes: f64, at_least: bool) -> Interval {
    let walking = template
        .run_walk_ladder
        .iter()
        .filter(|r| r.walk_seconds > 0);
    let pattern = walking
        .clone()
        .rfind(|r| f64::from(r.run_seconds) * LEAD_IN_BLOCKS <= minutes * 60.0)
        .or_else(|| walking.clone().next())
        .copied()
        .unwrap_or(Interval {
            run_seconds: 60,
            walk_seconds: 60,
            repeats: 1,
        });
    let blocks = (minutes * 60.0) / f64::from(pattern.run_seconds.max(1));
    let repeats = if at_least {
        blocks.ceil()
    } else {
        blocks.round()
    } as u32;
    Interval {
        repeats: repeats.max(1),
        ..pattern
    }
}

/// The longest a run may be after a 30-day longest of `longest`: `ratio`
/// times it, to the tenth below; runs under a whole unit, whose tenth of
/// growth is more than 10%, may still grow by the smallest step shown.
fn lead_by(longest: u32, ratio: f64) -> u32 {
    floor_tenth(scaled(longest, ratio)).max(floor_tenth(longest) + TENTH)
}

/// `hundredths * ratio`, rounded down.
fn scaled(hundredths: u32, ratio: f64) -> u32 {
    (f64::from(hundredths) * ratio + 1e-9).floor().max(0.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lead_in_session_runs_at_least_the_minutes_asked_in_walking_blocks() {
        let template = crate::plan::Template::builtin("cautious").unwrap().unwrap();
        let rung = rung_for(&template, 27.0, true);
        assert!(rung.walk_seconds > 0);
        assert!(rung.running_seconds() >= 27 * 60);
        assert!(rung.running_seconds() < 27 * 60 + rung.run_seconds);
        assert!(rung.repeats >= 8, "eight blocks or more");
    }

    #[test]
    fn a_lead_in_session_misses_the_minutes_by_a_tenth_at_most() {
        let template = crate::plan::Template::builtin("cautious").unwrap().unwrap();
        for minutes in [14.0, 21.5, 33.3, 47.0, 72.0] {
            let running = f64::from(rung_for(&template, minutes, false).running_seconds()) / 60.0;
            assert!(
                (running - minutes).abs() <= 0.1 * minutes,
                "{minutes}: {running}"
            );
        }
    }
}
