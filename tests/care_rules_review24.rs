//! The care rules the clinician's twenty-fourth review reshaped: numbness
//! that had not cleared keeps its question open however long the silence;
//! tingles that held the plan two weeks running book a clinician when a
//! tingle in the week before shows they are no single spell; the summary
//! says one calls the emergency number; a warning sign says the minutes it
//! took to go.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CareLevel, CheckIn, Cleared, Onset, Side, Spot, Status, When};
use common::*;

#[test]
fn numbness_not_cleared_and_then_silence_holds_and_asks_however_many_weeks_pass() {
    // Partly numb after a run, not cleared, then nothing: an open question,
    // never good news (DOMAIN §6, "not cleared, then silence").
    let numb = cleared(
        began(at(felt(1, 2), &[Spot::Toes, Spot::Ball]), Onset::After),
        Cleared::NotYet,
    );
    for today in [8, 28, 29, 60, 120] {
        let a = assess_on(vec![fine(0), numb.clone()], &[], today);
        assert_eq!(
            a.verdict.status,
            Status::Hold,
            "day {today}: {:#?}",
            a.verdict
        );
        let why = a.verdict.reasons.join(" ");
        assert!(why.contains("how is it now?"), "day {today}: {why}");
    }
    // A symptom-free check-in answers it.
    let answered = assess_on(vec![fine(0), numb, fine(40)], &[], 41);
    assert!(
        !answered
            .verdict
            .reasons
            .join(" ")
            .contains("how is it now?"),
        "{:#?}",
        answered.verdict
    );
}

/// A tingle at the right toes at minute 25 of a run, gone in 5 minutes.
fn toes(d: u64) -> CheckIn {
    during(d, 1, &[Spot::Toes], Side::Right, 25, 5)
}

#[test]
fn tingles_that_held_two_weeks_running_after_one_the_week_before_book_whatever_the_last_gap() {
    // Tue, Wed of the next week, then Tue (6 days on) or Wed (7 days on) of
    // the week after: "keeps coming back" either way (NHS "Pins and
    // needles"; Mayo "Numbness"); a fourth tingle between never eases it.
    for days in [vec![1, 9, 15], vec![1, 9, 16], vec![1, 9, 13, 15]] {
        let last = *days.last().expect("days");
        let journal = std::iter::once(fine(0)).chain(days.iter().map(|d| toes(*d)));
        let care = care_on(journal.collect(), last);
        expect(
            &care,
            CareLevel::Book,
            When::OneWeek,
            "held_two_weeks_running",
        );
    }
}

#[test]
fn tingles_on_three_days_in_a_row_over_a_monday_are_one_spell_and_hold() {
    // Sat, Sun, Mon: two plan weeks held, but one spell of symptoms (the
    // clinician's sixth review).
    let care = care_on(vec![fine(0), toes(12), toes(13), toes(14)], 14);
    assert!(!found(&care, "held_two_weeks_running"), "{care:#?}");
}

const START: &str = "2026-09-07";

fn checkin_by_binary(dir: &std::path::Path, day: u64, args: &str) {
    let date = date_after(START, day);
    cli(dir, &date)
        .args(["checkin", "--date", &date])
        .args(args.split(' '))
        .assert()
        .success();
}

#[test]
fn the_clinician_summary_says_the_runner_was_advised_to_call_the_emergency_number() {
    let dir = plan_dir(START, START);
    checkin_by_binary(
        dir.path(),
        1,
        "--numbness 1 --where toes --side left --onset during --minutes 20 --cleared quickly --flag saddle",
    );
    let out = cli(dir.path(), &date_after(START, 1))
        .args(["export", "--format", "md"])
        .output()
        .expect("runs");
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains(
            "who was advised to call the emergency number now or go to an emergency department."
        ),
        "{summary}"
    );
    assert!(
        !summary.contains("advised to see the emergency number"),
        "{summary}"
    );
}

#[test]
fn a_warning_sign_with_numbness_says_the_minutes_it_took_to_go() {
    // Calf tightness with tingling at the shin and top of the foot, gone
    // after 20 minutes: said so, not "within the hour".
    let dir = plan_dir(START, START);
    checkin_by_binary(
        dir.path(),
        1,
        "--numbness 1 --where shin,top --side left --onset during --minutes 20 --cleared-minutes 20 --flag calf_tightness --session done",
    );
    let status = json(dir.path(), &date_after(START, 1), &["status", "--json"]);
    let why = status["care"]["why"].to_string();
    assert!(why.contains("gone after 20 minutes"), "{status:#}");
    assert!(!why.contains("within the hour"), "{status:#}");
}

#[test]
fn a_first_night_episode_in_the_sole_after_weeks_of_symptoms_on_runs_books_the_foot_clinicians() {
    // Toe tingles on runs two weeks apart, then the sole at night, gone in
    // 30 minutes: tarsal tunnel's pattern, an orthopedist or a podiatrist
    // (AAOS OrthoInfo; AOFAS FootCareMD), not the general clinicians.
    let mut night = at(began(resting(16, 1), Onset::Night), &[Spot::Sole]);
    night.cleared_minutes = Some(30);
    let care = care_on(vec![fine(0), toes(1), toes(15), night], 16);
    expect(
        &care,
        CareLevel::Book,
        When::OneWeek,
        "sole_at_night_after_weeks_with_runs",
    );
    assert_eq!(care.expect("care").who, "an orthopedist or a podiatrist");
    // At rest in the calf after those weeks: the general row, as before.
    let mut calf = at(began(resting(16, 1), Onset::Rest), &[Spot::Calf]);
    calf.cleared_minutes = Some(30);
    let care = care_on(vec![fine(0), toes(1), toes(15), calf], 16);
    assert!(found(&care, "at_rest_after_weeks_with_runs"), "{care:#?}");
    assert!(!found(&care, "sole_at_night_after_weeks_with_runs"));
}
