//! Care rules from a clinician's tenth review (2026-12-06): weakness or a
//! dropping foot in both legs, at once or one leg and then the other, is
//! an emergency, whatever the numbness with it; the same places named again
//! are not called spreading.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;

use comeback::checkin::{CareLevel, CheckIn, Cleared, Flag, Onset, SessionDone, Side, Spot, When};
use common::*;

/// Tingling toes at rest on day `d`, not gone, with `flag` on `side`.
fn weak(d: u64, flag: Flag, side_of: Side) -> CheckIn {
    side(
        flagged(
            cleared(
                at(began(resting(d, 1), Onset::Rest), &[Spot::Toes]),
                Cleared::NotYet,
            ),
            flag,
        ),
        side_of,
    )
}

#[test]
fn weakness_in_both_legs_is_an_emergency() {
    // Both sides on one check-in, weakness or a dropping foot alike.
    for flag in [Flag::Weakness, Flag::FootDrop] {
        let care = care_on(vec![fine(1), weak(3, flag, Side::Both)], 3);
        expect(
            &care,
            CareLevel::Emergency,
            When::Now,
            "weakness_in_both_legs",
        );
    }
    // Said on a day without numbness: the flag and its side alone.
    let mut only = CheckIn::symptom_free(day(3), Some(SessionDone::RestDay));
    only.flags = vec![Flag::FootDrop];
    only.side = Some(Side::Both);
    only.cleared = Some(Cleared::NotYet);
    let care = care_on(vec![fine(1), only], 3);
    expect(
        &care,
        CareLevel::Emergency,
        When::Now,
        "weakness_in_both_legs",
    );
    // One leg, then the other the next day.
    let journal = vec![
        fine(1),
        weak(2, Flag::Weakness, Side::Left),
        weak(3, Flag::Weakness, Side::Right),
    ];
    let care = care_on(journal.clone(), 3);
    expect(
        &care,
        CareLevel::Emergency,
        When::Now,
        "weakness_in_both_legs",
    );
    // One leg, then the other three weeks later with nothing between: two
    // episodes, and still both legs (within six weeks, in days: the
    // clinician's fourteenth review).
    let apart = vec![
        weak(2, Flag::Weakness, Side::Left),
        weak(24, Flag::FootDrop, Side::Right),
    ];
    expect(
        &care_on(apart, 24),
        CareLevel::Emergency,
        When::Now,
        "weakness_in_both_legs",
    );
    // The first leg's weakness cleared by a clinician, the other leg weak
    // two weeks later: that clinician never saw both legs (the clinician's
    // fourteenth review).
    let cleared_then = |later| {
        let journal = vec![
            weak(2, Flag::Weakness, Side::Left),
            weak(18, Flag::Weakness, later),
        ];
        assess_with(&[], journal, vec![clearance(4)], 18)
            .verdict
            .care
    };
    expect(
        &cleared_then(Side::Right),
        CareLevel::Emergency,
        When::Now,
        "weakness_in_both_legs",
    );
    // The same leg again after the clearance is that leg's weakness back.
    let care = cleared_then(Side::Left);
    assert!(!found(&care, "weakness_in_both_legs"), "{care:?}");
    // One leg alone stays urgent today.
    let care = care_on(journal[..2].to_vec(), 2);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "weakness_or_foot_drop",
    );
    assert!(!found(&care, "weakness_in_both_legs"), "{care:?}");
}

#[test]
fn weakness_with_no_side_and_then_in_one_leg_may_be_both_legs() {
    // The clinician's twentieth review: weakness ticked on a day without
    // numbness, no side said, cleared; the left leg weak 33 days later was
    // urgent, and the same with the first side said was an emergency.
    let mut unsaid = CheckIn::symptom_free(day(2), Some(SessionDone::RestDay));
    unsaid.flags = vec![Flag::Weakness];
    unsaid.cleared = Some(Cleared::Quickly);
    let left = weak(35, Flag::Weakness, Side::Left);
    for (clearances, first) in [
        (vec![], "weakness (side not said) on Wed 25 Nov; then"),
        (vec![clearance(3)], "the first cleared on Thu 26 Nov; then"),
    ] {
        let care = assess_with(&[], vec![unsaid.clone(), left.clone()], clearances, 35)
            .verdict
            .care;
        expect(
            &care,
            CareLevel::Emergency,
            When::Now,
            "weakness_in_both_legs",
        );
        let why = care.unwrap().why;
        assert!(why.iter().any(|w| w.contains(first)), "{why:#?}");
    }
    // Said the other way round, within the episode, the same.
    let mut later = unsaid.clone();
    later.date = day(5);
    let care = care_on(vec![weak(2, Flag::Weakness, Side::Right), later.clone()], 5);
    expect(
        &care,
        CareLevel::Emergency,
        When::Now,
        "weakness_in_both_legs",
    );
    // Twice with no side said at all: that leg's weakness, urgent today.
    let care = care_on(vec![unsaid, later], 5);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "weakness_or_foot_drop",
    );
    assert!(!found(&care, "weakness_in_both_legs"), "{care:?}");
}

#[test]
fn the_same_places_again_with_back_pain_are_booked_and_not_called_spreading() {
    // Tingling at the buttock and thigh on a run, with back pain, twice in
    // three days. The tenth review made it urgent; the twenty-first
    // (NHS Lothian: "deteriorating" radiculopathy is worse, not the same
    // again) books a GP or a physiotherapist, with the back's warning signs
    // to act on at once. Booked on the first; the second, tingling in the
    // leg again while runs wait, brings the booking forward (DESIGN.md §4
    // P5: had the first been lower down the leg, it would have spread).
    let buttock = |d: u64| {
        side(
            flagged(
                cleared(
                    at(
                        minute(began(felt(d, 1), Onset::During), 20),
                        &[Spot::Buttock, Spot::Thigh],
                    ),
                    Cleared::Quickly,
                ),
                Flag::BackPain,
            ),
            Side::Left,
        )
    };
    let care = care_on(vec![fine(1), buttock(2), buttock(4)], 4);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "above_the_knee_again",
    );
    assert!(found(&care, "back_while_booked_but_settled"), "{care:?}");
    assert!(!found(&care, "worse_with_back_pain"), "{care:?}");
    let care = care.unwrap();
    assert!(care.who.starts_with("a GP"), "{}", care.who);
    assert!(
        care.what_to_do().iter().any(|l| l
            == "If you already have an appointment for leg or foot numbness with back pain, ask to be seen sooner."),
        "{:?}",
        care.what_to_do()
    );
    assert!(
        care.what_to_do()
            .iter()
            .any(|l| l.contains("bladder or bowels"))
    );
    let why = care.why.join("\n");
    assert!(!why.contains("spreading"), "{why}");
    // Further up the second time: spreading.
    let calf = side(
        flagged(
            cleared(
                at(minute(began(felt(2, 1), Onset::During), 20), &[Spot::Calf]),
                Cleared::Quickly,
            ),
            Flag::BackPain,
        ),
        Side::Left,
    );
    // (Partly numb: a tingle reaching the thigh for minutes after one at
    // the calf is booked, the clinician's twenty-second review.)
    let mut higher = buttock(4);
    higher.numbness = comeback::checkin::Numbness::try_from(2).expect("a level");
    let care = care_on(vec![fine(1), calf, higher], 4);
    let why = care.as_ref().map(|c| c.why.join("\n")).unwrap_or_default();
    assert!(why.contains("Leg symptoms spreading"), "{why}");
}
