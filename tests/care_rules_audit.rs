//! Care rules written from a clinician's third review (2026-12-05): patterns
//! the table missed or judged two ways, each held as a journal the way a
//! runner keeps it, with the same facts said the other way beside it.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{
    Care, CareLevel, CheckIn, Clearance, Cleared, Ease, Flag, Health, Onset, Pattern, SessionDone,
    Side, Spot, When,
};
use common::*;

#[test]
fn no_feeling_for_hours_after_a_run_books_within_two_working_days() {
    // A clear run, then the whole foot and calf without feeling after a run,
    // back only three hours later; nothing logged the day between.
    let bad = cleared(
        at(
            began(felt(3, 3), Onset::After),
            &[Spot::WholeFoot, Spot::Calf],
        ),
        Cleared::Hours,
    );
    let care = care_on(vec![fine(1), bad.clone(), fine(5)], 5);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "no_feeling_slow_to_come_back",
    );
    // Said in minutes, the same fact.
    let mut minutes = bad;
    minutes.cleared = None;
    minutes.cleared_minutes = Some(180);
    let care = care_on(vec![fine(1), minutes], 5);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "no_feeling_slow_to_come_back",
    );
}

#[test]
fn a_painful_numb_shin_that_does_not_settle_after_a_run_is_urgent() {
    let shin = flagged(
        cleared(
            at(began(felt(4, 2), Onset::After), &[Spot::Shin, Spot::Top]),
            Cleared::NotYet,
        ),
        Flag::SharpPain,
    );
    let care = care_on(vec![fine(0), tingle(2), shin.clone()], 4);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "painful_numb_lower_leg_not_settling",
    );
    // Named the calf with the tightness ticked too: more, never milder.
    let calf = flagged(at(shin, &[Spot::Calf]), Flag::CalfTightness);
    let care = care_on(vec![fine(0), tingle(2), calf], 4);
    assert_eq!(care.map(|c| c.level), Some(CareLevel::Emergency));
}

#[test]
fn a_foot_and_calf_gone_numb_at_rest_and_not_clearing_is_urgent() {
    let c = side(
        cleared(
            at(
                began(resting(2, 2), Onset::Rest),
                &[Spot::WholeFoot, Spot::Shin, Spot::Calf],
            ),
            Cleared::NotYet,
        ),
        Side::Left,
    );
    let care = care_on(vec![fine(0), c], 2);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "foot_and_leg_numb_at_rest_not_clearing",
    );
    // The foot alone at rest, not cleared, still books (not urgent).
    let foot = side(
        cleared(
            at(began(resting(2, 2), Onset::Rest), &[Spot::Toes]),
            Cleared::NotYet,
        ),
        Side::Left,
    );
    let care = care_on(vec![fine(0), foot], 2);
    assert_eq!(care.map(|c| c.level), Some(CareLevel::Book));
}

#[test]
fn back_pain_with_numbness_on_both_sides_is_urgent() {
    // Both feet partly numb after a run, for hours, with new back pain.
    let both = flagged(
        side(
            cleared(
                at(began(felt(3, 2), Onset::After), &[Spot::Toes, Spot::Ball]),
                Cleared::Hours,
            ),
            Side::Both,
        ),
        Flag::BackPain,
    );
    let care = care_on(vec![fine(1), both.clone()], 3);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "both_sides_with_back_pain",
    );
    // One foot and then the other a few days apart, the back pain on the
    // first, the later one slow to go: the same. (Both tingles gone in
    // minutes are booked: the clinician's twenty-second review,
    // tests/care_rules_review22.rs.)
    let right = flagged(
        side(
            cleared(
                at(began(felt(1, 1), Onset::During), &[Spot::Toes]),
                Cleared::Quickly,
            ),
            Side::Right,
        ),
        Flag::BackPain,
    );
    let left = side(
        cleared(
            at(began(felt(5, 1), Onset::During), &[Spot::Toes]),
            Cleared::Hours,
        ),
        Side::Left,
    );
    let care = care_on(vec![right.clone(), fine(3), left], 5);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "both_sides_with_back_pain",
    );
    // Both feet the first day and then one (one more symptom than the
    // right foot first): never milder.
    let first_both = side(right, Side::Both);
    let later = side(
        cleared(
            at(began(felt(5, 1), Onset::During), &[Spot::Toes]),
            Cleared::Quickly,
        ),
        Side::Right,
    );
    let care = care_on(vec![first_both, fine(3), later], 5);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "both_sides_with_back_pain",
    );
    // Six weeks in days, not plan weeks: back pain on a Sunday 36 days
    // before counts as on the Monday after (the clinician's fourteenth
    // review).
    let toes = |d, s| {
        side(
            cleared(
                at(began(felt(d, 1), Onset::During), &[Spot::Toes]),
                Cleared::Hours,
            ),
            s,
        )
    };
    let pain = flagged(fine(6), Flag::BackPain);
    let journal = vec![pain, toes(20, Side::Right), toes(42, Side::Left)];
    expect(
        &care_on(journal, 42),
        CareLevel::Urgent,
        When::Today,
        "both_sides_with_back_pain",
    );
    // Care for back pain with one foot, cleared; then both feet, or the
    // other foot, within six weeks: the clinician cleared another picture
    // (the clinician's fifteenth review).
    for later in [Side::Both, Side::Left] {
        let first = flagged(toes(1, Side::Right), Flag::BackPain);
        let care = assess_with(&[], vec![first, toes(17, later)], vec![clearance(2)], 17)
            .verdict
            .care;
        expect(
            &care,
            CareLevel::Urgent,
            When::Today,
            "both_sides_with_back_pain",
        );
    }
    // The same foot again is that care back, not both sides.
    let first = flagged(toes(1, Side::Right), Flag::BackPain);
    let care = assess_with(
        &[],
        vec![first, toes(17, Side::Right)],
        vec![clearance(2)],
        17,
    )
    .verdict
    .care;
    assert!(!found(&care, "both_sides_with_back_pain"), "{care:?}");
}

#[test]
fn both_feet_partly_numb_at_rest_and_not_clearing_is_urgent() {
    let c = side(
        cleared(
            at(began(resting(3, 2), Onset::Rest), &[Spot::WholeFoot]),
            Cleared::NotYet,
        ),
        Side::Both,
    );
    let care = care_on(vec![fine(0), c], 3);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "both_feet_at_rest_not_clearing",
    );
    // Both ankles are both feet for the book rules too.
    let ankles = side(
        cleared(
            at(began(resting(3, 1), Onset::Rest), &[Spot::Ankle]),
            Cleared::Quickly,
        ),
        Side::Both,
    );
    let care = care_on(vec![fine(0), ankles], 3);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "both_feet_again_or_at_rest",
    );
}

#[test]
fn with_circulation_problems_numbness_not_gone_after_a_run_is_urgent() {
    let c = |clear: Cleared| {
        side(
            cleared(minute(at(felt(2, 1), &[Spot::Sole, Spot::Arch]), 15), clear),
            Side::Left,
        )
    };
    let health = [Health::Circulation];
    let care = care_with(&health, vec![fine(0), c(Cleared::NotYet)], 2);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "still_numb_with_circulation_problems",
    );
    // Hours: books the vascular clinic within 2 working days; not yet is
    // never milder than hours.
    let care = care_with(
        &health,
        vec![fine(0), eased(c(Cleared::Hours), Ease::Stopping)],
        2,
    );
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "claudication_with_circulation_problems",
    );
}

#[test]
fn with_circulation_problems_numbness_gone_soon_after_stopping_is_claudication_either_way() {
    let calf = cleared(minute(at(felt(1, 1), &[Spot::Calf]), 12), Cleared::Quickly);
    let health = [Health::Circulation];
    let said = care_with(&health, vec![eased(calf.clone(), Ease::Stopping)], 1);
    let unsaid = care_with(&health, vec![calf], 1);
    expect(
        &said,
        CareLevel::Book,
        When::TwoWorkingDays,
        "claudication_with_circulation_problems",
    );
    expect(
        &unsaid,
        CareLevel::Book,
        When::TwoWorkingDays,
        "claudication_with_circulation_problems",
    );
}

#[test]
fn with_circulation_problems_numbness_at_night_books_a_vascular_clinic_soon() {
    let night = |d: u64| {
        let mut c = cleared(
            at(began(resting(d, 1), Onset::Night), &[Spot::Toes]),
            Cleared::Quickly,
        );
        c.cleared = None;
        c.cleared_minutes = Some(35);
        c
    };
    let care = care_with(&[Health::Circulation], vec![fine(0), night(2)], 2);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "at_rest_with_circulation_problems",
    );
    assert_eq!(
        care.map(|c| c.who),
        Some("a GP or a vascular clinic".to_string())
    );
    // A night tingle gone within minutes too, as a quick tingle on a run
    // is (the clinician's twelfth review: at rest is never the milder).
    let quick = cleared(
        at(began(resting(2, 1), Onset::Night), &[Spot::Toes]),
        Cleared::Quickly,
    );
    let run = cleared(
        at(minute(began(felt(2, 1), Onset::During), 15), &[Spot::Toes]),
        Cleared::Quickly,
    );
    let when = |c: Option<comeback::checkin::Care>| c.map(|c| (c.level, c.when, c.who));
    let at_night = when(care_with(&[Health::Circulation], vec![fine(0), quick], 2));
    assert_eq!(
        at_night,
        when(care_with(&[Health::Circulation], vec![fine(0), run], 2))
    );
    assert_eq!(
        at_night.map(|(_, when, _)| when),
        Some(When::TwoWorkingDays)
    );
}

#[test]
fn the_sole_said_as_one_place_or_as_ball_arch_and_heel_is_the_same() {
    let toes = cleared(
        at(began(felt(1, 1), Onset::During), &[Spot::Toes]),
        Cleared::Quickly,
    );
    let later = |spots: &[Spot]| {
        cleared(
            at(began(felt(4, 1), Onset::During), spots),
            Cleared::Quickly,
        )
    };
    let sole = care_on(vec![toes.clone(), later(&[Spot::Sole])], 4);
    let parts = care_on(vec![toes, later(&[Spot::Ball, Spot::Arch, Spot::Heel])], 4);
    assert_eq!(
        sole.as_ref().map(|c| (c.level, c.when, c.pattern)),
        parts.as_ref().map(|c| (c.level, c.when, c.pattern))
    );
    assert!(found(&sole, "spreading_up_the_leg"));
}

#[test]
fn the_lace_pattern_on_both_feet_is_lacing_not_both_feet() {
    let laces = |d: u64| {
        side(
            eased(
                cleared(
                    at(began(felt(d, 1), Onset::During), &[Spot::Top]),
                    Cleared::Quickly,
                ),
                Ease::LooseningLaces,
            ),
            Side::Both,
        )
    };
    let care = care_on(vec![laces(1), fine(3), laces(8)], 8);
    assert!(!found(&care, "both_feet_again_or_at_rest"), "{care:?}");
}

// A second round of the same review.

#[test]
fn partly_numb_for_hours_three_weeks_apart_keeps_coming_back_and_books() {
    // Three bad runs three weeks apart, clear runs logged between: each a
    // new episode, never 14 days close.
    let bad = |d: u64| {
        cleared(
            minute(
                at(side(felt(d, 2), Side::Left), &[Spot::Toes, Spot::Ball]),
                30,
            ),
            Cleared::Hours,
        )
    };
    let mut journal = vec![bad(1), fine(3), fine(6)];
    assert!(care_on(journal.clone(), 6).is_none(), "once is a step back");
    journal.extend([bad(22), fine(24)]);
    expect(
        &care_on(journal, 24),
        CareLevel::Book,
        When::OneWeek,
        "back_after_a_step_back",
    );
}

#[test]
fn a_painful_numb_shin_is_one_pattern_whichever_word_is_ticked() {
    let shin = |flag: Flag, how: Cleared| {
        flagged(
            cleared(at(began(felt(4, 2), Onset::After), &[Spot::Shin]), how),
            flag,
        )
    };
    // Settled within 15 minutes: a sports doctor within 2 working days,
    // said as sharp pain or as tightness.
    for flag in [Flag::SharpPain, Flag::CalfTightness] {
        let care = care_on(vec![fine(1), shin(flag, Cleared::Quickly)], 4);
        expect(
            &care,
            CareLevel::Book,
            When::TwoWorkingDays,
            "calf_tightness_settled",
        );
    }
    // Hours to settle with sharp pain: urgent, as with tightness.
    let care = care_on(vec![fine(1), shin(Flag::SharpPain, Cleared::Hours)], 4);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "painful_numb_lower_leg_not_settling",
    );
}

#[test]
fn no_feeling_for_three_quarters_of_an_hour_after_a_run_books_too() {
    let mut c = minute(at(felt(2, 3), &[Spot::Toes, Spot::Ball, Spot::Arch]), 30);
    c.cleared_minutes = Some(45);
    let care = care_on(vec![fine(0), c], 2);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "no_feeling_slow_to_come_back",
    );
}

#[test]
fn a_foot_and_calf_still_numb_after_a_run_is_urgent_like_at_rest() {
    let after = cleared(
        at(
            began(felt(2, 2), Onset::After),
            &[Spot::Calf, Spot::Top, Spot::Toes],
        ),
        Cleared::NotYet,
    );
    let care = care_on(vec![fine(0), after], 2);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "foot_and_leg_still_numb_after_exercise",
    );
    // The ankle is the foot's end of the leg: ankle and shin at rest too.
    let ankle = cleared(
        at(
            began(resting(2, 2), Onset::Rest),
            &[Spot::Ankle, Spot::Shin],
        ),
        Cleared::NotYet,
    );
    let care = care_on(vec![fine(0), ankle], 2);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "foot_and_leg_numb_at_rest_not_clearing",
    );
}

#[test]
fn with_circulation_problems_a_wound_not_felt_is_seen_today() {
    let wound = flagged(
        CheckIn::symptom_free(day(3), Some(SessionDone::RestDay)),
        Flag::FootWound,
    );
    let care = care_with(&[Health::Circulation], vec![fine(1), wound], 3);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "foot_wound_with_circulation_problems",
    );
    // And numb toes at rest not gone: as urgent as after a run.
    let toes = cleared(
        at(began(resting(3, 2), Onset::Rest), &[Spot::Toes]),
        Cleared::NotYet,
    );
    let care = care_with(&[Health::Circulation], vec![fine(1), toes], 3);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "still_numb_with_circulation_problems",
    );
}

#[test]
fn a_run_that_went_numb_much_earlier_than_the_two_before_books_whatever_their_order() {
    let run = |d: u64, m: u32| cleared(minute(at(felt(d, 1), &[Spot::Toes]), m), Cleared::Quickly);
    let care = care_on(vec![run(1, 25), run(3, 26), run(6, 12)], 6);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "onset_earlier_and_earlier",
    );
}

#[test]
fn both_feet_partly_numb_for_hours_after_a_run_books_a_gp() {
    let both = side(
        cleared(
            at(began(felt(2, 2), Onset::After), &[Spot::Toes, Spot::Ball]),
            Cleared::Hours,
        ),
        Side::Both,
    );
    let care = care_on(vec![fine(0), both], 2);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "both_feet_again_or_at_rest",
    );
}

// A third round of the same review.

/// Care opened by quick toe tingles in three separate weeks, cleared by a
/// clinician on day 20.
fn cleared_toes() -> (Vec<CheckIn>, Vec<Clearance>) {
    (vec![tingle(1), tingle(8), tingle(15)], vec![clearance(20)])
}

fn after_clearance(extra: Vec<CheckIn>, today: u64) -> Option<Care> {
    let (mut checkins, clearances) = cleared_toes();
    assert!(
        assess_with(&[], checkins.clone(), vec![], 16)
            .verdict
            .care
            .is_some()
    );
    checkins.extend(extra);
    assess_with(&[], checkins, clearances, today).verdict.care
}

#[test]
fn after_a_clearance_numbness_wider_than_before_goes_back_to_the_clinician() {
    let whole = cleared(
        at(began(felt(24, 1), Onset::During), &[Spot::WholeFoot]),
        Cleared::Quickly,
    );
    let care = after_clearance(vec![fine(22), whole], 24);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "wider_after_a_clearance",
    );
    assert_eq!(care.map(|c| c.pattern), Some(Pattern::BackAfterClearance));
    let both = side(tingle(24), Side::Both);
    let care = after_clearance(vec![fine(22), both], 24);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "wider_after_a_clearance",
    );
}

#[test]
fn after_a_clearance_a_new_place_twice_is_no_milder_than_the_old_one() {
    let heel = |d: u64| {
        cleared(
            at(began(felt(d, 1), Onset::During), &[Spot::Heel]),
            Cleared::Quickly,
        )
    };
    let care = after_clearance(vec![heel(23), heel(27)], 27);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "cleared_numbness_back_twice_in_14_days",
    );
}

#[test]
fn three_bad_days_nineteen_days_apart_are_three_weeks_whatever_weekday_they_fall_on() {
    let bad = |d: u64| {
        cleared(
            at(began(felt(d, 2), Onset::During), &[Spot::Toes]),
            Cleared::Quickly,
        )
    };
    // (Booked on the second; partly numb again on the third, while runs
    // wait, brings the booking forward.)
    for first in [3, 6] {
        let days = [first, first + 19, first + 38];
        let care = care_on(days.iter().map(|d| bad(*d)).collect(), first + 38);
        expect(
            &care,
            CareLevel::Book,
            When::TwoWorkingDays,
            "symptoms_in_three_weeks_of_six",
        );
        assert!(found(&care, "back_while_booked_but_settled"), "{care:#?}");
    }
}

#[test]
fn hours_to_clear_up_to_the_ankle_while_booked_is_urgent() {
    // Booked for a cold foot that settled; then, still running, partly
    // numb for hours up to the shin.
    let cold = flagged(tingle(1), Flag::ColdPale);
    let worse = cleared(
        at(
            began(felt(4, 2), Onset::After),
            &[Spot::WholeFoot, Spot::Ankle, Spot::Shin],
        ),
        Cleared::Hours,
    );
    assert_eq!(
        care_on(vec![cold.clone()], 1).map(|c| c.level),
        Some(CareLevel::Book)
    );
    let care = care_on(vec![cold, fine(2), worse], 4);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "progression_while_booked",
    );
}

#[test]
fn the_whole_foot_at_night_twice_holds_the_sole_and_heel() {
    let night = |d: u64| {
        cleared(
            at(began(resting(d, 1), Onset::Night), &[Spot::WholeFoot]),
            Cleared::Quickly,
        )
    };
    let care = care_on(vec![night(1), fine(5), night(22)], 22);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "sole_or_heel_at_night_twice",
    );
}

#[test]
fn no_feeling_in_both_feet_for_hours_on_a_run_is_urgent() {
    let both = side(
        cleared(
            at(began(felt(2, 3), Onset::During), &[Spot::Toes, Spot::Ball]),
            Cleared::Hours,
        ),
        Side::Both,
    );
    let care = care_on(vec![fine(0), both], 2);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "both_feet_at_rest_not_clearing",
    );
}

#[test]
fn a_place_already_reached_in_the_episode_is_not_spreading_again() {
    // The clinician's twentieth review: the calf and the buttock, then the
    // calf, then the calf and the buttock again read "Spreading", and the
    // calf after the buttock read "As far up the leg again".
    let up = |d: u64, spots: &[Spot]| {
        cleared(
            at(began(felt(d, 1), Onset::During), spots),
            Cleared::Quickly,
        )
    };
    let high = [Spot::Calf, Spot::Buttock];
    let care = care_on(vec![up(1, &high), up(5, &[Spot::Calf])], 5);
    let why = care.as_ref().map(|c| c.why.join(" ")).unwrap_or_default();
    assert!(!found(&care, "spreading_up_the_leg"), "{why}");
    assert!(why.contains("Up the leg again"), "{why}");
    assert!(!why.contains("As far up"), "{why}");
    let care = care_on(vec![up(1, &high), up(5, &[Spot::Calf]), up(8, &high)], 8);
    let why = care.as_ref().map(|c| c.why.join(" ")).unwrap_or_default();
    assert!(!found(&care, "spreading_up_the_leg"), "{why}");
    assert!(found(&care, "widespread_again"), "{why}");
    assert!(why.contains("As far up the leg again"), "{why}");
}

#[test]
fn the_whole_foot_numb_again_books_as_coming_back_not_as_spreading() {
    let whole = |d: u64| {
        cleared(
            at(began(felt(d, 1), Onset::During), &[Spot::WholeFoot]),
            Cleared::Quickly,
        )
    };
    let care = care_on(vec![whole(1), fine(3), whole(6)], 6);
    expect(&care, CareLevel::Book, When::OneWeek, "widespread_again");
    assert_eq!(
        care.as_ref().map(|c| c.pattern),
        Some(Pattern::KeepsComingBack)
    );
    assert!(!found(&care, "spreading_up_the_leg"));
    // From the toes to the whole foot is a spread, and only that.
    let care = care_on(vec![tingle(1), fine(3), whole(6)], 6);
    assert_eq!(care.as_ref().map(|c| c.pattern), Some(Pattern::Spreading));
    assert!(!found(&care, "widespread_again"));
    // The sole holds every part of the foot, and the words say the sole,
    // not "the whole foot" (the clinician's fourteenth review).
    let sole = |d: u64| {
        cleared(
            at(began(felt(d, 1), Onset::During), &[Spot::Sole]),
            Cleared::Quickly,
        )
    };
    let care = care_on(vec![sole(1), fine(3), sole(6)], 6);
    expect(&care, CareLevel::Book, When::OneWeek, "widespread_again");
    let why = care.map(|c| c.why).unwrap_or_default();
    assert!(
        why.iter()
            .any(|w| w.starts_with("Over as wide an area again: numbness at the sole")),
        "{why:?}"
    );
    assert!(!why.iter().any(|w| w.contains("whole foot")), "{why:?}");
}

#[test]
fn numbness_above_the_ankle_on_one_leg_and_then_the_other_is_urgent() {
    // A thigh tingle on the left during a run, gone in minutes; two days
    // later the same on the right, with a clear run logged between.
    let thigh = |offset, side_of| {
        side(
            cleared(
                minute(
                    at(began(felt(offset, 1), Onset::During), &[Spot::Thigh]),
                    30,
                ),
                Cleared::Quickly,
            ),
            side_of,
        )
    };
    let care = care_on(
        vec![thigh(1, Side::Left), fine(2), thigh(3, Side::Right)],
        3,
    );
    expect(&care, CareLevel::Urgent, When::Today, "both_legs_in_turn");
    // Both at once is the emergency it always was.
    let care = care_on(vec![fine(1), thigh(3, Side::Both)], 3);
    expect(&care, CareLevel::Emergency, When::Now, "both_legs");
    // A calf, then the other calf eleven days on, clear days logged
    // between: still one episode, still urgent.
    let calf = |offset, side_of| side(at(felt(offset, 1), &[Spot::Calf]), side_of);
    let mut journal = vec![calf(1, Side::Right)];
    journal.extend((2..12).map(fine));
    journal.push(calf(12, Side::Left));
    let care = care_on(journal, 12);
    expect(&care, CareLevel::Urgent, When::Today, "both_legs_in_turn");
    // Sixteen days apart, no clearance between: two episodes, but the
    // runner nobody has seen is no milder than one cleared between
    // (the clinician's twelfth review).
    let care = care_on(
        vec![calf(1, Side::Right), fine(3), calf(17, Side::Left)],
        17,
    );
    expect(&care, CareLevel::Urgent, When::Today, "both_legs_in_turn");
    // One leg, then a foot on the other side: not both legs.
    let foot = side(at(felt(3, 1), &[Spot::Toes]), Side::Right);
    let care = care_on(vec![thigh(1, Side::Left), foot], 3);
    assert!(!found(&care, "both_legs_in_turn"), "{care:?}");
}

#[test]
fn a_brief_calf_tingle_on_each_leg_in_turn_books_a_gp_within_a_week() {
    // The clinician's twentieth review: the right calf tingling at minute
    // 30 of a run, gone in minutes; nineteen days later the left the same.
    // Alternating sciatica is the red flag, not this: booked, with the
    // back's warning signs to act on at once.
    let calf = |offset, side_of| {
        side(
            cleared(
                minute(at(began(felt(offset, 1), Onset::During), &[Spot::Calf]), 30),
                Cleared::Quickly,
            ),
            side_of,
        )
    };
    let mut journal = vec![calf(1, Side::Right)];
    journal.extend([3, 6, 8, 10, 13, 15, 17].map(fine));
    journal.push(calf(20, Side::Left));
    let care = care_on(journal.clone(), 20);
    expect(&care, CareLevel::Book, When::OneWeek, "lower_legs_in_turn");
    assert!(!found(&care, "both_legs_in_turn"), "{care:?}");
    let care = care.unwrap();
    assert_eq!(care.pattern, Pattern::LowerLegsInTurn);
    let lines = care.what_to_do();
    assert!(
        lines.iter().any(|l| l.contains("bladder or bowels")),
        "{lines:?}"
    );
    // The twenty-first review: gone within the hour on the run, or brief at
    // rest, is booked the same (a minute more is no cliff to urgent care).
    let settled = [
        {
            let mut c = at(began(felt(20, 1), Onset::During), &[Spot::Calf]);
            c.cleared_minutes = Some(40);
            c
        },
        cleared(
            at(began(felt(20, 1), Onset::Night), &[Spot::Calf]),
            Cleared::Quickly,
        ),
    ];
    for later in settled {
        let mut booked = journal[..journal.len() - 1].to_vec();
        booked.push(side(later, Side::Left));
        let care = care_on(booked, 20);
        expect(&care, CareLevel::Book, When::OneWeek, "lower_legs_in_turn");
    }
    // The twenty-first review: one more brief calf tingle while that
    // booking waits is not "now in both legs": they were already.
    let mut again = journal.clone();
    again.push(calf(29, Side::Right));
    let care = care_on(again, 29);
    assert_eq!(
        care.as_ref().map(|c| c.level),
        Some(CareLevel::Book),
        "{care:?}"
    );
    // Anything more on either side is urgent: partly numb, slow to go,
    // above the knee, or at rest.
    let more = [
        cleared(
            at(began(felt(20, 2), Onset::During), &[Spot::Calf]),
            Cleared::Quickly,
        ),
        cleared(
            at(began(felt(20, 1), Onset::During), &[Spot::Calf]),
            Cleared::Hours,
        ),
        cleared(
            at(began(felt(20, 1), Onset::During), &[Spot::Thigh]),
            Cleared::Quickly,
        ),
        at(felt(20, 1), &[Spot::Calf]),
    ];
    for later in more {
        let mut worse = journal[..journal.len() - 1].to_vec();
        worse.push(side(later, Side::Left));
        let care = care_on(worse, 20);
        expect(&care, CareLevel::Urgent, When::Today, "both_legs_in_turn");
    }
}

#[test]
fn numbness_entered_before_the_booking_was_shown_is_not_worse_while_waiting() {
    // The clinician's twentieth review: ten days entered at once, newest
    // first, read "while waiting for the appointment" though no booking had
    // been shown. Between the toes twice books a podiatrist; partly numb
    // four days later is progression only when recorded after the booking.
    let toes = |d| {
        at(
            cleared(began(felt(d, 1), Onset::During), Cleared::Quickly),
            &[Spot::BetweenToes],
        )
    };
    // (Gone only after 90 minutes: urgent while waiting; within the hour
    // it would bring the booking forward.)
    let mut worse = at(began(felt(7, 2), Onset::During), &[Spot::BetweenToes]);
    worse.cleared_minutes = Some(90);
    let journal = |order: [u64; 3]| {
        let mut days = vec![toes(1), toes(3), worse.clone()];
        for (c, seq) in days.iter_mut().zip(order) {
            c.seq = seq;
        }
        days
    };
    let in_order = care_on(journal([1, 2, 3]), 7);
    expect(
        &in_order,
        CareLevel::Urgent,
        When::Today,
        "progression_while_booked",
    );
    let newest_first = care_on(journal([3, 2, 1]), 7);
    assert!(
        !found(&newest_first, "progression_while_booked"),
        "{newest_first:?}"
    );
    assert!(found(&newest_first, "between_the_toes_twice"));
    // The twenty-first: entered oldest first on a later day, the booking
    // was shown after the day of the worse check-in: not waiting either.
    let mut later = journal([1, 2, 3]);
    for c in &mut later {
        c.recorded = Some(day(9));
    }
    let oldest_first = care_on(later, 9);
    assert!(
        !found(&oldest_first, "progression_while_booked"),
        "{oldest_first:?}"
    );
    // A check-in back-filled later into the days before the booking does
    // not unsee it: the worse one after it was still waited on.
    let mut back_filled = journal([1, 2, 3]);
    let mut before = toes(0);
    before.seq = 4;
    before.recorded = Some(day(9));
    back_filled.push(before);
    expect(
        &care_on(back_filled, 9),
        CareLevel::Urgent,
        When::Today,
        "progression_while_booked",
    );
}

#[test]
fn another_pattern_found_while_waiting_keeps_its_own_clinician() {
    // The clinician's twentieth review: the left foot between the toes
    // booked a podiatrist; the right thigh and buttock partly numb at rest
    // for 40 minutes is worse while waiting (now brought forward, gone
    // within the hour: the twenty-fifth review), and its own referral, a
    // GP or spine clinician, was lost under "waiting to see a podiatrist".
    let toes = |d| {
        side(
            at(
                cleared(began(felt(d, 1), Onset::During), Cleared::Quickly),
                &[Spot::BetweenToes],
            ),
            Side::Left,
        )
    };
    let mut thigh = side(
        at(
            began(resting(11, 2), Onset::Rest),
            &[Spot::Thigh, Spot::Buttock],
        ),
        Side::Right,
    );
    thigh.cleared_minutes = Some(40);
    let care = care_on(vec![toes(1), toes(8), thigh.clone()], 11);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "back_while_booked_but_settled",
    );
    let lines = care.unwrap().what_to_do();
    assert!(
        lines.iter().any(|l| l.contains(
            "If you already have an appointment for numbness between the toes that keeps coming back, ask to be seen sooner."
        )),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l
            .starts_with("Tell them too about the numbness reaching above the knee")
            && l.contains("a GP or a spine clinician")),
        "{lines:?}"
    );
    // Gone only after hours, it is urgent, and the urgent message names
    // the podiatrist's booking too.
    thigh.cleared_minutes = Some(90);
    let care = care_on(vec![toes(1), toes(8), thigh], 11);
    expect(
        &care,
        CareLevel::Urgent,
        When::Today,
        "progression_while_booked",
    );
    let lines = care.unwrap().what_to_do();
    assert!(
        lines
            .iter()
            .any(|l| l.contains("waiting to see a podiatrist")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l
            .starts_with("Tell them too about the numbness reaching above the knee")
            && l.contains("a GP or a spine clinician")),
        "{lines:?}"
    );
}

#[test]
fn after_a_clearance_the_other_side_goes_back_to_the_clinician_and_the_other_leg_is_urgent() {
    // Left toes partly numb for hours twice (care booked), cleared on day
    // 6; the same on the right foot three days later.
    let toes = |d, s| {
        side(
            cleared(
                at(began(felt(d, 2), Onset::During), &[Spot::Toes]),
                Cleared::Hours,
            ),
            s,
        )
    };
    let assessed = |checkins: Vec<CheckIn>, today| {
        assess_with(&[], checkins, vec![clearance(6)], today)
            .verdict
            .care
    };
    let care = assessed(
        vec![
            toes(1, Side::Left),
            toes(3, Side::Left),
            toes(9, Side::Right),
        ],
        9,
    );
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "wider_after_a_clearance",
    );
    // The same foot again is the pattern the clinician saw: not this row.
    let care = assessed(
        vec![
            toes(1, Side::Left),
            toes(3, Side::Left),
            toes(9, Side::Left),
        ],
        9,
    );
    assert!(!found(&care, "wider_after_a_clearance"), "{care:?}");
    // The left calf and shin numb for hours, cleared; the right thigh
    // eleven days after the clearance: both legs in turn.
    let leg = |d, s, spots: &[Spot]| {
        side(
            cleared(at(began(felt(d, 2), Onset::During), spots), Cleared::Hours),
            s,
        )
    };
    let care = assessed(
        vec![
            leg(1, Side::Left, &[Spot::Calf, Spot::Shin]),
            leg(3, Side::Left, &[Spot::Calf]),
            leg(17, Side::Right, &[Spot::Thigh]),
        ],
        17,
    );
    expect(&care, CareLevel::Urgent, When::Today, "both_legs_in_turn");
}
