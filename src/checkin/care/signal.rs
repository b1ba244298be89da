//! The week's signal short of care: on track, hold or step back, and the
//! words that say why (step 5 of the care pipeline, for a plan week rather
//! than an episode).

use super::event::Event;
use super::found::Found;
use super::measure::WeekMeasures;
use super::rules::Effect;
use crate::checkin::Status;
use crate::checkin::verdict::WeekSignal;

/// The week's signal from the week rows that fired (`fired`), or on track
/// with what the week held.
pub(super) fn week_signal(
    w: &WeekMeasures,
    mut fired: Vec<(Effect, Found)>,
    quiet: &'static str,
) -> WeekSignal {
    fired.sort_by_key(|(effect, _)| status_of(Some(*effect)));
    let status = status_of(fired.first().map(|(effect, _)| *effect));
    let step_back_on = fired
        .iter()
        .filter(|(effect, _)| *effect == Effect::StepBack)
        .flat_map(|(_, found)| found.cites.iter().map(|c| c.date))
        .min();
    let mut reasons: Vec<String> = Vec::new();
    for (_, found) in fired.iter().filter(|_| w.words) {
        if !reasons.contains(&found.text) {
            reasons.push(found.text.clone());
        }
    }
    if reasons.is_empty() && w.words {
        reasons.push(on_track(w, quiet));
    }
    WeekSignal {
        status,
        reasons,
        step_back_on,
    }
}

/// Why a week with no finding is on track; `quiet` when it has no symptom.
fn on_track(w: &WeekMeasures, quiet: &str) -> String {
    let symptomatic = || w.events.iter().filter(|e| e.symptomatic());
    let laces: Vec<&Event> = symptomatic().filter(|e| e.lace_pattern()).collect();
    let other: Vec<&Event> = symptomatic().filter(|e| !e.lace_pattern()).collect();
    if !other.is_empty() {
        format!(
            "{} on {} cleared within 15 minutes: on track — record it again if it comes back.",
            super::capitalised(other[0].checkin.numbness.words()),
            w.dates(other.iter().copied())
        )
    } else if !laces.is_empty() {
        format!(
            "Numbness on the top of the foot on {} eased when the laces were loosened: a lacing matter.",
            w.dates(laces.iter().copied())
        )
    } else {
        quiet.to_string()
    }
}

/// The status a week signal gives.
pub(super) fn status_of(effect: Option<Effect>) -> Status {
    match effect {
        Some(Effect::StepBack) => Status::StepBack,
        Some(Effect::Hold) => Status::Hold,
        _ => Status::OnTrack,
    }
}
