//! A numb runner's lead-in: four weeks of run/walk sessions of an hour at
//! most, growing a tenth a week at most, before the standard return, which
//! follows where the sessions carry it and climbs from them where they do
//! not (DESIGN.md §2 v3, rule 5: the standard return plus 4–8 weeks; the
//! caution lives in the holds a week with symptoms brings).

use super::model::lead_by;
use crate::plan::{Interval, Template};

/// Weeks of run/walk a runner who is numb now starts with (DESIGN.md §2
/// v3, rule 5: the standard return plus 4–8 weeks).
const NUMB_LEAD_IN_WEEKS: usize = 4;

/// A lead-in session lasts at most this many minutes, walks included, and
/// no longer than the runner's everyday run and the first week's limit by
/// the layoff: a runner who is numb now gets smaller steps, never a longer
/// first week (DESIGN.md §2 v3, rule 2: about 60 min after two weeks off,
/// 45 after a month; the coach's eighth
/// and ninth reviews: run/walk sessions of 72–112 minutes for numb runners
/// of high volume were unsafe, "cap the session and grow the running
/// share"; physio run/walk sessions last 20–30 minutes, NHS Couch to 5K).
pub(super) const LEAD_IN_MOST_MINUTES: f64 = 60.0;

/// A lead-in session may last this long, walks included, however short the
/// runner's everyday run (physio run/walk sessions: 20–30 minutes).
pub(super) const LEAD_IN_LEAST_MINUTES: f64 = 30.0;

/// The most running a lead-in session of at most `cap` minutes, walks
/// included, holds ([`session_for`]). Where the return's runs then lead by
/// more than 1.1x, its distance weeks climb from the lead-in's last
/// sessions ([`carries`]): for a runner of long everyday runs the return
/// takes longer than the standard one plus eight weeks, safety before the
/// calendar.
pub(super) fn most_running(template: &Template, cap: f64) -> f64 {
    let mut minutes = cap.floor();
    while minutes > 1.0 && f64::from(session_for(template, minutes, cap).minutes()) > cap {
        minutes -= 0.5;
    }
    minutes
}

/// A lead-in session has at least this many running blocks: with eleven or
/// more, the week before, at least 1/1.1 of it in whole blocks, is always
/// a block or more shorter (ten or fewer, and rounding up could give it the
/// same session: a flat lead-in).
const LEAD_IN_BLOCKS: f64 = 11.0;

/// The lead-in: each week's rung and sessions, four weeks building to the
/// running the standard return's first weeks lean on (`next_minutes`:
/// their longest run), so that each of their runs is within 1.1x of the
/// lead-in's last (Frandsen 2025). Laid out from the last week back, each
/// week at least the one after it over the template's single-run cap, so no
/// session runs more than 1.1x the week before's (DESIGN.md §2 v3, rule 3:
/// run/walk by its running minutes). All four weeks are of the last week's
/// kind, fewer of its short blocks or as many of its long ones, each
/// shorter: the sessions never change kind nor get shorter (the coach's
/// eleventh review: 2:00 blocks, then 8:30, then 3:00).
/// Sessions a week are the template's run/walk sessions, days apart (NHS
/// Couch to 5K: three a week with rest days between; the coach's tenth
/// review); the runs after it join one a week.
///
/// No session runs longer than the runner's `usual` everyday run before
/// the layoff, in minutes of running (the coach's seventh review: 51 minutes of
/// running in 77-minute sessions for a runner of 42-minute runs). Where the
/// return's first runs then lead by more than 1.1x, its distance weeks
/// start from the lead-in's last sessions ([`carries`]).
pub(super) fn building_to(
    template: &Template,
    next_minutes: f64,
    usual: f64,
    cap: f64,
) -> Vec<(Interval, usize)> {
    let sessions = usize::from(template.run_walk_runs_per_week);
    let mut minutes = (next_minutes / template.single_run_cap).min(usual);
    let last = session_for(template, minutes, cap);
    let mut after = last;
    let mut rungs: Vec<(Interval, usize)> = (0..NUMB_LEAD_IN_WEEKS)
        .map(|week| {
            // One short block fewer where that is less than the week after
            // (eleven or more: a tenth less at most); else as many blocks
            // as it, each shorter.
            let fewer = Interval {
                repeats: ((minutes * 60.0 / f64::from(last.run_seconds.max(1))).ceil() as u32)
                    .clamp(1, after.repeats),
                ..after
            };
            let rung = if week == 0 {
                last
            } else if f64::from(last.repeats) >= LEAD_IN_BLOCKS
                && fewer.running_seconds() < after.running_seconds()
            {
                fewer
            } else {
                as_many_blocks(after, minutes)
            };
            minutes = f64::from(rung.running_seconds()) / 60.0 / template.single_run_cap;
            after = rung;
            (rung, sessions)
        })
        .collect();
    rungs.reverse();
    rungs
}

/// A lead-in session with at least `minutes` of running that lasts at
/// most `cap` minutes: in short blocks, a walk after
/// each ([`rung_for`]), or where those would last longer than `cap`, in
/// fewer, longer blocks of running, each at most the template's longest
/// walking rung's, with its walk between: the running share grows, not the
/// session (the coach's ninth review).
fn session_for(template: &Template, minutes: f64, cap: f64) -> Interval {
    let steady = rung_for(template, minutes, true);
    if f64::from(steady.minutes()) <= cap {
        return steady;
    }
    blocks_of(longest_walking(template), minutes, 30)
}

/// At least `minutes` of running in as many blocks as `rung`, with its
/// walk, each block in steps of 5 to 30 seconds: the longest that is a
/// twentieth of the running at most over all the blocks, so the weeks can
/// grow by a tenth without a flat one between.
pub(super) fn as_many_blocks(rung: Interval, minutes: f64) -> Interval {
    let seconds = minutes * 60.0;
    let blocks = rung.repeats.max(1);
    let most = seconds / 20.0 / f64::from(blocks);
    let step = [30, 15, 10, 5]
        .into_iter()
        .find(|step| f64::from(*step) <= most)
        .unwrap_or(5);
    let steps = (seconds / f64::from(blocks) / f64::from(step)).ceil();
    Interval {
        run_seconds: (steps as u32).max(1) * step,
        walk_seconds: rung.walk_seconds,
        repeats: blocks,
    }
}

/// The template's walking rung with the longest running blocks.
fn longest_walking(template: &Template) -> Interval {
    template
        .run_walk_ladder
        .iter()
        .filter(|r| r.walk_seconds > 0)
        .max_by_key(|r| r.run_seconds)
        .copied()
        .unwrap_or(Interval {
            run_seconds: 600,
            walk_seconds: 60,
            repeats: 1,
        })
}

/// At least `minutes` of running in blocks of at most `longest`'s running,
/// in steps of `step` seconds, with its walk between ([`session_for`]).
fn blocks_of(longest: Interval, minutes: f64, step: u32) -> Interval {
    let seconds = minutes * 60.0;
    let blocks = (seconds / f64::from(longest.run_seconds.max(step)))
        .ceil()
        .max(1.0);
    // Each block's running in steps, rounded up.
    let steps = (seconds / blocks / f64::from(step)).ceil();
    Interval {
        run_seconds: (steps as u32).max(1) * step,
        walk_seconds: longest.walk_seconds,
        repeats: blocks as u32,
    }
}

/// A run/walk session with about `minutes` of running (`at_least`: no
/// less), in the blocks of the template's hardest walking rung that makes
/// eleven blocks or more of them, so whole blocks miss by a 22nd at most
/// (an 11th, rounded up).
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

/// Whether a return whose weeks' longest runs are `next` may follow
/// lead-in weeks whose running was `lead_in`: every week's longest within
/// `ratio` times the longest of the three weeks before it (Frandsen 2025),
/// the pre-layoff runs left behind by the lead-in's four weeks.
pub(super) fn carries(lead_in: &[u32], next: &[u32], ratio: f64) -> bool {
    let mut longest = lead_in.to_vec();
    for &most in next {
        let recent = longest.iter().rev().take(3).copied().max().unwrap_or(0);
        if most > lead_by(recent, ratio) {
            return false;
        }
        longest.push(most);
    }
    true
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
        assert!(rung.repeats >= 11, "eleven blocks or more");
    }

    #[test]
    fn a_lead_in_in_longer_blocks_keeps_them_all_four_weeks() {
        // The coach's tenth review: 59 minutes of 3:00 blocks in week 1,
        // then 33 minutes of 10:00 blocks in week 2.
        let template = crate::plan::Template::builtin("cautious").unwrap().unwrap();
        // (As the return asks: the most running an hour holds.)
        let next = most_running(&template, 60.0) * template.single_run_cap;
        let weeks = building_to(&template, next, 90.0, 60.0);
        assert_eq!(weeks.len(), 4);
        let (last, _) = weeks[3];
        assert!(last.minutes() <= 60, "{last:?}");
        for (rung, _) in &weeks {
            assert_eq!(rung.walk_seconds, last.walk_seconds, "{weeks:?}");
            assert!(rung.run_seconds >= 5 * 60, "{weeks:?}");
        }
        for pair in weeks.windows(2) {
            assert!(pair[1].0.minutes() >= pair[0].0.minutes(), "{weeks:?}");
        }
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
