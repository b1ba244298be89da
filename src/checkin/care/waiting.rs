//! Numbness getting worse while a booking waits: what counts as the
//! deficit progressing (urgent) and what brings the booking forward.

use super::event::{Clear, Event, Extent, Reach};
use super::found::{Found, describe};
use super::measure::{Measures, SideSet};
use crate::checkin::{Flag, Side};

/// NICE CKS "Sciatica": neurological deficit progressing while the runner
/// waits for the appointment is urgent: no feeling, not cleared twice,
/// hours to clear in the leg, both legs, or worse than when booked in a
/// way that lasted (or after a symptom that did).
pub fn while_booked<'a>(m: &Measures<'_, 'a>) -> Option<Found<'a>> {
    let (e, what) = progressed(m).filter(|(e, what)| !what.brought_forward(e, m))?;
    Some(waiting(m, e, what.words()))
}

/// Worse than when booked, but gone within the hour: the booking is
/// brought forward, not turned urgent (DOMAIN §6: numbness that gets worse
/// or spreads books, and the urgent progression is no feeling, not cleared
/// twice or both legs; the clinician's twenty-fourth and twenty-fifth
/// reviews sent a tingle of the whole foot gone in 25 minutes, and a first
/// night tingle gone in 30, to an emergency department).
pub fn brought_forward_while_booked<'a>(m: &Measures<'_, 'a>) -> Option<Found<'a>> {
    let (e, what) = progressed(m).filter(|(e, what)| what.brought_forward(e, m))?;
    Some(waiting(m, e, what.words()))
}

fn waiting<'a>(m: &Measures<'_, 'a>, e: &Event<'a>, what: &str) -> Found<'a> {
    Found::new(
        m.words,
        || {
            format!(
                "{}, while waiting for the appointment: {} ({what}).",
                m.date(e),
                describe(e)
            )
        },
        [e],
    )
}

/// How the newest check-in since a booking was shown shows the numbness
/// progressing, if it does.
enum Progressed {
    NoFeeling,
    HoursInTheLeg,
    NotClearedAgain,
    LastingAgain,
    BothLegs,
    Worse(&'static str),
}

impl Progressed {
    fn words(&self) -> &'static str {
        match self {
            Progressed::NoFeeling => "no feeling",
            Progressed::HoursInTheLeg => "hours to clear, up to the ankle or higher",
            Progressed::NotClearedAgain => "not cleared again",
            Progressed::LastingAgain => "hours to clear again",
            Progressed::BothLegs => "now in both legs",
            Progressed::Worse(how) => how,
        }
    }

    /// Worse than when booked, but gone within the hour, in a picture
    /// since the last clearance where nothing took hours to go: the
    /// booking is brought forward. Urgent instead (the clinician's
    /// twenty-sixth review):
    /// - after a lasting symptom (the eleventh review), as for pins and
    ///   needles;
    /// - worse than when booked a second time while waiting: worse, then
    ///   worse again, is a deficit progressing (NICE CKS "Sciatica");
    /// - with diabetes or circulation problems (lower thresholds: NICE
    ///   CG147, rest symptoms are critical ischaemia's; NICE NG19);
    /// - with sharp pain or a tight calf (Mayo Clinic "Chronic exertional
    ///   compartment syndrome": do not run through the pain).
    fn brought_forward(&self, e: &Event, m: &Measures) -> bool {
        matches!(self, Progressed::Worse(_))
            && e.clear.settled()
            && !m.so_far.iter().any(lasting)
            && !m.health.sooner()
            && !e.flagged(Flag::SharpPain)
            && !e.flagged(Flag::CalfTightness)
            && !worse_before_while_waiting(m, e)
    }
}

/// Whether a check-in before `e`, after the booking, was already worse
/// than when booked.
fn worse_before_while_waiting(m: &Measures, e: &Event) -> bool {
    let Some(booked) = m.booked else {
        return false;
    };
    m.so_far
        .iter()
        .filter(|f| !std::ptr::eq(*f, e) && f.day <= e.day && f.day > booked)
        .filter(|f| f.symptomatic() && !f.lace_pattern())
        .any(|f| worse_than_when_booked(m, f, booked).is_some())
}

/// A symptom that took hours to go, or had not gone.
fn lasting(e: &Event) -> bool {
    e.symptomatic() && e.clear.rank() >= Clear::Hours.rank()
}

fn progressed<'m, 'a>(m: &Measures<'m, 'a>) -> Option<(&'m Event<'a>, Progressed)> {
    let booked = m.booked?;
    // (Not the lace pattern, as for getting worse.)
    let e = m
        .latest
        .iter()
        .rev()
        .find(|e| e.symptomatic() && !e.lace_pattern() && e.day >= booked)?;
    let what = if e.severity == 3 {
        Progressed::NoFeeling
    } else if e.clear.rank() >= Clear::Hours.rank() && e.extent.reach() >= Reach::Ankle {
        Progressed::HoursInTheLeg
    } else if m.not_cleared_again() {
        Progressed::NotClearedAgain
    } else if lasting_again(m, e, booked) {
        Progressed::LastingAgain
    } else if e.in_leg() && reached_both_legs(m) && !both_legs_by(m, booked) {
        Progressed::BothLegs
    } else {
        Progressed::Worse(worse_than_when_booked(m, e, booked)?)
    };
    Some((e, what))
}

/// Whether `e`, after the day care was booked, took hours to go (or had
/// not gone) when another check-in since the last clearance already did:
/// numbness that lasts, again while waiting, is a deficit progressing
/// whatever came between (DESIGN.md §4 "not cleared twice"; NICE CKS
/// "Sciatica"); tingling too with diabetes or circulation problems (lower
/// thresholds: NICE NG19, CG147). Read without comparing the two, so a
/// first one slower to clear never makes the second milder (P5; the
/// clinician's twenty-seventh round: with diabetes, night tingling of both
/// feet gone in 30 minutes, then hours, was urgent, and hours, then hours,
/// stayed booked). Tingling for hours day after day without them is
/// numbness not resolving: booked (DOMAIN §6).
fn lasting_again(m: &Measures, e: &Event, booked: i32) -> bool {
    e.day > booked
        && (e.severity >= 2 || m.health.sooner())
        && lasting(e)
        && m.so_far
            .iter()
            .any(|f| !std::ptr::eq(f, e) && f.day <= e.day && lasting(f) && !f.lace_pattern())
}

/// Whether the leg above the ankle is numb on both sides, at once, or in
/// turn with more on one side than a lower-leg tingle that settled: those
/// on each side are booked, whichever leg had them first or twice (the
/// clinician's twenty-second review: left, left, right was urgent, and the
/// other orders booked).
fn reached_both_legs(m: &Measures) -> bool {
    m.both_legs().is_some_and(|e| e.both_sides())
        || m.legs_in_turn_where(|e| !e.lower_leg_tingle_that_settled())
            .is_some()
}

/// Whether the leg above the ankle was numb on both sides by day `booked`:
/// the booking was for both legs, and another tingle there is not them
/// reaching both (the clinician's twenty-first review).
fn both_legs_by(m: &Measures, booked: i32) -> bool {
    let legs = || {
        m.so_far
            .iter()
            .filter(|b| b.day <= booked && b.symptomatic() && b.in_leg())
    };
    let side = |s: Side| legs().any(|b| b.side == Some(s));
    legs().any(|b| b.both_sides()) || side(Side::Left) && side(Side::Right)
}

/// How `e`, after the day care was booked, is worse than every check-in up
/// to that day since the last clearance: more numb, further up the leg (or
/// the whole foot), slower to clear (hours, or not gone), at rest or at
/// night for the first time, or on a side not seen before. Any of them is
/// the deficit progressing (NICE CKS "Sciatica"); the same pattern again
/// is not. Spreading further always is; the other ways are not when they
/// are pins and needles (tingling) gone within 15 minutes in an episode whose
/// symptoms have all gone within the hour: nothing there is a lasting
/// deficit to progress (NHS "Pins and needles"; the clinician's eleventh
/// review), and the booking stands. Once a check-in of the episode took
/// hours or was not gone, any of them is.
fn worse_than_when_booked(m: &Measures, e: &Event, booked: i32) -> Option<&'static str> {
    if e.day <= booked {
        return None;
    }
    let pins_and_needles = e.brief_tingle() && !m.so_far.iter().any(lasting);
    let before: Vec<&Event> = m
        .so_far
        .iter()
        .filter(|b| b.symptomatic() && b.day <= booked)
        .collect();
    // Worse again than the first check-in since the last clearance: a
    // worse picture seen before the booking and back while waiting is no
    // milder than the same seen first while waiting (DESIGN.md §4 P5; the
    // clinician's twelfth review).
    worse_than(e, &before, pins_and_needles).or_else(|| {
        let first = before.first().copied()?;
        worse_than(e, &[first], pins_and_needles).map(|_| "worse again than when it began")
    })
}

/// How `e` is worse than every one of `before`, if it is (spreading
/// further always; the other ways not for `pins_and_needles`).
fn worse_than(e: &Event, before: &[&Event], pins_and_needles: bool) -> Option<&'static str> {
    let most = |of: fn(&Event) -> u8| before.iter().map(|b| of(b)).max().unwrap_or(0);
    let slow = matches!(e.clear, Clear::Hours | Clear::NotYet);
    let sides = SideSet::of(before.iter().copied().filter(|b| !b.lace_pattern()));
    let new_side = !e.lace_pattern() && sides.other_than(e.side);
    if e.extent.reach() as u8 > most(|b| b.extent.reach() as u8) {
        Some("spreading further than before")
    } else if pins_and_needles {
        None
    } else if !e.lace_pattern() && !e.extent.is_empty() && !covered(e.extent, before) {
        // A part of the foot or leg not named before, at the same reach
        // (the toes, then the toes and arch): spreading all the same (the
        // clinician's twenty-sixth review found toes, then toes and arch,
        // urgent after a tingle and only booked after partly numb).
        Some("spreading to a new part")
    } else if e.severity > most(|b| b.severity) {
        Some("more numb than before")
    } else if slow && e.clear.rank() > most(|b| b.clear.rank()) {
        Some("slower to clear than before")
    } else if e.context.at_rest() && !before.iter().any(|b| b.context.at_rest()) {
        Some("at rest or at night for the first time")
    } else if new_side {
        Some("on the other side")
    } else {
        None
    }
}

/// Whether every part `extent` names was named by one of `before` (the
/// whole foot holding each part of it).
fn covered(extent: Extent, before: &[&Event]) -> bool {
    let seen = before
        .iter()
        .fold(Extent::default(), |acc, b| acc.union(b.extent));
    extent.within(seen)
}
