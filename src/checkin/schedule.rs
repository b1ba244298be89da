//! The derived schedule: which stage each calendar week runs, the decisions
//! taken at each week's end, today's verdict and what comes next (`assess`
//! works them out), and the sessions a scheduled week lays out. Nothing here
//! is stored.

use super::verdict::Verdict;
use super::{SessionDone, short_date};
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
    /// "Mon 7 Dec: stepped back (stage 2 → 1). Partly numb during the run on
    /// Wed 2 Dec." or "Mon 7 Dec: repeated (stage 2 again). …"
    pub fn describe(&self) -> String {
        let stages = if self.from_stage == self.to_stage && self.kind == Move::StepBack {
            format!("stage {} is the first: it repeats", self.to_stage)
        } else if self.from_stage == self.to_stage {
            format!("stage {} again", self.to_stage)
        } else {
            format!("stage {} → {}", self.from_stage, self.to_stage)
        };
        format!(
            "{}: {} ({stages}). {}",
            short_date(self.date),
            self.kind.words(),
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
    /// After a break of over eight weeks in a plan without run/walk weeks:
    /// the week runs this rung of the template's run/walk ladder instead.
    pub rung: Option<usize>,
}

impl ScheduledWeek {
    fn within(range: Option<(NaiveDate, NaiveDate)>, date: NaiveDate) -> bool {
        range.is_some_and(|(a, b)| date >= a && date <= b)
    }

    /// Whether the week goes on from the one before (the first week, or an
    /// advance): not held, stepped back or re-entered.
    pub fn moves_on(&self) -> bool {
        matches!(self.moved, None | Some(Move::Advance | Move::Finish))
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
    /// How this week's check-ins so far move next week, when they do not
    /// simply advance it (repeat, step back, resume after a clearance).
    #[serde(rename = "move", default, skip_serializing_if = "Option::is_none")]
    pub moved: Option<Move>,
}

impl Next {
    /// "Next: stage 2 from Mon 30 Nov; next step up Mon 7 Dec." or "The plan
    /// is complete."; `None` while runs wait for a clearance.
    pub fn describe(&self) -> Option<String> {
        if self.finished {
            return Some("The plan is complete.".into());
        }
        let stage = self.stage?;
        let from = short_date(self.week_start);
        // What the week's check-ins so far do to next week, said as such: a
        // later check-in can still change it, and the line follows.
        let mut line = match self.moved {
            Some(Move::Repeat) => format!(
                "Next: stage {stage} again from {from} — this week's symptoms so far repeat the step"
            ),
            Some(Move::StepBack) if stage == 1 => format!(
                "Next: stage 1 again from {from} (it is the first) — this week's symptoms so far step the plan back"
            ),
            Some(Move::StepBack) => format!(
                "Next: stage {stage} from {from}, a step back — this week's symptoms so far step the plan back"
            ),
            Some(Move::Resume) => {
                format!("Next: stage {stage} from {from}, one stage back after the clearance")
            }
            _ => format!("Next: stage {stage} from {from}"),
        };
        // (A step up next week is the line itself: said once.)
        if let Some(up) = self.advance_on.filter(|up| *up > self.week_start) {
            line.push_str(&format!("; next step up {}", short_date(up)));
        }
        line.push('.');
        Some(line)
    }
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
        let rung = w
            .rung
            .and_then(|k| template.run_walk_ladder.get(k).copied());
        // A re-entry rung runs on the stage's run days, then its free days
        // (optional cross-training or walks), as many as run/walk weeks have.
        let free = |d: &Day| {
            d.sessions
                .iter()
                .all(|s| matches!(s, Session::Cross { .. } | Session::Walk { .. }))
        };
        let mut rung_days: Vec<usize> = (0..stage.days.len())
            .filter(|i| stage.days[*i].has_run())
            .chain((0..stage.days.len()).filter(|i| free(&stage.days[*i])))
            .take(usize::from(template.run_walk_runs_per_week))
            .collect();
        rung_days.sort_unstable();
        let run_day_habits: std::sync::Arc<[crate::plan::Habit]> = stage
            .days
            .iter()
            .find(|d| d.has_run())
            .map(|d| {
                d.habits
                    .iter()
                    .filter(|h| h.every == crate::plan::HabitEvery::Run)
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
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
                let sessions = day.sessions.iter().filter_map(|s| match s {
                    // Runs suspended: walking and pain-free strength stay.
                    Session::Run(run) if suspended => Some(Session::Walk {
                        minutes: run.minutes.unwrap_or(30).max(20),
                    }),
                    Session::Run(run) => match rung {
                        Some(r) if rung_days.contains(&i) => Some(Session::Run(Run::run_walk(r))),
                        Some(_) => None,
                        None if run_walk && s.is_distance_run() => {
                            Some(Session::Run(Run::run_walk(one_level_down(template, run))))
                        }
                        // A held week, a step back or a return after a break
                        // brings no strides (DESIGN.md §2 v3, rules 5 and 7).
                        None if !w.moves_on() => Some(Session::Run(Run {
                            strides: None,
                            ..run.clone()
                        })),
                        None => Some(s.clone()),
                    },
                    // A free day taken by a re-entry rung.
                    Session::Cross { .. } | Session::Walk { .. }
                        if rung.is_some() && rung_days.contains(&i) =>
                    {
                        rung.filter(|_| !suspended)
                            .map(|r| Session::Run(Run::run_walk(r)))
                    }
                    other => Some(other.clone()),
                });
                let mut sessions: Vec<Session> = sessions.collect();
                if sessions.is_empty() {
                    sessions.push(Session::Rest);
                }
                let has_run = sessions.iter().any(|s| matches!(s, Session::Run(_)));
                Day {
                    date,
                    sessions,
                    habits: if suspended || !has_run {
                        std::sync::Arc::new([])
                    } else if day.habits.is_empty() {
                        // A free day that a re-entry rung runs on.
                        run_day_habits.clone()
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
            phase: if rung.is_some() {
                crate::plan::Phase::RunWalk
            } else {
                stage.phase
            },
            target_distance: None,
            target_minutes: None,
            cutback: stage.cutback,
            days,
        };
        week.target_distance = stage
            .target_distance
            .filter(|_| rung.is_none())
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

    /// The first run after `date`, in today's week or the week after (a
    /// Friday's or Sunday's next run is often next week's).
    pub fn next_run(
        &self,
        plan: &Plan,
        template: &Template,
        date: NaiveDate,
    ) -> Option<(NaiveDate, Run)> {
        let current = self.current?;
        (current..=current + 1)
            .filter_map(|i| self.week(plan, template, i))
            .flat_map(|w| w.days)
            .filter(|d| d.date > date)
            .find_map(|d| d.runs().next().cloned().map(|r| (d.date, r)))
    }

    /// Today's week with its sessions.
    pub fn current_week(&self, plan: &Plan, template: &Template) -> Option<Week> {
        self.current.and_then(|i| self.week(plan, template, i))
    }
}

impl Assessment {
    /// Whether the schedule has a run on `date` that care or an open
    /// question does not take away.
    pub fn run_planned_on(&self, plan: &Plan, date: NaiveDate) -> bool {
        self.weeks
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
            .unwrap_or(false)
    }
}

/// The run/walk a run drops to after a step back within its week: one
/// level down, not to the start (the physio return-to-run soreness rules:
/// "drop one level"; the coach's ninth review found a 49-minute run
/// followed by the ladder's first rung, 8 minutes of running, and 53-minute
/// runs the week after). The hardest rung with walks whose running is no
/// longer than the run's estimated minutes; the first rung when the run is
/// shorter than every rung's running.
fn one_level_down(template: &Template, run: &Run) -> crate::plan::Interval {
    // (A template's ladder has a rung at least: checked when it is loaded.)
    let ladder = &template.run_walk_ladder;
    let minutes = run.minutes.unwrap_or(run.effort.minutes);
    ladder
        .iter()
        .filter(|r| r.walk_seconds > 0 && r.running_seconds() <= minutes.saturating_mul(60))
        .max_by_key(|r| r.running_seconds())
        .copied()
        .unwrap_or(ladder[0])
}

/// The session a check-in records when none is named: a done run on a day
/// with a planned run, a rest day otherwise.
pub fn default_session(assessment: &Assessment, plan: &Plan, date: NaiveDate) -> SessionDone {
    if assessment.run_planned_on(plan, date) {
        SessionDone::Done
    } else {
        SessionDone::RestDay
    }
}
