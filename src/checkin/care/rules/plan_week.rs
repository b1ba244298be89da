//! The rows short of care: what a plan week's check-ins do to the plan (step back, hold).

use super::*;
use crate::checkin::care::event::{Clear, Event, Reach};
use crate::checkin::care::pattern::SADDLE_SAFETY_NET;
use crate::checkin::{Ease, Flag};

pub(super) static ROWS: &[Rule] = &[
    // Short of care: what this plan week's check-ins do to the plan.
    Rule {
        id: "partly_numb_with_load",
        effect: Effect::StepBack,
        pattern: None,
        threshold: "partly numb or worse during or after a run (or at a time not said)",
        source: "US Army return-to-run trial (Trials 2023, s13063-023-07502-x): symptoms above a mild level drop one level",
        test: "partial_numbness_during_a_run_steps_back",
        check: Check::Week(|w| {
            let e = w
                .events
                .iter()
                .find(|e| e.severity >= 2 && e.context.with_load())?;
            Some(Found::week(
                w.words,
                || {
                    format!(
                        "{} {} on {}.",
                        crate::checkin::care::capitalised(e.checkin.numbness.words()),
                        e.when_words(),
                        w.date(e)
                    )
                },
                [e],
            ))
        }),
    },
    Rule {
        id: "slow_to_clear_with_load",
        effect: Effect::StepBack,
        pattern: None,
        threshold: "symptoms with a run that took hours to clear or had not cleared",
        source: "Trials 2023 soreness rules (back to baseline within 24 h, else drop a level)",
        test: "numbness_clearing_only_after_hours_steps_back",
        check: Check::Week(|w| {
            let e = w.events.iter().find(|e| {
                e.symptomatic()
                    && e.context.with_load()
                    && matches!(e.clear, Clear::Hours | Clear::NotYet)
            })?;
            Some(Found::week(
                w.words,
                || format!("Numbness on {} {}.", w.date(e), e.clear.words()),
                [e],
            ))
        }),
    },
    Rule {
        id: "symptoms_on_most_runs",
        effect: Effect::Hold,
        pattern: None,
        threshold: "symptoms (not the lace pattern) on 2 or more runs and on at least half the runs done this plan week",
        source: "Ask Dr. Green (on track only while it keeps decreasing); DOMAIN §6 (count symptomatic runs against runs done)",
        test: "symptoms_on_most_runs_hold_the_stage",
        check: Check::Week(|w| {
            let runs = w
                .events
                .iter()
                .filter(|e| e.symptomatic() && e.run && !e.lace_pattern());
            let count = runs.clone().count() as u32;
            let done = w.runs_done.max(count);
            if count < 2 || count * 2 < done {
                return None;
            }
            Some(Found::new(
                w.words,
                || {
                    format!(
                        "Symptoms on {count} of {done} runs this week ({}).",
                        w.dates(runs.clone())
                    )
                },
                runs.clone(),
            ))
        }),
    },
    Rule {
        id: "symptoms_on_three_days",
        effect: Effect::Hold,
        pattern: None,
        threshold: "symptoms (not the lace pattern) on 3 or more days of a plan week, with runs, other exercise or at rest",
        source: "Ask Dr. Green (on track only while it keeps decreasing); NHS \"Pins and needles\"",
        test: "tingling_on_four_days_of_a_week_with_walks_and_rides_holds_the_stage",
        check: Check::Week(|w| {
            let days = w
                .events
                .iter()
                .filter(|e| e.symptomatic() && !e.lace_pattern());
            let count = days.clone().count();
            if count < 3 {
                return None;
            }
            Some(Found::new(
                w.words,
                || {
                    format!(
                        "Symptoms on {count} days this week ({}).",
                        w.dates(days.clone())
                    )
                },
                days.clone(),
            ))
        }),
    },
    Rule {
        id: "calf_cramp_once",
        effect: Effect::Hold,
        pattern: None,
        threshold: "a calf cramp or tightness that settled within the hour, once, without numbness or sharp pain",
        source: "Mayo Clinic \"Chronic exertional compartment syndrome\" (tightness run after run, not a single cramp)",
        test: "one_calf_cramp_that_settled_holds_and_says_tell_a_clinician_if_it_happens_again",
        check: Check::Week(|w| {
            let e = w
                .events
                .iter()
                .find(|e| e.flagged(Flag::CalfTightness) && e.clear.settled())?;
            Some(Found::new(
                w.words,
                || {
                    format!(
                        "{}: a calf cramp or tightness that settled — tell a clinician if it happens again.",
                        w.date(e)
                    )
                },
                [e],
            ))
        }),
    },
    Rule {
        id: "came_back_another_day",
        effect: Effect::Hold,
        pattern: None,
        threshold: "symptoms this plan week after an earlier day's of the same episode, the day before or in an earlier week alike (not the lace pattern)",
        source: "Ask Dr. Green; NHS \"Pins and needles\" (the clinician's sixth review: two days in a row are the same whichever side of a Monday they fall)",
        test: "tingling_that_comes_back_the_next_week_holds_the_stage",
        check: Check::Week(|w| {
            let (before, e) = w.came_back?;
            Some(Found::new(
                w.words,
                || {
                    format!(
                        "Symptoms came back on {} after {}: the stage holds until a week without them.",
                        w.date(e),
                        w.date(before)
                    )
                },
                [before, e],
            ))
        }),
    },
    Rule {
        id: "not_settled_within_minutes",
        effect: Effect::Hold,
        pattern: None,
        threshold: "symptoms with a run that did not clear within 15 minutes, or not said how soon (not the lace pattern)",
        source: "Ask Dr. Green (on track: it fades once the run ends)",
        test: "tingling_that_took_half_an_hour_to_clear_holds_the_stage",
        check: Check::Week(|w| {
            let e = w.events.iter().find(|e| {
                e.symptomatic()
                    && !e.lace_pattern()
                    && e.context.with_load()
                    && matches!(e.clear, Clear::Soon | Clear::Unknown)
            })?;
            Some(Found::new(
                w.words,
                || {
                    format!(
                        "Numbness on {}, {}: it needs to settle before the plan moves on.",
                        w.date(e),
                        gone_words(e)
                    )
                },
                [e],
            ))
        }),
    },
    Rule {
        id: "brief_at_rest_once",
        effect: Effect::Hold,
        pattern: None,
        threshold: "one brief episode at rest or at night (posture, cold): never a step back",
        source: "NHS \"Pins and needles\" (tell a GP if it keeps coming back)",
        test: "brief_pins_and_needles_at_rest_hold_and_say_tell_a_clinician_if_it_happens_again",
        check: Check::Week(|w| {
            let e = w.events.iter().find(|e| at_rest(e))?;
            Some(Found::new(
                w.words,
                || {
                    format!(
                        "{}: {} {}, {} — tell a clinician if it {}.",
                        w.date(e),
                        e.checkin.numbness.words(),
                        e.when_words(),
                        gone_words(e),
                        again(e)
                    )
                },
                [e],
            ))
        }),
    },
    Rule {
        id: "eases_on_sitting_once",
        effect: Effect::Hold,
        pattern: None,
        threshold: "symptoms that eased on sitting or bending forward, once (twice in six weeks books)",
        source: "eOrthopod, neurogenic claudication (eases on sitting or bending forward: a GP or spine clinician); the clinician's seventh review",
        test: "numbness_easing_on_sitting_or_bending_once_holds_and_says_see_a_gp_if_it_happens_again",
        check: Check::Week(|w| {
            let e = w
                .events
                .iter()
                .find(|e| e.symptomatic() && e.eased_by(Ease::SittingOrBending))?;
            Some(Found::new(
                w.words,
                || {
                    format!(
                        "{}: {} that eased on sitting or bending forward, which can come from the lower back — if it happens again, see a GP or a spine clinician.",
                        w.date(e),
                        e.checkin.numbness.words()
                    )
                },
                [e],
            ))
        }),
    },
    Rule {
        id: "both_feet_once",
        effect: Effect::Hold,
        pattern: None,
        threshold: "both feet once, with a run",
        source: "NIDDK \"Peripheral neuropathy\" (symmetric numbness)",
        test: "both_feet_once_on_a_run_holds_and_says_tell_a_clinician_if_it_happens_again",
        check: Check::Week(|w| {
            let e = w.events.iter().find(|e| foot_both_sides(e))?;
            Some(Found::new(
                w.words,
                || {
                    format!(
                        "{}: numbness in both feet — tell a clinician if it {}.",
                        w.date(e),
                        again(e)
                    )
                },
                [e],
            ))
        }),
    },
    Rule {
        id: "above_the_knee_once",
        effect: Effect::Hold,
        pattern: None,
        threshold: "numbness reaching the thigh or buttock, once (twice in six weeks books a GP or spine clinician; more than tingling with a run, slow to clear, or down the leg to the calf books at once)",
        source: "NICE CKS \"Sciatica\" (a nerve-root pattern); NHS \"Cauda equina syndrome\" (the signs to act on at once); the clinician's twenty-first review",
        test: "tingling_above_the_knee_once_holds_and_says_see_a_gp_if_it_comes_back",
        check: Check::Week(|w| {
            let e = w
                .events
                .iter()
                .find(|e| e.symptomatic() && e.extent.reach() >= Reach::Thigh)?;
            Some(Found::new(
                w.words,
                || {
                    format!(
                        "{}: {} {} — above the knee it can come from the lower back: if it comes back, see a GP or a spine clinician. {SADDLE_SAFETY_NET}",
                        w.date(e),
                        e.checkin.numbness.words(),
                        spots(e.checkin)
                    )
                },
                [e],
            ))
        }),
    },
];

/// When to tell a clinician: pins and needles of posture or a cold start
/// gone in minutes are booked once they keep coming back (three separate
/// weeks, or three times at rest in six), anything more the next time
/// (NHS "Pins and needles"; the clinician's twenty-fifth review).
fn again(e: &Event) -> &'static str {
    if e.passing_pins_and_needles() {
        "keeps coming back"
    } else {
        "happens again"
    }
}
