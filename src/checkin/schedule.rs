//! The derived schedule: plan + journal -> which stage each calendar week runs,
//! the decisions taken at each week's end, today's verdict, and what comes next.
//! Nothing here is stored: the same plan, journal and day always give the same
//! answer.

use super::care::{self, Episode};
use super::verdict::{self, Status, Verdict, WeekSignal};
use super::{CheckIn, Cleared, Journal, SessionDone, short_date};
use crate::plan::{Day, Move, Plan, Run, Session, Template, Week};
use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

/// A decision taken at the end of a calendar week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// The first day of the week it applies to.
    pub date: NaiveDate,
    #[serde(rename = "move")]
    pub kind: Move,
    /// 1-based stages.
    pub from_stage: u32,
    pub to_stage: u32,
    pub reasons: Vec<String>,
}

impl Decision {
    /// "Mon 7 Dec: stepped back (stage 2 -> 1). Partly numb during the run on Wed 2 Dec."
    pub fn describe(&self) -> String {
        format!(
            "{}: {} (stage {} -> {}). {}",
            short_date(self.date),
            self.kind.words(),
            self.from_stage,
            self.to_stage,
            self.reasons.join(" ")
        )
        .trim_end()
        .to_string()
    }
}

/// One calendar week of the schedule, before its sessions are laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledWeek {
    pub week: u32,
    pub start: NaiveDate,
    /// 0-based index into the plan's stages.
    pub stage: usize,
    pub moved: Option<Move>,
    /// Runs on these days (inclusive) are suspended for care.
    pub suspended: Option<(NaiveDate, NaiveDate)>,
    /// On these days (inclusive) urgent care is open: no exercise at all.
    pub rest_only: Option<(NaiveDate, NaiveDate)>,
    /// Runs after this day drop to run/walk (a step back).
    pub run_walk_after: Option<NaiveDate>,
    /// Runs after this day wait for an answer: numbness had not cleared and
    /// nothing was recorded since.
    pub held_after: Option<NaiveDate>,
}

impl ScheduledWeek {
    fn within(range: Option<(NaiveDate, NaiveDate)>, date: NaiveDate) -> bool {
        range.is_some_and(|(a, b)| date >= a && date <= b)
    }

    /// Whether runs give way to walks on `date` (care or an open question).
    pub fn runs_suspended_on(&self, date: NaiveDate) -> bool {
        Self::within(self.suspended, date) || self.held_after.is_some_and(|d| date > d)
    }

    /// Whether no exercise at all is prescribed on `date` (urgent care).
    pub fn rest_only_on(&self, date: NaiveDate) -> bool {
        Self::within(self.rest_only, date)
    }
}

/// What comes next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Next {
    /// The first day of next week.
    pub week_start: NaiveDate,
    /// The stage next week runs (1-based); `None` while runs wait for a clearance.
    pub stage: Option<u32>,
    /// When the plan next moves up a stage, if all goes to plan.
    pub advance_on: Option<NaiveDate>,
    /// Whether the plan is complete.
    pub finished: bool,
}

/// Everything the journal says about the plan as of one day.
#[derive(Debug, Clone, PartialEq)]
pub struct Assessment {
    pub today: NaiveDate,
    pub verdict: Verdict,
    /// Calendar weeks: those run so far, this one, and those projected.
    pub weeks: Vec<ScheduledWeek>,
    /// Index of today's week in `weeks`.
    pub current: Option<usize>,
    pub decisions: Vec<Decision>,
    pub next: Next,
}

impl Assessment {
    /// Lays out the sessions of a scheduled week.
    pub fn week(&self, plan: &Plan, template: &Template, index: usize) -> Option<Week> {
        let w = self.weeks.get(index)?;
        let stage = plan.weeks.get(w.stage)?;
        let days = stage
            .days
            .iter()
            .enumerate()
            .map(|(i, day)| {
                let date = w.start + Days::new(i as u64);
                let suspended = w.runs_suspended_on(date);
                let run_walk = w.run_walk_after.is_some_and(|d| date > d);
                if w.rest_only_on(date) {
                    // Urgent care: nothing is prescribed, not even a walk.
                    return Day {
                        date,
                        sessions: vec![Session::Rest],
                        habits: std::sync::Arc::new([]),
                    };
                }
                Day {
                    date,
                    sessions: day
                        .sessions
                        .iter()
                        .map(|s| match s {
                            // Runs suspended: walking and pain-free strength stay.
                            Session::Run(run) if suspended => Session::Walk {
                                minutes: run.minutes.unwrap_or(30).max(20),
                            },
                            Session::Run(run) if run_walk && run.intervals.is_none() => {
                                let rung = template.run_walk_ladder[0];
                                Session::Run(Run {
                                    distance: None,
                                    minutes: Some(rung.minutes()),
                                    intervals: Some(rung),
                                    long: false,
                                })
                            }
                            other => other.clone(),
                        })
                        .collect(),
                    habits: if suspended {
                        std::sync::Arc::new([])
                    } else {
                        day.habits.clone()
                    },
                }
            })
            .collect();
        let mut week = Week {
            week: w.week,
            stage: w.stage as u32 + 1,
            moved: w.moved,
            start: w.start,
            phase: stage.phase,
            target_distance: None,
            target_minutes: None,
            cutback: stage.cutback,
            days,
        };
        week.target_distance = stage
            .target_distance
            .map(|_| week.runs().filter_map(|r| r.distance).sum());
        if stage.target_minutes.is_some() || week.runs().any(|r| r.distance.is_none()) {
            week.target_minutes = Some(week.runs().filter_map(|r| r.minutes).sum());
        }
        Some(week)
    }

    /// Every scheduled week with its sessions.
    pub fn schedule(&self, plan: &Plan, template: &Template) -> Vec<Week> {
        (0..self.weeks.len())
            .filter_map(|i| self.week(plan, template, i))
            .collect()
    }

    /// Today's week with its sessions.
    pub fn current_week(&self, plan: &Plan, template: &Template) -> Option<Week> {
        self.current.and_then(|i| self.week(plan, template, i))
    }
}

/// The session a check-in records when none is named: a done run on a day
/// with a planned run, a rest day otherwise.
pub fn default_session(assessment: &Assessment, plan: &Plan, date: NaiveDate) -> SessionDone {
    let planned_run = assessment
        .weeks
        .iter()
        .find(|w| date >= w.start && date < w.start + Days::new(7))
        .and_then(|w| {
            let offset = (date - w.start).num_days() as usize;
            let suspended = w.runs_suspended_on(date) || w.rest_only_on(date);
            plan.weeks
                .get(w.stage)
                .and_then(|s| s.days.get(offset))
                .map(|d| d.has_run() && !suspended)
        })
        .unwrap_or(false);
    if planned_run {
        SessionDone::Done
    } else {
        SessionDone::RestDay
    }
}

/// The check-ins of the week from `start` up to `upto` recorded after the
/// last clearance (what came before a clearance was judged by the clinician),
/// and what they say with the week before them.
fn week_so_far(journal: &Journal, start: NaiveDate, upto: NaiveDate) -> (&[CheckIn], WeekSignal) {
    let this = since_clearance(journal, journal.between(start, upto), upto);
    let last = since_clearance(
        journal,
        journal.between(start - Days::new(7), start - Days::new(1)),
        upto,
    );
    (this, verdict::week_signal(this, last))
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
    let mut current = None;
    let mut signal = None;
    let mut finished = false;

    while !plan.weeks.is_empty() {
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
        });
        if let Some(c) = this.iter().rev().find(|c| c.run_credit() > 0.0) {
            last_run = c.date;
            gap_stage = stage;
        }
        if today <= end {
            current = Some(weeks.len() - 1);
            signal = Some(week_signal);
            break;
        }

        // The week is over: decide the next one.
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
                &week_signal,
                (end - last_run).num_days(),
                gap_stage,
            )
        };
        if kind == Move::Advance && stage == last_stage {
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
    let advice = verdict::advice(
        journal.between(recent_start, today),
        runs_allowed,
        &plan.profile.health,
    );

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
            if asked_today == Some(question.date) && question.date < today {
                if let Some(w) = current.map(|i| &mut weeks[i]) {
                    w.held_after = Some(question.date.max(w.start - Days::new(1)));
                }
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
        {
            if let Some(s) = signal.as_mut() {
                s.reasons.push(format!(
                    "Cleared by a clinician on {}: runs resume, one stage back from the week after.",
                    short_date(cleared.date)
                ));
            }
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
            reasons: vec![format!(
                "The plan starts on {}.",
                short_date(plan.profile.start)
            )],
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
    if !finished && today_care.is_none() {
        // A clearance this week: the week ends by resuming one stage back.
        let cleared_this_week = current.is_some_and(|i| {
            episodes
                .iter()
                .filter_map(Episode::cleared_on)
                .any(|c| c >= weeks[i].start && c <= today)
        });
        let (mut projected, mut how) = match (current, signal.as_ref().map(|s| s.status)) {
            (None, _) => (Some(0), None),
            (Some(_), _) if cleared_this_week => {
                (Some(stage.saturating_sub(1)), Some(Move::Resume))
            }
            (Some(_), Some(Status::StepBack)) => {
                (Some(stage.saturating_sub(1)), Some(Move::StepBack))
            }
            (Some(_), Some(Status::Hold)) => (Some(stage), Some(Move::Repeat)),
            (Some(_), _) if stage == last_stage => (None, None),
            (Some(_), _) => (Some(stage + 1), None),
        };
        next.stage = projected.map(|s| s as u32 + 1);
        let mut start = next_start;
        let mut previous = current.map(|i| weeks[i].stage);
        while let Some(s) = projected {
            if next.advance_on.is_none() && previous.is_some_and(|p| s > p) {
                next.advance_on = Some(start);
            }
            weeks.push(ScheduledWeek {
                week: weeks.len() as u32 + 1,
                start,
                stage: s,
                moved: how,
                suspended: None,
                rest_only: None,
                run_walk_after: None,
                held_after: None,
            });
            previous = Some(s);
            projected = (s < last_stage).then_some(s + 1);
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
    signal: &WeekSignal,
    days_without_run: i64,
    gap_stage: usize,
) -> (Move, usize, Vec<String>) {
    let stage = week.stage;
    let planned = plan.weeks[stage].run_count() as f64;
    let done: f64 = checkins
        .iter()
        .map(CheckIn::run_credit)
        .sum::<f64>()
        .min(planned);

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

/// Where a runner re-enters after a new layoff of `days` that began at `from`:
/// the last stage at or below the layoff band's share of that stage's volume.
fn reentry_stage(plan: &Plan, template: &Template, from: usize, days: u32) -> usize {
    let Some(fraction) = template.band_fraction(days) else {
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
