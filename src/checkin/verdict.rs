//! The verdict: what this week's check-ins mean for the plan (DESIGN.md §4),
//! with the reasons behind it and advice that follows the check-ins.

use super::{Care, CareLevel, CheckIn, Cleared, Flag, Numbness, Onset, Spot, short_date};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Shown wherever a verdict is shown.
pub const NOTICE: &str = "Not medical advice: comeback gives training guidance, not a diagnosis.";

/// Verdict statuses, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    UrgentCare,
    SeekCare,
    StepBack,
    Hold,
    OnTrack,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::UrgentCare => "urgent_care",
            Status::SeekCare => "seek_care",
            Status::StepBack => "step_back",
            Status::Hold => "hold",
            Status::OnTrack => "on_track",
        }
    }

    /// "STEP BACK".
    pub fn label(self) -> String {
        self.as_str().to_uppercase().replace('_', " ")
    }

    /// The headline a runner reads after the label.
    pub fn headline(self) -> &'static str {
        match self {
            Status::UrgentCare => "stop running and get medical care today",
            Status::SeekCare => "see a clinician before you run again",
            Status::StepBack => "next week repeats the stage before",
            Status::Hold => "repeat this stage next week",
            Status::OnTrack => "keep going",
        }
    }

    pub fn is_care(self) -> bool {
        matches!(self, Status::UrgentCare | Status::SeekCare)
    }
}

/// A status, the reasons for it, and what to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub status: Status,
    pub reasons: Vec<String>,
    pub advice: Vec<String>,
    pub care: Option<Care>,
}

impl Verdict {
    pub fn from_care(care: Care, advice: Vec<String>) -> Verdict {
        let status = match care.level {
            CareLevel::Urgent => Status::UrgentCare,
            CareLevel::Book => Status::SeekCare,
        };
        Verdict {
            status,
            reasons: care.why.clone(),
            advice,
            care: Some(care),
        }
    }
}

/// What one week's check-ins say, short of care.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WeekSignal {
    pub status: Status,
    pub reasons: Vec<String>,
    /// The first check-in that called for a step back.
    pub step_back_on: Option<NaiveDate>,
}

/// Rules 3–5 of DESIGN.md §4 over this week's and last week's check-ins.
pub(crate) fn week_signal(this_week: &[CheckIn], last_week: &[CheckIn]) -> WeekSignal {
    let mut step_back = Vec::new();
    let mut step_back_on = None;
    for c in this_week {
        let day = || short_date(c.date);
        // Soreness rules (Trials 2023): symptoms during a run above a mild level
        // drop one level. An unknown onset counts as during.
        let during = !matches!(c.onset, Some(Onset::After));
        let mut hit = false;
        if c.numbness >= Numbness::PARTLY_NUMB && during {
            let when = match c.onset {
                Some(Onset::Rest) => "at rest",
                _ => "during the run",
            };
            step_back.push(format!(
                "{} {when} on {}.",
                capitalised(c.numbness.words()),
                day()
            ));
            hit = true;
        }
        match c.cleared {
            Some(Cleared::Hours) if c.numbness.is_symptomatic() => {
                step_back.push(format!("Numbness on {} took hours to clear.", day()));
                hit = true;
            }
            Some(Cleared::NotYet) if c.numbness.is_symptomatic() => {
                step_back.push(format!("Numbness on {} had not cleared.", day()));
                hit = true;
            }
            _ => {}
        }
        if hit && step_back_on.is_none() {
            step_back_on = Some(c.date);
        }
    }
    if !step_back.is_empty() {
        return WeekSignal {
            status: Status::StepBack,
            reasons: step_back,
            step_back_on,
        };
    }

    let symptomatic: Vec<&CheckIn> = this_week
        .iter()
        .filter(|c| c.numbness.is_symptomatic())
        .collect();
    if symptomatic.is_empty() {
        let reasons = if this_week.is_empty() {
            vec!["No check-ins yet this week.".to_string()]
        } else {
            vec!["No numbness this week.".to_string()]
        };
        return WeekSignal {
            status: Status::OnTrack,
            reasons,
            step_back_on: None,
        };
    }

    // Dr. Green: on track when the numbness fades once the run ends and keeps
    // decreasing as the strength work goes on.
    let days: Vec<String> = symptomatic.iter().map(|c| short_date(c.date)).collect();
    let mild = symptomatic
        .iter()
        .all(|c| c.numbness == Numbness::TINGLING && c.cleared == Some(Cleared::Quickly));
    let now = mean_level(this_week);
    let before = mean_level(last_week);
    let easing = before.is_some_and(|b| now.is_some_and(|n| n < b));
    if mild && easing {
        return WeekSignal {
            status: Status::OnTrack,
            reasons: vec![format!(
                "Tingling on {} cleared quickly and is easing week on week.",
                days.join(", ")
            )],
            step_back_on: None,
        };
    }
    let reason = if mild {
        format!(
            "Tingling on {} cleared quickly but is not easing week on week.",
            days.join(", ")
        )
    } else {
        format!(
            "Numbness on {} needs to settle before the plan moves on.",
            days.join(", ")
        )
    };
    WeekSignal {
        status: Status::Hold,
        reasons: vec![reason],
        step_back_on: None,
    }
}

fn mean_level(checkins: &[CheckIn]) -> Option<f64> {
    if checkins.is_empty() {
        None
    } else {
        let sum: u32 = checkins.iter().map(|c| u32::from(c.numbness.level())).sum();
        Some(f64::from(sum) / checkins.len() as f64)
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Advice that follows the check-ins' onset and location (DOMAIN.md §1, §5).
pub(crate) fn advice(checkins: &[CheckIn]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |text: &str| {
        if !out.iter().any(|a| a == text) {
            out.push(text.to_string());
        }
    };
    for c in checkins.iter().filter(|c| c.numbness.is_symptomatic()) {
        let at = |spots: &[Spot]| c.spots.iter().any(|s| spots.contains(s));
        if c.onset == Some(Onset::During) {
            // Running blog: ~90% of numbness during a run is laces too tight near the toes.
            if at(&[Spot::Toes, Spot::Top]) || c.spots.is_empty() {
                add(
                    "Loosen the laces over the toes; try window lacing that skips the eyelets over the numb spot, or straight-bar lacing for the top of the foot.",
                );
            }
            if let Some(minutes) = c.minutes {
                add(&format!(
                    "It started about {minutes} minutes in: take a walk break and loosen the laces before that point."
                ));
            }
        }
        if c.onset == Some(Onset::After) {
            // Running blog: sitting straight after, on a low seat, pinches circulation.
            add(
                "Walk or stand for 3 to 5 minutes before you sit down, and keep off low seats after runs.",
            );
        }
        if at(&[Spot::Ball, Spot::Arch, Spot::Heel]) {
            // Shoe fit checklist and eHow article: fit, age, padding, inserts.
            add(
                "Check shoe fit and age: try them late in the day with running socks, allow for swelling (often half a size up), and replace worn inserts.",
            );
        }
        if at(&[Spot::Calf]) || c.flags.contains(&Flag::BackPain) {
            // Dr. Green: the lumbar spine; eHow: shorter strides for a worn disc.
            add("Keep up the core and hip strength work, and shorten your stride.");
        }
        if c.side == Some(super::Side::Both) {
            add("Numbness on both sides is worth telling a clinician about if it comes back.");
        }
    }
    out
}
