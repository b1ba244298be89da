//! The rows that book a clinician within a week.

use super::*;
use crate::checkin::care::event::{Clear, Event, Reach};
use crate::checkin::care::measure::{Measures, WeekStatus};
use crate::checkin::care::pattern::Pattern;
use crate::checkin::{Ease, Flag, Spot};

pub(super) static ROWS: &[Rule] = &[
    // Book within a week.
    Rule {
        id: "symptoms_in_three_weeks_of_six",
        effect: WEEK,
        pattern: Some(Pattern::KeepsComingBack),
        threshold: "symptoms (each one cleared quickly or not, the lace pattern too) in 3 or more separate plan weeks of the last 6",
        source: "Mayo Clinic \"Numbness: when to see a doctor\"; NHS \"Pins and needles\" (see a GP if it keeps coming back); Cleveland Clinic \"Numbness\"",
        test: "tingling_in_three_separate_weeks_books_a_clinician_even_when_each_cleared_quickly",
        check: Check::Moment(|m| {
            let weeks = m.weeks(m.symptomatic());
            if weeks < 3 {
                return None;
            }
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Symptoms in {weeks} separate weeks of the last 6: {}.",
                        m.dates(m.symptomatic())
                    )
                },
                m.symptomatic(),
            ))
        }),
    },
    Rule {
        id: "held_two_weeks_running",
        effect: WEEK,
        pattern: Some(Pattern::KeepsComingBack),
        threshold: "the plan held or stepped back for symptoms this plan week and the week before",
        source: "Mayo Clinic \"Numbness\"; NHS \"Pins and needles\"; DOMAIN §6 clinician's review",
        test: "holds_for_symptoms_two_weeks_running_book_a_clinician",
        check: Check::Moment(|m| {
            let week = m.week();
            // Last week first: it is over, so its status is kept.
            let held = |w: i32| m.week_status(w) <= WeekStatus::Hold;
            if !(held(week - 1) && held(week)) {
                return None;
            }
            let events: Vec<&Event> = m
                .symptomatic()
                .filter(|e| e.week(m.start_day) >= week - 1)
                .collect();
            let (last_week, this_week): (Vec<&Event>, Vec<&Event>) =
                events.iter().partition(|e| e.week(m.start_day) < week);
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Symptoms held the plan or stepped it back two weeks running: last week ({}) and this week ({}).",
                        m.dates(last_week.iter().copied()),
                        m.dates(this_week.iter().copied())
                    )
                },
                events.iter().copied(),
            ))
        }),
    },
    Rule {
        id: "back_after_a_step_back",
        effect: WEEK,
        pattern: Some(Pattern::KeepsComingBack),
        threshold: "symptoms in a later plan week after an earlier week of the last six (since any clearance) called for a step back (partly numb or worse, or hours to clear, with a run)",
        source: "DOMAIN §6 (numbness that keeps coming back after the plan has been stepped back); Trials 2023 (s13063-023-07502-x)",
        test: "numbness_that_comes_back_after_a_step_back_books_a_clinician",
        check: Check::Moment(|m| {
            let now = latest(m, |e| e.symptomatic() && !e.lace_pattern())?;
            let week = now.week(m.start_day);
            // Across episodes too: every event of the last six plan weeks
            // since the last clearance (three weeks apart is still back).
            let back = m.window.iter().rev().find(|e| {
                e.week(m.start_day) < week
                    && e.context.with_load()
                    && (e.severity >= 2 || matches!(e.clear, Clear::Hours | Clear::NotYet))
            })?;
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Symptoms came back on {} after the plan stepped back for them ({} on {}).",
                        m.date(now),
                        describe(back),
                        m.date(back)
                    )
                },
                [back, now],
            ))
        }),
    },
    Rule {
        id: "not_resolved_within_a_week",
        effect: WEEK,
        pattern: Some(Pattern::NotResolved),
        threshold: "symptoms on days spanning 7 days or more (4 with diabetes or circulation problems), never two days in a row without; a clear day logged and a day not logged count alike",
        source: "Ask Dr. Green (not resolved within a week: see an orthopedist or physical therapist)",
        test: "tingling_every_day_for_a_week_books_a_clinician",
        check: Check::Moment(|m| {
            let (first, last) = m.unbroken_spell()?;
            let length = last.day - first.day + 1;
            if length < if m.health.sooner() { 4 } else { 7 } {
                return None;
            }
            let spell: Vec<&Event> = m
                .episode
                .iter()
                .filter(|e| e.symptomatic() && e.day >= first.day)
                .collect();
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Symptoms on {} days over {length} days, never two days in a row without: {}.",
                        spell.len(),
                        m.dates(spell.iter().copied())
                    )
                },
                spell.iter().copied(),
            ))
        }),
    },
    Rule {
        id: "above_the_knee_slow_to_clear",
        effect: WEEK,
        pattern: Some(Pattern::Lingering),
        threshold: "one check-in: numbness reaching the thigh or buttock that took hours to go or had not gone",
        source: "NICE CKS \"Sciatica\" (leg numbness in a nerve-root pattern: assess); source articles (numbness that persists: see a doctor)",
        test: "numbness_above_the_knee_that_takes_hours_books_a_clinician",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.symptomatic()
                    && e.extent.reach() >= Reach::Thigh
                    && (e.clear == Clear::Hours || e.clear.still_there())
            })?;
            Some(one(m, e, "above the knee, slow to clear"))
        }),
    },
    Rule {
        id: "getting_worse",
        effect: WEEK,
        pattern: Some(Pattern::Worsening),
        threshold: "3 check-ins of the episode, clear days between or not: after a first symptom, one not cleared within 15 minutes (or worse), then one that took hours or was partly numb (or worse) — every chain of three each worse than the one before, and anything worse; with diabetes or circulation problems 2: a second symptom not cleared within 15 minutes",
        source: "Ask Dr. Green (symptoms that get worse)",
        test: "severity_rising_week_after_week_with_clear_days_between_books_a_clinician",
        check: Check::Moment(|m| {
            let chain = m.worse_and_worse(if m.health.sooner() { 2 } else { 3 })?;
            let mut steps: Vec<String> = Vec::new();
            let mut cited: Vec<&Event> = Vec::new();
            for e in chain {
                if !cited.iter().any(|c| std::ptr::eq(*c, e)) {
                    steps.push(format!("{} on {}", describe(e), m.date(e)));
                    cited.push(e);
                }
            }
            Some(Found::new(
                m.words,
                || format!("Getting worse or not settling: {}.", steps.join("; then ")),
                cited,
            ))
        }),
    },
    Rule {
        id: "spreading_up_the_leg",
        effect: WEEK,
        pattern: Some(Pattern::Spreading),
        threshold: "within an episode, a check-in reaching the whole foot or further up (ankle, lower leg, thigh, buttock) after an earlier one that named a place",
        source: "source articles (numbness that persists or spreads needs a doctor); DOMAIN §6",
        test: "numbness_spreading_from_the_toes_to_the_calf_books_a_clinician",
        check: Check::Moment(|m| {
            let (from, to) = m.spread_up()?;
            let how = if to.extent.reach() > from.extent.reach() {
                "Spreading"
            } else {
                "Widespread again"
            };
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "{how}: numbness {} on {}, then {} on {}.",
                        spots(from.checkin),
                        m.date(from),
                        spots(to.checkin),
                        m.date(to)
                    )
                },
                [from, to],
            ))
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
        id: "at_rest_after_weeks_with_runs",
        effect: WEEK,
        pattern: Some(Pattern::RestAfterRuns),
        threshold: "a check-in at rest or at night after symptoms with runs spanning 2 weeks or more in the episode",
        source: "AAOS OrthoInfo; AOFAS FootCareMD \"Tarsal tunnel syndrome\"; NIDDK \"Peripheral neuropathy\"",
        test: "a_first_night_episode_after_weeks_of_symptoms_on_runs_books_a_clinician",
        check: Check::Moment(|m| {
            let rest = latest(m, at_rest)?;
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
                        rest.context.words(),
                        m.date(rest),
                        m.date(first)
                    )
                },
                [*first, rest],
            ))
        }),
    },
    Rule {
        id: "sole_or_heel_at_night_twice",
        effect: WEEK,
        pattern: Some(Pattern::SoleAtNight),
        threshold: "numbness in the sole, heel or arch at night or at rest twice in 6 plan weeks",
        source: "AAOS OrthoInfo; AOFAS FootCareMD \"Tarsal tunnel syndrome\"",
        test: "sole_numbness_at_night_twice_in_six_weeks_sends_to_an_orthopedist_or_podiatrist",
        check: Check::Moment(|m| {
            let nights = m.matching(|e| {
                at_rest(e)
                    && e.checkin
                        .spots
                        .iter()
                        .any(|s| matches!(s, Spot::Sole | Spot::Heel | Spot::Arch))
            });
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
        threshold: "after a clearance, symptoms in the place the clinician cleared (or in a place not said) twice within 14 days",
        source: "DOMAIN §6 clinician's review (after a clearance: back to the clinician who cleared you)",
        test: "the_cleared_pattern_back_twice_in_two_weeks_goes_back_to_the_clinician",
        check: Check::Moment(|m| {
            let cleared = m.cleared?;
            let alike = m.matching(|e| {
                e.symptomatic()
                    && (cleared.anywhere
                        || e.extent.is_empty()
                        || e.extent.overlaps(cleared.extent))
            });
            let (a, b) = Measures::twice_within(alike, 14)?;
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "The numbness a clinician cleared on {} (care with {}) came back on {} and {}.",
                        crate::checkin::day_words(cleared.date, m.today),
                        cleared.who,
                        m.date(a),
                        m.date(b)
                    )
                },
                [a, b],
            ))
        }),
    },
    Rule {
        id: "sharp_pain_skin_colour_or_back_pain",
        effect: WEEK,
        pattern: Some(Pattern::WarningSign),
        threshold: "flag `sharp_pain` or `back_pain`",
        source: "source articles (numbness with sharp pain or colour change warrants a professional); NHS \"Sciatica\"",
        test: "sharp_pain_skin_colour_or_back_pain_book_a_clinician_as_a_warning_sign",
        check: Check::Moment(|m| flag_rule(m, &[Flag::SharpPain, Flag::BackPain], |_| true)),
    },
    Rule {
        id: "between_the_toes_twice",
        effect: WEEK,
        pattern: Some(Pattern::BetweenToes),
        threshold: "numbness between the toes on 2 check-ins in 6 plan weeks",
        source: "Morton's neuroma patient pages (podiatrist or orthopedist)",
        test: "numbness_between_the_toes_twice_sends_to_a_podiatrist",
        check: Check::Moment(|m| {
            twice(m, "Numbness between the toes", |e| {
                e.symptomatic() && e.checkin.spots.contains(&Spot::BetweenToes)
            })
        }),
    },
    Rule {
        id: "top_of_foot_for_weeks",
        effect: WEEK,
        pattern: Some(Pattern::TopOfFoot),
        threshold: "the lace pattern (top of the foot only, eased by loosening the laces) in 3 or more separate plan weeks of the last 6",
        source: "StatPearls \"Anterior tarsal tunnel syndrome\"; verywellfit (lace pressure)",
        test: "the_lace_pattern_for_weeks_is_no_longer_just_the_laces",
        check: Check::Moment(|m| {
            let weeks = m.weeks(m.matching(|e| e.lace_pattern()));
            if weeks < 3 {
                return None;
            }
            let laces: Vec<&Event> = m.window.iter().filter(|e| e.lace_pattern()).collect();
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Numbness on the top of the foot, eased by loosening the laces, in {weeks} separate weeks: {}.",
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
        threshold: "both feet (or ankles) at rest or at night once, or once lasting hours or not gone, or twice in 6 plan weeks (once with diabetes or circulation problems); not the lace pattern",
        source: "NIDDK \"Peripheral neuropathy\"",
        test: "both_feet_at_rest_send_the_runner_to_a_gp_for_blood_tests",
        check: Check::Moment(both_feet),
    },
    Rule {
        id: "both_feet_with_diabetes",
        effect: WEEK,
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
        threshold: "eased by sitting or bending forward on 2 check-ins in 6 plan weeks (1 with a history of back trouble)",
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
        threshold: "with a history of back trouble: numbness in the leg or buttock beginning at rest twice in 6 plan weeks",
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
        id: "at_rest_twice_in_14_days",
        effect: WEEK,
        pattern: Some(Pattern::AtRest),
        threshold: "numbness beginning at rest or at night on 2 check-ins within 14 days, however quickly each went",
        source: "NHS \"Pins and needles\" (see a GP if it keeps coming back)",
        test: "numbness_beginning_at_rest_twice_books_a_clinician",
        check: Check::Moment(|m| {
            let (a, b) = Measures::twice_within(m.matching(at_rest), 14)?;
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Numbness began at rest or at night on {} and {}.",
                        m.date(a),
                        m.date(b)
                    )
                },
                [a, b],
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
];
