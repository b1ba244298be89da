//! The JSON documents of the command line: `plan --json` (also the export) and
//! `today --json`. Their field names are a public interface (README.md and
//! `schema/plan.schema.json` describe them).

use crate::checkin::{
    Assessment, Care, CheckIn, Clearance, CrossFromFile, Decision, NOTICE, Next, RecordedRun,
    Status,
};
use crate::plan::{Habit, Phase, Plan, Profile, Session, Template, Unit, Week};
use crate::shoes::Shoe;
use crate::snapshot::Snapshot;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The value of the `schema` field of a plan document. Version 2 added the
/// check-in words of the care rules (`eased_by`, `cleared_minutes`, places,
/// night, flags), the order of recording (`seq`) and the health context;
/// version 3 the ticked checks and habits (`ticks`); version 4 the plans a
/// coach would sign: template version 2, each run's `effort` and `strides`,
/// `cross` sessions, habits' `every`, the profile's `long_day`, `rest_days`,
/// `easy_pace_seconds` and `race`, and the document's `unit`; version 5 each
/// check-in's `actual` numbers (distance, minutes, RPE, strength, cross);
/// version 6 the care rules' own facts: the flag `foot_wound`, `cleared` on a
/// day with only a flag (whether it settled), clearing words and minutes
/// that must agree, and the profile's `health_since` (the day each health
/// condition was entered); version 7 `cross_training`, the rides, swims,
/// walks, hikes, rows and elliptical sessions imported from files; version 8
/// each check-in's `recorded`, the day it was recorded when later than its
/// date; version 9 the profile's `longest_run` (the longest run of the
/// month before the layoff, when given).
pub const PLAN_SCHEMA: &str = "comeback.plan/9";

/// A plan document larger than this is not read: ten years of daily
/// check-ins export to a few MB.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Every schema an import reads, oldest first.
pub const READABLE_SCHEMAS: [&str; 9] = [
    "comeback.plan/1",
    "comeback.plan/2",
    "comeback.plan/3",
    "comeback.plan/4",
    "comeback.plan/5",
    "comeback.plan/6",
    "comeback.plan/7",
    "comeback.plan/8",
    PLAN_SCHEMA,
];

/// A check or habit ticked on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HabitTick {
    pub date: NaiveDate,
    /// The habit's `id`.
    pub habit: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TemplateRef {
    pub name: String,
    pub version: u32,
    /// The full template the plan was built from, so an import can rebuild it
    /// even from a user's own template file. Without it, a shipped template of
    /// this name and version is used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rules: Option<Template>,
}

/// The plan as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlanDocument {
    pub schema: String,
    /// The unit of every distance in the document (the profile's).
    pub unit: Unit,
    pub profile: Profile,
    pub template: TemplateRef,
    /// The calendar weeks: those run so far, this one, and those projected.
    pub weeks: Vec<Week>,
    pub checkins: Vec<CheckIn>,
    pub decisions: Vec<Decision>,
    /// Clinicians' all-clears, oldest first.
    #[serde(default)]
    pub clearances: Vec<Clearance>,
    /// The runner's shoes, in the order they were added.
    #[serde(default)]
    pub shoes: Vec<Shoe>,
    /// The checks and habits ticked, by day.
    #[serde(default)]
    pub ticks: Vec<HabitTick>,
    /// Runs imported from watch and phone files, oldest first.
    #[serde(default)]
    pub activities: Vec<RecordedRun>,
    /// Cross-training imported from watch and phone files, oldest first.
    #[serde(default)]
    pub cross_training: Vec<CrossFromFile>,
}

impl PlanDocument {
    pub fn new(snapshot: Snapshot<'_>, assessment: &Assessment) -> Self {
        let Snapshot {
            plan,
            template,
            journal,
            shoes,
            ticks,
        } = snapshot;
        PlanDocument {
            schema: PLAN_SCHEMA.to_string(),
            unit: plan.profile.unit,
            profile: plan.profile.clone(),
            template: TemplateRef {
                name: template.name.clone(),
                version: template.version,
                rules: Some(template.clone()),
            },
            weeks: assessment.schedule(plan, template),
            checkins: journal.checkins().to_vec(),
            decisions: assessment.decisions.clone(),
            clearances: journal.clearances().to_vec(),
            shoes: shoes.to_vec(),
            ticks: ticks
                .iter()
                .map(|(date, habit)| HabitTick {
                    date: *date,
                    habit: habit.clone(),
                })
                .collect(),
            activities: journal.runs().to_vec(),
            cross_training: journal.cross_from_files().to_vec(),
        }
    }
}

/// `status --json`.
#[derive(Debug, Clone, Serialize)]
pub struct StatusDocument {
    pub today: NaiveDate,
    /// This week's own status (for scripts; see `shown_status`).
    pub status: Status,
    /// The status the headline shows: on the Monday after symptoms moved
    /// the plan, the move in force (`step_back` above "this week runs the
    /// stage before") while `status` is this week's own `on_track`.
    pub shown_status: Status,
    /// The words after the label ("this week runs the stage before, after
    /// last week's symptoms").
    pub headline: &'static str,
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
            shown_status: v.shown_status(),
            headline: v.headline(),
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
    pub clearances: Vec<Clearance>,
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
    /// The unit of the sessions' distances.
    pub unit: Unit,
    pub sessions: Vec<Session>,
    pub habits: Vec<Habit>,
    pub status: Status,
    /// The status the headline shows (see `StatusDocument::shown_status`).
    pub shown_status: Status,
    pub notice: &'static str,
}

impl TodayDocument {
    /// Today's sheet, its distances turned from the plan's unit into `unit`.
    pub fn new(
        week: Option<&Week>,
        today: NaiveDate,
        assessment: &Assessment,
        (plan_unit, unit): (Unit, Unit),
    ) -> Self {
        let day = week.and_then(|w| w.days.iter().find(|d| d.date == today));
        let mut sessions = day.map(|d| d.sessions.clone()).unwrap_or_default();
        for session in &mut sessions {
            if let Session::Run(run) = session {
                *run = run.clone().in_unit(plan_unit, unit);
            }
        }
        TodayDocument {
            unit,
            today,
            week: week.map(|w| w.week),
            stage: week.map(|w| w.stage),
            phase: week.map(|w| w.phase),
            cutback: week.is_some_and(|w| w.cutback),
            sessions,
            habits: day.map(|d| d.habits.to_vec()).unwrap_or_default(),
            status: assessment.verdict.status,
            shown_status: assessment.verdict.shown_status(),
            notice: NOTICE,
        }
    }
}

/// The JSON Schema of [`PlanDocument`], generated from the types.
pub fn plan_schema() -> String {
    serde_json::to_string_pretty(&schemars::schema_for!(PlanDocument)).unwrap_or_default()
}

mod import;
pub use import::{ImportError, Restore, read_document};
