//! The care rules the clinician's thirty-first round reshaped, as journals
//! over weeks with a clearance between: after a clearance, one check-in
//! is read on its own. Above the ankle, at rest, slow to go or with no
//! side said, it goes back to the clinician who cleared it; a brief tingle
//! of part of one foot on a run is judged afresh. A wider picture before
//! the clearance never makes the check-ins after it milder (DESIGN §4 P5).

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CareLevel, CheckIn, Side, Spot, When};
use common::*;

/// Partly numb over the whole left foot on runs on days 1 and 3, gone in
/// 20 minutes: booked, then cleared on day 8.
fn whole_foot_cleared() -> Vec<CheckIn> {
    let whole = |d| during(d, 2, &[Spot::WholeFoot], Side::Left, 25, 20);
    let before = vec![fine(0), whole(1), whole(3)];
    assert!(
        care_on(before.clone(), 3).is_some(),
        "the whole foot twice books"
    );
    before
}

fn after(one: CheckIn) -> Option<comeback::checkin::Care> {
    let mut journal = whole_foot_cleared();
    let today = (one.date - day(0)).num_days() as u64;
    journal.push(one);
    assess_with(&[], journal, vec![clearance(8)], today)
        .verdict
        .care
}

#[test]
fn a_tingle_above_the_ankle_after_a_clearance_goes_back_to_the_clinician() {
    // The shin on a run, gone in 10 minutes; the lower leg for 55; the
    // shin with no side said.
    let shin = during(20, 1, &[Spot::Shin], Side::Left, 25, 10);
    let lower_leg = during(
        20,
        1,
        &[Spot::Ankle, Spot::Shin, Spot::Calf],
        Side::Left,
        25,
        55,
    );
    let mut no_side = shin.clone();
    no_side.side = None;
    for one in [shin, lower_leg, no_side] {
        let care = after(one.clone());
        expect(
            &care,
            CareLevel::Book,
            When::OneWeek,
            "wider_after_a_clearance",
        );
        let care = care.expect("care");
        assert_eq!(care.who, "the clinician who cleared you", "{one:?}");
    }
}

#[test]
fn a_brief_tingle_of_part_of_one_foot_on_a_run_after_a_clearance_is_judged_afresh() {
    // The toes of either foot on a run, gone in 10 minutes (the
    // clinician's twenty-third review); on the other foot at night, or
    // gone in 40 minutes, it is no longer brief.
    for on in [Side::Left, Side::Right] {
        let care = after(during(20, 1, &[Spot::Toes], on, 25, 10));
        assert!(!found(&care, "wider_after_a_clearance"), "{care:#?}");
    }
    let toes = during(20, 1, &[Spot::Toes], Side::Right, 25, 10);
    let mut slow = toes.clone();
    slow.cleared_minutes = Some(40);
    let mut night = toes;
    night.onset = Some(comeback::checkin::Onset::Night);
    night.minutes = None;
    for longer in [slow, night] {
        let care = after(longer);
        assert!(found(&care, "wider_after_a_clearance"), "{care:#?}");
    }
}

#[test]
fn a_higher_place_before_a_clearance_never_hides_the_shin_twice_after_it() {
    // Partly numb at the toes on runs, cleared; then a shin tingle twice
    // in five days. The thigh named beside the toes before the clearance
    // once made the shin lower than "as far up as it reached" and read
    // hold (the clinician's thirty-first round).
    let journal = |first: &[Spot]| {
        vec![
            during(1, 2, first, Side::Left, 25, 10),
            during(3, 2, &[Spot::Toes], Side::Left, 25, 10),
            during(13, 1, &[Spot::Shin], Side::Left, 25, 10),
            during(18, 1, &[Spot::Shin], Side::Left, 25, 10),
        ]
    };
    for first in [&[Spot::Toes][..], &[Spot::Toes, Spot::Thigh][..]] {
        let care = assess_with(&[], journal(first), vec![clearance(8)], 18)
            .verdict
            .care;
        assert!(
            found(&care, "cleared_numbness_back_twice_in_14_days")
                || found(&care, "cleared_numbness_back_twice_in_14_days_soon"),
            "{first:?}: {care:#?}"
        );
    }
}
