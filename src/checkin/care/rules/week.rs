//! The rows that book a clinician within a week for the course of the
//! symptoms: coming back, not resolving, getting worse (DESIGN.md §4, step
//! 4; spreading and moving sides are in `week_spread.rs`, places and
//! contexts in `week_places.rs`).

use super::*;
use crate::checkin::care::event::{Clear, Event, Extent, Reach};
use crate::checkin::care::measure::{Measures, WeekStatus};
use crate::checkin::care::pattern::Pattern;

pub(super) static ROWS: &[Rule] = &[
    // Book within a week.
    Rule {
        id: "symptoms_in_three_weeks_of_six",
        effect: WEEK,
        pattern: Some(Pattern::KeepsComingBack),
        threshold: "symptoms (each one cleared quickly or not, the lace pattern too) in 3 or more separate weeks of the last 6: days with symptoms each a week or more after the one before, however the plan's weeks fall",
        source: "Mayo Clinic \"Numbness: when to see a doctor\"; NHS \"Pins and needles\" (see a GP if it keeps coming back); Cleveland Clinic \"Numbness\"",
        test: "tingling_in_three_separate_weeks_books_a_clinician_even_when_each_cleared_quickly",
        check: Check::Moment(|m| {
            // Days with symptoms a week or more apart over the last 42
            // days, however the plan's weeks fall (three bad days 19 days
            // apart are three weeks; two days in a row are one, on either
            // side of a Monday: the clinician's sixth review).
            let weeks = days_a_week_apart(&m.days_in_six_weeks(|e| e.symptomatic()));
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
        threshold: "symptoms enough to hold the plan or step it back in two weeks running, on days a week or more apart from the first to the last (not when they are one or two tingles gone within 15 minutes in the first 5 minutes of a run or at rest, not at night, without diabetes or circulation problems), counting symptoms in the week before the two (a few days in a row, or three in five, alone are one week of symptoms): the week up to today and the week before, however the plan's weeks fall",
        source: "Mayo Clinic \"Numbness\"; NHS \"Pins and needles\"; DOMAIN §6 clinician's review",
        test: "holds_for_symptoms_two_weeks_running_book_a_clinician",
        check: Check::Moment(|m| {
            // Symptoms a week apart in the last two weeks first: the cheap
            // test, and one more symptom can only widen it (the clinician's
            // seventh review: the same three days inside one week hold;
            // the twenty-first: three tingles in five days booked, and
            // filling in the days between held).
            // The days may reach back into the week before the two: a
            // tingle then makes the two weeks' days more than one spell
            // (the clinician's twenty-fourth review: Mar 2, 10 and 16 held
            // two weeks running and never booked, and Mar 17 booked).
            // (Not pins and needles of a cold start or of posture, gone in
            // minutes: brief and harmless, a hold that asks to hear if they
            // keep coming back: two at most, without diabetes or
            // circulation problems.)
            let recent = m.symptomatic().filter(|e| e.day > m.day - 21);
            if m.only_passing(recent.clone()) {
                return None;
            }
            let last = recent.clone().next_back()?.day;
            if last - recent.clone().next()?.day < 7 {
                return None;
            }
            // Every way seven-day weeks can fall, the plan's own first: the
            // weekday the symptoms fell on says nothing (the clinician's
            // twentieth review: the same facts held or booked by weekday).
            let plan_week = m.start_day + 7 * m.week();
            let start = std::iter::once(plan_week)
                .chain((m.day - 6..=m.day).filter(|s| *s != plan_week))
                .find(|start| {
                    let held = |s: i32| m.week_status(s) <= WeekStatus::Hold;
                    let spans = recent
                        .clone()
                        .find(|e| e.day >= start - 14)
                        .is_some_and(|e| last - e.day >= 7);
                    spans && held(start - 7) && held(*start)
                })?;
            let events: Vec<&Event> = m.symptomatic().filter(|e| e.day >= start - 7).collect();
            let (last_week, this_week): (Vec<&Event>, Vec<&Event>) =
                events.iter().partition(|e| e.day < start);
            // The weeks by their first days, not "last week" and "this week":
            // the message is read again in the weeks after (the clinician's
            // eleventh review).
            let week_of = |day: i32| {
                chrono::NaiveDate::from_epoch_days(day)
                    .map(|d| crate::checkin::day_words(d, m.today))
                    .unwrap_or_default()
            };
            Some(Found::new(
                m.words,
                || {
                    if start == plan_week {
                        format!(
                            "Symptoms held the plan or stepped it back two weeks running: the weeks of {} ({}) and {} ({}).",
                            week_of(start - 7),
                            m.dates(last_week.iter().copied()),
                            week_of(start),
                            m.dates(this_week.iter().copied())
                        )
                    } else {
                        // (By the days alone: seven days from a day before
                        // the plan began read wrong, the clinician's
                        // twenty-first review.)
                        format!(
                            "Symptoms enough to hold the plan two weeks running: {}, then {}.",
                            m.dates(last_week.iter().copied()),
                            m.dates(this_week.iter().copied())
                        )
                    }
                },
                events.iter().copied(),
            ))
        }),
    },
    Rule {
        id: "back_after_a_step_back",
        effect: WEEK,
        pattern: Some(Pattern::KeepsComingBack),
        threshold: "symptoms on a run on a later day of the episode than a check-in that called for a step back (partly numb or worse, or hours to clear, with a run); or, on any later day of the last six plan weeks since any clearance, as bad again with a run or on a run's day",
        source: "DOMAIN §6 (numbness that keeps coming back after the plan has been stepped back); Trials 2023 (s13063-023-07502-x)",
        test: "numbness_that_comes_back_after_a_step_back_books_a_clinician",
        check: Check::Moment(|m| {
            // (Not the lace pattern, nor a brief tingle at rest or in the
            // first minutes of a run: posture at rest never steps back.)
            let brief = |e: &Event| {
                e.severity == 1 && e.clear == Clear::Quick && (e.context.at_rest() || e.warm_up())
            };
            let now = latest(m, |e| e.symptomatic() && !e.lace_pattern() && !brief(e))?;
            let steps_back =
                |e: &Event| e.severity >= 2 || matches!(e.clear, Clear::Hours | Clear::NotYet);
            // Counted in days, whatever weekday the plan's weeks begin on:
            // the step back starts with the next run (this week's runs drop
            // to run/walk), so symptoms on a run on any later day are back
            // after it (the clinician's twenty-first review: a Saturday's
            // step back booked Monday's tingle, a Wednesday's did not
            // book Friday's). A day without a run is no run at the stage
            // stepped back to, unless it came back as bad as the step back
            // called for (the seventh and sixth reviews). Within the
            // episode; after an episode has ended (14 days without
            // symptoms), only back as bad as the step back called for: a
            // quick tingle three weeks on is a new episode's hold.
            let ran = now.checkin.run_credit() > 0.0;
            let as_bad = now.context.with_load() && steps_back(now);
            let episode_from = m.episode.first().map_or(now.day, |e| e.day);
            // (Numbness that stepped back: a flag on a day without
            // numbness that settled in hours steps nothing back, the
            // clinician's fourteenth review.)
            let back = m.window.iter().rev().find(|e| {
                e.day < now.day
                    && (ran || as_bad)
                    && (e.day >= episode_from || as_bad)
                    && e.symptomatic()
                    && e.context.with_load()
                    && steps_back(e)
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
        id: "above_the_knee_with_a_run",
        effect: WEEK,
        pattern: Some(Pattern::AboveTheKnee),
        threshold: "one check-in: partly numb or worse reaching the thigh or buttock during or after a run, however soon it went",
        source: "NICE CKS \"Sciatica\" (leg numbness in a nerve-root pattern: assess); the clinician's seventh review",
        test: "partly_numb_above_the_knee_on_a_run_books_a_gp_or_spine_clinician",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.symptomatic()
                    && e.severity >= 2
                    && e.extent.reach() >= Reach::Thigh
                    && e.context.with_load()
            })?;
            Some(one(m, e, "above the knee, with a run"))
        }),
    },
    Rule {
        id: "whole_leg_tingling",
        effect: WEEK,
        pattern: Some(Pattern::AboveTheKnee),
        threshold: "one check-in: numbness down the leg, the lower leg and the thigh or buttock at once (with the foot or ankle, the whole leg: tingling gone within the hour; longer, or more than tingling, is an emergency)",
        source: "NICE CKS \"Sciatica\" (a nerve-root pattern: assess); NHS \"Pins and needles\" (gone in minutes: not an emergency); the clinician's thirteenth and twenty-first reviews (buttock to calf)",
        test: "a_whole_leg_without_feeling_is_an_emergency",
        check: Check::Moment(|m| {
            let e = latest(m, |e| e.symptomatic() && e.extent.down_the_leg())?;
            let what = if e.extent.whole_leg() {
                "the whole leg"
            } else {
                "down the leg from above the knee"
            };
            Some(one(m, e, what))
        }),
    },
    Rule {
        id: "leg_partly_numb_at_rest",
        effect: WEEK,
        pattern: Some(Pattern::AtRest),
        threshold: "one check-in: partly numb or worse that began at rest or at night, reaching the ankle or the lower leg, not gone within 15 minutes (hours, or not gone, is the 2-working-day row)",
        source: "NHS \"Pins and needles\" (posture's pins and needles go in minutes); Mayo Clinic \"Numbness\" (numbness at rest that persists); the clinician's fourteenth review (the calf partly numb at rest for 50 minutes held, for 61 booked)",
        test: "the_leg_partly_numb_at_rest_for_longer_than_minutes_books_a_clinician",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.symptomatic()
                    && e.severity >= 2
                    && e.context.at_rest()
                    && e.clear == Clear::Soon
                    && e.extent.has(Extent::ANKLE | Extent::LOWER_LEG)
            })?;
            Some(one(m, e, "in the leg, at rest, not gone within minutes"))
        }),
    },
    Rule {
        id: "above_the_knee_at_rest",
        effect: WEEK,
        pattern: Some(Pattern::AboveTheKnee),
        threshold: "one check-in: partly numb or worse reaching the thigh or buttock at rest or at night, however soon it went (as with a run, the row above; posture's harmless pins and needles are tingling)",
        source: "NICE CKS \"Sciatica\"; NHS \"Pins and needles\" (posture: gone in minutes); the clinician's twelfth review (at rest never later than with a run, the row above)",
        test: "numbness_in_the_leg_at_rest_is_booked_at_least_as_soon_as_after_a_run",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.symptomatic()
                    && e.severity >= 2
                    && e.extent.reach() >= Reach::Thigh
                    && e.context.at_rest()
            })?;
            Some(one(m, e, "above the knee, at rest"))
        }),
    },
    Rule {
        id: "getting_worse",
        effect: WEEK,
        pattern: Some(Pattern::Worsening),
        threshold: "3 check-ins of the episode, clear days between or not: after a first symptom, one not cleared within 15 minutes (or worse), then one that took hours or was partly numb (or worse) — every chain of three each worse than the one before, and anything worse; with diabetes or circulation problems 2: a second symptom not cleared within 15 minutes; not the lace pattern",
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
        id: "more_numb_than_before",
        effect: WEEK,
        pattern: Some(Pattern::Worsening),
        threshold: "within an episode, partly numb or no feeling on a later day than an earlier symptom: more numb than it (tingling, then partly numb or no feeling; partly numb, then no feeling) or as numb again (partly numb twice), clear days between or not; not the lace pattern",
        source: "DOMAIN §6 (numbness that gets worse over the check-ins: book); Mayo Clinic \"Numbness\"; the clinician's twenty-third review (tingling then partly numb stepped back where partly numb then tingling booked)",
        test: "tingling_then_partly_numb_books_a_clinician_as_the_other_order_does",
        check: Check::Moment(|m| {
            // Partly numb or no feeling after any earlier symptom: were it
            // only "more numb than the earlier one", an earlier check-in
            // made as numb would make the later one milder (DESIGN §4 P5;
            // verdict_properties seed 35 at 2,000 cases, the twenty-second
            // session). The first such pair, the most telling.
            let numb = |e: &&Event| e.symptomatic() && !e.lace_pattern();
            let first = m.episode.iter().find(numb)?;
            let to = latest(m, |e| numb(&e) && e.severity >= 2 && e.day > first.day)?;
            let from = m
                .episode
                .iter()
                .take_while(|e| e.day < to.day)
                .filter(numb)
                .find(|e| e.severity < to.severity)
                .unwrap_or(first);
            let what = |e: &Event| format!("{} {}", e.checkin.numbness.words(), spots(e.checkin));
            let how = if from.severity < to.severity {
                "More numb than before"
            } else {
                "Numb again"
            };
            Some(Found::new(
                m.words,
                || {
                    format!(
                        "{how}: {} on {}, then {} on {}.",
                        what(from),
                        m.date(from),
                        what(to),
                        m.date(to)
                    )
                },
                [from, to],
            ))
        }),
    },
    Rule {
        id: "slower_and_slower_to_clear",
        effect: WEEK,
        pattern: Some(Pattern::Worsening),
        threshold: "3 check-ins of the episode in order: a symptom, then one that took over 15 minutes to clear, then one that took 30 minutes or more (hours, or not gone, count as more; not the lace pattern)",
        source: "Mayo Clinic \"Chronic exertional compartment syndrome\" (recovery time growing); Ask Dr. Green (symptoms that get worse)",
        test: "numbness_slower_to_clear_run_after_run_books_a_clinician",
        check: Check::Moment(|m| {
            let chain = m.slower_to_clear()?;
            Some(Found::new(
                m.words,
                || {
                    let steps: Vec<String> = chain
                        .iter()
                        .map(|e| format!("{} on {}", describe(e), m.date(e)))
                        .collect();
                    format!(
                        "Slow to clear, one check-in after another: {}.",
                        steps.join("; then ")
                    )
                },
                chain,
            ))
        }),
    },
    Rule {
        id: "no_feeling_twice",
        effect: WEEK,
        pattern: Some(Pattern::NoFeelingAgain),
        threshold: "no feeling (3) on 2 check-ins within six weeks (42 days), however soon each came back (not the lace pattern: the top of the foot only, eased by loosening the laces and gone within 15 minutes)",
        source: "Mayo Clinic \"Numbness: when to see a doctor\"; Cleveland Clinic \"Numbness\" (loss of feeling that repeats)",
        test: "no_feeling_twice_books_a_clinician_even_when_it_came_back_in_minutes",
        check: Check::Moment(|m| {
            let (a, b) = Measures::last_two(m.matching(|e| e.severity == 3 && !e.lace_pattern()))?;
            Some(Found::new(
                m.words,
                || format!("No feeling at all on {} and {}.", m.date(a), m.date(b)),
                [a, b],
            ))
        }),
    },
];
