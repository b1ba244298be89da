//! Care rules written from a clinician's fourth review (2026-12-05): journals
//! over weeks that the table read too lightly, or two ways, each held with
//! the same facts said the other way beside it.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CareLevel, CheckIn, Cleared, Flag, Health, Onset, Side, Spot, When};
use common::*;

/// Numbness with a run at `minute`, gone after `cleared` minutes.
fn run_numb(offset: u64, level: u8, spots: &[Spot], cleared: u32) -> CheckIn {
    let mut c = minute(at(began(felt(offset, level), Onset::During), spots), 25);
    c.cleared_minutes = Some(cleared);
    c
}

#[test]
fn leg_numb_for_hours_after_a_run_books_a_sports_doctor_within_two_working_days() {
    // Foot and calf, the calf alone, or the whole foot and ankle: partly
    // numb for hours after a run is the lingering, compartment-like
    // pattern, on this check-in alone (no earlier tingle needed).
    for spots in [
        &[Spot::WholeFoot, Spot::Calf][..],
        &[Spot::Calf],
        &[Spot::WholeFoot, Spot::Ankle],
    ] {
        let bad = cleared(at(began(felt(4, 2), Onset::After), spots), Cleared::Hours);
        let care = care_on(vec![fine(1), bad.clone()], 5);
        expect(
            &care,
            CareLevel::Book,
            When::TwoWorkingDays,
            "leg_numb_for_hours_after_exercise",
        );
        // In minutes, the same fact; with the time of onset not said, the
        // same careful reading.
        let mut minutes = bad.clone();
        minutes.cleared = None;
        minutes.cleared_minutes = Some(150);
        minutes.onset = None;
        let care = care_on(vec![fine(1), minutes], 5);
        assert_eq!(
            care.map(|c| (c.level, c.when)),
            Some((CareLevel::Book, When::TwoWorkingDays)),
            "{spots:?}"
        );
    }
    // A foot alone for hours stays a step back, not a booking.
    let foot = cleared(
        at(began(felt(4, 2), Onset::After), &[Spot::Toes, Spot::Ball]),
        Cleared::Hours,
    );
    assert!(care_on(vec![fine(1), foot], 5).is_none());
}

#[test]
fn numbness_slower_to_clear_run_after_run_books_a_clinician() {
    // The same start minute on four runs in six days, gone after 5, 15,
    // 35 and then 55 minutes: recovery time growing.
    let spots = [Spot::Toes, Spot::Ball];
    let journal = vec![
        run_numb(1, 1, &spots, 5),
        run_numb(2, 1, &spots, 15),
        run_numb(4, 1, &spots, 35),
        run_numb(6, 1, &spots, 55),
    ];
    let care = care_on(journal.clone(), 7);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "slower_and_slower_to_clear",
    );
    // With clear days logged between, and said as "quickly" where it was:
    // the same.
    let mut logged = vec![fine(0), fine(3), fine(5)];
    logged.extend(journal.iter().cloned().map(|mut c| {
        if c.cleared_minutes.is_some_and(|m| m <= 15) {
            c.cleared_minutes = None;
            c.cleared = Some(Cleared::Quickly);
        }
        c
    }));
    logged.sort_by_key(|c| c.date);
    expect(
        &care_on(logged, 7),
        CareLevel::Book,
        When::OneWeek,
        "slower_and_slower_to_clear",
    );
    // Slower still at any step is never milder: the first or the second
    // taking hours, or not gone (a clinician's fifth review found 20, 35,
    // 50 minutes booked and hours, 35, 50 not).
    for slower in [Cleared::Hours, Cleared::NotYet] {
        for at in [0, 1] {
            let mut worse = vec![
                run_numb(1, 1, &spots, 20),
                run_numb(3, 1, &spots, 35),
                run_numb(5, 1, &spots, 50),
            ];
            worse[at].cleared_minutes = None;
            worse[at].cleared = Some(slower);
            let care = care_on(worse, 6);
            assert!(
                care.as_ref().is_some_and(|c| c.level <= CareLevel::Book),
                "{slower:?} at {at}: {care:?}"
            );
        }
    }
    // The same times in another order are no trend.
    let shuffled = vec![
        run_numb(1, 1, &spots, 35),
        run_numb(2, 1, &spots, 55),
        run_numb(4, 1, &spots, 5),
        run_numb(6, 1, &spots, 15),
    ];
    assert!(!found(&care_on(shuffled, 7), "slower_and_slower_to_clear"));
}

#[test]
fn no_feeling_twice_books_a_clinician_even_when_it_came_back_in_minutes() {
    let lost = |d| {
        cleared(
            at(began(felt(d, 3), Onset::During), &[Spot::Toes]),
            Cleared::Quickly,
        )
    };
    // Once, back in minutes: a step back, no booking.
    assert!(care_on(vec![fine(0), lost(1)], 2).is_none());
    // Twice in three days, or three weeks apart with clear runs between.
    expect(
        &care_on(vec![fine(0), lost(1), lost(3)], 4),
        CareLevel::Book,
        When::OneWeek,
        "no_feeling_twice",
    );
    expect(
        &care_on(vec![lost(1), fine(8), fine(15), lost(22)], 22),
        CareLevel::Book,
        When::OneWeek,
        "no_feeling_twice",
    );
    // The lace pattern (the top of the foot only, eased by loosening the
    // laces) stays with the lacing rows.
    let laces = |d| {
        eased(
            cleared(
                at(began(felt(d, 3), Onset::During), &[Spot::Top]),
                Cleared::Quickly,
            ),
            comeback::checkin::Ease::LooseningLaces,
        )
    };
    assert!(!found(
        &care_on(vec![laces(1), laces(3)], 4),
        "no_feeling_twice"
    ));
}

#[test]
fn back_pain_with_numbness_on_each_side_weeks_apart_is_urgent() {
    // The left calf with back pain, the right calf partly numb 17 days
    // later: the episode window of 14 days must not decide a red flag.
    // (A tingle gone in minutes on each side is booked: the clinician's
    // twenty-second review, tests/care_rules_review22.rs.)
    for gap in [13, 17, 30] {
        let left = side(
            flagged(
                cleared(
                    at(began(felt(1, 1), Onset::During), &[Spot::Calf]),
                    Cleared::Quickly,
                ),
                Flag::BackPain,
            ),
            Side::Left,
        );
        let right = side(
            cleared(
                at(began(felt(1 + gap, 2), Onset::During), &[Spot::Calf]),
                Cleared::Quickly,
            ),
            Side::Right,
        );
        expect(
            &care_on(vec![left, right], 1 + gap),
            CareLevel::Urgent,
            When::Today,
            "both_sides_with_back_pain",
        );
    }
}

#[test]
fn with_circulation_problems_numbness_for_forty_minutes_books_however_its_onset_is_said() {
    // Known circulation disease lowers the threshold: partly numb for 40
    // minutes with a run books a GP or vascular clinic within 2 working
    // days, said as during, after or not said.
    for onset in [Some(Onset::During), Some(Onset::After), None] {
        let mut c = at(felt(3, 2), &[Spot::Toes, Spot::Ball]);
        c.onset = onset;
        c.cleared_minutes = Some(40);
        let care = care_with(&[Health::Circulation], vec![fine(1), c], 4);
        expect(
            &care,
            CareLevel::Book,
            When::TwoWorkingDays,
            "claudication_with_circulation_problems",
        );
    }
}

#[test]
fn a_note_naming_bladder_trouble_or_a_leg_giving_way_in_other_words_asks_to_record_it() {
    // The clinician's twenty-first review: "wet myself a little on the long
    // run" and a leg that "gave way" got no line; "during the run" is not
    // about the bladder.
    let asked = |note: &str| {
        let mut c = tingle(2);
        c.note = Some(note.into());
        let a = assess_with(&[], vec![fine(0), c], vec![], 2);
        a.verdict
            .advice
            .iter()
            .filter(|l| l.contains("--flag"))
            .cloned()
            .collect::<Vec<String>>()
            .join(" ")
    };
    for note in [
        "wet myself a little on the long run, never happened before",
        "some incontinence at the end",
        "couldn't pee properly after",
    ] {
        assert!(asked(note).contains("--flag bladder_bowel"), "{note}");
    }
    for note in ["my knee gave way on the hill", "left leg buckled twice"] {
        assert!(asked(note).contains("--flag weakness"), "{note}");
    }
    assert!(asked("tingled during the run, speed work").is_empty());
}

#[test]
fn a_note_naming_a_warning_sign_not_ticked_asks_to_record_it() {
    // Nothing is decided from free text (DESIGN.md §4 v3, step 7), but a
    // symptomatic check-in whose note speaks of a slapping foot and a weak
    // ankle gets one line asking for the sign to be recorded.
    let mut c = tingle(2);
    c.note = Some("Foot slapping and I tripped twice, ankle felt weak".into());
    let a = assess_with(&[], vec![fine(0), c.clone()], vec![], 2);
    assert!(a.verdict.care.is_none(), "nothing is decided from a note");
    let asks: Vec<&String> = a
        .verdict
        .advice
        .iter()
        .filter(|l| l.contains("--flag"))
        .collect();
    assert_eq!(asks.len(), 1, "{:?}", a.verdict.advice);
    assert!(asks[0].contains("--flag weakness"), "{}", asks[0]);
    // Ticked, the line goes.
    let ticked = flagged(c, Flag::Weakness);
    let a = assess_with(&[], vec![fine(0), ticked], vec![], 2);
    assert!(
        !a.verdict
            .advice
            .iter()
            .any(|l| l.contains("--flag weakness"))
    );
}

#[test]
fn the_monday_after_symptoms_moved_the_plan_is_headed_hold_or_step_back_never_on_track() {
    // DESIGN.md §4 v3, step 5: the headline never contradicts the lines
    // below it. Tingling on every run last week repeats the stage; partly
    // numb with a run steps back. `status` stays this week's own. (One
    // spell of days: two spells five days apart book a clinician, however
    // the plan's weeks fall.)
    let every_run = vec![tingle(1), tingle(2), tingle(4)];
    let a = assess_with(&[], every_run, vec![], 7);
    assert_eq!(a.verdict.label(), "HOLD");
    assert_eq!(a.verdict.headline(), "this week repeats the stage");
    assert_eq!(a.verdict.status.as_str(), "on_track");
    // (A clean first week moves to stage 2; partly numb in the second
    // steps back to stage 1 on the Monday after.)
    let numb = vec![
        fine(1),
        fine(3),
        fine(6),
        fine(8),
        cleared(began(felt(10, 2), Onset::During), Cleared::Quickly),
    ];
    let a = assess_with(&[], numb, vec![], 14);
    assert_eq!(a.verdict.label(), "STEP BACK");
    assert!(
        a.verdict
            .headline()
            .starts_with("this week runs the stage before")
    );
}

#[test]
fn numbness_not_cleared_and_a_week_of_silence_says_to_book_if_it_is_still_there() {
    let stuck = cleared(
        at(began(felt(1, 2), Onset::During), &[Spot::WholeFoot]),
        Cleared::NotYet,
    );
    let said = |today| {
        assess_with(&[], vec![fine(0), stuck.clone()], vec![], today)
            .verdict
            .reasons
            .iter()
            .any(|r| r.contains("If it is still there, book a clinician within a week."))
    };
    assert!(!said(4), "three days on: how is it now?");
    assert!(said(11), "ten days on: a week unresolved is a clinician's");
}

// From a clinician's fifth review (2026-12-05): where the table booked what
// a clinician would hold.

fn lace(offset: u64, side_of: Side) -> CheckIn {
    side(
        eased(
            cleared(
                at(began(felt(offset, 1), Onset::During), &[Spot::Top]),
                Cleared::Quickly,
            ),
            comeback::checkin::Ease::LooseningLaces,
        ),
        side_of,
    )
}

#[test]
fn the_lace_pattern_on_one_foot_then_the_other_is_both_shoes_not_both_nerves() {
    // Not "moved to the other side"; with back pain, not "both sides"; with
    // circulation problems, not claudication.
    let laces = vec![lace(1, Side::Left), lace(4, Side::Right)];
    assert!(care_on(laces.clone(), 5).is_none());
    let with_back_pain = vec![
        flagged(rest(0), Flag::BackPain),
        lace(1, Side::Left),
        lace(4, Side::Right),
    ];
    assert!(!found(
        &care_on(with_back_pain, 5),
        "both_sides_with_back_pain"
    ));
    let circulation = care_with(&[Health::Circulation], vec![lace(1, Side::Left)], 2);
    assert!(!found(
        &circulation,
        "claudication_with_circulation_problems"
    ));
    // The toes on one foot, then the other: a nerve's, booked.
    let toes = |d, s| {
        let mut c = lace(d, s);
        c.spots = vec![Spot::Toes];
        c.eased_by.clear();
        c
    };
    let care = care_on(vec![toes(1, Side::Left), toes(4, Side::Right)], 5);
    assert!(found(&care, "moved_to_the_other_side"), "{care:?}");
}

#[test]
fn calf_cramps_at_night_are_not_the_exertional_pattern() {
    let night_cramp = |d| {
        flagged(
            cleared(began(rest(d), Onset::Night), Cleared::Quickly),
            Flag::CalfTightness,
        )
    };
    let care = care_on(vec![night_cramp(1), night_cramp(15)], 15);
    assert!(!found(&care, "calf_tightness_settled"), "{care:?}");
    // Twice with runs: a sports doctor within 2 working days.
    let run_cramp = |d| {
        flagged(
            cleared(began(fine(d), Onset::During), Cleared::Quickly),
            Flag::CalfTightness,
        )
    };
    expect(
        &care_on(vec![run_cramp(1), run_cramp(15)], 15),
        CareLevel::Book,
        When::TwoWorkingDays,
        "calf_tightness_settled",
    );
}

#[test]
fn back_pain_alone_is_no_numbness_matter_but_with_numbness_books() {
    assert!(care_on(vec![flagged(rest(1), Flag::BackPain)], 2).is_none());
    let care = care_on(vec![flagged(rest(1), Flag::BackPain), tingle(4)], 4);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "numbness_with_back_pain",
    );
}

#[test]
fn a_brief_tingle_at_rest_or_in_the_warm_up_after_a_step_back_holds() {
    // Partly numb with a run in week 1 steps back; three weeks later a
    // 2-minute posture tingle at rest, or a tingle at minute 3 gone at
    // once, is not "back after a step back".
    let step_back = cleared(
        at(began(felt(2, 2), Onset::During), &[Spot::Toes]),
        Cleared::Quickly,
    );
    let posture = cleared(
        at(began(rest(23), Onset::Rest), &[Spot::Toes]),
        Cleared::Quickly,
    );
    let warm_up = cleared(
        minute(at(began(felt(23, 1), Onset::During), &[Spot::Toes]), 3),
        Cleared::Quickly,
    );
    for brief in [posture, warm_up] {
        let care = care_on(
            vec![fine(0), step_back.clone(), fine(9), fine(16), brief],
            23,
        );
        assert!(!found(&care, "back_after_a_step_back"), "{care:?}");
    }
    // A tingle at minute 20 within the episode is back; three weeks on,
    // after the episode ended, it is a new one's hold unless as bad as the
    // step back called for (the twenty-first review).
    let later = |d| {
        cleared(
            minute(at(began(felt(d, 1), Onset::During), &[Spot::Toes]), 20),
            Cleared::Quickly,
        )
    };
    let care = care_on(vec![fine(0), step_back.clone(), fine(9), later(12)], 12);
    assert!(found(&care, "back_after_a_step_back"), "{care:?}");
    let care = care_on(
        vec![fine(0), step_back.clone(), fine(9), fine(16), later(23)],
        23,
    );
    assert!(!found(&care, "back_after_a_step_back"), "{care:?}");
    let as_bad = at(began(felt(23, 2), Onset::During), &[Spot::Toes]);
    let care = care_on(vec![fine(0), step_back, fine(9), fine(16), as_bad], 23);
    assert!(found(&care, "back_after_a_step_back"), "{care:?}");
}

#[test]
fn two_days_of_one_week_count_as_one_week_however_the_weeks_are_counted() {
    // Tue and Thu of the plan's first week, then a Tuesday four weeks on:
    // two weeks with symptoms, not three.
    let care = care_on(
        vec![tingle(1), tingle(3), fine(10), fine(17), tingle(29)],
        29,
    );
    assert!(!found(&care, "symptoms_in_three_weeks_of_six"), "{care:?}");
    // Three days 9 and 10 days apart are three weeks whatever the plan's
    // weeks (round 3).
    let care = care_on(vec![tingle(3), tingle(12), tingle(22)], 22);
    assert!(found(&care, "symptoms_in_three_weeks_of_six"), "{care:?}");
}
