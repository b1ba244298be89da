//! The care rules the clinician's twenty-seventh round of checks reshaped,
//! as journals over weeks: while a booking waits, a lasting deficit again
//! is urgent however the first one went, so a slower first check-in never
//! makes a later verdict milder (DESIGN.md §4 P5); brief pins and needles
//! of posture hold whichever parts of the foot they touched.

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
fn the_same_numb_spell_again_while_booked_leaves_the_booking_as_it_was() {
    // Partly numb for 40 minutes, booked, then the same again: the same
    // picture, not a worse one (the clinician's twelfth review).
    let journal = vec![
        fine(0),
        toes(1, 2, 40),
        toes(8, 2, 40),
        toes(15, 2, 40),
        toes(18, 2, 40),
    ];
    let booked = care_on(journal[..4].to_vec(), 15).expect("booked by day 15");
    assert_eq!(booked.level, CareLevel::Book);
    let care = care_on(journal, 18).expect("care");
    assert_eq!((care.level, care.when), (booked.level, booked.when));
}

#[test]
fn a_tingle_lasting_longer_while_booked_leaves_the_booking_as_it_was() {
    // Tingling gone within the hour is not a deficit: lasting 25 minutes
    // instead of 12 does not bring the booking forward.
    let mut journal = creeping(1);
    journal.pop();
    let booked = care_on(journal.clone(), 15).expect("booked by day 15");
    journal.push(toes(18, 1, 40));
    let care = care_on(journal, 18).expect("care");
    assert_eq!((care.level, care.when), (booked.level, booked.when));
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
