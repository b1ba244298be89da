//! The rows that send the runner to care today: urgent (DESIGN.md §4, step 4;
//! the emergencies are in `emergency.rs`).

use super::*;
use crate::checkin::care::event::{Clear, Event, Extent, Reach};
use crate::checkin::care::pattern::Pattern;
use crate::checkin::{Flag, Side};

pub(super) static ROWS: &[Rule] = &[
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
            with_circulation(flag_rule(m, VASCULAR, |_| true))
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
        threshold: "while a booking is open, recorded after it was shown (not entered before it, newest first): no feeling (3), hours to clear (or not gone) reaching the ankle or higher, a second check-in not cleared, numbness (or, with diabetes or circulation problems, tingling) that took hours or had not gone when another since the last clearance did, or numbness reaching both legs; or, on a later day than the booking, back while waiting as the row `back_while_booked_but_settled` reads it and: numbness not gone within the hour; a second time while waiting over the whole foot, in both feet or in the leg; with sharp pain, a tight calf, or a cold, pale or discoloured foot; numbness with diabetes or circulation problems; or after numbness since the last clearance that took hours to go (tingling too with diabetes or circulation problems, and for numbness back)",
        source: "NICE CKS \"Sciatica\" (progressive neurological deficit: urgent); DOMAIN §6 (no feeling on 2 days, not cleared twice, both legs); DESIGN §4 P5 (each check-in read alone); the clinician's twenty-sixth and twenty-eighth reviews (back twice while waiting)",
        test: "numbness_progressing_while_booked_is_urgent",
        check: Check::Moment(while_booked),
    },
    Rule {
        id: "both_legs_in_turn",
        effect: TODAY,
        pattern: Some(Pattern::BothLegs),
        threshold: "within 42 days since the last clearance: numbness above the ankle (lower leg, thigh or buttock) on one side, and on the other on a later check-in, however soon each went (not when both are tingling in the lower leg, no higher, gone within the hour (with a run, at rest or at night): the week row below); or on one side within 6 weeks of a clearance of it on the other",
        source: "NHS \"Cauda equina syndrome\" (sciatica in both legs); NICE CKS \"Sciatica\" (bilateral or alternating leg symptoms are a red flag)",
        test: "numbness_above_the_ankle_on_one_leg_and_then_the_other_is_urgent",
        check: Check::Moment(|m| {
            let Some((from, to)) = m.legs_in_turn_where(|e| !e.lower_leg_tingle_that_settled())
            else {
                return after_the_other_leg_cleared(m);
            };
            Some(in_turn(m, "Both legs in turn", from, to))
        }),
    },
    Rule {
        id: "worse_with_back_pain",
        effect: TODAY,
        pattern: Some(Pattern::WorseWithBackPain),
        threshold: "back pain flagged in the episode, and the episode getting worse, spreading further up than before (the whole foot or above), or moving sides, not from one tingle gone within the hour to another (those, and the same place again, are booked: the back pain row)",
        source: "NHS Lothian lumbar red flags (\"deteriorating lumbar radiculopathy\": worse, not the same again, the clinician's twenty-first review)",
        test: "numbness_getting_worse_with_back_pain_is_urgent",
        check: Check::Moment(|m| {
            let pain = m.episode.iter().rfind(|e| e.flagged(Flag::BackPain))?;
            let steps = if m.health.sooner() { 2 } else { 3 };
            // Said as what happened: worse, further up, or the other side;
            // not from one tingle gone within the hour to another (the
            // clinician's twenty-second review: brief toe tingles on each
            // foot in turn are booked with the safety net).
            let strong = |e: &Event| !e.tingle_that_settled();
            let more = |(a, b): &(&Event, &Event)| strong(a) || strong(b);
            let ((from, to), how) = m
                .worse_and_worse(steps)
                .map(|[first, _, last]| (first, last))
                .filter(more)
                .map(|pair| (pair, "getting worse"))
                .or_else(|| {
                    m.spread_further()
                        .filter(more)
                        .map(|pair| (pair, "spreading"))
                })
                .or_else(|| {
                    m.other_side_where(strong)
                        .map(|pair| (pair, "moving sides"))
                })?;
            Some(Found::new(
                m.words,
                || {
                    let what = |e: &Event| match spots(e.checkin) {
                        places if places.is_empty() => e.checkin.numbness.words().to_string(),
                        places => format!("{} {places}", e.checkin.numbness.words()),
                    };
                    format!(
                        "Leg symptoms {how} ({} on {}, {} on {}) with back pain on {}.",
                        what(from),
                        m.date(from),
                        what(to),
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
        threshold: "with back history: numbness above the ankle in the episode, spreading further up the leg or getting worse (not when both check-ins compared are tingles gone within the hour: a booking then)",
        source: "NHS Lothian lumbar red flags (\"deteriorating lumbar radiculopathy\"); NICE CKS \"Sciatica\" (progressive deficit, not pins and needles that settled: the clinician's twenty-second review)",
        test: "with_back_history_numbness_creeping_up_the_leg_is_urgent",
        check: Check::Moment(|m| {
            if !m.health.back_history {
                return None;
            }
            let (from, to) = worse_with_back_history(m)?;
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
        id: "both_sides_with_back_pain",
        effect: TODAY,
        pattern: Some(Pattern::LowBackNerves),
        threshold: "back pain flagged in the last six weeks (42 days, since the last clearance), and numbness on both sides in them (at once, or one side and then the other, however far apart, not both tingles gone within the hour; not the lace pattern); or, within six weeks of a clearance of care with back pain, numbness on both sides, or on one side when that care saw the other, or both, or a side not said (not a tingle gone within the hour)",
        source: "NHS \"Cauda equina syndrome\" and \"Sciatica\" (back pain with symptoms in both legs); NHS Lothian lumbar red flags",
        test: "back_pain_with_numbness_on_both_sides_is_urgent",
        check: Check::Moment(|m| {
            // Counted in days, not plan weeks: back pain on a Sunday six
            // weeks back counts as on the Monday after (the clinician's
            // fourteenth review).
            let Some(pain) = m.recent().iter().rfind(|e| e.flagged(Flag::BackPain)) else {
                return both_sides_after_back_pain_cleared(m);
            };
            // One side and then the other, not both tingles gone within
            // the hour: brief pins and needles on each foot in turn are no
            // deteriorating deficit, and the week row books them with the
            // safety net (the clinician's twenty-second review). Both at
            // once stays urgent.
            let side = |side: Side, more: bool| {
                m.recent().iter().rfind(move |e| {
                    e.symptomatic()
                        && !e.lace_pattern()
                        && e.side == Some(side)
                        && !(more && e.tingle_that_settled())
                })
            };
            let (from, to) = match side(Side::Both, false) {
                Some(both) => (both, both),
                None => {
                    let (left, right) = side(Side::Left, true)
                        .zip(side(Side::Right, false))
                        .or_else(|| side(Side::Left, false).zip(side(Side::Right, true)))?;
                    if left.day <= right.day {
                        (left, right)
                    } else {
                        (right, left)
                    }
                }
            };
            Some(Found::new(
                m.words,
                || {
                    let sides = if std::ptr::eq(from, to) {
                        format!("{} on {}", describe(to), m.date(to))
                    } else {
                        format!(
                            "{} on {}, {} on {}",
                            describe(from),
                            m.date(from),
                            describe(to),
                            m.date(to)
                        )
                    };
                    let pain = if std::ptr::eq(pain, to) {
                        "with back pain".to_string()
                    } else {
                        format!("with back pain on {}", m.date(pain))
                    };
                    format!("Numbness on both sides ({sides}) {pain}.")
                },
                [from, to, pain],
            ))
        }),
    },
    Rule {
        id: "painful_numb_lower_leg_not_settling",
        effect: TODAY,
        pattern: Some(Pattern::TenseLeg),
        threshold: "one check-in: sharp pain with numbness in the shin or calf with exercise, not settled within the hour (or not said to have)",
        source: "StatPearls \"Compartment syndrome\" (a painful leg that does not settle with rest; the front of the shin is a compartment too)",
        test: "a_painful_numb_shin_that_does_not_settle_after_a_run_is_urgent",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.symptomatic()
                    && e.flagged(Flag::SharpPain)
                    && e.extent.has(Extent::LOWER_LEG)
                    && e.context.with_load()
                    && !e.clear.settled()
            })?;
            Some(one(m, e, "painful and not settling"))
        }),
    },
    Rule {
        id: "foot_and_leg_numb_at_rest_not_clearing",
        effect: TODAY,
        pattern: Some(Pattern::AtRest),
        threshold: "one check-in: partly numb or worse at rest or at night in the foot or ankle and the shin or calf (or higher) at once, not gone when recorded (or not said)",
        source: "Mayo Clinic and Cleveland Clinic \"Numbness\" (numbness that begins suddenly, over a large part of a limb)",
        test: "a_foot_and_calf_gone_numb_at_rest_and_not_clearing_is_urgent",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.severity >= 2 && e.context.at_rest() && e.clear.still_there() && foot_and_leg(e)
            })?;
            Some(one(m, e, "foot and leg at rest, not clearing"))
        }),
    },
    Rule {
        id: "foot_and_leg_still_numb_after_exercise",
        effect: TODAY,
        pattern: Some(Pattern::Lingering),
        threshold: "one check-in: partly numb or worse with exercise in the foot or ankle and the shin or calf (or higher) at once, not gone when recorded",
        source: "StatPearls \"Compartment syndrome\" (numbness after exercise that does not settle)",
        test: "a_foot_and_calf_still_numb_after_a_run_is_urgent_like_at_rest",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                e.severity >= 2
                    && e.context.with_load()
                    && e.clear == Clear::NotYet
                    && foot_and_leg(e)
            })?;
            Some(one(m, e, "foot and leg after exercise, not clearing"))
        }),
    },
    Rule {
        id: "both_feet_at_rest_not_clearing",
        effect: TODAY,
        pattern: Some(Pattern::BothFeet),
        threshold: "one check-in: partly numb or worse in both feet or ankles at rest or at night, not cleared (or not said to have); or no feeling in both, taking hours or not gone",
        source: "NIDDK \"Peripheral neuropathy\"; NHS \"Guillain-Barré syndrome\" (numbness on both sides coming on quickly: urgent)",
        test: "both_feet_partly_numb_at_rest_and_not_clearing_is_urgent",
        check: Check::Moment(|m| {
            let e = latest(m, |e| {
                foot_both_sides(e)
                    && ((e.severity >= 2 && e.context.at_rest() && e.clear.still_there())
                        || (e.severity == 3 && matches!(e.clear, Clear::Hours | Clear::NotYet)))
            })?;
            Some(one(m, e, "both feet, not clearing"))
        }),
    },
    Rule {
        id: "still_numb_with_circulation_problems",
        effect: TODAY,
        pattern: Some(Pattern::Claudication),
        threshold: "with circulation problems: numbness not gone when recorded, after a run or at rest",
        source: "NICE CKS \"Acute limb ischaemia\"; NICE CG147 \"Peripheral arterial disease\" (symptoms that do not ease at rest)",
        test: "with_circulation_problems_numbness_not_gone_after_a_run_is_urgent",
        check: Check::Moment(|m| {
            if !m.health.circulation {
                return None;
            }
            let e = latest(m, |e| e.symptomatic() && e.clear == Clear::NotYet)?;
            Some(one(m, e, "not gone, with circulation problems"))
        }),
    },
    Rule {
        id: "foot_wound_with_circulation_problems",
        effect: TODAY,
        pattern: Some(Pattern::WoundPoorCirculation),
        threshold: "with circulation problems: flag `foot_wound` (a cut, blister or redness not felt)",
        source: "NICE CG147 \"Peripheral arterial disease\" (tissue loss: refer urgently)",
        test: "with_circulation_problems_a_wound_not_felt_is_seen_today",
        check: Check::Moment(|m| {
            if !m.health.circulation {
                return None;
            }
            with_circulation(flag_rule(m, &[Flag::FootWound], |_| true))
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
];

/// With back history and numbness above the ankle in the episode, two
/// check-ins of it (not the lace pattern), the later one slower to clear or more numb than a quick tingle, or, in
/// the leg above the ankle, further up than the earlier: the first such
/// pair. Not when both are tingles that settled within the hour: a tingle
/// reaching the thigh for five minutes is no deteriorating deficit (the
/// clinician's twenty-second review), and the week rows book it. Any
/// earlier check-in pairs with a later one, so more symptoms only add pairs
/// (DESIGN.md §4 P5).
fn worse_with_back_history<'m, 'a>(m: &Measures<'m, 'a>) -> Option<(&'m Event<'a>, &'m Event<'a>)> {
    let events: Vec<&Event> = m
        .episode
        .iter()
        .filter(|e| e.symptomatic() && !e.lace_pattern())
        .collect();
    let leg = |e: &Event| e.extent.reach() >= Reach::LowerLeg;
    if !events.iter().any(|e| leg(e)) {
        return None;
    }
    events.iter().enumerate().skip(1).find_map(|(j, to)| {
        events[..j].iter().find_map(|from| {
            let worse = to.burden() >= (1, 1)
                || (leg(from) && leg(to) && to.extent.reach() > from.extent.reach());
            let more = !from.tingle_that_settled() || !to.tingle_that_settled();
            (worse && more).then_some((*from, *to))
        })
    })
}

/// The foot (or the ankle) and the shin or calf or higher, named at once.
fn foot_and_leg(e: &Event) -> bool {
    (e.extent.in_foot() || e.extent.has(Extent::ANKLE)) && e.in_leg()
}

/// Care with back pain cleared by a clinician, then within six weeks
/// numbness on both sides, or more than a tingle gone within the hour on a
/// side that, with the cleared sides, makes both (read as
/// [`crate::checkin::care::measure::SideSet::both_with`], so a wider picture cleared is never milder):
/// the picture that clinician cleared was not this one (the clinician's fifteenth review; such a tingle goes back
/// to that clinician, `wider_after_a_clearance`, the twenty-second).
fn both_sides_after_back_pain_cleared<'a>(m: &Measures<'_, 'a>) -> Option<Found<'a>> {
    after_a_clearance(
        m,
        |c| c.back_pain,
        |c, e| {
            e.symptomatic()
                && !e.lace_pattern()
                && (e.both_sides() || (c.sides.both_with(e.side) && !e.tingle_that_settled()))
        },
        |what, cleared| {
            format!(
                "Numbness on both sides within six weeks: {what}, after back pain with numbness a clinician cleared on {cleared}."
            )
        },
    )
}

/// A warning sign that circulation problems made urgent, said with them:
/// entered the next day, they turned a settled cold foot urgent with a line
/// silent on why (the clinician's twentieth review).
fn with_circulation(found: Option<Found<'_>>) -> Option<Found<'_>> {
    found.map(|mut f| {
        if let Some(text) = f.text.strip_suffix('.') {
            f.text = format!("{text}, with circulation problems.");
        }
        f
    })
}
