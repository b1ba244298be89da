//! The care rules the clinician's twenty-seventh round of checks reshaped,
//! as journals over weeks: while a booking waits, numbness back or a
//! lasting deficit again is read on each check-in alone, however the first
//! one went, so a slower first check-in never makes a later verdict milder
//! (DESIGN.md §4 P5); brief pins and needles of posture hold whichever
//! parts of the foot they touched.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CareLevel, CheckIn, Cleared, Health, Onset, Side, Spot, When};
use common::*;

fn toes(d: u64, level: u8, gone: u32) -> CheckIn {
    during(d, level, &[Spot::Toes], Side::Left, 20, gone)
}

/// Tingles gone in 5, 12 and 25 minutes a week apart, then the toes partly
/// numb for 40 minutes three days after the third; `first` is how numb the
/// first one was.
fn creeping(first: u8) -> Vec<CheckIn> {
    vec![
        fine(0),
        toes(1, first, 5),
        toes(8, 1, 12),
        toes(15, 1, 25),
        toes(18, 2, 40),
    ]
}

#[test]
fn the_same_numb_spell_again_while_booked_brings_the_booking_forward() {
    // Partly numb for 40 minutes each week, booked on the second, then the
    // same again while runs wait. The twelfth and twenty-seventh reviews
    // left the booking as it was; but tingles before it and these spells
    // after it brought it forward, and more symptoms before a booking
    // never make the same later check-ins milder (DESIGN.md §4 P5; the
    // twenty-eighth round found 15 journals where they did). Numbness back
    // while waiting is not settling: brought forward, and, in part of one
    // foot, not urgent the second time either (the twenty-eighth: "the
    // same 40 minutes again stays").
    let journal = [
        fine(0),
        toes(1, 2, 40),
        toes(8, 2, 40),
        toes(15, 2, 40),
        toes(18, 2, 40),
    ];
    let booked = care_on(journal[..3].to_vec(), 8).expect("booked by day 8");
    assert_eq!(booked.level, CareLevel::Book);
    for (today, k) in [(15, 4), (18, 5)] {
        expect(
            &care_on(journal[..k].to_vec(), today),
            CareLevel::Book,
            When::TwoWorkingDays,
            "back_while_booked_but_settled",
        );
        let mut tingles = journal[..k].to_vec();
        for (k, d) in [(1, 1), (2, 8)] {
            tingles[k] = toes(d, 1, 40);
        }
        assert_eq!(
            care_on(tingles, today).map(|c| (c.level, c.when)),
            Some((CareLevel::Book, When::TwoWorkingDays)),
            "day {today}"
        );
    }
}

#[test]
fn a_tingle_in_the_toes_slower_to_go_while_booked_brings_the_booking_forward() {
    // Tingling that went within the hour is no deficit: lasting 40 minutes
    // instead of 12 is not urgent. But it is more than pins and needles,
    // back while runs wait: the booking is brought forward (DESIGN.md §4
    // P5, as above). Gone within 15 minutes, the booking stands.
    let mut journal = creeping(1);
    journal.pop();
    let booked = care_on(journal.clone(), 15).expect("booked by day 15");
    assert_eq!(booked.level, CareLevel::Book);
    let mut brief = journal.clone();
    brief.push(toes(18, 1, 10));
    let care = care_on(brief, 18).expect("care");
    assert_eq!((care.level, care.when), (booked.level, booked.when));
    journal.push(toes(18, 1, 40));
    let care = care_on(journal, 18).expect("care");
    assert_eq!(
        (care.level, care.when),
        (CareLevel::Book, When::TwoWorkingDays)
    );
}

/// Both feet tingling at night on day 2, gone after `first` minutes
/// (`None`: hours), then for hours on day 5; with diabetes.
fn night_with_diabetes(first: Option<u32>) -> Option<comeback::checkin::Care> {
    let night = |d, gone: Option<u32>| {
        let mut c = side(
            began(at(felt(d, 1), &[Spot::Toes, Spot::Sole]), Onset::Night),
            Side::Both,
        );
        match gone {
            Some(m) => c.cleared_minutes = Some(m),
            None => c = cleared(c, Cleared::Hours),
        }
        c
    };
    care_with(
        &[Health::Diabetes],
        vec![fine(0), night(2, first), night(5, None)],
        5,
    )
}

#[test]
fn with_diabetes_night_tingling_lasting_hours_again_while_booked_is_urgent_however_the_first_went()
{
    // The twenty-seventh round (J39): gone in 30 minutes, then hours, was
    // urgent (slower to clear while waiting); hours, then hours, stayed
    // booked. A lasting symptom again while waiting is urgent either way.
    for first in [Some(30), None] {
        expect(
            &night_with_diabetes(first),
            CareLevel::Urgent,
            When::Today,
            "progression_while_booked",
        );
    }
}

#[test]
fn brief_pins_and_needles_at_rest_twice_in_different_parts_of_the_foot_hold() {
    // The twenty-seventh round (J02): the right toes and sole tingling at
    // rest, gone in 2 minutes, then the toes a week later, gone in 1:
    // posture's pins and needles, a hold (DOMAIN §6), not "numbness that
    // keeps coming back" booked for the parts they touched.
    let rest = |d, spots: &[Spot], gone| {
        let mut c = side(began(at(felt(d, 1), spots), Onset::Rest), Side::Right);
        c.cleared_minutes = Some(gone);
        c
    };
    let journal = vec![
        fine(0),
        rest(1, &[Spot::Toes, Spot::Sole], 2),
        fine(2),
        rest(8, &[Spot::Toes], 1),
    ];
    assert_eq!(care_on(journal.clone(), 8), None);
    // A third, or the same with diabetes, books.
    let mut third = journal.clone();
    third.push(rest(12, &[Spot::Toes], 1));
    assert!(care_on(third, 12).is_some());
    assert!(care_with(&[Health::Diabetes], journal, 8).is_some());
}
