//! The care rules the clinician's twenty-third review reshaped: more numb
//! than before books whichever order the levels came in; "twice in six
//! weeks" is counted in days, whatever the weekday.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CareLevel, CheckIn, Cleared, Onset, Side, Spot, When};
use common::*;

/// Numbness at this level at the toes and ball on a run at minute 30, gone
/// in 10 minutes.
fn toes(d: u64, level: u8) -> CheckIn {
    during(d, level, &[Spot::Toes, Spot::Ball], Side::Right, 30, 10)
}

#[test]
fn tingling_then_partly_numb_books_a_clinician_as_the_other_order_does() {
    let worse = care_on(vec![fine(0), toes(2, 1), toes(7, 2)], 7);
    expect(
        &worse,
        CareLevel::Book,
        When::OneWeek,
        "more_numb_than_before",
    );
    let why = worse.expect("care").why.join(" ");
    assert!(
        why.contains("More numb than before: tingling at the toes and at the ball"),
        "{why}"
    );
    let easing = care_on(vec![fine(0), toes(2, 2), toes(7, 1)], 7);
    assert!(easing.is_some(), "the easing order books too");
    // As numb again is no worse: the step back of the day.
    let a = assess_with(&[], vec![fine(0), toes(2, 2), toes(7, 2)], vec![], 7);
    assert!(!found(&a.verdict.care, "more_numb_than_before"));
}

#[test]
fn night_heel_numbness_twice_in_six_weeks_books_whatever_the_weekday() {
    // 36 days apart, the first on each day of the week: six weeks are 42
    // days, not six plan weeks (AAOS OrthoInfo; AOFAS FootCareMD).
    for first in 3..10u64 {
        let heel = |d| {
            side(
                cleared(
                    at(began(resting(d, 1), Onset::Night), &[Spot::Heel]),
                    Cleared::Quickly,
                ),
                Side::Left,
            )
        };
        let care = care_on(vec![fine(0), heel(first), heel(first + 36)], first + 36);
        assert!(
            found(&care, "sole_or_heel_at_night_twice"),
            "first on day {first}: {care:#?}"
        );
    }
}
