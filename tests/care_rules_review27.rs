//! The care rules the clinician's twenty-seventh round of checks reshaped,
//! as journals over weeks: how numb and how long it lasted are one picture
//! while a booking waits, so a numb spell logged first never keeps a later,
//! longer one from bringing the booking forward (DESIGN.md §4 P5).

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CareLevel, CheckIn, Side, Spot, When};
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
fn partly_numb_for_longer_while_booked_brings_the_booking_forward_whatever_came_first() {
    // The clinician's twenty-fifth review (m02): booked for tingles that
    // took longer each time, then partly numb for 40 minutes: sooner.
    let care = care_on(creeping(1), 18);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "worse_while_booked_but_settled",
    );
    // The same journal with its first tingle partly numb (gone in 5
    // minutes) books a week earlier; the 40 minutes are still worse than
    // anything before the booking, and the verdict is no milder.
    let care = care_on(creeping(2), 18);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "worse_while_booked_but_settled",
    );
    let why = care.expect("care").why;
    assert!(
        why.iter()
            .any(|w| w.contains("numb for longer than before")),
        "{why:?}"
    );
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
