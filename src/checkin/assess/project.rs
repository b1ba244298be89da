//! The weeks ahead, projected as if every run gets done: where next week
//! stands, and when the plan next moves up.

use super::Walk;
use crate::checkin::care::Episode;
use crate::checkin::schedule::{Next, ScheduledWeek};
use crate::checkin::verdict::Status;
use crate::plan::{Move, Plan, Template};
use chrono::{Days, NaiveDate};

/// A place in the plan: a stage, and a rung of the re-entry ladder.
type Place = (usize, Option<usize>);

/// What comes next, with the projected weeks added to the walk's.
pub(super) fn next(
    plan: &Plan,
    template: &Template,
    episodes: &[Episode],
    walk: &mut Walk,
    runs_allowed: bool,
    today: NaiveDate,
) -> Next {
    let next_start = match walk.current {
        Some(i) => walk.weeks[i].start + Days::new(7),
        None if walk.finished => today,
        None => plan.profile.start,
    };
    let mut next = Next {
        week_start: next_start,
        stage: None,
        advance_on: None,
        finished: walk.finished,
        moved: None,
    };
    if walk.finished || !runs_allowed {
        return next;
    }
    let last_stage = plan.weeks.len().saturating_sub(1);
    let ladder = template.run_walk_ladder.len();
    // The place after (stage, rung) when all goes to plan.
    let after = |(s, r): Place| match r {
        Some(k) if k + 1 < ladder => Some((s, Some(k + 1))),
        Some(_) => Some((s, None)),
        None => (s < last_stage).then_some((s + 1, None)),
    };
    let back = |(s, r): Place| match r {
        Some(k) => (s, Some(k.saturating_sub(1))),
        None => (s.saturating_sub(1), None),
    };
    // A clearance this week: the week ends by resuming one stage back.
    let cleared_this_week = walk.current.is_some_and(|i| {
        episodes
            .iter()
            .filter_map(Episode::cleared_on)
            .any(|c| c >= walk.weeks[i].start && c <= today)
    });
    let here = (walk.stage, walk.rung);
    let (mut projected, mut how) = match (walk.current, walk.signal.as_ref().map(|s| s.status)) {
        (None, _) => (Some((0, None)), None),
        (Some(_), _) if cleared_this_week => (Some(back(here)), Some(Move::Resume)),
        (Some(_), Some(Status::StepBack)) => (Some(back(here)), Some(Move::StepBack)),
        (Some(_), Some(Status::Hold)) => (Some(here), Some(Move::Repeat)),
        (Some(_), _) => (after(here), None),
    };
    next.stage = projected.map(|(s, _)| s as u32 + 1);
    next.moved = how;
    let mut start = next_start;
    let mut previous = walk
        .current
        .map(|i| (walk.weeks[i].stage, walk.weeks[i].rung));
    while let Some(place) = projected {
        let moved_up = previous.is_some_and(|p| after(p) == Some(place));
        if next.advance_on.is_none() && moved_up {
            next.advance_on = Some(start);
        }
        walk.weeks.push(ScheduledWeek {
            week: walk.weeks.len() as u32 + 1,
            start,
            stage: place.0,
            moved: how,
            suspended: None,
            rest_only: None,
            run_walk_after: None,
            held_after: None,
            rung: place.1,
        });
        previous = Some(place);
        projected = after(place);
        how = None;
        start = start + Days::new(7);
    }
    next
}
