//! The rows that book a clinician within a week for a place or a context:
//! more than one part of the foot, the sole at night, between the toes,
//! the top of the foot, both feet, the thigh reached, each lower leg in
//! turn, sitting, rest, and the cleared numbness back (read in `cleared.rs`;
//! DESIGN.md §4, step 4; the course of the symptoms is in `week.rs`).

use super::cleared::{back_twice, wider};
use super::*;
use crate::checkin::care::event::{Clear, Event, Reach};
use crate::checkin::care::measure::Measures;
use crate::checkin::care::pattern::Pattern;
use crate::checkin::{Ease, Flag, Spot};

pub(super) static ROWS: &[Rule] = &[
    Rule {
        id: "spreading_in_the_foot",
        effect: WEEK,
        pattern: Some(Pattern::Spreading),
        threshold: "within an episode, a check-in naming a part of the foot (forefoot: toes, between the toes, ball; midfoot: arch, top; hindfoot: heel) that no earlier one on the same leg named, after one that named another, short of the whole foot (not one part and then another alone: that moved); not the lace pattern",
        source: "DESIGN.md §4 (spreading: a new extent within an episode); source articles (numbness that persists or spreads needs a doctor); the clinician's nineteenth review (toes, then toes and arch, stepped back)",
        test: "numbness_spreading_from_the_toes_to_the_arch_books_a_clinician",
        check: Check::Moment(|m| {
            let (from, to, added) = in_more_than_one_part(m)?;
            added.then(|| numbness_then(m, "Spreading", from, to))
        }),
    },
    Rule {
        id: "more_than_one_part_of_the_foot_again",
        effect: WEEK,
        pattern: Some(Pattern::KeepsComingBack),
        threshold: "within an episode, 2 check-ins or more on the same leg that together name 2 or more parts of the foot, the latest no new part (the row above is the spread): read as a union, so a place more on an earlier check-in never makes the verdict milder; not when they are brief pins and needles of posture or a cold start, two at most and nothing else, without diabetes or circulation problems (a hold)",
        source: "DESIGN.md §4 P5; NHS \"Pins and needles\" (see a GP if it keeps coming back; posture's are normal when they pass: DOMAIN §6, the clinician's twenty-seventh round)",
        test: "numbness_spreading_from_the_toes_to_the_arch_books_a_clinician",
        check: Check::Moment(|m| {
            let (from, to, added) = in_more_than_one_part(m)?;
            // (Brief pins and needles of posture or a cold start, twice at
            // most and nothing else: a hold, whichever parts they touched.)
            let all = m.episode.iter().filter(|e| e.symptomatic());
            (!added && !m.only_passing(all)).then(|| {
                numbness_then(
                    m,
                    "Back again, in more than one part of the foot between the check-ins",
                    from,
                    to,
                )
            })
        }),
    },
    Rule {
        id: "sole_or_heel_at_night_twice",
        effect: WEEK,
        pattern: Some(Pattern::SoleAtNight),
        threshold: "numbness in the sole, heel or arch (or the whole foot) at night, or at rest not gone within 15 minutes, twice within six weeks (42 days) (a foot asleep from sitting, gone in minutes, is the rest row's)",
        source: "AAOS OrthoInfo; AOFAS FootCareMD \"Tarsal tunnel syndrome\"",
        test: "sole_numbness_at_night_twice_in_six_weeks_sends_to_an_orthopedist_or_podiatrist",
        check: Check::Moment(|m| {
            let nights = m.matching(sole_at_night);
            let (a, b) = Measures::last_two(nights)?;
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Numbness in the sole or heel at night or at rest on {}.",
                        m.dates([a, b])
                    )
                },
                [a, b],
            ))
        }),
    },
    Rule {
        id: "cleared_numbness_back_twice_in_14_days",
        effect: WEEK,
        pattern: Some(Pattern::BackAfterClearance),
        threshold: "after a clearance of care booked within a week, symptoms twice within 14 days (not the lace pattern), in the place the clinician cleared or another as far up the leg as the lowest place it named (a place lower down is judged afresh)",
        source: "DOMAIN §6 clinician's review (after a clearance: back to the clinician who cleared you)",
        test: "the_cleared_pattern_back_twice_in_two_weeks_goes_back_to_the_clinician",
        check: Check::Moment(|m| back_twice(m).filter(|_| m.cleared.is_some_and(|c| !c.soon))),
    },
    Rule {
        id: "cleared_numbness_back_twice_in_14_days_soon",
        effect: TWO_DAYS,
        pattern: Some(Pattern::BackAfterClearance),
        threshold: "after a clearance of care that was urgent or booked within 2 working days, symptoms twice within 14 days where the row above counts them; when it was urgent, who its most specific pattern books, not the urgent care that cleared it",
        source: "DOMAIN §6 clinician's review (after a clearance: back to the clinician who cleared you); DESIGN §4 (2 working days for vascular, diabetic and compartment patterns); the clinician's sixteenth review (an exertional shin pattern back after its clearance was booked later than before it)",
        test: "the_exertional_pattern_back_after_a_clearance_is_booked_as_soon_as_before_with_a_sports_doctor",
        check: Check::Moment(|m| back_twice(m).filter(|_| m.cleared.is_some_and(|c| c.soon))),
    },
    Rule {
        id: "wider_after_a_clearance",
        effect: WEEK,
        pattern: Some(Pattern::BackAfterClearance),
        threshold: "within six weeks (42 days) of a clearance of care booked within a week, one check-in reaching the whole foot or further up the leg, or on both sides, or on a side the cleared numbness was not on or may not have been (a side not said); not a brief tingle of part of one foot: pins and needles in part of the foot or the ankle, not the whole foot, on or after a run, gone within about 15 minutes, its side said. Read on its own, not against where the cleared numbness reached, so a wider picture before the clearance never makes it milder (DESIGN §4 P5)",
        source: "DOMAIN §6 clinician's review (after a clearance: what the clinician did not see goes back to them); DESIGN §4 (spreading and sides held against the episode a clearance closed)",
        test: "after_a_clearance_numbness_wider_than_before_goes_back_to_the_clinician",
        check: Check::Moment(|m| wider(m).filter(|_| m.cleared.is_some_and(|c| !c.soon))),
    },
    Rule {
        id: "wider_after_a_clearance_soon",
        effect: TWO_DAYS,
        pattern: Some(Pattern::BackAfterClearance),
        threshold: "the same, after a clearance of care that was urgent or booked within 2 working days",
        source: "as `wider_after_a_clearance`; a return is booked no later than the care it came back from",
        test: "after_a_clearance_numbness_wider_than_before_goes_back_to_the_clinician",
        check: Check::Moment(|m| wider(m).filter(|_| m.cleared.is_some_and(|c| c.soon))),
    },
    Rule {
        id: "sharp_pain",
        effect: WEEK,
        pattern: Some(Pattern::WarningSign),
        threshold: "flag `sharp_pain` (a change of skin colour is the circulation's: the rows above)",
        source: "source articles (numbness with sharp pain warrants a professional)",
        test: "sharp_pain_books_a_clinician_as_a_warning_sign",
        check: Check::Moment(|m| flag_rule(m, &[Flag::SharpPain], |_| true)),
    },
    Rule {
        id: "numbness_with_back_pain",
        effect: WEEK,
        pattern: Some(Pattern::WithBackPain),
        threshold: "flag `back_pain` with numbness within six weeks (42 days, since the last clearance), whichever came first (back pain alone is no numbness matter; getting worse with it is urgent)",
        source: "NHS \"Sciatica\"; NICE CKS \"Sciatica\" (primary care or a physiotherapist); DOMAIN §6 (back pain with leg symptoms)",
        test: "numbness_with_back_pain_books_a_gp_or_physiotherapist",
        check: Check::Moment(|m| {
            let pain = m.recent().iter().rfind(|e| e.flagged(Flag::BackPain))?;
            let legs = m.recent().iter().rfind(|e| e.symptomatic())?;
            Some(Found::new(
                m.words,
                || {
                    if std::ptr::eq(pain, legs) {
                        format!("{}: {}, with back pain.", m.date(legs), describe(legs))
                    } else {
                        format!(
                            "Back pain on {} with numbness on {}.",
                            m.date(pain),
                            m.date(legs)
                        )
                    }
                },
                [pain, legs],
            ))
        }),
    },
    Rule {
        id: "between_the_toes_twice",
        effect: WEEK,
        pattern: Some(Pattern::BetweenToes),
        threshold: "numbness between the toes on 2 check-ins within six weeks (42 days) (not both feet at rest or at night: the symmetric pattern, a GP's)",
        source: "Morton's neuroma patient pages (podiatrist or orthopedist: one foot, brought on by load); NIDDK \"Peripheral neuropathy\" (both feet, worse at night)",
        test: "numbness_between_the_toes_twice_sends_to_a_podiatrist",
        check: Check::Moment(|m| {
            twice(m, "Numbness between the toes", |e| {
                e.symptomatic()
                    && e.checkin.spots.contains(&Spot::BetweenToes)
                    && !(e.both_sides() && e.context.at_rest())
            })
        }),
    },
    Rule {
        id: "top_of_foot_for_weeks",
        effect: WEEK,
        pattern: Some(Pattern::TopOfFoot),
        threshold: "numbness on the top of the foot only (the lace pattern, or the same place whatever eased it) on 4 or more days of the last 6 weeks in 2 or more separate weeks (days a week apart, however the plan's weeks fall), or in 3 separate weeks",
        source: "StatPearls \"Anterior tarsal tunnel syndrome\" (on most runs for weeks despite new lacing); verywellfit (lace pressure); the clinician's sixth review",
        test: "the_lace_pattern_for_weeks_is_no_longer_just_the_laces",
        check: Check::Moment(|m| {
            // The top of the foot alone, whether new lacing eased it or
            // not: the days it did not are the stronger sign (the
            // clinician's sixteenth review).
            let days = m.days_in_six_weeks(|e| e.top_of_foot_only());
            let weeks = days_a_week_apart(&days);
            if !(weeks >= 3 || (weeks >= 2 && days.len() >= 4)) {
                return None;
            }
            let laces: Vec<&Event> = m.window.iter().filter(|e| e.top_of_foot_only()).collect();
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Numbness on the top of the foot in {weeks} separate weeks, new lacing or not: {}.",
                        m.dates(laces.iter().copied())
                    )
                },
                laces.iter().copied(),
            ))
        }),
    },
    Rule {
        id: "both_feet_again_or_at_rest",
        effect: WEEK,
        pattern: Some(Pattern::BothFeet),
        threshold: "both feet (or ankles) at rest or at night once — on one check-in, or one foot and then the other in one episode — or once lasting hours or not gone, or twice within six weeks (42 days), not when they are the only two and each was a tingle in the first 5 minutes of a run gone within 15 minutes (once with diabetes or circulation problems); not the lace pattern",
        source: "NIDDK \"Peripheral neuropathy\"",
        test: "both_feet_at_rest_send_the_runner_to_a_gp_for_blood_tests",
        check: Check::Moment(both_feet),
    },
    Rule {
        id: "above_the_knee_again",
        effect: WEEK,
        pattern: Some(Pattern::AboveTheKnee),
        threshold: "numbness reaching the thigh or buttock on 2 check-ins within six weeks (42 days), however soon each went",
        source: "NICE CKS \"Sciatica\" (a nerve-root pattern that recurs: assess); the clinician's twenty-first review (a GP or spine clinician, not the clinicians of a foot that keeps going numb)",
        test: "tingling_above_the_knee_twice_books_a_gp_or_spine_clinician",
        check: Check::Moment(|m| {
            twice(m, "Numbness above the knee", |e| {
                e.symptomatic() && e.extent.reach() >= Reach::Thigh
            })
        }),
    },
    Rule {
        id: "spreading_above_the_knee",
        effect: WEEK,
        pattern: Some(Pattern::AboveTheKnee),
        threshold: "within an episode, a check-in reaching the thigh or buttock, further up than an earlier one on the same leg (the row below, with the clinicians of the back)",
        source: "NICE CKS \"Sciatica\" (a nerve-root pattern: assess); the clinician's twenty-second review (calf then thigh booked the foot's clinicians where the thigh twice booked a GP)",
        test: "numbness_spreading_from_the_calf_to_the_thigh_books_a_gp_or_spine_clinician",
        check: Check::Moment(|m| {
            let (from, to) = m.spread_further()?;
            (to.extent.reach() >= Reach::Thigh).then(|| numbness_then(m, "Spreading", from, to))
        }),
    },
    Rule {
        id: "lower_legs_in_turn",
        effect: WEEK,
        pattern: Some(Pattern::LowerLegsInTurn),
        threshold: "within 42 days since the last clearance: tingling in the lower leg (no higher) on one side, gone within the hour (with a run, at rest or at night), and the same on the other side on a later check-in (anything more on either side is urgent: both legs in turn)",
        source: "NICE CKS \"Sciatica\" (bilateral or alternating sciatica is the red flag, not a calf tingle that settled); the clinician's twentieth and twenty-first reviews",
        test: "a_brief_calf_tingle_on_each_leg_in_turn_books_a_gp_within_a_week",
        check: Check::Moment(|m| {
            let (from, to) = m.legs_in_turn()?;
            Some(in_turn(m, "Each leg in turn", from, to))
        }),
    },
    Rule {
        id: "both_feet_with_diabetes",
        effect: TWO_DAYS,
        pattern: Some(Pattern::DiabeticFoot),
        threshold: "with diabetes: both feet once (the runner already knows the diagnosis: the GP or diabetes foot team)",
        source: "NIDDK \"Diabetic neuropathy\"; NICE NG19",
        test: "with_diabetes_numbness_in_both_feet_books_the_diabetes_foot_team",
        check: Check::Moment(|m| {
            if m.health.diabetes {
                both_feet(m)
            } else {
                None
            }
        }),
    },
    Rule {
        id: "eases_on_sitting_twice",
        effect: WEEK,
        pattern: Some(Pattern::EasesSitting),
        threshold: "eased by sitting or bending forward on 2 check-ins within six weeks (42 days) (1 with a history of back trouble)",
        source: "eOrthopod \"Lumbar spinal stenosis\" (neurogenic claudication)",
        test: "numbness_easing_on_sitting_or_bending_twice_sends_to_a_gp_or_spine_clinician",
        check: Check::Moment(|m| {
            let eased = |e: &Event| e.symptomatic() && e.eased_by(Ease::SittingOrBending);
            if m.health.back_history
                && let Some(e) = latest(m, eased)
            {
                return Some(one(
                    m,
                    e,
                    "eased on sitting or bending forward, with a history of back trouble",
                ));
            }
            twice(m, "Numbness eased on sitting or bending forward", eased)
        }),
    },
    Rule {
        id: "at_rest_twice_with_back_history",
        effect: WEEK,
        pattern: Some(Pattern::SittingProvoked),
        threshold: "with a history of back trouble: numbness in the leg or buttock beginning at rest twice within six weeks (42 days)",
        source: "NICE CKS \"Sciatica\"",
        test: "with_a_history_of_back_trouble_leg_numbness_at_rest_twice_books_a_gp_or_physio",
        check: Check::Moment(|m| {
            if !m.health.back_history {
                return None;
            }
            twice(m, "Leg or buttock numbness at rest", |e| {
                at_rest(e) && e.in_leg()
            })
        }),
    },
    Rule {
        id: "at_rest_not_clearing",
        effect: WEEK,
        pattern: Some(Pattern::AtRest),
        threshold: "one check-in: began at rest or at night and took hours, had not cleared, or was not said to clear",
        source: "source articles (numbness that persists anywhere: see a doctor); Mayo Clinic \"Numbness\"",
        test: "numbness_that_began_at_rest_and_has_not_cleared_books_a_clinician_at_once",
        check: Check::Moment(|m| {
            let e = latest(m, |e| at_rest(e) && !e.clear.settled())?;
            Some(one(m, e, "at rest, not clearing"))
        }),
    },
    Rule {
        id: "at_rest_twice_in_six_weeks",
        effect: WEEK,
        pattern: Some(Pattern::AtRest),
        threshold: "numbness beginning at rest or at night on 2 check-ins within six weeks (42 days), however quickly each went (once is a hold that says to tell a clinician if it happens again); when every one is a tingle at rest (not at night) gone within 15 minutes, 3 (posture's pins and needles), unless with diabetes, circulation problems or back history",
        source: "NHS \"Pins and needles\" (posture: normal if it passes; see a GP if it keeps coming back); the clinician's twenty-fifth review",
        test: "numbness_beginning_at_rest_twice_books_a_clinician",
        check: Check::Moment(|m| {
            let all = m.matching(at_rest);
            if all.clone().count() < 2 || (!m.health.back_history && m.only_passing(all.clone())) {
                return None;
            }
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Numbness began at rest or at night on {}.",
                        m.dates(all.clone())
                    )
                },
                all.clone(),
            ))
        }),
    },
    Rule {
        id: "not_cleared_twice_in_a_week",
        effect: WEEK,
        pattern: Some(Pattern::Lingering),
        threshold: "numbness not cleared on 2 check-ins within 7 days (1 with diabetes or circulation problems)",
        source: "Ask Dr. Green (numbness that lingers after runs)",
        test: "numbness_that_does_not_clear_twice_in_a_week_books_a_clinician",
        check: Check::Moment(|m| {
            let lingering = m.matching(|e| e.symptomatic() && e.clear == Clear::NotYet);
            if m.health.sooner()
                && let Some(e) = lingering.clone().next_back()
            {
                return Some(one(
                    m,
                    e,
                    "not cleared, with diabetes or circulation problems",
                ));
            }
            let (a, b) = Measures::twice_within(lingering, 7)?;
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Numbness had not cleared on {} and {}.",
                        m.date(a),
                        m.date(b)
                    )
                },
                [a, b],
            ))
        }),
    },
    Rule {
        id: "not_cleared_days_later",
        effect: WEEK,
        pattern: Some(Pattern::Lingering),
        threshold: "one check-in: numbness not gone when recorded on a later day than its date (it has lasted that long), unless a check-in between said no numbness",
        source: "source articles (numbness that persists or has not resolved within a week: see a doctor); Mayo Clinic \"Numbness\"",
        test: "numbness_still_there_when_recorded_days_later_books_a_clinician",
        check: Check::Moment(|m| {
            let e = latest(m, |e| e.symptomatic() && e.clear == Clear::NotYet)?;
            let recorded = e.checkin.recorded.filter(|day| *day > e.checkin.date)?;
            // A check-in between said no numbness: it was gone by then, and
            // "not yet" was how it stood that day (the clinician's
            // twenty-second review: a back-filled tingle read as lasting
            // the three days to a clear check-in).
            if m.past.numbness_gone(e.day, recorded.to_epoch_days()) {
                return None;
            }
            let days = (recorded - e.checkin.date).num_days();
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "{}: {} on {} ({} later).",
                        m.date(e),
                        describe(e),
                        crate::checkin::day_words(recorded, m.today),
                        crate::count::count(usize::try_from(days).unwrap_or(0), "day", "days")
                    )
                },
                [e],
            ))
        }),
    },
];

/// The latest check-in of the episode that, with the earlier ones on the
/// same leg, names two or more parts of the foot; the first of those
/// earlier ones, and whether the latest named a part they had not. Read as
/// a union, so that a place more on any check-in never takes it away
/// (DESIGN.md §4 P5). None once the episode reached the whole foot or
/// further: the rows that say so.
fn in_more_than_one_part<'m, 'a>(
    m: &Measures<'m, 'a>,
) -> Option<(&'m Event<'a>, &'m Event<'a>, bool)> {
    if m.spread_up().is_some() {
        return None;
    }
    let foot: Vec<&Event> = m
        .episode
        .iter()
        .filter(|e| e.symptomatic() && !e.lace_pattern() && e.extent.foot_parts() != 0)
        .collect();
    foot.iter().enumerate().rev().find_map(|(i, to)| {
        let before: Vec<&&Event> = foot[..i].iter().filter(|e| e.same_leg_as(to)).collect();
        let earlier = before.iter().fold(0, |acc, e| acc | e.extent.foot_parts());
        let parts = earlier | to.extent.foot_parts();
        let first = before.first()?;
        // (One part, then another alone: it moved, it did not spread nor
        // come back wider; the clinician's twenty-second review: the toes
        // and four days later the heel, each gone in minutes, books nobody.
        // Naming the first part again, on either, is the rows' union.)
        let own = to.extent.foot_parts();
        let moved = earlier.count_ones() == 1 && own.count_ones() == 1 && own & earlier == 0;
        (parts.count_ones() >= 2 && !moved).then_some((**first, *to, own & !earlier != 0))
    })
}
