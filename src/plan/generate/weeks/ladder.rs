//! The run/walk weeks of a return over the last band's days off: the
//! template's ladder from the rung the layoff chose, its top never past the
//! runner's everyday run, and for a runner who is numb now the same ladder
//! taken in smaller steps (DESIGN.md §2 v3, rules 4 and 5).

use super::super::model::Model;
use super::{Planned, PlannedWeek};
use crate::plan::{Interval, Template};

/// A numb runner's ladder takes this many weeks more than the standard
/// one (DESIGN.md §2 v3, rule 5: the standard timeline plus 4–8 weeks; the
/// coach's eleventh review: "spend the extra four weeks inside the ladder,
/// not in front of it", where its rungs grew 20–33% a week).
const NUMB_EXTRA_WEEKS: usize = 4;

/// A numb runner's run/walk week runs at most this much more than the one
/// before where the blocks allow (the coach's eleventh review: "no week's
/// running more than about 10–15% above the last": a fifth at most where whole blocks allow, about a sixth on average).
const STEP_MOST: f64 = 1.2;

/// How a run/walk return takes its ladder: in a numb runner's smaller
/// steps or not, its first week's sessions running at most `most` seconds.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ladder {
    pub numb: bool,
    pub most: u32,
}

impl Default for Ladder {
    fn default() -> Ladder {
        Ladder {
            numb: false,
            most: u32::MAX,
        }
    }
}

/// The most running, in seconds, a run/walk session may hold to run no
/// more than `week`: its longest run's, and no more than its share of the
/// week over the run/walk week's sessions.
pub(super) fn session_most(model: &Model, template: &Template, week: &PlannedWeek) -> u32 {
    let seconds = |run: &Planned| match run {
        Planned::RunWalk(i) => i.running_seconds(),
        Planned::Distance { hundredths, .. } => (model.minutes(*hundredths) * 60.0) as u32,
    };
    let longest = week.runs.iter().map(seconds).max().unwrap_or(0);
    let sessions = u32::from(template.run_walk_runs_per_week).max(1);
    longest.min(week.runs.iter().map(seconds).sum::<u32>() / sessions)
}

/// The sessions of each run/walk week, from rung `first` of the template's
/// ladder. No session runs longer than `usual` minutes, the runner's
/// everyday run before the layoff: a runner of 21-minute runs does not
/// climb to 30 minutes and then drop back (the coach's eleventh review,
/// "never over the runner's everyday run in running minutes"), and rungs
/// that the cap makes alike are run once.
///
/// `taken.numb`: the walking rungs, from the one below `first`, are spread over
/// four weeks more, each week's running the same ratio over the last's
/// (about 1.12–1.16x where the standard ladder steps 1.2–1.5x), the blocks
/// those of the rung it is heading for, shortened. Never ahead of the
/// standard ladder week for week: it starts a rung lower (the cautious
/// ladder's rungs ran harder than the standard's at 138–156 days off,
/// the coach's eleventh review) and grows more slowly.
///
/// Either way the first week runs no more than `taken.most` seconds a
/// session (the first week of the bands' last day).
pub(super) fn rungs(template: &Template, first: usize, usual: f64, taken: Ladder) -> Vec<Interval> {
    let ladder = &template.run_walk_ladder;
    let first = first.min(ladder.len());
    let top = (usual * 60.0).max(60.0);
    // (The walking rungs that fit under the top, then the first that does
    // not, shortened to it: one rung more when the layoff chooses one
    // lower, never fewer.)
    let walks = |rungs: &[Interval]| -> Vec<Interval> {
        let walking = rungs.iter().filter(|r| r.walk_seconds > 0);
        let under = walking
            .clone()
            .take_while(|r| f64::from(r.running_seconds()) <= top);
        let over = walking
            .clone()
            .find(|r| f64::from(r.running_seconds()) > top)
            .map(|r| capped(r, top));
        once(under.copied().chain(over))
    };
    let walking = walks(&ladder[first..]);
    let continuous = once(
        ladder[first..]
            .iter()
            .filter(|r| r.walk_seconds == 0)
            .map(|r| capped(r, top)),
    );
    let most = f64::from(taken.most);
    if !taken.numb {
        let mut weeks = walking.into_iter().chain(continuous);
        return weeks
            .next()
            .map(|first| capped(&first, most))
            .into_iter()
            .chain(weeks)
            .collect();
    }
    // From the walking rung below, even where the layoff chose the
    // continuous one (the numb runner's four weeks more are walks), a
    // tenth or more under where the standard ladder starts and tops out
    // (capped by the everyday run, the rungs just below can be its equal);
    // at the ladder's foot, its first rung in shorter blocks.
    let to = walking
        .iter()
        .chain(&continuous)
        .map(Interval::running_seconds)
        .max()
        .unwrap_or(0);
    let under = f64::from(
        walking
            .first()
            .map_or(to, Interval::running_seconds)
            .min(to),
    )
    .min(most * 1.1);
    let start = walks(&ladder[..first])
        .into_iter()
        .rfind(|r| f64::from(r.running_seconds()) * 1.1 <= under)
        .or_else(|| walks(ladder).first().map(|r| shortened(r, under / 1.1)));
    let Some(start) = start else {
        return walking.into_iter().chain(continuous).collect();
    };
    // (Every week of them: at the foot, blocks of 5 seconds can hold one.)
    smaller_steps(start, &walking, f64::from(to) / 60.0)
        .into_iter()
        .chain(continuous)
        .collect()
}

/// `rung`, its running no more than `top` seconds (the everyday run's), a
/// little over rather than under where it is continuous: the distance
/// weeks after it lean on it within 1.1x.
fn capped(rung: &Interval, top: f64) -> Interval {
    if f64::from(rung.running_seconds()) <= top {
        *rung
    } else if rung.walk_seconds == 0 {
        Interval {
            run_seconds: ((top / 15.0).ceil() as u32).max(1) * 15,
            ..*rung
        }
    } else {
        shortened(rung, top)
    }
}

/// As many blocks as `rung`, each shortened in 5-second steps to run
/// `seconds` at most in all.
fn shortened(rung: &Interval, seconds: f64) -> Interval {
    let per = (seconds / f64::from(rung.repeats.max(1)) / 5.0).floor() as u32;
    Interval {
        run_seconds: per.max(1) * 5,
        ..*rung
    }
}

/// Each week once: a week that runs no longer than the one before, of the
/// same kind (walks or none), is dropped (rungs the cap made alike).
fn once(rungs: impl Iterator<Item = Interval>) -> Vec<Interval> {
    let mut weeks: Vec<Interval> = Vec::new();
    for rung in rungs {
        let alike = weeks.last().is_some_and(|last| {
            last.running_seconds() >= rung.running_seconds()
                && (last.walk_seconds > 0) == (rung.walk_seconds > 0)
        });
        if !alike {
            weeks.push(rung);
        }
    }
    weeks
}

/// From `start` to `to` minutes of running in as many weeks as `rungs`
/// and four more, each week about the same ratio over the last
/// ([`next_week`]).
fn smaller_steps(start: Interval, rungs: &[Interval], to: f64) -> Vec<Interval> {
    let weeks = rungs.len() + NUMB_EXTRA_WEEKS;
    let rungs = if rungs.is_empty() {
        std::slice::from_ref(&start)
    } else {
        rungs
    };
    let mut out = vec![start];
    for k in 1..weeks {
        // (The ratio over what is left, so a week short of its share
        // spreads over the rest.)
        let last = out.last().copied().unwrap_or(start);
        let was = minutes(&last);
        let running = was * (to / was).max(1.0).powf(1.0 / (weeks - k) as f64);
        let at = rungs
            .iter()
            .position(|r| minutes(r) >= running - 1e-6)
            .unwrap_or(rungs.len() - 1);
        let heading = rungs[at];
        // (Blocks no longer than the heading rung's, but for the last,
        // which runs to `to`.)
        let longest = if at + 1 == rungs.len() {
            ((to * 60.0 / f64::from(heading.repeats.max(1)) / 5.0).ceil() as u32 * 5)
                .max(heading.run_seconds)
        } else {
            heading.run_seconds
        };
        out.push(next_week(last, heading, running.min(to), longest, to));
    }
    out
}

/// Minutes of running in a session.
fn minutes(rung: &Interval) -> f64 {
    f64::from(rung.running_seconds()) / 60.0
}

/// The week after `last`, about `running` minutes of running: within a
/// fifth of it where whole blocks allow (else the least over), at or over
/// `running` where one is (a week short of it steepens the weeks after),
/// in the blocks of the `heading` rung, the next the ladder climbs to,
/// where they allow, else in last week's: the blocks grow longer and fewer
/// as the ladder's do, never back (the coach's eleventh review: 2:00
/// blocks, then 8:30, then 3:00). Each block at most `longest` seconds, in
/// 5-second steps; never past `to`, where the ladder tops out.
fn next_week(last: Interval, heading: Interval, running: f64, longest: u32, to: f64) -> Interval {
    let was = minutes(&last);
    let shortened = |rung: Interval, kind: u8| {
        let per = |minutes: f64| minutes * 60.0 / f64::from(rung.repeats.max(1)) / 5.0;
        let share = per(running);
        // (And the most a fifth over last week allows.)
        let most = per(was * STEP_MOST).floor();
        [share.floor() - 1.0, share.floor(), share.ceil(), most].map(move |steps| {
            let run_seconds = (steps.max(1.0) as u32).clamp(1, longest.max(5) / 5) * 5;
            (
                kind,
                Interval {
                    run_seconds,
                    ..rung
                },
            )
        })
    };
    let candidates = shortened(heading, 0)
        .into_iter()
        .chain([(0, heading)])
        .chain(shortened(last, 1));
    candidates
        .filter(|(_, r)| minutes(r) >= was && minutes(r) <= to.max(was) + 1e-9)
        .min_by_key(|(kind, r)| {
            let seconds = r.running_seconds();
            let wanted = (running * 60.0).round() as u32;
            (
                minutes(r) > was * STEP_MOST,
                seconds < wanted,
                *kind,
                seconds.abs_diff(wanted),
            )
        })
        .map_or(last, |(_, r)| r)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cautious() -> Template {
        Template::builtin("cautious").unwrap().unwrap()
    }

    #[test]
    fn a_numb_ladder_takes_four_weeks_more_in_steps_of_about_a_sixth() {
        let template = cautious();
        for first in 0..template.run_walk_ladder.len() - 1 {
            let standard = rungs(&template, first, 60.0, Ladder::default());
            let numb = rungs(
                &template,
                first,
                60.0,
                Ladder {
                    numb: true,
                    most: u32::MAX,
                },
            );
            assert!(
                numb.len() >= standard.len() + 3 && numb.len() <= standard.len() + 5,
                "{first}: {standard:?} {numb:?}"
            );
            // (Whole blocks of 5-second steps miss the sixth by a little
            // where the blocks are few.)
            for pair in numb.windows(2) {
                let (a, b) = (pair[0].running_seconds(), pair[1].running_seconds());
                assert!(b >= a && b * 100 <= a * 121, "{first}: {numb:?}");
            }
            for (n, s) in numb.iter().zip(&standard) {
                assert!(
                    n.running_seconds() <= s.running_seconds(),
                    "{first}: {numb:?}"
                );
            }
        }
    }

    #[test]
    fn the_ladder_never_runs_past_the_everyday_run() {
        let template = cautious();
        let weeks = rungs(&template, 0, 21.0, Ladder::default());
        let last = weeks.last().unwrap();
        assert_eq!(last.walk_seconds, 0);
        assert!(last.running_seconds() <= 21 * 60, "{weeks:?}");
        for w in &weeks {
            assert!(w.running_seconds() <= 21 * 60, "{weeks:?}");
        }
    }
}
