//! `assess`: walks the plan's weeks over the journal — care episodes, each
//! week's signal and its end-of-week decision — to today's verdict and the
//! weeks projected ahead. Pure: the same plan, journal and day always give
//! the same answer.

use super::care::{Episode, Timeline};
use super::schedule::{Assessment, Decision, ScheduledWeek};
use super::verdict::{self, Status, Verdict, WeekSignal};
use super::{CheckIn, Cleared, Journal, short_date};
use crate::plan::{Move, Phase, Plan, Template};
use chrono::{Days, NaiveDate};

mod decide;
mod project;
mod resume;

pub use resume::{Resume, resume};

/// The derived schedule stops after this many weeks (about 21 years): a
/// plan is never that long, and a start typed decades off cannot make a
/// command lay out centuries of weeks.
pub const MAX_SCHEDULE_WEEKS: usize = 1100;

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

/// A check-in whose numbness had not cleared — or was partly numb or worse
/// with no word on clearing — with no symptom-free check-in since: an open
/// question, not good news (docs/care-rules.md). However long the silence:
/// weeks without a word are no answer (the clinician's twenty-fourth
/// review: the question was dropped after four weeks, and the plan went on).
fn open_question(journal: &Journal, today: NaiveDate) -> Option<&CheckIn> {
    let recent = since_clearance(journal, journal.between(NaiveDate::MIN, today), today);
    let answered_from = recent.iter().rposition(|c| !c.numbness.is_symptomatic());
    recent
        .iter()
        .skip(answered_from.map_or(0, |i| i + 1))
        .rfind(|c| c.leaves_a_question())
}

/// Where the walk through the weeks stands.
pub(super) struct Walk {
    pub weeks: Vec<ScheduledWeek>,
    pub decisions: Vec<Decision>,
    pub stage: usize,
    /// A rung of the run/walk ladder the runner re-entered at after a long
    /// break, when the plan itself has no run/walk weeks.
    pub rung: Option<usize>,
    /// Index of today's week.
    pub current: Option<usize>,
    /// Today's week's signal so far.
    pub signal: Option<WeekSignal>,
    pub finished: bool,
}

/// Derives the schedule, the decisions and today's verdict.
pub fn assess(plan: &Plan, template: &Template, journal: &Journal, today: NaiveDate) -> Assessment {
    assess_keeping(plan, template, journal, today).0
}

/// [`assess`], with where the walk stood when it came to today's week: what
/// a later assessment [`resume`]s from.
pub fn assess_keeping(
    plan: &Plan,
    template: &Template,
    journal: &Journal,
    today: NaiveDate,
) -> (Assessment, Option<Resume>) {
    let timeline = Timeline::new(journal, &plan.profile, today);
    let (episodes, carried) = timeline.episodes_carrying();
    let (walk, between) = decide::walk(plan, template, (journal, &timeline, &episodes), today);
    let assessment = finish(plan, template, (journal, &timeline, &episodes), walk, today);
    (assessment, between.map(|b| Resume::new(b, carried)))
}

/// Today's verdict and the weeks ahead, once the walk came to today's week.
fn finish(
    plan: &Plan,
    template: &Template,
    (journal, timeline, episodes): (&Journal, &Timeline, &[Episode]),
    mut walk: Walk,
    today: NaiveDate,
) -> Assessment {
    if walk.finished {
        walk.signal = after_the_end(plan, timeline, today);
    }
    let today_care = episodes.last().filter(|e| e.cleared.is_none());
    let verdict = todays_verdict(plan, template, journal, episodes, &mut walk, today);
    let next = project::next(
        plan,
        template,
        episodes,
        &mut walk,
        today_care.is_none(),
        today,
    );
    Assessment {
        today,
        verdict,
        weeks: walk.weeks,
        current: walk.current,
        decisions: walk.decisions,
        next,
    }
}

/// Once the plan is complete there is no plan week, but the week's symptoms
/// still count: numbness still steps a runner back.
fn after_the_end(plan: &Plan, timeline: &Timeline, today: NaiveDate) -> Option<WeekSignal> {
    let since_start = (today - plan.profile.start).num_days().max(0) as u64;
    let week_start = plan.profile.start + Days::new(since_start / 7 * 7);
    let mut s = timeline.week_signal(week_start, today, true);
    if s.status == Status::OnTrack {
        return None;
    }
    s.reasons.push(match s.status {
        Status::StepBack => "The plan is complete, but run next week at the last stage's volume \
            before going back to the goal."
            .into(),
        _ => "The plan is complete: stay at the goal volume, no higher, until this eases.".into(),
    });
    Some(s)
}

/// Today's verdict: the open care, or this week's signal with the open
/// question and a recent clearance; advice that follows the check-ins.
fn todays_verdict(
    plan: &Plan,
    template: &Template,
    journal: &Journal,
    episodes: &[Episode],
    walk: &mut Walk,
    today: NaiveDate,
) -> Verdict {
    let today_care = episodes.last().filter(|e| e.cleared.is_none());
    let recent = journal.between(today - Days::new(6), today);
    let mut advice = verdict::advice(recent, today_care.is_none(), &plan.profile.health);
    advice.extend(verdict::note_lines(recent));
    if let Some(e) = today_care {
        return Verdict::from_care(e.care(today), advice);
    }
    let week = walk
        .current
        .and_then(|i| walk.weeks.get(i))
        .and_then(|w| plan.weeks.get(w.stage).map(|s| (w, s)));
    let laid_out = week.map(|(w, stage)| crate::plan::Week {
        start: w.start,
        ..stage.clone()
    });
    // Injury-risk warnings lead the advice.
    let warnings = super::load::advice(journal, (plan, template), laid_out.as_ref(), today);
    let warning_count = warnings.len();
    advice.splice(0..0, warnings);
    ask_how_it_is(journal, walk, today);
    if let Some(cleared) = journal
        .clearances()
        .iter()
        .rfind(|x| x.date <= today && x.date > today - Days::new(7))
        && let Some(s) = walk.signal.as_mut()
    {
        s.reasons.push(format!(
            "Cleared by a clinician on {}: runs resume, one stage back from the week after.",
            short_date(cleared.date)
        ));
    }
    let moved = walk.current.and_then(|i| walk.weeks[i].moved);
    match &walk.signal {
        Some(s) => Verdict {
            status: s.status,
            reasons: with_the_week_move(s, moved, &walk.decisions),
            advice,
            care: None,
            moved,
            warnings: warning_count,
        },
        None => Verdict {
            status: Status::OnTrack,
            reasons: vec![no_week_reason(plan, walk.finished, today)],
            advice,
            care: None,
            moved: None,
            warnings: warning_count,
        },
    }
}

/// An open question holds the plan and the runs after it until the runner
/// says how it is (docs/care-rules.md).
fn ask_how_it_is(journal: &Journal, walk: &mut Walk, today: NaiveDate) {
    let Some(question) = open_question(journal, today) else {
        return;
    };
    let asked_today = journal
        .checkins()
        .iter()
        .rfind(|c| c.date <= today)
        .map(|c| c.date);
    let silent_since = asked_today == Some(question.date) && question.date < today;
    let what = if question.cleared == Some(Cleared::NotYet) {
        format!("Numbness on {} had not cleared", short_date(question.date))
    } else {
        format!(
            "{} on {}, with no word on whether it cleared",
            crate::checkin::care::capitalised(question.numbness.words()),
            short_date(question.date)
        )
    };
    // A week on, numbness that may still be there is a clinician's
    // question (DESIGN.md §4: numbness not resolved for a week books).
    let week_on = if (today - question.date).num_days() >= 7 {
        " If it is still there, book a clinician within a week."
    } else {
        ""
    };
    let words = if silent_since {
        format!(
            "{what}, and nothing since: how is it now? Record a check-in; runs wait until it has cleared.{week_on}"
        )
    } else {
        format!("{what}, and no symptom-free day since: the stage holds until one.")
    };
    if silent_since && let Some(w) = walk.current.map(|i| &mut walk.weeks[i]) {
        w.held_after = Some(question.date.max(w.start - Days::new(1)));
    }
    walk.signal = Some(match walk.signal.take() {
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

/// The week's reasons, with why the week runs the stage it does when the
/// journal moved it (the Monday after a step back is not "on track" with
/// nothing said).
fn with_the_week_move(s: &WeekSignal, moved: Option<Move>, decisions: &[Decision]) -> Vec<String> {
    let mut reasons = Vec::new();
    if let Some(kind) = moved.filter(|m| !matches!(m, Move::Advance | Move::Suspend))
        && let Some(d) = decisions.iter().rfind(|d| d.kind == kind)
    {
        reasons.push(format!("This week: {}", d.describe()));
    }
    reasons.extend(s.reasons.iter().cloned());
    reasons
}

fn no_week_reason(plan: &Plan, finished: bool, today: NaiveDate) -> String {
    if finished {
        "The plan is complete: back to the goal volume.".into()
    } else if today >= plan.profile.start {
        format!(
            "The plan began on {}, more than {MAX_SCHEDULE_WEEKS} weeks ago: its schedule ends there; make a new plan.",
            plan.profile.start
        )
    } else {
        format!("The plan starts on {}.", short_date(plan.profile.start))
    }
}

/// Whether the plan opens with run/walk weeks.
fn plan_has_run_walk(plan: &Plan) -> bool {
    plan.weeks
        .first()
        .is_some_and(|w| w.phase == Phase::RunWalk)
}
