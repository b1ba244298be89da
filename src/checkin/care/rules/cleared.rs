//! What the rows after a clearance read: the cleared numbness back twice,
//! or wider than the clinician saw, and who that clinician was.

use super::*;
use crate::checkin::Side;
use crate::checkin::care::event::{Clear, Context, Event, Reach};
use crate::checkin::care::extent::Extent;
use crate::checkin::care::measure::{ClearedCare, Measures, SIX_WEEKS};

/// After a clearance, symptoms twice within 14 days in the place cleared or
/// as far up the leg as its lowest place: a new place as far up is no
/// milder than the one cleared. The lace pattern is advice, not care
/// (DOMAIN §6; the clinician's seventeenth review).
pub(super) fn back_twice<'a>(m: &Measures<'_, 'a>) -> Option<Found<'a>> {
    let cleared = m.cleared?;
    // The place the clinician cleared, or as far up the leg as the lowest
    // place it named: a tingle in the toes after an exertional calf was
    // cleared is another, milder pattern, judged afresh (the clinician's
    // twenty-second review); the heel after the toes is no milder (the
    // seventeenth). Not "as far up as it reached": the thigh beside the
    // toes before the clearance then hid the shin twice after it (DESIGN
    // §4 P5; the thirty-first round). Wider than the cleared numbness is
    // `wider`'s.
    let again = m.matching(|e| {
        e.symptomatic()
            && !e.lace_pattern()
            && (cleared.anywhere
                || e.extent.is_empty()
                || e.extent.shares_a_part(cleared.extent)
                || e.extent.reach() >= cleared.extent.lowest())
    });
    let (a, b) = Measures::twice_within(again, 14)?;
    Some(Found::new(
        m.words,
        || {
            // A check-in dated before the clearance but recorded after it
            // was there, unseen (a line below says so); it did not come back
            // (the clinician's seventeenth review).
            let unseen = |e: &Event| e.checkin.date < cleared.date;
            format!(
                "The numbness a clinician cleared on {} (care with {}) {} on {} and {}.",
                crate::checkin::day_words(cleared.date, m.today),
                cleared_with(cleared),
                if unseen(a) || unseen(b) {
                    "was there"
                } else {
                    "came back"
                },
                m.date(a),
                m.date(b)
            )
        },
        [a, b],
    ))
}

/// Within six weeks of a clearance, one check-in at the whole foot or
/// further up the leg, or on the other side or both: more than a part of
/// the foot, which [`back_twice`] books when it comes back twice (the
/// clinician's sixteenth review).
pub(super) fn wider<'a>(m: &Measures<'_, 'a>) -> Option<Found<'a>> {
    let cleared = m.cleared?;
    // Within six weeks of the clearance: after that a new place is judged
    // afresh, as is a brief tingle of part of one foot (the clinician's
    // twenty-third review: a quick toe tingle on the other foot after a
    // calf was cleared went back to that clinician within 2 working days).
    let until = cleared.date + chrono::Days::new(SIX_WEEKS as u64);
    // The whole foot or further, or on a side the cleared numbness was not
    // on, or may not have been (a side not said), or both (the clinician's
    // seventeenth review: the whole foot and the shin after a calf was
    // cleared). Read on its own, not as "beyond where the cleared numbness
    // reached": that reading made a later check-in milder for every place
    // or side one more check-in before the clearance added (DESIGN §4 P5;
    // the twenty-second session's seeds 4 and 33).
    let e = latest(m, |e| {
        e.symptomatic()
            && !e.lace_pattern()
            && e.checkin.date <= until
            && !brief_foot_tingle(e)
            && (e.extent.reach() >= Reach::WholeFoot || cleared.sides.both_with(e.side))
    })?;
    Some(Found::new(
        m.words,
        || {
            format!(
                "After the clearance of {} (care with {}): {} on {}.",
                crate::checkin::day_words(cleared.date, m.today),
                cleared_with(cleared),
                describe(e),
                m.date(e)
            )
        },
        [e],
    ))
}

/// A tingle of part of one foot or its ankle, on or after a run, gone
/// within about 15 minutes: not the whole foot, not above the ankle, not
/// at rest or at night, its side said (the clinician's thirty-first round:
/// a shin tingle after a whole foot was cleared, or the lower leg for 55
/// minutes, or a shin with no side said, read on track). Each of those
/// makes it no longer brief, so more symptoms never make it milder.
fn brief_foot_tingle(e: &Event) -> bool {
    e.severity == 1
        && e.clear == Clear::Quick
        && matches!(e.context, Context::During(_) | Context::After)
        && matches!(e.side, Some(Side::Left | Side::Right))
        && !e.extent.has(Extent::WHOLE_FOOT)
        && e.extent.reach() <= Reach::Ankle
}

/// Who the cleared care was with: after urgent care, the booking that came
/// before it too, which the runner saw (the clinician's twenty-third
/// review: "care with urgent care or an emergency department" for a
/// neuroma a podiatrist had cleared).
fn cleared_with(cleared: &ClearedCare) -> String {
    match cleared.rebook {
        Some(pattern) if pattern.booked_with() != cleared.who => format!(
            "{}, after a booking with {} for {}",
            cleared.who,
            pattern.booked_with(),
            pattern.words()
        ),
        _ => cleared.who.clone(),
    }
}
