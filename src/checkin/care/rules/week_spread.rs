//! The rows that book a clinician within a week for where the symptoms
//! went: spreading up the leg, as wide again, to the other side, or to rest
//! after weeks of runs (DESIGN.md §4, step 4; the rest of their course is
//! in `week.rs`).

use super::*;
use crate::checkin::Spot;
use crate::checkin::care::event::{Event, Extent, Reach};
use crate::checkin::care::pattern::Pattern;

pub(super) static ROWS: &[Rule] = &[
    Rule {
        id: "spreading_up_the_leg",
        effect: WEEK,
        pattern: Some(Pattern::Spreading),
        threshold: "within an episode, a check-in reaching the whole foot or further up (ankle, lower leg, thigh, buttock), further than an earlier one that named a place on the same leg (or a side not said: one foot and then the other is moving sides)",
        source: "source articles (numbness that persists or spreads needs a doctor); DOMAIN §6",
        test: "numbness_spreading_from_the_toes_to_the_calf_books_a_clinician",
        check: Check::Moment(|m| {
            let (from, to) = m.spread_further()?;
            Some(numbness_then(m, "Spreading", from, to))
        }),
    },
    Rule {
        id: "widespread_again",
        effect: WEEK,
        pattern: Some(Pattern::KeepsComingBack),
        threshold: "within an episode, a check-in reaching the whole foot or further up after an earlier one that named a place, no further than it (the same wide numbness back: a spread is the row above); not a tingle in the calf or shin alone gone within the hour after only such tingles on that leg",
        source: "source articles (numbness that persists or spreads needs a doctor); NHS \"Pins and needles\" (see a GP if it keeps coming back)",
        test: "the_whole_foot_numb_again_books_as_coming_back_not_as_spreading",
        check: Check::Moment(|m| {
            if m.spread_further().is_some() {
                return None;
            }
            let (first, to) = m.spread_up()?;
            // A tingle in the calf or shin alone, gone within the hour, and
            // again: one small place back, as the toes twice are (the
            // clinician's twenty-second review); the weeks it comes back in
            // book it (the three-weeks row).
            let calf_only = |e: &Event| {
                e.lower_leg_tingle_that_settled()
                    && !e.extent.in_foot()
                    && !e.extent.has(Extent::ANKLE)
            };
            if calf_only(to)
                && m.episode
                    .iter()
                    .take_while(|e| !std::ptr::eq(*e, to))
                    .filter(|e| e.symptomatic() && e.same_leg_as(to))
                    .all(calf_only)
            {
                return None;
            }
            // The earlier one that reached as far, when one did: the calf
            // after the calf and the buttock is not "as far up" (the
            // clinician's twentieth review).
            let from = m
                .episode
                .iter()
                .take_while(|e| !std::ptr::eq(*e, to))
                .find(|e| {
                    e.symptomatic() && e.same_leg_as(to) && e.extent.reach() >= to.extent.reach()
                })
                .unwrap_or(first);
            // (A calf or a thigh is not "widespread": said by how far up;
            // nor is the sole, which holds every part of the foot, "the
            // whole foot" in words: the clinician's fourteenth review.)
            let how = if from.extent.reach() > to.extent.reach() {
                "Up the leg again"
            } else if to.extent.reach() > Reach::WholeFoot {
                "As far up the leg again"
            } else if to.checkin.spots.contains(&Spot::WholeFoot) {
                "The whole foot again"
            } else {
                "Over as wide an area again"
            };
            Some(numbness_then(m, how, from, to))
        }),
    },
    Rule {
        id: "moved_to_the_other_side",
        effect: WEEK,
        pattern: Some(Pattern::Spreading),
        threshold: "within an episode, one side and then the other side or both, or both and then one",
        source: "source articles; DOMAIN §6 (numbness that moves to both sides)",
        test: "numbness_moving_from_one_side_to_both_books_a_clinician",
        check: Check::Moment(|m| {
            let (from, to) = m.other_side()?;
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Moved sides: {} on {}, {} on {}.",
                        from.side.map_or("", |s| s.words()),
                        m.date(from),
                        to.side.map_or("", |s| s.words()),
                        m.date(to)
                    )
                },
                [from, to],
            ))
        }),
    },
    Rule {
        id: "sole_at_night_after_weeks_with_runs",
        effect: WEEK,
        pattern: Some(Pattern::SoleAtNight),
        threshold: "a check-in in the sole, heel or arch at night (or at rest, not gone within 15 minutes) after symptoms with runs spanning 2 weeks or more in the episode: the row below, with the foot's clinicians",
        source: "AAOS OrthoInfo; AOFAS FootCareMD \"Tarsal tunnel syndrome\" (the clinician's twenty-fourth review: a first night episode in the sole after weeks of toe tingles on runs named the general clinicians)",
        test: "a_first_night_episode_in_the_sole_after_weeks_of_symptoms_on_runs_books_the_foot_clinicians",
        check: Check::Moment(|m| after_weeks_with_runs(m, sole_at_night)),
    },
    Rule {
        id: "at_rest_after_weeks_with_runs",
        effect: WEEK,
        pattern: Some(Pattern::RestAfterRuns),
        threshold: "a check-in at rest or at night after symptoms with runs spanning 2 weeks or more in the episode",
        source: "AAOS OrthoInfo; AOFAS FootCareMD \"Tarsal tunnel syndrome\"; NIDDK \"Peripheral neuropathy\"",
        test: "a_first_night_episode_after_weeks_of_symptoms_on_runs_books_a_clinician",
        check: Check::Moment(|m| after_weeks_with_runs(m, at_rest)),
    },
];

/// The latest check-in `which` picks after symptoms with runs that span two
/// weeks or more in the episode.
fn after_weeks_with_runs<'a>(m: &Measures<'_, 'a>, which: fn(&Event) -> bool) -> Option<Found<'a>> {
    let rest = latest(m, which)?;
    let runs: Vec<&Event> = m
        .episode
        .iter()
        .filter(|e| e.day < rest.day && e.symptomatic() && e.context.with_load())
        .collect();
    let first = runs.first()?;
    if rest.day - first.day < 14 {
        return None;
    }
    Some(Found::new(
        m.words,
        || {
            format!(
                "Numbness {} on {}, after symptoms with runs since {}.",
                rest.when_words(),
                m.date(rest),
                m.date(first)
            )
        },
        [*first, rest],
    ))
}
