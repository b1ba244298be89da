//! A week's shape: how a week's volume splits into its runs — the long run
//! leading on the way back, the everyday runs alike, graded at the goal
//! (Pfitzinger: everyday runs graded, not equal; Higdon: the long run
//! 35–40% of a novice's week).

use super::model::{Model, TENTH, floor_tenth};

/// On the way back, the long run's largest share of its week (Higdon's
/// novice weeks give it 35–40%); at the goal it has its template share.
const BUILD_LONG_SHARE: f64 = 0.4;

/// The spread of everyday runs around their mean (Pfitzinger: everyday runs
/// graded, not equal): the longest 15% over it, the shortest 15% under.
const EVERYDAY_SPREAD: f64 = 0.15;

/// How a week's runs relate to one another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shape {
    /// The first week back: every run the same, none called long.
    Flat,
    /// A build week: the long run leads, the everyday runs alike.
    Building,
    /// At the goal: the long run its share, the everyday runs graded.
    Goal,
}

impl Shape {
    pub(super) fn of(first: bool, at_goal: bool) -> Shape {
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
pub(super) fn fill(
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
        // A week held to a fraction of a run more (the first week's budget)
        // makes its last run the shorter one.
        if let Some(last) = runs.last_mut() {
            let rest = target.saturating_sub(each * (count as u32 - 1));
            *last = floor_tenth(rest.min(each)).max(m.min_run.min(each));
        }
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
pub(super) fn goal_shortest(m: &Model) -> u32 {
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
