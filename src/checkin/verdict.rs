//! The verdict: what this week's check-ins mean for the plan (docs/care-rules.md lists its rules),
//! with the reasons behind it and advice that follows the check-ins.

use super::care::{calls_for_step_back, capitalised, lace_pattern};
use super::{Care, CareLevel, CheckIn, Cleared, Ease, Flag, Health, Numbness, Onset, Spot};
use super::{Side, short_date};
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
    /// The headline a runner reads after the label: how soon, when care is open.
    pub fn headline(&self) -> &'static str {
        match self.care.as_ref().map(|c| c.level) {
            Some(CareLevel::Emergency) => "call the emergency number now",
            Some(CareLevel::Urgent) => "stop all exercise and get medical care today",
            _ => self.status.headline(),
        }
    }

    pub fn from_care(care: Care, advice: Vec<String>) -> Verdict {
        let status = match care.level {
            CareLevel::Emergency | CareLevel::Urgent => Status::UrgentCare,
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

/// Rules 3–5 of the verdict ladder over this week's and last week's
/// check-ins (only those recorded after the last clearance).
pub(crate) fn week_signal(this_week: &[CheckIn], last_week: &[CheckIn]) -> WeekSignal {
    let mut step_back = Vec::new();
    let mut step_back_on = None;
    for c in this_week.iter().filter(|c| calls_for_step_back(c)) {
        let day = short_date(c.date);
        // Soreness rules (Trials 2023): symptoms during a run above a mild level
        // drop one level. An unknown onset counts as during.
        if c.numbness >= Numbness::PARTLY_NUMB && c.onset != Some(Onset::After) {
            let when = match c.onset {
                Some(Onset::Rest) => "at rest",
                Some(Onset::Night) => "at night",
                _ => "during the run",
            };
            step_back.push(format!(
                "{} {when} on {day}.",
                capitalised(c.numbness.words())
            ));
        }
        match c.cleared {
            Some(Cleared::Hours) => {
                step_back.push(format!("Numbness on {day} took hours to clear."))
            }
            Some(Cleared::NotYet) => step_back.push(format!("Numbness on {day} had not cleared.")),
            _ => {}
        }
        step_back_on.get_or_insert(c.date);
    }
    if !step_back.is_empty() {
        return WeekSignal {
            status: Status::StepBack,
            reasons: step_back,
            step_back_on,
        };
    }

    let symptomatic = || this_week.iter().filter(|c| c.numbness.is_symptomatic());
    let other = || symptomatic().filter(|c| !lace_pattern(c));
    if other().next().is_none() {
        let reasons = if symptomatic().next().is_some() {
            vec![format!(
                "Numbness on the top of the foot on {} eased when the laces were loosened: a lacing matter.",
                dates(symptomatic())
            )]
        } else if this_week.is_empty() {
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
    let mild =
        other().all(|c| c.numbness == Numbness::TINGLING && c.cleared == Some(Cleared::Quickly));
    let had_tingling_before = last_week
        .iter()
        .any(|c| c.numbness.is_symptomatic() && !lace_pattern(c));
    let now = mean_level(this_week);
    let before = mean_level(last_week);
    let easing = before.is_some_and(|b| now.is_some_and(|n| n < b));
    if mild && (!had_tingling_before || easing) {
        let how = if had_tingling_before {
            "and is easing week on week"
        } else {
            "the first this week after a week without it"
        };
        return WeekSignal {
            status: Status::OnTrack,
            reasons: vec![format!(
                "Tingling on {} cleared quickly, {how}.",
                dates(other())
            )],
            step_back_on: None,
        };
    }
    let reason = if mild {
        format!(
            "Tingling on {} cleared quickly but keeps coming back without easing week on week.",
            dates(other())
        )
    } else {
        format!(
            "Numbness on {} needs to settle before the plan moves on.",
            dates(other())
        )
    };
    WeekSignal {
        status: Status::Hold,
        reasons: vec![reason],
        step_back_on: None,
    }
}

fn dates<'a>(checkins: impl Iterator<Item = &'a CheckIn>) -> String {
    let days: Vec<String> = checkins.map(|c| short_date(c.date)).collect();
    days.join(", ")
}

fn mean_level(checkins: &[CheckIn]) -> Option<f64> {
    if checkins.is_empty() {
        None
    } else {
        let sum: u32 = checkins.iter().map(|c| u32::from(c.numbness.level())).sum();
        Some(f64::from(sum) / checkins.len() as f64)
    }
}

/// Advice that follows the check-ins' onset, place and easing (source
/// articles: Ask Dr. Green; a running blog on numb feet; eHow). Running advice is given only while runs are
/// allowed; the health context adds its own.
pub(crate) fn advice(checkins: &[CheckIn], runs_allowed: bool, health: &[Health]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |text: &str| {
        if !out.iter().any(|a| a == text) {
            out.push(text.to_string());
        }
    };
    // NIDDK: with diabetes, a daily look at the feet for blisters or cuts.
    if health.contains(&Health::Diabetes) {
        add("Check both feet every day for blisters, cuts or red spots you may not feel.");
    }
    if !runs_allowed {
        return out;
    }
    let symptomatic: Vec<&CheckIn> = checkins
        .iter()
        .filter(|c| c.numbness.is_symptomatic())
        .collect();
    for c in &symptomatic {
        let at = |spots: &[Spot]| c.spots.iter().any(|s| spots.contains(s));
        if c.onset == Some(Onset::During)
            && (at(&[Spot::Toes, Spot::Top]) || c.spots.is_empty() || lace_pattern(c))
        {
            // Running blog: ~90% of numbness during a run is laces too tight near the toes.
            add(
                "Loosen the laces over the toes; try window lacing that skips the eyelets over the numb spot, or straight-bar lacing for the top of the foot.",
            );
        }
        if c.eased_by.contains(&Ease::LooseningLaces) {
            add(
                "Lace snug from the toes up, not tight, and re-check the laces once the feet have swollen mid-run.",
            );
        }
        if c.onset == Some(Onset::After) {
            // Running blog: sitting straight after, on a low seat, pinches circulation.
            add(
                "Walk or stand for 3 to 5 minutes before you sit down, and keep off low seats after runs.",
            );
        }
        if at(&[
            Spot::Ball,
            Spot::Arch,
            Spot::Heel,
            Spot::Sole,
            Spot::BetweenToes,
        ]) {
            // Shoe fit checklist and eHow article: fit, age, padding, inserts, toe box.
            add(
                "Check shoe fit and age: try them late in the day with running socks, allow for swelling (often half a size up), a roomy toe box, and replace worn inserts.",
            );
        }
        if at(&[Spot::Calf, Spot::Shin, Spot::Thigh, Spot::Buttock])
            || c.flags.contains(&Flag::BackPain)
        {
            // Dr. Green: the lumbar spine; eHow: shorter strides for a worn disc.
            add("Keep up the core and hip strength work, and shorten your stride.");
        }
        if c.side == Some(Side::Both) {
            add("Numbness on both sides is worth telling a clinician about if it comes back.");
        }
    }
    // One line for the minute it starts: the earliest of the recent runs.
    if let Some(minutes) = symptomatic
        .iter()
        .filter(|c| c.onset == Some(Onset::During))
        .filter_map(|c| c.minutes)
        .min()
    {
        add(&format!(
            "It has started about {minutes} minutes in: take a walk break and loosen the laces a little before that point."
        ));
    }
    out
}
