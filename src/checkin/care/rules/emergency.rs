//! The rows that send the runner to care now: emergencies (DESIGN.md §4,
//! step 4).

use super::*;
use crate::checkin::Flag;
use crate::checkin::care::event::{Event, Reach};
use crate::checkin::care::measure::Measures;
use crate::checkin::care::pattern::Pattern;

pub(super) static ROWS: &[Rule] = &[
    // Emergency: now.
    Rule {
        id: "cauda_equina_signs",
        effect: NOW,
        pattern: Some(Pattern::LowBackNerves),
        threshold: "flag `saddle`, `bladder_bowel` or `leg_pain_both` on any check-in",
        source: "NHS \"Cauda equina syndrome\"; backes.org.uk \"cauda equina warning signs\"",
        test: "saddle_numbness_bladder_trouble_or_pain_down_both_legs_call_the_emergency_number",
        check: Check::Moment(|m| {
            flag_rule(
                m,
                &[Flag::Saddle, Flag::BladderBowel, Flag::LegPainBoth],
                |_| true,
            )
        }),
    },
    Rule {
        id: "face_or_arm",
        effect: NOW,
        pattern: Some(Pattern::FaceOrArm),
        threshold: "flag `face_arm`",
        source: "NHS \"Stroke\"; strokeprevent.org (sudden numbness of the face, arm or leg)",
        test: "numbness_or_weakness_of_the_face_or_arm_calls_the_emergency_number",
        check: Check::Moment(|m| flag_rule(m, &[Flag::FaceArm], |_| true)),
    },
    Rule {
        id: "both_legs",
        effect: NOW,
        pattern: Some(Pattern::BothLegs),
        threshold: "one check-in: numbness on both sides above the ankle (lower legs, thighs or buttocks), however soon it went",
        source: "NHS \"Sciatica\" and \"Cauda equina syndrome\" (numbness in both legs: call 999)",
        test: "numbness_in_both_thighs_and_buttocks_is_an_emergency",
        check: Check::Moment(|m| {
            let e = latest(m, |e| e.symptomatic() && e.both_sides() && e.in_leg())?;
            Some(one(m, e, "both legs"))
        }),
    },
    Rule {
        id: "whole_leg_or_above_the_knee_at_rest",
        effect: NOW,
        pattern: Some(Pattern::WholeLeg),
        threshold: "one check-in: the foot or ankle, the lower leg and the thigh or buttock at once (not tingling that went, however long it took: booked, below; the clinician's twenty-second review found 15 minutes booked and 16 an emergency, the twenty-third 60 and 61); or thigh or buttock at rest or at night, not cleared",
        source: "Mayo Clinic and Cleveland Clinic \"Numbness\" (\"begins suddenly\", \"affects an entire leg\")",
        test: "a_whole_leg_without_feeling_is_an_emergency",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.symptomatic()
                    && ((e.extent.whole_leg() && (e.severity > 1 || e.clear.still_there()))
                        || (e.extent.reach() >= Reach::Thigh
                            && e.context.at_rest()
                            && e.clear.still_there()))
            })?;
            Some(one(m, e, "a whole leg, or above the knee without clearing"))
        }),
    },
    Rule {
        id: "no_feeling_at_rest_not_back",
        effect: NOW,
        pattern: Some(Pattern::NoFeelingAtRest),
        threshold: "one check-in: no feeling (3) that began at rest or at night and had not come back (or not said)",
        source: "Mayo Clinic \"Numbness\" (numbness that begins suddenly)",
        test: "sudden_no_feeling_at_rest_that_has_not_come_back_is_an_emergency",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.severity == 3 && e.context.at_rest() && e.clear.still_there()
            })?;
            Some(one(m, e, "no feeling at rest"))
        }),
    },
    Rule {
        id: "cold_foot_still_there",
        effect: NOW,
        pattern: Some(Pattern::ColdFoot),
        threshold: "flag `cold_pale` or `skin_colour` not cleared, or not said to have settled",
        source: "NICE CKS \"Acute limb ischaemia\"; NICE CG147 \"Peripheral arterial disease\"",
        test: "a_cold_pale_foot_still_there_is_an_emergency",
        check: Check::Moment(|m| flag_rule(m, VASCULAR, |e| e.clear.still_there())),
    },
    Rule {
        id: "tight_painful_calf_still_there",
        effect: NOW,
        pattern: Some(Pattern::TenseLeg),
        threshold: "flags `calf_tightness` and `sharp_pain` together, not cleared or not said to have settled",
        source: "StatPearls \"Compartment syndrome\" (pain out of proportion that does not settle with rest)",
        test: "a_tight_painful_calf_that_does_not_settle_is_an_emergency",
        check: Check::Moment(|m| {
            flag_rule(m, &[Flag::CalfTightness, Flag::SharpPain], |e| {
                e.flagged(Flag::CalfTightness)
                    && e.flagged(Flag::SharpPain)
                    && e.clear.still_there()
            })
        }),
    },
    Rule {
        id: "weakness_in_both_legs",
        effect: NOW,
        pattern: Some(Pattern::WeaknessBothLegs),
        threshold: "flag `weakness` or `foot_drop` on both sides: on one check-in, or on one leg and then the other within six weeks (42 days; not only the episode, and across a clearance of the first leg's; a side not said counts as maybe the other when the other is said)",
        source: "NHS \"Cauda equina syndrome\" (weakness in both legs: go to A&E); NICE CKS \"Sciatica\" (bilateral neurological deficit: immediate referral)",
        test: "weakness_in_both_legs_is_an_emergency",
        check: Check::Moment(|m| {
            let weak = |e: &Event| e.flagged(Flag::Weakness) || e.flagged(Flag::FootDrop);
            let e = latest(m, weak)?;
            if e.both_sides() {
                return Some(flag_found(m, e, &[Flag::Weakness, Flag::FootDrop]));
            }
            // Within six weeks, episode or not: weakness of one leg and
            // then the other 22 days later is both legs (the clinician's
            // fourteenth review), as numbness of the legs in turn is; a
            // side not said may be the other one, when the other is said
            // (the twentieth).
            let other = m.recent().iter().rev().find(|o| {
                weak(o)
                    && !std::ptr::eq(*o, e)
                    && o.side != e.side
                    && (o.side.is_some() || e.side.is_some())
            });
            let Some(other) = other else {
                // The first leg's weakness cleared by a clinician who never
                // saw the second.
                return after_a_clearance(
                    m,
                    |_| true,
                    |c, w| std::ptr::eq(w, e) && c.weak.both_with(w.side),
                    |_, cleared| {
                        format!(
                            "Weakness in one leg and then the other: the first cleared on {cleared}; then {}.",
                            describe_weakness(m, e)
                        )
                    },
                );
            };
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Weakness in one leg and then the other: {}; then {}.",
                        describe_weakness(m, other),
                        describe_weakness(m, e)
                    )
                },
                [other, e],
            ))
        }),
    },
];

/// "weakness (left) on Wed 7 Oct".
fn describe_weakness(m: &Measures, e: &Event) -> String {
    let side = e.side.map_or("side not said", |s| s.words());
    format!("weakness ({side}) on {}", m.date(e))
}
