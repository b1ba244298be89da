//! The JSON documents of the command line: `plan --json` (also the export) and
//! `today --json`. Their field names are a public interface (DESIGN.md §6).

use crate::checkin::{Assessment, Care, CheckIn, Decision, Journal, NOTICE, Next, Status};
use crate::plan::{Habit, Phase, Plan, Profile, Session, Template, Week};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The value of the `schema` field of a plan document.
pub const PLAN_SCHEMA: &str = "comeback.plan/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateRef {
    pub name: String,
    pub version: u32,
}

/// The plan as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanDocument {
    pub schema: String,
    pub profile: Profile,
    pub template: TemplateRef,
    /// The calendar weeks: those run so far, this one, and those projected.
    pub weeks: Vec<Week>,
    pub checkins: Vec<CheckIn>,
    pub decisions: Vec<Decision>,
}

impl PlanDocument {
    pub fn new(
        plan: &Plan,
        template: &Template,
        journal: &Journal,
        assessment: &Assessment,
    ) -> Self {
        PlanDocument {
            schema: PLAN_SCHEMA.to_string(),
            profile: plan.profile.clone(),
            template: TemplateRef {
                name: template.name.clone(),
                version: template.version,
            },
            weeks: assessment.schedule(plan, template),
            checkins: journal.checkins().to_vec(),
            decisions: assessment.decisions.clone(),
        }
    }
}

/// `status --json`.
#[derive(Debug, Clone, Serialize)]
pub struct StatusDocument {
    pub today: NaiveDate,
    pub status: Status,
    /// The stage today's week runs (1-based); `None` before the start or after the end.
    pub stage: Option<u32>,
    /// How many stages the plan has.
    pub stages: u32,
    pub week_start: Option<NaiveDate>,
    pub reasons: Vec<String>,
    pub advice: Vec<String>,
    pub care: Option<Care>,
    pub next: Next,
    pub notice: &'static str,
}

impl StatusDocument {
    pub fn new(plan: &Plan, assessment: &Assessment) -> Self {
        let current = assessment.current.map(|i| &assessment.weeks[i]);
        let v = &assessment.verdict;
        StatusDocument {
            today: assessment.today,
            status: v.status,
            stage: current.map(|w| w.stage as u32 + 1),
            stages: plan.weeks.len() as u32,
            week_start: current.map(|w| w.start),
            reasons: v.reasons.clone(),
            advice: v.advice.clone(),
            care: v.care.clone(),
            next: assessment.next.clone(),
            notice: NOTICE,
        }
    }
}

/// `history --json`: newest first.
#[derive(Debug, Clone, Serialize)]
pub struct HistoryDocument {
    pub checkins: Vec<CheckIn>,
    pub clearances: Vec<crate::checkin::Clearance>,
    pub decisions: Vec<Decision>,
}

/// Today's sheet as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct TodayDocument {
    pub today: NaiveDate,
    /// The plan week holding today; `None` before the start and after the end.
    pub week: Option<u32>,
    pub stage: Option<u32>,
    pub phase: Option<Phase>,
    pub cutback: bool,
    pub sessions: Vec<Session>,
    pub habits: Vec<Habit>,
    pub status: Status,
    pub notice: &'static str,
}

impl TodayDocument {
    pub fn new(week: Option<&Week>, today: NaiveDate, assessment: &Assessment) -> Self {
        let day = week.and_then(|w| w.days.iter().find(|d| d.date == today));
        TodayDocument {
            today,
            week: week.map(|w| w.week),
            stage: week.map(|w| w.stage),
            phase: week.map(|w| w.phase),
            cutback: week.is_some_and(|w| w.cutback),
            sessions: day.map(|d| d.sessions.clone()).unwrap_or_default(),
            habits: day.map(|d| d.habits.clone()).unwrap_or_default(),
            status: assessment.verdict.status,
            notice: NOTICE,
        }
    }
}
