//! The care rules the clinician's twenty-second review reshaped: tingles
//! that settled within the hour are no deteriorating deficit with back
//! pain or back history; one small place back is no spread; a clearance
//! never makes a milder place harsher; the exertional pattern is one place
//! of one leg, run after run; a back-filled "not yet" ends at a clear day;
//! a foot asleep from sitting is posture.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{
    CareLevel, CheckIn, Cleared, Flag, Health, Numbness, Onset, Pattern, Side, Spot, Status, When,
};
use common::*;

/// A tingle on a run at minute 30 at `spots` on `on`, gone in 5 minutes.
fn quick(d: u64, spots: &[Spot], on: Side) -> CheckIn {
    during(d, 1, spots, on, 30, 5)
}

fn partly(mut c: CheckIn) -> CheckIn {
    c.numbness = Numbness::try_from(2).expect("a level");
    c
}

#[test]
fn with_back_history_a_tingle_reaching_the_thigh_for_minutes_is_booked_not_urgent() {
    // The right calf, then the calf and thigh six days later, each gone in
    // 5 minutes: pins and needles, not a deteriorating deficit (NHS Lothian;
    // NICE CKS "Sciatica"). Booked with the back's clinicians, as without
    // the back history.
    let journal = vec![
        fine(0),
        quick(1, &[Spot::Calf], Side::Right),
        quick(7, &[Spot::Calf, Spot::Thigh], Side::Right),
    ];
    let care = care_with(&[Health::BackHistory], journal.clone(), 7);
    expect(&care, CareLevel::Book, When::OneWeek, "whole_leg_tingling");
    assert!(!found(&care, "spreading_up_the_leg_with_back_history"));
    assert_eq!(care.map(|c| c.pattern), Some(Pattern::AboveTheKnee));
    // Partly numb the second time: urgent.
    let mut worse = journal;
    worse[2] = partly(worse[2].clone());
    expect(
        &care_with(&[Health::BackHistory], worse, 7),
        CareLevel::Urgent,
        When::Today,
        "spreading_up_the_leg_with_back_history",
    );
}

#[test]
fn with_back_pain_brief_toe_tingles_on_each_foot_in_turn_book_a_gp_or_physiotherapist() {
    let right = flagged(quick(1, &[Spot::Toes], Side::Right), Flag::BackPain);
    let left = flagged(quick(6, &[Spot::Toes], Side::Left), Flag::BackPain);
    let care = care_on(vec![fine(0), right.clone(), left.clone()], 6);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "numbness_with_back_pain",
    );
    let c = care.expect("care");
    assert_eq!(c.pattern, Pattern::WithBackPain);
    assert!(
        c.what_to_do()
            .iter()
            .any(|l| l.contains("bladder or bowels")),
        "{c:#?}"
    );
    // Either one slow to go, or both feet at once: urgent.
    let slow = cleared(left.clone(), Cleared::Hours);
    expect(
        &care_on(vec![fine(0), right.clone(), slow], 6),
        CareLevel::Urgent,
        When::Today,
        "both_sides_with_back_pain",
    );
    let both = side(left, Side::Both);
    expect(
        &care_on(vec![fine(0), right, both], 6),
        CareLevel::Urgent,
        When::Today,
        "both_sides_with_back_pain",
    );
}

#[test]
fn the_same_brief_calf_tingle_twice_holds_as_the_toes_twice_do() {
    let calf = |d| quick(d, &[Spot::Calf], Side::Right);
    let a = assess_with(&[], vec![fine(0), calf(1), calf(5)], vec![], 5);
    assert_eq!(a.verdict.status, Status::Hold, "{:#?}", a.verdict);
    // Partly numb the first time, then the tingle: as far up again, booked.
    let care = care_on(vec![fine(0), partly(calf(1)), calf(5)], 5);
    assert!(found(&care, "widespread_again"), "{care:#?}");
}

#[test]
fn numbness_spreading_from_the_calf_to_the_thigh_books_a_gp_or_spine_clinician() {
    let care = care_on(
        vec![
            fine(0),
            quick(1, &[Spot::Calf], Side::Right),
            quick(5, &[Spot::Thigh], Side::Right),
        ],
        5,
    );
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "spreading_above_the_knee",
    );
    let c = care.expect("care");
    assert_eq!(c.pattern, Pattern::AboveTheKnee);
    assert!(c.who.contains("spine"), "{}", c.who);
    // The toes to the calf stays the foot and leg clinicians' spread.
    let care = care_on(
        vec![
            fine(0),
            quick(1, &[Spot::Toes], Side::Right),
            quick(5, &[Spot::Calf], Side::Right),
        ],
        5,
    );
    assert!(found(&care, "spreading_up_the_leg"), "{care:#?}");
    assert!(!found(&care, "spreading_above_the_knee"), "{care:#?}");
}

#[test]
fn after_a_clearance_a_tingle_lower_down_the_leg_is_judged_afresh() {
    // An exertional calf pattern booked and cleared; then two quick toe
    // tingles: another, milder place, judged as with no care before.
    let calf = |d| during(d, 1, &[Spot::Calf], Side::Right, 25, 20);
    let before = vec![calf(1), calf(4), calf(8)];
    let toes = |d| quick(d, &[Spot::Toes], Side::Right);
    let after = [before.clone(), vec![toes(19), toes(23)]].concat();
    let a = assess_with(&[], after, vec![clearance(11)], 23);
    assert!(a.verdict.care.is_none(), "{:#?}", a.verdict.care);
    assert_eq!(a.verdict.status, Status::Hold);
    // The calf back twice is that care back.
    let again = [before, vec![calf(19), calf(23)]].concat();
    let care = assess_with(&[], again, vec![clearance(11)], 23)
        .verdict
        .care;
    assert!(
        found(&care, "cleared_numbness_back_twice_in_14_days_soon"),
        "{care:#?}"
    );
    // The heel after the toes were cleared is no milder than the toes
    // (the seventeenth review): back to that clinician.
    let toes_booked = vec![at(numb(1, 2), &[Spot::Toes]), at(numb(3, 2), &[Spot::Toes])];
    let heel = |d| quick(d, &[Spot::Heel], Side::Right);
    let care = assess_with(
        &[],
        [toes_booked, vec![heel(12), heel(16)]].concat(),
        vec![clearance(6)],
        16,
    )
    .verdict
    .care;
    assert!(
        found(&care, "cleared_numbness_back_twice_in_14_days"),
        "{care:#?}"
    );
}

#[test]
fn toes_of_one_foot_then_the_other_at_one_minute_are_not_the_exertional_pattern() {
    let care = care_on(
        vec![
            quick(1, &[Spot::Toes], Side::Left),
            quick(4, &[Spot::Toes], Side::Right),
            quick(8, &[Spot::Toes], Side::Left),
        ],
        8,
    );
    assert!(!found(&care, "exertional_pattern"), "{care:#?}");
    // Nor the toes, the arch and the heel of one foot.
    let care = care_on(
        vec![
            quick(1, &[Spot::Toes], Side::Left),
            quick(4, &[Spot::Arch], Side::Left),
            quick(8, &[Spot::Heel], Side::Left),
        ],
        8,
    );
    assert!(!found(&care, "exertional_pattern"), "{care:#?}");
    // The left toes three times, each gone in 20 minutes, is; gone within
    // 15, they are pins and needles of the forefoot, booked as coming back
    // (the clinician's twenty-fourth review: not the compartment's).
    let slower = |d| during(d, 1, &[Spot::Toes], Side::Left, 30, 20);
    let care = care_on(vec![slower(1), slower(4), slower(8)], 8);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "exertional_pattern",
    );
    let care = care_on(
        vec![
            quick(1, &[Spot::Toes], Side::Left),
            quick(4, &[Spot::Toes], Side::Left),
            quick(8, &[Spot::Toes], Side::Left),
        ],
        8,
    );
    assert!(!found(&care, "exertional_pattern"), "{care:#?}");
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "held_two_weeks_running",
    );
}

#[test]
fn three_tingles_scattered_among_clear_runs_are_coming_back_not_the_exertional_pattern() {
    // The left arch at minutes 30, 35 and 25 over three weeks, eight clear
    // runs between: "run after run" it is not (Mayo, CECS); three separate
    // weeks book as coming back.
    let arch = |d, m| during(d, 1, &[Spot::Arch], Side::Left, m, 5);
    let mut journal = vec![arch(2, 30), arch(11, 35), arch(21, 25)];
    journal.extend([4, 6, 8, 9, 13, 15, 16, 18].map(fine));
    journal.sort_by_key(|c| c.date);
    let care = care_on(journal.clone(), 21);
    assert!(!found(&care, "exertional_pattern"), "{care:#?}");
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "symptoms_in_three_weeks_of_six",
    );
    // On most of the runs between, it is.
    let mostly: Vec<CheckIn> = journal
        .into_iter()
        .map(|c| {
            if [6, 8, 13, 16].map(day).contains(&c.date) {
                arch((c.date - day(0)).num_days() as u64, 30)
            } else {
                c
            }
        })
        .collect();
    let care = care_on(mostly, 21);
    assert!(found(&care, "exertional_pattern"), "{care:#?}");
}

#[test]
fn an_onset_trend_counts_runs_of_one_leg_not_walks() {
    let shin = |d, on, m| during(d, 1, &[Spot::Shin], on, m, 10);
    // The left shin at 40, 34 and 28: earlier and earlier.
    let care = care_on(
        vec![
            shin(1, Side::Left, 40),
            shin(4, Side::Left, 34),
            shin(8, Side::Left, 28),
        ],
        8,
    );
    assert!(found(&care, "onset_earlier_and_earlier"), "{care:#?}");
    // The right shin in the middle: no trend on one leg.
    let care = care_on(
        vec![
            shin(1, Side::Left, 40),
            shin(4, Side::Right, 34),
            shin(8, Side::Left, 28),
        ],
        8,
    );
    assert!(!found(&care, "onset_earlier_and_earlier"), "{care:#?}");
    // The last on a rest day's walk: no trend of runs.
    let mut walk = shin(8, Side::Left, 28);
    walk.session = rest(8).session;
    let care = care_on(
        vec![shin(1, Side::Left, 40), shin(4, Side::Left, 34), walk],
        8,
    );
    assert!(!found(&care, "onset_earlier_and_earlier"), "{care:#?}");
}

#[test]
fn a_back_filled_not_yet_with_a_clear_check_in_after_it_has_not_lasted_days() {
    // A toe tingle on day 3, recorded on day 6 as "not yet", and day 6 says
    // no numbness: it had gone by then.
    let mut toes = cleared(
        at(began(felt(3, 1), Onset::After), &[Spot::Toes]),
        Cleared::NotYet,
    );
    toes.recorded = Some(day(6));
    let care = care_on(vec![fine(1), toes.clone(), fine(6)], 6);
    assert!(!found(&care, "not_cleared_days_later"), "{care:#?}");
    // With no clear check-in between, it lasted till it was recorded.
    let care = care_on(vec![fine(1), toes], 6);
    assert!(found(&care, "not_cleared_days_later"), "{care:#?}");
}

#[test]
fn a_foot_asleep_from_sitting_twice_is_not_the_sole_at_night_pattern() {
    let asleep = |d, onset| {
        side(
            cleared(
                at(began(resting(d, 2), onset), &[Spot::WholeFoot]),
                Cleared::Quickly,
            ),
            Side::Right,
        )
    };
    let care = care_on(
        vec![fine(0), asleep(2, Onset::Rest), asleep(20, Onset::Rest)],
        20,
    );
    assert!(!found(&care, "sole_or_heel_at_night_twice"), "{care:#?}");
    // Coming back at rest books, as the rest row says.
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "at_rest_twice_in_six_weeks",
    );
    // At night it is the sole's pattern.
    let care = care_on(
        vec![fine(0), asleep(2, Onset::Night), asleep(20, Onset::Night)],
        20,
    );
    assert!(found(&care, "sole_or_heel_at_night_twice"), "{care:#?}");
}

#[test]
fn a_calf_tingle_at_night_gone_within_the_hour_is_judged_as_one_on_a_run() {
    // The left calf on a run, the right calf at night, gone in 16 and in 45
    // minutes: booked like the same tingle on a run, not urgent.
    for gone in [16, 45] {
        let mut night = side(
            at(began(resting(6, 1), Onset::Night), &[Spot::Calf]),
            Side::Right,
        );
        night.cleared_minutes = Some(gone);
        let care = care_on(vec![fine(0), quick(2, &[Spot::Calf], Side::Left), night], 6);
        expect(&care, CareLevel::Book, When::OneWeek, "lower_legs_in_turn");
    }
}

#[test]
fn with_circulation_problems_a_tingle_gone_as_the_runner_warmed_up_is_not_claudication() {
    let warm_up = side(
        cleared(minute(at(felt(3, 1), &[Spot::Toes]), 3), Cleared::Quickly),
        Side::Both,
    );
    let care = care_with(&[Health::Circulation], vec![fine(1), warm_up], 3);
    assert!(
        !found(&care, "claudication_with_circulation_problems"),
        "{care:#?}"
    );
    // At minute 20 it is.
    let on_the_run = side(
        cleared(minute(at(felt(3, 1), &[Spot::Toes]), 20), Cleared::Quickly),
        Side::Both,
    );
    let care = care_with(&[Health::Circulation], vec![fine(1), on_the_run], 3);
    assert!(
        found(&care, "claudication_with_circulation_problems"),
        "{care:#?}"
    );
}

#[test]
fn the_clinician_summary_says_a_walks_tingle_began_during_exercise_not_the_run() {
    // j01: a tingle on a rest day's walk was listed "during the run".
    let start = "2026-09-07";
    let dir = plan_dir(start, start);
    let today = date_after(start, 3);
    cli(dir.path(), &today)
        .args([
            "checkin",
            "--numbness",
            "1",
            "--where",
            "calf",
            "--side",
            "right",
        ])
        .args([
            "--onset",
            "during",
            "--minutes",
            "20",
            "--cleared-minutes",
            "10",
        ])
        .args(["--session", "rest_day", "--cross", "walk:40"])
        .assert()
        .success();
    let out = cli(dir.path(), &today)
        .args(["export", "--format", "md"])
        .output()
        .expect("the binary runs");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("during exercise (20 min)"), "{summary}");
    assert!(!summary.contains("during the run"), "{summary}");
}
