//! Step 4 of the care pipeline: the one rules table. Each row reads measures
//! (of one moment, or of one plan week) and, when its threshold is met, says
//! why in a sentence naming the dated check-ins. The engine is a loop over
//! the table; `docs/care-rules.md` is generated from it for clinicians.

use super::event::{Clear, Context, Event, Reach};
use super::found::*;
use super::measure::{Measures, WeekMeasures, WeekStatus};
use super::pattern::{CareLevel, Pattern, When};
use crate::checkin::{Ease, Flag, Spot};

/// What a row does when it fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// A clinician, this soon; runs (or all exercise) stop until cleared.
    Care(CareLevel, When),
    /// Next week runs the stage before; this week's runs drop to run/walk.
    StepBack,
    /// The stage repeats: no longer runs, no new strides.
    Hold,
}

impl Effect {
    pub fn words(self) -> String {
        match self {
            Effect::Care(level, when) => format!("{} ({})", level.as_str(), when.words()),
            Effect::StepBack => "step back".into(),
            Effect::Hold => "hold".into(),
        }
    }
}

/// How a row reads its measures.
#[derive(Clone, Copy)]
pub enum Check {
    /// At each check-in (and on the day health context is entered), over
    /// the open episode and the last six plan weeks.
    Moment(for<'m, 'a> fn(&Measures<'m, 'a>) -> Option<Found<'a>>),
    /// Over one plan week's check-ins.
    Week(for<'m, 'a> fn(&WeekMeasures<'m, 'a>) -> Option<Found<'a>>),
}

/// One row of the table.
pub struct Rule {
    pub id: &'static str,
    pub effect: Effect,
    /// The pattern a care row names; week rows name none.
    pub pattern: Option<Pattern>,
    /// What it reads and its threshold, for clinicians.
    pub threshold: &'static str,
    pub source: &'static str,
    /// The test that holds it (tests/care_rules.rs or tests/verdict_rules.rs).
    pub test: &'static str,
    pub check: Check,
}

/// A foot that turns cold, pale, blue or another colour: the circulation.
const VASCULAR: &[Flag] = &[Flag::ColdPale, Flag::SkinColour];

const NOW: Effect = Effect::Care(CareLevel::Emergency, When::Now);
const TODAY: Effect = Effect::Care(CareLevel::Urgent, When::Today);
const TWO_DAYS: Effect = Effect::Care(CareLevel::Book, When::TwoWorkingDays);
const WEEK: Effect = Effect::Care(CareLevel::Book, When::OneWeek);

/// The care rows, most urgent first, then the week rows.
pub static RULES: &[Rule] = &[
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
        threshold: "one check-in: the foot or ankle, the lower leg and the thigh at once; or thigh or buttock at rest or at night, not cleared",
        source: "Mayo Clinic and Cleveland Clinic \"Numbness\" (\"begins suddenly\", \"affects an entire leg\")",
        test: "a_whole_leg_without_feeling_is_an_emergency",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.symptomatic()
                    && (e.extent.whole_leg()
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
    // Urgent: today.
    Rule {
        id: "weakness_or_foot_drop",
        effect: TODAY,
        pattern: Some(Pattern::Weakness),
        threshold: "flag `weakness` or `foot_drop`",
        source: "NHS Lothian lumbar red flags (\"acute foot drop\", new weakness)",
        test: "weakness_or_a_dropping_foot_is_urgent_today",
        check: Check::Moment(|m| flag_rule(m, &[Flag::Weakness, Flag::FootDrop], |_| true)),
    },
    Rule {
        id: "cold_foot_took_hours",
        effect: TODAY,
        pattern: Some(Pattern::ColdFoot),
        threshold: "flag `cold_pale` or `skin_colour` that took hours to settle",
        source: "NICE CKS \"Acute limb ischaemia\"; NICE CG147",
        test: "a_cold_pale_foot_that_took_hours_to_settle_is_urgent",
        check: Check::Moment(|m| flag_rule(m, VASCULAR, |e| e.clear == Clear::Hours)),
    },
    Rule {
        id: "cold_foot_with_circulation_problems",
        effect: TODAY,
        pattern: Some(Pattern::ColdFoot),
        threshold: "with circulation problems: flag `cold_pale` or `skin_colour`, however soon it settled",
        source: "NICE CG147 \"Peripheral arterial disease\" (known PAD: lower thresholds)",
        test: "with_circulation_problems_a_cold_pale_foot_is_urgent_even_when_it_settled",
        check: Check::Moment(|m| {
            if !m.health.circulation {
                return None;
            }
            flag_rule(m, VASCULAR, |_| true)
        }),
    },
    Rule {
        id: "tight_calf_slow_to_settle",
        effect: TODAY,
        pattern: Some(Pattern::TenseLeg),
        threshold: "flag `calf_tightness` that took hours to settle, or without sharp pain not said to have settled",
        source: "StatPearls \"Compartment syndrome\"",
        test: "a_tight_calf_that_took_hours_to_settle_is_urgent",
        check: Check::Moment(|m| {
            flag_rule(m, &[Flag::CalfTightness], |e| {
                e.clear == Clear::Hours || (e.clear.still_there() && !e.flagged(Flag::SharpPain))
            })
        }),
    },
    Rule {
        id: "no_feeling_on_two_days",
        effect: TODAY,
        pattern: Some(Pattern::NoFeeling),
        threshold: "no feeling (3) not come back (or not said) on two days of the episode",
        source: "NICE CKS \"Sciatica\" (progressive neurological deficit: urgent)",
        test: "no_feeling_on_two_days_while_waiting_is_urgent",
        check: Check::Moment(|m| {
            let days: Vec<&Event> = m
                .episode
                .iter()
                .filter(|e| e.severity == 3 && e.clear.still_there())
                .collect();
            let last = days.last()?;
            if days.len() < 2 || !m.latest.iter().any(|e| e.day == last.day) {
                return None;
            }
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "No feeling that had not come back on {}.",
                        m.dates(days.iter().copied())
                    )
                },
                days.iter().copied(),
            ))
        }),
    },
    Rule {
        id: "no_feeling_not_back",
        effect: TODAY,
        pattern: Some(Pattern::NoFeeling),
        threshold: "one check-in: no feeling (3) not come back or not said, whenever it began (a foot gone to sleep that came back in minutes is a hold)",
        source: "NICE CKS \"Sciatica\" (a new neurological deficit: assess urgently); StatPearls \"Compartment syndrome\" (lost feeling after exertion that does not return)",
        test: "no_feeling_that_has_not_come_back_is_urgent_today",
        check: Check::Moment(|m| {
            let e = latest(m, |e| e.severity == 3 && e.clear.still_there())?;
            Some(one(m, e, "no feeling"))
        }),
    },
    Rule {
        id: "no_feeling_at_rest_slow_to_come_back",
        effect: TODAY,
        pattern: Some(Pattern::SuddenNoFeeling),
        threshold: "one check-in: no feeling (3) that began at rest or at night and took over 15 minutes to come back",
        source: "Mayo Clinic \"Numbness\" (numbness that begins suddenly); NHS \"Pins and needles\" (posture: gone in minutes)",
        test: "no_feeling_at_rest_that_took_a_while_to_come_back_is_urgent_today",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.severity == 3
                    && e.context.at_rest()
                    && matches!(e.clear, Clear::Soon | Clear::Hours)
            })?;
            Some(one(m, e, "no feeling at rest for a while"))
        }),
    },
    Rule {
        id: "progression_while_booked",
        effect: TODAY,
        pattern: Some(Pattern::Progression),
        threshold: "while a booking is open: no feeling (3), a second check-in not cleared, numbness reaching both legs, or reaching further up the leg than before the booking",
        source: "NICE CKS \"Sciatica\" (progressive neurological deficit: urgent)",
        test: "numbness_reaching_both_legs_while_booked_is_urgent",
        check: Check::Moment(while_booked),
    },
    Rule {
        id: "worse_with_back_pain",
        effect: TODAY,
        pattern: Some(Pattern::WorseWithBackPain),
        threshold: "back pain flagged in the episode, and the episode getting worse or spreading",
        source: "NHS Lothian lumbar red flags (\"deteriorating lumbar radiculopathy\")",
        test: "numbness_getting_worse_with_back_pain_is_urgent",
        check: Check::Moment(|m| {
            let pain = m.episode.iter().rfind(|e| e.flagged(Flag::BackPain))?;
            let steps = if m.health.sooner() { 2 } else { 3 };
            let (from, to) = m
                .worse_and_worse(steps)
                .map(|[first, _, last]| (first, last))
                .or_else(|| m.spread_up())
                .or_else(|| m.other_side())?;
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Leg symptoms getting worse ({} on {}, {} on {}) with back pain on {}.",
                        from.checkin.numbness.words(),
                        m.date(from),
                        to.checkin.numbness.words(),
                        m.date(to),
                        m.date(pain)
                    )
                },
                [from, to, pain],
            ))
        }),
    },
    Rule {
        id: "spreading_up_the_leg_with_back_history",
        effect: TODAY,
        pattern: Some(Pattern::WorseWithBackPain),
        threshold: "with back history: numbness above the ankle in the episode, spreading further up the leg or getting worse",
        source: "NHS Lothian lumbar red flags (\"deteriorating lumbar radiculopathy\"); NICE CKS \"Sciatica\"",
        test: "with_back_history_numbness_creeping_up_the_leg_is_urgent",
        check: Check::Moment(|m| {
            if !m.health.back_history {
                return None;
            }
            let leg = |e: &&Event| e.symptomatic() && e.extent.reach() >= Reach::LowerLeg;
            let first = m.episode.iter().find(leg)?;
            let (from, to) = m
                .worse_and_worse(2)
                .map(|[first, _, last]| (first, last))
                .or_else(|| {
                    let to = m.episode.iter().rev().find(|e| {
                        leg(e) && e.day > first.day && e.extent.reach() > first.extent.reach()
                    })?;
                    Some((first, to))
                })?;
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Leg symptoms spreading or getting worse ({} on {}, {} on {}) with a history of back trouble.",
                        describe(from),
                        m.date(from),
                        describe(to),
                        m.date(to)
                    )
                },
                [from, to],
            ))
        }),
    },
    Rule {
        id: "diabetic_foot_wound",
        effect: TODAY,
        pattern: Some(Pattern::FootWound),
        threshold: "with diabetes: flag `foot_wound` (a cut, blister or redness not felt) — within one working day",
        source: "NICE NG19 \"Diabetic foot problems\" (an active foot problem: the foot service within 1 working day)",
        test: "with_diabetes_a_wound_not_felt_is_seen_within_a_working_day",
        check: Check::Moment(|m| {
            if !m.health.diabetes {
                return None;
            }
            flag_rule(m, &[Flag::FootWound], |_| true)
        }),
    },
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
        threshold: "flag `calf_tightness` that settled within the hour, with numbness or sharp pain, or a second time in 6 plan weeks (once on its own is a hold)",
        source: "Mayo Clinic \"Chronic exertional compartment syndrome\"",
        test: "calf_tightness_that_settled_books_a_sports_doctor_within_two_working_days",
        check: Check::Moment(|m| {
            let cramps = m.matching(|e| e.flagged(Flag::CalfTightness)).count();
            flag_rule(m, &[Flag::CalfTightness], |e| {
                e.clear.settled() && (e.symptomatic() || e.flagged(Flag::SharpPain) || cramps >= 2)
            })
        }),
    },
    Rule {
        id: "claudication_with_circulation_problems",
        effect: TWO_DAYS,
        pattern: Some(Pattern::Claudication),
        threshold: "with circulation problems: flag `calf_tightness` with a run, easing with rest; or numbness during a run eased by stopping",
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
                let e = latest(m, |e| {
                    e.symptomatic()
                        && matches!(e.context, Context::During(_))
                        && e.eased_by(Ease::Stopping)
                        && !e.clear.still_there()
                })?;
                Some(one(m, e, "with a run, eased by stopping"))
            })
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
        threshold: "3+ runs of the episode with numbness at about the same minute (within a quarter or 5 minutes), a week or more from first to last; a tingle in the first 5 minutes that went quickly does not count",
        source: "Mayo Clinic and coaortho.org \"Chronic exertional compartment syndrome\"",
        test: "the_exertional_pattern_over_two_weeks_sends_to_a_sports_doctor",
        check: Check::Moment(|m| {
            let runs = m.exertional_runs();
            if runs.is_empty() {
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
                    format!(
                        "Numbness at about the same point of {} runs: {}.",
                        runs.len(),
                        crate::checkin::and_list(&at)
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
        threshold: "onset minutes over 3+ runs of the episode (not the lace pattern) moving earlier by 20 % or more",
        source: "Mayo Clinic; StatPearls \"Chronic exertional compartment syndrome\"",
        test: "numbness_starting_earlier_in_each_run_books_a_sports_doctor",
        check: Check::Moment(|m| {
            let (first, last) = m.earlier_onset()?;
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "Numbness began earlier and earlier in the run: minute {} on {}, minute {} on {}.",
                        first.exertional_minute().unwrap_or_default(),
                        m.date(first),
                        last.exertional_minute().unwrap_or_default(),
                        m.date(last)
                    )
                },
                [first, last],
            ))
        }),
    },
    Rule {
        id: "diabetes_foot_numbness",
        effect: WEEK,
        pattern: Some(Pattern::DiabeticFoot),
        threshold: "with diabetes: foot numbness twice within 14 days, or once taking hours or not cleared",
        source: "NICE NG19 \"Diabetic foot problems\"; ADA Standards of Care; NIDDK",
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
            let e = foot
                .rev()
                .find(|e| matches!(e.clear, Clear::Hours | Clear::NotYet))?;
            Some(one(m, e, "with diabetes"))
        }),
    },
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
        threshold: "symptoms in a later plan week of an episode in which an earlier week called for a step back (partly numb or worse, or hours to clear, with a run)",
        source: "DOMAIN §6 (numbness that keeps coming back after the plan has been stepped back); Trials 2023 (s13063-023-07502-x)",
        test: "numbness_that_comes_back_after_a_step_back_books_a_clinician",
        check: Check::Moment(|m| {
            let now = latest(m, |e| e.symptomatic() && !e.lace_pattern())?;
            let week = now.week(m.start_day);
            let back = m.episode.iter().rev().find(|e| {
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
        threshold: "both feet at rest or at night once, or twice in 6 plan weeks (once with diabetes or circulation problems)",
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
                        super::capitalised(e.checkin.numbness.words()),
                        e.context.words(),
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
        id: "came_back_in_another_week",
        effect: Effect::Hold,
        pattern: None,
        threshold: "symptoms this plan week in an episode that had them in an earlier week too (not the lace pattern)",
        source: "Ask Dr. Green; NHS \"Pins and needles\"",
        test: "tingling_that_comes_back_the_next_week_holds_the_stage",
        check: Check::Week(|w| {
            let before = w.came_back?;
            let e = w
                .events
                .iter()
                .find(|e| e.symptomatic() && !e.lace_pattern())?;
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
                        "Numbness on {} {}: it needs to settle before the plan moves on.",
                        w.date(e),
                        e.clear.words()
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
                        "{}: {} {} that went soon — tell a clinician if it happens again.",
                        w.date(e),
                        e.checkin.numbness.words(),
                        e.context.words()
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
                        "{}: numbness in both feet — tell a clinician if it happens again.",
                        w.date(e)
                    )
                },
                [e],
            ))
        }),
    },
];

#[cfg(test)]
mod tests {
    #[test]
    fn the_rules_fit_in_the_bits_a_care_episode_keeps_them_in() {
        assert!(super::RULES.len() <= 64);
    }
}
