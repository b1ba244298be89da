//! The walk through the plan's calendar weeks up to today: each week's care
//! suspension, and at its end the decision for the next (suspend, resume,
//! step back, repeat, a new layoff, advance or finish).

use super::{MAX_SCHEDULE_WEEKS, Walk, plan_has_run_walk, since_clearance};
use crate::checkin::care::{Episode, Timeline};
use crate::checkin::schedule::{Decision, ScheduledWeek};
use crate::checkin::verdict::{Status, WeekSignal};
use crate::checkin::{CheckIn, Journal, short_date};
use crate::plan::{Move, Phase, Plan, Template};
use chrono::{Days, NaiveDate};

/// What the walk carries from one week to the next besides the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Between {
    moved: Option<Move>,
    last_run: NaiveDate,
    /// The stage of the last week with a run.
    gap_stage: usize,
    /// The layoff band the runner last re-entered by in the current break.
    reentered: Option<usize>,
}

/// The calendar weeks from the plan's start to today's, and what the walk
/// carried into today's week.
pub(super) fn walk(
    plan: &Plan,
    template: &Template,
    (journal, timeline, episodes): (&Journal, &Timeline, &[Episode]),
    today: NaiveDate,
) -> (Walk, Option<Between>) {
    let walk = Walk {
        weeks: Vec::new(),
        decisions: Vec::new(),
        stage: 0,
        rung: None,
        current: None,
        signal: None,
        finished: false,
    };
    let between = Between {
        moved: None,
        last_run: plan.profile.start - Days::new(1),
        gap_stage: 0,
        reentered: None,
    };
    walk_on(
        plan,
        template,
        (journal, timeline, episodes),
        today,
        (walk, between),
    )
}

/// The walk on from where `walk` stands, with `between` carried into its
/// next week, to today's week; and what it carried into today's week.
pub(super) fn walk_on(
    plan: &Plan,
    template: &Template,
    (journal, timeline, episodes): (&Journal, &Timeline, &[Episode]),
    today: NaiveDate,
    (mut walk, mut between): (Walk, Between),
) -> (Walk, Option<Between>) {
    while !plan.weeks.is_empty() && walk.weeks.len() < MAX_SCHEDULE_WEEKS {
        let carried = between;
        let number = walk.weeks.len() as u32 + 1;
        let start = plan.profile.start + Days::new(7 * u64::from(number - 1));
        if start > today {
            break;
        }
        let end = start + Days::new(6);
        let upto = end.min(today);
        let this = since_clearance(journal, journal.between(start, upto), upto);
        let signal = timeline.week_signal(start, upto, false);
        let (suspended, rest_only) = suspension(episodes, start, upto);
        walk.weeks.push(ScheduledWeek {
            week: number,
            start,
            stage: walk.stage,
            moved: between.moved,
            suspended,
            rest_only,
            run_walk_after: signal.step_back_on,
            held_after: None,
            rung: walk.rung,
        });
        // Runs imported from files count as runs done on days whose
        // check-in does not already say so.
        let imported = imported_run_days(journal, this, start, upto);
        let last_checked = this
            .iter()
            .rev()
            .find(|c| c.run_credit() > 0.0)
            .map(|c| c.date);
        if let Some(date) = last_checked.max(imported.last().copied()) {
            between.last_run = date;
            between.gap_stage = walk.stage;
            between.reentered = None;
        }
        if today <= end {
            walk.current = Some(walk.weeks.len() - 1);
            walk.signal = Some(timeline.week_signal(start, upto, true));
            return (walk, Some(carried));
        }
        let week = WeekEnd {
            checkins: this,
            imported_on: &imported,
            signal: &signal,
            end,
            start,
        };
        if !week_end(
            plan,
            (template, timeline),
            episodes,
            &mut walk,
            &mut between,
            &week,
        ) {
            break;
        }
    }
    (walk, None)
}

/// One finished week as its end-of-week decision reads it.
struct WeekEnd<'w> {
    checkins: &'w [CheckIn],
    /// Days with a run imported from a file and no check-in counting one.
    imported_on: &'w [NaiveDate],
    signal: &'w WeekSignal,
    start: NaiveDate,
    end: NaiveDate,
}

/// Decides the week after `week`; false once the plan is finished.
fn week_end(
    plan: &Plan,
    (template, timeline): (&Template, &Timeline),
    episodes: &[Episode],
    walk: &mut Walk,
    between: &mut Between,
    week: &WeekEnd,
) -> bool {
    let stage = walk.stage;
    let gap = (week.end - between.last_run).num_days();
    let band = layoff_band(template, gap);
    let already_reentered = gap >= 7 && between.reentered == Some(band);
    let care_open = episodes.iter().find(|e| e.open_at(week.end));
    if already_reentered && week.checkins.is_empty() && care_open.is_none() {
        // A break already re-entered by its band: the silent week passes
        // without another decision.
        between.moved = None;
        return true;
    }
    let (kind, mut to, mut reasons) = if let Some(e) = care_open {
        (Move::Suspend, stage, vec![e.decision_line(week.end)])
    } else if let Some(cleared) = episodes
        .iter()
        .filter_map(Episode::cleared_on)
        .find(|c| *c >= week.start && *c <= week.end)
    {
        between.last_run = week.end;
        let words = format!(
            "Cleared by a clinician on {}: running resumes one stage back.",
            short_date(cleared)
        );
        (Move::Resume, stage.saturating_sub(1), vec![words])
    } else {
        let days_without_run = if already_reentered { 0 } else { gap };
        decision(
            plan,
            (template, timeline),
            walk,
            week,
            (days_without_run, between.gap_stage),
        )
    };
    if kind == Move::NewLayoff {
        between.reentered = Some(band);
        walk.rung = (band == template.layoff_bands.len() && !plan_has_run_walk(plan)).then_some(0);
        if walk.rung.is_some() {
            to = 0;
            reasons.push(format!(
                "Over {} days off: run/walk first, from its first rung.",
                template.layoff_bands.last().map_or(56, |b| b.up_to_days)
            ));
        }
    } else if let Some(k) = walk.rung {
        // On the re-entry ladder: moves go rung by rung, then on to stage 1.
        walk.rung = match kind {
            Move::Advance if k + 1 < template.run_walk_ladder.len() => Some(k + 1),
            Move::Advance => None,
            Move::StepBack | Move::Resume => Some(k.saturating_sub(1)),
            _ => Some(k),
        };
        to = stage;
    }
    let date = week.end + Days::new(1);
    let on_ladder = walk.rung.is_some() || walk.weeks.last().is_some_and(|w| w.rung.is_some());
    if kind == Move::Advance && stage + 1 == plan.weeks.len() && !on_ladder {
        walk.decisions.push(Decision {
            date,
            kind: Move::Finish,
            from_stage: stage as u32 + 1,
            to_stage: stage as u32 + 1,
            reasons: vec!["The goal volume was reached and held.".into()],
        });
        walk.finished = true;
        return false;
    }
    if kind != Move::Advance {
        walk.decisions.push(Decision {
            date,
            kind,
            from_stage: stage as u32 + 1,
            to_stage: to as u32 + 1,
            reasons: reasons.iter().map(|r| said_the_monday_after(r)).collect(),
        });
    }
    walk.stage = to;
    between.moved = Some(kind);
    true
}

/// A reason the week's check-ins gave, said as of the decision's day, the
/// Monday after: that week is "last week" then, and the one before it "the
/// week before" (the rules speak of the week as it runs).
fn said_the_monday_after(reason: &str) -> String {
    // One pass over the reason (a walk through ten years says it for every
    // week the plan moved: four `replace`s each cost a copy).
    const SWAPS: [(&str, &str); 4] = [
        ("last", "the week before"),
        ("Last", "The week before"),
        ("this", "last week"),
        ("This", "Last week"),
    ];
    let mut out = String::with_capacity(reason.len() + 8);
    let mut done = 0;
    for (at, _) in reason.match_indices(" week") {
        let before = &reason[done..at];
        match SWAPS.iter().find(|(word, _)| before.ends_with(word)) {
            Some((word, said)) => {
                out.push_str(&before[..before.len() - word.len()]);
                out.push_str(said);
            }
            None => {
                out.push_str(before);
                out.push_str(" week");
            }
        }
        done = at + " week".len();
    }
    out.push_str(&reason[done..]);
    out
}

/// The days of a week (up to `upto`) on which runs are suspended for care,
/// and those on which urgent care leaves no exercise at all.
type Span = Option<(NaiveDate, NaiveDate)>;

fn suspension(episodes: &[Episode], start: NaiveDate, upto: NaiveDate) -> (Span, Span) {
    let end = start + Days::new(6);
    let mut suspended: Span = None;
    let mut rest_only: Span = None;
    let widen = |span: &mut Span, from: NaiveDate, to: NaiveDate| {
        *span = Some(match *span {
            Some((a, b)) => (a.min(from), b.max(to)),
            None => (from, to),
        });
    };
    for e in episodes
        .iter()
        .filter(|e| e.since <= upto && e.since <= end)
    {
        let from = e.since.max(start);
        let to = match e.cleared_on() {
            Some(c) if c <= from => continue,
            Some(c) => (c - Days::new(1)).min(end),
            None => end,
        };
        if to < start {
            continue;
        }
        widen(&mut suspended, from, to);
        if let Some(rest) = e.rest_only_from().map(|d| d.max(from)).filter(|d| *d <= to) {
            widen(&mut rest_only, rest, to);
        }
    }
    (suspended, rest_only)
}

/// Rules 3–6 at the end of a week without care: step back, hold, missed
/// training, a new layoff, or advance.
fn decision(
    plan: &Plan,
    (template, timeline): (&Template, &Timeline),
    walk: &Walk,
    week: &WeekEnd,
    (days_without_run, gap_stage): (i64, usize),
) -> (Move, usize, Vec<String>) {
    let stage = walk.stage;
    let layoff = (days_without_run >= 7).then(|| {
        let to = reentry_stage(plan, template, gap_stage, days_without_run as u32);
        (
            Move::NewLayoff,
            to.min(stage),
            vec![format!(
                "No run recorded for {days_without_run} days: a new layoff, so the plan re-enters by the layoff bands."
            )],
        )
    });
    // The week's reasons are written only for a week that moves the plan.
    let reasons = || timeline.week_signal(week.start, week.end, true).reasons;
    let by_signal = match week.signal.status {
        Status::StepBack => Some((Move::StepBack, stage.saturating_sub(1), reasons())),
        Status::Hold => Some((Move::Repeat, stage, reasons())),
        _ => None,
    };
    match (layoff, by_signal) {
        (Some(l), Some(s)) => return if l.1 < s.1 { l } else { s },
        (Some(l), None) => return l,
        (None, Some(s)) => return s,
        (None, None) => {}
    }
    // A runner who was numb when the plan began climbs the run/walk ladder
    // only on weeks without numbness or tingling (docs/plan-rules.md; the
    // US Army trial does not progress with more symptoms).
    let scheduled = &walk.weeks[walk.weeks.len() - 1];
    let on_ladder = plan.weeks[stage].phase == Phase::RunWalk || scheduled.rung.is_some();
    if plan.profile.numb_now
        && on_ladder
        && week.checkins.iter().any(|c| c.numbness.is_symptomatic())
    {
        return (
            Move::Repeat,
            stage,
            vec!["Numbness or tingling this week: the run/walk step repeats until a week without it.".into()],
        );
    }
    // A week the plan re-entered after a break is judged on the runs
    // planned from the runner's return on, not on those inside the break.
    let back_on = (scheduled.moved == Some(Move::NewLayoff))
        .then(|| {
            week.checkins
                .iter()
                .filter(|c| c.run_credit() > 0.0)
                .map(|c| c.date)
                .chain(week.imported_on.iter().copied())
                .min()
        })
        .flatten();
    missed_runs(plan, stage, week, back_on).unwrap_or((Move::Advance, stage + 1, Vec::new()))
}

/// Missed training: advance on two thirds of the runs (those planned from
/// `back_on`, the return after a break, when there is one), repeat
/// otherwise.
fn missed_runs(
    plan: &Plan,
    stage: usize,
    week: &WeekEnd,
    back_on: Option<NaiveDate>,
) -> Option<(Move, usize, Vec<String>)> {
    let days = &plan.weeks[stage].days;
    let planned = (0..days.len())
        .filter(|i| days[*i].has_run())
        .filter(|i| back_on.is_none_or(|d| week.start + chrono::Days::new(*i as u64) >= d))
        .count() as f64;
    let done: f64 = (week.checkins.iter().map(CheckIn::run_credit).sum::<f64>()
        + week.imported_on.len() as f64)
        .min(planned);
    if planned <= 0.0 || done * 3.0 >= planned * 2.0 {
        return None;
    }
    let share = if done * 2.0 < planned {
        "under half"
    } else {
        "under two thirds"
    };
    let done = if done.fract() == 0.0 {
        format!("{done}")
    } else {
        format!("{done:.1}")
    };
    let runs = if planned == 1.0 { "run" } else { "runs" };
    Some((
        Move::Repeat,
        stage,
        vec![format!(
            "{done} of {planned} {runs} done ({share}): the stage repeats."
        )],
    ))
}

/// The days from `start` to `upto` with a run imported from a file and no
/// check-in that already counts a run, in order.
fn imported_run_days(
    journal: &Journal,
    checkins: &[CheckIn],
    start: NaiveDate,
    upto: NaiveDate,
) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = journal
        .runs()
        .iter()
        .map(|r| r.date)
        .filter(|d| *d >= start && *d <= upto)
        .filter(|d| {
            !checkins
                .iter()
                .any(|c| c.date == *d && c.run_credit() > 0.0)
        })
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// The index of the layoff band a break of `days` falls in; the number of
/// bands when it calls for run/walk.
fn layoff_band(template: &Template, days: i64) -> usize {
    let days = u32::try_from(days.max(0)).unwrap_or(u32::MAX);
    template
        .layoff_bands
        .iter()
        .position(|band| days <= band.up_to_days)
        .unwrap_or(template.layoff_bands.len())
}

/// Where a runner re-enters after a new layoff of `days` that began at `from`:
/// the last stage at or below the layoff band's share of that stage's volume.
fn reentry_stage(plan: &Plan, template: &Template, from: usize, days: u32) -> usize {
    let Some(fraction) = template
        .band(days, false)
        .map(|band| band.steps.first().copied().unwrap_or(1.0))
    else {
        return 0;
    };
    match plan.weeks[from].target_distance {
        Some(volume) => {
            let limit = volume.scale_down(fraction);
            plan.weeks[..=from]
                .iter()
                .rposition(|w| w.target_distance.is_some_and(|d| d <= limit))
                .unwrap_or(0)
        }
        None => from / 2,
    }
}

#[cfg(test)]
mod tests {
    use super::said_the_monday_after;

    #[test]
    fn the_monday_after_says_this_week_as_last_week_and_last_week_as_the_week_before() {
        for reason in [
            "Symptoms on 2 of 3 runs this week (Thu 3 Dec and Sun 6 Dec).",
            "This week: tingling. Last week too; this week again, and last week.",
            "No week words here.",
            "Two weeks running: this weekend, last weekday, this week.",
            "",
        ] {
            let slow = reason
                .replace("last week", "the week before")
                .replace("Last week", "The week before")
                .replace("this week", "last week")
                .replace("This week", "Last week");
            assert_eq!(said_the_monday_after(reason), slow, "{reason}");
        }
    }
}
