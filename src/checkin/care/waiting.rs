//! Numbness back or getting worse while a booking waits: what counts as the
//! deficit progressing (urgent) and what brings the booking forward. Each
//! check-in is read on its own, never against those before the booking, so
//! more symptoms never make a verdict milder (DESIGN.md §4 P5).

use super::event::{Clear, Event, Reach};
use super::found::{Found, describe};
use super::measure::Measures;
use crate::checkin::{Flag, Side};

/// NICE CKS "Sciatica": neurological deficit progressing while the runner
/// waits for the appointment is urgent: no feeling, not cleared twice,
/// hours to clear in the leg, both legs, or numbness back while waiting
/// that lasted (or after numbness that did, or twice in the leg).
pub fn while_booked<'a>(m: &Measures<'_, 'a>) -> Option<Found<'a>> {
    let (e, what) = progressed(m).filter(|(e, what)| !what.brought_forward(e, m))?;
    Some(waiting(m, e, what.words()))
}

/// Back while waiting, but gone within the hour (or tingling): the booking
/// is brought forward, not turned urgent (DOMAIN §6: numbness
/// that keeps coming books; the urgent progression is no feeling, not
/// cleared twice or both legs; the clinician's twenty-fourth and
/// twenty-fifth reviews sent a tingle of the whole foot gone in 25 minutes,
/// and a first night tingle gone in 30, to an emergency department).
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
    BothLegs,
    Back(&'static str),
}

impl Progressed {
    fn words(&self) -> &'static str {
        match self {
            Progressed::NoFeeling => "no feeling",
            Progressed::HoursInTheLeg => "hours to clear, up to the ankle or higher",
            Progressed::NotClearedAgain => "not cleared again",
            Progressed::BothLegs => "now in both legs",
            Progressed::Back(how) => how,
        }
    }

    /// Back while waiting but settled: brought forward. Urgent instead
    /// (the clinician's eleventh and twenty-sixth reviews), each read on
    /// the check-ins themselves, so more symptoms never make it milder
    /// (DESIGN.md §4 P5):
    /// - numbness (partly numb or more) not gone within the hour; back a
    ///   second time while waiting past part of one foot: a deficit
    ///   progressing (NICE CKS "Sciatica"; the clinician's twenty-sixth and
    ///   twenty-eighth reviews);
    /// - after numbness in the episode that took hours to go (or, with
    ///   diabetes or circulation problems, tingling that did), and numbness
    ///   after tingling that did;
    /// - numbness with diabetes or circulation problems (lower thresholds:
    ///   NICE CG147, rest symptoms are critical ischaemia's; NICE NG19);
    /// - with sharp pain or a tight calf (Mayo Clinic "Chronic exertional
    ///   compartment syndrome": do not run through the pain), or a cold,
    ///   pale or discoloured foot, settled or not: an ischaemic sign again
    ///   while waiting is seen the same day (NICE CKS "Acute limb
    ///   ischaemia"; Mayo Clinic "Popliteal artery entrapment syndrome";
    ///   the clinician's twenty-ninth round).
    fn brought_forward(&self, e: &Event, m: &Measures) -> bool {
        matches!(self, Progressed::Back(_)) && !urgent_back(e, m)
    }
}

/// Whether `e`, back while waiting, is urgent rather than brought forward
/// (as [`Progressed::brought_forward`] lists).
fn urgent_back(e: &Event, m: &Measures) -> bool {
    let numb = e.severity >= 2;
    numb && !e.clear.settled()
        || past_part_of_one_foot(e) && back_before_while_waiting(m, e)
        || m.so_far
            .iter()
            .any(|f| lasting_deficit(m, f) || numb && lasting(f))
        || numb && m.health.sooner()
        || [
            Flag::SharpPain,
            Flag::CalfTightness,
            Flag::ColdPale,
            Flag::SkinColour,
        ]
        .into_iter()
        .any(|f| e.flagged(f))
}

/// Whether `e`, back while waiting, reaches past part of one foot: the
/// whole foot, both feet or the leg. A second time while waiting, that is
/// the numbness spreading however it began (the clinician's twenty-eighth
/// round: wider, then wider and slower; one foot, then both); the same
/// spell in part of one foot again stays brought forward (the twelfth,
/// twenty-seventh and twenty-eighth).
fn past_part_of_one_foot(e: &Event) -> bool {
    e.extent.reach() >= Reach::WholeFoot || e.both_sides()
}

/// Whether a check-in before `e`, after the booking, was already back.
fn back_before_while_waiting(m: &Measures, e: &Event) -> bool {
    let Some(booked) = m.booked else {
        return false;
    };
    m.so_far
        .iter()
        .filter(|f| !std::ptr::eq(*f, e) && f.day <= e.day)
        .any(|f| back_while_waiting(f, booked).is_some())
}

/// Numbness that took hours to go, or had not gone; tingling too with
/// diabetes or circulation problems (lower thresholds: NICE NG19, CG147).
/// Back while waiting after one, or being one, is urgent (DESIGN.md §4 "not
/// cleared twice"; the clinician's twenty-seventh round: with diabetes,
/// night tingling gone in 30 minutes, then hours, was urgent, and hours,
/// then hours, stayed booked). Tingling for hours day after day without
/// them is numbness not resolving: booked, brought forward while waiting
/// (DOMAIN §6).
fn lasting_deficit(m: &Measures, f: &Event) -> bool {
    lasting(f) && !f.lace_pattern() && (f.severity >= 2 || m.health.sooner())
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
    } else if e.in_leg() && reached_both_legs(m) && !both_legs_by(m, booked) {
        Progressed::BothLegs
    } else {
        Progressed::Back(back_while_waiting(e, booked)?)
    };
    Some((e, what))
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

/// How `e`, on a later day than the booking, is the numbness back while
/// waiting, if it is: anything more than pins and needles in the foot
/// (tingling gone within 15 minutes), and any tingling in the leg; not the
/// lace pattern. Runs are suspended while a booking waits (DESIGN.md §4),
/// so numbness back anyway is not settling (DOMAIN §6); brief pins and
/// needles are no deficit, and the booking stands (NHS "Pins and needles";
/// the clinician's eleventh review). Read on the check-in alone, never
/// against those before the booking: a worse start must not make the same
/// later check-in milder (DESIGN.md §4 P5; the clinician's twenty-seventh
/// and twenty-eighth rounds found 15 such journals when this compared
/// them).
fn back_while_waiting(e: &Event, booked: i32) -> Option<&'static str> {
    if e.day <= booked || !e.symptomatic() || e.lace_pattern() {
        None
    } else if e.severity >= 2 {
        Some("numb again while waiting")
    } else if e.in_leg() {
        Some("tingling in the leg while waiting")
    } else if e.brief_tingle() {
        None
    } else if e.extent.reach() >= Reach::WholeFoot {
        Some("tingling over the whole foot or further while waiting")
    } else {
        Some("tingling again while waiting, slower to go than pins and needles")
    }
}
