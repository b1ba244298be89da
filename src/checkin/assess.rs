//! `assess`: walks the plan's weeks over the journal — care episodes, each
//! week's signal and its end-of-week decision — to today's verdict and the
//! weeks projected ahead. Pure: the same plan, journal and day always give
//! the same answer.

use super::care::{self, Episode};
use super::schedule::{Assessment, Decision, Next, ScheduledWeek};
use super::verdict::{self, Status, Verdict, WeekSignal};
use super::{CheckIn, Cleared, Journal, short_date};
use crate::plan::{Move, Phase, Plan, Template};
use chrono::{Days, NaiveDate};

/// The derived schedule stops after this many weeks (about 21 years): a
/// plan is never that long, and a start typed decades off cannot make a
/// command lay out centuries of weeks.
pub const MAX_SCHEDULE_WEEKS: usize = 1100;

/// The check-ins of the week from `start` up to `upto` recorded after the
/// last clearance (what came before a clearance was judged by the clinician),
/// and what they say with the week before them.
fn week_so_far(journal: &Journal, start: NaiveDate, upto: NaiveDate) -> (&[CheckIn], WeekSignal) {
    let all = journal.between(start, upto);
    let this = since_clearance(journal, all, upto);
    let last = since_clearance(
        journal,
        journal.between(start - Days::new(7), start - Days::new(1)),
        upto,
    );
    let mut signal = verdict::week_signal(this, last);
    if this.is_empty() && !all.is_empty() {
        // The week has check-ins, but a clearance covers them all.
        signal.reasons = vec!["No check-ins since the clearance yet.".to_string()];
    }
    (this, signal)
}

/// The check-ins among `checkins` (in date order, one a day) that come after
/// the last clearance dated up to `upto`: a tail of them.
fn since_clearance<'a>(
    journal: &Journal,
    checkins: &'a [CheckIn],
    upto: NaiveDate,
) -> &'a [CheckIn] {
    let clearances = journal.clearances();
    let last = clearances[..clearances.partition_point(|x| x.date <= upto)].last();
    match last {
        Some(x) => &checkins[checkins.partition_point(|c| x.comes_after(c))..],
        None => checkins,
    }
}

/// A check-in whose numbness had not cleared, with no symptom-free check-in
/// since: an open question, not good news (the project's rule, in
/// docs/care-rules.md).
fn open_question(journal: &Journal, today: NaiveDate) -> Option<&CheckIn> {
    let recent = since_clearance(
        journal,
        journal.between(today - Days::new(27), today),
        today,
    );
    let answered_from = recent.iter().rposition(|c| !c.numbness.is_symptomatic());
    recent
        .iter()
        .skip(answered_from.map_or(0, |i| i + 1))
        .rfind(|c| c.cleared == Some(Cleared::NotYet))
}

/// Derives the schedule, the decisions and today's verdict.
pub fn assess(plan: &Plan, template: &Template, journal: &Journal, today: NaiveDate) -> Assessment {
    let episodes = care::episodes(journal, &plan.profile, today);
    let last_stage = plan.weeks.len().saturating_sub(1);
    let mut weeks: Vec<ScheduledWeek> = Vec::new();
    let mut decisions: Vec<Decision> = Vec::new();
    let mut stage = 0usize;
    let mut moved: Option<Move> = None;
    let mut last_run = plan.profile.start - Days::new(1);
    let mut gap_stage = 0usize;
    // A rung of the run/walk ladder the runner re-entered at after a long
    // break, when the plan itself has no run/walk weeks.
    let mut rung: Option<usize> = None;
    // The layoff band the runner last re-entered by in the current break.
    let mut reentered: Option<usize> = None;
    let mut current = None;
    let mut signal = None;
    let mut finished = false;

    while !plan.weeks.is_empty() && weeks.len() < MAX_SCHEDULE_WEEKS {
        let number = weeks.len() as u32 + 1;
        let start = plan.profile.start + Days::new(7 * u64::from(number - 1));
        if start > today {
            break;
        }
        let end = start + Days::new(6);
        let upto = end.min(today);
        let (this, week_signal) = week_so_far(journal, start, upto);
        let (suspended, rest_only) = suspension(&episodes, start, upto);
        weeks.push(ScheduledWeek {
            week: number,
            start,
            stage,
            moved,
            suspended,
            rest_only,
            run_walk_after: week_signal.step_back_on,
            held_after: None,
            rung,
        });
        // Runs imported from files count as runs done on days whose
        // check-in does not already say so.
        let imported: Vec<NaiveDate> = imported_run_days(journal, this, start, upto);
        let last_checked = this
            .iter()
            .rev()
            .find(|c| c.run_credit() > 0.0)
            .map(|c| c.date);
        if let Some(date) = last_checked.max(imported.last().copied()) {
            last_run = date;
            gap_stage = stage;
            reentered = None;
        }
        if today <= end {
            current = Some(weeks.len() - 1);
            signal = Some(week_signal);
            break;
        }

        // The week is over: decide the next one.
        let gap = (end - last_run).num_days();
        let band = layoff_band(template, gap);
        let already_reentered = gap >= 7 && reentered == Some(band);
        if already_reentered && this.is_empty() && !episodes.iter().any(|e| e.open_at(end)) {
            // A break already re-entered by its band: the silent week passes
            // without another decision.
            moved = None;
            continue;
        }
        let (kind, to, reasons) = if let Some(e) = episodes.iter().find(|e| e.open_at(end)) {
            (Move::Suspend, stage, e.care.why.clone())
        } else if let Some(cleared) = episodes
            .iter()
            .filter_map(Episode::cleared_on)
            .find(|c| *c >= start && *c <= end)
        {
            last_run = end;
            (
                Move::Resume,
                stage.saturating_sub(1),
                vec![format!(
                    "Cleared by a clinician on {}: running resumes one stage back.",
                    short_date(cleared)
                )],
            )
        } else {
            week_end_decision(
                plan,
                template,
                &weeks[weeks.len() - 1],
                this,
                imported.len() as f64,
                &week_signal,
                (if already_reentered { 0 } else { gap }, gap_stage),
            )
        };
        let mut to = to;
        let mut reasons = reasons;
        if kind == Move::NewLayoff {
            reentered = Some(band);
            let plan_has_run_walk = plan
                .weeks
                .first()
                .is_some_and(|w| w.phase == Phase::RunWalk);
            rung = (band == template.layoff_bands.len() && !plan_has_run_walk).then_some(0);
            if rung.is_some() {
                to = 0;
                reasons.push(format!(
                    "Over {} days off: run/walk first, from its first rung.",
                    template.layoff_bands.last().map_or(56, |b| b.up_to_days)
                ));
            }
        } else if let Some(k) = rung {
            // On the re-entry ladder: moves go rung by rung, then on to stage 1.
            rung = match kind {
                Move::Advance if k + 1 < template.run_walk_ladder.len() => Some(k + 1),
                Move::Advance => None,
                Move::StepBack | Move::Resume => Some(k.saturating_sub(1)),
                _ => Some(k),
            };
            to = stage;
        }
        if kind == Move::Advance
            && stage == last_stage
            && rung.is_none()
            && weeks[weeks.len() - 1].rung.is_none()
        {
            decisions.push(Decision {
                date: end + Days::new(1),
                kind: Move::Finish,
                from_stage: stage as u32 + 1,
                to_stage: stage as u32 + 1,
                reasons: vec!["The goal volume was reached and held.".into()],
            });
            finished = true;
            break;
        }
        if kind != Move::Advance {
            decisions.push(Decision {
                date: end + Days::new(1),
                kind,
                from_stage: stage as u32 + 1,
                to_stage: to as u32 + 1,
                reasons,
            });
        }
        stage = to;
        moved = Some(kind);
    }

    // Today's verdict. Once the plan is complete there is no plan week, but
    // the week's symptoms still count: numbness still steps a runner back.
    if finished {
        let since_start = (today - plan.profile.start).num_days().max(0) as u64;
        let week_start = plan.profile.start + Days::new(since_start / 7 * 7);
        signal = Some(week_so_far(journal, week_start, today).1)
            .filter(|s| s.status != Status::OnTrack)
            .map(|mut s| {
                s.reasons.push(match s.status {
                    Status::StepBack => "The plan is complete, but run next week at the last \
                        stage's volume before going back to the goal."
                        .into(),
                    _ => "The plan is complete: stay at the goal volume, no higher, \
                        until this eases."
                        .into(),
                });
                s
            });
    }
    let today_care = episodes.last().filter(|e| e.cleared.is_none());
    let recent_start = today - Days::new(6);
    let runs_allowed = today_care.is_none();
    let mut advice = verdict::advice(
        journal.between(recent_start, today),
        runs_allowed,
        &plan.profile.health,
    );
    if runs_allowed {
        let week = current
            .and_then(|i| weeks.get(i))
            .and_then(|w| plan.weeks.get(w.stage).map(|s| (w, s)));
        let laid_out = week.map(|(w, stage)| crate::plan::Week {
            start: w.start,
            ..stage.clone()
        });
        advice.extend(super::load::advice(
            journal,
            (plan, template),
            laid_out.as_ref(),
            today,
        ));
    }

    // An open question holds the plan and the runs after it until the runner
    // says how it is (docs/care-rules.md).
    if today_care.is_none() {
        if let Some(question) = open_question(journal, today) {
            let asked_today = journal
                .checkins()
                .iter()
                .rfind(|c| c.date <= today)
                .map(|c| c.date);
            let words = if asked_today == Some(question.date) && question.date < today {
                format!(
                    "Numbness on {} had not cleared, and nothing since: how is it now? Record a check-in; runs wait until it has cleared.",
                    short_date(question.date)
                )
            } else {
                format!(
                    "Numbness on {} had not cleared, and no symptom-free day since: the stage holds until one.",
                    short_date(question.date)
                )
            };
            if asked_today == Some(question.date)
                && question.date < today
                && let Some(w) = current.map(|i| &mut weeks[i])
            {
                w.held_after = Some(question.date.max(w.start - Days::new(1)));
            }
            signal = Some(match signal {
                Some(mut s) if s.status <= Status::Hold => {
                    s.reasons.push(words);
                    s
                }
                _ => WeekSignal {
                    status: Status::Hold,
                    reasons: vec![words],
                    step_back_on: None,
                },
            });
        }
        if let Some(cleared) = journal
            .clearances()
            .iter()
            .rfind(|x| x.date <= today && x.date > today - Days::new(7))
            && let Some(s) = signal.as_mut()
        {
            s.reasons.push(format!(
                "Cleared by a clinician on {}: runs resume, one stage back from the week after.",
                short_date(cleared.date)
            ));
        }
    }
    let verdict = match (today_care, &signal) {
        (Some(e), _) => Verdict::from_care(e.care.clone(), advice),
        (None, Some(s)) => Verdict {
            status: s.status,
            reasons: s.reasons.clone(),
            advice,
            care: None,
        },
        (None, None) if finished => Verdict {
            status: Status::OnTrack,
            reasons: vec!["The plan is complete: back to the goal volume.".into()],
            advice,
            care: None,
        },
        (None, None) => Verdict {
            status: Status::OnTrack,
            reasons: vec![if today >= plan.profile.start {
                format!(
                    "The plan began on {}, more than {MAX_SCHEDULE_WEEKS} weeks ago: its schedule ends there; make a new plan.",
                    plan.profile.start
                )
            } else {
                format!("The plan starts on {}.", short_date(plan.profile.start))
            }],
            advice,
            care: None,
        },
    };

    // Project the weeks ahead as if every run gets done.
    let next_start = match current {
        Some(i) => weeks[i].start + Days::new(7),
        None if finished => today,
        None => plan.profile.start,
    };
    let mut next = Next {
        week_start: next_start,
        stage: None,
        advance_on: None,
        finished,
    };
    let ladder = template.run_walk_ladder.len();
    // The place after (stage, rung) when all goes to plan.
    let after = |(s, r): (usize, Option<usize>)| match r {
        Some(k) if k + 1 < ladder => Some((s, Some(k + 1))),
        Some(_) => Some((s, None)),
        None => (s < last_stage).then_some((s + 1, None)),
    };
    let back = |(s, r): (usize, Option<usize>)| match r {
        Some(k) => (s, Some(k.saturating_sub(1))),
        None => (s.saturating_sub(1), None),
    };
    if !finished && today_care.is_none() {
        // A clearance this week: the week ends by resuming one stage back.
        let cleared_this_week = current.is_some_and(|i| {
            episodes
                .iter()
                .filter_map(Episode::cleared_on)
                .any(|c| c >= weeks[i].start && c <= today)
        });
        let here = (stage, rung);
        let (mut projected, mut how) = match (current, signal.as_ref().map(|s| s.status)) {
            (None, _) => (Some((0, None)), None),
            (Some(_), _) if cleared_this_week => (Some(back(here)), Some(Move::Resume)),
            (Some(_), Some(Status::StepBack)) => (Some(back(here)), Some(Move::StepBack)),
            (Some(_), Some(Status::Hold)) => (Some(here), Some(Move::Repeat)),
            (Some(_), _) => (after(here), None),
        };
        next.stage = projected.map(|(s, _)| s as u32 + 1);
        let mut start = next_start;
        let mut previous = current.map(|i| (weeks[i].stage, weeks[i].rung));
        while let Some(place) = projected {
            let moved_up = previous.is_some_and(|p| after(p) == Some(place));
            if next.advance_on.is_none() && moved_up {
                next.advance_on = Some(start);
            }
            weeks.push(ScheduledWeek {
                week: weeks.len() as u32 + 1,
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
    }

    Assessment {
        today,
        verdict,
        weeks,
        current,
        decisions,
        next,
    }
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
        .filter(|e| e.care.since <= upto && e.care.since <= end)
    {
        let from = e.care.since.max(start);
        let to = match e.cleared_on() {
            Some(c) if c <= from => continue,
            Some(c) => (c - Days::new(1)).min(end),
            None => end,
        };
        if to < start {
            continue;
        }
        widen(&mut suspended, from, to);
        if !e.care.level.allows_exercise() {
            widen(&mut rest_only, from, to);
        }
    }
    (suspended, rest_only)
}

/// Rules 3–6 at the end of a week without care: step back, hold, missed
/// training, a new layoff, or advance.
fn week_end_decision(
    plan: &Plan,
    template: &Template,
    week: &ScheduledWeek,
    checkins: &[CheckIn],
    imported_runs: f64,
    signal: &WeekSignal,
    (days_without_run, gap_stage): (i64, usize),
) -> (Move, usize, Vec<String>) {
    let stage = week.stage;
    let planned = plan.weeks[stage].run_count() as f64;
    let done: f64 =
        (checkins.iter().map(CheckIn::run_credit).sum::<f64>() + imported_runs).min(planned);

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
    let by_signal = match signal.status {
        Status::StepBack => Some((
            Move::StepBack,
            stage.saturating_sub(1),
            signal.reasons.clone(),
        )),
        Status::Hold => Some((Move::Repeat, stage, signal.reasons.clone())),
        _ => None,
    };
    match (layoff, by_signal) {
        (Some(l), Some(s)) => return if l.1 < s.1 { l } else { s },
        (Some(l), None) => return l,
        (None, Some(s)) => return s,
        (None, None) => {}
    }
    // A runner who was numb when the plan began climbs the run/walk ladder
    // only on weeks without numbness or tingling (the project's rule, in
    // docs/plan-rules.md; the US Army trial does not progress with more
    // symptoms).
    let on_ladder = plan.weeks[stage].phase == Phase::RunWalk || week.rung.is_some();
    if plan.profile.numb_now && on_ladder && checkins.iter().any(|c| c.numbness.is_symptomatic()) {
        return (
            Move::Repeat,
            stage,
            vec!["Numbness or tingling this week: the run/walk step repeats until a week without it.".into()],
        );
    }
    // Missed training: advance on two thirds of the runs, repeat otherwise.
    if planned > 0.0 && done * 3.0 < planned * 2.0 {
        let share = if done * 2.0 < planned {
            "under half"
        } else {
            "under two thirds"
        };
        return (
            Move::Repeat,
            stage,
            vec![format!(
                "{} of {} runs done ({share}): the stage repeats.",
                fmt_runs(done),
                planned
            )],
        );
    }
    (Move::Advance, stage + 1, Vec::new())
}

fn fmt_runs(done: f64) -> String {
    if done.fract() == 0.0 {
        format!("{done}")
    } else {
        format!("{done:.1}")
    }
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
