//! The JSON documents of the command line: `plan --json` (also the export) and
//! `today --json`. Their field names are a public interface (DESIGN.md §6).

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
    pub weeks: Vec<Week>,
    pub checkins: Vec<serde_json::Value>,
    pub decisions: Vec<serde_json::Value>,
}

impl PlanDocument {
    pub fn new(plan: &Plan, template: &Template) -> Self {
        PlanDocument {
            schema: PLAN_SCHEMA.to_string(),
            profile: plan.profile.clone(),
            template: TemplateRef {
                name: template.name.clone(),
                version: template.version,
            },
            weeks: plan.weeks.clone(),
            checkins: Vec::new(),
            decisions: Vec::new(),
        }
    }
}

/// Today's sheet as JSON.
#[derive(Debug, Clone, Serialize)]
pub struct TodayDocument {
    pub today: NaiveDate,
    /// The plan week holding today; `None` before the start and after the end.
    pub week: Option<u32>,
    pub phase: Option<Phase>,
    pub cutback: bool,
    pub sessions: Vec<Session>,
    pub habits: Vec<Habit>,
}

impl TodayDocument {
    pub fn new(plan: &Plan, today: NaiveDate) -> Self {
        let week = plan.week_of(today);
        let day = week.and_then(|w| w.days.iter().find(|d| d.date == today));
        TodayDocument {
            today,
            week: week.map(|w| w.week),
            phase: week.map(|w| w.phase),
            cutback: week.is_some_and(|w| w.cutback),
            sessions: day.map(|d| d.sessions.clone()).unwrap_or_default(),
            habits: day.map(|d| d.habits.clone()).unwrap_or_default(),
        }
    }
}
