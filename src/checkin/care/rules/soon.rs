//! The rows that book a clinician within 2 working days: vascular, diabetic,
//! compartment and nerve-root patterns that settled.

use super::*;
use crate::checkin::Flag;
use crate::checkin::care::event::{Clear, Context, Event, Extent, Reach};
use crate::checkin::care::measure::{Measures, run_after_run};
use crate::checkin::care::pattern::Pattern;

pub(super) static ROWS: &[Rule] = &[
    // Book within 2 working days: vascular, diabetic and compartment patterns that settled.
    Rule {
        id: "cold_foot_settled",
        effect: TWO_DAYS,
        pattern: Some(Pattern::ColdFoot),
        threshold: "flag `cold_pale` or `skin_colour` that settled within the hour",
        source: "NICE CG147; Mayo Clinic \"Popliteal artery entrapment syndrome\"",
        test: "a_cold_pale_foot_that_settled_in_minutes_books_within_two_working_days",
        check: Check::Moment(|m| flag_rule(m, VASCULAR, |e| e.clear.settled())),
    },
    Rule {
        id: "calf_tightness_settled",
        effect: TWO_DAYS,
        pattern: Some(Pattern::Exertional),
        threshold: "flag `calf_tightness` that settled within the hour, with numbness (more than a tingle gone within 15 minutes) or sharp pain, or a second time with exercise within six weeks (42 days) (once on its own or with such a tingle, or cramps at night, a hold); or sharp pain with numbness in the shin or calf with a run, settled within the hour",
        source: "Mayo Clinic \"Chronic exertional compartment syndrome\"",
        test: "calf_tightness_that_settled_books_a_sports_doctor_within_two_working_days",
        check: Check::Moment(|m| {
            // (Cramps in bed at night are not the exertional pattern.)
            let cramps = m
                .matching(|e| e.flagged(Flag::CalfTightness) && e.context.with_load())
                .count();
            // One cramp with a tingle gone within 15 minutes is not yet
            // "run after run" (the clinician's twenty-fourth review): a
            // hold that asks to hear if it comes back, as the cramp alone.
            flag_rule(m, &[Flag::CalfTightness], |e| {
                e.clear.settled()
                    && ((e.symptomatic() && !e.brief_tingle())
                        || e.flagged(Flag::SharpPain)
                        || cramps >= 2)
            })
            .or_else(|| {
                // A painful numb shin or calf with a run that settled: the
                // same pattern, whichever word the runner ticked.
                let e = latest(m, |e| {
                    e.symptomatic()
                        && e.flagged(Flag::SharpPain)
                        && e.extent.has(Extent::LOWER_LEG)
                        && e.context.with_load()
                        && e.clear.settled()
                })?;
                Some(one(m, e, "painful, settled within the hour"))
            })
        }),
    },
    Rule {
        id: "back_while_booked_but_settled",
        effect: TWO_DAYS,
        pattern: Some(Pattern::Progression),
        threshold: "while a booking is open, on a later day, recorded after it was shown: numbness back (partly numb or more), tingling in the leg above the ankle, or tingling that took more than 15 minutes to go (not pins and needles gone within 15 minutes in the foot; not the lace pattern), read on the check-in alone, never against those before the booking; gone within the hour (or tingling), not the second while waiting over the whole foot, in both feet or in the leg, without sharp pain, a tight calf or a cold, pale or discoloured foot, without diabetes or circulation problems, and no numbness since the last clearance took hours to go (otherwise urgent)",
        source: "DESIGN §4 (runs are suspended while booked; more symptoms never give a milder verdict, P5); DOMAIN §6 (numbness that keeps coming or gets worse books; urgent progression is no feeling, not cleared twice or both legs: NICE CKS \"Sciatica\"); NHS \"Pins and needles\" (brief tingling is no deficit); the clinician's twenty-fourth to twenty-eighth reviews",
        test: "numbness_back_while_booked_but_gone_within_the_hour_brings_the_booking_forward",
        check: Check::Moment(brought_forward_while_booked),
    },
    Rule {
        id: "claudication_with_circulation_problems",
        effect: TWO_DAYS,
        pattern: Some(Pattern::Claudication),
        threshold: "with circulation problems: flag `calf_tightness` with a run, easing with rest; or numbness during or after a run (or at a time not said), however soon it went (not the lace pattern, nor a tingle of the first 5 minutes gone quickly as the runner warmed up)",
        source: "NICE CG147 \"Peripheral arterial disease\" (intermittent claudication)",
        test: "with_circulation_problems_calf_cramp_on_runs_books_a_gp_or_vascular_clinic",
        check: Check::Moment(|m| {
            if !m.health.circulation {
                return None;
            }
            flag_rule(m, &[Flag::CalfTightness], |e| {
                e.clear.settled() && e.context.with_load()
            })
            .or_else(|| {
                // Gone within the hour of stopping says "eased by
                // stopping" as well as the tick does.
                // So does numbness after a run, or with the time not said,
                // however long it took (known circulation disease lowers
                // the threshold; not gone at all is urgent).
                // (Not a tingle of the first minutes gone as the runner
                // warmed up: claudication comes with the effort and eases
                // on stopping, the clinician's twenty-second review.)
                let e = latest(m, |e| {
                    e.symptomatic() && e.context.with_load() && !e.lace_pattern() && !e.warm_up()
                })?;
                Some(one(m, e, "with a run, with circulation problems"))
            })
        }),
    },
    Rule {
        id: "at_rest_with_circulation_problems",
        effect: TWO_DAYS,
        pattern: Some(Pattern::RestWithPoorCirculation),
        threshold: "with circulation problems: numbness at rest or at night, however soon it went (as with a run, the row above)",
        source: "NICE CG147 \"Peripheral arterial disease\" (rest symptoms, pain at night: critical limb ischaemia is urgent to rule out); the clinician's twelfth review",
        test: "with_circulation_problems_numbness_at_night_books_a_vascular_clinic_soon",
        check: Check::Moment(|m| {
            if !m.health.circulation {
                return None;
            }
            let e = latest(m, |e| e.symptomatic() && e.context.at_rest())?;
            Some(one(m, e, "at rest, with circulation problems"))
        }),
    },
    Rule {
        id: "no_feeling_slow_to_come_back",
        effect: TWO_DAYS,
        pattern: Some(Pattern::Lingering),
        threshold: "one check-in: no feeling (3) that took over 15 minutes to come back",
        source: "StatPearls \"Compartment syndrome\" and Mayo Clinic \"Numbness\" (loss of feeling slow to return; at rest the same is urgent)",
        test: "no_feeling_for_hours_after_a_run_books_within_two_working_days",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.severity == 3 && matches!(e.clear, Clear::Soon | Clear::Hours)
            })?;
            Some(one(m, e, "no feeling for a while"))
        }),
    },
    Rule {
        id: "no_feeling_in_both_feet",
        effect: TWO_DAYS,
        pattern: Some(Pattern::BothFeet),
        threshold: "one check-in: no feeling (3) in both feet or ankles, at any time, however soon it came back (not the lace pattern)",
        source: "NIDDK \"Peripheral neuropathy\"; NHS \"Sciatica\" and eorthopod (neurogenic claudication: both feet with walking or running); the clinician's twentieth review (both whole feet without feeling on a run for 10 minutes was only a step back)",
        test: "no_feeling_in_both_feet_books_a_gp_within_two_working_days_however_soon_it_came_back",
        check: Check::Moment(|m| {
            let e = latest(m, |e| e.severity == 3 && foot_both_sides(e))?;
            Some(one(m, e, "no feeling in both feet"))
        }),
    },
    Rule {
        id: "leg_numb_for_hours_after_exercise",
        effect: TWO_DAYS,
        pattern: Some(Pattern::LegSlowToClear),
        threshold: "one check-in: partly numb or worse with exercise (or at a time not said), reaching the ankle or the lower leg, that took hours to go or had not gone",
        source: "StatPearls \"Compartment syndrome\"; Mayo Clinic \"Chronic exertional compartment syndrome\" (leg numbness after exercise that is slow to settle)",
        test: "leg_numb_for_hours_after_a_run_books_a_sports_doctor_within_two_working_days",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                slow_after_exercise(e) && e.extent.has(Extent::ANKLE | Extent::LOWER_LEG)
            })?;
            Some(one(m, e, "in the leg, hours to go after exercise"))
        }),
    },
    Rule {
        id: "above_the_knee_for_hours_after_exercise",
        effect: TWO_DAYS,
        pattern: Some(Pattern::AboveTheKnee),
        threshold: "one check-in: partly numb or worse, with exercise or at rest, reaching the thigh or buttock, that took hours to go or had not gone; or tingling of the whole leg (the foot or ankle, the lower leg and the thigh or buttock) that took hours to go",
        source: "NICE CKS \"Sciatica\" (a nerve-root pattern that persists: assess); the clinician's eighth review (the compartment row above is the lower leg's); the twelfth (at rest at least as soon)",
        test: "numbness_above_the_knee_for_hours_after_a_run_books_a_gp_or_spine_clinician_within_two_working_days",
        check: Check::Moment(|m| {
            // (Tingling of the whole leg that took hours to go is as much
            // a nerve root's that persists: the clinician's twenty-third
            // review found it an emergency at 61 minutes, a week's booking
            // at 60.)
            let e = latest(m, |e| {
                (slow_to_clear(e) && e.extent.reach() >= Reach::Thigh)
                    || (e.severity == 1 && e.extent.whole_leg() && e.clear == Clear::Hours)
            })?;
            Some(one(m, e, "above the knee, hours to go"))
        }),
    },
    Rule {
        id: "no_feeling_in_the_leg_with_a_run",
        effect: TWO_DAYS,
        pattern: Some(Pattern::Exertional),
        threshold: "one check-in: no feeling (3) reaching the ankle or higher during or after a run (or at a time not said), however soon it came back",
        source: "StatPearls \"Chronic exertional compartment syndrome\"; Mayo Clinic \"Popliteal artery entrapment syndrome\" (loss of feeling in the leg with exercise); the clinician's fourteenth review (partly numb above the knee on a run already books)",
        test: "no_feeling_in_the_leg_on_a_run_books_a_sports_doctor_however_soon_it_came_back",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.severity == 3 && e.context.with_load() && e.extent.reach() >= Reach::Ankle
            })?;
            Some(one(m, e, "no feeling in the leg with a run"))
        }),
    },
    Rule {
        id: "no_feeling_in_the_leg_at_rest",
        effect: TWO_DAYS,
        pattern: Some(Pattern::AtRest),
        threshold: "one check-in: no feeling (3) reaching the ankle or higher at rest or at night, however soon it came back (longer than 15 minutes, or not back, is urgent or an emergency)",
        source: "Mayo Clinic \"Numbness\" (numbness that begins suddenly); the clinician's fifteenth review (at rest never milder than the same on a run, the row above)",
        test: "no_feeling_in_the_leg_at_rest_books_as_soon_as_on_a_run",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.severity == 3 && e.context.at_rest() && e.extent.reach() >= Reach::Ankle
            })?;
            Some(one(m, e, "no feeling in the leg at rest"))
        }),
    },
    Rule {
        id: "leg_numb_for_hours_at_rest",
        effect: TWO_DAYS,
        pattern: Some(Pattern::AtRest),
        threshold: "one check-in: partly numb or worse that began at rest or at night, reaching the ankle or the lower leg, that took hours to go or had not gone",
        source: "Mayo Clinic \"Numbness\" (numbness that begins at rest and persists); the clinician's twelfth review (never later than the same after a run, the row above)",
        test: "numbness_in_the_leg_at_rest_is_booked_at_least_as_soon_as_after_a_run",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                slow_to_clear(e)
                    && e.context.at_rest()
                    && e.extent.has(Extent::ANKLE | Extent::LOWER_LEG)
            })?;
            Some(one(m, e, "in the leg, at rest, hours to go"))
        }),
    },
    Rule {
        id: "foot_wound_not_felt",
        effect: TWO_DAYS,
        pattern: Some(Pattern::FootWound),
        threshold: "flag `foot_wound` (a cut, blister or redness not felt)",
        source: "NIDDK \"Peripheral neuropathy\"; ADA Standards of Care, foot care",
        test: "a_wound_not_felt_books_within_two_working_days",
        check: Check::Moment(|m| flag_rule(m, &[Flag::FootWound], |_| true)),
    },
    Rule {
        id: "exertional_pattern",
        effect: TWO_DAYS,
        pattern: Some(Pattern::Exertional),
        threshold: "3+ runs of the episode (not walks) with numbness at about the same minute (within a quarter or 5 minutes) in the same part of the same leg, a week or more from first to last, each within a week of the one before, the minutes not moving earlier (that is the next row); a tingle in the first 5 minutes that went quickly does not count, nor one in the toes, between them or at the ball alone gone within 15 minutes without a warning sign (the rows for coming back book those)",
        source: "Mayo Clinic and coaortho.org \"Chronic exertional compartment syndrome\"",
        test: "the_exertional_pattern_over_two_weeks_sends_to_a_sports_doctor",
        check: Check::Moment(|m| {
            // Minutes moving earlier are the next row's pattern, not "about
            // the same point" (the clinician's sixth review: 40, 32, 26).
            let runs = m.exertional_runs();
            if runs.is_empty() || m.earlier_onset().is_some() {
                return None;
            }
            Some(Found::new(
                m.words,
                || {
                    let at: Vec<String> = runs
                        .iter()
                        .map(|e| {
                            format!(
                                "minute {} on {}",
                                e.exertional_minute().unwrap_or_default(),
                                m.date(e)
                            )
                        })
                        .collect();
                    // (A warning sign alone, such as a tight calf, is no
                    // numbness: "symptoms" then.)
                    let what = if runs.iter().all(|e| e.symptomatic()) {
                        "Numbness"
                    } else {
                        "Symptoms"
                    };
                    format!(
                        "{what} at about the same point of {} runs: {}.",
                        runs.len(),
                        crate::checkin::and_list(&at)
                    )
                },
                runs.iter().copied(),
            ))
        }),
    },
    Rule {
        id: "exertional_in_the_lower_leg",
        effect: TWO_DAYS,
        pattern: Some(Pattern::Exertional),
        threshold: "3+ runs of the episode with numbness in the calf or shin of one leg during the run, its minute not said, each gone within the hour, a week or more from first to last, each within a week of the one before (with the minutes said, the row above judges whether they repeat)",
        source: "Mayo Clinic and coaortho.org \"Chronic exertional compartment syndrome\" (the calf or shin, run after run, settling with rest); the clinician's twentieth review (the same four runs booked within 2 working days with their minutes, within a week without)",
        test: "numbness_in_the_calf_or_shin_on_runs_that_settles_is_the_exertional_pattern_without_minutes",
        check: Check::Moment(|m| {
            let all: Vec<&Event> = m
                .episode
                .iter()
                .filter(|e| {
                    e.symptomatic()
                        && !e.no_run()
                        && e.extent.has(Extent::LOWER_LEG)
                        && e.context == Context::During(None)
                        && e.clear.settled()
                })
                .collect();
            // On one leg (or both), run after run.
            let runs = all
                .iter()
                .filter_map(|at| {
                    let leg: Vec<&Event> =
                        all.iter().copied().filter(|e| e.same_leg_as(at)).collect();
                    run_after_run(&leg)
                })
                .max_by_key(Vec::len)?;
            Some(Found::new(
                m.words,
                || {
                    let on: Vec<String> = runs.iter().map(|e| m.date(e)).collect();
                    format!(
                        "Numbness in the calf or shin during {} runs, gone within the hour each time: {}.",
                        runs.len(),
                        crate::checkin::and_list(&on)
                    )
                },
                runs.iter().copied(),
            ))
        }),
    },
    Rule {
        id: "onset_earlier_and_earlier",
        effect: TWO_DAYS,
        pattern: Some(Pattern::EarlierOnset),
        threshold: "onset minutes over 3+ runs of the episode (not walks, not the lace pattern) in the same part of the same leg moving earlier by 20 % or more; a tingle of the first 5 minutes gone quickly counts only after numbness later in a run of the episode in a place it names",
        source: "Mayo Clinic; StatPearls \"Chronic exertional compartment syndrome\"",
        test: "numbness_starting_earlier_in_each_run_books_a_sports_doctor",
        check: Check::Moment(|m| {
            let runs = m.earlier_onset()?;
            Some(Found::new(
                m.words,
                || {
                    let each: Vec<String> = runs
                        .iter()
                        .map(|(run, minute)| format!("minute {minute} on {}", m.date(run)))
                        .collect();
                    format!(
                        "Numbness began earlier in the run as the runs went on: {}.",
                        crate::checkin::and_list(&each)
                    )
                },
                runs.iter().map(|(run, _)| *run),
            ))
        }),
    },
    Rule {
        id: "diabetes_foot_numbness",
        effect: TWO_DAYS,
        pattern: Some(Pattern::DiabeticFoot),
        threshold: "with diabetes: foot numbness twice within 14 days, or once taking hours or not cleared, or once with no feeling however soon it came back, or once at night or at rest in the sole, heel or arch (the sole-at-night row's twice, halved: diabetes lowers the thresholds)",
        source: "NICE NG19 \"Diabetic foot problems\" (loss of protective sensation puts the foot at risk); ADA Standards of Care; NIDDK",
        test: "with_diabetes_tingling_twice_in_two_weeks_books_the_gp_or_diabetes_foot_team",
        check: Check::Moment(|m| {
            if !m.health.diabetes {
                return None;
            }
            let foot =
                m.matching(|e| e.symptomatic() && (e.extent.in_foot() || e.extent.is_empty()));
            if let Some((a, b)) = Measures::twice_within(foot.clone(), 14) {
                return Some(Found::new(
                    m.words,
                    || {
                        format!(
                            "Foot numbness on {} and {}, with diabetes.",
                            m.date(a),
                            m.date(b)
                        )
                    },
                    [a, b],
                ));
            }
            if let Some(e) = foot
                .clone()
                .rev()
                .find(|e| matches!(e.clear, Clear::Hours | Clear::NotYet))
            {
                return Some(one(m, e, "with diabetes"));
            }
            // No feeling in a diabetic foot, even for minutes: the loss of
            // protective sensation the foot team checks for (NICE NG19;
            // the clinician's fourteenth review).
            if let Some(e) = foot.clone().rev().find(|e| e.severity == 3) {
                return Some(one(m, e, "no feeling, with diabetes"));
            }
            // Night or rest numbness in the sole or heel is how diabetic
            // neuropathy shows (NIDDK): once is enough with diabetes.
            let e = foot.rev().find(|e| sole_at_rest(e))?;
            Some(one(m, e, "at rest in the sole or heel, with diabetes"))
        }),
    },
];

/// Partly numb or worse with exercise (or at a time not said) that took
/// hours to go or had not gone.
fn slow_after_exercise(e: &Event) -> bool {
    slow_to_clear(e) && e.context.with_load()
}

/// Partly numb or worse, and hours to go or not gone.
fn slow_to_clear(e: &Event) -> bool {
    e.severity >= 2 && (e.clear == Clear::Hours || e.clear.still_there())
}
