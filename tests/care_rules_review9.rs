//! Care rules from a clinician's ninth review (2026-12-06): numbness "not
//! gone when recorded" on a later day than its date has lasted until that
//! day, and the day a check-in was recorded is kept with it; "twice within
//! 14 days" counts the fourteenth day, as an episode does.

#[path = "common/care.rs"]
mod care;
mod common;

use care::*;
use comeback::checkin::{CareLevel, CheckIn, Cleared, Health, Onset, Side, Spot, When};
use common::*;

/// The whole left foot partly numb from minute 30 of a run on `d`, cleared
/// as `how`, recorded on day `recorded` (`None`: on its own day).
fn whole_foot(d: u64, how: Cleared, recorded: Option<u64>) -> CheckIn {
    let mut c = side(
        cleared(
            at(
                minute(began(felt(d, 2), Onset::During), 30),
                &[Spot::WholeFoot],
            ),
            how,
        ),
        Side::Left,
    );
    c.recorded = recorded.map(day);
    c
}

#[test]
fn numbness_still_there_when_recorded_days_later_books_a_clinician() {
    // Recorded three days, or eight, after the run: it lasted that long.
    for late in [3, 8] {
        let journal = vec![fine(1), whole_foot(2, Cleared::NotYet, Some(2 + late))];
        let care = care_on(journal, 2 + late);
        expect(
            &care,
            CareLevel::Book,
            When::OneWeek,
            "not_cleared_days_later",
        );
        let why = care.as_ref().map(|c| c.why.join(" ")).unwrap_or_default();
        assert!(why.contains(&format!("({late} days later)")), "{why}");
    }
    // Recorded on its own day, it says nothing about the days after.
    let care = care_on(vec![fine(1), whole_foot(2, Cleared::NotYet, None)], 2);
    assert!(!found(&care, "not_cleared_days_later"), "{care:?}");
    // Recorded late, but it had cleared: nothing lasted.
    let care = care_on(vec![fine(1), whole_foot(2, Cleared::Hours, Some(5))], 5);
    assert!(!found(&care, "not_cleared_days_later"), "{care:?}");
}

#[test]
fn twice_within_fourteen_days_counts_the_fourteenth_day() {
    // With diabetes, a quick toe tingle after a run on day 1 and again on
    // day 15: fourteen days apart is within fourteen days, as an episode's
    // events are. Fifteen days apart is not.
    let toes = |d| {
        side(
            cleared(
                at(began(felt(d, 1), Onset::After), &[Spot::Toes]),
                Cleared::Quickly,
            ),
            Side::Left,
        )
    };
    let care = care_with(&[Health::Diabetes], vec![toes(1), toes(15)], 15);
    expect(
        &care,
        CareLevel::Book,
        When::TwoWorkingDays,
        "diabetes_foot_numbness",
    );
    let care = care_with(&[Health::Diabetes], vec![toes(1), toes(16)], 16);
    assert!(!found(&care, "diabetes_foot_numbness"), "{care:?}");
}

#[test]
fn the_day_a_check_in_was_recorded_is_kept_exported_and_read_back() {
    let dir = plan_dir("2026-11-23", "2026-11-23");
    let late = [
        "checkin",
        "--date",
        "2026-11-24",
        "--numbness",
        "2",
        "--where",
        "whole_foot",
        "--side",
        "left",
        "--onset",
        "during",
        "--minutes",
        "30",
        "--cleared",
        "not_yet",
    ];
    cli(dir.path(), "2026-11-27").args(late).assert().success();
    let status = json(dir.path(), "2026-11-27", &["status", "--json"]);
    assert_eq!(status["care"]["rules"][0], "not_cleared_days_later");
    // A note added two days on keeps the day the numbness was recorded.
    cli(dir.path(), "2026-11-29")
        .args(late)
        .args(["--note", "saw the GP's number", "--replace"])
        .assert()
        .success();
    let history = json(dir.path(), "2026-11-29", &["history", "--json"]);
    let day = history["checkins"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["date"] == "2026-11-24"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(day["recorded"], "2026-11-27", "{day}");
    // The export carries it, and an import reads it back.
    let doc = json(dir.path(), "2026-11-29", &["export"]);
    assert_eq!(doc["schema"], comeback::document::PLAN_SCHEMA);
    let other = import_into_fresh(doc.to_string().as_bytes(), "2026-11-29");
    let again = json(other.path(), "2026-11-29", &["export"]);
    assert_eq!(again["checkins"], doc["checkins"]);
    // A check-in recorded on its own day carries no recorded day.
    cli(dir.path(), "2026-11-29")
        .args(["checkin", "--numbness", "0"])
        .assert()
        .success();
    let doc = json(dir.path(), "2026-11-29", &["export"]);
    let today = doc["checkins"]
        .as_array()
        .and_then(|all| all.iter().find(|c| c["date"] == "2026-11-29"))
        .cloned()
        .unwrap_or_default();
    assert!(today.get("recorded").is_none(), "{today}");
}
