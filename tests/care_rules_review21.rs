//! The care rules the clinician's twenty-first review reshaped: the
//! tingle above the knee, the lower leg's tingles that settled, the step
//! back counted in days, spreading said from the furthest place, and the
//! onset trend that needs a trend.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CareLevel, CheckIn, Cleared, Onset, Pattern, Side, Spot, Status, When};
use common::*;

fn on_a_run(d: u64, level: u8, spots: &[Spot]) -> CheckIn {
    side(
        cleared(
            at(began(felt(d, level), Onset::During), spots),
            Cleared::Quickly,
        ),
        Side::Left,
    )
}

#[test]
fn tingling_above_the_knee_once_holds_and_says_see_a_gp_if_it_comes_back() {
    // A first tingle at the thigh on a run, gone in minutes: the stage
    // holds, and the runner is told who to see if it comes back and what to
    // act on at once (NICE CKS "Sciatica"; NHS "Cauda equina syndrome").
    let a = assess_with(
        &[],
        vec![fine(0), on_a_run(2, 1, &[Spot::Thigh])],
        vec![],
        2,
    );
    assert_eq!(a.verdict.status, Status::Hold, "{:?}", a.verdict);
    let said = a.verdict.reasons.join(" ");
    assert!(said.contains("GP or a spine clinician"), "{said}");
    assert!(said.contains("bladder or bowels"), "{said}");
}

#[test]
fn tingling_above_the_knee_twice_books_a_gp_or_spine_clinician() {
    // Twice in a fortnight, each gone in minutes: a nerve root's pattern
    // that recurs, booked with the clinicians of the back, not of the foot.
    let care = care_on(
        vec![
            on_a_run(2, 1, &[Spot::Thigh]),
            fine(5),
            on_a_run(12, 1, &[Spot::Buttock]),
        ],
        12,
    );
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "above_the_knee_again",
    );
    let care = care.unwrap();
    assert_eq!(care.pattern, Pattern::AboveTheKnee);
    assert!(care.who.contains("spine"), "{}", care.who);
}

#[test]
fn a_tingle_from_the_buttock_down_to_the_calf_books_like_the_whole_leg() {
    // The sciatic line is as telling without the toes as with them.
    for spots in [
        &[Spot::Buttock, Spot::Thigh, Spot::Calf][..],
        &[Spot::Thigh, Spot::Calf][..],
        &[Spot::Toes, Spot::Calf, Spot::Thigh][..],
    ] {
        let care = care_on(vec![fine(0), on_a_run(2, 1, spots)], 2);
        expect(&care, CareLevel::Book, When::OneWeek, "whole_leg_tingling");
        assert_eq!(care.map(|c| c.pattern), Some(Pattern::AboveTheKnee));
    }
}

#[test]
fn a_tingle_on_a_run_after_a_step_back_books_whatever_the_weekday() {
    // Partly numb toes on a run steps back; a tingle on a run two days
    // later is back after it, whichever day of the plan's week each fell.
    for start in 0..7 {
        let care = care_on(
            vec![
                on_a_run(start, 2, &[Spot::Toes]),
                on_a_run(start + 2, 1, &[Spot::Toes]),
            ],
            start + 2,
        );
        assert!(
            found(&care, "back_after_a_step_back"),
            "day {start}: {care:?}"
        );
    }
}

#[test]
fn onset_minutes_that_jump_about_are_no_trend() {
    let at_minutes = |minutes: &[u32]| {
        minutes
            .iter()
            .enumerate()
            .map(|(i, m)| {
                minute(
                    cleared(
                        at(
                            began(felt(1 + 4 * i as u64, 1), Onset::During),
                            &[Spot::Toes],
                        ),
                        Cleared::Quickly,
                    ),
                    *m,
                )
            })
            .collect::<Vec<_>>()
    };
    for jumpy in [&[30, 45, 20][..], &[20, 40, 15][..]] {
        let care = care_on(at_minutes(jumpy), 9);
        assert!(
            !found(&care, "onset_earlier_and_earlier"),
            "{jumpy:?}: {care:?}"
        );
    }
    // Each no later than the one before, give or take a tenth: a trend,
    // with a later run between them or not.
    for trend in [&[40, 32, 26][..], &[25, 26, 12][..], &[40, 50, 32, 26][..]] {
        let n = trend.len() as u64;
        let care = care_on(at_minutes(trend), 1 + 4 * (n - 1));
        assert!(
            found(&care, "onset_earlier_and_earlier"),
            "{trend:?}: {care:?}"
        );
    }
    // Not across places: the toes at 40, the calf at 32, the toes at 26.
    let mut mixed = at_minutes(&[40, 32, 26]);
    mixed[1].spots = vec![Spot::Calf];
    let care = care_on(mixed, 9);
    assert!(!found(&care, "onset_earlier_and_earlier"), "{care:?}");
}

#[test]
fn spreading_is_said_from_the_furthest_place_reached_before() {
    // Toes, then the calf twice, then the thigh: the spread is from the
    // calf, the furthest reached before.
    let care = care_on(
        vec![
            on_a_run(1, 1, &[Spot::Toes]),
            on_a_run(3, 1, &[Spot::Calf]),
            on_a_run(5, 1, &[Spot::Calf]),
            on_a_run(7, 1, &[Spot::Thigh]),
        ],
        7,
    );
    assert!(found(&care, "spreading_up_the_leg"), "{care:?}");
    let why = care.map(|c| c.why.join("\n")).unwrap_or_default();
    let line = why
        .lines()
        .find(|l| l.starts_with("Spreading"))
        .unwrap_or_default();
    assert!(line.contains("calf"), "{why}");
    assert!(!line.contains("toes"), "{why}");
}

#[test]
fn lower_leg_tingles_that_settled_are_booked_whichever_leg_had_them_twice() {
    // The clinician's twenty-second review: left, left, right was urgent
    // ("now in both legs" while the second left one's booking waited), the
    // other orders booked.
    let calf = |d, s| {
        side(
            minute(
                cleared(
                    at(began(felt(d, 1), Onset::During), &[Spot::Calf]),
                    Cleared::Quickly,
                ),
                30,
            ),
            s,
        )
    };
    for order in [
        [Side::Left, Side::Left, Side::Right],
        [Side::Right, Side::Left, Side::Left],
        [Side::Left, Side::Right, Side::Left],
    ] {
        let journal = vec![calf(1, order[0]), calf(4, order[1]), calf(8, order[2])];
        let care = care_on(journal, 8);
        assert_eq!(
            care.as_ref().map(|c| c.level),
            Some(CareLevel::Book),
            "{order:?}: {care:?}"
        );
    }
}

#[test]
fn a_whole_leg_tingle_gone_within_the_hour_is_booked_not_an_emergency() {
    // The clinician's twenty-second review: 15 minutes was booked and 16
    // an emergency, two levels in a minute for a tingle that settled.
    for gone in [15, 16, 45, 60] {
        let mut c = on_a_run(2, 1, &[Spot::Toes, Spot::Calf, Spot::Thigh]);
        c.cleared = None;
        c.cleared_minutes = Some(gone);
        let care = care_on(vec![fine(0), c], 2);
        expect(&care, CareLevel::Book, When::OneWeek, "whole_leg_tingling");
    }
    // Partly numb stays the emergency; gone after hours is booked within 2
    // working days since the twenty-third review (tests/care_rules_review23.rs).
    let mut c = on_a_run(2, 2, &[Spot::Toes, Spot::Calf, Spot::Thigh]);
    c.cleared = Some(Cleared::Hours);
    let care = care_on(vec![fine(0), c], 2);
    assert_eq!(care.map(|c| c.level), Some(CareLevel::Emergency));
}

#[test]
fn a_tingle_that_moves_from_one_part_of_the_foot_to_another_is_not_spreading() {
    // The clinician's twenty-second review: the toes, then four days later
    // the heel, each gone in minutes, was "Spreading" and booked.
    let care = care_on(
        vec![on_a_run(2, 1, &[Spot::Toes]), on_a_run(6, 1, &[Spot::Heel])],
        6,
    );
    assert!(care.is_none(), "{care:?}");
    // The toes again with the heel is wider: booked.
    let care = care_on(
        vec![
            on_a_run(2, 1, &[Spot::Toes]),
            on_a_run(6, 1, &[Spot::Toes, Spot::Heel]),
        ],
        6,
    );
    assert!(found(&care, "spreading_in_the_foot"), "{care:?}");
}
