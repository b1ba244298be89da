//! The assessment kept between the commands of a day (src/store/kept.rs):
//! read only while nothing it was derived from changed, and only for the
//! day it was made for; whatever changes the journal or the plan, through
//! comeback or behind its back, makes the next command walk it afresh.

mod common;

use std::path::Path;

const PLAN_START: &str = "2026-11-02";
const TODAY: &str = "2026-11-18";

fn date(offset: u64) -> String {
    common::date_after(PLAN_START, offset)
}

fn status(dir: &Path, today: &str) -> serde_json::Value {
    common::json(dir, today, &["status", "--json"])
}

fn db(dir: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(dir.join("comeback.db")).unwrap()
}

fn kept_day(dir: &Path) -> Option<String> {
    db(dir)
        .query_row("SELECT day FROM kept_assessment", [], |r| r.get(0))
        .ok()
}

/// The status walked afresh: with the kept assessment dropped first.
fn fresh_status(dir: &Path, today: &str) -> serde_json::Value {
    db(dir).execute("DELETE FROM kept_assessment", []).unwrap();
    status(dir, today)
}

fn checkin(dir: &Path, day: u64, args: &[&str]) {
    common::cli(dir, TODAY)
        .args(["checkin", "--date", &date(day), "--replace"])
        .args(args)
        .assert()
        .success();
}

fn with_journal() -> tempfile::TempDir {
    let dir = common::plan_dir(TODAY, PLAN_START);
    checkin(dir.path(), 0, &["--numbness", "0"]);
    checkin(
        dir.path(),
        2,
        &[
            "--numbness",
            "1",
            "--where",
            "toes",
            "--onset",
            "during",
            "--minutes",
            "20",
            "--cleared",
            "quickly",
        ],
    );
    dir
}

#[test]
fn a_status_keeps_its_assessment_for_the_day_and_the_next_reads_the_same() {
    let dir = with_journal();
    let first = fresh_status(dir.path(), TODAY);
    assert_eq!(kept_day(dir.path()).as_deref(), Some(TODAY));
    assert_eq!(status(dir.path(), TODAY), first);
}

#[test]
fn every_check_in_keeps_the_assessment_a_fresh_walk_gives() {
    let dir = with_journal();
    let steps: [(u64, &[&str]); 5] = [
        (
            3,
            &[
                "--numbness",
                "2",
                "--where",
                "toes,sole",
                "--onset",
                "during",
                "--minutes",
                "15",
                "--cleared",
                "hours",
            ],
        ),
        (4, &["--numbness", "0"]),
        (
            5,
            &[
                "--numbness",
                "0",
                "--flag",
                "cold_pale",
                "--cleared",
                "quickly",
            ],
        ),
        (
            9,
            &[
                "--numbness",
                "1",
                "--where",
                "heel",
                "--onset",
                "night",
                "--cleared",
                "not_yet",
            ],
        ),
        (10, &["--numbness", "0"]),
    ];
    for (day, args) in steps {
        checkin(dir.path(), day, args);
        let kept = status(dir.path(), TODAY);
        assert_eq!(
            kept,
            fresh_status(dir.path(), TODAY),
            "after the check-in of day {day}"
        );
    }
    common::cli(dir.path(), TODAY)
        .args(["clear"])
        .assert()
        .success();
    let kept = status(dir.path(), TODAY);
    assert_eq!(kept, fresh_status(dir.path(), TODAY), "after a clearance");
    common::cli(dir.path(), TODAY)
        .args(["undo"])
        .assert()
        .success();
    let kept = status(dir.path(), TODAY);
    assert_eq!(kept, fresh_status(dir.path(), TODAY), "after an undo");
}

#[test]
fn a_change_behind_the_store_s_back_drops_the_kept_assessment() {
    let dir = with_journal();
    let changes = [
        "DELETE FROM checkins WHERE date = (SELECT max(date) FROM checkins)",
        "INSERT INTO clearances (date, note, seq, recorded_at) VALUES ('2026-11-05', NULL, 99999999999999, '2026-11-18T08:00:00Z')",
        "UPDATE plan SET profile = profile",
    ];
    for sql in changes {
        status(dir.path(), TODAY);
        assert!(kept_day(dir.path()).is_some());
        db(dir.path()).execute(sql, []).unwrap();
        assert_eq!(kept_day(dir.path()), None, "{sql}");
        let after = status(dir.path(), TODAY);
        assert_eq!(after, fresh_status(dir.path(), TODAY), "{sql}");
    }
}

#[test]
fn another_day_is_walked_afresh() {
    let dir = with_journal();
    status(dir.path(), TODAY);
    let next_day = "2026-11-19";
    let next = status(dir.path(), next_day);
    assert_eq!(kept_day(dir.path()).as_deref(), Some(next_day));
    assert_eq!(next, fresh_status(dir.path(), next_day));
    assert_ne!(next["today"], status(dir.path(), TODAY)["today"]);
}

#[test]
fn a_kept_assessment_that_does_not_read_back_is_ignored() {
    let dir = with_journal();
    let fresh = fresh_status(dir.path(), TODAY);
    db(dir.path())
        .execute("UPDATE kept_assessment SET data = x'00ff17'", [])
        .unwrap();
    assert_eq!(status(dir.path(), TODAY), fresh);
}

/// Shoe advice comes from the pairs' distances kept with the assessment:
/// a worn-out pair is named by `status` and `today` the same whether the
/// day's assessment was kept by the check-in or walked afresh.
#[test]
fn a_worn_out_pair_is_named_from_the_kept_distances_as_from_a_fresh_walk() {
    let dir = common::plan_dir(TODAY, PLAN_START);
    common::cli(dir.path(), TODAY)
        .args(["shoes", "add", "Pegasus", "--start-distance", "399"])
        .assert()
        .success();
    checkin(dir.path(), 1, &["--numbness", "0", "--distance", "4"]);
    let today = |dir: &Path| common::json(dir, TODAY, &["today", "--json"]);
    let (kept, kept_today) = (status(dir.path(), TODAY), today(dir.path()));
    let advice = kept["advice"].to_string();
    assert!(advice.contains("Pegasus"), "{kept}");
    assert_eq!(kept, fresh_status(dir.path(), TODAY));
    db(dir.path())
        .execute("DELETE FROM kept_assessment", [])
        .unwrap();
    assert_eq!(kept_today, today(dir.path()));
}
