//! Care rules from a clinician's seventh and eighth reviews (2026-12-06): a
//! few days in a row either side of the plan's Monday are one spell, not
//! two weeks; numbness is back after a step back only on a run at the stage
//! stepped back to; above the knee is a nerve root's pattern; the whole foot
//! said as three places is the whole foot; and the words say what happened.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CheckIn, Cleared, Move, Onset, Spot, Status};
use common::*;

/// A quick tingle at the toes at minute 30: on a run, or (`walk`) on a rest
/// day's walk.
fn quick(d: u64, walk: bool) -> CheckIn {
    let c = if walk { resting(d, 1) } else { felt(d, 1) };
    cleared(
        at(minute(began(c, Onset::During), 30), &[Spot::Toes]),
        Cleared::Quickly,
    )
}

/// Partly numb toes at minute 40 on a run, gone within 15 minutes.
fn numb(d: u64) -> CheckIn {
    cleared(
        at(minute(began(felt(d, 2), Onset::During), 40), &[Spot::Toes]),
        Cleared::Quickly,
    )
}

fn status(checkins: Vec<CheckIn>, today: u64) -> Status {
    assess_with(&[], checkins, vec![], today).verdict.status
}

#[test]
fn three_days_of_tingling_in_a_row_hold_whichever_side_of_a_monday_they_fall() {
    // Sat, Sun, Mon (days 5, 6, 7: the plan's weeks start on day 0 and 7),
    // or Thu, Fri, Sat inside one week (days 10, 11, 12).
    for first in [5, 10] {
        let journal = vec![
            fine(1),
            quick(first, true),
            quick(first + 1, false),
            quick(first + 2, true),
        ];
        let care = care_on(journal.clone(), first + 2);
        assert!(
            !found(&care, "held_two_weeks_running"),
            "from day {first}: {care:?}"
        );
        assert_eq!(status(journal, first + 2), Status::Hold, "from day {first}");
    }
}

#[test]
fn a_tingle_on_the_walk_the_day_after_a_numb_run_is_not_back_after_a_step_back() {
    // Sun's numb run (day 6) steps back; Mon's walk (day 7) tingles: no
    // run has been run at the stage stepped back to. The same two days
    // inside one week (Thu, Fri: days 10, 11) give the same verdict.
    for day in [6, 10] {
        let journal = vec![fine(1), fine(3), numb(day), quick(day + 1, true)];
        let care = care_on(journal.clone(), day + 1);
        assert!(care.is_none(), "from day {day}: {care:?}");
        // Stepped back: this week's verdict, or on the Monday the week's
        // move (the walk's tingle then holds the stage stepped back to).
        let v = assess_with(&[], journal, vec![], day + 1).verdict;
        assert!(
            v.status == Status::StepBack || v.moved == Some(Move::StepBack),
            "from day {day}: {v:?}"
        );
    }
}

#[test]
fn a_tingle_on_the_first_run_after_a_step_back_is_back_after_the_step_back() {
    let care = care_on(vec![fine(1), numb(6), fine(7), quick(9, false)], 9);
    assert!(found(&care, "back_after_a_step_back"), "{care:?}");
}

#[test]
fn partly_numb_above_the_knee_on_a_run_books_a_gp_or_spine_clinician() {
    use comeback::checkin::{CareLevel, When};
    // Partly numb toes and thigh on a run, gone within 10 minutes.
    let c = CheckIn {
        cleared_minutes: Some(10),
        ..at(
            minute(began(felt(3, 2), Onset::During), 25),
            &[Spot::Toes, Spot::Thigh],
        )
    };
    let care = care_on(vec![fine(1), c], 3);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "above_the_knee_with_a_run",
    );
    assert_eq!(
        care.map(|c| c.who),
        Some("a GP or a spine clinician".to_string())
    );
    // A tingle there that went at once is not yet a booking.
    let light = cleared(
        at(minute(began(felt(3, 1), Onset::During), 25), &[Spot::Thigh]),
        Cleared::Quickly,
    );
    assert!(!found(
        &care_on(vec![fine(1), light], 3),
        "above_the_knee_with_a_run"
    ));
}

#[test]
fn numbness_easing_on_sitting_or_bending_once_holds_and_says_see_a_gp_if_it_happens_again() {
    use comeback::checkin::Ease;
    let c = eased(
        cleared(
            at(
                minute(began(felt(3, 1), Onset::During), 30),
                &[Spot::Calf, Spot::Toes],
            ),
            Cleared::Quickly,
        ),
        Ease::SittingOrBending,
    );
    let v = assess_with(&[], vec![fine(1), c], vec![], 3).verdict;
    assert_eq!(v.status, Status::Hold, "{v:?}");
    assert!(
        v.reasons
            .iter()
            .any(|r| r.contains("eased on sitting or bending forward")
                && r.contains("GP or a spine clinician")),
        "{:?}",
        v.reasons
    );
    assert!(v.care.is_none());
}

#[test]
fn pins_and_needles_at_rest_that_took_half_an_hour_say_so_not_that_they_went_soon() {
    let c = CheckIn {
        cleared_minutes: Some(30),
        ..at(began(resting(3, 1), Onset::Night), &[Spot::Heel])
    };
    let v = assess_with(&[], vec![fine(1), c], vec![], 3).verdict;
    assert!(
        v.reasons
            .iter()
            .any(|r| r.contains("at night, gone after 30 minutes")),
        "{:?}",
        v.reasons
    );
    assert!(!v.reasons.iter().any(|r| r.contains("went soon")));
}

#[test]
fn runs_recorded_before_a_late_check_in_opened_care_are_not_runs_while_stopped() {
    use comeback::checkin::Clearance;
    // Numb on day 2, cleared on day 9; a run on day 11; then, recorded
    // after all of it, no feeling for hours on day 8.
    let numb = cleared(
        at(began(felt(2, 2), Onset::During), &[Spot::Toes]),
        Cleared::Quickly,
    );
    let clear = Clearance {
        seq: 20,
        ..clearance(9)
    };
    let run = CheckIn {
        seq: 23,
        ..fine(11)
    };
    let late = CheckIn {
        seq: 30,
        ..cleared(
            at(began(resting(8, 3), Onset::After), &[Spot::WholeFoot]),
            Cleared::Hours,
        )
    };
    let care = assess_with(
        &[],
        vec![numb, run.clone(), late.clone()],
        vec![clear.clone()],
        12,
    )
    .verdict
    .care
    .expect("the late check-in opens care");
    assert!(
        !care
            .why
            .iter()
            .any(|w| w.contains("while runs were stopped")),
        "{:?}",
        care.why
    );
    // A run recorded after it is.
    let after = CheckIn {
        seq: 31,
        ..fine(12)
    };
    let care = assess_with(&[], vec![run, late, after], vec![clear], 12)
        .verdict
        .care
        .unwrap();
    assert!(
        care.why
            .iter()
            .any(|w| w.contains("while runs were stopped: Sat 5 Dec.")),
        "{:?}",
        care.why
    );
}

#[test]
fn lacing_advice_is_for_the_foot_not_for_numbness_up_the_leg_or_easing_on_sitting() {
    use comeback::checkin::Ease;
    let laces =
        |v: &comeback::checkin::Verdict| v.advice.iter().any(|a| a.contains("Loosen the laces"));
    let toes = tingle(3);
    let v = assess_with(&[], vec![fine(1), toes], vec![], 3).verdict;
    assert!(laces(&v), "toes alone: {:?}", v.advice);
    let calf = at(tingle(3), &[Spot::Toes, Spot::Calf]);
    let v = assess_with(&[], vec![fine(1), calf], vec![], 3).verdict;
    assert!(!laces(&v), "toes and calf: {:?}", v.advice);
    let sitting = eased(tingle(3), Ease::SittingOrBending);
    let v = assess_with(&[], vec![fine(1), sitting], vec![], 3).verdict;
    assert!(!laces(&v), "eased on sitting: {:?}", v.advice);
}

#[test]
fn numbness_in_one_foot_and_then_the_other_moved_sides_and_did_not_spread() {
    use comeback::checkin::{CareLevel, Side, When};
    let whole = |d, s: Side, spots: &[Spot]| side(at(numb(d), spots), s);
    // The right whole foot, then the left ankle and whole foot.
    let journal = vec![
        fine(1),
        whole(11, Side::Right, &[Spot::WholeFoot]),
        whole(20, Side::Left, &[Spot::Ankle, Spot::WholeFoot]),
    ];
    let care = care_on(journal, 20);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "moved_to_the_other_side",
    );
    let why = care.map(|c| c.why).unwrap_or_default();
    assert!(
        !why.iter()
            .any(|w| w.starts_with("Spreading") || w.starts_with("Widespread")),
        "{why:?}"
    );
    // The same places on one side are spreading.
    let one_side = vec![
        fine(1),
        whole(11, Side::Left, &[Spot::WholeFoot]),
        whole(20, Side::Left, &[Spot::Ankle, Spot::WholeFoot]),
    ];
    assert!(found(&care_on(one_side, 20), "spreading_up_the_leg"));
}

#[test]
fn with_diabetes_heel_numbness_at_night_once_books_the_gp_or_diabetes_foot_team() {
    use comeback::checkin::{CareLevel, Health, When};
    // Partly numb heel at night, gone in half an hour.
    let night = CheckIn {
        cleared_minutes: Some(30),
        ..at(began(resting(3, 2), Onset::Night), &[Spot::Heel])
    };
    let care = care_with(&[Health::Diabetes], vec![fine(1), night.clone()], 3);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "diabetes_foot_numbness",
    );
    assert_eq!(
        care.map(|c| c.who),
        Some("your GP or the diabetes foot team".to_string())
    );
    // Without diabetes, once holds (twice in six weeks books).
    assert!(care_on(vec![fine(1), night], 3).is_none());
}

#[test]
fn three_places_of_the_foot_at_rest_count_as_the_whole_foot_for_the_sole_at_night_rows() {
    use comeback::checkin::{CareLevel, Health, When};
    // With diabetes, the whole foot at rest, or the toes, ball and top
    // (three places: the whole foot, DESIGN §4 P2), gone quickly.
    for spots in [&[Spot::WholeFoot][..], &[Spot::Toes, Spot::Ball, Spot::Top]] {
        let rest = cleared(
            at(began(resting(3, 1), Onset::Rest), spots),
            Cleared::Quickly,
        );
        let care = care_with(&[Health::Diabetes], vec![fine(1), rest], 3);
        expect(
            &care,
            CareLevel::Book,
            When::TwoWorkingDays,
            "diabetes_foot_numbness",
        );
    }
    // Without diabetes, twice at night: the same row and the same clinician.
    let night = |d, spots: &[Spot]| {
        cleared(
            at(began(resting(d, 1), Onset::Night), spots),
            Cleared::Quickly,
        )
    };
    for spots in [&[Spot::WholeFoot][..], &[Spot::Toes, Spot::Ball, Spot::Top]] {
        let care = care_on(
            vec![fine(1), night(3, spots), fine(5), night(10, spots)],
            10,
        );
        assert!(
            found(&care, "sole_or_heel_at_night_twice"),
            "{spots:?}: {care:?}"
        );
    }
}

#[test]
fn numbness_above_the_knee_for_hours_after_a_run_books_a_gp_or_spine_clinician_within_two_working_days()
 {
    use comeback::checkin::{CareLevel, When};
    // Partly numb thigh after a run, for hours: a nerve root's, not the
    // lower leg's compartment (the clinician's eighth review).
    let thigh = cleared(
        at(began(felt(3, 2), Onset::After), &[Spot::Thigh]),
        Cleared::Hours,
    );
    let care = care_on(vec![fine(1), thigh], 3);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "above_the_knee_for_hours_after_exercise",
    );
    assert!(!found(&care, "leg_numb_for_hours_after_exercise"));
    assert_eq!(
        care.map(|c| c.who),
        Some("a GP or a spine clinician".to_string())
    );
    // The calf for hours is still the compartment row's, with a sports doctor.
    let calf = cleared(
        at(began(felt(3, 2), Onset::After), &[Spot::Calf]),
        Cleared::Hours,
    );
    let care = care_on(vec![fine(1), calf], 3);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "leg_numb_for_hours_after_exercise",
    );
    assert_eq!(
        care.map(|c| c.who),
        Some("a sports medicine doctor".to_string())
    );
}

#[test]
fn back_pain_with_numbness_moving_sides_says_it_moved_sides_not_that_it_got_worse() {
    use comeback::checkin::{Flag, Side};
    // A quick tingle at the left calf with back pain, then the right toes
    // partly numb, as quick. (Two tingles gone in minutes are booked: the
    // clinician's twenty-second review.)
    let first = flagged(
        side(at(tingle(2), &[Spot::Calf]), Side::Left),
        Flag::BackPain,
    );
    let mut second = side(tingle(9), Side::Right);
    second.numbness = comeback::checkin::Numbness::try_from(2).expect("a level");
    let care = care_on(vec![fine(1), first, second], 9).expect("care");
    let line = care
        .why
        .iter()
        .find(|w| w.starts_with("Leg symptoms"))
        .expect("the back-pain row");
    assert!(
        line.starts_with("Leg symptoms moving sides (tingling at the calf on"),
        "{line}"
    );
    assert!(
        !care.why.iter().any(|w| w.contains("getting worse (")),
        "{:?}",
        care.why
    );
}

#[test]
fn the_same_calf_and_buttock_numbness_again_is_said_as_far_up_the_leg_again_not_widespread() {
    let leg = |d| at(tingle(d), &[Spot::Calf, Spot::Buttock]);
    let care = care_on(vec![fine(1), leg(2), fine(5), leg(11)], 11).expect("care");
    assert!(
        care.why
            .iter()
            .any(|w| w
                .starts_with("As far up the leg again: numbness at the calf and at the buttock")),
        "{:?}",
        care.why
    );
    assert!(!care.why.iter().any(|w| w.contains("Widespread")));
}
