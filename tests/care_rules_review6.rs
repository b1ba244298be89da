//! Care rules from a clinician's sixth review (2026-12-05): the same facts
//! give the same verdict whichever side of the plan's Monday they fall, and
//! numbness coming sooner in the run is never read as the warm-up.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CareLevel, Status, When};
use common::*;

/// The status and the care, if any, as of `today`.
fn verdict(
    checkins: Vec<comeback::checkin::CheckIn>,
    today: u64,
) -> (Status, Option<(CareLevel, When)>) {
    let v = assess_with(&[], checkins, vec![], today).verdict;
    (v.status, v.care.map(|c| (c.level, c.when)))
}

#[test]
fn tingling_two_days_running_holds_whichever_side_of_a_monday_the_days_fall() {
    // The plan's weeks start on Mondays (day 0, 7, 14): Sun and Mon (6, 7),
    // or Mon and Tue (7, 8), two quick tingles a day apart.
    for (a, b) in [(6, 7), (7, 8)] {
        let (status, care) = verdict(vec![fine(2), tingle(a), tingle(b)], b);
        assert_eq!((status, care), (Status::Hold, None), "days {a} and {b}");
    }
}

#[test]
fn a_third_tingle_a_week_later_gives_the_same_verdict_however_the_weeks_fall() {
    let journal = |a, b| vec![fine(2), tingle(a), tingle(b), fine(b + 2), tingle(b + 7)];
    let sun_mon = verdict(journal(6, 7), 14);
    let mon_tue = verdict(journal(7, 8), 15);
    assert_eq!(sun_mon, mon_tue);
    // Two days in a row and one a week later are not three separate weeks.
    let care = care_on(journal(6, 7), 14);
    assert!(!found(&care, "symptoms_in_three_weeks_of_six"));
}

#[test]
fn numbness_for_hours_again_on_the_next_run_after_a_step_back_books_a_clinician() {
    use comeback::checkin::{Cleared, Onset, Spot};
    // Partly numb toes for hours after Tuesday's run steps back; the same
    // after Thursday's run, the same week: it keeps coming back.
    let slow = |d| {
        cleared(
            at(began(felt(d, 2), Onset::After), &[Spot::Toes]),
            Cleared::Hours,
        )
    };
    let care = care_on(vec![fine(7), slow(8), slow(10)], 10);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "back_after_a_step_back",
    );
    // A tingle on a run after the step back is back after it, the same
    // week or the next alike: counted in days, whatever weekday the plan's
    // weeks begin on (the twenty-first review; the sixth had let the same
    // week's wait while the next week's booked).
    assert!(found(
        &care_on(vec![fine(7), slow(8), tingle(10)], 10),
        "back_after_a_step_back"
    ));
}

#[test]
fn a_wound_not_felt_never_reads_as_gone_in_minutes() {
    use comeback::checkin::{Cleared, Flag, Health};
    // The minutes speak of the numbness that day, not of the wound.
    let wound = cleared(flagged(felt(3, 1), Flag::FootWound), Cleared::Quickly);
    let care = care_with(&[Health::Diabetes], vec![wound], 3).unwrap();
    let why = care.why.join(" ");
    assert!(why.contains("reported, with tingling"), "{why}");
    assert!(!why.contains("reported, gone"), "{why}");
}

#[test]
fn while_booked_numbness_up_the_leg_for_hours_is_seen_today() {
    use comeback::checkin::{Cleared, Onset, Spot};
    // Booked for tingling in three separate weeks; then the calf, partly
    // numb for hours after a run, while waiting for the appointment.
    let calf = cleared(
        at(began(felt(16, 2), Onset::After), &[Spot::Calf]),
        Cleared::Hours,
    );
    let booked = care_on(vec![tingle(0), tingle(7), tingle(14)], 14);
    expect(
        &booked,
        CareLevel::Book,
        When::OneWeek,
        "symptoms_in_three_weeks_of_six",
    );
    let care = care_on(vec![tingle(0), tingle(7), tingle(14), calf], 16);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "progression_while_booked",
    );
}
